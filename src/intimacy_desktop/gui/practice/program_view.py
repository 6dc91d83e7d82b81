"""A program: its intro, its care note in plain sight, and its steps by day, each marked done or next, with "Mark
done" / "Undo" and the exercise or assessment a step points to one button away. Start, Pause / Resume, Leave.

"Day N" is the day of the program counted from its start; a step not done by its day is simply still there.
No streaks and nothing about missed days.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from intimacy_desktop.core.practice import Program, ProgramStep
from intimacy_desktop.gui.practice.column_area import ColumnArea
from intimacy_desktop.gui.practice.item_row import discard, refit, text_label
from intimacy_desktop.services.practice import ProgramStatus

COLUMN_WIDTH = 760


class StepRow(QFrame):
    def __init__(self, view: ProgramView, step: ProgramStep, *, done: bool, is_next: bool, started: bool) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.step = step
        mark = view.tr("Done") if done else view.tr("Next") if is_next else ""
        day = view.tr("Day %1").replace("%1", str(step.day))
        self.day_label = text_label(f"{day} · {mark}" if mark else day, "muted")
        self.title_label = text_label(step.title, "section")
        self.text_label = text_label(step.text)
        self.mark_button = QPushButton(view.tr("Undo") if done else view.tr("Mark done"))
        self.mark_button.setAccessibleName(
            (view.tr("Undo: %1 is not done") if done else view.tr("Mark %1 done")).replace("%1", step.title))
        self.mark_button.clicked.connect(lambda: view.mark_requested.emit(step.id, not done))
        self.open_button: QPushButton | None = None
        target = f"exercise:{step.exercise}" if step.exercise else (
            f"assessment:{step.assessment}" if step.assessment else "")
        if target:
            self.open_button = QPushButton(view.tr("Begin the exercise") if step.exercise
                                           else view.tr("Take the self-check"))
            self.open_button.setAccessibleName(f"{self.open_button.text()}: {step.title}")
            if is_next and started:
                self.open_button.setProperty("role", "primary")
            self.open_button.clicked.connect(lambda: view.open_requested.emit(target))
        texts = QVBoxLayout()
        texts.setSpacing(4)
        for w in (self.day_label, self.title_label, self.text_label):
            texts.addWidget(w)
        side = QVBoxLayout()
        side.setSpacing(6)
        if self.open_button is not None:
            side.addWidget(self.open_button)
        side.addWidget(self.mark_button)
        side.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(20, 14, 20, 16)
        lay.addLayout(texts, 1)
        lay.addLayout(side)
        self.mark_button.setVisible(started)  # once it has a parent


class ProgramView(ColumnArea):
    leave_requested = Signal()
    start_requested = Signal(str)
    pause_requested = Signal(str, bool)
    quit_requested = Signal(str)  # leave the program (the page confirms)
    mark_requested = Signal(str, bool)  # step id, done
    open_requested = Signal(str)  # "exercise:<id>" or "assessment:<id>"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(COLUMN_WIDTH, parent)
        self.program: Program | None = None
        self.status: ProgramStatus | None = None
        self.rows: list[StepRow] = []
        self.back_link = QPushButton(self.tr("← Exercises"))
        self.back_link.setProperty("role", "link")
        self.back_link.setFlat(True)
        self.back_link.clicked.connect(self.leave_requested.emit)
        self.title_label = text_label("", "headline")
        self.summary_label = text_label("", "lead")
        self.care_label = text_label("", "warning")
        self.care_label.setAccessibleName(self.tr("Please read first"))
        self.intro_label = text_label("")
        self.state_label = text_label("", "notice")
        self.start_button = QPushButton(self.tr("Start the program"))
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(lambda: self._emit_id(self.start_requested))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.clicked.connect(self._pause)
        self.quit_button = QPushButton(self.tr("Leave the program"))
        self.quit_button.clicked.connect(lambda: self._emit_id(self.quit_requested))
        self.steps_box = QVBoxLayout()
        self.steps_box.setSpacing(10)
        column = self.column
        cv = QVBoxLayout(column)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(12)
        cv.addWidget(self.back_link, 0, Qt.AlignmentFlag.AlignLeft)
        for w in (self.title_label, self.summary_label, self.care_label, self.intro_label, self.state_label):
            cv.addWidget(w)
        buttons = QHBoxLayout()
        for b in (self.start_button, self.pause_button, self.quit_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        cv.addLayout(buttons)
        cv.addLayout(self.steps_box)
        cv.addStretch(1)
        self.place_column(20)

    def _emit_id(self, signal: object) -> None:
        if self.program is not None:
            signal.emit(self.program.id)  # type: ignore[attr-defined]

    def _pause(self) -> None:
        if self.program is not None and self.status is not None:
            self.pause_requested.emit(self.program.id, not self.status.paused)

    def show_program(self, program: Program, status: ProgramStatus | None) -> None:
        self.program, self.status = program, status
        self.title_label.setText(program.title)
        self.summary_label.setText(program.summary)
        self.care_label.setText(program.care)
        self.care_label.setVisible(bool(program.care))
        self.intro_label.setText(program.intro)
        started = status is not None
        self.start_button.setVisible(not started)
        self.pause_button.setVisible(started)
        self.quit_button.setVisible(started)
        if status is None:
            state = ""
        elif status.finished:
            state = self.tr("Every step is done. You can keep coming back to any of them.")
        elif status.paused:
            state = self.tr("Paused on day %1. Resume whenever it suits you both.").replace("%1", str(status.today))
        else:
            nxt = status.next_step
            state = self.tr("Day %1 of %2. Next: %3").replace("%1", str(status.today)).replace(
                "%2", str(program.days)).replace("%3", nxt.title if nxt else "")
        self.state_label.setText(state)
        self.state_label.setVisible(bool(state))
        if status is not None:
            self.pause_button.setText(self.tr("Resume") if status.paused else self.tr("Pause"))
        discard(self.rows, self.back_link)
        self.rows = []
        done = set(status.done) if status else set()
        nxt_id = status.next_step.id if status and status.next_step else ""
        for step in program.steps:
            row = StepRow(self, step, done=step.id in done, is_next=step.id == nxt_id, started=started)
            self.rows.append(row)
            self.steps_box.addWidget(row)
        refit(self)

    def focus(self) -> None:
        (self.start_button if self.start_button.isVisible() else self.pause_button).setFocus(
            Qt.FocusReason.OtherFocusReason)

    def forget(self) -> None:
        self.program, self.status = None, None
        for label in (self.title_label, self.summary_label, self.care_label, self.intro_label, self.state_label):
            label.clear()
        discard(self.rows, self.back_link)
        self.rows = []
