"""The import formats read real exports (samples in tests/fixtures/import, written from each format's documentation
and its exporter's source), and our own exports read back to what was written."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from intimacy_desktop.core.export_dayone import NOTICE, dayone_document
from intimacy_desktop.core.export_markdown import (
    ENCRYPTED_LINE,
    NOTICE_NAME,
    FileNames,
    markdown_files,
    notice_text,
    slug,
)
from intimacy_desktop.core.import_dayone import escape, parse_dayone, unescape
from intimacy_desktop.core.import_jrnl import parse_jrnl
from intimacy_desktop.core.import_markdown import parse_markdown
from intimacy_desktop.core.interchange import (
    ImportBatch,
    IncomingEntry,
    fingerprint,
    split_duplicates,
    title_and_body,
)
from intimacy_desktop.core.journal import TITLE_MAX, Entry, EntryFields, Kind
from intimacy_desktop.core.layers import Layer

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
D = dt.date
UTC = dt.UTC


def dayone_json() -> bytes:
    return (FIXTURES / "dayone-export.json").read_bytes()


def dayone_zip(*journals: tuple[str, bytes]) -> bytes:
    """A zip laid out as Day One's "JSON (.zip)" export: journals at the top, media folders, a macOS shadow."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in journals or (("Journal.json", dayone_json()),):
            archive.writestr(name, data)
        archive.writestr("photos/76f9b0ac37954b51bf8b9146498b29c2.jpeg", b"\xff\xd8\xff\xe0 not really a jpeg")
        archive.writestr("__MACOSX/._Journal.json", b"\x00\x05\x16\x07 AppleDouble")
    return buffer.getvalue()


def markdown_folder() -> list[tuple[str, bytes]]:
    root = FIXTURES / "markdown"
    return [(p.relative_to(root).as_posix(), p.read_bytes()) for p in sorted(root.rglob("*")) if p.is_file()]


def summary(batch: ImportBatch) -> list[tuple[str, str, dt.date, tuple[str, ...]]]:
    return [(e.fields.title, e.fields.body, e.fields.entry_date, e.fields.tags) for e in batch.entries]


# ---- Day One --------------------------------------------------------------------------------------------------


def test_a_day_one_json_export_reads_as_its_entries() -> None:
    batch = parse_dayone(dayone_json())
    assert batch.format == "dayone"
    assert summary(batch) == [
        (
            "Walk in the park",
            "We walked for an hour. It rained - a little!\n\n- bring the umbrella next time\n1. coffee after",
            D(2023, 5, 1),
            ("outdoors", "us two", "starred"),
        ),
        ("Late dinner in Shibuya", "The ramen was worth the queue.", D(2023, 5, 2), ()),
        ("Evening call", "We talked about the summer (finally).", D(2023, 5, 1), ("calls",)),
        ("Somewhere far away", "", D(2023, 5, 4), ("travel",)),
    ]
    assert batch.empty_skipped == 1  # the photo-only entry
    assert batch.date_range() == (D(2023, 5, 1), D(2023, 5, 4))
    first = batch.entries[0]
    assert first.created_at == dt.datetime(2023, 5, 1, 7, 15, tzinfo=UTC)
    assert first.source == "dayone:6F30404AB159433D8C9AF57052E4F3B6"


def test_the_entry_date_is_the_calendar_day_where_it_was_written() -> None:
    """23:30 UTC is the next morning in Tokyo; 03:00 UTC is the evening before in Los Angeles; an unknown zone
    is read as UTC."""
    by_source = {e.source.removeprefix("dayone:"): e for e in parse_dayone(dayone_json()).entries}
    tokyo = by_source["A1B2C3D4E5F60718293A4B5C6D7E8F90"]
    assert (tokyo.created_at, tokyo.fields.entry_date) == (dt.datetime(2023, 5, 1, 23, 30, tzinfo=UTC), D(2023, 5, 2))
    los_angeles = by_source["0F1E2D3C4B5A69788796A5B4C3D2E1F0"]
    assert los_angeles.created_at == dt.datetime(2023, 5, 2, 3, 0, tzinfo=UTC)
    assert los_angeles.fields.entry_date == D(2023, 5, 1)
    assert by_source["99998888777766665555444433332222"].fields.entry_date == D(2023, 5, 4)


