"""Two small drawings for results, in the theme's colours so they read in light and dark: a profile as one
labelled bar per dimension (never a single "type"), and past scores as points joined by a line. Both keep their
numbers in text too (accessible names, and the table beside the chart)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from intimacy_desktop.gui import theme
from intimacy_desktop.gui.formatting import qdate
from intimacy_desktop.gui.practice.item_row import discard
from intimacy_desktop.gui.practice.labels import number


class Bar(QWidget):
    """A horizontal bar: ``value`` of ``out_of`` filled with the accent."""

    def __init__(self, value: float, low: float, out_of: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value, self.low, self.out_of = value, low, out_of
        self.setMinimumSize(120, 14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(240, 14)

    def paintEvent(self, _event: QPaintEvent) -> None:
        c = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 1.5, -0.5, -1.5)
        p.setPen(QPen(QColor(c.border), 1))
        p.setBrush(QColor(c.alt_base))
        p.drawRoundedRect(rect, 6, 6)
        span = max(1e-9, self.out_of - self.low)
        share = min(1.0, max(0.0, (self.value - self.low) / span))
        if share > 0:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(c.accent))
            p.drawRoundedRect(QRectF(rect.left(), rect.top(), max(rect.height(), rect.width() * share),
                                     rect.height()), 6, 6)
        p.end()


class ProfileBars(QWidget):
    """One row per dimension: its name, its bar (1 to 5), and the number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QLabel, Bar, QLabel]] = []
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def show_profile(self, values: Sequence[tuple[str, float, bool]]) -> None:
        """(name, value, hours): hours a day run from 0 (the bar up to the longest shown, at least 8 hours),
        everything else is points from 1 to 5."""
        self.forget()
        top = max([8.0, *(v for _n, v, hours in values if hours)])
        for row, (name, value, hours) in enumerate(values):
            label = QLabel(name)
            label.setWordWrap(True)
            bar = Bar(value, 0.0, top) if hours else Bar(value, 1.0, 5.0)
            shown = (self.tr("%1 h a day") if hours else self.tr("%1 of 5")).replace("%1", number(value))
            bar.setAccessibleName(f"{name}: {shown}")
            figure = QLabel(shown)
            figure.setProperty("role", "muted")
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(figure, row, 2)
            self.rows.append((label, bar, figure))

    def texts(self) -> list[str]:
        return [f"{name.text()} {figure.text()}" for name, _bar, figure in self.rows]

    def forget(self) -> None:
        discard([w for widgets in self.rows for w in widgets], self)
        self.rows = []


class HistoryChart(QWidget):
    """Scores over time, oldest on the left, on a scale from 0 (or 1 for a mean) to the score's maximum."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[dt.datetime, float]] = []
        self.low, self.high = 0.0, 1.0
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(480, 160)

    def show_points(self, points: Sequence[tuple[dt.datetime, float]], low: float, high: float) -> None:
        self.points, self.low, self.high = list(points), low, max(high, low + 1e-9)
        self.setAccessibleName(self.tr("Your scores over time: %1").replace(
            "%1", ", ".join(number(v) for _when, v in self.points)))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        c = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance(number(self.high)) + 12
        area = QRectF(self.rect()).adjusted(left, 10, -14, -metrics.height() - 10)
        p.setPen(QPen(QColor(c.border), 1))
        for value in (self.low, (self.low + self.high) / 2, self.high):
            y = self._y(area, value)
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        p.setPen(QColor(c.muted))
        for value in (self.low, self.high):
            y = self._y(area, value)
            p.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), number(value))
        if not self.points:
            p.end()
            return
        n = len(self.points)
        xs = [area.center().x()] if n == 1 else [area.left() + area.width() * i / (n - 1) for i in range(n)]
        spots = [QPointF(x, self._y(area, v)) for x, (_when, v) in zip(xs, self.points, strict=True)]
        path = QPainterPath(spots[0])
        for spot in spots[1:]:
            path.lineTo(spot)
        p.setPen(QPen(QColor(c.accent), 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setBrush(QColor(c.accent))
        for spot in spots:
            p.drawEllipse(spot, 4.5, 4.5)
        p.setPen(QColor(c.muted))
        texts = [QLocale().toString(qdate(when.date()), "d MMM") for when, _v in self.points]
        spans = []
        for x, text in zip(xs, texts, strict=True):
            width = metrics.horizontalAdvance(text)
            left_edge = min(max(area.left(), x - width / 2), area.right() - width)
            spans.append((left_edge, left_edge + width))
        for i in date_labels(spans, gap=metrics.horizontalAdvance("  ")):
            p.drawText(QPointF(spans[i][0], area.bottom() + metrics.ascent() + 6), texts[i])
        p.end()

    def _y(self, area: QRectF, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return area.bottom() - area.height() * min(1.0, max(0.0, share))


def date_labels(spans: Sequence[tuple[float, float]], gap: float) -> list[int]:
    """Which points get a date under them: the first and the last, then as many between as fit without two
    labels closer than ``gap``, left to right."""
    if not spans:
        return []
    chosen = sorted({0, len(spans) - 1})
    if len(chosen) == 2 and spans[0][1] + gap > spans[-1][0]:
        chosen = [0]  # two points too close for both dates: the first says when the history starts
    for i in range(1, len(spans) - 1):
        if all(spans[i][0] >= spans[j][1] + gap or spans[i][1] + gap <= spans[j][0] for j in chosen):
            chosen.append(i)
    return sorted(chosen)
