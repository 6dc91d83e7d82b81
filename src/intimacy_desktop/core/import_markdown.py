"""A folder of Markdown or text notes, one entry per file: ours (export_markdown) and anyone else's.

Each item is ``(relative POSIX path, bytes)`` of a ``.md``, ``.markdown`` or ``.txt`` file; the storage layer walks
the folder and reads the files, this module only judges them. Files must be UTF-8 (a byte-order mark is allowed):
guessing another encoding would turn a person's words into the wrong letters without saying so.

A file may open with front matter between ``---`` lines. Only flat ``key: value`` lines are read (no YAML library:
a journal import needs none of YAML's power, and a parser of our own cannot be made to run code or blow up):
``title``, ``date`` (YYYY-MM-DD, or an ISO date and time whose date is taken as written), ``tags`` (``[a, b]``,
``a, b`` or ``- a`` lines below the key), ``mood`` (1-5), ``layer``, ``kind``, ``shared`` and ``created``. A value
we do not know (a layer of another app) falls back to the default; other keys are ignored.

Without a title in front matter, the first line is the title (``interchange.title_and_body``). Without a date, a
leading YYYY-MM-DD (or YYYY_MM_DD, as jrnl names files) in the file name gives it, else ``fallback_dates`` (the
storage layer passes each file's modification date). Our own notice file (``README-NOT-ENCRYPTED.txt``) is skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import TypeVar

from intimacy_desktop.core import interchange as ix
from intimacy_desktop.core.errors import ImportRefused
from intimacy_desktop.core.export_markdown import FENCE, NOTICE_NAME, heading_text
from intimacy_desktop.core.interchange import ImportBatch, IncomingEntry
from intimacy_desktop.core.journal import MOODS, Kind
from intimacy_desktop.core.layers import Layer

FORMAT = "markdown"
SUFFIXES = (".md", ".markdown", ".txt")
FRONT_MATTER_LINES = 200  # a closing fence further down is not front matter but a rule in the text
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)\s*:(.*)")
_ITEM = re.compile(r"\s*-\s+(.*)")
_COMMENT = re.compile(r"[ \t]#")  # YAML: a comment starts at a "#" after a space (found in linear time)
_FILE_DATE = re.compile(r"(\d{4})[-_](\d{2})[-_](\d{2})(?!\d)")
_DRIVE = re.compile(r"[A-Za-z]:")
_NULLS = frozenset({"", "null", "~", "none"})
_DATE_LEN = len("2024-01-02")

Front = dict[str, str | list[str]]
E = TypeVar("E", Layer, Kind)


def parse_markdown(
    files: Sequence[tuple[str, bytes]], fallback_dates: Mapping[str, dt.date] | None = None
) -> ImportBatch:
    """The notes as a batch, or ``ImportRefused`` for the whole folder; never anything else."""
    if len(files) > ix.MAX_FILES:
        raise ImportRefused("import_too_many_files", max=ix.MAX_FILES)
    fallback = fallback_dates or {}
    total = 0
    entries: list[IncomingEntry] = []
    skipped = 0
    for path, data in files:
        _check_path(path)
        base = path.rsplit("/", 1)[-1]
        if not base.lower().endswith(SUFFIXES) or base == NOTICE_NAME:
            continue
        if len(data) > ix.MAX_TEXT_FILE_BYTES:
            raise ImportRefused("import_file_too_large", name=ix.shown(path), mib=ix.MAX_TEXT_FILE_BYTES // ix.MIB)
        total += len(data)
        if total > ix.MAX_UNCOMPRESSED:
            raise ImportRefused("import_too_large", mib=ix.MAX_UNCOMPRESSED // ix.MIB)
        entry = _entry(path, ix.decode_utf8(data, path), fallback.get(path))
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    return ix.batch(FORMAT, entries, skipped)


def _check_path(path: str) -> None:
    parts = path.split("/")
    if (
        not path
        or "\\" in path
        or path.startswith("/")
        or _DRIVE.match(path)
        or any(part in {"", ".", ".."} for part in parts)
        or any(ord(ch) < 0x20 for ch in path)
    ):
        raise ImportRefused("import_unsafe_path", name=ix.shown(path))
    if len(parts) - 1 > ix.MAX_DEPTH:
        raise ImportRefused("import_too_deep", name=ix.shown(path), max=ix.MAX_DEPTH)


def _entry(path: str, text: str, fallback: dt.date | None) -> IncomingEntry | None:
    text = ix.clean_text(text).replace("\r\n", "\n")
    front, content = split_front_matter(text)
    if front is not None and isinstance(front.get("title"), str):
        title = _scalar(front["title"])
        body = _body_after_heading(content, title)
    else:  # a note written elsewhere: its trailing blank lines are the editor's, not the person's
        title, body = ix.title_and_body(content)
        body = body.rstrip()
    if ix.is_empty(title, body):
        return None
    front = front or {}
    title, body = ix.fit_title(title, body)
    fields = ix.make_fields(
        path, title=title, body=body, entry_date=_date(path, front.get("date"), fallback),
        tags=ix.prepare_tags(_tags(front.get("tags")), path + ".tags"),
        mood=_mood(front.get("mood")), layer=_choice(front.get("layer"), Layer, Layer.NONE),
        kind=_choice(front.get("kind"), Kind, Kind.ENTRY), shared=_scalar(front.get("shared")).lower() == "true",
    )
    return IncomingEntry(fields, _created(front.get("created")), "md:" + path)


def split_front_matter(text: str) -> tuple[Front | None, str]:
    """The front matter's keys (lower-case) and the text after its closing fence; ``None`` without one."""
    if not text.startswith(FENCE + "\n"):
        return None, text
    lines = text.split("\n")
    end = next((i for i in range(1, min(len(lines), FRONT_MATTER_LINES)) if lines[i].rstrip() in {FENCE, "..."}),
               None)
    if end is None:
        return None, text
    front: Front = {}
    key: str | None = None
    for line in lines[1:end]:
        item = _ITEM.fullmatch(line)
        if item and key is not None and front.get(key) == "":
            front[key] = [_unquote(item[1])]
        elif item and key is not None and isinstance(front.get(key), list):
            value = front[key]
            assert isinstance(value, list)
            value.append(_unquote(item[1]))
        elif pair := _KEY.fullmatch(line):
            key = pair[1].lower()
            front[key] = pair[2].strip()
        else:
            key = None
    return front, "\n".join(lines[end + 1 :])


