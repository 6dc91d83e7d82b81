"""Replacing a secret revokes the old one (issue 8): recovery, a passphrase change and a new recovery code each make
a new database key and re-encrypt the database, so an old vault.json with the old code or passphrase opens nothing
written since; the re-key is crash-safe at every step and refused while someone else has the profile open."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from key_hierarchy_support import PASSPHRASE

from intimacy_desktop.core.errors import AppError, DataCorrupt, DiskFull, UsageError, WrongRecoveryCode
from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage import rekey
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.header import HEADER_NAME, VaultHeader, read_header, write_header
from intimacy_desktop.storage.vault import rekey_access, unlock, unlock_with_recovery

NEW = "a brand new passphrase"


def _add(profile: UnlockedProfile, title: str) -> None:
    profile.journal.add(EntryFields(title=title, body=f"{title} body", entry_date=dt.date(2025, 3, 1)))


def _titles(profile: UnlockedProfile) -> list[str]:
    return sorted(s.title for s in profile.journal.summaries(EntryFilter(), limit=10_000))


def _keep(folder: Path, store: MemorySecretStore) -> tuple[bytes, dict[str, bytes]]:
    """What a curious person keeps: a copy of vault.json and of the keyring's items."""
    return (folder / HEADER_NAME).read_bytes(), dict(store.secrets)


def _opens_anything_new(folder: Path, dek: bytes, title: str) -> bool:
    try:
        db = Database(folder, dek)
    except AppError:
        return False
    try:
        from intimacy_desktop.services.journal import JournalService

        return any(s.title == title for s in JournalService(db).summaries(EntryFilter(), limit=10_000))
    finally:
        db.close()


def test_an_old_header_and_the_old_passphrase_open_nothing_after_a_passphrase_change(
    profiles: ProfileService, secret_store: MemorySecretStore, tmp_path: Path
) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    profile = created.profile
    _add(profile, "before")
    folder = profile.info.folder
    old_header, old_items = _keep(folder, secret_store)
    old_dek = unlock(folder, PASSPHRASE, secret_store)[1]

    profiles.change_passphrase(profile, PASSPHRASE, NEW)
    _add(profile, "after the change")  # the profile stays open, on the new key
    assert _titles(profile) == ["after the change", "before"]
    profile.close()

    # The replay: the old vault.json put back, the old keyring item too, the old passphrase typed.
    (folder / HEADER_NAME).write_bytes(old_header)
    secret_store.secrets.update(old_items)
    header, dek = unlock(folder, PASSPHRASE, secret_store)
    assert dek == old_dek
    assert not _opens_anything_new(folder, dek, "after the change")
    with pytest.raises(DataCorrupt):
        Database(folder, dek)
    # and the old recovery code with the old header is no better
    assert unlock_with_recovery(folder, created.recovery_code)[1] == old_dek
    assert not _opens_anything_new(folder, old_dek, "after the change")
    assert header.vault_id == read_header(folder).vault_id


def test_a_new_recovery_code_revokes_the_old_one_with_any_copy_of_the_old_header(
    profiles: ProfileService, secret_store: MemorySecretStore
) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    profile, old_code = created.profile, created.recovery_code
    folder = profile.info.folder
    old_header, _ = _keep(folder, secret_store)
    new_code = profiles.new_recovery_code(profile, PASSPHRASE)
    _add(profile, "written later")
    profile.close()

    assert new_code != old_code
    with pytest.raises(WrongRecoveryCode):
        unlock_with_recovery(folder, old_code)
    current = read_header(folder)
    (folder / HEADER_NAME).write_bytes(old_header)
    old_dek = unlock_with_recovery(folder, old_code)[1]
    assert not _opens_anything_new(folder, old_dek, "written later")
    write_header(folder, current)
    again = profiles.unlock(profiles.find("Sam"), PASSPHRASE)  # the passphrase is the same as before
    try:
        assert _titles(again) == ["written later"]
    finally:
        again.close()
    assert unlock_with_recovery(folder, new_code)[1] != old_dek


def test_recovery_makes_a_new_key_and_the_old_code_and_header_open_nothing_new(
    profiles: ProfileService, secret_store: MemorySecretStore
) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    _add(created.profile, "old words")
    created.profile.close()
    info = profiles.find("Sam")
    old_header, _ = _keep(info.folder, secret_store)
    recovered = profiles.recover(info, created.recovery_code, NEW)
    _add(recovered.profile, "after recovery")
    assert _titles(recovered.profile) == ["after recovery", "old words"]
    recovered.profile.close()

    (info.folder / HEADER_NAME).write_bytes(old_header)
    old_dek = unlock_with_recovery(info.folder, created.recovery_code)[1]
    assert not _opens_anything_new(info.folder, old_dek, "after recovery")


