"""A layer's numbers: each figure as a small card (value, what it means, where it comes from, any caveat), and the
article's tables as a plain grid with their source and note.

Caveats are shown plainly, never in a tooltip: when the article calls a number its own analysis or names no study,
the person deserves to see that next to the number.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from intimacy_desktop.core.content import Figure, FigureTable

# Two figure cards side by side need this much room each; narrower, they stack.
CARD_MIN_WIDTH = 260


def _label(text: str, role: str | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


class FigureCard(QFrame):
    def __init__(self, figure: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.figure = figure
        self.value_label = _label(figure.value, "figure")
        self.text_label = _label(figure.text)
        self.source_label = _label(self.tr("Source: %1").replace("%1", figure.source), "hint")
        self.note_label = _label(figure.note, "hint")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 16)
        lay.setSpacing(6)
        for w in (self.value_label, self.text_label, self.source_label, self.note_label):
            lay.addWidget(w)
        lay.addStretch(1)
        self.note_label.setVisible(bool(figure.note))  # once it has a parent: a shown orphan would be a window
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(CARD_MIN_WIDTH // 2)
        self.setAccessibleName(f"{figure.value}: {figure.text}")


class FigureGrid(QWidget):
    """The figure cards, two to a row when there is room, one when there is not."""

    def __init__(self, figures: Sequence[Figure], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = [FigureCard(f) for f in figures]
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        self._columns = 0
        self._place(2)

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self._grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            self._grid.addWidget(card, i // columns, i % columns)
        for c in range(2):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place(2 if self.width() >= 2 * CARD_MIN_WIDTH + 12 else 1)
        super().resizeEvent(event)


class FigureTableView(QFrame):
    """One of the article's tables: a title, a grid of cells (a header row in bold), its source and its note."""

    def __init__(self, table: FigureTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.table = table
        self.title_label = _label(table.title, "section")
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        self.cells: list[list[QLabel]] = []
        for col, heading in enumerate(table.columns):
            head = _label(heading, "muted")
            grid.addWidget(head, 0, col, Qt.AlignmentFlag.AlignBottom)
            grid.setColumnStretch(col, 2 if col == 0 else 1)
        for r, row in enumerate(table.rows, start=1):
            line = []
            for col, cell in enumerate(row):
                label = _label(cell)
                grid.addWidget(label, r, col, Qt.AlignmentFlag.AlignTop)
                line.append(label)
            self.cells.append(line)
        self.source_label = _label(self.tr("Source: %1").replace("%1", table.source), "hint")
        self.note_label = _label(table.note, "hint")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 22)
        lay.setSpacing(10)
        lay.addWidget(self.title_label)
        lay.addLayout(grid)
        lay.addWidget(self.source_label)
        lay.addWidget(self.note_label)
        self.note_label.setVisible(bool(table.note))
        self.setAccessibleName(table.title)
