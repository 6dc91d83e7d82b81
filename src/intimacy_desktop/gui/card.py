"""A rounded card of a page (Today's, Insights', Settings' reminders): a heading with room beside it for a control,
an optional line on how to read the card, then the card's own widgets in ``lay``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intimacy_desktop.gui.practice.item_row import text_label

TODAY_MARGINS = (32, 24, 32, 26)
INSIGHTS_MARGINS, INSIGHTS_WIDTH = (28, 20, 28, 20), 900
SETTINGS_MARGINS = (24, 20, 24, 20)  # as settings_page/page.py's own cards


class Card(QFrame):
    """A subclass passes no words to the constructor (``tr`` needs the object first): it calls ``set_texts``."""

    def __init__(self, parent: QWidget | None = None, *, width: int = 640,
                 margins: tuple[int, int, int, int] = TODAY_MARGINS) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setMaximumWidth(width)
        self.heading = text_label("", "section")
        self.lead = text_label("", "muted")
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(*margins)
        self.lay.setSpacing(10)
        self.head = QHBoxLayout()
        self.head.addWidget(self.heading, 1)
        self.lay.addLayout(self.head)
        self.lay.addWidget(self.lead)
        self.lead.hide()

    def set_texts(self, title: str, lead: str = "") -> None:
        self.heading.setText(title)
        self.lead.setText(lead)
        self.lead.setVisible(bool(lead))

    def add_action_row(self, button: QPushButton, status: QLabel) -> None:
        """A button and, beside it, the line that says how it went."""
        row = QHBoxLayout()
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addWidget(status, 1)
        self.lay.addLayout(row)
