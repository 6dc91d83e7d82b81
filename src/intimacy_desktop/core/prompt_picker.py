"""Which prompt comes next, and which one Today suggests (issue 9). Pure functions over the person's own history.

Never repeat: a deck is one layer at one depth. Each deck counts rounds; a prompt answered or skipped in the current
round is not offered again until every prompt of the deck has been, and then a new round begins. "Not for us" hides a
prompt in every round until it is restored. The order within a round is shuffled, but stably (by the prompt's id and
the round), so a person who closes the app comes back to the same next card.

Today's suggestion: the layer the person has spent least time on in the last week (prompts and journal entries
about it), at one depth beyond the one they last used there (light when they never did; the deepest level is never
served first, and the physical layer's deepest only with the person's opt-in), with the reason said in one line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from intimacy_desktop.core.content import DEPTHS, Depth, Prompt
from intimacy_desktop.core.layers import LAYERS, Layer

RECENT_DAYS = 7


@dataclass(frozen=True)
class Mark:
    """One prompt's history in one profile."""

    prompt_id: str
    seen_round: int = 0  # the round of its deck in which it was last answered or skipped; 0: never
    favourite: bool = False
    hidden: bool = False  # "not for us"
    used_at: dt.datetime | None = None  # when it was last answered (not skipped)
    depth: Depth | None = None
    layer: Layer | None = None


def deck_id(layer: Layer, depth: Depth) -> str:
    return f"{layer.value}-{depth.value}"


def round_order(prompts: Iterable[Prompt], round_no: int) -> list[Prompt]:
    """The deck's prompts in this round's order: shuffled, the same every time for the same round."""
    return sorted(prompts, key=lambda p: hashlib.sha256(f"{round_no}:{p.id}".encode()).digest())


def queue(prompts: Iterable[Prompt], marks: Mapping[str, Mark], round_no: int) -> tuple[list[Prompt], int]:
    """What is left to offer in the deck, in order, and the round it belongs to. When the current round has nothing
    left, the next round starts with every prompt that is not hidden."""
    shown = [p for p in prompts if not _mark(marks, p).hidden]
    left = [p for p in shown if _mark(marks, p).seen_round < round_no]
    if not left and shown:
        round_no += 1
        left = shown
    return round_order(left, round_no), round_no


def next_depth(last: Depth | None, *, deepest_allowed: bool = True) -> Depth:
    """One step beyond the last depth used; light the first time; the deepest only where it is allowed."""
    if last is None:
        return Depth.LIGHT
    step = DEPTHS[min(last.rank + 1, len(DEPTHS) - 1)]
    if step is Depth.DEEPEST and not deepest_allowed:
        return Depth.DEEPER
    return step


@dataclass(frozen=True)
class Suggestion:
    prompt: Prompt
    # Why this one, as a code the GUI words: "unvisited" (nothing in this layer this week), "least" (the least this
    # week), "new" (never yet). ``visits`` is how many times the layer came up this week.
    reason: str
    visits: int


def suggest(
    decks: Mapping[tuple[Layer, Depth], list[Prompt]],
    marks: Mapping[str, Mark],
    rounds: Mapping[str, int],
    layer_visits: Mapping[Layer, list[dt.datetime]],
    now: dt.datetime,
    *,
    deepest_allowed: Mapping[Layer, bool] | None = None,
) -> Suggestion | None:
    """Today's one prompt. ``layer_visits``: when each layer came up (prompts used, journal entries about it)."""
    since = now - dt.timedelta(days=RECENT_DAYS)
    recent = {layer: [t for t in layer_visits.get(layer, []) if t >= since] for layer in LAYERS}
    last_seen = {layer: max(layer_visits.get(layer, []), default=None) for layer in LAYERS}
    order = sorted(
        LAYERS, key=lambda layer: (len(recent[layer]), last_seen[layer] or dt.datetime.min, LAYERS.index(layer))
    )
    for layer in order:
        allowed = (deepest_allowed or {}).get(layer, layer is not Layer.PHYSICAL)
        depth = next_depth(_last_depth(marks, layer), deepest_allowed=allowed)
        for candidate in (depth, *reversed(DEPTHS[: depth.rank])):  # that depth, or shallower if it is used up
            deck = decks.get((layer, candidate), [])
            left, _ = queue(deck, marks, rounds.get(deck_id(layer, candidate), 1))
            if left:
                reason = "new" if last_seen[layer] is None else "unvisited" if not recent[layer] else "least"
                return Suggestion(left[0], reason, len(recent[layer]))
    return None


def _last_depth(marks: Mapping[str, Mark], layer: Layer) -> Depth | None:
    used = [m for m in marks.values() if m.layer == layer and m.used_at is not None and m.depth is not None]
    return max(used, key=lambda m: m.used_at or dt.datetime.min).depth if used else None


def _mark(marks: Mapping[str, Mark], prompt: Prompt) -> Mark:
    return marks.get(prompt.id) or Mark(prompt.id)
