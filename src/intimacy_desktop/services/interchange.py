"""Journals in and out: import from Day One, jrnl and Markdown folders; export to Markdown, Day One JSON (and PDF,
which the GUI draws, gui/export_pdf.py).

An import is two steps so that a person sees what will happen before anything does: ``preview`` reads and checks
the whole file (any problem refuses all of it, ``ImportRefused``) and says how many entries are new, how many are
already in the journal or twice in the file, and their dates; ``run`` adds the new ones in one transaction, all or
nothing. Duplicates are recognised by content (core/interchange.fingerprint), so importing the same file twice adds
nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from intimacy_desktop.core import interchange as ix
from intimacy_desktop.core.changes import Changed, ChangeSink, ignore_changes
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import Entry
from intimacy_desktop.storage import interchange_files as files
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.journal_repo import JournalRepository

IMPORT_FORMATS = ("dayone", "jrnl", "md")
EXPORT_FORMATS = ("md", "json", "pdf")
DAYONE_MEMBER = "Journal.json"  # the name Day One gives the journal inside its export zip


@dataclass(frozen=True)
class ImportPreview:
    format: str
    path: Path
    new: tuple[ix.IncomingEntry, ...]
    duplicates: int  # already in the journal, or twice in the file
    empty_skipped: int

    @property
    def found(self) -> int:
        return len(self.new) + self.duplicates

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        dates = [e.fields.entry_date for e in self.new]
        return (min(dates), max(dates)) if dates else None

    def __repr__(self) -> str:  # the entries' text never reaches a log
        return f"ImportPreview(format={self.format!r}, new={len(self.new)}, duplicates={self.duplicates})"


class InterchangeService:
    def __init__(self, db: Database, notify: ChangeSink = ignore_changes) -> None:
        self._db = db
        self._notify = notify

    # ---- import ---------------------------------------------------------------------------------------------
    def preview(self, fmt: str, path: Path) -> ImportPreview:
        batch = read_batch(fmt, path)
        with self._db.session() as s:
            known = {ix.fingerprint(e.fields) for e in JournalRepository(s).live_entries()}
        new, dropped = ix.split_duplicates(batch.entries, known)
        return ImportPreview(fmt, path, new, dropped, batch.empty_skipped)

    def run(self, preview: ImportPreview) -> int:
        """Add the preview's new entries, all in one transaction; returns how many were added."""
        if not preview.new:
            return 0
        added = 0
        with self._db.session() as s:
            repo = JournalRepository(s)
            known = {ix.fingerprint(e.fields) for e in repo.live_entries()}
            for incoming in preview.new:  # checked again inside the transaction: the journal may have changed
                mark = ix.fingerprint(incoming.fields)
                if mark not in known:
                    repo.add(incoming.fields)
                    known.add(mark)
                    added += 1
        if added:
            self._notify(Changed.ENTRIES | Changed.TAGS)
        return added

    # ---- export ---------------------------------------------------------------------------------------------
    def entries(self, ids: Sequence[int] | None = None) -> list[Entry]:
        """The entries to export, oldest first: those of ``ids``, or every live one."""
        with self._db.session() as s:
            return JournalRepository(s).live_entries(list(ids) if ids is not None else None)

    def export(self, fmt: str, out: Path, ids: Sequence[int] | None = None, *, tz_name: str | None = None) -> int:
        """Markdown (a new folder) or Day One JSON (a .json file, or a .zip as Day One makes it); returns the
        number of entries written. PDF is the GUI's (it needs Qt's PDF writer)."""
        entries = self.entries(ids)
        if fmt == "md":
            from intimacy_desktop.core.export_markdown import NOTICE_NAME, markdown_files, notice_text

            written = files.write_folder(out, [(NOTICE_NAME, notice_text()), *markdown_files(entries)])
            return written - 1
        if fmt == "json":
            from intimacy_desktop.core.export_dayone import dayone_document

            text = json.dumps(dayone_document(entries, tz_name=tz_name or local_zone_name()), ensure_ascii=False,
                              indent=2).encode("utf-8")
            if out.suffix.lower() == ".zip":
                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
                    zf.writestr(DAYONE_MEMBER, text)
                text = buffer.getvalue()
            files.write_file(out, text)
            return len(entries)
        raise UsageError("export_format_unknown", format=fmt)


def read_batch(fmt: str, path: Path) -> ix.ImportBatch:
    """Read and parse an import source; ``ImportRefused`` for anything wrong with it, before any write."""
    if fmt == "dayone":
        from intimacy_desktop.core.import_dayone import parse_dayone

        return parse_dayone(files.read_file(path))
    if fmt == "jrnl":
        from intimacy_desktop.core.import_jrnl import parse_jrnl

        return parse_jrnl(files.read_file(path))
    if fmt == "md":
        from intimacy_desktop.core.import_markdown import parse_markdown

        notes, days = files.read_notes(path)
        return parse_markdown(notes, days)
    raise UsageError("import_format_unknown", format=fmt)


def local_zone_name() -> str:
    """This computer's IANA time zone name (``TZ``, else the /etc/localtime link), or UTC when it cannot tell."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and "/" in tz and not tz.startswith("/"):
        return tz
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        return "UTC"
    marker = "zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else "UTC"
