"""Today's small habits: the ones the person chose to track, each ticked for today, with the days it has been
practised so far. Days are counted, never streaks: missing a day takes nothing away, and nothing here says so."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.rhythm import HABITS, HabitDays
from intimacy_desktop.gui.card import Card
from intimacy_desktop.gui.error_text import error_text

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext

State = tuple[tuple[str, ...], set[str], HabitDays]  # tracked, ticked today, days practised


class HabitsCard(Card):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.day = dt.date.today()
        self.set_texts(self.tr("Small things, daily"),
                       self.tr("Tick what you did today. Each day you practise one counts; a day without one takes "
                               "nothing away."))
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        self.checks: dict[str, QCheckBox] = {}
        self.counts: dict[str, QLabel] = {}
        self.total_label = QLabel()
        self.total_label.setProperty("role", "muted")
        self.choose_button = QPushButton(self.tr("Choose habits…"))
        self.choose_button.setProperty("role", "link")
        self.choose_button.clicked.connect(self.choose)
        self.status = QLabel()
        self.status.setProperty("role", "error")
        self.status.hide()
        self.dialog: QDialog | None = None
        self.lay.addLayout(self.rows)
        foot = QHBoxLayout()
        foot.addWidget(self.total_label, 1)
        foot.addWidget(self.choose_button)
        self.lay.addLayout(foot)
        self.lay.addWidget(self.status)
        ctx.changes.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changed) -> None:
        if changes == Changed.EXTERNAL:
            self.refresh()

    def refresh(self, day: dt.date | None = None) -> None:
        self.day = day or dt.date.today()
        rhythm, today = self._ctx.profile.rhythm, self.day

        def read() -> State:
            return rhythm.tracked(), rhythm.ticked_on(today), rhythm.habit_days()
        self._ctx.ops.query(self, read).success(self.show_state).failure(self._failed).run()

    def show_state(self, state: State) -> None:
        tracked, ticked, days = state
        self._clear()
        for habit in HABITS:
            if habit.id not in tracked:
                continue
            check = QCheckBox(habit.title)
            check.setChecked(habit.id in ticked)
            check.setToolTip(habit.detail)
            check.setAccessibleDescription(habit.detail)
            check.toggled.connect(lambda on, h=habit.id: self._tick(h, on))
            count = QLabel(self.tr("%Ln day(s)", "", days.per_habit.get(habit.id, 0)))
            count.setProperty("role", "muted")
            row = QHBoxLayout()
            row.addWidget(check, 1)
            row.addWidget(count, 0, Qt.AlignmentFlag.AlignRight)
            self.rows.addLayout(row)
            self.checks[habit.id], self.counts[habit.id] = check, count
        if not tracked:
            self.total_label.setText(self.tr("No habits chosen. Choose the ones that suit you two."))
        else:
            self.total_label.setText(self.tr("Days with at least one: %Ln", "", days.any_habit))

    def _tick(self, habit: str, on: bool) -> None:
        rhythm, today = self._ctx.profile.rhythm, self.day

        def write() -> State:
            rhythm.tick(habit, today, on)
            return rhythm.tracked(), rhythm.ticked_on(today), rhythm.habit_days()
        self._ctx.ops.op(self, write).success(self._update_counts).failure(self._failed).run()

    def _update_counts(self, state: State) -> None:
        _tracked, ticked, days = state
        for habit, label in self.counts.items():
            label.setText(self.tr("%Ln day(s)", "", days.per_habit.get(habit, 0)))
            check = self.checks[habit]
            check.blockSignals(True)
            check.setChecked(habit in ticked)
            check.blockSignals(False)
        self.total_label.setText(self.tr("Days with at least one: %Ln", "", days.any_habit))
        self.status.hide()

    def choose(self) -> None:
        dialog = ChooseHabitsDialog(tuple(self.checks), self)
        self.dialog = dialog
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self._set_tracked(dialog.chosen()))
        dialog.show()

    def _set_tracked(self, chosen: tuple[str, ...]) -> None:
        rhythm = self._ctx.profile.rhythm
        self._ctx.ops.op(self, lambda: rhythm.set_tracked(chosen)).success(lambda _t: self.refresh(self.day)).failure(
            self._failed).run()

    def _failed(self, error: AppError) -> None:
        self.status.setText(error_text(error))
        self.status.show()

    def _clear(self) -> None:
        while self.rows.count():
            row = self.rows.takeAt(0)
            inner = row.layout() if row is not None else None
            while inner is not None and inner.count():
                item = inner.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
        self.checks, self.counts = {}, {}

    def forget(self) -> None:
        self._clear()
        self.total_label.clear()
        if self.dialog is not None:
            self.dialog.close()


class ChooseHabitsDialog(QDialog):
    """The seven habits, what each is and the research it leans on; tick the ones to keep on Today."""

    def __init__(self, tracked: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose your daily habits"))
        self.setMinimumSize(560, 480)
        inner = QWidget()
        col = QVBoxLayout(inner)
        col.setSpacing(12)
        intro = QLabel(self.tr("Seven small acts that research links with feeling close. Keep the ones that suit "
                               "you two; you can change this any time, and nothing you ticked is lost."))
        intro.setWordWrap(True)
        col.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for habit in HABITS:
            box = QCheckBox(habit.title)
            box.setChecked(habit.id in tracked)
            detail = QLabel(habit.detail)
            detail.setWordWrap(True)
            source = QLabel(habit.source)
            source.setWordWrap(True)
            source.setProperty("role", "hint")
            col.addWidget(box)
            col.addWidget(detail)
            col.addWidget(source)
            self.boxes[habit.id] = box
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(buttons)

    def chosen(self) -> tuple[str, ...]:
        return tuple(h for h, box in self.boxes.items() if box.isChecked())
