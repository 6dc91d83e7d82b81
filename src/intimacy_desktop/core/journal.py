"""The journal's domain: what an entry is, what may be filtered on, and how a search query is made safe."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.layers import Layer

TITLE_MAX = 300
BODY_MAX = 1_000_000
TAG_MAX = 60


class Kind(StrEnum):
    ENTRY = "entry"
    HIGH = "high"
    LOW = "low"
    REFLECTION = "reflection"
    GRATITUDE = "gratitude"  # the evening's one thing appreciated about the partner (Today)


# Emotional weather: 1 stormy, 2 rainy, 3 cloudy, 4 sunny spells, 5 sunny (names are translated in the GUI).
MOODS = range(1, 6)


@dataclass(frozen=True)
class EntryFields:
    """What a person writes; validated on construction so every front end gets the same rules."""

    title: str
    body: str = ""
    entry_date: dt.date = field(default_factory=dt.date.today)
    mood: int | None = None
    layer: Layer = Layer.NONE
    kind: Kind = Kind.ENTRY
    tags: tuple[str, ...] = ()
    shared: bool = False

    def __post_init__(self) -> None:
        if len(self.title) > TITLE_MAX:
            raise UsageError("title_too_long", max=TITLE_MAX)
        if len(self.body) > BODY_MAX:
            raise UsageError("entry_too_long")
        if self.mood is not None and self.mood not in MOODS:
            raise UsageError("mood_out_of_range", low=MOODS.start, high=MOODS.stop - 1)
        object.__setattr__(self, "layer", Layer(self.layer))
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "tags", normalise_tags(self.tags))


@dataclass(frozen=True)
class Entry:
    id: int
    fields: EntryFields
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """One row of the entry list: enough to draw it, nothing more, so 10,000 rows stay cheap."""

    id: int
    title: str
    entry_date: dt.date
    mood: int | None
    layer: Layer
    kind: Kind
    snippet: str = ""


@dataclass(frozen=True)
class EntryFilter:
    text: str = ""
    tag: str | None = None
    mood: int | None = None
    layer: Layer | None = None
    kind: Kind | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def is_empty(self) -> bool:
        return self == EntryFilter()


_TAG_SPACE = re.compile(r"\s+")


def normalise_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Lower-case, trimmed, '#'-free, unique tags in first-seen order."""
    seen: dict[str, None] = {}
    for raw in tags:
        tag = _TAG_SPACE.sub(" ", raw.strip().lstrip("#").strip()).lower()
        if not tag:
            continue
        if len(tag) > TAG_MAX:
            raise UsageError("tag_too_long", max=TAG_MAX)
        seen.setdefault(tag, None)
    return tuple(seen)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as typed in one field: separated by commas."""
    return normalise_tags(text.split(","))


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word must appear, the last one as a prefix.

    FTS5 has its own query syntax (quotes, NEAR, column filters); passing raw input would turn an innocent
    apostrophe into a syntax error, so only word characters survive and each is quoted.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)
