"""A gentle start page: today's date, a greeting, how much has been written, and the day's rhythm: the morning
check-in, the small habits, time together (device-free minutes, a program's next step), a card for today, the
evening gratitude, and a gentle note when the weather has stayed low.

No streaks and no guilt: the count is what has been written, never what was missed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.gui.practice.column_area import ColumnArea
from intimacy_desktop.gui.shell.page import Page
from intimacy_desktop.gui.today_card import SuggestionCard
from intimacy_desktop.gui.today_checkin import CheckInCard
from intimacy_desktop.gui.today_evening import GlanceCard, GratitudeCard, LowMoodCard
from intimacy_desktop.gui.today_habits import HabitsCard

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext


class TodayPage(Page):
    page_id = "today"

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
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
        self.write_button.clicked.connect(lambda: ctx.navigate("journal", "new_entry"))

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
        self.suggestion_card = SuggestionCard(ctx)
        self.checkin_card = CheckInCard(ctx)
        self.low_mood_card = LowMoodCard(ctx)
        self.habits_card = HabitsCard(ctx)
        self.glance_card = GlanceCard(ctx)
        self.gratitude_card = GratitudeCard(ctx)
        self._day: dt.date | None = None
        self.area = ColumnArea(640)
        self.area.follow_content()
        lay = QVBoxLayout(self.area.column)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(18)
        cards: tuple[QWidget, ...] = (card, self.checkin_card, self.low_mood_card, self.habits_card,
                                      self.glance_card, self.suggestion_card, self.gratitude_card)
        for each in cards:
            lay.addWidget(each)
        lay.addStretch(1)
        self.area.place_column(top=36)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)
        ctx.changes.changed.connect(self._on_changed)
        self.refresh()
        self.suggestion_card.refresh()

    def title(self) -> str:
        return self.tr("Today")

    def shown(self) -> None:
        self.refresh()  # the date and the greeting move on while the window stays open
        self.write_button.setFocus()

    def _on_changed(self, changes: Changed) -> None:
        if changes & Changed.ENTRIES:
            self._count()
        if changes & Changed.CHECKINS:
            self.low_mood_card.refresh(self._day)
        if changes & (Changed.TIMER_SESSIONS | Changed.PROGRAMS):
            self.glance_card.refresh()

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
        self._count()
        today = dt.date.today()
        if today != self._day:  # the first time, and after midnight: a new day's check-in and ticks
            self._day = today
            self.checkin_card.refresh(today)
            self.habits_card.refresh(today)
            self.low_mood_card.refresh(today)
            self.gratitude_card.refresh()
        self.glance_card.refresh()

    def _count(self) -> None:
        journal = self._ctx.journal
        self._ctx.ops.query(self, journal.count).success(self._show_count).run()

    def _show_count(self, total: int) -> None:
        if total == 0:
            self.count_label.setText(self.tr("Your journal is empty and waiting. Nobody else can read it."))
        else:
            self.count_label.setText(self.tr("You have written %Ln entries so far.", "", total))

    def wipe(self) -> None:
        self.count_label.clear()
        self.suggestion_card.forget()
        for card in (self.checkin_card, self.low_mood_card, self.habits_card, self.glance_card, self.gratitude_card):
            card.forget()
