"""When to say, kindly, that outside help could be worth it (issue 10, "gentle honesty"). Pure rules over results.

Two signals, both deliberately slow to fire, and never a streak or a count of missed days:
- scores that stay in an assessment's lowest band across several takings spread over weeks;
- two partners whose results of the same reveal sit far apart, which can mean growth is not mutual right now.
The GUI words them (in the person's language, with the article's own point that asking for help is a strength).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from intimacy_desktop.core.practice import Assessment, Concern
from intimacy_desktop.core.scoring import Result

LOW_TAKINGS = 3  # at least this many results ...
LOW_SPAN = dt.timedelta(weeks=3)  # ... spread over at least this long, all in the lowest band
APART_SHARE = 0.4  # partners' scores further apart than this share of the possible range


def stays_low(assessment: Assessment, history: Sequence[tuple[dt.datetime, Result]]) -> bool:
    """True when the latest three takings, spread over at least three weeks, all sit in the band at the end the
    assessment marks as its concern (the lowest band of a scorecard, the highest of a pitfalls count)."""
    if assessment.concern is Concern.NONE or not assessment.bands or len(history) < LOW_TAKINGS:
        return False
    bands = sorted(assessment.bands, key=lambda b: b.min)
    worst = bands[-1] if assessment.concern is Concern.HIGH else bands[0]
    recent = sorted(history, key=lambda h: h[0])[-LOW_TAKINGS:]
    if recent[-1][0] - recent[0][0] < LOW_SPAN:
        return False
    return all(result.band == worst for _when, result in recent)


def far_apart(assessment: Assessment, a: Result, b: Result) -> bool:
    """True when two partners' scores of one reveal differ by more than 40% of the possible range."""
    if a.score is None or b.score is None or not assessment.bands:
        return False
    low = min(band.min for band in assessment.bands)
    high = max(band.max for band in assessment.bands)
    return high > low and abs(a.score - b.score) / (high - low) > APART_SHARE
