"""The Insights page's charts, drawn with QPainter in the window's own palette so they read in light and dark:
bars against a goal line, a line with gaps where nothing was recorded, a calendar heat map, and horizontal shares.

A chart holds only what it draws; ``rows()`` gives the same figures as text for the table view (screen readers),
and ``forget()`` clears them at the lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from intimacy_desktop.gui import theme
from intimacy_desktop.gui.practice.charts import date_labels

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 12, 12, 26


class Kind(Enum):
    BARS = "bars"
    LINE = "line"
    HEAT = "heat"
    SHARES = "shares"
    SCATTER = "scatter"  # one dot a day: x = device-free minutes, y = the weather


@dataclass(frozen=True)
class Point:
    label: str  # the x label (a date, a layer); shown sparsely
    value: float | None  # None: nothing recorded (a gap, never a zero)
    text: str  # the value as the table shows it
    x: float = 0.0  # scatter: the dot's other value


class Chart(QWidget):
    def __init__(self, kind: Kind, parent: QWidget | None = None, *, y_range: tuple[float, float] | None = None,
                 y_labels: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.kind = kind
        self.points: list[Point] = []
        self.weeks: list[list[Point | None]] = []  # heat map: rows of seven days
        self.goal: float | None = None
        self.y_range = y_range
        self.y_labels = tuple(y_labels)  # a fixed scale's names, low to high (the weather)
        self.x_label = "%1 min"  # scatter: the right end of the x axis
        self.day_names: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # heat map rows
        self.legend = ""  # heat map: how to read the colour
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(560, 150 if self.kind is Kind.SHARES else 190)

    # ---- data ----------------------------------------------------------------------------------------------
    def set_points(self, points: Sequence[Point], goal: float | None = None) -> None:
        self.points, self.goal = list(points), goal
        self.update()

    def set_weeks(self, weeks: Sequence[Sequence[Point | None]]) -> None:
        self.weeks = [list(w) for w in weeks]
        self.points = [p for w in self.weeks for p in w if p is not None]
        self.setMinimumHeight(18 + 7 * 24 + 26)  # seven rows, one per weekday, whatever the range
        self.update()

    def rows(self) -> list[tuple[str, str]]:
        return [(p.label, p.text) for p in self.points]

    def forget(self) -> None:
        self.points, self.weeks, self.goal = [], [], None
        self.update()

    # ---- drawing -------------------------------------------------------------------------------------------
    @staticmethod
    def _colors() -> tuple[QColor, QColor, QColor, QColor]:
        c = theme.current()  # as the results' charts (gui/practice/charts.py): the theme's, light or dark
        return QColor(c.accent), QColor(c.text), QColor(c.muted), QColor(c.border)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            if self.kind is Kind.HEAT:
                self._heat(painter)
            elif self.kind is Kind.SHARES:
                self._shares(painter)
            elif self.kind is Kind.SCATTER:
                self._scatter(painter)
            else:
                self._xy(painter)
        finally:
            painter.end()

    def _left(self) -> float:
        """Room for the y axis' labels: the widest of them (the weather's names are wider than numbers)."""
        metrics = self.fontMetrics()
        widest = max([metrics.horizontalAdvance(t) for t in self.y_labels] + [metrics.horizontalAdvance("000")])
        return float(max(MARGIN_LEFT, widest + 12))

    def _plot(self) -> QRectF:
        left = self._left()
        return QRectF(left, MARGIN_TOP, max(10.0, self.width() - left - MARGIN_RIGHT),
                      max(10.0, self.height() - MARGIN_TOP - MARGIN_BOTTOM))

    def _xy(self, painter: QPainter) -> None:
        accent, text, muted, grid = self._colors()
        area = self._plot()
        values = [p.value for p in self.points if p.value is not None]
        low, high = self.y_range or (0.0, max([*values, self.goal or 0.0, 1.0]))
        span = (high - low) or 1.0

        def y_of(v: float) -> float:
            return area.bottom() - (v - low) / span * area.height()

        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))
        painter.setPen(muted)
        ticks = self.y_labels or (f"{low:g}", f"{high:g}")
        for i, label in enumerate(ticks):
            v = low + span * i / max(1, len(ticks) - 1)
            painter.drawText(QRectF(0, y_of(v) - 8, area.left() - 6, 16),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
        n = len(self.points)
        if n == 0:
            return
        step = area.width() / n
        if self.kind is Kind.BARS:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            for i, p in enumerate(self.points):
                if p.value:
                    top = y_of(p.value)
                    painter.drawRoundedRect(QRectF(area.left() + i * step + step * 0.15, top, max(1.0, step * 0.7),
                                                   area.bottom() - top), 2, 2)
        else:
            painter.setPen(QPen(accent, 2))
            last: QPointF | None = None
            for i, p in enumerate(self.points):
                if p.value is None:
                    last = None  # a gap: nothing recorded that day
                    continue
                here = QPointF(area.left() + (i + 0.5) * step, y_of(p.value))
                if last is not None:
                    painter.drawLine(last, here)
                painter.setBrush(accent)
                painter.drawEllipse(here, 2.5, 2.5)
                last = here
        if self.goal is not None and self.goal > 0:
            painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(area.left(), y_of(self.goal)), QPointF(area.right(), y_of(self.goal)))
        painter.setPen(muted)
        metrics = painter.fontMetrics()
        centres = [area.left() + (i + 0.5) * step for i in range(n)]
        halves = [metrics.horizontalAdvance(p.label) / 2 for p in self.points]
        for i in date_labels([(x - h, x + h) for x, h in zip(centres, halves, strict=True)], 10):
            painter.drawText(QRectF(centres[i] - 50, area.bottom() + 4, 100, 18), int(Qt.AlignmentFlag.AlignHCenter),
                             self.points[i].label)

    def _scatter(self, painter: QPainter) -> None:
        accent, _text, muted, grid = self._colors()
        area = self._plot()
        low, high = self.y_range or (0.0, 1.0)
        most = max([p.x for p in self.points] + [1.0])
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))
        painter.drawLine(QPointF(area.left(), area.top()), QPointF(area.left(), area.bottom()))
        painter.setPen(muted)
        for i, label in enumerate(self.y_labels or (f"{low:g}", f"{high:g}")):
            y = area.bottom() - i / max(1, len(self.y_labels or "xx") - 1) * area.height()
            painter.drawText(QRectF(0, y - 8, area.left() - 6, 16),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
        for x, label in ((area.left(), "0"), (area.right() - 60, self.x_label.replace("%1", f"{most:.0f}"))):
            painter.drawText(QRectF(x, area.bottom() + 4, 60, 18), int(Qt.AlignmentFlag.AlignLeft), label)
        color = QColor(accent)
        color.setAlphaF(0.7)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        for p in self.points:
            if p.value is not None:
                y = area.bottom() - (p.value - low) / ((high - low) or 1.0) * area.height()
                painter.drawEllipse(QPointF(area.left() + p.x / most * area.width(), y), 4, 4)

    def _heat(self, painter: QPainter) -> None:
        """A calendar: one column a week, Monday at the top, the deeper the colour the more habits that day."""
        accent, _text, muted, grid = self._colors()
        if not self.weeks:
            return
        left, top = 40.0, 18.0
        most = max([p.value or 0.0 for p in self.points] + [1.0])
        cell = max(6.0, min(22.0, (self.width() - left - 8) / len(self.weeks) - 2, (self.height() - top - 26) / 7 - 2))
        painter.setPen(muted)
        for row, name in ((0, self.day_names[0]), (2, self.day_names[2]), (4, self.day_names[4])):
            painter.drawText(QRectF(0, top + row * (cell + 2), left - 6, cell),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), name)
        last_label_end = -1e9
        for col, week in enumerate(self.weeks):
            x = left + col * (cell + 2)
            first = next((p for p in week if p is not None), None)
            if first is not None and x > last_label_end:
                painter.setPen(muted)
                painter.drawText(QRectF(x, 0, 80, top - 2), int(Qt.AlignmentFlag.AlignLeft), first.label)
                last_label_end = x + painter.fontMetrics().horizontalAdvance(first.label) + 8
            for row, p in enumerate(week):
                if p is None:
                    continue
                color = QColor(accent)
                color.setAlphaF(0.12 + 0.88 * (p.value or 0.0) / most if p.value else 0.0)
                painter.setPen(QPen(grid, 1))
                painter.setBrush(color)
                painter.drawRoundedRect(QRectF(x, top + row * (cell + 2), cell, cell), 3, 3)
        legend_y = top + 7 * (cell + 2) + 4
        painter.setPen(muted)
        painter.drawText(QRectF(left, legend_y, self.width() - left, 18), int(Qt.AlignmentFlag.AlignLeft), self.legend)

    def _shares(self, painter: QPainter) -> None:
        accent, text, _muted, grid = self._colors()
        if not self.points:
            return
        row_h = min(30.0, (self.height() - 8) / len(self.points))
        label_w = 150.0
        width = max(10.0, self.width() - label_w - 130)
        for i, p in enumerate(self.points):
            y = 4 + i * row_h
            painter.setPen(text)
            painter.drawText(QRectF(0, y, label_w - 8, row_h),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), p.label)
            painter.setPen(QPen(grid, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(label_w, y + row_h * 0.2, width, row_h * 0.6), 3, 3)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawRoundedRect(QRectF(label_w, y + row_h * 0.2, width * (p.value or 0.0), row_h * 0.6), 3, 3)
            painter.setPen(text)
            painter.drawText(QRectF(label_w + width + 8, y, 122, row_h), int(Qt.AlignmentFlag.AlignVCenter), p.text)


def day_label(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b')}"