def test_the_zip_export_reads_like_its_json_and_media_are_left_behind() -> None:
    assert summary(parse_dayone(dayone_zip())) == summary(parse_dayone(dayone_json()))


def test_a_zip_with_several_journals_imports_them_all() -> None:
    second = json.dumps({"metadata": {"version": "1.0"}, "entries": [
        {"uuid": "ABCDEF0123456789ABCDEF0123456789", "creationDate": "2022-12-31T12:00:00Z", "timeZone": "UTC",
         "text": "Dreams\n\nA second journal.", "tags": []},
    ]}).encode()
    batch = parse_dayone(dayone_zip(("Journal.json", dayone_json()), ("Dreams.json", second)))
    assert len(batch.entries) == 5
    assert batch.entries[-1].fields.title == "Dreams"
    assert batch.date_range() == (D(2022, 12, 31), D(2023, 5, 4))


def test_day_one_escapes_are_undone_as_a_markdown_reader_would() -> None:
    assert unescape(r"1\. one \- two \! \(x\) \# \\ C:\Users") == r"1. one - two ! (x) # \ C:\Users"
    assert escape("a.b-c!") == r"a\.b\-c\!"
    assert unescape(escape(r"a\.b \, \\")) == r"a\.b \, \\"


# ---- jrnl -----------------------------------------------------------------------------------------------------


def test_a_jrnl_export_reads_as_its_entries() -> None:
    batch = parse_jrnl((FIXTURES / "jrnl-export.json").read_bytes())
    assert batch.format == "jrnl"
    assert summary(batch) == [
        ("Called in sick.", "Used the time to clean the house and spent 4h on writing my book.", D(2020, 1, 1), ()),
        (
            "Long day at @work with the new project.",
            "Dinner with @anna afterwards made up for it.",
            D(2020, 1, 2),
            ("work", "anna", "starred"),
        ),
        ("Quick note", "", D(2020, 1, 5), ("work",)),
    ]
    assert batch.empty_skipped == 1
    assert [e.created_at for e in batch.entries] == [None, None, None]  # jrnl's times have no zone
    assert [e.source for e in batch.entries] == ["jrnl:#1", "jrnl:#2", "jrnl:#3"]


def test_a_jrnl_title_longer_than_ours_opens_the_body() -> None:
    long_title = "word " * 100
    data = json.dumps({"entries": [{"title": long_title, "body": "Rest.", "date": "2021-02-03"}]}).encode()
    fields = parse_jrnl(data).entries[0].fields
    assert len(fields.title) <= 81 and fields.title.endswith("…")
    assert fields.body == long_title.strip() + "\n\nRest."


# ---- Markdown -------------------------------------------------------------------------------------------------


def test_a_markdown_folder_reads_front_matter_file_names_and_fallback_dates() -> None:
    batch = parse_markdown(markdown_folder(), {"notes/weekend ideas.txt": D(2024, 5, 5)})
    assert batch.format == "markdown"
    assert summary(batch) == [
        ("First snow", "The garden was white this morning.\nWe built a tiny snowman.", D(2024, 3, 15), ()),
        ("Ideas for the weekend", "- bake bread\n- call grandma", D(2024, 5, 5), ()),
        (
            "Our anniversary: ten years",
            "We went back to the lake where it started.\n\nIt was colder than we remembered.",
            D(2024, 6, 21),
            ("anniversary", "us two"),
        ),
    ]
    front = batch.entries[2].fields
    assert (front.mood, front.layer, front.kind, front.shared) == (5, Layer.EMOTIONAL, Kind.HIGH, True)
    assert [e.source for e in batch.entries] == [
        "md:2024-03-15-first-snow.md", "md:notes/weekend ideas.txt", "md:with-front-matter.md",
    ]


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("tags: [a, 'b c', \"d\"]", {"tags": ("a", "b c", "d")}),
        ("tags: a, b,c  # a comment, as in YAML", {"tags": ("a", "b", "c")}),
        ('tags: ["x, y", "z"]', {"tags": ("x, y", "z")}),
        ("date: 2024-01-02T23:30:00+02:00", {"entry_date": D(2024, 1, 2)}),
        ("date: '2024-01-02'", {"entry_date": D(2024, 1, 2)}),
        ("mood: 9\nlayer: spiritual\nkind: essay", {"mood": None, "layer": Layer.NONE, "kind": Kind.ENTRY}),
        ("mood: 2  # rainy\nlayer: Physical\nkind: LOW", {"mood": 2, "layer": Layer.PHYSICAL, "kind": Kind.LOW}),
        ("title: 'It''s here'", {"title": "It's here", "body": "# Heading\n\nText."}),
    ],
)
def test_simple_front_matter_forms_are_read(front: str, expected: dict[str, object]) -> None:
    text = f"---\n{front}\n---\n# Heading\n\nText.\n"
    fields = parse_markdown([("2030-01-01-note.md", text.encode())]).entries[0].fields
    for key, value in expected.items():
        assert getattr(fields, key) == value, key


