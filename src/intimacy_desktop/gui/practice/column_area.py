"""A scroll area showing one centred column, at most ``widest`` pixels wide, whose wrapped text stays whole as the
window is resized (the library, a program, a result)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from intimacy_desktop.gui.layers.columns import centred
from intimacy_desktop.gui.practice.item_row import fit_column, follow_content

SIDE_MARGINS = 32


class ColumnArea(QScrollArea):
    def __init__(self, widest: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._widest = widest
        self.column = QWidget()
        self.column.setMaximumWidth(widest)

    def place_column(self, top: int) -> None:
        """Once the column is filled: put it in the middle of the scrolled page."""
        body = QWidget()
        outer = centred(self.column)
        outer.setContentsMargins(SIDE_MARGINS, top, SIDE_MARGINS, 32)
        body.setLayout(outer)
        self.setWidget(body)

    def follow_content(self) -> None:
        """For a column whose cards fill in later (read off the GUI thread): refit the page whenever it asks."""
        follow_content(self, self.column)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.width() - 2 * SIDE_MARGINS - self.verticalScrollBar().sizeHint().width()
        fit_column(self.column, room, self._widest)
