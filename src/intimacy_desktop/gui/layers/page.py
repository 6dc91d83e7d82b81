"""A layer's page: its overview and, one card at a time, its decks. Four small subclasses name the layers.

The overview is refreshed from the profile's change notices (prompts and entries), read in one query off the GUI
thread. The card view is a ``DeckVisit`` over ``CardView``. Other pages ask by name (``act``):

    "card:<prompt id>"   the card view on that prompt's deck, starting with that prompt (Today's card, a favourite)
    "deck:<depth>"       the card view on that deck ("deck:light"); a deck that is not open stays on the overview
    "glossary[:<term>]"  the glossary, at that term
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.content import Depth
from intimacy_desktop.core.journal import EntryFilter, EntrySummary
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.journal.labels import layer_name
from intimacy_desktop.gui.layers.card_view import CardView
from intimacy_desktop.gui.layers.deck_visit import DeckVisit
from intimacy_desktop.gui.layers.overview import LayerOverview
from intimacy_desktop.gui.shell.page import Page
from intimacy_desktop.services.prompts import DeckState, LayerActivity

if TYPE_CHECKING:
    from intimacy_desktop.core.errors import AppError
    from intimacy_desktop.gui.layers.glossary_dialog import GlossaryDialog
    from intimacy_desktop.gui.shell.context import ProfileContext

RECENT_ENTRIES = 5
GLOSSARY_KEY = "Ctrl+Shift+G"
Overview = tuple[list[DeckState], bool, LayerActivity, list[EntrySummary]]


class LayerPage(Page):
    layer: ClassVar[Layer] = Layer.NONE

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        content = ctx.prompts.content
        self.overview = LayerOverview(self.layer, content)
        self.card_view = CardView(self.title())
        self.visit = DeckVisit(ctx, self.layer, self.card_view, self)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.views = QStackedWidget()
        self.views.addWidget(self.overview)
        self.views.addWidget(self.card_view)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.error_label)
        lay.addWidget(self.views, 1)
        self.glossary: GlossaryDialog | None = None
        o = self.overview
        o.term_requested.connect(self.show_glossary)
        o.open_requested.connect(self.open_deck)
        o.hidden_requested.connect(self.show_hidden)
        o.opt_in_changed.connect(self.set_opt_in)
        o.link_activated.connect(self.act)
        self.card_view.back_requested.connect(self.show_overview)
        self.visit.closed.connect(self._deck_closed)
        self.visit.failed.connect(self._show_error)
        glossary_key = QShortcut(QKeySequence(GLOSSARY_KEY), self)
        glossary_key.setContext(Qt.ShortcutContext.WindowShortcut)  # only while this page is the one shown
        glossary_key.activated.connect(lambda: self.show_glossary(None))
        ctx.changes.changed.connect(self._on_changed)
        self.refresh()

    # ---- the page protocol ---------------------------------------------------------------------------------
    def title(self) -> str:
        return layer_name(self.layer)

    def shown(self) -> None:
        if self.in_card_view():
            self.card_view.focus()
        else:
            self.overview.setFocus(Qt.FocusReason.OtherFocusReason)

    def act(self, action: str) -> None:
        kind, _, arg = action.partition(":")
        if kind == "card":
            prompt = self._ctx.prompts.content.prompt(arg)
            if prompt is not None and prompt.layer is self.layer:
                self._enter_card_view()
                self.visit.open(prompt.depth, prompt)
        elif kind == "deck" and arg in {d.value for d in Depth}:
            self.open_deck(Depth(arg))
        elif kind == "glossary":
            self.show_glossary(arg or None)
        elif kind == "open" and arg.isdigit():
            self._ctx.navigate("journal", action)

    def wipe(self) -> None:
        """Forget the person's cards, counts, favourites and entries; close the glossary."""
        self._generation += 1
        self.visit.forget()
        self.overview.decks.forget()
        self.overview.activity.forget()
        self.error_label.clear()
        if self.glossary is not None:
            self.glossary.close()

    # ---- overview ------------------------------------------------------------------------------------------
    def _on_changed(self, changes: Changed) -> None:
        if changes & (Changed.PROMPTS | Changed.ENTRIES):
            self.refresh()

    def refresh(self) -> None:
        prompts, journal, layer = self._ctx.prompts, self._ctx.journal, self.layer
        self._generation += 1
        generation = self._generation

        def read() -> Overview:
            allowed = prompts.physical_deepest_allowed() if layer is Layer.PHYSICAL else True
            recent = journal.summaries(EntryFilter(layer=layer), limit=RECENT_ENTRIES)
            return prompts.decks(layer), allowed, prompts.activity(layer), recent

        def show(result: Overview) -> None:
            if generation != self._generation:
                return  # a newer refresh is on its way, or the page was wiped
            decks, allowed, activity, recent = result
            self.overview.decks.show_decks(decks, allowed)
            self.overview.activity.show_activity(activity.answered_this_week, recent, activity.favourites)

        self._ctx.ops.query(self, read).success(show).failure(self._show_error).run()

    def show_overview(self) -> None:
        self.visit.leave()
        self.views.setCurrentWidget(self.overview)
        self.overview.setFocus(Qt.FocusReason.OtherFocusReason)

    def in_card_view(self) -> bool:
        return self.views.currentWidget() is self.card_view

    def set_opt_in(self, allowed: bool) -> None:
        prompts = self._ctx.prompts
        self._ctx.ops.op(self, lambda: prompts.allow_physical_deepest(allowed)).failure(self._show_error).run()

    def show_hidden(self, depth: Depth) -> None:
        from intimacy_desktop.gui.layers.hidden_dialog import HiddenCardsDialog

        dialog = HiddenCardsDialog(self._ctx, self.layer, depth, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_glossary(self, term_id: str | None) -> None:
        if self.glossary is None:
            from intimacy_desktop.gui.layers.glossary_dialog import GlossaryDialog

            self.glossary = GlossaryDialog(self._ctx.prompts.content.glossary, self)
        self.glossary.show_term(term_id)

    def _show_error(self, error: AppError) -> None:
        self.error_label.setText(error_text(error))
        self.error_label.show()

    # ---- card view -----------------------------------------------------------------------------------------
    def open_deck(self, depth: Depth) -> None:
        self._enter_card_view()
        self.visit.open(depth)

    def _enter_card_view(self) -> None:
        self.error_label.hide()
        self.views.setCurrentWidget(self.card_view)
        self.card_view.focus()

    def _deck_closed(self, deck: DeckState) -> None:
        """The deck asked for is not open yet: back on the overview, where its row says why."""
        self.show_overview()
        self.overview.ensureWidgetVisible(self.overview.decks.rows[deck.depth])


class EmotionalPage(LayerPage):
    page_id = "layer-emotional"
    layer = Layer.EMOTIONAL


class PhysicalPage(LayerPage):
    page_id = "layer-physical"
    layer = Layer.PHYSICAL


class IntellectualPage(LayerPage):
    page_id = "layer-intellectual"
    layer = Layer.INTELLECTUAL


class DigitalPage(LayerPage):
    page_id = "layer-digital"
    layer = Layer.DIGITAL
