"""Read a device secret straight from the Secret Service (Linux), without importing the keyring package.

Importing ``keyring`` and letting it pick a backend cost every command-line call about 180 ms (it loads every
installed backend plugin, the macOS one included, to rank them). A profile's header names the backend that holds its
secret; when that is keyring's Secret Service backend, this module reads the same item keyring wrote (the same
default collection and the same ``service``/``username`` attributes) through ``secretstorage``, which keyring itself
uses underneath. Writing and deleting stay with keyring (rare, and keyring knows every platform).
"""

from __future__ import annotations

import contextlib

from intimacy_desktop.core.errors import KeyringLocked, KeyringUnavailable

BACKEND = "keyring.backends.SecretService.Keyring"


def read(service: str, username: str) -> str | None:
    """The stored text, or None when there is no such item. ``KeyringUnavailable`` with no Secret Service on the
    session bus; ``KeyringLocked`` when the collection or item stays locked (the person dismissed the prompt)."""
    try:
        import secretstorage
        from secretstorage import exceptions
    except ImportError as exc:
        raise KeyringUnavailable() from exc
    try:
        bus = secretstorage.dbus_init()
    except (exceptions.SecretStorageException, OSError) as exc:
        raise KeyringUnavailable() from exc
    with contextlib.closing(bus):
        try:
            collection = secretstorage.get_default_collection(bus)
            if collection.is_locked():
                collection.unlock()
                if collection.is_locked():
                    raise KeyringLocked()
            for item in collection.search_items({"username": username, "service": service}):
                if item.is_locked():
                    item.unlock()
                    if item.is_locked():
                        raise KeyringLocked()
                return bytes(item.get_secret()).decode("utf-8")
        except exceptions.LockedException as exc:
            raise KeyringLocked() from exc
        except exceptions.SecretStorageException as exc:
            raise KeyringUnavailable("keyring_no_answer", error=type(exc).__name__) from exc
    return None