def test_a_byte_order_mark_and_windows_line_endings_are_read() -> None:
    fields = parse_markdown([("2020-02-02.md", b"\xef\xbb\xbf# Title\r\n\r\nLine one\r\nLine two\r\n")]).entries[0]
    assert (fields.fields.title, fields.fields.body) == ("Title", "Line one\nLine two")


def test_title_and_body() -> None:
    assert title_and_body("") == ("", "")
    assert title_and_body("\n \n") == ("", "")
    assert title_and_body("\n\n# A title\n\n\nThe body\n\nmore") == ("A title", "The body\n\nmore")
    assert title_and_body("Just one line") == ("Just one line", "")
    paragraph = "This note starts with a long paragraph " * 10
    title, body = title_and_body(paragraph + "\nSecond line")
    assert len(paragraph) > TITLE_MAX
    assert title == "This note starts with a long paragraph This note starts with a long paragraph…"
    assert body == paragraph + "\nSecond line"


# ---- our exports, read back -----------------------------------------------------------------------------------

WRITTEN = dt.datetime(2024, 7, 10, 22, 45, tzinfo=UTC)
ENTRIES = [
    Entry(1, EntryFields("Holiday by the sea", "The beach was warm.\n\n- swim\n- read", D(2024, 7, 10), 5,
                         Layer.PHYSICAL, Kind.HIGH, ("travel", "starred")), WRITTEN, WRITTEN),
    Entry(2, EntryFields("Holiday by the sea", "Day two: (rain) #sad *still* good!", D(2024, 7, 11), None,
                         Layer.NONE, Kind.LOW, ("travel",), shared=True), WRITTEN, WRITTEN + dt.timedelta(days=1)),
    Entry(3, EntryFields("Café crème — naïve 1. talk", "", D(2024, 7, 12), 3, Layer.INTELLECTUAL,
                         Kind.REFLECTION, ()), WRITTEN, WRITTEN),
    Entry(4, EntryFields("CON", "---\nnot front matter\n---\n", D(2024, 7, 13)), WRITTEN, WRITTEN),
    Entry(5, EntryFields("", "No title here.\nSecond line.", D(2024, 7, 14)), WRITTEN, WRITTEN),
]


