"""Journal use cases for one unlocked profile. No Qt and no SQL here: the GUI and the CLI both call this."""

from __future__ import annotations

import datetime as dt
from typing import Any

from intimacy_desktop.core.journal import Entry, EntryFields, EntryFilter, EntrySummary, Kind, Layer
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.journal_repo import JournalRepository

__all__ = ["Draft", "JournalService"]

Draft = tuple[int | None, EntryFields, dt.datetime]


class JournalService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, fields: EntryFields) -> Entry:
        with self._db.session() as s:
            repo = JournalRepository(s)
            entry = repo.add(fields)
            repo.drop_draft(None)
            return entry

    def update(self, entry_id: int, fields: EntryFields) -> Entry:
        with self._db.session() as s:
            repo = JournalRepository(s)
            entry = repo.update(entry_id, fields)
            repo.drop_draft(entry_id)
            return entry

    def get(self, entry_id: int) -> Entry:
        with self._db.session() as s:
            return JournalRepository(s).get(entry_id)

    def trash(self, entry_id: int) -> None:
        with self._db.session() as s:
            JournalRepository(s).trash(entry_id)

    def restore(self, entry_id: int) -> None:
        with self._db.session() as s:
            JournalRepository(s).restore(entry_id)

    def purge(self, entry_id: int) -> None:
        with self._db.session() as s:
            JournalRepository(s).purge(entry_id)

    def summaries(
        self, flt: EntryFilter | None = None, offset: int = 0, limit: int = 200, *, trash: bool = False
    ) -> list[EntrySummary]:
        with self._db.session() as s:
            return JournalRepository(s).summaries(flt or EntryFilter(), offset, limit, trash=trash)

    def count(self, flt: EntryFilter | None = None, *, trash: bool = False) -> int:
        with self._db.session() as s:
            return JournalRepository(s).count(flt or EntryFilter(), trash=trash)

    def day_moods(self, first: dt.date, last: dt.date) -> dict[dt.date, tuple[float | None, int]]:
        with self._db.session() as s:
            return JournalRepository(s).day_moods(first, last)

    def tags(self) -> list[str]:
        with self._db.session() as s:
            return JournalRepository(s).tags_in_use()

    # Drafts: what is being typed, saved every few seconds into the encrypted database, never to a temp file.
    def save_draft(self, entry_id: int | None, fields: EntryFields) -> None:
        with self._db.session() as s:
            JournalRepository(s).save_draft(entry_id, _fields_to_json(fields))

    def discard_draft(self, entry_id: int | None) -> None:
        with self._db.session() as s:
            JournalRepository(s).drop_draft(entry_id)

    def drafts(self) -> list[Draft]:
        with self._db.session() as s:
            rows = JournalRepository(s).drafts()
        return [(entry_id, _fields_from_json(data), saved) for entry_id, data, saved in rows]


def _fields_to_json(f: EntryFields) -> dict[str, Any]:
    return {
        "title": f.title,
        "body": f.body,
        "entry_date": f.entry_date.isoformat(),
        "mood": f.mood,
        "layer": f.layer.value,
        "kind": f.kind.value,
        "tags": list(f.tags),
        "shared": f.shared,
    }


def _fields_from_json(d: dict[str, Any]) -> EntryFields:
    return EntryFields(
        title=str(d.get("title", "")),
        body=str(d.get("body", "")),
        entry_date=dt.date.fromisoformat(d.get("entry_date") or dt.date.today().isoformat()),
        mood=d.get("mood"),
        layer=Layer(d.get("layer", "none")),
        kind=Kind(d.get("kind", "entry")),
        tags=tuple(d.get("tags", ())),
        shared=bool(d.get("shared", False)),
    )
