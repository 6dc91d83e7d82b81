"""The step-by-step runner: one step at a time, large and calm, with what the step asks for under it.

Every move is written through ``ctx.ops`` before the next step shows, so a run left at any point (Esc, another
page, the lock, a crash) resumes at the same step. What is typed on a reflection step is saved only through the
service's ``move(reflection=...)``, as a journal entry: on Next; on leaving the runner (a move and a move back, so
the run stays on that step); and in ``flush`` before the lock, the one write the page protocol makes on the GUI
thread.

Keys: Alt+Right or Ctrl+Return next, Alt+Left back, Esc leaves (the run is kept), 1-5 rate on a rating step.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.practice import Step, StepKind
from intimacy_desktop.gui.layers.columns import calm_middle
from intimacy_desktop.gui.practice.countdown_panel import CountdownPanel
from intimacy_desktop.gui.practice.item_row import scrolling, text_label
from intimacy_desktop.gui.practice.labels import role_line, turn_title
from intimacy_desktop.gui.practice.run_summary import RunSummary
from intimacy_desktop.gui.practice.run_writes import save_reflection
from intimacy_desktop.gui.practice.step_panels import ChoicePanel, RatingPanel
from intimacy_desktop.gui.sound import STEP
from intimacy_desktop.services.practice import Run

if TYPE_CHECKING:
    from intimacy_desktop.core.share_cards import ShareCard
    from intimacy_desktop.gui.shell.context import ProfileContext

CARD_WIDTH = 680
LONG_STEP = 220  # characters


class RunnerView(QWidget):
    leave_requested = Signal(str)  # a line for the library ("Saved, you can continue later"), or ""
    failed = Signal(object)  # AppError

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.run: Run | None = None
        self.busy = False
        self._generation = 0
        self.loaded_text = ""  # the reflection as saved, to tell typed words from saved ones
        self.back_link = QPushButton(self.tr("← Exercises"))
        self.back_link.setProperty("role", "link")
        self.back_link.setFlat(True)
        self.back_link.setToolTip(self.tr("Leave the exercise; it is kept for later (Esc)"))
        self.back_link.clicked.connect(self.leave)
        self.title_label = text_label("", "section")
        self.progress_label = text_label("", "muted")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(6)
        self.progress_bar.setAccessibleName(self.tr("Progress through the exercise"))
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.card.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.turn_label = text_label("", "headline")
        self.turn_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.role_label = text_label("", "muted")
        self.role_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text_label = text_label("", "prompt")
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.countdown = CountdownPanel()
        self.countdown.ended.connect(lambda: ctx.sounds.play(STEP))
        self.reflection_edit = QPlainTextEdit()
        self.reflection_edit.setAccessibleName(self.tr("Your reflection"))
        self.reflection_edit.setPlaceholderText(self.tr("Write as much or as little as you like"))
        self.reflection_edit.setMinimumHeight(120)
        self.reflection_edit.setTabChangesFocus(True)
        self.private_label = text_label(self.tr("Saved privately in your encrypted journal when you go on. "
                                                "Writing is never required."), "hint")
        self.choices = ChoicePanel()
        self.choices.chosen.connect(self.choose)
        self.rating = RatingPanel()
        self.rating.rated.connect(lambda value: self.next_step(rating=value, passed=value is None))
        self.hint_label = text_label("", "hint")
        self.previous_button = QPushButton(self.tr("← Back"))
        self.previous_button.setToolTip(self.tr("The step before (Alt+Left)"))
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button = QPushButton(self.tr("Next →"))
        self.next_button.setProperty("role", "primary")
        self.next_button.setToolTip(self.tr("Go on (Alt+Right or Ctrl+Enter)"))
        self.next_button.clicked.connect(lambda: self.next_step())
        self.keys_label = text_label(self.tr("Alt+→ or Ctrl+Enter next · Alt+← back · Esc leave (your place is "
                                             "kept)"), "hint")
        self.keys_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.summary = RunSummary()
        self.summary.done_requested.connect(lambda: self.leave_requested.emit(""))
        self.summary.link_activated.connect(lambda href: ctx.navigate("journal", href))
        self.faces = QStackedWidget()
        self._build()
        self._keys()

    def _build(self) -> None:
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(36, 28, 36, 28)
        inner.setSpacing(14)
        for w in (self.turn_label, self.role_label, self.text_label, self.countdown, self.reflection_edit,
                  self.private_label, self.choices, self.rating):
            inner.addWidget(w)
        column = QWidget()
        column.setMaximumWidth(CARD_WIDTH)
        cv = QVBoxLayout(column)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(12)
        cv.addWidget(self.card)
        cv.addWidget(self.hint_label)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        cv.addLayout(nav)
        cv.addWidget(self.keys_label)
        self.faces.addWidget(scrolling(calm_middle(column)))  # a long step still fits the smallest window
        self.faces.addWidget(scrolling(calm_middle(self.summary)))
        top = QHBoxLayout()
        top.addWidget(self.back_link)
        top.addSpacing(12)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.progress_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 20, 32, 24)
        lay.setSpacing(8)
        lay.addLayout(top)
        lay.addWidget(self.progress_bar)
        lay.addWidget(self.faces, 1)

    def _keys(self) -> None:
        def key(sequence: str, slot: Callable[[], object]) -> QShortcut:
            sc = QShortcut(QKeySequence(sequence), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
            return sc

        key("Alt+Right", self.next_step)
        key("Ctrl+Return", self.next_step)
        key("Ctrl+Enter", self.next_step)
        key("Alt+Left", self.previous_step)
        key("Escape", self.leave)
        self.rating_keys = [key(str(n), functools.partial(self.rating.select, n)) for n in range(1, 6)]

    # ---- opening -------------------------------------------------------------------------------------------
    def start(self, exercise_id: str) -> None:
        practice = self._ctx.practice
        self._call(lambda: practice.start_run(exercise_id), self.show_run)

    def resume(self, run_id: int) -> None:
        practice = self._ctx.practice
        self._generation += 1
        generation = self._generation

        def shown(run: Run) -> None:
            if generation == self._generation:
                self.show_run(run)

        self._ctx.ops.query(self, lambda: practice.run(run_id)).success(shown).failure(self._failed).run()

    def _call(self, work: Callable[[], Run], then: Callable[[Run], None]) -> None:
        self.busy = True
        self._generation += 1
        generation = self._generation

        def done(run: Run) -> None:
            self.busy = False
            if generation == self._generation:
                then(run)

        self._ctx.ops.op(self, work).success(done).failure(self._failed).run()

    def _failed(self, error: AppError) -> None:
        self.busy = False
        self.failed.emit(error)

    # ---- showing -------------------------------------------------------------------------------------------
    def current_step(self) -> Step | None:
        run = self.run
        return None if run is None or run.state.finished else run.state.step(run.exercise)

    def _offer_share(self, run: Run) -> None:
        journal, card = self._ctx.journal, self.summary.card

        def fuller() -> ShareCard | None:
            written = []
            for sid, entry_id in run.state.reflections.items():
                step = run.exercise.step(sid)
                try:
                    written.append((step.text if step is not None else "", journal.get(entry_id).fields.body))
                except AppError:
                    continue  # deleted from the journal since
            return card(run, written) if any(text.strip() for _s, text in written) else None
        self.summary.share.offer(self._ctx, lambda: card(run), fuller)

    def show_run(self, run: Run) -> None:
        self.run = run
        self.countdown.stop()
        e = run.exercise
        self.title_label.setText(e.title)
        step = self.current_step()
        if step is None:
            self.progress_label.setText(self.tr("Finished"))
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(1)
            self.summary.show_run(run)
            self._offer_share(run)
            self.faces.setCurrentIndex(1)
            self.summary.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.faces.setCurrentIndex(0)
        done, position = run.state.progress
        number, total = done + 1, done + len(e.steps) - position
        self.progress_label.setText(self.tr("Step %1 of %2").replace("%1", str(number)).replace("%2", str(total)))
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(number)
        self.hint_label.clear()
        self._show_step(step)

    def _show_step(self, step: Step) -> None:
        assert self.run is not None
        state, kind = self.run.state, step.kind
        self.text_label.setText(step.text)
        role = "prompt" if len(step.text) <= LONG_STEP else "quote"  # a long step in a calmer, smaller size
        if self.text_label.property("role") != role:
            self.text_label.setProperty("role", role)
            self.text_label.style().unpolish(self.text_label)
            self.text_label.style().polish(self.text_label)
        self.card.setAccessibleName(step.text)
        turn = kind is StepKind.TURN
        self.turn_label.setText(turn_title(step.partner) if turn else "")
        self.role_label.setText(role_line(step.role) if turn else "")
        self.turn_label.setVisible(turn)
        self.role_label.setVisible(turn and bool(self.role_label.text()))
        timed = kind is StepKind.TIMED or (turn and bool(step.seconds))
        self.countdown.setVisible(timed)
        if timed:
            self.countdown.reset(step.seconds or 0)
        reflection = kind is StepKind.REFLECTION
        self.reflection_edit.setVisible(reflection)
        self.private_label.setVisible(reflection)
        self.reflection_edit.clear()
        self.loaded_text = ""
        if reflection and step.id in state.reflections:
            self._prefill(self.run.id, step.id)
        choice = kind is StepKind.CHOICE
        self.choices.setVisible(choice)
        self.choices.show_options([o.label for o in step.options] if choice else [], state.choices.get(step.id))
        rating = kind is StepKind.RATING
        self.rating.setVisible(rating)
        for sc in self.rating_keys:
            sc.setEnabled(rating)
        if rating:
            self.rating.show_scale(step.low, step.high, state.ratings.get(step.id))
        self.next_button.setEnabled(not choice or step.id in state.choices)
        self.previous_button.setEnabled(bool(state.path))
        self.focus()

    def _prefill(self, run_id: int, step_id: str) -> None:
        practice, generation = self._ctx.practice, self._generation

        def show(text: str) -> None:
            if generation == self._generation and not self.reflection_edit.toPlainText():
                self.loaded_text = text
                self.reflection_edit.setPlainText(text)
                self.reflection_edit.moveCursor(QTextCursor.MoveOperation.End)  # go on writing where it ended

        self._ctx.ops.query(self, lambda: practice.reflection(run_id, step_id)).success(show).run()

    def focus(self) -> None:
        step = self.current_step()
        if self.run is None:
            self.card.setFocus(Qt.FocusReason.OtherFocusReason)  # the run is on its way
        elif step is None:
            self.summary.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif step.kind is StepKind.REFLECTION:
            self.reflection_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif step.kind is StepKind.CHOICE:
            self.choices.focus()
        elif step.kind is StepKind.RATING:
            self.rating.focus()
        elif self.countdown.isVisible():
            self.countdown.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- moving --------------------------------------------------------------------------------------------
    def unsaved_reflection(self) -> str:
        """Words typed on a reflection step and not saved yet ("" when there are none)."""
        step = self.current_step()
        text = self.reflection_edit.toPlainText()
        if step is None or step.kind is not StepKind.REFLECTION or not text.strip() or text == self.loaded_text:
            return ""
        return text

    def choose(self, option: int) -> None:
        self.next_step(option=option)

    def next_step(self, *, option: int | None = None, rating: int | None = None, passed: bool = False) -> None:
        step, run = self.current_step(), self.run
        if step is None or run is None or self.busy:
            return
        practice, run_id = self._ctx.practice, run.id
        if step.kind is StepKind.CHOICE:
            option = option if option is not None else run.state.choices.get(step.id)
            if option is None:
                self.hint_label.setText(self.tr("Choose one of the options to go on."))
                return
        elif step.kind is StepKind.RATING and not passed:
            rating = rating if rating is not None else self.rating.value()
        text = self.reflection_edit.toPlainText() if step.kind is StepKind.REFLECTION else None
        self.countdown.stop()
        self._call(lambda: practice.move(run_id, option=option, rating=rating, reflection=text), self.show_run)

    def previous_step(self) -> None:
        run = self.run
        if run is None or self.busy or run.state.finished or not run.state.path:
            return
        practice, run_id = self._ctx.practice, run.id
        text = self.unsaved_reflection()
        self.countdown.stop()
        if text:  # what was typed is kept before going back, so it is there when the person comes forward again
            self._call(lambda: (save_reflection(practice, run_id, text), practice.back(run_id))[1], self.show_run)
        else:
            self._call(lambda: practice.back(run_id), self.show_run)

    def leave(self) -> None:
        run = self.run
        self.countdown.stop()
        if run is None:
            self.leave_requested.emit("")
            return
        text = self.unsaved_reflection()
        if text:
            practice = self._ctx.practice
            self._ctx.ops.op(self, lambda: save_reflection(practice, run.id, text)).failure(self._failed).run()
        self._generation += 1
        self.busy = False
        finished = run.state.finished
        self.run = None
        self.leave_requested.emit("" if finished else self.tr("Saved, you can continue later."))

    def flush(self) -> None:
        """Before the lock: words typed on a reflection step are saved to the journal now (the lock has already
        waited for the writes under way, so this is the only one running)."""
        text, run = self.unsaved_reflection(), self.run
        if text and run is not None:
            save_reflection(self._ctx.practice, run.id, text)
            self.loaded_text = text

    def forget(self) -> None:
        self._generation += 1
        self.run = None
        self.busy = False
        self.countdown.stop()
        self.countdown.time_label.clear()
        self.reflection_edit.clear()
        self.loaded_text = ""
        self.choices.clear()
        self.rating.forget()
        self.summary.forget()
        for label in (self.title_label, self.progress_label, self.text_label, self.turn_label, self.role_label,
                      self.hint_label):
            label.clear()
        self.card.setAccessibleName("")
