"""The Insights page for docs/screenshots (scripts/render_screenshots.py calls it): eight weeks of a made-up couple's
rhythm (check-ins, talks, habits) so every chart has something to show, then the page and the whole column."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QScrollArea, QWidget

from intimacy_desktop.core.layers import LAYERS
from intimacy_desktop.core.rhythm import HABIT_IDS, CheckIn
from intimacy_desktop.services.conversations import ConversationService


def seed_rhythm(profile: Any, days: int = 56) -> None:
    rng = random.Random(7)
    today = dt.date.today()
    for back in range(days):
        day = today - dt.timedelta(days=back)
        minutes = rng.choice((0, 0, 8, 10, 12, 15, 20, 25))
        if rng.random() < 0.85:
            weather = max(1, min(5, round(2.4 + minutes / 12 + rng.uniform(-1, 1))))
            profile.rhythm.save_checkin(CheckIn(day, weather))
        if minutes:
            talks = ConversationService(profile._db, today=lambda d=day: d)
            session = talks.start("daily", 600, layer=rng.choice(LAYERS))
            talks.finish(session, minutes * 60, completed=True, cards=[], planned_s=max(600, minutes * 60))
        for habit in HABIT_IDS:
            if rng.random() < 0.35:
                profile.rhythm.tick(habit, day)


def render_insights(w: Any, shot: Callable[[QWidget, str], None], wait_until: Callable[..., None]) -> None:
    ctx: Any = w.locks.ctx
    seed_rhythm(ctx.profile)
    page: Any = w.show_page("insights")
    page.refresh()
    wait_until(lambda: not ctx.ops.busy and page.overview is not None)
    shot(w, "58-insights")
    column = page.findChild(QScrollArea).widget()
    column.resize(column.width(), column.sizeHint().height())
    shot(column, "59-insights-whole-page")
    page.tables.setChecked(True)
    shot(w, "60-insights-as-tables")
    page.tables.setChecked(False)
