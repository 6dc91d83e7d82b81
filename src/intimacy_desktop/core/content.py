"""The authored content as plain data (DESIGN.md §6): layers with their figures, prompts, the glossary.

Pure dataclasses, built from the TOML files by core/content_loader.py. Every item has a stable ``id``: history,
favourites and results refer to it across versions and languages, so an id is never reused for something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from intimacy_desktop.core.layers import Layer


class Depth(StrEnum):
    """Escalating reciprocal self-disclosure (Aron et al. 1997): each step asks a little more trust."""

    LIGHT = "light"
    DEEPER = "deeper"
    DEEPEST = "deepest"

    @property
    def rank(self) -> int:
        return DEPTHS.index(self)


DEPTHS: tuple[Depth, ...] = (Depth.LIGHT, Depth.DEEPER, Depth.DEEPEST)


class Mode(StrEnum):
    TOGETHER = "together"  # a conversation for the two of you
    SOLO = "solo"  # a reflection for one, perhaps written in the journal


TAGS: frozenset[str] = frozenset(
    """playful repair after-a-fight long-distance new-relationship long-term parents hard-times gratitude memories
    future everyday consent boundaries money family values curiosity rituals devices body desire""".split()
)


@dataclass(frozen=True)
class Prompt:
    id: str
    layer: Layer
    depth: Depth
    mode: Mode
    text: str
    follow_up: str = ""
    tags: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Figure:
    """A number the article gives, in our words, with where it comes from."""

    id: str
    value: str
    text: str
    source: str
    note: str = ""  # e.g. that the article presents it as its own analysis, not a published study


@dataclass(frozen=True)
class FigureTable:
    id: str
    layer: Layer
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source: str
    note: str = ""

    @property
    def row_ids(self) -> tuple[str, ...]:
        """Each row named by its first cell, as other content refers to it ("Streaming or TV together" is
        ``streaming-or-tv-together``)."""
        return tuple("-".join(re.findall(r"[a-z0-9]+", row[0].lower())) for row in self.rows)


@dataclass(frozen=True)
class LayerText:
    id: Layer
    name: str
    summary: str
    definition: str
    key_terms: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    layers: tuple[Layer, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class ContentProblem:
    """What was wrong with one file or item: names the file, the item's id (or position) and the field, never the
    content's text (problems are logged)."""

    file: str
    item: str
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.item}" + (f", {self.field}" if self.field else "")
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Content:
    layers: dict[Layer, LayerText] = field(default_factory=dict)
    tables: tuple[FigureTable, ...] = ()
    prompts: tuple[Prompt, ...] = ()
    glossary: dict[str, Term] = field(default_factory=dict)
    problems: tuple[ContentProblem, ...] = ()

    def prompts_for(self, layer: Layer, depth: Depth | None = None) -> list[Prompt]:
        return [p for p in self.prompts if p.layer == layer and (depth is None or p.depth == depth)]

    def prompt(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts if p.id == prompt_id), None)
