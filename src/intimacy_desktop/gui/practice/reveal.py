"""A together self-assessment as a mutual reveal on one screen: Partner A answers while B looks away, a hand-over
screen that shows nothing of A's answers, B answers, and only when both are done the answers side by side, with
where they agree and where they differ, and the biggest difference as the place to start talking.

A's answers are kept in this object only (no widget shows them) until both are done; then both are saved with
``take(..., partner="a"/"b", reveal=<one id>)``. Leaving before the end saves nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.gentle_honesty import far_apart
from intimacy_desktop.core.practice import Assessment
from intimacy_desktop.core.reveal import compare
from intimacy_desktop.core.scoring import Result
from intimacy_desktop.gui.layers.columns import centred
from intimacy_desktop.gui.practice.assessment_form import AssessmentForm
from intimacy_desktop.gui.practice.item_row import discard, fit_column, refit, text_label
from intimacy_desktop.gui.practice.labels import answer_text, partner_name
from intimacy_desktop.gui.practice.result_view import score_line

if TYPE_CHECKING:
    from intimacy_desktop.core.errors import AppError
    from intimacy_desktop.core.share_cards import ShareCard
    from intimacy_desktop.gui.shell.context import ProfileContext

COLUMN_WIDTH = 760
Answers = dict[str, object]


class RevealView(QStackedWidget):
    leave_requested = Signal(str)
    failed = Signal(object)

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.assessment: Assessment | None = None
        self.phase = ""  # "a", "handover", "b", "saving", "shown"
        self._first: Answers = {}
        self.form = AssessmentForm()
        self.form.submitted.connect(self._answered)
        self.form.leave_requested.connect(self.cancel)
        # the hand-over
        self.handover_title = text_label(self.tr("Thank you, Partner A"), "headline")
        self.handover_text = text_label(self.tr("Your answers are hidden and stay hidden until Partner B has "
                                                "answered too. Hand over to Partner B."), "quote")
        self.handover_button = QPushButton(self.tr("I am Partner B: begin"))
        self.handover_button.setProperty("role", "primary")
        self.handover_button.clicked.connect(self._begin_second)
        self.handover_cancel = QPushButton(self.tr("Stop without saving"))
        self.handover_cancel.clicked.connect(self.cancel)
        card = QFrame()
        card.setProperty("role", "card")
        card.setMaximumWidth(640)
        hv = QVBoxLayout(card)
        hv.setContentsMargins(36, 28, 36, 28)
        hv.setSpacing(14)
        hv.addWidget(self.handover_title)
        hv.addWidget(self.handover_text)
        row = QHBoxLayout()
        row.addWidget(self.handover_cancel)
        row.addStretch(1)
        row.addWidget(self.handover_button)
        hv.addLayout(row)
        handover = QWidget()
        hl = QVBoxLayout(handover)
        hl.addStretch(1)
        hl.addLayout(centred(card))
        hl.addStretch(2)
        # the side by side
        self.side_title = text_label("", "headline")
        self.match_label = text_label("", "quote")
        self.talk_label = text_label("", "notice")
        self.results_label = text_label("", "muted")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(0, 1)
        self.cells: list[QLabel] = []
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setProperty("role", "primary")
        self.done_button.clicked.connect(lambda: self.leave_requested.emit(""))
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        self._column = column
        cv = QVBoxLayout(column)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(12)
        for w in (self.side_title, self.match_label, self.talk_label, self.results_label):
            cv.addWidget(w)
        table = QFrame()
        table.setProperty("role", "card")
        table.setLayout(self.grid)
        self.grid.setContentsMargins(20, 16, 20, 16)
        cv.addWidget(table)
        from intimacy_desktop.gui.us_page.share_card import ShareCardButton

        self.share = ShareCardButton()
        done_row = QHBoxLayout()
        done_row.addStretch(1)
        done_row.addWidget(self.share)
        done_row.addWidget(self.done_button)
        cv.addLayout(done_row)
        cv.addStretch(1)
        body = QWidget()
        outer = centred(column)
        outer.setContentsMargins(32, 24, 32, 32)
        body.setLayout(outer)
        self.side_by_side = QScrollArea()
        self.side_by_side.setWidgetResizable(True)
        self.side_by_side.setFrameShape(QFrame.Shape.NoFrame)
        self.side_by_side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_by_side.setWidget(body)
        self.addWidget(self.form)
        self.addWidget(handover)
        self.addWidget(self.side_by_side)
        for face in (handover, self.side_by_side):  # the form has its own Esc
            esc = QShortcut(QKeySequence("Escape"), face)
            esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            esc.activated.connect(self.cancel)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.width() - 64 - self.side_by_side.verticalScrollBar().sizeHint().width()
        fit_column(self._column, room, COLUMN_WIDTH)

    def begin(self, assessment: Assessment) -> None:
        self.forget()
        self.assessment = assessment
        self.phase = "a"
        self.setCurrentIndex(0)
        self.form.begin(assessment, banner=self.tr("Partner A answers; Partner B, please look away for now."))

    def _answered(self, answers: Answers) -> None:
        assessment = self.assessment
        if assessment is None:
            return
        if self.phase == "a":
            self._first = dict(answers)
            self.form.forget()  # nothing of A's answers stays in any widget
            self.phase = "handover"
            self.setCurrentIndex(1)
            self.handover_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.phase == "b":
            second = dict(answers)
            self.form.forget()
            self.phase = "saving"
            self._save(assessment, self._first, second)

    def _begin_second(self) -> None:
        if self.assessment is None or self.phase != "handover":
            return
        self.phase = "b"
        self.setCurrentIndex(0)
        self.form.begin(self.assessment, banner=self.tr("Partner B answers. Partner A's answers stay sealed until "
                                                        "you are done."))

    def _save(self, assessment: Assessment, first: Answers, second: Answers) -> None:
        practice = self._ctx.practice

        def save() -> tuple[str, tuple[Result, Result]]:
            reveal = practice.new_reveal()
            return reveal, (practice.take(assessment.id, first, partner="a", reveal=reveal),
                            practice.take(assessment.id, second, partner="b", reveal=reveal))

        def show(saved: tuple[str, tuple[Result, Result]]) -> None:
            self.phase = "shown"
            self._show(assessment, first, second, saved[1])
            self.share.offer(self._ctx, lambda: self._card(saved[0], assessment, first, second))

        def fail(error: AppError) -> None:
            self.phase = "b"
            self.failed.emit(error)

        self._ctx.ops.op(self, save).success(show).failure(fail).run()

    def _show(self, assessment: Assessment, first: Answers, second: Answers, results: tuple[Result, Result]) -> None:
        self._clear_cells()
        self.side_title.setText(assessment.title)
        heads = (self.tr("Question"), partner_name("a"), partner_name("b"), "")
        for col, text in enumerate(heads):
            self._cell(text, 0, col, "tablehead")
        comparison = compare(assessment, first, second)
        same, furthest = comparison.same, comparison.furthest
        for row, pair in enumerate(comparison.rows, start=1):
            role = "notice" if pair.apart == 0 else "warning"
            self._cell(pair.item.text, row, 0, None)
            self._cell(answer_text(pair.item.scale, pair.a), row, 1, role)
            self._cell(answer_text(pair.item.scale, pair.b), row, 2, role)
            self._cell(self.tr("same") if pair.apart == 0 else self.tr("apart"), row, 3, "muted")  # not colour only
        total = len(assessment.items)
        if furthest is None:
            self.match_label.setText(self.tr("You answered all %1 the same way. Which answer would you have "
                                             "guessed least about each other?").replace("%1", str(total)))
            self.talk_label.clear()
        else:
            self.match_label.setText(self.tr("You answered %1 of %2 the same way: start with the one where you "
                                             "were furthest apart.").replace("%1", str(same)).replace(
                "%2", str(total)))
            self.talk_label.setText(self.tr("Talk about: “%1” Each of you says what your answer means to you, "
                                            "and the other says it back before answering.").replace(
                "%1", furthest.text))
        self.talk_label.setVisible(bool(self.talk_label.text()))
        lines = []
        for who, result in zip(("a", "b"), results, strict=True):
            line = score_line(assessment, result, self)
            if result.band is not None:
                line = f"{line} · {result.band.title}"
            if line:
                lines.append(f"{partner_name(who)}: {line}")
        if far_apart(assessment, *results):
            lines.append(self.tr("Your results sit far apart this time. That is worth a gentle talk, not a verdict; "
                                 "if it keeps happening, a couples counsellor can help you both feel heard."))
        self.results_label.setText("\n".join(lines))
        self.results_label.setVisible(bool(lines))
        refit(self.side_by_side)
        self.setCurrentIndex(2)
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _card(reveal: str, assessment: Assessment, first: Answers, second: Answers) -> ShareCard:
        import datetime as dt

        from intimacy_desktop.core.share_cards import RevealRow, reveal_card

        comparison = compare(assessment, first, second)
        rows = [RevealRow(r.item.text, answer_text(r.item.scale, r.a), answer_text(r.item.scale, r.b), r.apart == 0)
                for r in comparison.rows]
        furthest = comparison.furthest
        return reveal_card(reveal, dt.date.today(), assessment=assessment.title, first_name=partner_name("a"),
                           second_name=partner_name("b"), rows=rows,
                           start_with=furthest.text if furthest is not None else None,
                           layer=assessment.layers[0] if len(assessment.layers) == 1 else None)

    def _cell(self, text: str, row: int, col: int, role: str | None) -> None:
        label = text_label(text, role)
        self.cells.append(label)
        self.grid.addWidget(label, row, col)

    def _clear_cells(self) -> None:
        discard(self.cells, self.done_button)
        self.cells = []

    def cancel(self) -> None:
        saved = self.phase == "shown"
        self.forget()
        self.leave_requested.emit("" if saved else self.tr("Stopped: nothing was saved."))

    def forget(self) -> None:
        self.share.withdraw()
        self.assessment = None
        self.phase = ""
        self._first = {}
        self.form.forget()
        self._clear_cells()
        for label in (self.side_title, self.match_label, self.talk_label, self.results_label):
            label.clear()
        self.setCurrentIndex(0)
