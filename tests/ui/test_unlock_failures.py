"""Every failure of DESIGN.md §4 at the unlock screen: its own message, still locked, and not one file changed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3
from ui_support import PASSPHRASE

from intimacy_desktop.core.errors import (
    DataCorrupt,
    HeaderCorrupt,
    KeyringBackendChanged,
    KeyringLocked,
    KeyringMismatch,
    KeyringSecretMissing,
    SchemaTooNew,
    WrongPassphrase,
)
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.vault import unlock as unwrap


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _flip_first_page(folder: Path, _store: MemorySecretStore) -> None:
    """The unlock reads the first page (damage further in is found by the check after unlock:
    tests/ui/test_background_check.py)."""
    db = folder / "journal.db"
    data = bytearray(db.read_bytes())
    data[300] ^= 0xFF
    db.write_bytes(bytes(data))


def _newer_schema(folder: Path, _store: MemorySecretStore) -> None:
    _, dek = unwrap(folder, PASSPHRASE, _store)
    conn = sqlcipher3.connect(str(folder / "journal.db"))
    conn.execute(f"PRAGMA key = \"x'{dek.hex()}'\"")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


def _other_secret(folder: Path, store: MemorySecretStore) -> None:
    vault_id = next(iter(store.secrets))
    store.secrets[vault_id] = b"\x01" * 32


CASES: dict[str, tuple[Callable[[Path, MemorySecretStore], object], str]] = {
    "keyring locked": (lambda f, s: setattr(s, "locked", True), KeyringLocked().message),
    "keyring item gone": (lambda f, s: s.secrets.clear(), KeyringSecretMissing().message),
    "another secret": (_other_secret, KeyringMismatch().message),
    "another keyring": (lambda f, s: setattr(s, "name", "another-backend"), KeyringBackendChanged().message),
    "empty database": (lambda f, s: (f / "journal.db").write_bytes(b""), "empty (0 bytes)"),
    "damaged first page": (_flip_first_page, DataCorrupt().message),
    "damaged key file": (lambda f, s: (f / "vault.json").write_bytes((f / "vault.json").read_bytes()[:100]),
                         HeaderCorrupt().message),
    "newer schema": (_newer_schema, SchemaTooNew().message),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_failure_has_its_message_and_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, make_window, existing_profile, secret_store, case: str
) -> None:
    [info] = existing_profile.list_profiles()
    profile = existing_profile.unlock(info, PASSPHRASE)
    for i in range(60):  # enough entries for a database of several pages
        from intimacy_desktop.core.journal import EntryFields

        profile.journal.add(EntryFields(title=f"entry {i}", body="words " * 200))
    profile.close()
    damage, message = CASES[case]
    damage(info.folder, secret_store)
    before = _snapshot(info.folder)

    w = make_window()
    ui = w.unlock_page.ui
    if ui.passphraseEdit.isVisible():
        qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    ui.unlockButton.click()  # a damaged key file is reported before any attempt: the button is disabled then
    qtbot.waitUntil(lambda: ui.errorLabel.isVisibleTo(w) and not ui.busyBar.isVisibleTo(w), timeout=10_000)
    assert message in ui.errorLabel.text()
    assert WrongPassphrase().message not in ui.errorLabel.text()
    assert w.profile is None
    assert _snapshot(info.folder) == before
