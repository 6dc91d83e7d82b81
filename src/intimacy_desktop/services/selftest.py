"""The self-test: can this machine run the app? Each check returns a plain result; nothing touches user data.

A result's ``detail`` is a technical fact (a backend's class name, a version, a status word kept stable for the
JSON output); when a check fails for a reason a person should read, ``error`` says it as a code (messages.py).
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from intimacy_desktop.core.errors import EXIT_DATA, EXIT_KEYRING, AppError, KeyringUnavailable
from intimacy_desktop.storage.device_secret import KeyringSecretStore


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    exit_code: int = 0
    error: AppError | None = None  # a failure's reason, for the front end to put into words


def check_keyring() -> CheckResult:
    """A round trip through the real keyring: store, read back and delete a throwaway secret."""
    try:
        store = KeyringSecretStore()
        backend = store.backend_name()
        probe_id = f"self-test-{secrets.token_hex(6)}"
        secret = secrets.token_bytes(32)
        store.put(probe_id, secret)
        try:
            ok = store.get(probe_id) == secret
        finally:
            store.delete(probe_id)
    except KeyringUnavailable:
        return CheckResult("keyring", False, "", EXIT_KEYRING, AppError("selftest_no_keyring"))
    except AppError as exc:
        return CheckResult("keyring", False, "", EXIT_KEYRING, exc)
    if not ok:
        return CheckResult("keyring", False, backend, EXIT_KEYRING,
                           AppError("selftest_keyring_roundtrip", backend=backend))
    return CheckResult("keyring", True, backend)


def check_database() -> list[CheckResult]:
    """SQLCipher's version, FTS5 and in-memory temp storage, on a throwaway encrypted database."""
    from intimacy_desktop.storage.database import probe_engine

    with tempfile.TemporaryDirectory(prefix="selftest-") as tmp:
        try:
            facts = probe_engine(Path(tmp), secrets.token_bytes(32))
        except Exception as exc:  # any failure here is the answer the self-test exists to give
            return [CheckResult("sqlcipher", False, f"{type(exc).__name__}: {exc}", EXIT_DATA)]
    return [
        CheckResult("cipher_version", bool(facts.cipher_version), facts.cipher_version or "not SQLCipher", EXIT_DATA),
        CheckResult("fts5", facts.fts5, "available" if facts.fts5 else "missing", EXIT_DATA),
        CheckResult("temp_store", facts.temp_store == 2, "MEMORY" if facts.temp_store == 2 else str(facts.temp_store),
                    EXIT_DATA),
        CheckResult("encrypted_file", facts.encrypted, "no plaintext header" if facts.encrypted else "plaintext!",
                    EXIT_DATA),
    ]


def run_checks(window_check: Callable[[], CheckResult]) -> list[CheckResult]:
    return [check_keyring(), *check_database(), window_check()]
