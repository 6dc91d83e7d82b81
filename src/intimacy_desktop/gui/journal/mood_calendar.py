"""A month calendar that marks the days with entries, tinted by that day's average emotional weather.

Seeing a month at a glance (a rainy week, a sunny weekend) is often the first insight a journal gives; the
colours run from slate (stormy) to apricot (sunny) and never carry meaning by colour alone: the day's
tooltip names the weather and the entry count.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from intimacy_desktop.gui import theme
from intimacy_desktop.gui.journal.labels import ON_MOOD_TEXT, mood_color, mood_name


class MoodCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames)
        self.setAccessibleName(self.tr("Calendar of entries"))
        self._plain_weekends()
        self._days: dict[dt.date, tuple[float | None, int]] = {}
        self.active_day: dt.date | None = None

    def _plain_weekends(self) -> None:
        """Weekends in the theme's text colour instead of Qt's red: no day is an alarm."""
        plain = QTextCharFormat()
        plain.setForeground(QColor(theme.current().text))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, plain)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._plain_weekends()

    def visible_range(self) -> tuple[dt.date, dt.date]:
        """The shown month plus the spill-over days of the neighbouring months."""
        first = dt.date(self.yearShown(), self.monthShown(), 1)
        return first - dt.timedelta(days=7), first + dt.timedelta(days=45)

    def set_day_moods(self, days: dict[dt.date, tuple[float | None, int]]) -> None:
        self._days = dict(days)
        self.updateCells()

    def day_info(self, day: dt.date) -> tuple[float | None, int] | None:
        return self._days.get(day)

    def tooltip_for(self, day: dt.date) -> str:
        info = self._days.get(day)
        if info is None:
            return ""
        mood, count = info
        text = self.tr("%n entries", "", count)
        return text if mood is None else f"{text} · {mood_name(round(mood))}"

    def forget(self) -> None:
        self._days = {}
        self.active_day = None
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate | dt.date) -> None:
        day = date.toPython() if isinstance(date, QDate) else date
        assert isinstance(day, dt.date)
        colors = theme.current()
        in_month = day.month == self.monthShown()
        info = self._days.get(day)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(rect.width(), rect.height()) - 1
        circle = QRectF(rect.center().x() - side / 2 + 0.5, rect.center().y() - side / 2 + 0.5, side, side)
        text_color = QColor(colors.text if in_month else colors.muted)
        if info is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            fill = mood_color(info[0])
            if not in_month:
                fill.setAlpha(110)
            painter.setBrush(fill)
            painter.drawEllipse(circle)
            text_color = QColor(ON_MOOD_TEXT)
        if day == self.active_day or (day == self.selectedDate().toPython() and self.active_day is not None):
            painter.setPen(QColor(colors.accent))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            pen = painter.pen()
            pen.setWidthF(2.0)
            painter.setPen(pen)
            painter.drawEllipse(circle.adjusted(-1.5, -1.5, 1.5, 1.5))
        if day == dt.date.today():
            font = QFont(painter.font())
            font.setBold(True)
            painter.setFont(font)
        painter.setPen(text_color)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(day.day))
        painter.restore()
