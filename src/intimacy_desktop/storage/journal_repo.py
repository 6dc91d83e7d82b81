"""Journal persistence: entries, tags, the FTS5 index, the trash and drafts, inside one encrypted database."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Select, delete, func, select, text
from sqlalchemy.orm import Session

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import Entry, EntryFields, EntryFilter, EntrySummary, Kind, fts_query
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.snippets import highlight, snippet
from intimacy_desktop.storage.models import DraftRow, EntryRow, TagRow, entry_tags

# "+id" keeps SQLite from driving the query by the match list: it walks the live-entries date index instead and
# stops after one page, which is what makes a common word fast at 10,000 entries.
_MATCHING = "+entries.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :q)"


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class JournalRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # ---- entries -------------------------------------------------------------------------------------------
    def add(self, fields: EntryFields) -> Entry:
        now = _now()
        row = EntryRow(created_at=now, updated_at=now, deleted_at=None)
        self._apply(row, fields)
        self.s.add(row)
        self.s.flush()
        self._index(row)
        return _entry(row)

    def update(self, entry_id: int, fields: EntryFields) -> Entry:
        row = self._row(entry_id)
        self._apply(row, fields)
        row.updated_at = _now()
        self.s.flush()
        self._index(row)
        return _entry(row)

    def get(self, entry_id: int) -> Entry:
        return _entry(self._row(entry_id))

    def trash(self, entry_id: int) -> None:
        self._row(entry_id).deleted_at = _now()

    def restore(self, entry_id: int) -> None:
        self._row(entry_id).deleted_at = None

    def purge(self, entry_id: int) -> None:
        row = self._row(entry_id)
        self.s.execute(text("DELETE FROM entries_fts WHERE rowid = :id"), {"id": entry_id})
        self.s.delete(row)

    def _row(self, entry_id: int) -> EntryRow:
        row = self.s.get(EntryRow, entry_id)
        if row is None:
            raise UsageError("entry_not_found", id=entry_id)
        return row

    def _apply(self, row: EntryRow, fields: EntryFields) -> None:
        row.title = fields.title
        row.body = fields.body
        row.entry_date = fields.entry_date
        row.mood = fields.mood
        row.layer = fields.layer.value
        row.kind = fields.kind.value
        row.shared = fields.shared
        row.tags = [self._tag(name) for name in fields.tags]

    def _tag(self, name: str) -> TagRow:
        tag = self.s.scalar(select(TagRow).where(TagRow.name == name))
        if tag is None:
            tag = TagRow(name=name)
            self.s.add(tag)
        return tag

    def _index(self, row: EntryRow) -> None:
        self.s.execute(text("DELETE FROM entries_fts WHERE rowid = :id"), {"id": row.id})
        self.s.execute(
            text("INSERT INTO entries_fts (rowid, title, body, tags) VALUES (:id, :title, :body, :tags)"),
            {"id": row.id, "title": row.title, "body": row.body, "tags": " ".join(t.name for t in row.tags)},
        )

    # ---- lists and search ------------------------------------------------------------------------------------
    def summaries(self, flt: EntryFilter, offset: int = 0, limit: int = 200, *, trash: bool = False) -> list[
        EntrySummary
    ]:
        query = fts_query(flt.text)
        body = EntryRow.body if query else func.substr(EntryRow.body, 1, 240)
        stmt: Select[Any] = select(
            EntryRow.id, EntryRow.title, EntryRow.entry_date, EntryRow.mood, EntryRow.layer, EntryRow.kind, body
        )
        if query:
            stmt = stmt.where(text(_MATCHING).bindparams(q=query))
        stmt = self._filtered(stmt, flt, trash=trash)
        stmt = stmt.order_by(EntryRow.entry_date.desc(), EntryRow.id.desc()).offset(offset).limit(limit)
        return [
            EntrySummary(
                id=r[0],
                title=highlight(r[1], flt.text) if query else r[1],
                entry_date=r[2],
                mood=r[3],
                layer=Layer(r[4]),
                kind=Kind(r[5]),
                snippet=snippet(r[6], flt.text),  # no query: the first words
            )
            for r in self.s.execute(stmt)
        ]

    def count(self, flt: EntryFilter, *, trash: bool = False) -> int:
        query = fts_query(flt.text)
        stmt: Select[Any] = select(func.count()).select_from(EntryRow)
        if query:
            stmt = stmt.where(text(_MATCHING).bindparams(q=query))
        return int(self.s.scalar(self._filtered(stmt, flt, trash=trash)) or 0)

    def _filtered(self, stmt: Select[Any], flt: EntryFilter, *, trash: bool) -> Select[Any]:
        stmt = stmt.where(EntryRow.deleted_at.is_not(None) if trash else EntryRow.deleted_at.is_(None))
        if flt.tag:
            stmt = stmt.where(
                EntryRow.id.in_(
                    select(entry_tags.c.entry_id).join(TagRow, TagRow.id == entry_tags.c.tag_id).where(
                        TagRow.name == flt.tag.lower()
                    )
                )
            )
        if flt.mood is not None:
            stmt = stmt.where(EntryRow.mood == flt.mood)
        if flt.layer is not None:
            stmt = stmt.where(EntryRow.layer == flt.layer.value)
        if flt.kind is not None:
            stmt = stmt.where(EntryRow.kind == flt.kind.value)
        if flt.date_from is not None:
            stmt = stmt.where(EntryRow.entry_date >= flt.date_from)
        if flt.date_to is not None:
            stmt = stmt.where(EntryRow.entry_date <= flt.date_to)
        return stmt

    def day_moods(self, first: dt.date, last: dt.date) -> dict[dt.date, tuple[float | None, int]]:
        """Per day with entries: the average mood (None when no entry that day has one) and how many entries."""
        stmt = (
            select(EntryRow.entry_date, func.avg(EntryRow.mood), func.count())
            .where(EntryRow.deleted_at.is_(None), EntryRow.entry_date.between(first, last))
            .group_by(EntryRow.entry_date)
        )
        return {d: (float(m) if m is not None else None, int(n)) for d, m, n in self.s.execute(stmt)}

    def tags_in_use(self) -> list[str]:
        stmt = (
            select(TagRow.name)
            .join(entry_tags, entry_tags.c.tag_id == TagRow.id)
            .join(EntryRow, EntryRow.id == entry_tags.c.entry_id)
            .where(EntryRow.deleted_at.is_(None))
            .distinct()
            .order_by(TagRow.name)
        )
        return list(self.s.scalars(stmt))

    # ---- drafts --------------------------------------------------------------------------------------------
    def save_draft(self, entry_id: int | None, fields: dict[str, Any]) -> None:
        cond = DraftRow.entry_id.is_(None) if entry_id is None else DraftRow.entry_id == entry_id
        self.s.execute(delete(DraftRow).where(cond))
        self.s.add(DraftRow(entry_id=entry_id, payload=json.dumps(fields), updated_at=_now()))

    def drop_draft(self, entry_id: int | None) -> None:
        cond = DraftRow.entry_id.is_(None) if entry_id is None else DraftRow.entry_id == entry_id
        self.s.execute(delete(DraftRow).where(cond))

    def drafts(self) -> list[tuple[int | None, dict[str, Any], dt.datetime]]:
        rows = self.s.scalars(select(DraftRow).order_by(DraftRow.updated_at.desc()))
        return [(r.entry_id, json.loads(r.payload), r.updated_at) for r in rows]


def _entry(row: EntryRow) -> Entry:
    return Entry(
        id=row.id,
        fields=EntryFields(
            title=row.title,
            body=row.body,
            entry_date=row.entry_date,
            mood=row.mood,
            layer=Layer(row.layer),
            kind=Kind(row.kind),
            tags=tuple(t.name for t in row.tags),
            shared=row.shared,
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
