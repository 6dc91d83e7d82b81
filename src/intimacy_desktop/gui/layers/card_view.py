"""One card at a time, large and calm, with its actions on buttons and keys.

This is the view only: it shows what ``DeckVisit`` (deck_visit.py) tells it and says what the person asked for
through its signals. Its keys are shortcuts of this widget and its children, so they act only while the focus is in
the card view (never, say, while the sidebar has it) and they need no modifier: the view has no text field.

    Right, N   next card (this one is skipped for the round)      Left, P   the card shown before
    Return     we talked about it                                  Ctrl+J    save to the journal
    F          favourite on/off                                    H, Delete not for us (Ctrl+Z brings it back)
    Esc        back to the layer
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.content import Prompt
from intimacy_desktop.gui.layers.columns import calm_middle, centred
from intimacy_desktop.gui.layers.labels import depth_name, mode_name

CARD_WIDTH = 640


def _label(role: str | None = None, *, center: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    if center:
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


class CardView(QWidget):
    next_requested = Signal()
    previous_requested = Signal()
    answer_requested = Signal()
    journal_requested = Signal()
    favourite_requested = Signal()
    hide_requested = Signal()
    undo_requested = Signal()
    back_requested = Signal()
    new_round_requested = Signal()

    def __init__(self, layer_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QPushButton(self.tr("← Back to %1").replace("%1", layer_title))
        self.back_button.setProperty("role", "link")
        self.back_button.setFlat(True)
        self.back_button.setToolTip(self.tr("Back to the layer (Esc)"))
        self.back_button.setAccessibleName(self.tr("Back to the %1 layer").replace("%1", layer_title))
        self.position_label = _label("muted")
        self.position_label.setWordWrap(False)
        # The card: focusable, so the keys work as soon as it shows, and a screen reader reads the prompt.
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.card.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.card.setMaximumWidth(CARD_WIDTH)
        self.meta_label = _label("muted", center=True)
        self.prompt_label = _label("prompt", center=True)
        self.follow_up_label = _label("followup", center=True)
        self.source_label = _label("hint", center=True)
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(40, 32, 40, 32)
        inner.setSpacing(14)
        for w in (self.meta_label, self.prompt_label, self.follow_up_label, self.source_label):
            inner.addWidget(w)

        def button(text: str, tip: str, signal: SignalInstance, role: str | None = None) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            if role:
                b.setProperty("role", role)
            b.clicked.connect(signal.emit)
            return b

        self.previous_button = button(self.tr("← Previous"), self.tr("The card shown before (Left arrow or P)"),
                                      self.previous_requested)
        self.next_button = button(self.tr("Next →"), self.tr("Skip this card for now (Right arrow or N)"),
                                  self.next_requested)
        self.answer_button = button(self.tr("We talked about it"), self.tr("Mark as talked about and go on (Enter)"),
                                    self.answer_requested, "primary")
        self.journal_button = button(self.tr("Save to journal"),
                                     self.tr("Write about this card in a new journal entry (Ctrl+J)"),
                                     self.journal_requested)
        self.favourite_button = button(self.tr("Favourite"), self.tr("Keep this card among your favourites (F)"),
                                       self.favourite_requested)
        self.favourite_button.setCheckable(True)
        self.hide_button = button(self.tr("Not for us"), self.tr("Never show this card again (H or Delete)"),
                                  self.hide_requested)
        self.keys_label = _label("hint", center=True)
        self.keys_label.setText(self.tr("→ next · ← previous · Enter talked about · Ctrl+J journal · F favourite · "
                                        "H not for us · Esc back"))
        self.undo_label = _label()
        self.undo_label.setText(self.tr("Hidden: this card will not come up again."))
        self.undo_button = button(self.tr("Undo"), self.tr("Bring the card back (Ctrl+Z)"), self.undo_requested)
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setMaximumWidth(CARD_WIDTH)
        # The end of a deck's round.
        self.end_label = _label("section", center=True)
        self.end_detail = _label("muted", center=True)
        self.new_round_button = button(self.tr("Start the new round"), self.tr("The cards come back in a new order"),
                                       self.new_round_requested, "primary")
        self.end_back_button = button(self.tr("Back to the layer"), self.tr("Esc"), self.back_requested)
        self.end_card = QFrame()
        self.end_card.setProperty("role", "card")
        self.end_card.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.end_card.setMaximumWidth(CARD_WIDTH)
        self.faces = QStackedWidget()
        self.back_button.clicked.connect(self.back_requested.emit)
        self._build()
        self._keys()
        self.undo_bar.hide()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.position_label)
        # One centred column as wide as the card: the card, then its actions in two centred rows (what to do with
        # the card; where to go next and how to keep it), then the keys in one quiet line.
        column = QWidget()
        column.setMaximumWidth(CARD_WIDTH)
        cv = QVBoxLayout(column)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(12)
        cv.addWidget(self.card)
        cv.addSpacing(6)
        for buttons in ((self.answer_button, self.journal_button),
                        (self.previous_button, self.next_button, None, self.favourite_button, self.hide_button)):
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addStretch(1)
            for b in buttons:
                if b is None:
                    row.addSpacing(16)
                else:
                    row.addWidget(b)
            row.addStretch(1)
            cv.addLayout(row)
        cv.addSpacing(4)
        cv.addWidget(self.keys_label)
        face = calm_middle(column)
        ev = QVBoxLayout(self.end_card)
        ev.setContentsMargins(40, 32, 40, 32)
        ev.setSpacing(14)
        ev.addWidget(self.end_label)
        ev.addWidget(self.end_detail)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.end_back_button)
        row.addWidget(self.new_round_button)
        row.addStretch(1)
        ev.addLayout(row)
        end = calm_middle(self.end_card)
        self.faces.addWidget(face)
        self.faces.addWidget(end)
        undo = QHBoxLayout(self.undo_bar)
        undo.setContentsMargins(14, 6, 8, 6)
        undo.addWidget(self.undo_label, 1)
        undo.addWidget(self.undo_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 20, 32, 24)
        lay.setSpacing(12)
        lay.addLayout(top)
        lay.addLayout(centred(self.undo_bar))
        lay.addWidget(self.faces, 1)

    def _keys(self) -> None:
        self.card_keys: list[QShortcut] = []
        for keys, slot, on_card in (
            (("Right", "N"), self.next_requested.emit, True),
            (("Left", "P"), self.previous_requested.emit, True),
            (("Return", "Enter"), self._enter, False),
            (("Ctrl+J",), self.journal_requested.emit, True),
            (("F",), self.favourite_requested.emit, True),
            (("H", "Delete"), self.hide_requested.emit, True),
            (("Ctrl+Z",), self.undo_requested.emit, False),
            (("Escape",), self.back_requested.emit, False),
        ):
            for key in keys:
                shortcut = self._shortcut(key, slot)
                if on_card:
                    self.card_keys.append(shortcut)

    def _shortcut(self, key: str, slot: Callable[[], object]) -> QShortcut:
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(slot)
        return sc

    def _enter(self) -> None:
        """Enter on a focused button presses that button; anywhere else it is the view's main action."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QPushButton) and self.isAncestorOf(focused):
            focused.click()
        elif self.at_end():
            self.new_round_requested.emit()
        else:
            self.answer_requested.emit()

    # ---- what DeckVisit shows ------------------------------------------------------------------------------
    def show_prompt(self, prompt: Prompt, *, favourite: bool, can_go_back: bool) -> None:
        self.faces.setCurrentIndex(0)
        for sc in self.card_keys:
            sc.setEnabled(True)
        self.meta_label.setText(f"{mode_name(prompt.mode)} · {depth_name(prompt.depth)}")
        self.prompt_label.setText(prompt.text)
        self.follow_up_label.setText(prompt.follow_up)
        self.follow_up_label.setVisible(bool(prompt.follow_up))
        self.source_label.setText(self.tr("Source: %1").replace("%1", prompt.source) if prompt.source else "")
        self.source_label.setVisible(bool(prompt.source))
        self.card.setAccessibleName(prompt.text)
        self.card.setAccessibleDescription(prompt.follow_up)
        self.set_favourite(favourite)
        self.previous_button.setEnabled(can_go_back)

    def set_favourite(self, favourite: bool) -> None:
        self.favourite_button.setChecked(favourite)
        self.favourite_button.setText(self.tr("★ Favourite") if favourite else self.tr("☆ Favourite"))

    def set_position(self, left: int, total: int) -> None:
        self.position_label.setText(self.tr("%1 of %2 left").replace("%1", str(left)).replace("%2", str(total)))

    def show_end(self, *, all_hidden: bool, can_go_back: bool) -> None:
        self.faces.setCurrentIndex(1)
        for sc in self.card_keys:
            sc.setEnabled(sc.key().toString() in ("Left", "P") and can_go_back)
        if all_hidden:
            self.end_label.setText(self.tr("Every card of this deck is set aside as not for us."))
            self.end_detail.setText(self.tr("You can bring cards back from the layer's page."))
        else:
            self.end_label.setText(self.tr("You have been through every card in this deck."))
            self.end_detail.setText(self.tr("They come back in a new order when you continue."))
        self.new_round_button.setVisible(not all_hidden)
        self.position_label.clear()
        self.focus()

    def at_end(self) -> bool:
        return self.faces.currentIndex() == 1

    def show_undo(self, shown: bool) -> None:
        self.undo_bar.setVisible(shown)

    def focus(self) -> None:
        """The card takes the keys, but only while it shows: a card that moves on after "Save to journal" must not
        pull the focus back from the journal."""
        if self.isVisible():
            (self.end_card if self.at_end() else self.card).setFocus(Qt.FocusReason.OtherFocusReason)

    def forget(self) -> None:
        """Nothing of the person's cards stays on screen (the lock)."""
        for label in (self.meta_label, self.prompt_label, self.follow_up_label, self.source_label,
                      self.position_label):
            label.clear()
        self.card.setAccessibleName("")
        self.card.setAccessibleDescription("")
        self.undo_bar.hide()
