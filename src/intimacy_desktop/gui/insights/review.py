"""The monthly "review together": the month's highs and lows from the journal and the shared space, side by side,
for a couple to read together and talk about (the article's suggestion: a month of highs and lows, then review)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.insights import MonthReview, ReviewEntry
from intimacy_desktop.gui.card import INSIGHTS_MARGINS, INSIGHTS_WIDTH, Card
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.practice.item_row import text_label

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext


class ReviewCard(Card):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, width=INSIGHTS_WIDTH, margins=INSIGHTS_MARGINS)
        self._ctx = ctx
        today = dt.date.today()
        self.year, self.month = today.year, today.month
        self.set_texts(self.tr("Review the month together"),
                       self.tr("Read these side by side, out loud if you like: what made the good days good, and "
                               "what would help on the hard ones next time. Entries from your shared space are "
                               "marked."))
        self.previous_button = QPushButton(self.tr("‹ Earlier"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton(self.tr("Later ›"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.month_label = QLabel()
        self.month_label.setProperty("role", "tablehead")
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.month_label, 1)
        nav.addWidget(self.next_button)
        self.highs = text_label()
        self.lows = text_label()
        grid = QGridLayout()
        for col, (title, label) in enumerate(((self.tr("Highs"), self.highs), (self.tr("Lows"), self.lows))):
            head = text_label(title, "tablehead")
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(head, 0, col)
            grid.addWidget(label, 1, col)
            grid.setColumnStretch(col, 1)
        self.status = QLabel()
        self.status.setProperty("role", "error")
        self.status.hide()
        self.lay.addLayout(nav)
        self.lay.addLayout(grid)
        self.lay.addWidget(self.status)

    def step(self, months: int) -> None:
        index = self.year * 12 + (self.month - 1) + months
        self.year, self.month = divmod(index, 12)
        self.month += 1
        self.refresh()

    def refresh(self) -> None:
        today = dt.date.today()
        self.next_button.setEnabled((self.year, self.month) < (today.year, today.month))
        self.month_label.setText(dt.date(self.year, self.month, 1).strftime("%B %Y"))
        insights, household, me, year, month = (self._ctx.profile.insights, self._ctx.household, self._ctx.profile,
                                                self.year, self.month)

        def read() -> MonthReview:
            shared: list[ReviewEntry] = []
            space = household.open_if_member(me) if household is not None else None
            if space is not None:  # otherwise (no space, or no longer a member) the private journal alone
                with space:
                    shared = [ReviewEntry(e.fields.entry_date, e.fields.kind.value, e.fields.title, e.fields.mood,
                                          True) for e, _who in space.entries()]
            return insights.month(year, month, shared)
        self._ctx.ops.query(self, read).success(self.show_review).failure(self._failed).run()

    def show_review(self, review: MonthReview) -> None:
        self.status.hide()

        def lines(entries: list[ReviewEntry], empty: str) -> str:
            if not entries:
                return empty
            return "\n".join(f"{e.day.day} {e.day.strftime('%b')} · {e.title}"
                             + (" " + self.tr("(shared)") if e.shared else "") for e in entries)
        self.highs.setText(lines(review.highs, self.tr("None marked yet. A high can be small.")))
        self.lows.setText(lines(review.lows, self.tr("None this month.")))

    def _failed(self, error: AppError) -> None:
        self.status.setText(error_text(error))
        self.status.show()

    def forget(self) -> None:
        self.highs.clear()
        self.lows.clear()
