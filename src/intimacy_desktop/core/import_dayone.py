"""Day One's JSON export, as the ``.json`` journal itself or as the ``.zip`` Day One makes of it.

The shape (Day One's "JSON (.zip)" export, metadata version "1.0")::

    {"metadata": {"version": "1.0"},
     "entries": [{"uuid": "6F30…B6", "creationDate": "2023-05-01T07:15:00Z", "modifiedDate": "…",
                  "timeZone": "Europe/Berlin", "text": "# Title\\n\\nBody with escaped \\\\. marks",
                  "richText": "…", "tags": ["travel"], "starred": false, "location": {…}, "weather": {…},
                  "photos": […]}]}

The zip holds one ``<Journal name>.json`` per journal and ``photos/``, ``videos/``, ``audios/``, ``pdfs/`` folders.
Only the JSON is read; media, location and weather stay behind (our entries are text). The entry's date is the
calendar date of ``creationDate`` where it was written (its ``timeZone``; UTC when the zone is unknown), because
that is the day the person saw on their calendar. Day One's ``text`` is Markdown with punctuation escaped
(``\\.``, ``\\-``, ``\\!``): every backslash before ASCII punctuation is dropped, as a Markdown reader would.
Photo references (``![](dayone-moment://…)``) are removed, since the photos are not imported.

The archive is read in memory. It is refused as a whole when it is unsafe: a member whose name leads out of the
archive (absolute, ``..``, a drive, backslash tricks) or is a symbolic link, an encrypted member, too many members,
or a bomb (declared sizes are checked first, then every byte actually read is counted against the same limits).
"""

from __future__ import annotations

import datetime as dt
import io
import lzma
import re
import stat
import struct
import zipfile
import zlib
from zoneinfo import ZoneInfo

from intimacy_desktop.core import interchange as ix
from intimacy_desktop.core.errors import ImportRefused
from intimacy_desktop.core.interchange import ImportBatch, IncomingEntry

FORMAT = "dayone"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ZIP_ERRORS = (
    zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, struct.error, zlib.error,
    lzma.LZMAError, NotImplementedError, KeyError, IndexError, OverflowError,
)
_RATIO_FLOOR = ix.MIB  # below this a high ratio (a short file of spaces) cannot hurt
_CHUNK = 1024 * 1024
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation (CommonMark)
_MOMENT = r"!\[\]\(dayone-moment:/{0,2}[A-Za-z0-9]{0,64}\)"  # bounded, so no slow backtracking
_MOMENT_LINE = re.compile(rf"(?m)^[ \t]*{_MOMENT}[ \t]*(?:\n|$)")
_MOMENT_INLINE = re.compile(_MOMENT)
_UUID = re.compile(r"[A-Za-z0-9-]{1,64}")
_ZONE = re.compile(r"[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*")
_DRIVE = re.compile(r"[A-Za-z]:")
_DATE_TEXT_MAX = 40


