"""Helpers for tests/unit/test_key_hierarchy_*.py; their `store` and `vault` fixtures are in tests/unit/conftest.py."""

from __future__ import annotations

import hashlib
from pathlib import Path

from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.vault import CreatedVault, create_vault

PASSPHRASE = "correct horse battery staple"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (recursively) with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_vault(
    folder: Path, passphrase: str | None, store: MemorySecretStore | None, label: str = "Profile 1"
) -> CreatedVault:
    return create_vault(folder, label, passphrase, store, crypto.FAST_TEST_PARAMS)
