"""What a member shares into the space besides journal entries: a conversation, a mutual reveal's answers side by
side, an exercise run. Each becomes one readable entry in the space, composed here from words the GUI already
shows, so the preview and what the partner reads are the same text, character for character.

A card names its origin (kind and id in the member's vault): sharing twice is one copy, and "take back" finds it.
What stays private is never composed in: a conversation's note is an entry of its own (share it from the journal),
and a run's reflections are only included when the person ticks them in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from intimacy_desktop.core.journal import EntryFields, Kind
from intimacy_desktop.core.layers import Layer


class CardKind(StrEnum):
    ENTRY = "entry"  # a journal entry (household.SharedSpace.share)
    CONVERSATION = "conversation"
    REVEAL = "reveal"
    RUN = "run"


@dataclass(frozen=True)
class ShareCard:
    kind: CardKind
    origin_id: int
    fields: EntryFields


@dataclass(frozen=True)
class RevealRow:
    question: str
    first: str  # Partner A's answer, in words
    second: str
    same: bool


def reveal_origin(reveal_id: str) -> int:
    """A reveal is named by a random hex id; its first 15 digits (60 bits) fit the origin's integer column."""
    return int(reveal_id[:15], 16)


def conversation_card(session_id: int, day: dt.date, *, minutes: int, planned_minutes: int, completed: bool,
                      cards: Sequence[str], felt: str | None, layer: Layer | None) -> ShareCard:
    lines = [f"We talked for {minutes} of {planned_minutes} planned minutes, device-free"
             + ("." if completed else ", and stopped when it felt right.")]
    if cards:
        lines += ["", "The cards we used:"] + [f"- {c}" for c in cards]
    if felt:
        lines += ["", f"How it felt: {felt}."]
    return ShareCard(CardKind.CONVERSATION, session_id, EntryFields(
        title=f"Our device-free talk, {minutes} minutes", body="\n".join(lines), entry_date=day,
        layer=layer or Layer.NONE, kind=Kind.REFLECTION, tags=("conversation",)))


def reveal_card(reveal_id: str, day: dt.date, *, assessment: str, first_name: str, second_name: str,
                rows: Sequence[RevealRow], start_with: str | None, layer: Layer | None = None) -> ShareCard:
    same = sum(1 for r in rows if r.same)
    lines = [f"{first_name} and {second_name} answered “{assessment}” together: the same on {same} of "
             f"{len(rows)}."]
    if start_with:
        lines += ["", f"Where to start talking: {start_with}"]
    lines.append("")
    for r in rows:
        mark = "same" if r.same else "different"
        lines.append(f"- {r.question} — {first_name}: {r.first}; {second_name}: {r.second} ({mark})")
    return ShareCard(CardKind.REVEAL, reveal_origin(reveal_id), EntryFields(
        title=f"Side by side: {assessment}", body="\n".join(lines), entry_date=day,
        layer=layer or Layer.NONE, kind=Kind.REFLECTION, tags=("reveal",)))


def run_card(run_id: int, day: dt.date, *, exercise: str, layer: Layer, choices: Sequence[tuple[str, str]],
             ratings: Sequence[tuple[str, int]], reflections: Sequence[tuple[str, str]] = ()) -> ShareCard:
    """``choices``: (step, option taken); ``ratings``: (step, 1..5); ``reflections``: (step, what was written),
    only those the person chose to include."""
    lines = [f"We did “{exercise}”."]
    if choices:
        lines += ["", "Our choices:"] + [f"- {step} — {option}" for step, option in choices]
    if ratings:
        lines += ["", "Our ratings:"] + [f"- {step}: {value} of 5" for step, value in ratings]
    for step, text in reflections:
        if text.strip():
            lines += ["", f"{step}", text.strip()]
    return ShareCard(CardKind.RUN, run_id, EntryFields(
        title=f"Exercise: {exercise}", body="\n".join(lines), entry_date=day, layer=layer, kind=Kind.REFLECTION,
        tags=("exercise",)))
