"""Today's "A card for today": one prompt from the layer the person has spent least time on this week, the one-line
reason, and a button that opens it on its layer's page.

The suggestion is read off the GUI thread and refreshed from the change notices, so a card talked about anywhere
moves Today on without navigating. Nothing here counts what was missed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.prompt_picker import Suggestion
from intimacy_desktop.gui.journal.labels import layer_name
from intimacy_desktop.gui.layers.labels import depth_name, suggestion_reason

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext


class SuggestionCard(QFrame):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self.suggestion: Suggestion | None = None
        self.setProperty("role", "card")
        self.setMaximumWidth(640)
        heading = QLabel(self.tr("A card for today"))
        heading.setProperty("role", "section")
        self.meta_label = QLabel()
        self.meta_label.setProperty("role", "muted")
        self.prompt_label = QLabel()
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt_label.setProperty("role", "quote")
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_label.setProperty("role", "muted")
        self.open_button = QPushButton(self.tr("Open this card"))
        self.open_button.setAccessibleName(self.tr("Open today's card on its layer's page"))
        self.open_button.clicked.connect(self.open_card)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 24, 32, 26)
        lay.setSpacing(10)
        for w in (heading, self.meta_label, self.prompt_label, self.reason_label):
            lay.addWidget(w)
        lay.addSpacing(4)
        lay.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()
        ctx.changes.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changed) -> None:
        if changes & (Changed.PROMPTS | Changed.ENTRIES):
            self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation

        def show(suggestion: Suggestion | None) -> None:
            if generation == self._generation:
                self.show_suggestion(suggestion)

        # A suggestion is a nicety: when it cannot be read (damage the background check reports in its own words,
        # say) the card steps aside instead of putting a second, vaguer message above the page.
        self._ctx.ops.query(self, self._ctx.prompts.suggestion).success(show).failure(lambda _e: self.forget()).run()

    def show_suggestion(self, suggestion: Suggestion | None) -> None:
        self.suggestion = suggestion
        if suggestion is None:  # every card set aside: nothing to suggest, and nothing to scold about
            self.forget()
            return
        prompt = suggestion.prompt
        self.meta_label.setText(f"{layer_name(prompt.layer)} · {depth_name(prompt.depth)}")
        self.prompt_label.setText(prompt.text)
        self.reason_label.setText(suggestion_reason(suggestion.reason, prompt.layer))
        self.show()

    def open_card(self) -> None:
        if self.suggestion is not None:
            prompt = self.suggestion.prompt
            self._ctx.navigate(f"layer-{prompt.layer.value}", f"card:{prompt.id}")

    def forget(self) -> None:
        self._generation += 1
        self.suggestion = None
        for label in (self.meta_label, self.prompt_label, self.reason_label):
            label.clear()
        self.hide()
