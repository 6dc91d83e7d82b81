"""Scoring (issue 10), every rule with a hand-computed case: counts with reversed items and the scorecard's
threshold, sums and means with reversal, true-false right answers, profiles for giving and receiving, hours, and
answers that are missing or out of range."""

from __future__ import annotations

import pytest

from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.practice import Assessment, Band, Dimension, Item, Scale, Scoring
from intimacy_desktop.core.scoring import score


def _assessment(scale: Scale, scoring: Scoring, items: list[Item], bands: tuple[Band, ...] = (),
                dimensions: tuple[Dimension, ...] = ()) -> Assessment:
    return Assessment("a", "A", "a", (), 5, Mode.SOLO, "src", scale, scoring, "intro", tuple(items), bands, dimensions)


SCORECARD = _assessment(
    Scale.YES_NO, Scoring.COUNT,
    [Item(f"q{i}", "?", Scale.YES_NO, reverse=(i == 10)) for i in range(1, 11)],
    (Band(0, 6, "Room to grow", "x"), Band(7, 10, "Growing together", "y")),
)


def test_the_scorecard_counts_yes_and_a_reversed_no_and_its_threshold_is_seven() -> None:
    answers: dict[str, object] = {f"q{i}": i <= 6 for i in range(1, 10)}
    answers["q10"] = False  # 6 yes and a reversed no
    result = score(SCORECARD, answers)
    assert (result.score, result.out_of) == (7.0, 10.0)
    assert result.band is not None and result.band.title == "Growing together"
    answers["q6"] = False
    result = score(SCORECARD, answers)
    assert result.score == 6.0 and result.band is not None and result.band.title == "Room to grow"


def test_a_count_on_a_five_point_scale_counts_agree_and_reversed_disagree() -> None:
    items = [Item("a", "?", Scale.AGREE_5), Item("b", "?", Scale.AGREE_5), Item("c", "?", Scale.AGREE_5, reverse=True)]
    assessment = _assessment(Scale.AGREE_5, Scoring.COUNT, items, (Band(0, 1, "l", "x"), Band(2, 3, "h", "y")))
    assert score(assessment, {"a": 4, "b": 3, "c": 2}).score == 2.0  # 4 agrees, 3 is the middle, reversed 2 counts


def test_sum_and_mean_reverse_an_item_as_six_minus_the_answer() -> None:
    items = [Item("a", "?", Scale.OFTEN_5), Item("b", "?", Scale.OFTEN_5, reverse=True), Item("c", "?", Scale.OFTEN_5)]
    total = _assessment(Scale.OFTEN_5, Scoring.SUM, items, (Band(3, 9, "l", "x"), Band(10, 15, "h", "y")))
    result = score(total, {"a": 5, "b": 1, "c": 2})  # 5 + (6 - 1) + 2 = 12
    assert (result.score, result.out_of) == (12.0, 15.0) and result.band is not None and result.band.title == "h"
    mean = _assessment(Scale.OFTEN_5, Scoring.MEAN, items, (Band(1, 2.5, "l", "x"), Band(2.5, 5, "h", "y")))
    result = score(mean, {"a": 2, "b": 4, "c": 3})  # (2 + 2 + 3) / 3 = 2.33
    assert result.score == 2.33 and result.band is not None and result.band.title == "l"
    result = score(mean, {"a": 2, "b": 3, "c": 3})  # (2 + (6 - 3) + 3) / 3 = 2.67
    assert result.score == 2.67 and result.band is not None and result.band.title == "h"


def test_a_shared_bound_belongs_to_the_higher_band() -> None:
    items = [Item("a", "?", Scale.AGREE_5), Item("b", "?", Scale.AGREE_5)]
    mean = _assessment(Scale.AGREE_5, Scoring.MEAN, items, (Band(1, 2.5, "l", "x"), Band(2.5, 5, "h", "y")))
    result = score(mean, {"a": 2, "b": 3})
    assert result.score == 2.5 and result.band is not None and result.band.title == "h"


def test_true_false_counts_right_answers_and_names_them() -> None:
    items = [Item(f"m{i}", "?", Scale.TRUE_FALSE, answer=False, explanation="why") for i in range(1, 8)]
    myths = _assessment(Scale.TRUE_FALSE, Scoring.CORRECT, items, (Band(0, 3, "l", "x"), Band(4, 7, "h", "y")))
    answers: dict[str, object] = {f"m{i}": i > 4 for i in range(1, 8)}  # m1-m4 answered False (right)
    result = score(myths, answers)
    assert (result.score, result.out_of, result.right) == (4.0, 7.0, ("m1", "m2", "m3", "m4"))


def test_a_profile_averages_each_direction_separately_and_has_no_score() -> None:
    dims = (Dimension("words-give", "Words, giving"), Dimension("words-receive", "Words, receiving"),
            Dimension("touch-give", "Touch, giving"))
    items = [Item("g1", "?", Scale.RATE_5, dimension="words-give"), Item("g2", "?", Scale.RATE_5,
                                                                        dimension="words-give"),
             Item("r1", "?", Scale.RATE_5, dimension="words-receive"),
             Item("r2", "?", Scale.RATE_5, dimension="words-receive", reverse=True),
             Item("t1", "?", Scale.RATE_5, dimension="touch-give")]
    love = _assessment(Scale.RATE_5, Scoring.PROFILE, items, dimensions=dims)
    result = score(love, {"g1": 5, "g2": 2, "r1": 1, "r2": 4, "t1": 3})
    assert result.score is None and result.band is None
    assert result.profile == {"words-give": 3.5, "words-receive": 1.5, "touch-give": 3.0}  # giving != receiving


def test_hours_are_taken_as_they_are_in_half_hours() -> None:
    dims = (Dimension("scrolling", "Scrolling"), Dimension("talk", "Talk"), Dimension("phubbing", "Phone at talk"))
    items = [Item("h1", "?", Scale.HOURS, dimension="scrolling", reference="social-media-browsing"),
             Item("h2", "?", Scale.HOURS, dimension="talk"), Item("p1", "?", Scale.OFTEN_5, dimension="phubbing")]
    audit = _assessment(Scale.HOURS, Scoring.PROFILE, items, dimensions=dims)
    assert score(audit, {"h1": 2.5, "h2": 0, "p1": 4}).profile == {"scrolling": 2.5, "talk": 0.0, "phubbing": 4.0}
    with pytest.raises(UsageError) as caught:
        score(audit, {"h1": 2.25, "h2": 0, "p1": 4})
    assert caught.value.code == "answer_invalid" and caught.value.params == {"item": "h1"}


@pytest.mark.parametrize("bad", [0, 6, True, "5", 2.0])
def test_a_five_point_answer_outside_one_to_five_is_refused(bad: object) -> None:
    items = [Item("a", "?", Scale.AGREE_5), Item("b", "?", Scale.AGREE_5)]
    mean = _assessment(Scale.AGREE_5, Scoring.MEAN, items, (Band(1, 5, "all", "x"),))
    with pytest.raises(UsageError) as caught:
        score(mean, {"a": 3, "b": bad})
    assert caught.value.code == "answer_invalid"


def test_every_item_needs_an_answer() -> None:
    with pytest.raises(UsageError) as caught:
        score(SCORECARD, {f"q{i}": True for i in range(1, 10)})
    assert caught.value.code == "assessment_incomplete" and caught.value.params == {"item": "q10"}
