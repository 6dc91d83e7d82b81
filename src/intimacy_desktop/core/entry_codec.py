"""Entries as plain, JSON-ready dicts: the one codec that the CLI's ``--json``, drafts, export and import share.

The keys are a public format (scripts read the CLI's JSON, and exports are kept for years), so they never change
meaning: ``title``, ``body``, ``date`` (YYYY-MM-DD), ``mood`` (1-5 or null), ``layer``, ``kind``, ``tags`` (a list),
``shared``; a stored entry adds ``id``, ``created`` and ``updated`` (ISO 8601), a list row ``snippet``.

``fields_from_dict`` reads data that may come from anywhere (an import file may be hostile): it checks every type
before building anything, refuses with ``EntryDataInvalid`` naming the field, and leaves the limits on lengths and
values to ``EntryFields`` itself, so there is one set of rules. Unknown keys are ignored (a newer version's export
still imports), and so are ``id``, ``created`` and ``updated``: what is read is what a person wrote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, TypeVar

from intimacy_desktop.core.errors import EntryDataInvalid
from intimacy_desktop.core.journal import Entry, EntryFields, EntrySummary, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.snippets import unmark

__all__ = ["TAGS_MAX", "entry_to_dict", "fields_from_dict", "fields_to_dict", "summary_to_dict"]

# More tags than any person gives one entry, few enough that a hostile file cannot make one entry huge.
TAGS_MAX = 1000
_DATE_LEN = len("2026-11-01")
_LEGACY_DATE_KEY = "entry_date"  # drafts saved by version 0.1.0 used this key for the date
_E = TypeVar("_E", Layer, Kind)


def fields_to_dict(f: EntryFields) -> dict[str, Any]:
    return {
        "title": f.title,
        "body": f.body,
        "date": f.entry_date.isoformat(),
        "mood": f.mood,
        "layer": f.layer.value,
        "kind": f.kind.value,
        "tags": list(f.tags),
        "shared": f.shared,
    }


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        **fields_to_dict(entry.fields),
        "created": entry.created_at.isoformat(),
        "updated": entry.updated_at.isoformat(),
    }


def summary_to_dict(row: EntrySummary) -> dict[str, Any]:
    """One row of a list or a search, as plain text (search highlights removed)."""
    return {
        "id": row.id,
        "title": unmark(row.title),
        "date": row.entry_date.isoformat(),
        "mood": row.mood,
        "layer": row.layer.value,
        "kind": row.kind.value,
        "snippet": unmark(row.snippet),
    }


def fields_from_dict(data: object) -> EntryFields:
    """What ``fields_to_dict`` wrote, checked. ``title`` and ``date`` are required; the rest default as in a form.

    Raises ``EntryDataInvalid`` (a field of the wrong type or form, or missing) or the ``UsageError`` of
    ``EntryFields`` (a value out of its limits); never anything else, whatever ``data`` is.
    """
    if not isinstance(data, Mapping):
        raise EntryDataInvalid()
    date_key = "date" if "date" in data or _LEGACY_DATE_KEY not in data else _LEGACY_DATE_KEY
    return EntryFields(
        title=_text(data, "title", required=True),
        body=_text(data, "body"),
        entry_date=_date(data, date_key),
        mood=_mood(data),
        layer=_choice(data, "layer", Layer, Layer.NONE),
        kind=_choice(data, "kind", Kind, Kind.ENTRY),
        tags=_tags(data),
        shared=_flag(data, "shared"),
    )


def _invalid(key: str) -> EntryDataInvalid:
    return EntryDataInvalid("entry_field_invalid", field=key)


def _text(data: Mapping[Any, Any], key: str, *, required: bool = False) -> str:
    if key not in data and not required:
        return ""
    value = data.get(key)
    if not isinstance(value, str):
        raise _invalid(key)
    return value


def _date(data: Mapping[Any, Any], key: str) -> dt.date:
    value = data.get(key)
    if not isinstance(value, str) or len(value) != _DATE_LEN:
        raise _invalid("date")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise _invalid("date") from exc


def _mood(data: Mapping[Any, Any]) -> int | None:
    value = data.get("mood")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):  # True is an int to Python, not a mood
        raise _invalid("mood")
    return value


def _choice(data: Mapping[Any, Any], key: str, enum: type[_E], default: _E) -> _E:
    if key not in data:
        return default
    value = data[key]
    if not isinstance(value, str):
        raise _invalid(key)
    try:
        return enum(value)
    except ValueError as exc:
        raise _invalid(key) from exc


def _tags(data: Mapping[Any, Any]) -> tuple[str, ...]:
    value = data.get("tags", [])
    if not isinstance(value, list | tuple) or len(value) > TAGS_MAX or not all(isinstance(t, str) for t in value):
        raise _invalid("tags")
    return tuple(value)


def _flag(data: Mapping[Any, Any], key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise _invalid(key)
    return value
