"""The history chart dates as many of its points as fit, first and last always, never two labels touching."""

from __future__ import annotations

import itertools

from intimacy_desktop.gui.practice.charts import date_labels


def _spans(centres: list[float], width: float = 40) -> list[tuple[float, float]]:
    return [(c - width / 2, c + width / 2) for c in centres]


def test_a_wide_chart_dates_every_point_that_fits() -> None:
    assert date_labels(_spans([20, 120, 220, 320, 420]), gap=10) == [0, 1, 2, 3, 4]


def test_crowded_points_keep_first_and_last_and_skip_what_would_touch() -> None:
    spans = _spans([20 + 25 * i for i in range(13)])  # 25 px apart, labels 40 px wide
    chosen = date_labels(spans, gap=10)
    assert chosen[0] == 0 and chosen[-1] == 12 and 2 < len(chosen) < 13
    for a, b in itertools.pairwise(chosen):
        assert spans[a][1] + 10 <= spans[b][0]


def test_one_or_two_close_points() -> None:
    assert date_labels([], gap=10) == []
    assert date_labels(_spans([50]), gap=10) == [0]
    assert date_labels(_spans([50, 60]), gap=10) == [0]
