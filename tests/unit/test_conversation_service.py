"""The conversation log over a real encrypted profile: a talk's row from start to end survives a restart, early
ends and running rows count what they reached, the feeling and the journal note, the week's minutes against the
goal, the settings, and a journal from before the log (schema 4) gaining it without losing anything."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.paths import profiles_dir
from intimacy_desktop.services.conversations import ConversationService
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from intimacy_desktop.storage.sql import Tx, connect
from intimacy_desktop.storage.vault import unlock

PASS = "a good passphrase"
THURSDAY = dt.datetime(2026, 12, 3, 20, 15)  # read as UTC: the service's clock gives UTC
UTC_THURSDAY = THURSDAY.replace(tzinfo=dt.UTC)
FIXTURE = Path(__file__).parents[1] / "fixtures" / "profile_v1"
FIXTURE_PASS = "fixture-passphrase"


class Clock:
    """UTC now; the local day is the same date unless a test says otherwise."""

    def __init__(self) -> None:
        self.now = THURSDAY
        self.day: dt.date | None = None

    def __call__(self) -> dt.datetime:
        return self.now

    def today(self) -> dt.date:
        return self.day or self.now.date()


def _service(profile: UnlockedProfile, clock: Clock, seen: list[Changed] | None = None) -> ConversationService:
    assert profile._db is not None
    return ConversationService(profile._db, seen.append if seen is not None else profile.changes, now=clock,
                               today=clock.today)


@pytest.fixture
def ari(profiles: ProfileService) -> UnlockedProfile:
    return profiles.create("Ari", PASS).profile


def test_a_talk_is_logged_from_start_to_end_and_read_back_after_a_restart(profiles: ProfileService,
                                                                         ari: UnlockedProfile) -> None:
    clock, seen = Clock(), list[Changed]()
    service = _service(ari, clock, seen)
    sid = service.start("daily-talk", 600, layer=Layer.EMOTIONAL, depth="light", turn_s=120)
    running = service.session(sid)
    assert (running.status, running.actual_s, running.started_at, running.day) == ("running", 0, UTC_THURSDAY,
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
    seen: list[Changed] = []
    service = _service(ari, Clock(), seen)
    sid = service.start("hug", 60)
    service.rate(sid, 5)
    assert service.session(sid).rating == 5
    service.rate(sid, 2)
    assert service.session(sid).rating == 2
    service.rate(sid, None)
    assert service.session(sid).rating is None
    with pytest.raises(UsageError) as refused:
        service.rate(sid, 7)
    assert refused.value.code == "conversation_invalid" and service.session(sid).rating is None
    assert seen == [Changed.TIMER_SESSIONS] * 4  # the start and three answers; the refused one wrote nothing


def test_the_day_is_the_local_one_and_the_start_is_kept_in_utc(ari: UnlockedProfile) -> None:
    """Half past midnight on Friday in Berlin is still Thursday in UTC: the talk counts for Friday."""
    berlin = dt.timezone(dt.timedelta(hours=1))
    assert ari._db is not None
    service = ConversationService(ari._db, now=lambda: dt.datetime(2026, 12, 4, 0, 30, tzinfo=berlin),
                                  today=lambda: dt.date(2026, 12, 4))
    session = service.session(service.start("daily-talk", 600))
    assert session.started_at == dt.datetime(2026, 12, 3, 23, 30, tzinfo=dt.UTC)
    assert session.started_at.tzinfo is dt.UTC and session.day == dt.date(2026, 12, 4)
    service.finish(session.id, 600, completed=True, cards=[])
    assert (service.minutes().today, service.minutes().days_this_week) == (10, 1)


def test_the_profile_builds_its_conversation_service_once_and_reports_its_writes(ari: UnlockedProfile) -> None:
    seen: list[Changed] = []
    ari.changes.subscribe(seen.append)
    assert ari.conversations is ari.conversations
    ari.conversations.set_goal_minutes(15)
    ari.conversations.start("hug", 60)
    assert seen == [Changed.SETTINGS, Changed.TIMER_SESSIONS]
    assert ari.conversations.goal_minutes() == 15


def test_the_note_is_one_reflection_updated_in_place_and_written_anew_if_deleted(ari: UnlockedProfile) -> None:
    seen: list[Changed] = []
    service = _service(ari, Clock(), seen)
    sid = service.start("stress-reducing", 1200, layer=Layer.DIGITAL)
    service.finish(sid, 1200, completed=True, cards=[])
    assert service.save_note(sid, "   ") == 0 and service.session(sid).entry_id is None
    assert seen == [Changed.TIMER_SESSIONS] * 2  # a blank note wrote nothing, so told nobody
    first = service.save_note(sid, "We put the phones in the hall.")
    assert seen[-1] == Changed.TIMER_SESSIONS | Changed.ENTRIES
    assert service.save_note(sid, "We put the phones in the hall. It helped.") == first
    assert service.save_note(sid, "\n\t") == first  # emptying the box keeps the note that was written
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
    for when, seconds, finish in ((dt.datetime(2026, 11, 28, 21), 1200, True),  # Saturday: last week either way
                                  (dt.datetime(2026, 11, 29, 21), 3600, True),  # Sunday: last ISO week
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
    assert (m.week_days_so_far, m.week_goal, m.today_met) == (4, 70, False)
    sunday_first = service.minutes(first_weekday=7)
    assert (sunday_first.today, sunday_first.week, sunday_first.days_this_week) == (5, 81, 4)
    assert sunday_first.week_days_so_far == 5
    clock.now = dt.datetime(2026, 12, 7, 9)  # the next Monday: a new ISO week, nothing yet
    assert (service.minutes().today, service.minutes().week, service.minutes().days_this_week) == (0, 0, 0)
    assert service.minutes(first_weekday=7).week == 0  # Sunday the 6th began the Sunday week, with no talk


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


# ---- from schema 4 --------------------------------------------------------------------------------------------------


def test_a_schema_4_journal_gains_the_log_and_keeps_its_data(data_dir: Path) -> None:
    """The committed schema-1 fixture, brought to 4 by hand with a run and a setting in the v4 tables, then opened."""
    folder = profiles_dir(data_dir) / "0f1x7ur3"
    shutil.copytree(FIXTURE, folder)
    _, dek = unlock(folder, FIXTURE_PASS, None)
    conn = connect(folder / "journal.db", dek, pragmas=())
    try:
        conn.execute("BEGIN")
        tx = Tx(conn)
        migrate(tx, target=4)
        tx.run("INSERT INTO exercise_runs (exercise_id, state, started_at, updated_at) "
               "VALUES ('emotional-check-in', '{}', '2026-11-01 10:00:00.000000', '2026-11-01 10:00:00.000000')")
        tx.run("INSERT INTO settings (key, value) VALUES ('conversation.goal_minutes', '30')")
        conn.execute("COMMIT")
        assert schema_version(tx) == 4
        assert tx.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'conversation_sessions'") == 0
    finally:
        conn.close()

    profiles = ProfileService(data_dir, MemorySecretStore, FAST_TEST_PARAMS)
    profile = profiles.unlock(profiles.find("Fixture v1"), FIXTURE_PASS)
    try:
        assert [r.title for r in profile.journal.summaries()] == [
            "Café argument", "A quiet evening", "Our first device-free dinner"]
        service = profile.conversations
        assert service.goal_minutes() == 30 and service.recent() == []
        sid = service.start("daily-talk", 600, layer=Layer.DIGITAL)
        service.finish(sid, 600, completed=True, cards=["digital-light-001"])
        assert service.save_note(sid, "Our first logged talk.") > 3  # after the fixture's three entries
        assert profile.journal.count() == 4
        assert profile._db is not None
        with profile._db.session() as s:
            assert s.scalar("SELECT count(*) FROM exercise_runs") == 1
            assert s.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'ix_conversation_sessions_day'") == 1
    finally:
        profile.close()
    again = profiles.unlock(profiles.find("Fixture v1"), FIXTURE_PASS)
    try:
        [talk] = again.conversations.recent()
        assert (talk.actual_s, talk.completed, talk.cards, talk.layer) == (600, True, ("digital-light-001",),
                                                                           Layer.DIGITAL)
        assert again.journal.get(talk.entry_id or 0).fields.kind is Kind.REFLECTION
    finally:
        again.close()
    conn = connect(folder / "journal.db", unlock(folder, FIXTURE_PASS, None)[1], pragmas=())
    try:
        assert schema_version(Tx(conn)) == SCHEMA_VERSION >= 5  # every later migration runs too
    finally:
        conn.close()
