"""A vault and its vault.json to damage or tamper with, for tests/unit/test_header_*.py.

The `setup` fixture (one such vault in each key mode) is in tests/unit/conftest.py.
"""

from __future__ import annotations

import copy
import hashlib
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.header import HEADER_NAME
from intimacy_desktop.storage.vault import CreatedVault, create_vault, unlock

PASSPHRASE = "tamper test passphrase"
MODES = ["keyring+passphrase", "keyring-only", "passphrase-only"]


def _real_header_keys() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "v"
        create_vault(folder, "Sample", PASSPHRASE, MemorySecretStore(), crypto.FAST_TEST_PARAMS)
        return sorted(json.loads((folder / HEADER_NAME).read_bytes()))


HEADER_KEYS = _real_header_keys()
BODY_KEYS = [k for k in HEADER_KEYS if k != "checksum"]


class Setup:
    def __init__(self, created: CreatedVault, store: MemorySecretStore | None, passphrase: str | None) -> None:
        self.created = created
        self.folder = created.folder
        self.store = store
        self.passphrase = passphrase
        self.original = (created.folder / HEADER_NAME).read_bytes()

    @property
    def body(self) -> dict[str, Any]:
        data = json.loads(self.original)
        assert isinstance(data, dict)
        return data

    def write(self, data: bytes) -> None:
        (self.folder / HEADER_NAME).write_bytes(data)

    def write_body(self, body: dict[str, Any], *, recompute: bool) -> bytes:
        body = dict(body)
        if recompute:
            body.pop("checksum", None)
            body["checksum"] = checksum(body)
        data = json.dumps(body, indent=2, sort_keys=True).encode("utf-8") + b"\n"
        self.write(data)
        return data

    def unlock(self) -> bytes:
        return unlock(self.folder, self.passphrase, self.store)[1]


def checksum(body_without_checksum: dict[str, Any]) -> str:
    canonical = json.dumps(body_without_checksum, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def flip_b64(value: str) -> str:
    import base64

    raw = bytearray(base64.b64decode(value))
    raw[len(raw) // 2] ^= 0x01
    return base64.b64encode(bytes(raw)).decode("ascii")


def changed_value(key: str, value: Any) -> Any:
    """A different value of the same shape, as plausible as possible, so the later checks are reached."""
    special: dict[str, Callable[[Any], Any]] = {
        "format": lambda v: "intimacy-desktop-vault2",
        "version": lambda v: v + 1,
        "vault_id": lambda v: "0" * 32 if v != "0" * 32 else "1" * 32,
        "label": lambda v: v + " (copy)",
        "created": lambda v: "2001-01-01T00:00:00+00:00",
        "kdf": lambda v: {**v, "time_cost": v["time_cost"] + 1} if v else crypto.FAST_TEST_PARAMS.as_json(),
        "key_mode": lambda v: "passphrase-only" if v == "keyring" else "keyring",
        "keyring_backend": lambda v: (v + ".other") if v else "memory",
        "ds_check": lambda v: flip_b64(v) if v else "AAAAAAAAAAAAAAAAAAAAAA==",
        "checksum": lambda v: ("0" if v[0] != "0" else "1") + v[1:],
    }
    if key in special:
        return special[key](value)
    if isinstance(value, str):
        try:
            return flip_b64(value)  # salt, wrapped_dek, recovery_wrapped_dek and any new binary field
        except ValueError:
            return value + "x"
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if value is None:
        return "x"
    return None


OTHER_TYPES: list[Any] = [None, 0, -1, True, "", "x", [], {}, 1.5, "A" * 5000]


def tamper_cases(key: str, body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    if key not in body:  # a field of the other key modes (ds_id, header_mac without a keyring): added, never valid
        added = [("added", {**body, key: "AAAAAAAAAAAAAAAAAAAAAA=="})]
        return added + [(f"type{i}", {**body, key: other}) for i, other in enumerate(OTHER_TYPES)]
    cases = []
    changed = copy.deepcopy(body)
    changed[key] = changed_value(key, body[key])
    assert changed[key] != body[key]
    cases.append(("changed", changed))
    deleted = copy.deepcopy(body)
    del deleted[key]
    cases.append(("deleted", deleted))
    for i, other in enumerate(OTHER_TYPES):
        if other == body[key] and type(other) is type(body[key]):
            continue
        variant = copy.deepcopy(body)
        variant[key] = other
        cases.append((f"type{i}", variant))
    return cases
