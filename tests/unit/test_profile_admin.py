"""Settings' profile management (issue 12): rename, hide and show again, delete. The name is sealed into the keys,
so a rename re-seals and issues a new recovery code; a deleted profile leaves no folder and no keyring item."""

from __future__ import annotations

import pytest

from intimacy_desktop.core.errors import ProfileExists, ProfileNotFound, UsageError, WrongPassphrase
from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.services.household import HouseholdService
from intimacy_desktop.services.profiles import DELETING_PREFIX, ProfileService
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.header import read_header
from intimacy_desktop.storage.vault import unlock_with_recovery

PW = "a long enough passphrase"


def _titles(profiles: ProfileService, name: str, passphrase: str | None = PW) -> list[str]:
    opened = profiles.unlock(profiles.find(name), passphrase)
    try:
        return [s.title for s in opened.journal.summaries(EntryFilter())]
    finally:
        opened.close()


def test_a_rename_keeps_the_journal_and_issues_a_new_code(profiles: ProfileService) -> None:
    created = profiles.create("Sam", PW)
    profile = created.profile
    profile.journal.add(EntryFields(title="Before the rename"))
    code = profiles.rename(profile, "Samira", PW)
    assert profile.info.label == "Samira" and read_header(profile.info.folder).label == "Samira"
    assert code != created.recovery_code
    profile.journal.add(EntryFields(title="After the rename"))  # the open profile goes on working
    profile.close()
    assert [p.label for p in profiles.list_profiles()] == ["Samira"]
    assert sorted(_titles(profiles, "Samira")) == ["After the rename", "Before the rename"]
    unlock_with_recovery(profiles.find("Samira").folder, code)  # the new code opens it
    with pytest.raises(ProfileNotFound):
        profiles.find("Sam")


def test_a_rename_checks_the_passphrase_and_refuses_a_taken_name(profiles: ProfileService) -> None:
    profiles.create("Alex", "alex passphrase").profile.close()
    profile = profiles.create("Sam", PW).profile
    try:
        with pytest.raises(WrongPassphrase):
            profiles.rename(profile, "Samira", "not it")
        with pytest.raises(ProfileExists):
            profiles.rename(profile, "ALEX", PW)
        assert profile.info.label == "Sam" and profile.is_open
        profile.journal.add(EntryFields(title="Still open"))
    finally:
        profile.close()
    assert sorted(p.label for p in profiles.list_profiles()) == ["Alex", "Sam"]


def test_hiding_then_showing_a_profile(profiles: ProfileService) -> None:
    profiles.create("Alex", "alex passphrase").profile.close()
    profile = profiles.create("Sam's notes", PW).profile
    profile.journal.add(EntryFields(title="Private"))
    profiles.set_hidden(profile, True, PW)
    assert profile.info.label == "Sam's notes" and profile.info.folder.name.startswith("h-")
    profile.journal.add(EntryFields(title="While hidden"))
    profile.close()
    assert [p.label for p in profiles.list_profiles()] == ["Alex"]
    for path in profiles.data_dir.rglob("*"):
        if path.is_file():
            assert b"Sam's" not in path.read_bytes()
    assert sorted(_titles(profiles, "sam's notes")) == ["Private", "While hidden"]

    again = profiles.unlock(profiles.find("Sam's notes"), PW)
    profiles.set_hidden(again, False, PW)
    assert not again.info.folder.name.startswith("h-")
    again.close()
    assert sorted(p.label for p in profiles.list_profiles()) == ["Alex", "Sam's notes"]
    assert sorted(_titles(profiles, "Sam's notes")) == ["Private", "While hidden"]


def test_a_hidden_profile_renamed_is_found_by_its_new_name_only(profiles: ProfileService) -> None:
    profile = profiles.create("First name", PW, hidden=True).profile
    profiles.rename(profile, "Second name", PW)
    profile.close()
    assert profiles.list_profiles() == []
    assert _titles(profiles, "Second name") == []
    with pytest.raises(ProfileNotFound):
        profiles.find("First name")


def test_a_profile_without_a_passphrase_cannot_be_hidden(profiles: ProfileService) -> None:
    profile = profiles.create("Keyring only", None).profile
    try:
        with pytest.raises(UsageError, match="hidden_needs_passphrase"):
            profiles.set_hidden(profile, True, None)
        assert not profile.info.folder.name.startswith("h-")
    finally:
        profile.close()


def test_delete_removes_the_folder_and_the_keyring_item(profiles: ProfileService,
                                                        secret_store: MemorySecretStore) -> None:
    profiles.create("Alex", "alex passphrase").profile.close()
    profile = profiles.create("Sam", PW).profile
    profile.journal.add(EntryFields(title="Gone with it"))
    folder, item = profile.info.folder, profile.header.keyring_name
    assert secret_store.get(item) is not None
    profiles.delete(profile)
    assert not profile.is_open and not folder.exists()
    assert secret_store.get(item) is None
    assert [p.label for p in profiles.list_profiles()] == ["Alex"]
    assert not list(folder.parent.glob(DELETING_PREFIX + "*"))


def test_an_interrupted_delete_is_never_listed_and_is_finished_later(profiles: ProfileService) -> None:
    profile = profiles.create("Sam", PW).profile
    profile.close()
    leftover = profile.info.folder.rename(profile.info.folder.with_name(DELETING_PREFIX + "abc"))
    assert profiles.list_profiles() == [] and profiles.vault_folders() == []
    profiles.clear_deleted()
    assert not leftover.exists()


def test_leaving_the_space_before_a_delete(profiles: ProfileService) -> None:
    household = HouseholdService(profiles.data_dir)
    a, b = profiles.create("Alex", "alex passphrase").profile, profiles.create("Sam", PW).profile
    info = household.create(a, b)
    household.leave(b)
    profiles.delete(b)
    space = household.open(a)
    try:
        assert list(space.members().values()) == ["Alex"]
    finally:
        space.close()
    household.leave(a)
    assert not info.folder.exists()  # the last one out deletes the space
    a.close()


def test_a_rename_reaches_the_space(profiles: ProfileService) -> None:
    household = HouseholdService(profiles.data_dir)
    a, b = profiles.create("Alex", "alex passphrase").profile, profiles.create("Sam", PW).profile
    household.create(a, b)
    profiles.rename(b, "Samira", PW)
    household.update_name(b)
    space = household.open(a)
    try:
        assert sorted(space.members().values()) == ["Alex", "Samira"]
    finally:
        space.close()
        a.close()
        b.close()
