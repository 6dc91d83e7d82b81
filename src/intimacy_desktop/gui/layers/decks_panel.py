"""The three decks of a layer (light, deeper, deepest) as rows: how many cards are left in this round, how many
were set aside as "not for us", and, for a deck that is not open yet, why.

The physical layer's deepest deck has an explicit, calm opt-in here. Nothing in this panel opens a deck by itself:
depth is always the person's choice.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.content import DEPTHS, Depth
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui.layers.labels import closed_reason, depth_hint, depth_name
from intimacy_desktop.services.prompts import DeckState


class DeckRow(QWidget):
    open_requested = Signal(object)  # Depth
    hidden_requested = Signal(object)  # Depth

    def __init__(self, depth: Depth, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deck_depth = depth  # not "depth": QWidget.depth() is the colour depth
        name = depth_name(depth)
        self.name_label = QLabel(name)
        self.name_label.setProperty("role", "section")
        self.hint_label = QLabel(depth_hint(depth))
        self.hint_label.setWordWrap(True)
        self.hint_label.setProperty("role", "muted")
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.hidden_button = QPushButton()
        self.hidden_button.setProperty("role", "link")
        self.hidden_button.setFlat(True)
        self.hidden_button.setAccessibleName(self.tr("Cards set aside in the %1 deck").replace("%1", name))
        self.hidden_button.clicked.connect(lambda: self.hidden_requested.emit(self.deck_depth))
        self.hidden_button.hide()
        self.closed_label = QLabel()
        self.closed_label.setWordWrap(True)
        self.closed_label.setProperty("role", "notice")
        self.closed_label.hide()
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open the %1 cards").replace("%1", name))
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.deck_depth))
        self.extra = QVBoxLayout()  # the physical opt-in goes here
        self.extra.setContentsMargins(0, 0, 0, 0)
        self.extra.setSpacing(6)

        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.name_label)
        text.addWidget(self.hint_label)
        text.addWidget(self.count_label)
        text.addWidget(self.hidden_button, 0, Qt.AlignmentFlag.AlignLeft)
        text.addWidget(self.closed_label)
        text.addLayout(self.extra)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(16)
        lay.addLayout(text, 1)
        lay.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_state(self, deck: DeckState) -> None:
        self.count_label.setText(
            self.tr("%1 of %2 left in this round").replace("%1", str(len(deck.left))).replace("%2", str(deck.total))
        )
        self.hidden_button.setText(self.tr("%Ln not for us: see or bring back", "", deck.hidden))
        self.hidden_button.setVisible(deck.hidden > 0)
        self.closed_label.setText(closed_reason(deck.closed))
        self.closed_label.setVisible(bool(deck.closed))
        self.open_button.setEnabled(not deck.closed and bool(deck.left))

    def forget(self) -> None:
        self.count_label.clear()
        self.hidden_button.hide()
        self.closed_label.hide()


class DecksPanel(QFrame):
    open_requested = Signal(object)  # Depth
    hidden_requested = Signal(object)  # Depth
    opt_in_changed = Signal(bool)

    def __init__(self, layer: Layer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.layer = layer
        title = QLabel(self.tr("Cards to talk about"))
        title.setProperty("role", "section")
        intro = QLabel(self.tr("Three decks, from easy to most personal. Every card comes up once a round; choose "
                               "the depth that fits tonight."))
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 22)
        lay.setSpacing(14)
        lay.addWidget(title)
        lay.addWidget(intro)
        self.rows: dict[Depth, DeckRow] = {}
        for depth in DEPTHS:
            rule = QFrame()
            rule.setProperty("role", "rule")
            lay.addWidget(rule)
            row = DeckRow(depth)
            row.open_requested.connect(self.open_requested)
            row.hidden_requested.connect(self.hidden_requested)
            self.rows[depth] = row
            lay.addWidget(row)
        self.opt_in: QCheckBox | None = None
        if layer is Layer.PHYSICAL:
            self._build_opt_in(self.rows[Depth.DEEPEST])

    def _build_opt_in(self, row: DeckRow) -> None:
        box = QCheckBox(self.tr("Show the most intimate cards"))
        box.setAccessibleDescription(self.tr("Shows or hides the deepest cards of the physical and sexual layer"))
        box.toggled.connect(self._opt_in_toggled)
        why = QLabel(self.tr("For partners who both want them. You can turn this off again at any time; the choice "
                             "is kept only in this profile's encrypted data."))
        why.setWordWrap(True)
        why.setProperty("role", "hint")
        row.extra.addWidget(box)
        row.extra.addWidget(why)
        self.opt_in = box

    def _opt_in_toggled(self, on: bool) -> None:
        if not self.signalsBlocked():
            self.opt_in_changed.emit(on)

    def show_decks(self, decks: Sequence[DeckState], deepest_allowed: bool) -> None:
        for deck in decks:
            self.rows[deck.depth].show_state(deck)
        if self.opt_in is not None:
            self.blockSignals(True)
            self.opt_in.setChecked(deepest_allowed)
            self.blockSignals(False)

    def forget(self) -> None:
        for row in self.rows.values():
            row.forget()
