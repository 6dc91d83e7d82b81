"""Sharing a conversation, a mutual reveal or an exercise run: the card's text is exactly what the partner reads,
sharing twice is one copy, an entry and a conversation with the same id are two things, and taking back removes
only the card; a space written at schema 6 keeps its shared entries through the migration."""

from __future__ import annotations

import datetime as dt

import pytest

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import EntryFields, EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.share_cards import (
    CardKind,
    RevealRow,
    conversation_card,
    reveal_card,
    reveal_origin,
    run_card,
)
from intimacy_desktop.services.household import HouseholdService
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from intimacy_desktop.storage.sql import Tx, connect

DAY = dt.date(2026, 11, 29)


def test_a_conversation_card_says_what_happened_and_nothing_more() -> None:
    card = conversation_card(7, DAY, minutes=24, planned_minutes=30, completed=False,
                             cards=["What made you laugh this week?"], felt="warm", layer=Layer.EMOTIONAL)
    assert card.kind is CardKind.CONVERSATION and card.origin_id == 7
    assert card.fields.title == "Our device-free talk, 24 minutes"
    assert card.fields.body == ("We talked for 24 of 30 planned minutes, device-free, and stopped when it felt "
                                "right.\n\nThe cards we used:\n- What made you laugh this week?\n\nHow it felt: warm.")
    assert card.fields.entry_date == DAY and card.fields.layer is Layer.EMOTIONAL
    assert card.fields.kind is Kind.REFLECTION and card.fields.tags == ("conversation",)
    bare = conversation_card(8, DAY, minutes=10, planned_minutes=10, completed=True, cards=[], felt=None,
                             layer=None)
    assert bare.fields.body == "We talked for 10 of 10 planned minutes, device-free."
    assert bare.fields.layer is Layer.NONE


def test_a_reveal_card_puts_both_answers_side_by_side() -> None:
    rows = [RevealRow("I feel heard", "Often", "Often", True), RevealRow("We laugh", "Sometimes", "Often", False)]
    card = reveal_card("a1b2c3d4e5f60718293a4b5c6d7e8f90", DAY, assessment="Closeness check", first_name="Sam",
                       second_name="Alex", rows=rows, start_with="We laugh")
    assert card.origin_id == int("a1b2c3d4e5f6071", 16) == reveal_origin("a1b2c3d4e5f60718293a4b5c6d7e8f90")
    assert card.fields.title == "Side by side: Closeness check"
    assert card.fields.body.splitlines() == [
        "Sam and Alex answered “Closeness check” together: the same on 1 of 2.", "",
        "Where to start talking: We laugh", "",
        "- I feel heard — Sam: Often; Alex: Often (same)",
        "- We laugh — Sam: Sometimes; Alex: Often (different)"]


def test_a_run_card_includes_reflections_only_when_given() -> None:
    card = run_card(3, DAY, exercise="Appreciation walk", layer=Layer.EMOTIONAL,
                    choices=[("Where?", "The park")], ratings=[("How close did you feel?", 4)])
    assert card.fields.body == ("We did “Appreciation walk”.\n\nOur choices:\n- Where? — The park\n\n"
                                "Our ratings:\n- How close did you feel?: 4 of 5")
    with_notes = run_card(3, DAY, exercise="Appreciation walk", layer=Layer.EMOTIONAL, choices=[], ratings=[],
                          reflections=[("What surprised you?", "  How much we remembered.  "), ("Blank", "  ")])
    assert with_notes.fields.body == "We did “Appreciation walk”.\n\nWhat surprised you?\nHow much we remembered."


def test_cards_go_into_the_space_once_beside_entries_with_the_same_id_and_come_back_out(
        couple: tuple[UnlockedProfile, UnlockedProfile, UnlockedProfile], profiles: ProfileService) -> None:
    sam, alex, _guest = couple
    household = HouseholdService(profiles.data_dir)
    household.create(sam, alex)
    entry = sam.journal.add(EntryFields(title="Entry one", body="private words"))
    card = conversation_card(entry.id, DAY, minutes=12, planned_minutes=10, completed=True, cards=[], felt=None,
                             layer=None)
    space = household.open(sam)
    try:
        assert space.share_card(sam, card) is True
        assert space.share_card(sam, card) is False  # twice is one copy
        assert space.share(sam, space.preview(sam, [entry.id])) == 1  # same id, another kind: its own copy
        assert sorted(e.fields.title for e, _ in space.entries()) == ["Entry one", "Our device-free talk, 12 minutes"]
        copy_id = space.shared_from(sam, CardKind.CONVERSATION)[entry.id]
        assert space.origin_of(sam, copy_id) == (CardKind.CONVERSATION, entry.id)
        assert space.origin_of(alex, copy_id) is None  # Alex did not share it: not Alex's to take back
        with pytest.raises(UsageError):
            space.share_card(sam, card.__class__(CardKind.ENTRY, 1, card.fields))
    finally:
        space.close()
    space = household.open(alex)  # what Alex reads is the card's text, exactly
    try:
        read = {e.fields.title: e.fields.body for e, _ in space.entries()}
        assert read["Our device-free talk, 12 minutes"] == card.fields.body
        assert "private words" in read["Entry one"]
    finally:
        space.close()
    space = household.open(sam)
    try:
        assert space.unshare_card(sam, CardKind.CONVERSATION, entry.id) is True
        assert space.unshare_card(sam, CardKind.CONVERSATION, entry.id) is False
        assert [e.fields.title for e, _ in space.entries()] == ["Entry one"]  # the entry stayed
        assert sam.journal.get(entry.id).fields.shared is True
        assert space.unshare_card(sam, CardKind.ENTRY, entry.id) is True
        assert space.entries() == [] and sam.journal.get(entry.id).fields.shared is False
    finally:
        space.close()


def test_a_guest_cannot_share_a_card_into_a_space_they_are_not_in(
        couple: tuple[UnlockedProfile, UnlockedProfile, UnlockedProfile], profiles: ProfileService) -> None:
    sam, alex, guest = couple
    household = HouseholdService(profiles.data_dir)
    household.create(sam, alex)
    space = household.open(sam)
    try:
        card = run_card(1, DAY, exercise="X", layer=Layer.DIGITAL, choices=[], ratings=[])
        with pytest.raises(UsageError, match="space_not_member"):
            space.share_card(guest, card)
    finally:
        space.close()


def test_shared_entries_of_a_schema_6_space_keep_their_origin(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "journal.db"
    dek = crypto.random_key()
    conn = connect(path, dek)
    try:
        tx = Tx(conn)
        migrate(tx, target=6)
        tx.run("INSERT INTO entries (title, body, entry_date, created_at, updated_at) "
               "VALUES ('Shared before', '', '2026-01-02', '2026-01-02', '2026-01-02')")
        tx.run("INSERT INTO shared_origins (entry_id, origin_vault, origin_id, shared_at) "
               "VALUES (1, 'vault-a', 41, '2026-01-02')")
        assert migrate(tx) == 6 and schema_version(tx) == SCHEMA_VERSION >= 7
        assert tx.rows("SELECT entry_id, origin_vault, origin_kind, origin_id FROM shared_origins") == [
            (1, "vault-a", "entry", 41)]
    finally:
        conn.close()
    assert EntryFilter() is not None
