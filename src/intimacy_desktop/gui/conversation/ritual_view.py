"""The moment before a conversation, which a couple can turn off: phones away, face each other, one breath."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from intimacy_desktop.gui.layers.columns import calm_middle
from intimacy_desktop.gui.practice.item_row import text_label


class RitualView(QWidget):
    ready = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setSpacing(14)
        lay.addWidget(text_label(self.tr("Before you start"), "headline"))
        lay.addWidget(text_label(self.tr(
            "Put your phones in another room, or face down and out of reach. Sit where you can see each other's "
            "faces. One slow breath together, and begin when you are both here."), "prompt"))
        row = QHBoxLayout()
        self.ready_button = QPushButton(self.tr("We're ready"))
        self.ready_button.setProperty("role", "primary")
        self.ready_button.setToolTip(self.tr("Start the time (Return)"))
        self.ready_button.clicked.connect(self.ready)
        back = QPushButton(self.tr("Back"))
        back.setToolTip(self.tr("Back to the choices (Esc)"))
        back.clicked.connect(self.back)
        row.addStretch(1)
        row.addWidget(back)
        row.addWidget(self.ready_button)
        row.addStretch(1)
        lay.addLayout(row)
        box.setMaximumWidth(620)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(calm_middle(box))
