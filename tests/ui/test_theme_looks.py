"""What the theme draws: drop-down rows that stay readable when highlighted, a tick in ticked boxes, and a date
pop-up in the app's colours rather than Qt's stock look (issue 7, defects 4 and 6)."""

from __future__ import annotations

import pytest
from looks_support import OFFSCREEN_LIMITS, background_and_strongest, contrast, settle_layouts, themed
from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QStyle,
    QStyleOptionButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.gui.journal.editor import EntryEditor
from intimacy_desktop.gui.journal.filter_panel import FilterPanel

THEMES = pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
# A pop-up raises itself and grabs the keyboard, a window passes on its size hints; the offscreen platform of the
# tests can do none of these and says so.
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)


def _popup_rows(qtbot, combo, row: int):  # type: ignore[no-untyped-def]
    """Open the combo's list with ``row`` highlighted (as the mouse or the arrow keys do); the rendered list."""
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2_000)
    view.setCurrentIndex(combo.model().index(row, 0))
    settle_layouts()
    image = view.viewport().grab().toImage()
    highlighted = view.visualRect(combo.model().index(row, 0))
    other = view.visualRect(combo.model().index(0 if row else 1, 0))
    return view, image, highlighted, other


@THEMES
@pytest.mark.parametrize("which", ["editor layer", "editor weather", "filter kind"])
def test_highlighted_row_of_a_drop_down_is_readable(qtbot, dark: bool, which: str) -> None:  # type: ignore[no-untyped-def]
    with themed(dark) as colors:
        host = QWidget()
        qtbot.addWidget(host)
        editor, panel = EntryEditor(), FilterPanel()
        lay = QVBoxLayout(host)
        lay.addWidget(editor)
        lay.addWidget(panel)
        host.resize(1000, 700)
        host.show()
        qtbot.waitExposed(host)
        combo = {"editor layer": editor.ui.layerCombo, "editor weather": editor.ui.moodCombo,
                 "filter kind": panel.kind_combo}[which]
        view, image, highlighted, other = _popup_rows(qtbot, combo, 2)
        background, text, marked = background_and_strongest(image, highlighted.adjusted(2, 2, -2, -2))
        assert contrast(text, background) >= 4.5, (background.name(), text.name())
        assert marked >= 20  # letters, not a stray pixel
        other_background, _, _ = background_and_strongest(image, other.adjusted(2, 2, -2, -2))
        assert background != other_background  # the highlight itself shows
        palette = view.palette()
        assert contrast(palette.color(QPalette.ColorRole.HighlightedText),
                        palette.color(QPalette.ColorRole.Highlight)) >= 4.5
        assert QColor(colors.accent) in (background, palette.color(QPalette.ColorRole.Highlight))
        combo.hidePopup()


def _indicator_rect(box: QCheckBox) -> QRect:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)


@THEMES
def test_a_ticked_box_shows_a_tick(qtbot, dark: bool) -> None:  # type: ignore[no-untyped-def]
    with themed(dark) as colors:
        host = QWidget()
        qtbot.addWidget(host)
        ticked, empty = QCheckBox("Ticked"), QCheckBox("Not ticked")
        ticked.setChecked(True)
        lay = QVBoxLayout(host)
        lay.addWidget(ticked)
        lay.addWidget(empty)
        host.show()
        qtbot.waitExposed(host)
        rect = _indicator_rect(ticked)
        assert rect.width() >= 14 and rect.height() >= 14
        fill, tick, marked = background_and_strongest(ticked.grab().toImage(), rect.adjusted(2, 2, -2, -2))
        assert fill == QColor(colors.accent)  # ticked boxes keep the accent fill
        assert contrast(tick, fill) >= 3.0 and marked >= 12, (fill.name(), tick.name(), marked)
        inside, _, marked_empty = background_and_strongest(empty.grab().toImage(), rect.adjusted(3, 3, -3, -3))
        assert marked_empty == 0 and inside == QColor(colors.base)  # an empty box is empty


def _calendar_view(calendar: QCalendarWidget) -> QTableView:
    view = calendar.findChild(QTableView, "qt_calendar_calendarview")
    assert view is not None
    return view


def _cell(view: QTableView, day: int) -> QRect:
    """Where a day of the shown month is drawn (the first row of numbers may still be the month before)."""
    model = view.model()
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    numbered = [i for i in cells if str(i.data()).isdigit()]
    first = next(n for n, i in enumerate(numbered) if str(i.data()) == "1")
    return view.visualRect(next(i for i in numbered[first:] if str(i.data()) == str(day)))


@THEMES
def test_the_date_pop_up_wears_the_theme(qtbot, dark: bool) -> None:  # type: ignore[no-untyped-def]
    with themed(dark) as colors:
        editor = EntryEditor()
        qtbot.addWidget(editor)
        editor.show()
        day = QDate(2026, 2, 12)
        editor.ui.dateEdit.setMaximumDate(day.addDays(1))
        editor.ui.dateEdit.setDate(day)
        calendar = editor.ui.dateEdit.calendarWidget()
        calendar.setSelectedDate(day)
        calendar.resize(calendar.sizeHint())
        calendar.show()
        qtbot.waitExposed(calendar)
        # Weekends in the text colour, not Qt's red; week days named the way the journal's calendar names them.
        for weekday in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            assert calendar.weekdayTextFormat(weekday).foreground().color() == QColor(colors.text)
        assert calendar.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
        # The chosen day is marked in the accent colour, with its number readable on it.
        view = _calendar_view(calendar)
        image = view.viewport().grab().toImage()
        fill, digits, marked = background_and_strongest(image, _cell(view, 12).adjusted(1, 1, -1, -1))
        assert fill == QColor(colors.accent), fill.name()
        assert contrast(digits, fill) >= 3.0 and marked >= 8
        # The rest of the month sits on the theme's base colour.
        plain, _, _ = background_and_strongest(image, _cell(view, 18).adjusted(1, 1, -1, -1))
        assert plain == QColor(colors.base), plain.name()
        # The month arrows stand out from the navigation bar, in the dark theme too.
        for name in ("qt_calendar_prevmonth", "qt_calendar_nextmonth"):
            button = calendar.findChild(QToolButton, name)
            assert button is not None
            where = QRect(button.mapTo(calendar, button.rect().topLeft()), button.size())
            bar, arrow, marked = background_and_strongest(calendar.grab().toImage(), where)
            assert contrast(arrow, bar) >= 3.0 and marked >= 10, (name, bar.name(), arrow.name(), marked)
