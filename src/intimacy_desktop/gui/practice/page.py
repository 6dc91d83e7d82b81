"""The Exercises page: a stack of the library, the runner, a self-assessment, its result and a program.

Everything the person did is read and written through ``ctx.ops``; the content (``ctx.practice.content``) is pure
and read directly. The library refreshes from the change notices of runs, results and programs. Other pages ask by
name (``act``):

    "exercise:<id>"    begin that exercise in the runner
    "resume:<run id>"  the runner, at the step where that run was left
    "assessment:<id>"  that self-assessment (together ones with the mutual reveal)
    "program:<id>"     that program
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.practice import Assessment
from intimacy_desktop.core.scoring import Result
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.practice.assessment_form import AssessmentForm
from intimacy_desktop.gui.practice.library import LibraryView, first_focus
from intimacy_desktop.gui.practice.program_view import ProgramView
from intimacy_desktop.gui.practice.result_view import History, ResultView
from intimacy_desktop.gui.practice.reveal import RevealView
from intimacy_desktop.gui.practice.runner import RunnerView
from intimacy_desktop.gui.shell.page import Page
from intimacy_desktop.services.practice import ProgramStatus, Run

if TYPE_CHECKING:
    from intimacy_desktop.core.errors import AppError
    from intimacy_desktop.gui.shell.context import ProfileContext

WATCHED = Changed.EXERCISE_RUNS | Changed.ASSESSMENTS | Changed.PROGRAMS


class ExercisesPage(Page):
    page_id = "exercises"

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self.confirm_box: QMessageBox | None = None
        self.notice_label = QLabel()
        self.notice_label.setProperty("role", "notice")
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.library = LibraryView()
        self.runner = RunnerView(ctx)
        self.form = AssessmentForm()
        self.result = ResultView()
        self.result.tables = ctx.prompts.content.tables  # the digital audit sets its hours beside the article's
        self.program = ProgramView()
        self.reveal = RevealView(ctx)
        self.views = QStackedWidget()
        for view in (self.library, self.runner, self.form, self.result, self.program, self.reveal):
            self.views.addWidget(view)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.error_label)
        lay.addWidget(self.notice_label)
        lay.addWidget(self.views, 1)
        self.library.open_requested.connect(self.act)
        self.library.discard_requested.connect(self.discard_run)
        self.runner.leave_requested.connect(self.show_library)
        self.runner.failed.connect(self._show_error)
        self.form.leave_requested.connect(lambda: self.show_library(""))
        self.form.submitted.connect(self._take)
        self.result.leave_requested.connect(lambda: self.show_library(""))
        self.result.link_activated.connect(self.act)
        self.result.again_requested.connect(lambda a: self.act(f"assessment:{a}"))
        self.reveal.leave_requested.connect(self.show_library)
        self.reveal.failed.connect(self._show_error)
        p = self.program
        p.leave_requested.connect(lambda: self.show_library(""))
        p.open_requested.connect(self.act)
        p.start_requested.connect(lambda pid: self._program_op(lambda: ctx.practice.start_program(pid)))
        p.pause_requested.connect(lambda pid, on: self._program_op(lambda: ctx.practice.pause_program(pid, on)))
        p.mark_requested.connect(self._mark)
        p.quit_requested.connect(self._confirm_leave_program)
        for view in (self.result, self.program):  # Esc leaves for the library, as it does from the runner
            esc = QShortcut(QKeySequence("Escape"), view)
            esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            esc.activated.connect(lambda: self.show_library(""))
        ctx.changes.changed.connect(self._on_changed)
        self.library.show_practice(ctx.practice.content)
        self.refresh()

    # ---- the page protocol ---------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Exercises")

    def shown(self) -> None:
        current = self.views.currentWidget()
        if current is self.library:
            first_focus(self.library).setFocus(Qt.FocusReason.OtherFocusReason)
        elif current is self.runner:
            self.runner.focus()

    def act(self, action: str) -> None:
        kind, _, arg = action.partition(":")
        content = self._ctx.practice.content
        if kind == "exercise" and content.exercise(arg) is not None:
            self._enter(self.runner)
            self.runner.start(arg)
        elif kind == "resume" and arg.isdigit():
            self._enter(self.runner)
            self.runner.resume(int(arg))
        elif kind == "assessment" and (assessment := content.assessment(arg)) is not None:
            self.open_assessment(assessment)
        elif kind == "program" and content.program(arg) is not None:
            self.open_program(arg)
        elif kind == "open" and arg.isdigit():
            self._ctx.navigate("journal", action)

    def flush(self) -> None:
        self.runner.flush()

    def wipe(self) -> None:
        self._generation += 1
        self.runner.forget()
        self.form.forget()
        self.result.forget()
        self.program.forget()
        self.reveal.forget()
        self.library.forget()
        self.notice_label.clear()
        self.error_label.clear()
        if self.confirm_box is not None and shiboken6.isValid(self.confirm_box):
            self.confirm_box.close()

    # ---- the library ---------------------------------------------------------------------------------------
    def _on_changed(self, changes: Changed) -> None:
        if changes & WATCHED:
            self.refresh()

    def refresh(self) -> None:
        practice = self._ctx.practice
        self._generation += 1
        generation = self._generation

        def read() -> tuple[list[Run], list[ProgramStatus]]:
            return practice.unfinished_runs(), practice.programs()

        def show(found: tuple[list[Run], list[ProgramStatus]]) -> None:
            if generation == self._generation:
                self.library.show_progress(*found)

        self._ctx.ops.query(self, read).success(show).failure(self._show_error).run()

    def _enter(self, view: QWidget) -> None:
        self.error_label.hide()
        self.notice_label.hide()
        self.views.setCurrentWidget(view)

    def show_library(self, notice: str = "") -> None:
        self.notice_label.setText(notice)
        self.notice_label.setVisible(bool(notice))
        self.views.setCurrentWidget(self.library)
        first_focus(self.library).setFocus(Qt.FocusReason.OtherFocusReason)

    def discard_run(self, run_id: int) -> None:
        practice = self._ctx.practice
        self._confirm(self.tr("Discard this run? What you wrote stays in your journal."), self.tr("Discard"),
                      lambda: self._ctx.ops.op(self, lambda: practice.discard_run(run_id))
                      .failure(self._show_error).run())

    def _confirm(self, text: str, yes: str, then: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Please confirm"), text,
                          QMessageBox.StandardButton.Cancel, self)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        def finished(_result: int) -> None:
            chosen = box.clickedButton() is accept
            self.confirm_box = None
            box.deleteLater()
            if chosen:
                then()

        box.finished.connect(finished)
        self.confirm_box = box
        box.open()

    def _show_error(self, error: AppError) -> None:
        self.error_label.setText(error_text(error))
        self.error_label.show()

    # ---- assessments ---------------------------------------------------------------------------------------
    def open_assessment(self, assessment: Assessment) -> None:
        if assessment.mode is Mode.TOGETHER:
            self._enter(self.reveal)
            self.reveal.begin(assessment)
        else:
            self._enter(self.form)
            self.form.begin(assessment)

    def _take(self, answers: dict[str, object]) -> None:
        assessment = self.form.assessment
        if assessment is None:
            return
        practice = self._ctx.practice

        def take() -> tuple[Result, History]:
            return practice.take(assessment.id, answers), practice.history(assessment.id)

        def show(found: tuple[Result, History]) -> None:
            result, history = found
            self.form.forget()
            self._enter(self.result)
            self.result.show_result(assessment, result, practice.content)
            self.result.show_history(assessment, history)

        self._ctx.ops.op(self, take).success(show).failure(self._show_error).run()

    # ---- programs ------------------------------------------------------------------------------------------
    def open_program(self, program_id: str) -> None:
        practice = self._ctx.practice
        program = practice.content.program(program_id)
        assert program is not None
        self._enter(self.program)
        self.program.show_program(program, None)

        def show(status: ProgramStatus | None) -> None:
            if self.views.currentWidget() is self.program:
                self.program.show_program(program, status)
                self.program.focus()

        self._ctx.ops.query(self, lambda: practice.program(program_id)).success(show).failure(
            self._show_error).run()

    def _program_op(self, work: Callable[[], ProgramStatus]) -> None:
        def show(status: ProgramStatus) -> None:
            if self.views.currentWidget() is self.program:
                self.program.show_program(status.program, status)
                self.program.focus()

        self._ctx.ops.op(self, work).success(show).failure(self._show_error).run()

    def _mark(self, step_id: str, done: bool) -> None:
        program = self.program.program
        if program is not None:
            practice, pid = self._ctx.practice, program.id
            self._program_op(lambda: practice.complete_step(pid, step_id, done))

    def _confirm_leave_program(self, program_id: str) -> None:
        practice = self._ctx.practice

        def leave() -> None:
            self._ctx.ops.op(self, lambda: practice.leave_program(program_id)).success(
                lambda _none: self.open_program(program_id)).failure(self._show_error).run()

        self._confirm(self.tr("Leave this program? The steps marked done are forgotten; anything you wrote stays "
                              "in your journal."), self.tr("Leave"), leave)
