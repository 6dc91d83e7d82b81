"""Today's other cards: the evening gratitude (one thing appreciated about the partner, kept in the journal as its
own kind and, if the person ticks it, shared into the space); the day at a glance (device-free minutes against the
goal, the next step of a program); and the gentle note when the check-ins have stayed low."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton, QWidget

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.rhythm import LowMoodNote
from intimacy_desktop.core.talk_minutes import TalkMinutes
from intimacy_desktop.gui.card import Card
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.practice.item_row import text_label
from intimacy_desktop.services.rhythm import GRATITUDE_MAX

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext
    from intimacy_desktop.services.practice import ProgramStatus

REPAIR_EXERCISE = "emotional-softened-start-up"


class GratitudeCard(Card):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.set_texts(self.tr("Before bed: one thing you appreciated"),
                       self.tr("Something your partner did today, or simply something they are. Small and true is "
                               "plenty; saying it aloud counts double."))
        self.text = QLineEdit()
        self.text.setMaxLength(GRATITUDE_MAX)
        self.text.setPlaceholderText(self.tr("Today I appreciated…"))
        self.text.setAccessibleName(self.tr("One thing you appreciated about your partner"))
        self.text.returnPressed.connect(self.save)
        self.share = QCheckBox(self.tr("Share it with my partner too (they will read exactly these words)"))
        self.share.hide()
        self.save_button = QPushButton(self.tr("Keep it"))
        self.save_button.clicked.connect(self.save)
        self.status = text_label("", "muted")
        self.lay.addWidget(self.text)
        self.lay.addWidget(self.share)
        self.add_action_row(self.save_button, self.status)

    def refresh(self) -> None:
        household, me = self._ctx.household, self._ctx.profile

        def has_space() -> bool:
            return household is not None and household.space_of(me) is not None
        self._ctx.ops.query(self, has_space).success(self.share.setVisible).run()

    def save(self, day: dt.date | None = None) -> None:
        text, share = self.text.text(), self.share.isVisible() and self.share.isChecked()
        rhythm, household, me, when = self._ctx.profile.rhythm, self._ctx.household, self._ctx.profile, \
            day or dt.date.today()

        def write() -> bool:
            entry = rhythm.add_gratitude(text, when)
            if share and household is not None:
                with household.open(me) as space:
                    space.share(me, [entry])
            return share
        self._ctx.ops.op(self, write).success(self._saved).failure(self._failed).run()

    def _saved(self, shared: bool) -> None:
        self.text.clear()
        self.share.setChecked(False)
        self.status.setText(self.tr("Kept in your journal and shared with your partner.") if shared
                            else self.tr("Kept in your journal."))

    def _failed(self, error: AppError) -> None:
        self.status.setText(error_text(error))

    def forget(self) -> None:
        self.text.clear()
        self.status.clear()


class GlanceCard(Card):
    """Device-free minutes today and this week against the goal, and the next step of a program in progress."""

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.program_id = ""
        self.set_texts(self.tr("Time together"))
        self.minutes_label = text_label()
        self.talk_button = QPushButton(self.tr("Start a device-free talk"))
        self.talk_button.clicked.connect(lambda: ctx.navigate("conversation", None))
        self.program_label = text_label()
        self.program_button = QPushButton(self.tr("Open today's step"))
        self.program_button.clicked.connect(lambda: ctx.navigate("exercises", f"program:{self.program_id}"))
        self.lay.addWidget(self.minutes_label)
        self.lay.addWidget(self.talk_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.lay.addWidget(self.program_label)
        self.lay.addWidget(self.program_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.program_label.hide()
        self.program_button.hide()

    def refresh(self) -> None:
        conversations, practice = self._ctx.conversations, self._ctx.practice

        def read() -> tuple[TalkMinutes, list[ProgramStatus]]:
            return conversations.minutes(), practice.programs()
        self._ctx.ops.query(self, read).success(self.show_glance).run()

    def show_glance(self, found: tuple[TalkMinutes, list[ProgramStatus]]) -> None:
        minutes, programs = found
        self.minutes_label.setText(
            self.tr("Device-free today: %1 of %2 minutes. This week: %3 of %4.").replace("%1", str(minutes.today))
            .replace("%2", str(minutes.goal_per_day)).replace("%3", str(minutes.week))
            .replace("%4", str(minutes.week_goal)))
        active = next((p for p in programs if not p.paused and not p.finished), None)
        step = active.next_step if active is not None else None
        self.program_label.setVisible(step is not None)
        self.program_button.setVisible(step is not None)
        if active is not None and step is not None:
            self.program_id = active.program.id
            self.program_label.setText(self.tr("Next in “%1”: %2").replace("%1", active.program.title)
                                       .replace("%2", step.title))

    def forget(self) -> None:
        self.minutes_label.clear()
        self.program_label.clear()


class LowMoodCard(Card):
    """Shown only when the check-ins have stayed low (core/rhythm.low_mood_note): an offer, never a verdict."""

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.note: LowMoodNote | None = None
        self.set_texts(self.tr("A heavier stretch"))
        self.text = text_label()
        self.repair_button = QPushButton(self.tr("Prepare a gentle start"))
        self.repair_button.setToolTip(self.tr("A short exercise for raising something hard softly"))
        self.repair_button.clicked.connect(lambda: ctx.navigate("exercises", f"exercise:{REPAIR_EXERCISE}"))
        self.lay.addWidget(self.text)
        self.lay.addWidget(self.repair_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def refresh(self, day: dt.date | None = None) -> None:
        rhythm, today = self._ctx.profile.rhythm, day or dt.date.today()
        self._ctx.ops.query(self, lambda: rhythm.low_mood(today)).success(self.show_note).run()

    def show_note(self, note: LowMoodNote | None) -> None:
        self.note = note
        if note is LowMoodNote.OUTSIDE_HELP:
            self.text.setText(self.tr(
                "Your weather has been low for about three weeks now. That happens, and it is not a failure of "
                "either of you. Talking it through with someone outside the two of you (a counsellor, a couples "
                "therapist or your doctor) can make it lighter; asking early is a sign of care, not of trouble."))
        elif note is LowMoodNote.REPAIR:
            self.text.setText(self.tr(
                "Your weather has been low most days this week. If something between you is part of it, a small "
                "repair now (naming it gently, a quick sorry, a hand on the shoulder) is easier than a big talk "
                "later. If it is not about the two of you, letting your partner know can help them help."))
        self.setVisible(note is not None)

    def forget(self) -> None:
        self.text.clear()
        self.hide()