def parse_dayone(data: bytes) -> ImportBatch:
    """A Day One export (``.json`` or ``.zip``) as a batch, or ``ImportRefused``; never anything else."""
    if len(data) > ix.MAX_FILE_BYTES:
        raise ImportRefused("import_too_large", mib=ix.MAX_FILE_BYTES // ix.MIB)
    documents = _zip_documents(data) if data.startswith(_ZIP_MAGIC) else [ix.load_json(data)]
    entries: list[IncomingEntry] = []
    skipped = 0
    for document in documents:
        for index, raw in enumerate(ix.entries_list(document), start=1):
            entry = _entry(raw, index)
            if entry is None:
                skipped += 1
            else:
                entries.append(entry)
            if len(entries) > ix.MAX_ENTRIES:
                raise ImportRefused("import_too_many_entries", max=ix.MAX_ENTRIES)
    return ix.batch(FORMAT, entries, skipped)


def unescape(text: str) -> str:
    """Day One's Markdown escapes undone: ``\\.`` is ``.``, ``\\\\`` is ``\\``."""
    return _UNESCAPE.sub(_escaped_char, text) if "\\" in text else text


def escape(text: str) -> str:
    """The inverse of ``unescape`` for what Day One escapes: backslashes and Markdown punctuation."""
    return text.translate(_ESCAPES)


def _escaped_char(match: re.Match[str]) -> str:
    """A function, not the template ``"\\1"``: Python 3.11 expands a template in Python code at every match."""
    return match[1]


_ESCAPES = {ord(ch): "\\" + ch for ch in "\\`*_{}[]()#+-.!|<>~"}


def _entry(raw: object, index: int) -> IncomingEntry | None:
    where = f"entries[{index - 1}]"
    if not isinstance(raw, dict):
        raise ImportRefused("import_wrong_shape", field=where)
    text = ix.field_of(raw, "text", str, "", where)
    tags = ix.field_of(raw, "tags", list, [], where)
    starred = ix.field_of(raw, "starred", bool, False, where)
    if not all(isinstance(tag, str) for tag in tags):
        located = where + ".tags"
        raise ImportRefused("import_wrong_shape", field=located)
    created = _created(raw.get("creationDate"), where)
    zone = _zone(raw.get("timeZone"))
    title, body = ix.title_and_body(_without_photos(ix.clean_text(text)), clean=unescape)
    if ix.is_empty(title, body):
        return None
    uuid = raw.get("uuid")
    source = f"dayone:{uuid}" if isinstance(uuid, str) and _UUID.fullmatch(uuid) else f"dayone:#{index}"
    fields = ix.make_fields(
        where, title=title, body=body, entry_date=_local_date(created, zone),
        tags=ix.prepare_tags(tags, where + ".tags", starred=starred),
    )
    return IncomingEntry(fields, created, source)


def _without_photos(text: str) -> str:
    """The text without its photo references: a line that held only a photo goes, a photo within a line too."""
    if "dayone-moment:" not in text:
        return text
    return _MOMENT_INLINE.sub("", _MOMENT_LINE.sub("", text))


def _created(value: object, where: str) -> dt.datetime:
    located = where + ".creationDate"
    if not isinstance(value, str):
        raise ImportRefused("import_wrong_shape", field=located)
    try:
        if len(value) > _DATE_TEXT_MAX:
            raise ValueError(value)
        when = dt.datetime.fromisoformat(value)
        if when.tzinfo is None:  # Day One writes UTC ("Z"); a bare time from another tool is read the same way
            when = when.replace(tzinfo=dt.UTC)
        return when.astimezone(dt.UTC)
    except (ValueError, OverflowError) as exc:
        raise ImportRefused("import_bad_date", field=located, value=ix.shown(value)) from exc


def _zone(value: object) -> dt.tzinfo:
    if not isinstance(value, str) or len(value) > 64 or not _ZONE.fullmatch(value) or ".." in value:
        return dt.UTC
    try:
        return ZoneInfo(value)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return dt.UTC


def _local_date(created: dt.datetime, zone: dt.tzinfo) -> dt.date:
    try:
        return created.astimezone(zone).date()
    except (OverflowError, ValueError):  # the first or last day Python can name, pushed over the edge
        return created.date()


# ---- the zip archive ----------------------------------------------------------------------------------------


def _zip_documents(data: bytes) -> list[object]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            budget = [ix.MAX_UNCOMPRESSED]  # what may still be read, all members together
            return [ix.load_json(_read(archive, info, budget), info.filename)
                    for info in _check_members(archive.infolist())]
    except ImportRefused:
        raise
    except RuntimeError as exc:  # zipfile's "password required" for an encryption flag we did not see
        raise ImportRefused("import_zip_encrypted") from exc
    except _ZIP_ERRORS as exc:
        raise ImportRefused("import_zip_damaged") from exc


def _check_members(infos: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """The journal files to read, after every member passed the checks that need no decompression."""
    if len(infos) > ix.MAX_MEMBERS:
        raise ImportRefused("import_zip_too_many_files", max=ix.MAX_MEMBERS)
    total = 0
    journals: list[zipfile.ZipInfo] = []
    for info in infos:
        name = info.filename
        if _unsafe(name) or stat.S_ISLNK(info.external_attr >> 16):
            raise ImportRefused("import_zip_unsafe_name", name=ix.shown(name))
        if info.flag_bits & 0x1:
            raise ImportRefused("import_zip_encrypted")
        if info.file_size > _RATIO_FLOOR and info.file_size > ix.MAX_RATIO * max(info.compress_size, 1):
            raise ImportRefused("import_zip_bomb", name=ix.shown(name))
        total += info.file_size
        if total > ix.MAX_UNCOMPRESSED:
            raise ImportRefused("import_too_large", mib=ix.MAX_UNCOMPRESSED // ix.MIB)
        if _is_journal(name, info):
            if info.file_size > ix.MAX_MEMBER_BYTES:
                raise ImportRefused("import_too_large", mib=ix.MAX_MEMBER_BYTES // ix.MIB)
            journals.append(info)
    if not journals:
        raise ImportRefused("import_zip_no_journal")
    return journals


def _unsafe(name: str) -> bool:
    path = name.replace("\\", "/")
    parts = path.split("/")
    return (
        not name
        or path.startswith("/")
        or bool(_DRIVE.match(path))
        or ".." in parts
        or any(ord(ch) < 0x20 for ch in name)
    )


def _is_journal(name: str, info: zipfile.ZipInfo) -> bool:
    """A ``.json`` file that is not macOS's resource-fork shadow (``__MACOSX/._Journal.json``)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return (
        not info.is_dir()
        and base.lower().endswith(".json")
        and not base.startswith("._")
        and not name.startswith("__MACOSX/")
    )


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> bytes:
    """The member's bytes, counted as they come: the headers said how big it is, the count makes sure.

    ``budget`` holds what all members together may still give; it shrinks by what this one gave.
    """
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > _RATIO_FLOOR and size > ix.MAX_RATIO * max(info.compress_size, 1):
                raise ImportRefused("import_zip_bomb", name=ix.shown(info.filename))
            if size > ix.MAX_MEMBER_BYTES:
                raise ImportRefused("import_too_large", mib=ix.MAX_MEMBER_BYTES // ix.MIB)
            if size > budget[0]:
                raise ImportRefused("import_too_large", mib=ix.MAX_UNCOMPRESSED // ix.MIB)
            chunks.append(chunk)
    budget[0] -= size
    return b"".join(chunks)
