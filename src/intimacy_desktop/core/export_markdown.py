"""A journal as a folder of Markdown files: one file per entry, readable in any editor, and read back exactly.

Each file opens with front matter between ``---`` lines. Its first line says, in the file itself, that the file is
not encrypted: a folder copied away from its notice must still say so. The other keys are the entry's fields;
values that are free text (the title, the tags) are written as JSON strings, which YAML-reading tools (Obsidian,
Jekyll) also read, so no character in a title can break the file. Then comes the title as a heading and the body::

    ---
    encrypted: false  # exported from Intimacy Desktop; this file is NOT encrypted
    title: "Holiday by the sea"
    date: 2024-07-10
    ...
    ---
    # Holiday by the sea

    The beach was warm.

``import_markdown`` reads this back to the same title, body, date, mood, layer, kind, tags and shared flag.
File names are ASCII (``2024-07-10-holiday-by-the-sea.md``) so that every file system, archive tool and sync
service keeps them, and unique regardless of letter case, since some file systems ignore it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator

from intimacy_desktop.core.journal import Entry, EntryFields

NOTICE_NAME = "README-NOT-ENCRYPTED.txt"
ENCRYPTED_LINE = "encrypted: false  # exported from Intimacy Desktop; this file is NOT encrypted"
FENCE = "---"
SLUG_MAX = 60
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def notice_text() -> str:
    """The notice written first into the folder, before any entry."""
    return (
        "These files were exported from Intimacy Desktop.\n"
        "\n"
        "They are NOT encrypted. Anyone who can open this folder can read every entry in it.\n"
        "Keep the folder somewhere private, and delete it when you no longer need it.\n"
        "Your journal in Intimacy Desktop itself stays encrypted.\n"
    )


def markdown_files(entries: Iterable[Entry]) -> Iterator[tuple[str, str]]:
    """``(file name, text)`` for each entry, in the order given; the names are unique within one export."""
    names = FileNames()
    for entry in entries:
        yield names.name(entry.fields.entry_date, entry.fields.title), entry_text(entry)


class FileNames:
    """Safe file names for entries, none given twice (compared without case), in constant time per name: a
    journal of 10,000 entries called "Today" must not try 10,000 numbers for each."""

    def __init__(self) -> None:
        self._taken: set[str] = {NOTICE_NAME.lower()}
        self._next: dict[str, int] = {}

    def name(self, day: dt.date, title: str) -> str:
        stem = f"{day.isoformat()}-{slug(title)}"
        number = self._next.get(stem, 1)
        name = f"{stem}.md" if number == 1 else f"{stem}-{number}.md"
        while name.lower() in self._taken:  # only when another title's slug ended in "-<number>"
            number += 1
            name = f"{stem}-{number}.md"
        self._next[stem] = number + 1
        self._taken.add(name.lower())
        return name


def slug(title: str) -> str:
    """The title in lower-case ASCII letters and digits joined by hyphens, at most ``SLUG_MAX`` characters.

    Letters with accents keep their base letter (``Café`` is ``cafe``); other scripts leave nothing, and a title
    that leaves nothing is ``entry``. Hyphens and ASCII alone can never make ``..``, a separator or a name
    Windows reserves (``CON``, ``NUL``, ``COM1``), and the date before the slug keeps it so anyway.
    """
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    text = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(text) > SLUG_MAX:
        cut = text[:SLUG_MAX]
        text = cut.rsplit("-", 1)[0] if "-" in cut[SLUG_MAX // 2 :] else cut
        text = text.strip("-")
    if not text or text in _RESERVED:
        text = f"{text}-entry" if text else "entry"
    return text


def entry_text(entry: Entry) -> str:
    """One entry's file: front matter, the title as a heading, a blank line, the body, a final newline."""
    f = entry.fields
    lines = [FENCE, ENCRYPTED_LINE, *front_matter(f), f"created: {_moment(entry.created_at)}", FENCE]
    heading = [f"# {heading_text(f.title)}"] if f.title else []
    return "\n".join([*lines, *heading, "", f.body]) + "\n"


def front_matter(f: EntryFields) -> list[str]:
    return [
        f"title: {_quoted(f.title)}",
        f"date: {f.entry_date.isoformat()}",
        f"mood: {'null' if f.mood is None else f.mood}",
        f"layer: {f.layer.value}",
        f"kind: {f.kind.value}",
        f"tags: {json.dumps(list(f.tags), ensure_ascii=False)}",
        f"shared: {'true' if f.shared else 'false'}",
    ]


def heading_text(title: str) -> str:
    """The title as one heading line (a title can hold a line break; a heading cannot)."""
    return " ".join(title.replace("\r\n", "\n").split("\n")).strip()


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _moment(when: dt.datetime) -> str:
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.isoformat()
