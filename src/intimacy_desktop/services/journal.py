"""Journal use cases for one unlocked profile. No Qt and no SQL here: the GUI and the CLI both call this."""

from __future__ import annotations

import datetime as dt

from intimacy_desktop.core.changes import Changed, ChangeSink, ignore_changes
from intimacy_desktop.core.entry_codec import fields_from_dict, fields_to_dict
from intimacy_desktop.core.journal import Entry, EntryFields, EntryFilter, EntrySummary
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.journal_repo import JournalRepository

__all__ = ["Draft", "JournalService"]

Draft = tuple[int | None, EntryFields, dt.datetime]


class JournalService:
    def __init__(self, db: Database, notify: ChangeSink = ignore_changes) -> None:
        self._db = db
        self._notify = notify  # called after each commit with what it changed (core/changes.py)

    def add(self, fields: EntryFields) -> Entry:
        with self._db.session() as s:
            repo = JournalRepository(s)
            entry = repo.add(fields)
            repo.drop_draft(None)
        self._notify(Changed.ENTRIES | Changed.TAGS | Changed.DRAFTS)
        return entry

    def update(self, entry_id: int, fields: EntryFields) -> Entry:
        with self._db.session() as s:
            repo = JournalRepository(s)
            entry = repo.update(entry_id, fields)
            repo.drop_draft(entry_id)
        self._notify(Changed.ENTRIES | Changed.TAGS | Changed.DRAFTS)
        return entry

    def get(self, entry_id: int) -> Entry:
        with self._db.session() as s:
            return JournalRepository(s).get(entry_id)

    def trash(self, entry_id: int) -> None:
        with self._db.session() as s:
            JournalRepository(s).trash(entry_id)
        self._notify(Changed.ENTRIES | Changed.TAGS)

    def restore(self, entry_id: int) -> None:
        with self._db.session() as s:
            JournalRepository(s).restore(entry_id)
        self._notify(Changed.ENTRIES | Changed.TAGS)

    def purge(self, entry_id: int) -> None:
        with self._db.session() as s:
            JournalRepository(s).purge(entry_id)
        self._notify(Changed.ENTRIES | Changed.TAGS)

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
            JournalRepository(s).save_draft(entry_id, fields_to_dict(fields))
        self._notify(Changed.DRAFTS)

    def discard_draft(self, entry_id: int | None) -> None:
        with self._db.session() as s:
            JournalRepository(s).drop_draft(entry_id)
        self._notify(Changed.DRAFTS)

    def drafts(self) -> list[Draft]:
        with self._db.session() as s:
            rows = JournalRepository(s).drafts()
        return [(entry_id, fields_from_dict(data), saved) for entry_id, data, saved in rows]

