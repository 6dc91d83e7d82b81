"""A journal in Day One's JSON export shape, so that Day One (and the tools that read its exports) can take it in.

The document is what Day One writes (``metadata.version`` "1.0", ``entries`` with ``uuid``, ``creationDate``,
``modifiedDate``, ``timeZone``, ``text``, ``tags``, ``starred``), with one key of ours first: ``notice``, saying that
the file is not encrypted, since a JSON file travels without any folder notice beside it. Day One ignores keys
it does not know.

- ``uuid``: 32 upper-case hex digits, derived (uuid5) from the entry's id and creation time, so exporting again
  gives the same ids and Day One recognises entries it already has.
- ``creationDate``: UTC with ``Z``. Our entry date is the day the entry is about, which may differ from when it
  was written; Day One has only the one moment, so the export keeps the time of day of writing but moves it to the
  entry's date in ``tz_name``, and the importer reads that date back.
- ``text``: ``# Title``, a blank line and the body, with Markdown punctuation escaped as Day One does.
- ``starred``: true for an entry tagged "starred" (our journal has no star; the tag stays in ``tags`` too, so a
  round trip gives the same tags in the same order).

Mood, layer and kind have no place in Day One's format and are not exported there (the Markdown export keeps them).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from intimacy_desktop.core.export_markdown import heading_text
from intimacy_desktop.core.import_dayone import escape
from intimacy_desktop.core.interchange import STARRED_TAG
from intimacy_desktop.core.journal import Entry

NOTICE = (
    "Exported from Intimacy Desktop. This file is NOT encrypted: anyone who can open it can read every entry. "
    "Keep it somewhere private and delete it when it is no longer needed."
)
_NAMESPACE = uuid.UUID("5b0e7c8e-3f7a-4d8e-9a51-2c1f0e6d9b47")  # ours, fixed forever: the ids must stay stable
_NOON = dt.time(12, 0)


def dayone_document(entries: Iterable[Entry], *, tz_name: str) -> dict[str, Any]:
    """The export document, ready for ``json.dumps``; ``tz_name`` (an IANA zone, e.g. "Europe/Berlin") is where
    the entries were written. An unknown zone is written as UTC."""
    zone, zone_name = _zone(tz_name)
    return {
        "notice": NOTICE,
        "metadata": {"version": "1.0"},
        "entries": [_entry(entry, zone, zone_name) for entry in entries],
    }


def _entry(entry: Entry, zone: dt.tzinfo, zone_name: str) -> dict[str, Any]:
    f = entry.fields
    return {
        "uuid": entry_uuid(entry),
        "creationDate": _stamp(creation_moment(entry, zone)),
        "modifiedDate": _stamp(_utc(entry.updated_at)),
        "timeZone": zone_name,
        "text": entry_text(f.title, f.body),
        "tags": list(f.tags),
        "starred": STARRED_TAG in f.tags,
    }


def entry_uuid(entry: Entry) -> str:
    return uuid.uuid5(_NAMESPACE, f"{entry.id}:{_utc(entry.created_at).isoformat()}").hex.upper()


def entry_text(title: str, body: str) -> str:
    """Day One's text: the title as a heading, then the body, escaped. Without a title the body stands alone
    (Day One then shows its first line as the title)."""
    if not title.strip():
        return escape(body)
    heading = "# " + escape(heading_text(title))
    return f"{heading}\n\n{escape(body)}" if body else heading


def creation_moment(entry: Entry, zone: dt.tzinfo) -> dt.datetime:
    """The moment, in UTC, whose calendar date in ``zone`` is the entry's date: the time of day it was written,
    or noon when that time does not exist on that date (a daylight-saving gap at midnight)."""
    day = entry.fields.entry_date
    written = _utc(entry.created_at)
    try:
        local_time = written.astimezone(zone).time()
    except (OverflowError, ValueError):
        local_time = _NOON
    for moment_time in (local_time, _NOON):
        try:
            moment = dt.datetime.combine(day, moment_time, tzinfo=zone).astimezone(dt.UTC)
            if moment.astimezone(zone).date() == day:
                return moment
        except (OverflowError, ValueError):
            continue
    return dt.datetime.combine(day, _NOON, tzinfo=dt.UTC)


def _zone(name: str) -> tuple[dt.tzinfo, str]:
    try:
        return ZoneInfo(name), name
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return dt.UTC, "UTC"


def _utc(when: dt.datetime) -> dt.datetime:
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)


def _stamp(when: dt.datetime) -> str:
    return when.replace(tzinfo=None, microsecond=0).isoformat() + "Z"  # isoformat: four-digit years, always
