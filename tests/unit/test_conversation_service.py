"""The conversation log over a real encrypted profile: a talk's row from start to end survives a restart, early
ends and running rows count what they reached, the feeling and the journal note, the week's minutes against the
goal, and the settings."""

from __future__ import annotations

import datetime as dt

import pytest

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.conversations import ConversationService
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile

PASS = "a good passphrase"
THURSDAY = dt.datetime(2026, 12, 3, 20, 15)


class Clock:
    def __init__(self) -> None:
        self.now = THURSDAY

    def __call__(self) -> dt.datetime:
        return self.now


def _service(profile: UnlockedProfile, clock: Clock, seen: list[Changed] | None = None) -> ConversationService:
    assert profile._db is not None
    return ConversationService(profile._db, seen.append if seen is not None else profile.changes, clock=clock)


@pytest.fixture
def ari(profiles: ProfileService) -> UnlockedProfile:
    return profiles.create("Ari", PASS).profile


def test_a_talk_is_logged_from_start_to_end_and_read_back_after_a_restart(profiles: ProfileService,
                                                                         ari: UnlockedProfile) -> None:
    clock, seen = Clock(), list[Changed]()
    service = _service(ari, clock, seen)
    sid = service.start("daily-talk", 600, layer=Layer.EMOTIONAL, depth="light", turn_s=120)
    running = service.session(sid)
    assert (running.status, running.actual_s, running.started_at, running.day) == ("running", 0, THURSDAY,
                                                                                    THURSDAY.date())
    service.checkpoint(sid, 250, ["emotional-light-001"])
    service.finish(sid, 900, completed=True, cards=["emotional-light-001", "emotional-light-002"], planned_s=900)
    assert seen == [Changed.TIMER_SESSIONS] * 3
    ari.close()
    again = profiles.unlock(profiles.find("Ari"), PASS)
    try:
        [s] = _service(again, clock).recent()
        assert (s.status, s.completed, s.planned_s, s.actual_s, s.layer, s.depth, s.turn_s) == (
            "finished", True, 900, 900, Layer.EMOTIONAL, "light", 120)
        assert s.cards == ("emotional-light-001", "emotional-light-002")
    finally:
        again.close()


def test_an_early_end_keeps_its_time_and_never_more_than_planned(ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    sid = service.start("custom", 300)
    assert service.finish(sid, 125.5, completed=False, cards=[]).status == "stopped"
    assert service.session(sid).actual_s == 125.5 and not service.session(sid).completed
    assert service.finish(sid, 9999, completed=True, cards=[]).actual_s == 300


@pytest.mark.parametrize(("preset", "planned"), [("", 600), ("x" * 41, 600), ("custom", 59), ("custom", 14401)])
def test_bad_starts_are_refused(ari: UnlockedProfile, preset: str, planned: float) -> None:
    with pytest.raises(UsageError):
        _service(ari, Clock()).start(preset, planned)


def test_unknown_sessions_bad_ratings_and_bad_cards_are_refused(ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    with pytest.raises(UsageError) as missing:
        service.session(42)
    assert missing.value.code == "conversation_not_found"
    sid = service.start("hug", 60)
    for bad in (0, 6):
        with pytest.raises(UsageError):
            service.rate(sid, bad)
    with pytest.raises(UsageError):
        service.checkpoint(sid, -1, [])
    with pytest.raises(UsageError):
        service.checkpoint(sid, 10, ["c"] * 201)


def test_the_feeling_is_set_changed_and_taken_back(ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    sid = service.start("hug", 60)
    service.rate(sid, 5)
    assert service.session(sid).rating == 5
    service.rate(sid, 2)
    assert service.session(sid).rating == 2
    service.rate(sid, None)
    assert service.session(sid).rating is None


def test_the_note_is_one_reflection_updated_in_place_and_written_anew_if_deleted(ari: UnlockedProfile) -> None:
    seen: list[Changed] = []
    service = _service(ari, Clock(), seen)
    sid = service.start("stress-reducing", 1200, layer=Layer.DIGITAL)
    service.finish(sid, 1200, completed=True, cards=[])
    assert service.save_note(sid, "   ") == 0 and service.session(sid).entry_id is None
    first = service.save_note(sid, "We put the phones in the hall.")
    assert seen[-1] == Changed.TIMER_SESSIONS | Changed.ENTRIES
    assert service.save_note(sid, "We put the phones in the hall. It helped.") == first
    [summary] = ari.journal.summaries(EntryFilter(kind=Kind.REFLECTION))
    entry = ari.journal.get(summary.id)
    assert entry.fields.title == "After our conversation (20 min)" and entry.fields.layer is Layer.DIGITAL
    assert entry.fields.body.endswith("It helped.") and service.session(sid).entry_id == first
    ari.journal.trash(first)
    ari.journal.purge(first)
    again = service.save_note(sid, "Written again.")
    assert service.session(sid).entry_id == again and ari.journal.get(again).fields.body == "Written again."
    assert ari.journal.count(EntryFilter(kind=Kind.REFLECTION)) == 1


def test_minutes_today_and_this_week_against_the_goal(ari: UnlockedProfile) -> None:
    clock = Clock()
    service = _service(ari, clock)
    for when, seconds, finish in ((dt.datetime(2026, 11, 29, 21), 3600, True),  # Sunday: last ISO week
                                  (dt.datetime(2026, 11, 30, 21), 600, True),
                                  (dt.datetime(2026, 12, 2, 8), 330, False),
                                  (THURSDAY, 330, None)):  # still running: counts what it reached
        clock.now = when
        sid = service.start("custom", 3600)
        if finish is None:
            service.checkpoint(sid, seconds, [])
        else:
            service.finish(sid, seconds, completed=finish, cards=[])
    clock.now = THURSDAY
    m = service.minutes()
    assert (m.today, m.week, m.days_this_week, m.goal_per_day) == (5, 21, 3, 10)
    sunday_first = service.minutes(first_weekday=7)
    assert (sunday_first.week, sunday_first.days_this_week) == (81, 4)


def test_goal_and_ritual_settings(ari: UnlockedProfile) -> None:
    seen: list[Changed] = []
    service = _service(ari, Clock(), seen)
    assert service.goal_minutes() == 10 and service.ritual_on()
    service.set_goal_minutes(25)
    service.set_ritual(False)
    assert service.goal_minutes() == 25 and not service.ritual_on() and service.minutes().goal_per_day == 25
    assert seen == [Changed.SETTINGS] * 2
    for bad in (0, 241):
        with pytest.raises(UsageError) as refused:
            service.set_goal_minutes(bad)
        assert refused.value.code == "goal_invalid"
