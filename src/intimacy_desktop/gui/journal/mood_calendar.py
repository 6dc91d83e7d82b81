"""A month calendar that marks the days with entries, tinted by that day's average emotional weather.

Seeing a month at a glance (a rainy week, a sunny weekend) is often the first insight a journal gives; the
colours run from slate (stormy) to apricot (sunny) and never carry meaning by colour alone: the day's
tooltip names the weather and the entry count.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QIcon, QPainter, QPainterPath, QPen, QPixmap, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QTableView, QToolButton, QToolTip, QWidget

from intimacy_desktop.gui import theme
from intimacy_desktop.gui.journal.labels import ON_MOOD_TEXT, mood_color, mood_name


class ThemedCalendar(QCalendarWidget):
    """A month in the theme's colours instead of Qt's stock look: no week numbers, single-letter day names and
    weekends in the text colour, month arrows in the text colour. Also the pop-up of every date field
    (``QDateEdit.setCalendarWidget``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames)
        self._styled_for: int | None = None
        self._restyle()

    def _restyle(self) -> None:
        """Weekends in the theme's text colour instead of Qt's red (no day is an alarm), and arrows drawn in it
        (Qt's stock arrows are dark and stay so in the dark theme)."""
        color = QColor(theme.current().text)
        if color.rgba() == self._styled_for:
            return  # Qt sends style and palette changes by the dozen while a page is built
        self._styled_for = color.rgba()
        plain = QTextCharFormat()
        plain.setForeground(color)
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, plain)
        for name, pointing_left in (("qt_calendar_prevmonth", True), ("qt_calendar_nextmonth", False)):
            button = self.findChild(QToolButton, name)
            if button is not None:
                button.setIcon(_chevron(color, pointing_left, self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._restyle()


def _chevron(color: QColor, pointing_left: bool, ratio: float, size: int = 16) -> QIcon:
    pix = QPixmap(round(size * ratio), round(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, 2.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    tip, back = (size * 0.35, size * 0.62) if pointing_left else (size * 0.65, size * 0.38)
    path = QPainterPath(QPointF(back, size * 0.22))
    path.lineTo(QPointF(tip, size * 0.5))
    path.lineTo(QPointF(back, size * 0.78))
    painter.drawPath(path)
    painter.end()
    return QIcon(pix)


class MoodCalendar(ThemedCalendar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "mood")  # paints its own days, selection included (theme.py)
        self.setAccessibleName(self.tr("Calendar of entries"))
        self._days: dict[dt.date, tuple[float | None, int]] = {}
        self.active_day: dt.date | None = None
        self._view = self.findChild(QTableView, "qt_calendar_calendarview")
        if self._view is not None:
            self._view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tooltips name each marked day's weather and count, so the colours are never the only signal."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self._view is not None:
            day = self.date_at(event.pos())
            text = self.tooltip_for(day) if day is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self._view)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def date_at(self, pos: QPoint) -> dt.date | None:
        """The date under a point of the day grid (Qt keeps its own mapping private)."""
        if self._view is None:
            return None
        index = self._view.indexAt(pos)
        text = str(index.data() or "") if index.isValid() else ""
        if not text.isdigit():
            return None  # the weekday header row
        day = int(text)
        year, month = self.yearShown(), self.monthShown()
        if index.row() <= 2 and day > 20:  # spill-over from the previous month
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        elif index.row() >= 4 and day < 15:  # spill-over into the next month
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        return dt.date(year, month, day)

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
