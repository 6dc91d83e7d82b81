"""The key hierarchy of DESIGN.md §4 through ProfileService: recovering and changing the passphrase.

Both re-wrap the same DEK (no new vault); a failure half-way (a full disk) leaves the old access working.
"""

from __future__ import annotations

import datetime as dt

import pytest
from key_hierarchy_support import PASSPHRASE, snapshot

from intimacy_desktop.core import recovery_code
from intimacy_desktop.core.errors import KeyringSecretMissing, WrongPassphrase, WrongRecoveryCode
from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage.attempts import ATTEMPTS_NAME
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.header import read_header
from intimacy_desktop.storage.vault import unlock, unlock_with_recovery

# ---- ProfileService: recover and change passphrase ----------------------------------------------------------------


def _except_attempts(files: dict[str, str]) -> dict[str, str]:
    return {name: digest for name, digest in files.items() if name != ATTEMPTS_NAME}


def _titles(profile: UnlockedProfile) -> list[str]:
    return sorted(s.title for s in profile.journal.summaries(EntryFilter(), limit=10_000))


def _seed(profiles: ProfileService, passphrase: str | None = PASSPHRASE) -> tuple[str, list[str]]:
    created = profiles.create("Alex", passphrase)
    titles = [f"entry {i}" for i in range(5)]
    for i, title in enumerate(titles):
        created.profile.journal.add(
            EntryFields(title=title, body=f"body {i} ünïcode", entry_date=dt.date(2024, 1, i + 1), mood=i % 5 + 1)
        )
    created.profile.close()
    return created.recovery_code, titles


def test_recover_after_the_keyring_item_is_lost(profiles: ProfileService, secret_store: MemorySecretStore) -> None:
    old_code, titles = _seed(profiles)
    info = profiles.find("Alex")
    vault_id = read_header(info.folder).vault_id
    secret_store.delete(vault_id)  # new computer / reinstalled OS
    assert vault_id not in secret_store.secrets

    before = snapshot(info.folder)
    with pytest.raises(KeyringSecretMissing) as err:
        profiles.unlock(info, PASSPHRASE)
    assert err.value.exit_code == 4
    assert snapshot(info.folder) == before
    with pytest.raises(WrongRecoveryCode):
        profiles.recover(info, recovery_code.new_code(), "new passphrase")
    assert _except_attempts(snapshot(info.folder)) == before  # only the guess is counted (issue 8)

    recovered = profiles.recover(info, old_code.lower(), "new passphrase")
    try:
        new_code = recovered.recovery_code
        assert new_code != old_code
        assert recovery_code.parse_code(new_code) != recovery_code.parse_code(old_code)
        assert list(secret_store.secrets) == [read_header(info.folder).keyring_name]  # fresh keyring access
        assert read_header(info.folder).keyring_name.startswith(vault_id + ".")  # an item of its own
        assert _titles(recovered.profile) == titles
    finally:
        recovered.profile.close()

    info = profiles.find("Alex")
    assert read_header(info.folder).vault_id == vault_id  # same vault, re-keyed, not re-created
    with pytest.raises(WrongRecoveryCode) as wrong:
        unlock_with_recovery(info.folder, old_code)
    assert wrong.value.exit_code == 3
    assert unlock_with_recovery(info.folder, new_code)[1] == unlock(info.folder, "new passphrase", secret_store)[1]
    with pytest.raises(WrongPassphrase):
        profiles.unlock(info, PASSPHRASE)

    profile = profiles.unlock(info, "new passphrase")
    try:
        assert _titles(profile) == titles
        assert profile.journal.get(1).fields.body == "body 0 ünïcode"
    finally:
        profile.close()


def test_recover_into_passphrase_only_mode(profiles: ProfileService, secret_store: MemorySecretStore) -> None:
    old_code, titles = _seed(profiles)
    info = profiles.find("Alex")
    secret_store.secrets.clear()
    secret_store.available = False
    recovered = profiles.recover(info, old_code, "pp", passphrase_only=True)
    recovered.profile.close()
    info = profiles.find("Alex")
    assert not info.uses_keyring
    profile = profiles.unlock(info, "pp")  # the keyring is still unavailable: not needed any more
    try:
        assert _titles(profile) == titles
    finally:
        profile.close()