def test_the_re_key_reports_progress_up_to_the_end(profiles: ProfileService) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    for i in range(300):
        created.profile.journal.add(EntryFields(title=f"e{i}", body="words " * 300, entry_date=dt.date(2025, 3, 1)))
    seen: list[float] = []
    profiles.change_passphrase(created.profile, PASSPHRASE, NEW, progress=seen.append)
    created.profile.close()
    assert seen[-1] == 1.0
    assert len(seen) > 3 and seen == sorted(seen) and 0 < seen[0] < 1


def test_the_re_key_is_refused_while_another_process_has_the_profile_open(
    profiles: ProfileService, secret_store: MemorySecretStore
) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    profile = created.profile
    _add(profile, "kept")
    folder = profile.info.folder
    before = _keep(folder, secret_store)
    _, dek = unlock(folder, PASSPHRASE, secret_store)
    other = Database(folder, dek)  # the window, say, while the CLI changes the passphrase
    try:
        with pytest.raises(UsageError) as refused:
            profiles.change_passphrase(profile, PASSPHRASE, NEW)
        assert refused.value.code == "profile_in_use" and refused.value.exit_code == 2
        assert _keep(folder, secret_store) == before  # header and keyring untouched
        assert not (folder / rekey.NEXT_NAME).exists()
        assert _titles(profile) == ["kept"]  # and the profile still open on its old key
        _add(profile, "still writing")
    finally:
        other.close()
    profile.close()
    assert unlock(folder, PASSPHRASE, secret_store)[1] == dek


def test_a_failed_copy_changes_nothing(
    profiles: ProfileService, secret_store: MemorySecretStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    profile = created.profile
    _add(profile, "kept")
    folder = profile.info.folder
    before = _keep(folder, secret_store)

    def full_disk(*_a: object, **_k: object) -> int:
        (folder / rekey.NEXT_NAME).write_bytes(b"half a copy")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rekey, "export", full_disk)
    with pytest.raises(DiskFull):  # one clear message, and nothing changed
        profiles.change_passphrase(profile, PASSPHRASE, NEW)
    assert _keep(folder, secret_store) == before
    assert not (folder / rekey.NEXT_NAME).exists()
    assert _titles(profile) == ["kept"]
    profile.close()


# ---- a crash at each step: whichever key the header gives opens the data -------------------------------------


def _crashed_between(folder: Path, step: str, store: MemorySecretStore) -> bytes:
    """Replay rekey_access by hand up to ``step`` and stop there, as a kill -9 would. Returns the header's DEK."""
    header, dek = unlock(folder, PASSPHRASE, store)
    if step == "copy":  # killed while writing the copy: a torn journal.db.next
        (folder / rekey.NEXT_NAME).write_bytes(b"\0" * 4096)
        return dek
    new_header, new_dek, _ = _rekey_to_scratch(folder, header, dek, store)
    rekey.export(folder, dek, new_dek, None)
    if step == "copied":  # the copy is whole, the header not yet replaced
        return dek
    write_header(folder, new_header)
    assert step == "header"  # the header replaced, the copy not yet renamed
    return new_dek


def _rekey_to_scratch(
    folder: Path, header: VaultHeader, dek: bytes, store: MemorySecretStore
) -> tuple[VaultHeader, bytes, str]:
    """The new header rekey_access would write, made on a copy of the folder so the real one stays as it is."""
    scratch = folder.parent / f"{folder.name}-scratch"
    shutil.copytree(folder, scratch)
    scratch_store = MemorySecretStore(store.name)
    scratch_store.secrets.update(store.secrets)
    try:
        made = rekey_access(scratch, header, dek, NEW, scratch_store)
    finally:
        shutil.rmtree(scratch)
    entry = made[0].keyring_name
    store.put(entry, scratch_store.secrets[entry])  # rekey_access stores the new secret before the copy starts
    return made[0], made[1], made[2]


@pytest.mark.parametrize("step", ["copy", "copied", "header"])
def test_a_crash_at_any_step_of_the_re_key_loses_nothing(
    profiles: ProfileService, secret_store: MemorySecretStore, step: str
) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    _add(created.profile, "kept")
    created.profile.close()
    folder = created.profile.info.folder
    _crashed_between(folder, step, secret_store)

    passphrase = NEW if step == "header" else PASSPHRASE
    profile = profiles.unlock(profiles.find("Sam"), passphrase)
    try:
        assert _titles(profile) == ["kept"]
        _add(profile, "and more")
    finally:
        profile.close()
    assert not (folder / rekey.NEXT_NAME).exists()
    again = profiles.unlock(profiles.find("Sam"), passphrase)
    try:
        assert _titles(again) == ["and more", "kept"]
    finally:
        again.close()
