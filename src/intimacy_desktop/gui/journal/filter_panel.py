"""Search, filters and the mood calendar above the entry list; turns them into one ``EntryFilter``.

Typing is debounced (150 ms) so a search runs once per pause rather than once per key. The calendar folds away
(remembered in the settings) so that a small window can give the entry list the room.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.journal import EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui import settings
from intimacy_desktop.gui.formatting import pydate, qdate
from intimacy_desktop.gui.journal.labels import kind_name, layer_name, mood_name
from intimacy_desktop.gui.journal.mood_calendar import MoodCalendar, ThemedCalendar

SEARCH_DEBOUNCE_MS = 150


class FilterPanel(QWidget):
    changed = Signal()
    month_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search your journal"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.tag_combo = self._combo(self.tr("Filter by tag"), self.tr("All tags"))
        self.mood_combo = self._combo(self.tr("Filter by weather"), self.tr("Any weather"))
        for mood in range(1, 6):
            self.mood_combo.addItem(mood_name(mood), mood)
        self.layer_combo = self._combo(self.tr("Filter by layer"), self.tr("All layers"))
        for layer in Layer:
            if layer is not Layer.NONE:
                self.layer_combo.addItem(layer_name(layer), layer.value)
        self.kind_combo = self._combo(self.tr("Filter by kind"), self.tr("All kinds"))
        for kind in Kind:
            self.kind_combo.addItem(kind_name(kind), kind.value)
        self.range_combo = self._combo(self.tr("Filter by date range"), self.tr("Any time"))
        for label, key in (
            (self.tr("Last 7 days"), "7d"),
            (self.tr("Last 30 days"), "30d"),
            (self.tr("The month shown below"), "month"),
            (self.tr("This year"), "year"),
            (self.tr("Custom range…"), "custom"),
        ):
            self.range_combo.addItem(label, key)
        today = QDate.currentDate()
        self.from_edit = self._date_edit(self.tr("From date"), today.addDays(-30))
        self.to_edit = self._date_edit(self.tr("To date"), today)
        self.custom_row = QWidget()
        custom = QHBoxLayout(self.custom_row)
        custom.setContentsMargins(0, 0, 0, 0)
        custom.addWidget(self.from_edit, 1)
        custom.addWidget(QLabel(self.tr("to")))
        custom.addWidget(self.to_edit, 1)
        self.custom_row.hide()
        self.calendar = MoodCalendar()
        self.calendar.setMinimumHeight(210)  # with the filters, still room for an entry at 900x620
        self.calendar.setMaximumHeight(250)
        self.all_days_button = QPushButton(self.tr("Show all days"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.calendar_button = QToolButton()
        self.calendar_button.setText(self.tr("Calendar"))
        self.calendar_button.setToolTip(self.tr("Show or fold away the calendar of entries"))
        self.calendar_button.setCheckable(True)
        self.calendar_button.setAutoRaise(True)
        self.calendar_button.setProperty("role", "disclosure")
        self.calendar_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.calendar_section = QWidget()

        grid = QGridLayout()
        grid.setSpacing(6)
        grid.addWidget(self.tag_combo, 0, 0)
        grid.addWidget(self.mood_combo, 0, 1)
        grid.addWidget(self.layer_combo, 1, 0)
        grid.addWidget(self.kind_combo, 1, 1)
        grid.addWidget(self.range_combo, 2, 0, 1, 2)
        grid.addWidget(self.custom_row, 3, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calendar_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        section = QVBoxLayout(self.calendar_section)
        section.setContentsMargins(0, 0, 0, 0)
        section.setSpacing(8)
        section.addWidget(self.calendar)
        section.addWidget(self.all_days_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        lay.addWidget(self.search)
        lay.addLayout(grid)
        lay.addLayout(buttons)
        lay.addWidget(self.calendar_section)
        self.calendar_button.setChecked(settings.calendar_shown())
        self._fold(self.calendar_button.isChecked())

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit_changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in self._combos():
            combo.currentIndexChanged.connect(lambda _i: self._emit_changed())
        self.range_combo.currentIndexChanged.connect(self._on_range_changed)
        self.calendar_button.toggled.connect(self._on_calendar_toggled)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self._emit_changed())
        self.calendar.clicked.connect(self._on_day_clicked)
        self.calendar.currentPageChanged.connect(self._on_month_changed)
        self.all_days_button.clicked.connect(lambda: self.set_day(None))
        self.clear_button.clicked.connect(self.clear)
        self._update_buttons()

    def _combo(self, accessible: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        combo.addItem(everything, None)
        return combo

    def _date_edit(self, accessible: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setCalendarPopup(True)
        edit.setCalendarWidget(ThemedCalendar(self))
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat("d MMM yyyy")
        return edit

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.tag_combo, self.mood_combo, self.layer_combo, self.kind_combo, self.range_combo)

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        """The chosen range; a clicked calendar day narrows everything to that day."""
        if self.calendar.active_day is not None:
            return self.calendar.active_day, self.calendar.active_day
        today = dt.date.today()
        key = self.range_combo.currentData()
        if key == "7d":
            return today - dt.timedelta(days=6), today
        if key == "30d":
            return today - dt.timedelta(days=29), today
        if key == "month":
            first = dt.date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            return first, last
        if key == "year":
            return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
        if key == "custom":
            lo, hi = sorted((pydate(self.from_edit.date()), pydate(self.to_edit.date())))
            return lo, hi
        return None, None

    def filter(self) -> EntryFilter:
        date_from, date_to = self.date_range()
        layer, kind = self.layer_combo.currentData(), self.kind_combo.currentData()
        mood = self.mood_combo.currentData()
        return EntryFilter(
            text=self.search.text().strip(),
            tag=self.tag_combo.currentData(),
            mood=int(mood) if mood is not None else None,
            layer=Layer(layer) if layer else None,
            kind=Kind(kind) if kind else None,
            date_from=date_from,
            date_to=date_to,
        )

    def set_tags(self, tags: list[str]) -> None:
        current = self.tag_combo.currentData()
        self.tag_combo.blockSignals(True)
        while self.tag_combo.count() > 1:
            self.tag_combo.removeItem(1)
        for tag in tags:
            self.tag_combo.addItem(f"#{tag}", tag)
        self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(current)) if current else 0)
        self.tag_combo.blockSignals(False)

    def set_day(self, day: dt.date | None) -> None:
        self.calendar.active_day = day
        if day is not None:
            self.calendar.setSelectedDate(qdate(day))
        self.calendar.updateCells()
        self._emit_changed()

    def clear(self) -> None:
        for combo in self._combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.custom_row.hide()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.set_day(None)

    def forget(self) -> None:
        self.search.clear()
        self._debounce.stop()
        self.set_tags([])
        self.calendar.forget()

    def _on_range_changed(self, _index: int) -> None:
        key = self.range_combo.currentData()
        self.custom_row.setVisible(key == "custom")
        if key == "month":
            self.calendar_button.setChecked(True)  # "the month shown below" needs the calendar to show it

    def _on_calendar_toggled(self, shown: bool) -> None:
        self._fold(shown)
        settings.remember_calendar_shown(shown)
        if not shown and self.calendar.active_day is not None:
            self.set_day(None)  # a day picked in a hidden calendar would hide entries for no visible reason

    def _fold(self, shown: bool) -> None:
        self.calendar_section.setVisible(shown)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _on_day_clicked(self, qdate: QDate) -> None:
        day = pydate(qdate)
        self.set_day(None if self.calendar.active_day == day else day)

    def _on_month_changed(self, _year: int, _month: int) -> None:
        self.month_changed.emit()
        if self.range_combo.currentData() == "month":
            self._emit_changed()

    def _emit_changed(self) -> None:
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.all_days_button.setVisible(self.calendar.active_day is not None)  # only when a day is chosen
        self.clear_button.setEnabled(not self.filter().is_empty())