def test_change_passphrase(profiles: ProfileService, secret_store: MemorySecretStore) -> None:
    old_code, titles = _seed(profiles)
    info = profiles.find("Alex")
    profile = profiles.unlock(info, PASSPHRASE)
    try:
        before = snapshot(info.folder)
        with pytest.raises(WrongPassphrase):
            profiles.change_passphrase(profile, "not the old one", "new one")
        assert _except_attempts(snapshot(info.folder)) == before  # only the guess is counted (issue 8)
        new_code = profiles.change_passphrase(profile, PASSPHRASE, "new one")
        assert new_code != old_code
        profile.journal.add(EntryFields(title="after change"))
        assert _titles(profile) == sorted([*titles, "after change"])
    finally:
        profile.close()

    with pytest.raises(WrongPassphrase) as err:
        profiles.unlock(info, PASSPHRASE)
    assert err.value.exit_code == 3
    with pytest.raises(WrongRecoveryCode):
        unlock_with_recovery(info.folder, old_code)
    profile = profiles.unlock(info, "new one")
    try:
        assert _titles(profile) == sorted([*titles, "after change"])
    finally:
        profile.close()
    assert unlock_with_recovery(info.folder, new_code)[1] == unlock(info.folder, "new one", secret_store)[1]


def test_change_passphrase_to_none_and_back(profiles: ProfileService) -> None:
    _, titles = _seed(profiles)
    info = profiles.find("Alex")
    profile = profiles.unlock(info, PASSPHRASE)
    profiles.change_passphrase(profile, PASSPHRASE, None)
    profile.close()
    info = profiles.find("Alex")
    assert not info.has_passphrase
    profile = profiles.unlock(info, None)
    try:
        assert _titles(profile) == titles
        profiles.change_passphrase(profile, None, "back again")
    finally:
        profile.close()
    info = profiles.find("Alex")
    with pytest.raises(WrongPassphrase):
        profiles.unlock(info, None)
    profile = profiles.unlock(info, "back again")
    try:
        assert _titles(profile) == titles
    finally:
        profile.close()


def test_failed_passphrase_change_leaves_the_old_access_working(
    profiles: ProfileService, secret_store: MemorySecretStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the new vault.json is written: the old passphrase must still open the profile."""
    from intimacy_desktop.core.errors import DiskFull
    from intimacy_desktop.storage import vault as vault_module

    old_code, titles = _seed(profiles)
    info = profiles.find("Alex")
    vault_id = read_header(info.folder).vault_id
    secrets_before = dict(secret_store.secrets)
    before = snapshot(info.folder)

    def disk_full(*_args: object) -> None:
        raise DiskFull()

    profile = profiles.unlock(info, PASSPHRASE)
    try:
        monkeypatch.setattr(vault_module, "write_header", disk_full)
        with pytest.raises(DiskFull):
            profiles.change_passphrase(profile, PASSPHRASE, "new one")
        monkeypatch.undo()
    finally:
        profile.close()
    assert snapshot(info.folder) == before
    assert secret_store.secrets[vault_id] == secrets_before[vault_id]  # the keyring item was put back
    profile = profiles.unlock(info, PASSPHRASE)
    try:
        assert _titles(profile) == titles
    finally:
        profile.close()
    assert unlock_with_recovery(info.folder, old_code)[1] == unlock(info.folder, PASSPHRASE, secret_store)[1]


def test_failed_recovery_rewrite_leaves_the_recovery_code_working(
    profiles: ProfileService, secret_store: MemorySecretStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intimacy_desktop.core.errors import DiskFull
    from intimacy_desktop.storage import vault as vault_module

    old_code, titles = _seed(profiles)
    info = profiles.find("Alex")
    secret_store.secrets.clear()
    before = snapshot(info.folder)

    def disk_full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(vault_module, "write_header", disk_full)
    with pytest.raises(DiskFull) as err:
        profiles.recover(info, old_code, "new passphrase")
    assert err.value.exit_code == 5
    monkeypatch.undo()
    assert snapshot(info.folder) == before  # the database was opened to prove it, and closed cleanly again
    assert secret_store.secrets == {}  # no orphaned device secret left behind
    recovered = profiles.recover(info, old_code, "new passphrase")
    try:
        assert _titles(recovered.profile) == titles
    finally:
        recovered.profile.close()