def test_markdown_export_names_its_files_safely_and_says_it_is_not_encrypted() -> None:
    files = list(markdown_files(ENTRIES))
    assert [name for name, _ in files] == [
        "2024-07-10-holiday-by-the-sea.md", "2024-07-11-holiday-by-the-sea.md", "2024-07-12-cafe-creme-naive-1-talk.md",
        "2024-07-13-con-entry.md", "2024-07-14-entry.md",
    ]
    for _, text in files:
        assert text.split("\n")[:2] == ["---", ENCRYPTED_LINE]
    assert files[0][1].startswith(
        "---\nencrypted: false  # exported from Intimacy Desktop; this file is NOT encrypted\n"
        'title: "Holiday by the sea"\ndate: 2024-07-10\nmood: 5\nlayer: physical\nkind: high\ntags: ["travel", '
        '"starred"]\nshared: false\ncreated: 2024-07-10T22:45:00+00:00\n---\n# Holiday by the sea\n\nThe beach'
    )
    assert "NOT encrypted" in notice_text() and NOTICE_NAME == "README-NOT-ENCRYPTED.txt"
    names = FileNames()
    assert [names.name(D(2024, 1, 1), "Same") for _ in range(3)] == [
        "2024-01-01-same.md", "2024-01-01-same-2.md", "2024-01-01-same-3.md",
    ]
    assert names.name(D(2024, 1, 1), "SAME") == "2024-01-01-same-4.md"  # case-insensitive file systems
    assert names.name(D(2024, 1, 1), "Same 5") == "2024-01-01-same-5.md"
    assert names.name(D(2024, 1, 1), "Same") == "2024-01-01-same-6.md"  # "same-5" was taken by another title
    assert slug("../..\\etc/passwd") == "etc-passwd"
    assert len(slug("word " * 40)) <= 60
    assert slug("日本語") == "entry"


def test_markdown_export_reads_back_exactly() -> None:
    files = [(NOTICE_NAME, notice_text()), *markdown_files(ENTRIES)]
    batch = parse_markdown([(name, text.encode()) for name, text in files])
    assert [e.fields for e in batch.entries] == [e.fields for e in ENTRIES]
    assert [e.created_at for e in batch.entries] == [WRITTEN] * len(ENTRIES)


def test_day_one_export_has_the_notice_first_and_stable_ids() -> None:
    document = dayone_document(ENTRIES, tz_name="Europe/Berlin")
    assert list(document) == ["notice", "metadata", "entries"] and document["notice"] == NOTICE
    assert document["metadata"] == {"version": "1.0"}
    first = document["entries"][0]
    # Written at 00:45 on the 11th in Berlin about the 10th: 00:45 Berlin time on the 10th, so the date is kept…
    assert first["creationDate"] == "2024-07-09T22:45:00Z"
    assert first["timeZone"] == "Europe/Berlin" and first["starred"] is True
    assert first["text"] == "# Holiday by the sea\n\nThe beach was warm\\.\n\n\\- swim\n\\- read"
    assert len(first["uuid"]) == 32 and first["uuid"] == first["uuid"].upper()
    assert dayone_document(ENTRIES, tz_name="Europe/Berlin") == document
    assert dayone_document(ENTRIES, tz_name="No/Such_Zone")["entries"][0]["timeZone"] == "UTC"


def test_day_one_export_reads_back_to_title_body_date_and_tags() -> None:
    document = dayone_document(ENTRIES[:4], tz_name="Europe/Berlin")  # …so the 10th is read back as the 10th
    batch = parse_dayone(json.dumps(document).encode())
    assert summary(batch) == [(e.fields.title, e.fields.body, e.fields.entry_date, e.fields.tags)
                              for e in ENTRIES[:4]]


# ---- duplicates -----------------------------------------------------------------------------------------------


def test_a_fingerprint_is_the_content_so_duplicates_are_found() -> None:
    base = EntryFields("Title", "Line one\nLine two", D(2024, 1, 1), tags=("a",))
    assert fingerprint(base) == fingerprint(EntryFields(" Title ", "Line one  \r\nLine two\n\n", D(2024, 1, 1)))
    assert fingerprint(base) == fingerprint(EntryFields("Title", "Line one\nLine two", D(2024, 1, 1), mood=3))
    assert fingerprint(base) != fingerprint(EntryFields("Title", "Line one\nLine two", D(2024, 1, 2)))
    assert fingerprint(base) != fingerprint(EntryFields("Title", "Line one Line two", D(2024, 1, 1)))
    assert len(fingerprint(base)) == 64
    batch = parse_dayone(dayone_json())
    again = parse_dayone(dayone_zip())
    kept, dropped = split_duplicates([*batch.entries, *again.entries])
    assert (len(kept), dropped) == (4, 4)
    known = {fingerprint(batch.entries[0].fields)}
    kept, dropped = split_duplicates(batch.entries, known)
    assert [e.source for e in kept] == [e.source for e in batch.entries[1:]] and dropped == 1
    assert isinstance(kept[0], IncomingEntry)
