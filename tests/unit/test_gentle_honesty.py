"""When the app suggests outside help (issue 10): only after three takings over at least three weeks all in the band
of concern (the low end of a scorecard, the high end of a pitfalls count, never for a quiz), and when two partners'
results of one reveal are far apart."""

from __future__ import annotations

import datetime as dt

from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.gentle_honesty import far_apart, stays_low
from intimacy_desktop.core.practice import Assessment, Band, Concern, Item, Scale, Scoring
from intimacy_desktop.core.scoring import Result, score

DAY = dt.datetime(2026, 11, 1, 20, 0)


def _scorecard(concern: Concern = Concern.LOW) -> Assessment:
    return Assessment("growth-scorecard", "S", "x", (), 5, Mode.SOLO, "src", Scale.YES_NO, Scoring.COUNT, "intro",
                      tuple(Item(f"q{i}", "?", Scale.YES_NO) for i in range(10)),
                      (Band(0, 3, "low", "x"), Band(4, 6, "middle", "y"), Band(7, 10, "high", "z")), concern=concern)


def _takings(assessment: Assessment, yeses: list[int], days: list[int]) -> list[tuple[dt.datetime, Result]]:
    return [(DAY + dt.timedelta(days=d), score(assessment, {f"q{i}": i < n for i in range(10)}))
            for n, d in zip(yeses, days, strict=True)]


def test_three_low_takings_over_three_weeks_ask_for_care_and_fewer_do_not() -> None:
    card = _scorecard()
    assert stays_low(card, _takings(card, [2, 3, 1], [0, 10, 21]))
    assert not stays_low(card, _takings(card, [2, 3, 1], [0, 5, 20]))  # < 3 weeks
    assert not stays_low(card, _takings(card, [2, 1], [0, 30]))  # only two
    assert not stays_low(card, _takings(card, [2, 5, 1], [0, 10, 21]))  # one was better
    assert stays_low(card, _takings(card, [9, 2, 3, 1], [0, 7, 17, 28]))  # the latest 3


def test_the_concern_can_be_the_high_end_or_none() -> None:
    pitfalls, quiz = _scorecard(Concern.HIGH), _scorecard(Concern.NONE)
    assert stays_low(pitfalls, _takings(pitfalls, [8, 9, 10], [0, 10, 21]))
    assert not stays_low(pitfalls, _takings(pitfalls, [2, 3, 1], [0, 10, 21]))
    assert not stays_low(quiz, _takings(quiz, [2, 3, 1], [0, 10, 21]))


def test_partners_far_apart_is_more_than_forty_percent_of_the_range() -> None:
    card = _scorecard()
    (_, a), (_, b), (_, c) = _takings(card, [2, 7, 6], [0, 0, 0])
    assert far_apart(card, a, b)  # 5 of 10 apart
    assert not far_apart(card, a, c)  # 4 of 10 is not more than 40%
