"""A hidden profile: nothing lists it and no file holds its name; typing its name (and passphrase) opens it, and a
backup of every profile keeps it, hidden, under the same name."""

from __future__ import annotations

from pathlib import Path

import pytest

from intimacy_desktop.core.errors import ProfileExists, ProfileNotFound, UsageError
from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.services.backups import BackupService
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore

NAME = "Rosalind's notebook"


def test_a_hidden_profile_is_never_listed_and_its_name_is_in_no_file(profiles: ProfileService) -> None:
    profiles.create("Shared", "shared passphrase").profile.close()
    created = profiles.create(NAME, "hidden passphrase", hidden=True)
    assert created.profile.info.label == NAME
    created.profile.journal.add(EntryFields(title="Mine alone"))
    created.profile.close()
    assert [p.label for p in profiles.list_profiles()] == ["Shared"]
    for path in profiles.data_dir.rglob("*"):
        if path.is_file():
            assert b"Rosalind" not in path.read_bytes() and "Rosalind" not in str(path)
    info = profiles.find("  rosalind's NOTEBOOK ")  # as typed: case and outer spaces aside
    opened = profiles.unlock(info, "hidden passphrase")
    try:
        assert [s.title for s in opened.journal.summaries(EntryFilter())] == ["Mine alone"]
    finally:
        opened.close()
    with pytest.raises(ProfileNotFound):
        profiles.find("Rosalind")
    with pytest.raises(ProfileExists):
        profiles.create(NAME, "another passphrase", hidden=True)
    with pytest.raises(UsageError, match="hidden_needs_passphrase"):
        profiles.create("No passphrase", None, hidden=True)


def test_a_backup_of_everyone_keeps_a_hidden_profile_hidden(profiles: ProfileService, tmp_path: Path) -> None:
    profiles.create("Shared", "shared passphrase").profile.close()
    created = profiles.create(NAME, "hidden passphrase", hidden=True)
    created.profile.journal.add(EntryFields(title="Mine alone"))
    created.profile.close()
    out = tmp_path / "all.idbackup"
    manifest = BackupService(profiles, crypto.FAST_TEST_PARAMS).create_all(out, "backup passphrase")
    assert len(manifest.items) == 2 and all(i.label != NAME for i in manifest.items)
    store = MemorySecretStore()
    fresh = ProfileService(tmp_path / "fresh", lambda: store, crypto.FAST_TEST_PARAMS)
    BackupService(fresh, crypto.FAST_TEST_PARAMS).restore(out, "backup passphrase", item=NAME)
    assert fresh.list_profiles() == []  # restored, and still hidden
    recovered = fresh.recover(fresh.find(NAME), created.recovery_code, "new hidden passphrase")
    try:
        assert [s.title for s in recovered.profile.journal.summaries(EntryFilter())] == ["Mine alone"]
        assert recovered.profile.info.label == NAME
    finally:
        recovered.profile.close()