def _body_after_heading(content: str, title: str) -> str:
    """The body as ``export_markdown`` wrote it: after the title's heading and one blank line, without the final
    newline. A heading that is not the title (edited since) stays part of the body."""
    first, _, rest = content.partition("\n")
    if title and first.rstrip() == f"# {heading_text(title)}".rstrip():
        content = rest
    content = content.removeprefix("\n")
    return content.removesuffix("\n")


def _unquote(raw: str) -> str:
    """One scalar as YAML would read the simple cases: a JSON or single-quoted string, or plain text up to a
    comment."""
    value = raw.strip()
    if value.startswith('"'):
        try:
            parsed, end = json.JSONDecoder().raw_decode(value)
        except (ValueError, RecursionError):
            parsed, end = None, 0
        if isinstance(parsed, str) and not _uncomment(value[end:]):
            return parsed
        return value.strip('"')
    if value.startswith("'"):
        closing = re.match(r"'((?:[^']|'')*)'", value)
        return closing[1].replace("''", "'") if closing else value.strip("'")
    return _uncomment(value)


def _uncomment(value: str) -> str:
    if value.lstrip().startswith("#"):
        return ""
    comment = _COMMENT.search(value)
    return (value[: comment.start()] if comment else value).strip()


def _scalar(value: str | list[str] | None) -> str:
    return _unquote(value) if isinstance(value, str) else ""


def _tags(value: str | list[str] | None) -> list[str]:
    if isinstance(value, list):
        return value
    if value is None:
        return []
    value = value.strip()
    if value.startswith("["):
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):
            parsed = None
        if isinstance(parsed, list):
            return [tag for tag in parsed if isinstance(tag, str)]
        value = value.strip("[]")
    else:
        value = _uncomment(value)
    return [_unquote(tag) for tag in value.split(",")]


def _date(path: str, value: str | list[str] | None, fallback: dt.date | None) -> dt.date:
    text = _scalar(value)
    if text:
        where = path + ": date"
        try:
            if len(text) > 40:
                raise ValueError(text)
            return dt.datetime.fromisoformat(text).date() if len(text) > _DATE_LEN else dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ImportRefused("import_bad_date", field=where, value=ix.shown(text)) from exc
    named = _FILE_DATE.match(path.rsplit("/", 1)[-1])
    if named:
        try:
            return dt.date(int(named[1]), int(named[2]), int(named[3]))
        except ValueError:
            pass
    if fallback is None:
        raise ImportRefused("import_no_date", name=ix.shown(path))
    return fallback


def _mood(value: str | list[str] | None) -> int | None:
    text = _scalar(value)
    if text.lower() in _NULLS or not text.isdecimal() or len(text) > 1:
        return None
    mood = int(text)
    return mood if mood in MOODS else None


def _choice(value: str | list[str] | None, enum: type[E], default: E) -> E:
    try:
        return enum(_scalar(value).lower())
    except ValueError:
        return default


def _created(value: str | list[str] | None) -> dt.datetime | None:
    text = _scalar(value)
    try:
        when = dt.datetime.fromisoformat(text) if 0 < len(text) <= 40 else None
        return when.astimezone(dt.UTC) if when is not None and when.tzinfo is not None else None
    except (ValueError, OverflowError):
        return None
