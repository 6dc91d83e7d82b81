"""Journal persistence: entries, tags, the FTS5 index, the trash and drafts, inside one encrypted database.

Plain SQL on a storage/sql.py transaction. Dates are stored as ``YYYY-MM-DD``, times as sql.stamp writes them,
booleans as 0 and 1.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import Entry, EntryFields, EntryFilter, EntrySummary, Kind, fts_query
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.snippets import highlight, snippet
from intimacy_desktop.storage.sql import Tx, read_stamp, stamp

# A common word: "+id" keeps SQLite from driving the query by the long match list; it walks the live-entries date
# index instead and stops after one page. A rare word: the match list drives (a walk of the whole index to find three
# entries grew with the journal, +28% from 10,000 to 50,000). A probe capped at RARE matches tells them apart.
_MATCHING = "+entries.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :q)"
_MATCHING_RARE = "entries.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :q)"
_PROBE = "SELECT count(*) FROM (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :q LIMIT :n)"
RARE = 100
_ENTRY = "SELECT id, title, body, entry_date, mood, layer, kind, shared, created_at, updated_at FROM entries"


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class JournalRepository:
    def __init__(self, tx: Tx) -> None:
        self.tx = tx

    # ---- entries -------------------------------------------------------------------------------------------
    def add(self, fields: EntryFields) -> Entry:
        now = stamp(_now())
        cur = self.tx.run(
            "INSERT INTO entries (title, body, entry_date, created_at, updated_at, mood, layer, kind, shared) "
            "VALUES (:title, :body, :entry_date, :now, :now, :mood, :layer, :kind, :shared)",
            {**_columns(fields), "now": now},
        )
        entry_id = int(cur.lastrowid)
        self._set_tags(entry_id, fields)
        return self.get(entry_id)

    def update(self, entry_id: int, fields: EntryFields) -> Entry:
        self._row(entry_id)
        self.tx.run(
            "UPDATE entries SET title = :title, body = :body, entry_date = :entry_date, mood = :mood, "
            "layer = :layer, kind = :kind, shared = :shared, updated_at = :now WHERE id = :id",
            {**_columns(fields), "now": stamp(_now()), "id": entry_id},
        )
        self._set_tags(entry_id, fields)
        return self.get(entry_id)

    def get(self, entry_id: int) -> Entry:
        row = self._row(entry_id)
        tags = [r[0] for r in self.tx.rows(
            "SELECT tags.name FROM entry_tags JOIN tags ON tags.id = entry_tags.tag_id "
            "WHERE entry_tags.entry_id = :id ORDER BY tags.name", {"id": entry_id})]
        return _entry(row, tuple(tags))

    def trash(self, entry_id: int) -> None:
        self._row(entry_id)
        self.tx.run("UPDATE entries SET deleted_at = :now WHERE id = :id", {"now": stamp(_now()), "id": entry_id})

    def restore(self, entry_id: int) -> None:
        self._row(entry_id)
        self.tx.run("UPDATE entries SET deleted_at = NULL WHERE id = :id", {"id": entry_id})

    def purge(self, entry_id: int) -> None:
        self._row(entry_id)
        self.tx.run("DELETE FROM entries_fts WHERE rowid = :id", {"id": entry_id})
        self.tx.run("DELETE FROM entries WHERE id = :id", {"id": entry_id})  # tags' links and drafts cascade

    def _row(self, entry_id: int) -> tuple[Any, ...]:
        row = self.tx.one(_ENTRY + " WHERE id = :id", {"id": entry_id})
        if row is None:
            raise UsageError("entry_not_found", id=entry_id)
        return row

    def _set_tags(self, entry_id: int, fields: EntryFields) -> None:
        self.tx.run("DELETE FROM entry_tags WHERE entry_id = :id", {"id": entry_id})
        for name in dict.fromkeys(fields.tags):
            self.tx.run("INSERT INTO tags (name) VALUES (:n) ON CONFLICT (name) DO NOTHING", {"n": name})
            self.tx.run("INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) SELECT :id, id FROM tags WHERE name = :n",
                        {"id": entry_id, "n": name})
        self.tx.run("DELETE FROM entries_fts WHERE rowid = :id", {"id": entry_id})
        self.tx.run(
            "INSERT INTO entries_fts (rowid, title, body, tags) VALUES (:id, :title, :body, :tags)",
            {"id": entry_id, "title": fields.title, "body": fields.body, "tags": " ".join(sorted(set(fields.tags)))},
        )

    # ---- lists and search ------------------------------------------------------------------------------------
    def summaries(self, flt: EntryFilter, offset: int = 0, limit: int = 200, *, trash: bool = False) -> list[
        EntrySummary
    ]:
        query = fts_query(flt.text)
        where, params = _filtered(flt, query, trash=trash, rare=self._rare(query))
        body = "body" if query else "substr(body, 1, 240)"
        rows = self.tx.rows(
            f"SELECT id, title, entry_date, mood, layer, kind, {body} FROM entries WHERE {where} "  # noqa: S608
            "ORDER BY entry_date DESC, id DESC LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        return [
            EntrySummary(
                id=r[0],
                title=highlight(r[1], flt.text) if query else r[1],
                entry_date=dt.date.fromisoformat(r[2]),
                mood=r[3],
                layer=Layer(r[4]),
                kind=Kind(r[5]),
                snippet=snippet(r[6], flt.text),  # no query: the first words
            )
            for r in rows
        ]

    def count(self, flt: EntryFilter, *, trash: bool = False) -> int:
        query = fts_query(flt.text)
        where, params = _filtered(flt, query, trash=trash, rare=self._rare(query))
        return int(self.tx.scalar(f"SELECT count(*) FROM entries WHERE {where}", params) or 0)  # noqa: S608

    def _rare(self, query: str | None) -> bool:
        return bool(query) and int(self.tx.scalar(_PROBE, {"q": query, "n": RARE})) < RARE

    def day_moods(self, first: dt.date, last: dt.date) -> dict[dt.date, tuple[float | None, int]]:
        """Per day with entries: the average mood (None when no entry that day has one) and how many entries."""
        rows = self.tx.rows(
            "SELECT entry_date, avg(mood), count(*) FROM entries WHERE deleted_at IS NULL "
            "AND entry_date BETWEEN :first AND :last GROUP BY entry_date",
            {"first": first.isoformat(), "last": last.isoformat()},
        )
        return {dt.date.fromisoformat(d): (float(m) if m is not None else None, int(n)) for d, m, n in rows}

    def live_entries(self, ids: list[int] | None = None) -> list[Entry]:
        """Every live entry (or those of ``ids`` that are live), oldest first, tags included, in two queries: what an
        export writes and an import compares against."""
        rows = self.tx.rows(_ENTRY + " WHERE deleted_at IS NULL ORDER BY entry_date, id")
        if ids is not None:
            wanted = set(ids)
            rows = [r for r in rows if r[0] in wanted]
        tags: dict[int, list[str]] = {}
        for entry_id, name in self.tx.rows(
                "SELECT entry_tags.entry_id, tags.name FROM entry_tags JOIN tags ON tags.id = entry_tags.tag_id "
                "ORDER BY tags.name"):
            tags.setdefault(entry_id, []).append(name)
        return [_entry(r, tuple(tags.get(r[0], ()))) for r in rows]

    def tags_in_use(self) -> list[str]:
        return [r[0] for r in self.tx.rows(
            "SELECT DISTINCT tags.name FROM tags JOIN entry_tags ON entry_tags.tag_id = tags.id "
            "JOIN entries ON entries.id = entry_tags.entry_id WHERE entries.deleted_at IS NULL ORDER BY tags.name")]

    # ---- drafts --------------------------------------------------------------------------------------------
    def save_draft(self, entry_id: int | None, fields: dict[str, Any]) -> None:
        self.drop_draft(entry_id)
        self.tx.run("INSERT INTO drafts (entry_id, payload, updated_at) VALUES (:e, :p, :t)",
                    {"e": entry_id, "p": json.dumps(fields), "t": stamp(_now())})

    def drop_draft(self, entry_id: int | None) -> None:
        if entry_id is None:
            self.tx.run("DELETE FROM drafts WHERE entry_id IS NULL")
        else:
            self.tx.run("DELETE FROM drafts WHERE entry_id = :e", {"e": entry_id})

    def drafts(self) -> list[tuple[int | None, dict[str, Any], dt.datetime]]:
        rows = self.tx.rows("SELECT entry_id, payload, updated_at FROM drafts ORDER BY updated_at DESC")
        return [(e, json.loads(p), read_stamp(t)) for e, p, t in rows]


def _columns(fields: EntryFields) -> dict[str, Any]:
    return {"title": fields.title, "body": fields.body, "entry_date": fields.entry_date.isoformat(),
            "mood": fields.mood, "layer": fields.layer.value, "kind": fields.kind.value, "shared": int(fields.shared)}


def _filtered(flt: EntryFilter, query: str | None, *, trash: bool, rare: bool = False) -> tuple[str, dict[str, Any]]:
    """The WHERE clause of a list or count, and its parameters (never text pasted into SQL)."""
    where = ["deleted_at IS NOT NULL" if trash else "deleted_at IS NULL"]
    params: dict[str, Any] = {}
    if query:
        where.append(_MATCHING_RARE if rare else _MATCHING)
        params["q"] = query
    if flt.tag:
        where.append("id IN (SELECT entry_tags.entry_id FROM entry_tags JOIN tags ON tags.id = entry_tags.tag_id "
                     "WHERE tags.name = :tag)")
        params["tag"] = flt.tag.lower()
    for column, value in (("mood", flt.mood), ("layer", flt.layer and flt.layer.value),
                          ("kind", flt.kind and flt.kind.value)):
        if value is not None:
            where.append(f"{column} = :{column}")
            params[column] = value
    if flt.date_from is not None:
        where.append("entry_date >= :date_from")
        params["date_from"] = flt.date_from.isoformat()
    if flt.date_to is not None:
        where.append("entry_date <= :date_to")
        params["date_to"] = flt.date_to.isoformat()
    return " AND ".join(where), params


def _entry(row: tuple[Any, ...], tags: tuple[str, ...]) -> Entry:
    entry_id, title, body, entry_date, mood, layer, kind, shared, created, updated = row
    return Entry(
        id=entry_id,
        fields=EntryFields(
            title=title,
            body=body,
            entry_date=dt.date.fromisoformat(entry_date),
            mood=mood,
            layer=Layer(layer),
            kind=Kind(kind),
            tags=tags,
            shared=bool(shared),
        ),
        created_at=read_stamp(created),
        updated_at=read_stamp(updated),
    )
