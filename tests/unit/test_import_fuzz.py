"""Fuzzing the importers: whatever the bytes, each returns an ``ImportBatch`` of valid entries or raises
``ImportRefused``; no other exception ever escapes (a crash in an import would be a crash in the app).

Arbitrary bytes find the decoding paths; data built around each format's real shape (right keys, wrong values,
near-miss dates, zones, markup, surrogate escapes, front matter) gets past the first checks to the deeper ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intimacy_desktop.core.errors import ImportRefused
from intimacy_desktop.core.export_dayone import dayone_document
from intimacy_desktop.core.export_markdown import markdown_files
from intimacy_desktop.core.import_dayone import parse_dayone
from intimacy_desktop.core.import_jrnl import parse_jrnl
from intimacy_desktop.core.import_markdown import parse_markdown
from intimacy_desktop.core.interchange import ImportBatch, IncomingEntry
from intimacy_desktop.core.journal import BODY_MAX, TITLE_MAX, Entry, EntryFields, Kind
from intimacy_desktop.core.layers import Layer

D = dt.date
UTC = dt.UTC
FUZZ = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text with the pieces that matter here: markup, escapes, line breaks, NUL, lone surrogates, photo references.
_PIECES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF) | st.sampled_from(
    [*"#-\\.!()[]*_ \t\n\r\x00:@,'\"~`>|é日", "![](dayone-moment://AB12)", "---\n", "\r\n", "\u2028", "# "]
) | st.characters()
TEXT = st.lists(_PIECES, max_size=12).map("".join)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=5,
)
def mostly(right: st.SearchStrategy[Any], wrong: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``right`` nine times in ten, so that most examples get past the first check to the deeper ones."""
    return st.integers(0, 9).flatmap(lambda n: wrong if n == 0 else right)  # one_of would weigh them evenly


