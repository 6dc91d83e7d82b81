"""A gentle start page: today's date, a greeting, how much has been written, and one clear next step.

No streaks and no guilt: the count is what has been written, never what was missed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from intimacy_desktop.services.journal import JournalService


class TodayPage(QWidget):
    write_requested = Signal()

    def __init__(self, journal: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.date_label = QLabel()
        self.date_label.setProperty("role", "muted")
        self.greeting_label = QLabel()
        self.greeting_label.setProperty("role", "headline")
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.invite_label = QLabel(
            self.tr("A few honest lines are enough: what felt close today, what felt far, what you want to "
                    "tell your partner.")
        )
        self.invite_label.setWordWrap(True)
        self.invite_label.setProperty("role", "muted")
        self.write_button = QPushButton(self.tr("Write today's entry"))
        self.write_button.setProperty("role", "primary")
        self.write_button.clicked.connect(self.write_requested)

        card = QFrame()
        card.setProperty("role", "card")
        card.setMaximumWidth(640)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(12)
        for w in (self.date_label, self.greeting_label, self.count_label, self.invite_label):
            inner.addWidget(w)
        inner.addSpacing(6)
        inner.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(48, 40, 48, 40)
        lay.addWidget(card)
        lay.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        now = dt.datetime.now()
        self.date_label.setText(QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat))
        if now.hour < 12:
            greeting = self.tr("Good morning")
        elif now.hour < 18:
            greeting = self.tr("Good afternoon")
        else:
            greeting = self.tr("Good evening")
        self.greeting_label.setText(greeting)
        total = self._journal.count()
        if total == 0:
            self.count_label.setText(self.tr("Your journal is empty and waiting. Nobody else can read it."))
        else:
            self.count_label.setText(self.tr("You have written %Ln entries so far.", "", total))

    def wipe(self) -> None:
        self.count_label.clear()
