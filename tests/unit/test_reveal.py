"""The mutual reveal's comparison (issue 10): the same answers counted, distances by scale, and the item furthest
apart chosen to talk about first (none when every answer matches)."""

from __future__ import annotations

from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.practice import Assessment, Item, Scale, Scoring
from intimacy_desktop.core.reveal import compare

ITEMS = (Item("tf", "?", Scale.TRUE_FALSE, answer=True, explanation="x"), Item("agree", "?", Scale.AGREE_5),
         Item("rate", "?", Scale.RATE_5), Item("hours", "?", Scale.HOURS, dimension="d"))
ASSESSMENT = Assessment("a", "A", "x", (), 5, Mode.TOGETHER, "src", Scale.AGREE_5, Scoring.PROFILE, "intro", ITEMS)


def test_same_answers_are_counted_and_the_furthest_comes_first() -> None:
    result = compare(ASSESSMENT, {"tf": True, "agree": 2, "rate": 5, "hours": 1.5},
                     {"tf": False, "agree": 5, "rate": 5, "hours": 3.0})
    assert [r.apart for r in result.rows] == [1.0, 3.0, 0.0, 1.5]
    assert result.same == 1 and result.furthest is not None and result.furthest.id == "agree"


def test_all_the_same_has_nothing_furthest_and_a_tie_takes_the_first() -> None:
    same = {"tf": True, "agree": 3, "rate": 1, "hours": 0.0}
    assert compare(ASSESSMENT, same, same).same == 4 and compare(ASSESSMENT, same, same).furthest is None
    tie = compare(ASSESSMENT, same, {**same, "tf": False, "hours": 1.0})
    assert tie.furthest is not None and tie.furthest.id == "tf"
