"""The daily rhythm kept in the vault: a check-in per day, editable all day and kept across a reopen; habits chosen
and ticked, counted in days practised; the evening gratitude as a journal entry of its own kind; the low-mood note
from what was stored. Everything is inside the encrypted database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import EntryFilter, Kind
from intimacy_desktop.core.rhythm import HABIT_IDS, CheckIn, LowMoodNote
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile

DAY = dt.date(2026, 3, 29)  # the day Europe's clocks go forward
PW = "our long passphrase"


@pytest.fixture
def profile(profiles: ProfileService) -> Iterator[UnlockedProfile]:
    p = profiles.create("Ours", PW).profile
    yield p
    if p.is_open:
        p.close()


def test_a_check_in_is_one_per_day_editable_and_kept_after_a_reopen(profile: UnlockedProfile,
                                                                      profiles: ProfileService) -> None:
    seen: list[Changed] = []
    profile.changes.subscribe(seen.append)
    rhythm = profile.rhythm
    assert rhythm.checkin(DAY) is None
    rhythm.save_checkin(CheckIn(DAY, 2, ("tired", "anxious"), "  a long week  "))
    rhythm.save_checkin(CheckIn(DAY, 4, ("hopeful",), "better after we talked"))  # the same day: replaced
    rhythm.save_checkin(CheckIn(DAY + dt.timedelta(days=1), 3))
    assert Changed.CHECKINS in seen
    profile.close()
    again = profiles.unlock(profiles.find("Ours"), PW)
    try:
        assert again.rhythm.checkin(DAY) == CheckIn(DAY, 4, ("hopeful",), "better after we talked")
        assert [c.weather for c in again.rhythm.checkins(DAY - dt.timedelta(days=3), DAY + dt.timedelta(days=3))] == [
            4, 3]
        again.rhythm.clear_checkin(DAY)
        assert again.rhythm.checkin(DAY) is None
    finally:
        again.close()


def test_habits_are_chosen_ticked_and_counted_in_days_never_streaks(profile: UnlockedProfile) -> None:
    rhythm = profile.rhythm
    assert rhythm.tracked() == HABIT_IDS  # all seven until the person chooses
    assert rhythm.set_tracked(["gratitude", "device_free_talk"]) == ("gratitude", "device_free_talk")
    for offset in (0, 1, 3):
        rhythm.tick("gratitude", DAY + dt.timedelta(days=offset))
    rhythm.tick("gratitude", DAY)  # twice on one day is one day
    rhythm.tick("device_free_talk", DAY + dt.timedelta(days=3))
    rhythm.tick("greeting", DAY)  # ticked while not tracked: kept, not counted
    assert rhythm.ticked_on(DAY) == {"gratitude", "greeting"}
    days = rhythm.habit_days()
    assert days.per_habit == {"gratitude": 3, "device_free_talk": 1}
    assert days.any_habit == 3
    rhythm.tick("gratitude", DAY + dt.timedelta(days=1), done=False)
    assert rhythm.habit_days().per_habit["gratitude"] == 2
    with pytest.raises(UsageError, match="habit_unknown"):
        rhythm.tick("run a marathon", DAY)
    with pytest.raises(UsageError, match="habit_unknown"):
        rhythm.set_tracked(["gratitude", "nope"])


def test_gratitude_is_a_journal_entry_of_its_own_kind(profile: UnlockedProfile) -> None:
    entry = profile.rhythm.add_gratitude("  the way you  made tea\nwithout asking ", DAY)
    assert entry.fields.kind is Kind.GRATITUDE and entry.fields.entry_date == DAY
    assert entry.fields.title == "the way you made tea without asking" and entry.fields.body == ""
    long = profile.rhythm.add_gratitude("so much " * 30, DAY)
    assert len(long.fields.title) == 80 and long.fields.title.endswith("…")
    assert long.fields.body == ("so much " * 30).strip()
    assert [s.kind for s in profile.journal.summaries(EntryFilter())] == [Kind.GRATITUDE, Kind.GRATITUDE]
    with pytest.raises(UsageError, match="gratitude_empty"):
        profile.rhythm.add_gratitude("   ", DAY)


def test_the_low_mood_note_comes_from_the_stored_check_ins(profile: UnlockedProfile) -> None:
    rhythm = profile.rhythm
    for offset in range(5):
        rhythm.save_checkin(CheckIn(DAY - dt.timedelta(days=offset), 2))
    assert rhythm.low_mood(DAY) is LowMoodNote.REPAIR
    rhythm.save_checkin(CheckIn(DAY, 5))
    assert rhythm.low_mood(DAY) is None
    for offset in range(30):
        rhythm.save_checkin(CheckIn(DAY - dt.timedelta(days=offset), 1))
    assert rhythm.low_mood(DAY) is LowMoodNote.OUTSIDE_HELP
