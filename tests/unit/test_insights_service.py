"""The Insights page's figures from a fixed fixture in a real vault: device-free minutes per day against the goal,
mood from check-ins and entries, habits per day, layer balance from the four sources, minutes beside mood (too few
days says so), assessment scores, and the month's highs and lows with the shared space's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from intimacy_desktop.core.insights import NoCorrelation, Range, ReviewEntry
from intimacy_desktop.core.journal import EntryFields, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.rhythm import CheckIn
from intimacy_desktop.services.conversations import ConversationService
from intimacy_desktop.services.insights import ESTIMATE_MINUTES, InsightsService
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile

TODAY = dt.date(2026, 11, 1)  # the day the US clocks go back: a 25-hour day is still one day
D = dt.date


@pytest.fixture
def profile(profiles: ProfileService) -> Iterator[UnlockedProfile]:
    p = profiles.create("Ours", "our long passphrase").profile
    yield p
    p.close()


def _talk(profile: UnlockedProfile, day: dt.date, minutes: float, layer: Layer | None = None) -> None:
    talks = ConversationService(profile._db, today=lambda: day)  # type: ignore[arg-type]
    session = talks.start("daily", 600, layer=layer)
    talks.finish(session, minutes * 60, completed=True, cards=[], planned_s=max(600, minutes * 60))


def test_a_week_of_figures_from_a_fixed_fixture(profile: UnlockedProfile) -> None:
    _talk(profile, TODAY, 12, Layer.EMOTIONAL)
    _talk(profile, TODAY, 3)
    _talk(profile, D(2026, 10, 29), 25, Layer.DIGITAL)
    _talk(profile, D(2026, 10, 20), 40)  # outside the week
    rhythm = profile.rhythm
    rhythm.save_checkin(CheckIn(TODAY, 4))
    rhythm.save_checkin(CheckIn(D(2026, 10, 30), 2))
    profile.journal.add(EntryFields(title="walk", entry_date=TODAY, mood=2, layer=Layer.PHYSICAL))
    profile.journal.add(EntryFields(title="talk", entry_date=D(2026, 10, 28), mood=5, layer=Layer.EMOTIONAL))
    for habit, day in (("gratitude", TODAY), ("greeting", TODAY), ("gratitude", D(2026, 10, 27))):
        rhythm.tick(habit, day)
    overview = InsightsService(profile._db).overview(Range.WEEK, TODAY)  # type: ignore[arg-type]
    assert overview.days == [D(2026, 10, 26) + dt.timedelta(days=i) for i in range(7)]
    assert overview.device_free.goal == 10
    assert [m for _d, m in overview.device_free.points] == [0, 0, 0, 25, 0, 0, 15]
    assert [m for _d, m in overview.mood] == [None, None, 5, None, 2, None, 3]  # today: (4 + 2) / 2
    assert [n for _d, n in overview.habits] == [0, 1, 0, 0, 0, 0, 2]
    balance = overview.balance
    assert balance[Layer.EMOTIONAL].minutes == 12 + ESTIMATE_MINUTES
    assert balance[Layer.DIGITAL].minutes == 25
    assert balance[Layer.PHYSICAL].minutes == ESTIMATE_MINUTES
    assert balance[Layer.INTELLECTUAL].minutes == 0
    assert sum(s.share for s in balance.values()) == pytest.approx(1.0)
    assert overview.beside.n == 3 and overview.beside.r is None
    assert overview.beside.reason is NoCorrelation.TOO_FEW_DAYS


def test_minutes_beside_mood_gives_r_from_fourteen_paired_days(profile: UnlockedProfile) -> None:
    for i in range(20):
        day = TODAY - dt.timedelta(days=i)
        weather = 1 + i % 5
        profile.rhythm.save_checkin(CheckIn(day, weather))
        _talk(profile, day, weather * 6.0)  # more talk on the better days, exactly
    beside = InsightsService(profile._db).overview(Range.MONTH, TODAY).beside  # type: ignore[arg-type]
    assert beside.n == 20 and beside.r == pytest.approx(1.0)


def test_the_month_review_takes_highs_and_lows_from_the_journal_and_the_space(profile: UnlockedProfile) -> None:
    journal = profile.journal
    journal.add(EntryFields(title="Picnic", entry_date=D(2026, 10, 3), kind=Kind.HIGH))
    journal.add(EntryFields(title="Missed the train", entry_date=D(2026, 10, 9), mood=1))
    journal.add(EntryFields(title="Sunny talk", entry_date=D(2026, 10, 12), mood=5))
    journal.add(EntryFields(title="September", entry_date=D(2026, 9, 30), kind=Kind.HIGH))
    trashed = journal.add(EntryFields(title="Trashed low", entry_date=D(2026, 10, 13), kind=Kind.LOW))
    journal.trash(trashed.id)
    shared = [ReviewEntry(D(2026, 10, 20), "low", "Our hard week", None, True)]
    review = InsightsService(profile._db).month(2026, 10, shared)  # type: ignore[arg-type]
    assert [e.title for e in review.highs] == ["Picnic", "Sunny talk"]
    # marked highs and lows come first, then the days whose mood says so
    assert [(e.title, e.shared) for e in review.lows] == [("Our hard week", True), ("Missed the train", False)]


def test_assessment_scores_are_charted_for_results_taken_alone(profile: UnlockedProfile) -> None:
    from intimacy_desktop.storage.practice_repo import PracticeRepository

    with profile._db.session() as tx:  # type: ignore[union-attr]
        repo = PracticeRepository(tx)
        repo.add_result("growth", {}, 12.0, dt.datetime(2026, 10, 30, 12, 0), partner="", reveal="")
        repo.add_result("growth", {}, 15.0, dt.datetime(2026, 10, 31, 12, 0), partner="", reveal="")
        repo.add_result("growth", {}, 99.0, dt.datetime(2026, 10, 31, 12, 0), partner="a", reveal="x")
        repo.add_result("closeness", {}, 3.5, dt.datetime(2026, 1, 1, 12, 0), partner="", reveal="")
    overview = InsightsService(profile._db).overview(Range.WEEK, TODAY)  # type: ignore[arg-type]
    def local(year: int, month: int, day: int) -> dt.date:  # taken at noon UTC: the person's own calendar day
        return dt.datetime(year, month, day, 12, tzinfo=dt.UTC).astimezone().date()
    assert overview.assessments == {"growth": [(local(2026, 10, 30), 12.0), (local(2026, 10, 31), 15.0)],
                                    "closeness": []}
