"""The device secret in the OS keyring, under neutral names so a glance at the keyring reveals nothing.

Only real keyrings are accepted: keyring's ``fail`` backend means there is none, and the plaintext backends of
keyrings.alt would quietly put the secret in a file next to the data it protects.
"""

from __future__ import annotations

import base64
import binascii
import os
from typing import Any, Protocol

from intimacy_desktop.core.errors import KeyringBackendChanged, KeyringLocked, KeyringUnavailable
from intimacy_desktop.storage import secret_service

SERVICE = "desktop-vault"
_REFUSED_MODULE_PREFIXES = ("keyring.backends.fail", "keyrings.alt")


class SecretStore(Protocol):
    def backend_name(self) -> str: ...
    def get(self, vault_id: str) -> bytes | None: ...
    def put(self, vault_id: str, secret: bytes) -> None: ...
    def delete(self, vault_id: str) -> None: ...
    def read(self, backend: str, vault_id: str) -> bytes | None:
        """The secret from the backend a header names; ``KeyringBackendChanged`` when this store is another."""
        ...


class KeyringSecretStore:
    """The OS keyring through the ``keyring`` package (Secret Service, macOS Keychain, Windows Credential Locker).

    ``keyring`` is imported on first use, not here: it loads every backend plugin to rank them (~180 ms), which
    start-up and a command-line read have no time for. Reading a secret the Secret Service holds skips it entirely
    (storage/secret_service.py), unless ``PYTHON_KEYRING_BACKEND`` asks keyring for a particular backend.
    """

    def __init__(self) -> None:
        self._keyring: Any = None
        self._errors: Any = None

    def _load(self) -> None:
        if self._keyring is None:
            import keyring
            import keyring.errors

            self._keyring, self._errors = keyring, keyring.errors

    def read(self, backend: str, vault_id: str) -> bytes | None:
        if backend == secret_service.BACKEND and not os.environ.get("PYTHON_KEYRING_BACKEND"):
            value = secret_service.read(SERVICE, vault_id)
            return None if value is None else _decode(value)
        if self.backend_name() != backend:
            raise KeyringBackendChanged()
        return self.get(vault_id)

    def _backend(self) -> object:
        self._load()
        backend = self._keyring.get_keyring()
        name = _backend_name(backend)
        if name.startswith(_REFUSED_MODULE_PREFIXES) or getattr(backend, "priority", 1) <= 0:
            raise KeyringUnavailable()
        return backend

    def backend_name(self) -> str:
        return _backend_name(self._backend())

    def get(self, vault_id: str) -> bytes | None:
        backend = self._backend()
        value = self._call(lambda: backend.get_password(SERVICE, vault_id))  # type: ignore[attr-defined]
        return None if value is None else _decode(str(value))

    def put(self, vault_id: str, secret: bytes) -> None:
        backend = self._backend()
        encoded = base64.b64encode(secret).decode("ascii")
        self._call(lambda: backend.set_password(SERVICE, vault_id, encoded))  # type: ignore[attr-defined]

    def delete(self, vault_id: str) -> None:
        backend = self._backend()
        try:
            self._call(lambda: backend.delete_password(SERVICE, vault_id))  # type: ignore[attr-defined]
        except KeyringUnavailable:
            raise
        except Exception as exc:  # PasswordDeleteError: already gone is fine
            if not isinstance(exc, self._errors.PasswordDeleteError):
                raise

    def _call(self, action: object) -> object:
        try:
            return action()  # type: ignore[operator]
        except self._errors.KeyringLocked as exc:
            raise KeyringLocked() from exc
        except self._errors.NoKeyringError as exc:
            raise KeyringUnavailable() from exc
        except self._errors.InitError as exc:
            raise KeyringUnavailable() from exc
        except self._errors.KeyringError as exc:
            if "locked" in str(exc).lower():
                raise KeyringLocked() from exc
            raise KeyringUnavailable("keyring_no_answer", error=type(exc).__name__) from exc


class MemorySecretStore:
    """A keyring that lives in a dict: for tests and for the self-test's dry run."""

    def __init__(self, name: str = "memory") -> None:
        self.name = name
        self.secrets: dict[str, bytes] = {}
        self.available = True
        self.locked = False

    def _check(self) -> None:
        if not self.available:
            raise KeyringUnavailable()
        if self.locked:
            raise KeyringLocked()

    def backend_name(self) -> str:
        self._check()
        return self.name

    def get(self, vault_id: str) -> bytes | None:
        self._check()
        return self.secrets.get(vault_id)

    def put(self, vault_id: str, secret: bytes) -> None:
        self._check()
        self.secrets[vault_id] = secret

    def delete(self, vault_id: str) -> None:
        self._check()
        self.secrets.pop(vault_id, None)

    def read(self, backend: str, vault_id: str) -> bytes | None:
        if self.backend_name() != backend:
            raise KeyringBackendChanged()
        return self.get(vault_id)


def _decode(value: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error:
        return b""  # present but not ours: reported as a mismatch by the vault


def _backend_name(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"
