"""What every importer produces, the limits they all keep, and the small rules they share.

An importer (``import_dayone``, ``import_jrnl``, ``import_markdown``) reads bytes that may come from anywhere and
turns them into an ``ImportBatch`` of ``IncomingEntry`` values, or refuses the whole file with ``ImportRefused`` and
a precise code. It never raises anything else, and never returns an entry that ``EntryFields`` would refuse, so the
service can save a batch in one transaction or show why nothing was imported. Everything happens in memory: core
reads and writes no file.

Other journals star entries; ours has no star, so a starred entry is given the tag "starred" (and an entry with
that tag is exported as starred), which keeps the mark searchable and lets it travel back.

Duplicates are found by content, not by id: ``fingerprint`` hashes the date, title and body (line endings and
trailing spaces evened out), so the same file imported twice, or an entry already in the journal, is recognised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from intimacy_desktop.core.entry_codec import TAGS_MAX
from intimacy_desktop.core.errors import ImportRefused, UsageError
from intimacy_desktop.core.input_rules import visible
from intimacy_desktop.core.journal import TAG_MAX, TITLE_MAX, EntryFields, Kind
from intimacy_desktop.core.layers import Layer

MIB = 1024 * 1024
MAX_FILE_BYTES = 256 * MIB  # one file offered for import
MAX_ENTRIES = 100_000  # entries in one import: far beyond a lifetime's journal, small enough to stay responsive
# Zip archives (Day One's export): read in memory, never unpacked to disk.
MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 512 * MIB  # all members together, as declared and as actually read
MAX_RATIO = 200  # uncompressed / compressed above this is a bomb (JSON text compresses 5-20 times)
MAX_MEMBER_BYTES = 256 * MIB
# Markdown folders.
MAX_FILES = 50_000
MAX_TEXT_FILE_BYTES = 5 * MIB  # one note; our body limit is 1,000,000 characters
MAX_DEPTH = 8  # folders below the chosen one

STARRED_TAG = "starred"
SHORT_TITLE = 80  # a title made from a first line too long to be one
_HEADING = re.compile(r"#{1,6}[ \t]+")
_SPACE = re.compile(r"\s+")
_T = TypeVar("_T")


@dataclass(frozen=True)
class IncomingEntry:
    """One entry read from a file. ``source`` says where it was (``"dayone:<uuid>"``, ``"jrnl:#12"``,
    ``"md:notes/2024-01-02.md"``) and never quotes its content, so it may be logged and shown."""

    fields: EntryFields
    created_at: dt.datetime | None  # timezone-aware UTC, or None when the file does not say (or has no zone)
    source: str


@dataclass(frozen=True)
class ImportBatch:
    format: str  # "dayone", "jrnl" or "markdown"
    entries: tuple[IncomingEntry, ...]
    empty_skipped: int  # entries without a title or any text, left out (Day One's photo-only entries)

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """The first and last entry dates, for the summary shown before anything is saved."""
        if not self.entries:
            return None
        dates = [e.fields.entry_date for e in self.entries]
        return min(dates), max(dates)


def fingerprint(fields: EntryFields) -> str:
    """The content identity of an entry: sha256 hex of its date, title and body.

    Line endings become ``\\n`` and trailing whitespace (of each line and of the whole) is dropped, because editors
    and other apps change those silently; anything else that differs makes a different entry.
    """
    body = "\n".join(line.rstrip() for line in _newlines(fields.body).split("\n")).rstrip()
    key = json.dumps([fields.entry_date.isoformat(), _newlines(fields.title).strip(), body], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def split_duplicates(
    entries: Iterable[IncomingEntry], known: Collection[str] = ()
) -> tuple[tuple[IncomingEntry, ...], int]:
    """The entries whose fingerprint is neither in ``known`` (the journal's) nor seen earlier in ``entries``,
    and how many were left out."""
    seen = set(known)
    kept: list[IncomingEntry] = []
    dropped = 0
    for entry in entries:
        mark = fingerprint(entry.fields)
        if mark in seen:
            dropped += 1
            continue
        seen.add(mark)
        kept.append(entry)
    return tuple(kept), dropped


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _same(text: str) -> str:
    return text


def shorten(text: str, limit: int = SHORT_TITLE) -> str:
    """``text`` cut to about ``limit`` characters at a word boundary, with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def title_and_body(text: str, *, clean: Callable[[str], str] = _same) -> tuple[str, str]:
    """A note written as plain text: its first non-empty line is the title, the rest the body.

    A leading Markdown heading marker (``# ``) is not part of the title, and blank lines between the title and
    the body are dropped. A first line too long to be a title (a note that starts with a paragraph) gives a short
    title cut from it, and the body keeps the whole text, so nothing is lost. ``clean`` turns the file's own
    notation into text (Day One's escapes); it is applied after the heading marker is recognised, so an escaped
    ``\\#`` stays text.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return "", ""
    first = lines[start].strip()
    heading = _HEADING.match(first)
    if heading:
        first = first[heading.end() :]
    title = clean(first).strip()
    rest = start + 1
    while rest < len(lines) and not lines[rest].strip():
        rest += 1
    if len(title) > TITLE_MAX:
        return shorten(title), clean("\n".join(lines[start:]))
    return title, clean("\n".join(lines[rest:]))


def fit_title(title: str, body: str) -> tuple[str, str]:
    """A title given as a field but too long for one: a short title, and the whole title opens the body."""
    if len(title) <= TITLE_MAX:
        return title, body
    return shorten(title), title + ("\n\n" + body if body else "")


def clean_text(text: str) -> str:
    """Text a file gave us, made safe to store: a lone surrogate (from a JSON escape such as ``\\ud800``) becomes
    U+FFFD and NUL characters are dropped. Everything else is kept as written."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.replace("\x00", "")


def prepare_tags(raw: Sequence[str], where: str, *, starred: bool = False, marks: str = "#") -> tuple[str, ...]:
    """Tags from another app: trimmed, without a leading tag mark (``#``; jrnl also uses ``@``), lower-case, each
    cut to our tag length rather than refusing the file, plus ``starred`` when the entry had a star."""
    tags: list[str] = []
    for tag in raw:
        tag = _SPACE.sub(" ", clean_text(tag)).strip().lstrip(marks).strip().lower()
        if tag:  # "a, , b" written by hand: the empty one is no tag
            tags.append(tag[:TAG_MAX].rstrip())
    if len(tags) > TAGS_MAX:
        raise ImportRefused("import_field_too_large", field=where)
    if starred:
        tags.append(STARRED_TAG)
    return tuple(tags)


def make_fields(
    where: str,
    *,
    title: str,
    body: str,
    entry_date: dt.date,
    tags: tuple[str, ...] = (),
    mood: int | None = None,
    layer: Layer = Layer.NONE,
    kind: Kind = Kind.ENTRY,
    shared: bool = False,
) -> EntryFields:
    """``EntryFields`` for an imported entry; a value beyond our limits refuses the file, naming where it was."""
    try:
        return EntryFields(
            title=clean_text(title), body=clean_text(body), entry_date=entry_date, mood=mood, layer=layer,
            kind=kind, tags=tags, shared=shared,
        )
    except UsageError as exc:
        part = {"title_too_long": "title", "entry_too_long": "body", "tag_too_long": "tags"}.get(exc.code, "")
        located = f"{where}.{part}" if part else where
        raise ImportRefused("import_field_too_large", field=located) from exc


def shown(value: object, limit: int = 60) -> str:
    """A value from a hostile file, fit to quote in a message: short, on one line, hidden characters escaped."""
    text = value if isinstance(value, str) else type(value).__name__
    return visible(text[:limit] + ("…" if len(text) > limit else ""))


def decode_utf8(data: bytes, name: str | None = None) -> str:
    """UTF-8 text (a byte-order mark allowed). UTF-16 or UTF-32 without a byte-order mark is refused too: its
    first characters hold NUL bytes, which are valid UTF-8 but no text starts with, so the message is the right one
    instead of a puzzling one later."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = "\x00"
    if "\x00" in text[:2]:
        if name is None:
            raise ImportRefused("import_json_not_utf8")
        raise ImportRefused("import_not_utf8", name=shown(name))
    return text


def load_json(data: bytes, name: str | None = None) -> object:
    """Parse a JSON export, telling a cut-off file from one that is not JSON at all."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused("import_too_large", mib=MAX_FILE_BYTES // MIB)
    text = decode_utf8(data, name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise ImportRefused("import_truncated") from exc
        raise ImportRefused("import_not_json") from exc
    except (ValueError, RecursionError) as exc:  # a number of more than 4,300 digits; nesting beyond the stack
        raise ImportRefused("import_not_json") from exc


def entries_list(document: object) -> list[object]:
    """The ``entries`` array both JSON formats keep at their top, checked against ``MAX_ENTRIES``."""
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ImportRefused("import_wrong_shape", field="entries")
    if len(entries) > MAX_ENTRIES:
        raise ImportRefused("import_too_many_entries", max=MAX_ENTRIES)
    return entries


def field_of(raw: dict[Any, Any], key: str, kind: type[_T], default: _T, where: str) -> _T:
    """``raw[key]`` when it has the type ``kind``; ``default`` when it is missing or null; otherwise refused."""
    value = raw.get(key)
    if value is None:
        return default
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        located = f"{where}.{key}"
        raise ImportRefused("import_wrong_shape", field=located)
    return value


def is_empty(title: str, body: str) -> bool:
    return not clean_text(title).strip() and not clean_text(body).strip()


def batch(format_name: str, entries: Sequence[IncomingEntry], empty_skipped: int) -> ImportBatch:
    """The finished batch; a file with nothing to import is refused, so the caller never saves an empty import."""
    if len(entries) > MAX_ENTRIES:
        raise ImportRefused("import_too_many_entries", max=MAX_ENTRIES)
    if not entries:
        raise ImportRefused("import_empty")
    return ImportBatch(format_name, tuple(entries), empty_skipped)
