"""Answering a self-assessment: its intro, then one question at a time with the answers its scale allows (yes / no,
true / false, five points with the scale's words, hours as a number), the explanation of a true-false item once it
is answered, and "See the result" once every question has an answer.

The form only collects; what the answers mean is core/scoring.py's business. Keys: 1-5 pick an answer (1 yes / true,
2 no / false), Alt+Right or Ctrl+Return the next question, Alt+Left the one before, Esc leaves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.practice import FIVE_POINT, Assessment, Item, Scale
from intimacy_desktop.core.scoring import Answer
from intimacy_desktop.gui.layers.columns import centred
from intimacy_desktop.gui.practice.item_row import discard, text_label
from intimacy_desktop.gui.practice.labels import scale_labels

CARD_WIDTH = 680


class AssessmentForm(QWidget):
    submitted = Signal(object)  # dict item id -> answer
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assessment: Assessment | None = None
        self.answers: dict[str, Answer] = {}
        self.index = 0
        self.back_link = QPushButton(self.tr("← Exercises"))
        self.back_link.setProperty("role", "link")
        self.back_link.setFlat(True)
        self.back_link.setToolTip(self.tr("Leave without a result (Esc)"))
        self.back_link.clicked.connect(self.leave_requested.emit)
        self.title_label = text_label("", "section")
        self.position_label = text_label("", "muted")
        self.banner_label = text_label("", "notice")  # whose turn it is, in together mode
        self.banner_label.hide()
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.card.setMaximumWidth(CARD_WIDTH)
        self.intro_label = text_label("", "quote")
        self.begin_button = QPushButton(self.tr("Begin"))
        self.begin_button.setProperty("role", "primary")
        self.begin_button.clicked.connect(lambda: self.show_item(0))
        self.item_label = text_label("", "prompt")
        self.answer_group = QButtonGroup(self)
        self.answer_buttons: list[QPushButton] = []
        self.answer_row = QVBoxLayout()
        self.answer_row.setSpacing(6)
        self.hours_box = QDoubleSpinBox()
        self.hours_box.setRange(0, 24)
        self.hours_box.setSingleStep(0.5)
        self.hours_box.setDecimals(1)
        self.hours_box.setSuffix(self.tr(" hours a day"))
        self.hours_box.setAccessibleName(self.tr("Hours a day"))
        self.hours_box.valueChanged.connect(self._hours_changed)
        self.explanation_label = text_label("", "notice")
        self.previous_button = QPushButton(self.tr("← Back"))
        self.previous_button.setToolTip(self.tr("The question before (Alt+Left)"))
        self.previous_button.clicked.connect(lambda: self.show_item(self.index - 1))
        self.next_button = QPushButton(self.tr("Next →"))
        self.next_button.setToolTip(self.tr("The next question (Alt+Right or Ctrl+Enter)"))
        self.next_button.clicked.connect(self.forward)
        self.submit_button = QPushButton(self.tr("See the result"))
        self.submit_button.setProperty("role", "primary")
        self.submit_button.clicked.connect(self.submit)
        self.faces = QStackedWidget()
        self._build()
        self._keys()

    def _build(self) -> None:
        intro = QWidget()
        iv = QVBoxLayout(intro)
        iv.setContentsMargins(0, 0, 0, 0)
        iv.setSpacing(14)
        iv.addWidget(self.intro_label)
        iv.addWidget(self.begin_button, 0, Qt.AlignmentFlag.AlignLeft)
        item = QWidget()
        qv = QVBoxLayout(item)
        qv.setContentsMargins(0, 0, 0, 0)
        qv.setSpacing(14)
        qv.addWidget(self.item_label)
        qv.addLayout(self.answer_row)
        qv.addWidget(self.hours_box, 0, Qt.AlignmentFlag.AlignLeft)
        qv.addWidget(self.explanation_label)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        nav.addWidget(self.submit_button)
        qv.addLayout(nav)
        self.faces.addWidget(intro)
        self.faces.addWidget(item)
        cv = QVBoxLayout(self.card)
        cv.setContentsMargins(36, 28, 36, 28)
        cv.addWidget(self.faces)
        top = QHBoxLayout()
        top.addWidget(self.back_link)
        top.addSpacing(12)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.position_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 20, 32, 24)
        lay.setSpacing(12)
        lay.addLayout(top)
        lay.addLayout(centred(self.banner_label))
        lay.addStretch(1)
        lay.addLayout(centred(self.card))
        lay.addStretch(2)

    def _keys(self) -> None:
        def key(sequence: str, slot: Callable[[], object]) -> None:
            sc = QShortcut(QKeySequence(sequence), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

        key("Alt+Right", self.forward)
        key("Ctrl+Return", self.forward)
        key("Ctrl+Enter", self.forward)
        key("Alt+Left", lambda: self.show_item(self.index - 1) if self.faces.currentIndex() else None)
        key("Escape", self.leave_requested.emit)
        for n in range(1, 6):
            key(str(n), functools.partial(self.pick, n - 1))

    # ---- showing -------------------------------------------------------------------------------------------
    def begin(self, assessment: Assessment, *, banner: str = "") -> None:
        self.assessment = assessment
        self.answers = {}
        self.index = 0
        self.title_label.setText(assessment.title)
        self.banner_label.setText(banner)
        self.banner_label.setVisible(bool(banner))
        self.intro_label.setText(assessment.intro)
        self.position_label.setText(self.tr("%1 questions").replace("%1", str(len(assessment.items))))
        self.faces.setCurrentIndex(0)
        self.begin_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_item(self) -> Item | None:
        a = self.assessment
        return a.items[self.index] if a is not None and self.faces.currentIndex() == 1 else None

    def show_item(self, index: int) -> None:
        a = self.assessment
        if a is None or not 0 <= index < len(a.items):
            return
        self.index = index
        self.faces.setCurrentIndex(1)
        item = a.items[index]
        self.position_label.setText(self.tr("Question %1 of %2").replace("%1", str(index + 1)).replace(
            "%2", str(len(a.items))))
        self.item_label.setText(item.text)
        for button in self.answer_buttons:
            self.answer_group.removeButton(button)
        discard(self.answer_buttons, self.card)
        self.answer_buttons = []
        hours = item.scale is Scale.HOURS
        self.hours_box.setVisible(hours)
        given = self.answers.get(item.id)
        if hours:
            self.hours_box.blockSignals(True)
            self.hours_box.setValue(float(given) if given is not None else 0.0)
            self.hours_box.blockSignals(False)
            self.answers.setdefault(item.id, float(self.hours_box.value()))
        for i, text in enumerate(scale_labels(item.scale)):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setAccessibleName(text)
            button.setToolTip(self.tr("Key %1").replace("%1", str(i + 1)))
            button.setChecked(given is not None and self._value(item, i) == given)
            button.clicked.connect(lambda _c=False, n=i: self.pick(n))
            self.answer_group.addButton(button, i)
            self.answer_buttons.append(button)
            self.answer_row.addWidget(button)
            button.setVisible(self.isVisible())  # now, not on the next turn of the event loop: it takes the focus
        self._explain()
        self._update_buttons()
        if hours:
            self.hours_box.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.answer_buttons:
            checked = next((b for b in self.answer_buttons if b.isChecked()), self.answer_buttons[0])
            checked.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _value(item: Item, index: int) -> Answer:
        if item.scale in FIVE_POINT:
            return index + 1
        return index == 0

    def pick(self, index: int) -> None:
        item = self.current_item()
        if item is None or not 0 <= index < len(self.answer_buttons):
            return
        self.answers[item.id] = self._value(item, index)
        for i, button in enumerate(self.answer_buttons):
            button.setChecked(i == index)
        self.answer_buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)
        self._explain()
        self._update_buttons()

    def _hours_changed(self, value: float) -> None:
        item = self.current_item()
        if item is not None:
            self.answers[item.id] = round(value * 2) / 2
            self._update_buttons()

    def _explain(self) -> None:
        item = self.current_item()
        given = self.answers.get(item.id) if item is not None else None
        if item is None or item.scale is not Scale.TRUE_FALSE or given is None or item.answer is None:
            self.explanation_label.clear()
            self.explanation_label.hide()
            return
        verdict = self.tr("That is right.") if given == item.answer else self.tr("Not quite.")
        self.explanation_label.setText(f"{verdict} {item.explanation}".strip())
        self.explanation_label.show()

    def _update_buttons(self) -> None:
        a = self.assessment
        if a is None:
            return
        last = self.index == len(a.items) - 1
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setVisible(not last)
        self.next_button.setEnabled(a.items[self.index].id in self.answers)
        self.submit_button.setVisible(last)
        self.submit_button.setEnabled(all(i.id in self.answers for i in a.items))

    def forward(self) -> None:
        a, item = self.assessment, self.current_item()
        if a is None:
            return
        if item is None:
            self.show_item(0)
        elif item.id not in self.answers:
            return
        elif self.index < len(a.items) - 1:
            self.show_item(self.index + 1)
        else:
            self.submit()

    def submit(self) -> None:
        a = self.assessment
        if a is not None and all(i.id in self.answers for i in a.items):
            self.submitted.emit(dict(self.answers))

    def forget(self) -> None:
        self.assessment = None
        self.answers = {}
        for label in (self.title_label, self.position_label, self.banner_label, self.intro_label, self.item_label,
                      self.explanation_label):
            label.clear()
        for button in self.answer_buttons:
            button.setChecked(False)
        discard(self.answer_buttons, self.card)
        self.answer_buttons = []
        self.hours_box.blockSignals(True)
        self.hours_box.setValue(0)
        self.hours_box.blockSignals(False)
        self.faces.setCurrentIndex(0)
