"""The Insights page's figures for one profile (and, for the monthly review, the shared space): each chart's series
over a range ending today, computed by core/insights.py from narrow reads (storage/insights_repo.py).

Layer balance counts time where it is known (a conversation's minutes, an exercise's stated length) and a fixed,
documented estimate where it is not: a journal entry or a card talked about counts ``ESTIMATE_MINUTES`` each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.insights import (
    DeviceFreeSeries,
    LayerShare,
    MinutesBesideMood,
    MonthReview,
    Range,
    ReviewEntry,
    assessment_series,
    device_free_series,
    habit_heatmap,
    layer_balance,
    minutes_beside_mood,
    month_review,
    mood_series,
    range_days,
)
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.conversations import ConversationService
from intimacy_desktop.storage import interchange_files as files
from intimacy_desktop.storage.conversation_repo import ConversationRepository
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.insights_repo import InsightsRepository
from intimacy_desktop.storage.rhythm_repo import RhythmRepository

ESTIMATE_MINUTES = 5  # a journal entry or a card talked about, where no time was measured

ExerciseInfo = Callable[[str], tuple[Layer, int] | None]  # an exercise id → its layer and stated minutes


@dataclass(frozen=True)
class Overview:
    """Everything the page draws for one range."""

    days: list[dt.date]
    device_free: DeviceFreeSeries
    mood: list[tuple[dt.date, float | None]]
    habits: list[tuple[dt.date, int]]
    balance: dict[Layer, LayerShare]
    beside: MinutesBesideMood
    assessments: dict[str, list[tuple[dt.date, float]]]


class InsightsService:
    def __init__(self, db: Database, exercise_info: ExerciseInfo = lambda _id: None) -> None:
        self._db = db
        self._exercise_info = exercise_info

    def overview(self, span: Range, today: dt.date) -> Overview:
        days = range_days(span, today)
        first, last = days[0], days[-1]
        goal = ConversationService(self._db).goal_minutes()  # the Conversation page's daily goal, checked there
        with self._db.session() as tx:
            repo, rhythm = InsightsRepository(tx), RhythmRepository(tx)
            talks = [(day, seconds / 60) for day, seconds in ConversationRepository(tx).between(first, last)]
            checkins = [(c.day, c.weather) for c in rhythm.checkins(first, last)]
            moods = repo.entry_moods(first, last)
            ticks = rhythm.ticks(first, last)
            balance_items = self._balance_items(repo, first, last)
            assessments = repo.assessment_scores()
        device_free = device_free_series(talks, days, goal)
        mood = mood_series(checkins, moods, days)
        return Overview(days, device_free, mood, habit_heatmap(ticks, days), layer_balance(balance_items),
                        minutes_beside_mood(device_free.points, mood),
                        {k: [p for p in v if first <= p[0] <= last] for k, v in assessment_series(assessments).items()})

    def _balance_items(self, repo: InsightsRepository, first: dt.date, last: dt.date) -> list[tuple[Layer, float]]:
        items: list[tuple[Layer, float]] = []
        known = {layer.value: layer for layer in Layer}
        for layer, minutes in repo.talk_by_layer(first, last):
            if layer in known:
                items.append((known[layer], minutes))
        for layer, count in repo.entries_by_layer(first, last) + repo.prompts_by_layer(first, last):
            if layer in known:
                items.append((known[layer], float(count * ESTIMATE_MINUTES)))
        for exercise_id in repo.finished_runs(first, last):
            info = self._exercise_info(exercise_id)
            if info is not None:
                items.append((info[0], float(info[1])))
        return items

    def month(self, year: int, month: int, shared: list[ReviewEntry] | None = None) -> MonthReview:
        """The month's highs and lows from the journal, and from the shared space when its entries are given."""
        first = dt.date(year, month, 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        with self._db.session() as tx:
            rows = InsightsRepository(tx).month_entries(first, last)
        entries = [ReviewEntry(day, kind, title, mood) for day, kind, title, mood in rows]
        return month_review(entries + (shared or []), year, month)


def save_picture(out: Path, png: bytes) -> None:
    """A chart the person chose to export, as a PNG beside nothing else: written whole under a temporary name, 0600,
    never over an existing file (storage/interchange_files.py). It is not encrypted; the page says so first."""
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise UsageError("picture_failed")
    files.write_file(out, png)
