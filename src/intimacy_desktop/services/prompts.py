"""Prompt use cases for one unlocked profile (issue 9): decks, the next card, answers and skips, favourites,
"not for us", the physical layer's opt-in to its deepest deck, and Today's suggestion.

The cards themselves are authored content (read once per process); what the person did with them is theirs and
lives in the encrypted database (storage/prompt_repo.py). Which card comes next is decided by core/prompt_picker.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

from intimacy_desktop.core.changes import Changed, ChangeSink, ignore_changes
from intimacy_desktop.core.content import DEPTHS, Content, Depth, Prompt
from intimacy_desktop.core.content_loader import load_content
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.layers import LAYERS, Layer
from intimacy_desktop.core.prompt_picker import RECENT_DAYS, Mark, Suggestion, deck_id, queue, suggest
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.prompt_repo import PromptRepository

__all__ = ["DeckState", "LayerActivity", "PromptService", "shared_content"]

# The physical layer's deepest cards are shown only after the person says yes (stored per profile, default off).
PHYSICAL_DEEPEST = "prompts.physical_deepest"
Clock = Callable[[], dt.datetime]


@functools.cache
def shared_content(lang: str = "en") -> Content:
    """The authored content, read and checked once per process (about 20 ms for every file)."""
    return load_content(lang)


@dataclass(frozen=True)
class DeckState:
    layer: Layer
    depth: Depth
    left: tuple[Prompt, ...]  # still to offer in this round, in order
    round_no: int
    total: int  # the deck's cards, hidden ones included
    hidden: int
    # Why the deck cannot be opened now, as a code the GUI words ("" when it can): "warm_up" (the deepest level
    # waits for a first lighter card of the layer), "opt_in" (the physical layer's deepest, until the person says yes).
    closed: str = ""


@dataclass(frozen=True)
class LayerActivity:
    """What the person did in one layer lately: prompts answered this week, and the newest about the layer."""

    answered_this_week: int
    favourites: tuple[Prompt, ...]
    last_used: dt.datetime | None


class PromptService:
    def __init__(
        self,
        db: Database,
        notify: ChangeSink = ignore_changes,
        *,
        content: Callable[[], Content] = shared_content,
        clock: Clock = dt.datetime.now,
    ) -> None:
        self._db = db
        self._notify = notify
        self._content = content
        self._now = clock

    @property
    def content(self) -> Content:
        return self._content()

    def prompt(self, prompt_id: str) -> Prompt:
        found = self.content.prompt(prompt_id)
        if found is None:
            raise UsageError("prompt_not_found")
        return found

    # ---- reading -------------------------------------------------------------------------------------------
    def deck(self, layer: Layer, depth: Depth) -> DeckState:
        with self._db.session() as s:
            repo = PromptRepository(s)
            return self._deck(repo.marks(), repo.rounds(), self._deepest_ok(repo), layer, depth)

    def decks(self, layer: Layer) -> list[DeckState]:
        """The layer's three decks, light first, read in one transaction."""
        with self._db.session() as s:
            repo = PromptRepository(s)
            marks, rounds, ok = repo.marks(), repo.rounds(), self._deepest_ok(repo)
        return [self._deck(marks, rounds, ok, layer, depth) for depth in DEPTHS]

    def _deck(self, marks: dict[str, Mark], rounds: dict[str, int], deepest_ok: bool, layer: Layer,
              depth: Depth) -> DeckState:
        cards = self.content.prompts_for(layer, depth)
        left, round_no = queue(cards, marks, rounds.get(deck_id(layer, depth), 1))
        hidden = sum(1 for p in cards if marks.get(p.id, Mark(p.id)).hidden)
        closed = ""
        if depth is Depth.DEEPEST:
            if layer is Layer.PHYSICAL and not deepest_ok:
                closed = "opt_in"
            elif not any(m.seen_round and m.layer == layer and m.depth is not Depth.DEEPEST for m in marks.values()):
                closed = "warm_up"
        return DeckState(layer, depth, tuple(left), round_no, len(cards), hidden, closed)

    def favourites(self, layer: Layer | None = None) -> list[Prompt]:
        return self._flagged(lambda m: m.favourite and not m.hidden, layer)

    def hidden(self, layer: Layer | None = None) -> list[Prompt]:
        return self._flagged(lambda m: m.hidden, layer)

    def _flagged(self, test: Callable[[Mark], bool], layer: Layer | None) -> list[Prompt]:
        with self._db.session() as s:
            marks = PromptRepository(s).marks()
        return [p for p in self.content.prompts if (layer is None or p.layer == layer)
                and p.id in marks and test(marks[p.id])]

    def mark(self, prompt_id: str) -> Mark:
        with self._db.session() as s:
            return PromptRepository(s).marks().get(prompt_id) or Mark(prompt_id)

    def activity(self, layer: Layer) -> LayerActivity:
        since = self._now() - dt.timedelta(days=RECENT_DAYS)
        with self._db.session() as s:
            marks = PromptRepository(s).marks()
        used = [m.used_at for m in marks.values() if m.layer == layer and m.used_at is not None]
        favourites = tuple(p for p in self.content.prompts_for(layer)
                           if p.id in marks and marks[p.id].favourite and not marks[p.id].hidden)
        return LayerActivity(sum(1 for t in used if t >= since), favourites, max(used, default=None))

    def suggestion(self) -> Suggestion | None:
        """Today's one card: the least-visited layer of the week, one depth beyond the last used there."""
        now = self._now()
        since = now - dt.timedelta(days=RECENT_DAYS * 8)  # enough history to know which layer was visited last
        with self._db.session() as s:
            repo = PromptRepository(s)
            marks, rounds, ok = repo.marks(), repo.rounds(), self._deepest_ok(repo)
            visits: dict[Layer, list[dt.datetime]] = {layer: [] for layer in LAYERS}
            for layer, when in (*repo.used_times(since), *repo.entry_times(since)):
                visits.setdefault(layer, []).append(when)
        decks = {(layer, depth): self.content.prompts_for(layer, depth) for layer in LAYERS for depth in DEPTHS}
        return suggest(decks, marks, rounds, visits, now, deepest_allowed={Layer.PHYSICAL: ok})

    # ---- writing -------------------------------------------------------------------------------------------
    def answer(self, prompt_id: str) -> None:
        """The card was talked about or written about: it leaves this round and counts as a visit to its layer."""
        self._seen(prompt_id, answered=True)

    def skip(self, prompt_id: str) -> None:
        """Passed over for now: it leaves this round, but counts as no visit."""
        self._seen(prompt_id, answered=False)

    def _seen(self, prompt_id: str, *, answered: bool) -> None:
        prompt = self.prompt(prompt_id)
        key = deck_id(prompt.layer, prompt.depth)
        with self._db.session() as s:
            repo = PromptRepository(s)
            marks = repo.marks()
            _left, round_no = queue(self.content.prompts_for(prompt.layer, prompt.depth), marks,
                                    repo.rounds().get(key, 1))
            repo.set_round(key, round_no)
            mark = marks.get(prompt_id) or Mark(prompt_id, layer=prompt.layer, depth=prompt.depth)
            used_at = self._now() if answered else mark.used_at
            repo.save(prompt, replace(mark, seen_round=round_no, used_at=used_at))
        self._notify(Changed.PROMPTS)

    def set_favourite(self, prompt_id: str, favourite: bool) -> None:
        self._update(prompt_id, favourite=favourite)

    def hide(self, prompt_id: str) -> None:
        """"Not for us": never offered again, in any round, until restored."""
        self._update(prompt_id, hidden=True)

    def restore(self, prompt_id: str) -> None:
        self._update(prompt_id, hidden=False)

    def _update(self, prompt_id: str, **flags: bool) -> None:
        prompt = self.prompt(prompt_id)
        with self._db.session() as s:
            repo = PromptRepository(s)
            mark = repo.marks().get(prompt_id) or Mark(prompt_id, layer=prompt.layer, depth=prompt.depth)
            repo.save(prompt, replace(mark, **flags))  # type: ignore[arg-type]
        self._notify(Changed.PROMPTS)

    # ---- the physical layer's deepest deck ------------------------------------------------------------------
    def physical_deepest_allowed(self) -> bool:
        with self._db.session() as s:
            return self._deepest_ok(PromptRepository(s))

    def allow_physical_deepest(self, allowed: bool) -> None:
        with self._db.session() as s:
            PromptRepository(s).set_setting(PHYSICAL_DEEPEST, "1" if allowed else "0")
        self._notify(Changed.PROMPTS | Changed.SETTINGS)

    @staticmethod
    def _deepest_ok(repo: PromptRepository) -> bool:
        return repo.setting(PHYSICAL_DEEPEST) == "1"
