"""Today, Insights and Settings as a person sees them, at the smallest window and a comfortable one, light and dark:
rendered to PNG in the suite, no button or combo text cut, no wrapped label squeezed, and the charts drawn in
colours that stand out from their card."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import pytest
from looks_support import OFFSCREEN_LIMITS, assert_whole, colors_in, themed
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from ui_support import settle, unlock

from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.rhythm import CheckIn
from intimacy_desktop.gui import theme
from intimacy_desktop.services.conversations import ConversationService

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
SIZES = pytest.mark.parametrize("size", [(900, 620), (1200, 780)], ids=["minimum", "default"])
THEMES = pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])


def _seed(window: Any) -> None:
    profile, today = window.profile, dt.date.today()
    for back in range(20):
        day = today - dt.timedelta(days=back)
        profile.rhythm.save_checkin(CheckIn(day, 1 + back % 5))
        talks = ConversationService(profile._db, today=functools.partial(lambda d: d, day))
        session = talks.start("daily", 600, layer=Layer.EMOTIONAL)
        talks.finish(session, (5 + back % 4 * 5) * 60, completed=True, cards=[])
        profile.rhythm.tick("gratitude", day)


@SIZES
@THEMES
def test_today_insights_and_settings_keep_their_text_whole(qtbot: QtBot, make_window: Any, existing_profile: Any,
                                                           tmp_path: Path, size: tuple[int, int], dark: bool) -> None:
    with themed(dark):
        window = make_window()
        unlock(qtbot, window)
        window.resize(*size)
        _seed(window)
        for page_id in ("today", "insights", "settings"):
            page: Any = window.show_page(page_id)
            if page_id == "insights":
                page.refresh()
            settle(qtbot, window)
            assert_whole(window, page)
            out = tmp_path / f"{page_id}.png"
            assert window.grab().save(str(out)) and out.stat().st_size > 10_000


@THEMES
def test_the_charts_stand_out_from_their_cards(qtbot: QtBot, make_window: Any, existing_profile: Any,
                                               dark: bool) -> None:
    with themed(dark):
        window = make_window()
        unlock(qtbot, window)
        _seed(window)
        page: Any = window.show_page("insights")
        page.refresh()
        settle(qtbot, window)
        accent = QColor(theme.current().accent).rgb() & 0xFFFFFF
        for card in (page.talk, page.mood, page.balance):
            image = card.chart.grab().toImage()
            counts = colors_in(image, QRect(0, 0, image.width(), image.height()))
            assert counts[accent] > 50, f"{card.name}: the accent is hardly drawn"
