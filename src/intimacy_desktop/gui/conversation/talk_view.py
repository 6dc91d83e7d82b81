"""A conversation under way, on the page: the time left (or not, if they hide it), whose turn it is with a
one-line reminder of the role, the current card, and the controls, each with its key.

Keys (page shortcuts, live only while this view shows): Space pause or resume · → next card · + five more
minutes · T swap turns · F11 calm mode · H hide or show the time · Ctrl+. end now.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from intimacy_desktop.core.conversation import ConversationTimer, Phase, Speaker
from intimacy_desktop.gui.conversation.labels import listener_role, speaker_role, turn_line
from intimacy_desktop.gui.formatting import clock_text
from intimacy_desktop.gui.layers.columns import calm_middle
from intimacy_desktop.gui.practice.item_row import text_label

CARD_WIDTH = 640


class TalkView(QWidget):
    toggle_requested = Signal()
    next_card_requested = Signal()
    extend_requested = Signal()
    switch_requested = Signal()
    stop_requested = Signal()
    calm_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.time_hidden = False
        self.phase_label = text_label("", "muted")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.time_label = text_label("", "figure")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.time_label.setStyleSheet("font-size: 44pt;")
        self.turn_label = text_label("", "headline")
        self.turn_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.role_label = text_label("", "muted")
        self.role_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.card_label = text_label("", "prompt")
        self.card_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.card_label.setAccessibleName(self.tr("The card"))
        card_lay = QVBoxLayout(self.card)
        card_lay.setContentsMargins(28, 22, 28, 22)
        card_lay.addWidget(self.card_label)

        def button(text: str, tip: str, signal: object, role: str | None = None) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            if role:
                b.setProperty("role", role)
            b.clicked.connect(signal)
            return b

        self.pause_button = button(self.tr("Pause"), self.tr("Pause or go on (Space)"), self.toggle_requested,
                                   "primary")
        self.next_button = button(self.tr("Next card →"), self.tr("Another card (→)"), self.next_card_requested)
        self.extend_button = button(self.tr("+5 min"), self.tr("Five more minutes (+)"), self.extend_requested)
        self.switch_button = button(self.tr("Swap turns"), self.tr("The other partner speaks now (T)"),
                                    self.switch_requested)
        self.calm_button = button(self.tr("Calm mode"), self.tr("Full screen, dark and quiet (F11)"),
                                  self.calm_requested)
        self.stop_button = button(self.tr("End now"), self.tr("End the conversation here (Ctrl+.)"),
                                  self.stop_requested)
        self.keys_label = text_label(self.tr("Space pause · → next card · + five minutes · T swap · H hide the time "
                                             "· F11 calm mode · Ctrl+. end"), "hint")
        self.keys_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        for b in (self.pause_button, self.next_button, self.extend_button, self.switch_button, self.calm_button,
                  self.stop_button):
            row.addWidget(b)
        row.addStretch(1)
        inner = QWidget()
        inner.setMaximumWidth(CARD_WIDTH + 120)
        lay = QVBoxLayout(inner)
        lay.setSpacing(12)
        for w in (self.phase_label, self.time_label, self.turn_label, self.role_label, self.card):
            lay.addWidget(w)
        lay.addLayout(row)
        lay.addWidget(self.keys_label)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(calm_middle(inner))

    def show_timer(self, timer: ConversationTimer) -> None:
        left = timer.remaining()
        text = clock_text(left)
        self.time_label.setText(self.tr("(time hidden)") if self.time_hidden else text)
        self.time_label.setAccessibleName(self.tr("Time left: %1").replace("%1", text))
        phases = {Phase.RUNNING: self.tr("Device-free time"), Phase.PAUSED: self.tr("Paused"),
                  Phase.FINISHED: self.tr("Time is up. Finish what you were saying."),
                  Phase.STOPPED: self.tr("Ended"), Phase.READY: ""}
        self.phase_label.setText(phases[timer.phase])
        self.pause_button.setText(self.tr("Go on") if timer.phase is Phase.PAUSED else self.tr("Pause"))
        self.pause_button.setEnabled(timer.active)
        self.switch_button.setVisible(timer.turn_seconds is not None)
        turns = timer.turn_seconds is not None
        self.turn_label.setVisible(turns)
        self.role_label.setVisible(turns)
        if turns:
            self.show_turn(timer.speaker, timer.turn_remaining() or 0.0)

    def show_turn(self, speaker: Speaker, left: float) -> None:
        line = turn_line(speaker)
        self.turn_label.setText(line if self.time_hidden else f"{line}  ·  {clock_text(left)}")
        self.role_label.setText(f"{speaker_role()}\n{listener_role()}")

    def show_card(self, text: str | None) -> None:
        self.card.setVisible(text is not None)
        self.next_button.setVisible(text is not None)
        self.card_label.setText(text or "")

    def forget(self) -> None:
        self.card_label.clear()
