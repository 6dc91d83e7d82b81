"""A visit to one deck: which card shows, what came before in this visit, and what each action writes.

Every read and write goes through the profile's operations (off the GUI thread). While one is on its way the view
ignores further actions, so a key held down cannot skip a card nobody saw. The visit keeps the cards it showed, so
Previous goes back to them (they stay skipped: going back is for a second look, not an undo); hiding a card takes
it out of the visit, and Undo brings it back as the card on show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from intimacy_desktop.core.content import Depth, Prompt
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.prompts import DeckState

if TYPE_CHECKING:
    from intimacy_desktop.core.errors import AppError
    from intimacy_desktop.gui.layers.card_view import CardView
    from intimacy_desktop.gui.shell.context import ProfileContext

T = TypeVar("T")


class DeckVisit(QObject):
    closed = Signal(object)  # DeckState of a deck that cannot be opened now
    failed = Signal(object)  # AppError

    def __init__(self, ctx: ProfileContext, layer: Layer, view: CardView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._prompts = ctx.prompts
        self.layer = layer
        self.view = view
        self.deck: DeckState | None = None
        self.round_no = 0  # the round this visit began in; when the deck moves past it, the round is over
        self.history: list[Prompt] = []
        self.pos = -1
        self.favourites: set[str] = set()
        self.hidden_prompt: Prompt | None = None  # what Undo brings back
        self.busy = False
        self._generation = 0
        view.next_requested.connect(self.next_card)
        view.previous_requested.connect(self.previous_card)
        view.answer_requested.connect(self.answer)
        view.journal_requested.connect(self.save_to_journal)
        view.favourite_requested.connect(self.toggle_favourite)
        view.hide_requested.connect(self.hide_card)
        view.undo_requested.connect(self.undo_hide)
        view.new_round_requested.connect(self.new_round)

    @property
    def current(self) -> Prompt | None:
        return self.history[self.pos] if 0 <= self.pos < len(self.history) and not self.view.at_end() else None

    # ---- reading -------------------------------------------------------------------------------------------
    def _read(self, then: Callable[[DeckState], None], depth: Depth | None = None) -> None:
        """The deck and the layer's favourites, read together; ``then`` gets the deck."""
        prompts, layer = self._prompts, self.layer
        depth = depth or (self.deck.depth if self.deck else Depth.LIGHT)
        generation = self._generation

        def read() -> tuple[DeckState, set[str]]:
            return prompts.deck(layer, depth), {p.id for p in prompts.favourites(layer)}

        def done(result: tuple[DeckState, set[str]]) -> None:
            if generation != self._generation:
                return  # the visit was left or forgotten meanwhile
            self.busy = False
            self.deck, self.favourites = result
            then(self.deck)

        self.busy = True
        self._ctx.ops.query(self.view, read).success(done).failure(self._failed).run()

    def _write(self, work: Callable[[], T], then: Callable[[T], None]) -> None:
        self.busy = True
        generation = self._generation

        def done(value: T) -> None:
            self.busy = False
            if generation == self._generation:
                then(value)

        self._ctx.ops.op(self.view, work).success(done).failure(self._failed).run()

    def _failed(self, error: AppError) -> None:
        self.busy = False
        self.failed.emit(error)

    # ---- opening -------------------------------------------------------------------------------------------
    def open(self, depth: Depth, first: Prompt | None = None) -> None:
        """Begin a visit to the deck of ``depth``, at ``first`` when given (Today's card, a favourite)."""
        self._generation += 1
        self.hidden_prompt = None
        self.view.forget()  # nothing of the last visit shows while this deck is read

        def opened(deck: DeckState) -> None:
            if deck.closed and (first is None or deck.closed == "opt_in"):
                self.closed.emit(deck)
                return
            self.round_no = deck.round_no
            self.history, self.pos = [], -1
            start = first or (deck.left[0] if deck.left else None)
            if start is None:
                self._show_end()
                return
            self._push(start)

        self._read(opened, depth)

    def new_round(self) -> None:
        if self.deck is not None and not self.busy:
            self.open(self.deck.depth)

    # ---- moving --------------------------------------------------------------------------------------------
    def _push(self, prompt: Prompt) -> None:
        self.history.append(prompt)
        self.pos = len(self.history) - 1
        self._show()

    def _show(self) -> None:
        prompt = self.history[self.pos]
        self.view.show_prompt(prompt, favourite=prompt.id in self.favourites, can_go_back=self.pos > 0)
        if self.deck is not None:
            self.view.set_position(len(self.deck.left), self.deck.total)
        self.view.focus()

    def _show_end(self) -> None:
        deck = self.deck
        self.view.show_end(all_hidden=deck is not None and not deck.left, can_go_back=bool(self.history))
        self.pos = len(self.history)

    def _in_round(self, prompt: Prompt) -> bool:
        return self.deck is not None and any(p.id == prompt.id for p in self.deck.left)

    def _advance(self, *_done: object) -> None:
        """On to the card after this one: the next one of this visit, or the deck's next, or the round's end."""
        if self.pos + 1 < len(self.history):
            self.pos += 1
            self._read(lambda _deck: self._show())
            return

        def after(deck: DeckState) -> None:
            if deck.round_no > self.round_no or not deck.left:
                self._show_end()
            else:
                self._push(deck.left[0])

        self._read(after)

    def next_card(self) -> None:
        prompt = self.current
        if prompt is None or self.busy:
            return
        if self._in_round(prompt):
            self._write(lambda: self._prompts.skip(prompt.id), self._advance)
        else:
            self._advance()  # seen already in this round (a card Previous went back to): nothing to write

    def previous_card(self) -> None:
        if self.busy or self.pos <= 0:
            return
        self.pos -= 1
        self._show()

    def answer(self) -> None:
        prompt = self.current
        if prompt is not None and not self.busy:
            self._write(lambda: self._prompts.answer(prompt.id), self._advance)

    def save_to_journal(self) -> None:
        """It was talked about, and the person wants to write about it: a journal entry begins with the prompt."""
        prompt = self.current
        if prompt is None or self.busy:
            return
        self._write(lambda: self._prompts.answer(prompt.id), self._advance)
        self._ctx.navigate("journal", f"prompt:{prompt.id}")

    def toggle_favourite(self) -> None:
        prompt = self.current
        if prompt is None or self.busy:
            return
        favourite = prompt.id not in self.favourites

        def done(_: Any) -> None:
            (self.favourites.add if favourite else self.favourites.discard)(prompt.id)
            if self.current is prompt:
                self.view.set_favourite(favourite)

        self._write(lambda: self._prompts.set_favourite(prompt.id, favourite), done)

    def hide_card(self) -> None:
        prompt = self.current
        if prompt is None or self.busy:
            return

        def done(_: Any) -> None:
            self.history = [p for p in self.history if p.id != prompt.id]
            self.pos = min(self.pos, len(self.history)) - 1
            self.hidden_prompt = prompt
            self.view.show_undo(True)
            self._advance()

        self._write(lambda: self._prompts.hide(prompt.id), done)

    def undo_hide(self) -> None:
        prompt = self.hidden_prompt
        if prompt is None or self.busy:
            return

        def done(_: Any) -> None:
            self.hidden_prompt = None
            self.view.show_undo(False)
            self.pos = max(0, min(self.pos, len(self.history)))
            self.history.insert(self.pos, prompt)
            self._read(lambda _deck: self._show())

        self._write(lambda: self._prompts.restore(prompt.id), done)

    # ---- leaving -------------------------------------------------------------------------------------------
    def leave(self) -> None:
        """Back to the overview: results still on their way are dropped; the undo is no longer offered."""
        self._generation += 1
        self.busy = False
        self.hidden_prompt = None
        self.view.show_undo(False)

    def forget(self) -> None:
        self.leave()
        self.history, self.pos, self.deck = [], -1, None
        self.favourites = set()
        self.view.forget()
