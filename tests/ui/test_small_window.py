"""The journal at the window's minimum size (900x620) and its default size: every drop-down and button shows its
whole text, and the calendar folds away to give the entry list the room (issue 7, defect 5)."""

from __future__ import annotations

import datetime as dt

import pytest
from looks_support import OFFSCREEN_LIMITS, cut_texts, settle_layouts, themed
from PySide6.QtCore import Qt
from ui_support import open_journal, settle

from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.gui import settings
from intimacy_desktop.gui.journal.delegate import ROW_HEIGHT
from intimacy_desktop.gui.journal.filter_panel import FilterPanel

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
SIZES = pytest.mark.parametrize("size", [(900, 620), (1200, 780)], ids=["minimum", "default"])
THEMES = pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])


@pytest.fixture
def many(existing_profile):  # type: ignore[no-untyped-def]
    [info] = existing_profile.list_profiles()
    profile = existing_profile.unlock(info, "correct horse battery staple")
    for i in range(12):
        profile.journal.add(EntryFields(title=f"Evening {i}", body="We talked about the week.", mood=1 + i % 5))
    profile.close()
    return existing_profile


def _resized(qtbot, window, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    window.resize(*size)
    settle(qtbot, window)
    settle_layouts()
    assert window.size().width() == size[0] and window.size().height() == size[1]


@SIZES
@THEMES
def test_every_drop_down_and_button_of_the_journal_shows_its_whole_text(  # type: ignore[no-untyped-def]
    qtbot, make_window, many, size: tuple[int, int], dark: bool
) -> None:
    with themed(dark):
        window, page = open_journal(qtbot, make_window)
        _resized(qtbot, window, size)
        page.list.setCurrentIndex(page.model.index(0))
        settle(qtbot, window)
        qtbot.keyClicks(page.editor.ui.titleEdit, " again")  # unsaved: "Discard changes" shows too
        assert page.editor.ui.discardButton.isVisibleTo(page)
        settle_layouts()
        assert cut_texts(window) == []
        page.trash_button.setChecked(True)  # Restore and Delete forever take the list's foot
        settle(qtbot, window)
        settle_layouts()
        assert page.restore_button.isVisibleTo(page)
        assert cut_texts(window) == []


@SIZES
def test_the_calendar_folds_away_and_the_list_gets_its_room(qtbot, make_window, many, size) -> None:  # type: ignore[no-untyped-def]
    with themed(False):
        window, page = open_journal(qtbot, make_window)
        _resized(qtbot, window, size)
        toggle = page.filters.calendar_button
        assert toggle.isCheckable() and toggle.isChecked() and page.filters.calendar.isVisibleTo(page)
        open_height = page.list.viewport().height()
        qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
        settle_layouts()
        assert not toggle.isChecked() and not page.filters.calendar.isVisibleTo(page)
        folded_height = page.list.viewport().height()
        assert folded_height >= open_height + page.filters.calendar.minimumHeight()
        # With the calendar open a 900x620 window showed less than one whole entry; folded it shows three and a
        # half of the 92 px cards (all a 620 px window has room for under the search and filters), 1200x780 five.
        rows = folded_height / ROW_HEIGHT
        assert rows >= (3.5 if size == (900, 620) else 5), rows
        assert cut_texts(window) == []


def test_the_calendar_stays_folded_next_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    first = FilterPanel()
    qtbot.addWidget(first)
    assert first.calendar_button.isChecked()  # open the first time
    first.calendar_button.setChecked(False)
    assert settings.calendar_shown() is False
    again = FilterPanel()
    qtbot.addWidget(again)
    again.show()
    assert not again.calendar_button.isChecked() and not again.calendar.isVisible()
    again.calendar_button.setChecked(True)
    assert settings.calendar_shown() is True and again.calendar.isVisible()


def test_folding_the_calendar_drops_its_day_filter(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A day chosen in a calendar nobody can see would hide entries for no visible reason."""
    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.show()
    today = panel.calendar.selectedDate().toPython()
    assert isinstance(today, dt.date)
    panel.set_day(today)
    assert panel.filter().date_from == today
    panel.calendar_button.setChecked(False)
    assert panel.calendar.active_day is None and panel.filter().is_empty()
    panel.range_combo.setCurrentIndex(panel.range_combo.findData("month"))  # "the month shown below"
    assert panel.calendar_button.isChecked() and panel.calendar.isVisible()
