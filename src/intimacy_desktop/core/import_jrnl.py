"""jrnl's JSON export (``jrnl --export json``, jrnl/plugins/json_exporter.py)::

    {"tags": {"@work": 3},
     "entries": [{"title": "Called in sick.", "body": "Used the time to …", "date": "2020-01-01", "time": "09:00",
                  "tags": ["@work"], "starred": false}]}

Newer versions add ``uuid`` and ``creator`` for entries from a Day One backend; they are ignored, as is the
top-level tag count (it is recomputed from the entries). jrnl keeps its tag mark (``@`` or ``#``) in each tag; ours
are bare words, so the mark is dropped. jrnl's ``date`` and ``time`` are wall-clock values without a zone, so
``created_at`` stays unknown rather than being guessed from this computer's zone. A title longer than ours keeps its
start as the title and opens the body with the whole of it.
"""

from __future__ import annotations

import datetime as dt

from intimacy_desktop.core import interchange as ix
from intimacy_desktop.core.errors import ImportRefused
from intimacy_desktop.core.interchange import ImportBatch, IncomingEntry

FORMAT = "jrnl"
_DATE_LEN = len("2020-01-01")


def parse_jrnl(data: bytes) -> ImportBatch:
    """A jrnl JSON export as a batch, or ``ImportRefused``; never anything else."""
    entries: list[IncomingEntry] = []
    skipped = 0
    for index, raw in enumerate(ix.entries_list(ix.load_json(data)), start=1):
        entry = _entry(raw, index)
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    return ix.batch(FORMAT, entries, skipped)


def _entry(raw: object, index: int) -> IncomingEntry | None:
    where = f"entries[{index - 1}]"
    if not isinstance(raw, dict):
        raise ImportRefused("import_wrong_shape", field=where)
    title = ix.field_of(raw, "title", str, "", where)
    body = ix.field_of(raw, "body", str, "", where)
    tags = ix.field_of(raw, "tags", list, [], where)
    starred = ix.field_of(raw, "starred", bool, False, where)
    ix.field_of(raw, "time", str, "", where)  # checked for its type; without a zone it names no moment
    if not all(isinstance(tag, str) for tag in tags):
        located = where + ".tags"
        raise ImportRefused("import_wrong_shape", field=located)
    entry_date = _date(raw.get("date"), where)
    if ix.is_empty(title, body):
        return None
    title, body = ix.fit_title(title.strip(), body)
    fields = ix.make_fields(
        where, title=title, body=body, entry_date=entry_date,
        tags=ix.prepare_tags(tags, where + ".tags", starred=starred, marks="@#"),
    )
    return IncomingEntry(fields, None, f"jrnl:#{index}")


def _date(value: object, where: str) -> dt.date:
    located = where + ".date"
    if not isinstance(value, str):
        raise ImportRefused("import_wrong_shape", field=located)
    try:
        if len(value) != _DATE_LEN:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ImportRefused("import_bad_date", field=located, value=ix.shown(value)) from exc