def either(right: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the right type, sometimes any JSON value."""
    return mostly(right, JSON)


MOMENT = st.datetimes(dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31))
DATE_TEXT = mostly(
    MOMENT.map(lambda d: d.isoformat() + "Z") | MOMENT.map(lambda d: d.isoformat().replace("T", " ")),
    st.sampled_from(["2023-02-30T10:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", ""])
    | TEXT,
)
DAY_TEXT = mostly(MOMENT.map(lambda d: d.date().isoformat()), DATE_TEXT)
ZONES = mostly(st.sampled_from(["Europe/Berlin", "Pacific/Kiritimati", "Etc/GMT+12", "UTC"]),
               st.sampled_from(["../etc", "", "Mars/X", "/etc/localtime"]) | TEXT)


DAYONE_ENTRY = st.fixed_dictionaries({"creationDate": either(DATE_TEXT)}, optional={
    "uuid": either(st.text(max_size=40)),
    "timeZone": either(ZONES),
    "text": either(TEXT),
    "tags": either(st.lists(TEXT, max_size=4)),
    "starred": either(st.booleans()),
    "location": JSON,
})
JRNL_ENTRY = st.fixed_dictionaries({"date": either(DAY_TEXT)}, optional={
    "title": either(TEXT),
    "body": either(TEXT),
    "time": either(st.sampled_from(["09:00", "25:99", ""])),
    "tags": either(st.lists(TEXT.map(lambda t: "@" + t), max_size=4)),
    "starred": either(st.booleans()),
})


def document(entry: st.SearchStrategy[Any]) -> st.SearchStrategy[bytes]:
    shaped = st.fixed_dictionaries({"entries": st.lists(either(entry), max_size=3)},
                                   optional={"metadata": JSON, "tags": JSON})
    return mostly(shaped, JSON).map(lambda doc: json.dumps(doc).encode())


def mutated(data: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """Valid data with a few bytes changed or the end cut off."""
    def change(draw: st.DrawFn) -> bytes:
        raw = bytearray(draw(data))
        for _ in range(draw(st.integers(0, 4))):
            if raw:
                raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        return bytes(raw[: draw(st.integers(0, len(raw)))]) if draw(st.booleans()) else bytes(raw)

    return st.composite(change)()


@st.composite
def dayone_zips(draw: st.DrawFn) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as archive:
        names = mostly(
            st.sampled_from(["Journal.json", "Dreams.json", "photos/a.jpeg", "__MACOSX/._Journal.json"]),
            TEXT.map(lambda t: t.encode("utf-8", "replace").decode().replace("\x00", "") or "x"),
        )
        for name in draw(st.lists(names, max_size=2, unique=True)):
            info = zipfile.ZipInfo("x")
            info.filename = name
            info.external_attr = draw(mostly(st.sampled_from([0, 0o644 << 16]), st.just(0o120777 << 16)))
            archive.writestr(info, draw(mostly(document(DAYONE_ENTRY), st.binary(max_size=50))))
    return buffer.getvalue()


FRONT_KEYS = st.sampled_from(["title", "date", "tags", "mood", "layer", "kind", "shared", "created", "encrypted", "x"])
FRONT_VALUES = st.one_of(
    DATE_TEXT, TEXT, st.sampled_from(['"quoted"', "'it''s'", "[a, b]", '["a", 1]', "5", "null", "physical", "high"])
).map(lambda v: v.replace("\n", " ").replace("\r", " "))


@st.composite
def notes(draw: st.DrawFn) -> bytes:
    lines = [f"{draw(FRONT_KEYS)}: {draw(FRONT_VALUES)}" for _ in range(draw(st.integers(0, 5)))]
    lines += draw(st.lists(TEXT.map(lambda t: "  - " + t.replace("\n", "")), max_size=2))
    fence = draw(st.sampled_from(["---\n", "", "--- \n"]))
    closing = draw(st.sampled_from(["\n---\n", "\n...\n", "\n"]))
    text = fence + "\n".join(lines) + closing + draw(TEXT)
    return text.encode("utf-8", draw(mostly(st.just("replace"), st.just("surrogatepass"))))


PATHS = mostly(
    st.sampled_from(["2024-01-02-a.md", "notes/2024-02-03 b.markdown", "c.txt", "README-NOT-ENCRYPTED.txt",
                     "d.png", "2024_13_40.md"]),
    st.sampled_from(["../x.md", "/x.md", "a\\b.md"]) | TEXT,
)
FILES = st.lists(st.tuples(PATHS, mostly(notes(), st.binary(max_size=80))), max_size=4)
FALLBACKS = st.dictionaries(PATHS, st.dates(), max_size=3)


def holds(parse: Callable[[], ImportBatch]) -> None:
    """The property: a batch of entries that would be saved as they are, or a refusal; nothing else."""
    try:
        batch = parse()
    except ImportRefused:
        return
    assert isinstance(batch, ImportBatch) and batch.entries
    for entry in batch.entries:
        assert isinstance(entry, IncomingEntry)
        fields = entry.fields
        assert EntryFields(**dataclasses.asdict(fields)) == fields  # validates again: the limits hold
        assert len(fields.title) <= TITLE_MAX and len(fields.body) <= BODY_MAX
        for text in (fields.title, fields.body, *fields.tags, entry.source):
            text.encode("utf-8")  # no lone surrogate reaches the database
            assert "\x00" not in text
        assert entry.created_at is None or entry.created_at.utcoffset() == dt.timedelta(0)
        assert fields.title.strip() or fields.body.strip()


@FUZZ
@given(st.binary(max_size=300))
def test_day_one_survives_any_bytes(data: bytes) -> None:
    holds(lambda: parse_dayone(data))
    holds(lambda: parse_dayone(b"PK\x03\x04" + data))  # what looks like a zip goes down the archive path


@FUZZ
@given(document(DAYONE_ENTRY) | mutated(document(DAYONE_ENTRY)))
def test_day_one_survives_json_near_its_shape(data: bytes) -> None:
    holds(lambda: parse_dayone(data))


@FUZZ
@given(dayone_zips() | mutated(dayone_zips()))
def test_day_one_survives_hostile_archives(data: bytes) -> None:
    holds(lambda: parse_dayone(data))


@FUZZ
@given(st.binary(max_size=300) | document(JRNL_ENTRY) | mutated(document(JRNL_ENTRY)))
def test_jrnl_survives_anything(data: bytes) -> None:
    holds(lambda: parse_jrnl(data))


@FUZZ
@given(FILES, FALLBACKS)
def test_markdown_survives_anything(files: list[tuple[str, bytes]], fallback: dict[str, dt.date]) -> None:
    holds(lambda: parse_markdown(files, fallback))


# ---- our exports read back, whatever was written -----------------------------------------------------------

_ZONES = st.sampled_from(["UTC", "Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Sao_Paulo",
                          "Asia/Kathmandu", "America/St_Johns"])
_TITLE = st.text(min_size=1, max_size=TITLE_MAX).map(
    lambda t: t.replace("\r", "").replace("\n", " ").replace("\x00", "").strip()
)
_BODY = st.text(max_size=300).map(lambda b: b.replace("\r", "").replace("\x00", ""))
_TAG_CHARS = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
_TAGS = st.lists(st.text(_TAG_CHARS, min_size=1, max_size=20), max_size=4)


def _fields(title: str, body: str, day: dt.date, tags: list[str], mood: int | None, layer: Layer, kind: Kind,
            shared: bool) -> EntryFields | None:
    try:
        return EntryFields(title, body, day, mood, layer, kind, tuple(tags), shared)
    except ValueError:
        return None


@settings(max_examples=100, deadline=None)
@given(_TITLE, _BODY, st.dates(D(1900, 1, 1), D(2100, 12, 31)), _TAGS, st.none() | st.integers(1, 5),
       st.sampled_from(Layer), st.sampled_from(Kind), st.booleans(),
       st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2090, 1, 1), timezones=st.just(UTC)), _ZONES)
def test_round_trips_keep_what_was_written(title: str, body: str, day: dt.date, tags: list[str], mood: int | None,
                                           layer: Layer, kind: Kind, shared: bool, written: dt.datetime,
                                           zone: str) -> None:
    fields = _fields(title, body, day, tags, mood, layer, kind, shared)
    if fields is None or not (title.strip() or body.strip()):
        return
    entry = Entry(9, fields, written, written)
    (_, text), = markdown_files([entry])
    assert parse_markdown([("x.md", text.encode())]).entries[0].fields == fields
    if title and (not body or body.split("\n")[0].strip()):  # Day One has no title field: one at the top
        back = parse_dayone(json.dumps(dayone_document([entry], tz_name=zone)).encode()).entries[0].fields
        assert (back.title, back.body, back.entry_date, back.tags) == (title, body, day, fields.tags)
