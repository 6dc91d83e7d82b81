"""The "us" space: made by both partners, opened by each with their own passphrase and by nobody else; sharing copies
exactly the chosen entries and un-sharing removes them; removing a member re-keys the space, so their old key opens
nothing written afterwards."""

from __future__ import annotations

import datetime as dt

import pytest

from intimacy_desktop.core.errors import DataCorrupt, UsageError, VaultLocked
from intimacy_desktop.core.journal import EntryFields, EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.household import KEY_PREFIX, HouseholdService, SpaceKey
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage import space as store
from intimacy_desktop.storage.settings_repo import SettingsRepository


def _titles(space: object) -> list[str]:
    return sorted(s.title for s in space.journal.summaries(EntryFilter()))  # type: ignore[attr-defined]


def _key(profile: UnlockedProfile) -> SpaceKey:
    with profile.settings_session() as tx:
        (space_id, text), = SettingsRepository(tx).with_prefix(KEY_PREFIX).items()
    return SpaceKey.from_text(space_id.removeprefix(KEY_PREFIX), text)


def test_each_partner_opens_the_space_with_their_own_passphrase_and_nobody_else(
        couple: tuple[UnlockedProfile, UnlockedProfile, UnlockedProfile], profiles: ProfileService) -> None:
    sam, alex, guest = couple
    household = HouseholdService(profiles.data_dir)
    info = household.create(sam, alex)
    with pytest.raises(UsageError, match="space_already"):
        household.create(sam, guest)
    with pytest.raises(UsageError, match="space_none"):
        household.open(guest)
    for profile in (sam, alex):
        space = household.open(profile)
        assert space.info.space_id == info.space_id
        assert space.members() == {sam.header.vault_id: "Sam", alex.header.vault_id: "Alex"}
        space.close()
    # reopened from scratch with Alex's passphrase: the key came from Alex's own vault
    alex.close()
    alex_again = profiles.unlock(profiles.find("Alex"), "alex passphrase")
    try:
        household.open(alex_again).close()
    finally:
        alex_again.close()
    # no file holds the key: not the space's, not any header
    key = _key(sam).dek
    for path in profiles.data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert key not in data and key.hex().encode() not in data, path.name


def test_sharing_copies_exactly_the_chosen_entries_and_unsharing_removes_them(
        couple: tuple[UnlockedProfile, UnlockedProfile, UnlockedProfile], profiles: ProfileService) -> None:
    sam, alex, _ = couple
    household = HouseholdService(profiles.data_dir)
    household.create(sam, alex)
    chosen = sam.journal.add(EntryFields(title="The walk by the river", body="We held hands.", mood=5,
                                         layer=Layer.PHYSICAL, kind=Kind.HIGH, tags=("walks",),
                                         entry_date=dt.date(2026, 11, 1)))
    private = sam.journal.add(EntryFields(title="Only mine", body="Not for sharing."))
    space = household.open(sam)
    try:
        assert _titles(space) == []  # nothing personal is shared by default
        preview = space.preview(sam, [chosen.id])
        assert [e.id for e in preview] == [chosen.id]
        assert space.share(sam, preview) == 1
        assert space.share(sam, space.preview(sam, [chosen.id])) == 0  # sharing twice is one copy
        (row,) = space.journal.summaries(EntryFilter())
        copy = space.journal.get(row.id).fields
        assert copy == EntryFields(**{**chosen.fields.__dict__, "shared": True})
        assert sam.journal.get(chosen.id).fields.shared and not sam.journal.get(private.id).fields.shared
    finally:
        space.close()
    seen_by_alex = household.open(alex)
    try:
        assert _titles(seen_by_alex) == ["The walk by the river"]
        assert "Only mine" not in _titles(seen_by_alex)
    finally:
        seen_by_alex.close()
    space = household.open(sam)
    try:
        assert space.unshare(sam, [chosen.id]) == 1
        assert _titles(space) == []
        assert not sam.journal.get(chosen.id).fields.shared  # the private entry stays, no longer marked
    finally:
        space.close()


def test_removing_a_member_rekeys_so_their_old_key_opens_nothing_new(
        couple: tuple[UnlockedProfile, UnlockedProfile, UnlockedProfile], profiles: ProfileService) -> None:
    sam, alex, _ = couple
    household = HouseholdService(profiles.data_dir)
    info = household.create(sam, alex)
    old_key = _key(alex).dek
    household.remove_member(sam, alex.header.vault_id)
    space = household.open(sam)
    try:
        assert set(space.members()) == {sam.header.vault_id}
        space.journal.add(EntryFields(title="Written after Alex left"))
    finally:
        space.close()
    assert store.read_space(info.folder).generation == 2
    with pytest.raises(UsageError, match="space_removed"):
        household.open(alex)
    assert household.open_if_member(alex) is None  # removed: nothing to open, and no error to show
    with household.open_if_member(sam) as opened:  # type: ignore[union-attr]
        assert opened.members() == {sam.header.vault_id: "Sam"}
    with pytest.raises(VaultLocked):  # the ``with`` closed it
        opened.members()
    with pytest.raises(DataCorrupt):  # a replay of the old key against the new writes
        store.open_space(info.folder, old_key).close()
    household.forget(alex)
    with pytest.raises(UsageError, match="space_none"):
        household.open(alex)
    assert household.open_if_member(alex) is None
    with pytest.raises(UsageError, match="space_member_unknown"):
        household.remove_member(sam, alex.header.vault_id)
