"""Settings' reminders: which (the morning check-in, the device-free talk, the weekly check-in, a program's next
step), at what time, and for the weekly one on which day. Kept in the vault; the window's reminders take the new
times at once."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QTimeEdit, QWidget

from intimacy_desktop.core.discreet import Nudge
from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.reminders import DEFAULTS, EVERY_DAY, Reminder
from intimacy_desktop.gui.card import SETTINGS_MARGINS, Card
from intimacy_desktop.gui.error_text import error_text

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext


class RemindersCard(Card):
    def __init__(self, ctx: ProfileContext, tray: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, width=760, margins=SETTINGS_MARGINS)
        self._ctx = ctx
        self.reminders: tuple[Reminder, ...] = DEFAULTS
        self._loading = True
        self.set_texts(self.tr("Reminders"),
                       self.tr("A gentle nudge at a time you choose. What it says is fixed and names nothing you "
                               "wrote; in discreet mode it does not even say what it is for.")
                       + ("" if tray else " " + self.tr("This desktop shows no tray icon, so a reminder waits as "
                                                        "a note in the window until you next open it.")))
        names = {Nudge.CHECK_IN: self.tr("Morning check-in"), Nudge.TALK: self.tr("Device-free talk"),
                 Nudge.WEEKLY: self.tr("Weekly check-in"), Nudge.PROGRAM: self.tr("A program's next step")}
        self.checks: dict[Nudge, QCheckBox] = {}
        self.times: dict[Nudge, QTimeEdit] = {}
        self.weekday = QComboBox()
        locale = QLocale()
        for day in sorted(EVERY_DAY):
            self.weekday.addItem(locale.dayName(day), day)
        self.weekday.setAccessibleName(self.tr("Day of the weekly check-in"))
        grid = QGridLayout()
        for row, reminder in enumerate(DEFAULTS):
            check = QCheckBox(names[reminder.kind])
            edit = QTimeEdit()
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(self.tr("Time of: %1").replace("%1", names[reminder.kind]))
            check.toggled.connect(self._changed)
            edit.timeChanged.connect(self._changed)
            grid.addWidget(check, row, 0)
            grid.addWidget(edit, row, 1)
            if reminder.kind is Nudge.WEEKLY:
                grid.addWidget(self.weekday, row, 2)
            self.checks[reminder.kind], self.times[reminder.kind] = check, edit
        grid.setColumnStretch(3, 1)
        self.weekday.currentIndexChanged.connect(self._changed)
        self.status = QLabel()
        self.status.setProperty("role", "error")
        self.status.hide()
        self.lay.addLayout(grid)
        self.lay.addWidget(self.status)

    def load(self) -> None:
        self._loading = True
        rhythm = self._ctx.profile.rhythm
        self._ctx.ops.query(self, rhythm.reminders).success(self.show_reminders).failure(self._failed).run()

    def show_reminders(self, reminders: tuple[Reminder, ...]) -> None:
        self._loading = True
        self.reminders = reminders
        for r in reminders:
            self.checks[r.kind].setChecked(r.on)
            self.times[r.kind].setTime(QTime(r.at.hour, r.at.minute))
            if r.kind is Nudge.WEEKLY:
                self.weekday.setCurrentIndex(self.weekday.findData(min(r.weekdays)))
        self._loading = False

    def chosen(self) -> tuple[Reminder, ...]:
        found = []
        for r in self.reminders:
            t = self.times[r.kind].time()
            days = frozenset({int(self.weekday.currentData())}) if r.kind is Nudge.WEEKLY else r.weekdays
            found.append(replace(r, on=self.checks[r.kind].isChecked(), at=r.at.replace(hour=t.hour(),
                                                                                        minute=t.minute()),
                                 weekdays=days))
        return tuple(found)

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        chosen = self.chosen()
        self.reminders = chosen
        self._ctx.set_reminders(chosen)
        rhythm = self._ctx.profile.rhythm
        self._ctx.ops.op(self, lambda: rhythm.set_reminders(chosen)).success(lambda _r: self.status.hide()).failure(
            self._failed).run()

    def _failed(self, error: AppError) -> None:
        self.status.setText(error_text(error))
        self.status.show()
