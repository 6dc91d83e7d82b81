"""Hostile and broken files: each is refused as a whole with a precise ``ImportRefused`` code, never anything else,
and nothing is ever unpacked beyond the limits (a zip bomb is refused, not inflated)."""

from __future__ import annotations

import io
import json
import stat
import struct
import zipfile
from collections.abc import Callable

import pytest

from intimacy_desktop.core import import_dayone
from intimacy_desktop.core import interchange as ix
from intimacy_desktop.core.errors import EXIT_DATA, ImportRefused
from intimacy_desktop.core.import_dayone import parse_dayone
from intimacy_desktop.core.import_jrnl import parse_jrnl
from intimacy_desktop.core.import_markdown import parse_markdown
from intimacy_desktop.messages import MESSAGES, english_text

MIB = 1024 * 1024
DAYONE_ENTRY = {"uuid": "AB" * 16, "creationDate": "2023-05-01T07:15:00Z", "timeZone": "UTC", "text": "Hi\n\nThere"}
DAYONE = json.dumps({"metadata": {"version": "1.0"}, "entries": [DAYONE_ENTRY]}).encode()
JRNL = json.dumps({"tags": {}, "entries": [{"title": "Hi.", "body": "There", "date": "2020-01-01",
                                           "time": "09:00", "tags": [], "starred": False}]}).encode()


def refused(call: Callable[[], object]) -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        call()
    error = caught.value
    assert error.exit_code == EXIT_DATA
    assert error.code in MESSAGES and "{" not in english_text(error)
    return error


def zipped(*members: tuple[zipfile.ZipInfo | str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info, data)
    return buffer.getvalue()


# ---- zip archives ---------------------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    """300 MB of zeros deflate to about 300 KB: written in chunks, so this test never holds 300 MB itself."""
    buffer = io.BytesIO()
    chunk = bytes(MIB)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("Journal.json", "w") as member:
        for _ in range(300):
            member.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 2 * MIB
    assert refused(lambda: parse_dayone(data)).code == "import_zip_bomb"


def test_a_bomb_among_the_photos_is_refused_too() -> None:
    data = zipped(("Journal.json", DAYONE), ("photos/big.jpeg", bytes(3 * MIB)))
    assert refused(lambda: parse_dayone(data)).code == "import_zip_bomb"


def test_the_bytes_read_are_counted_even_when_the_headers_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second line of defence: with the header checks gone, reading still stops at the ratio."""
    monkeypatch.setattr(import_dayone, "_check_members", lambda infos: list(infos))
    data = zipped(("Journal.json", b" " * (3 * MIB) + DAYONE))
    assert refused(lambda: parse_dayone(data)).code == "import_zip_bomb"


def test_the_total_unpacked_size_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ix, "MAX_UNCOMPRESSED", 100_000)
    data = zipped(("Journal.json", DAYONE), ("photos/a.jpeg", bytes(range(256)) * 400))
    assert refused(lambda: parse_dayone(data)).code == "import_too_large"


def test_headers_that_lie_about_sizes_make_a_damaged_archive() -> None:
    """A central directory claiming a tiny size: zipfile reads no more than claimed, and the checksum fails."""
    data = bytearray(zipped(("Journal.json", DAYONE)))
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 10)  # uncompressed size
    assert refused(lambda: parse_dayone(bytes(data))).code == "import_zip_damaged"


@pytest.mark.parametrize("name", ["../x.json", "/etc/x.json", "a\\..\\b.json", "C:/x.json", "photos/../../x.jpeg",
                                  "\\\\server\\share\\x.json"])
def test_a_name_that_leads_outside_the_archive_is_refused(name: str) -> None:
    info = zipfile.ZipInfo("placeholder.json")
    info.filename = name  # as a hostile tool writes it, without zipfile's clean-up
    data = zipped((info, DAYONE), ("Journal.json", DAYONE))
    error = refused(lambda: parse_dayone(data))
    assert error.code == "import_zip_unsafe_name" and error.params["name"] == name


def test_a_symbolic_link_is_refused() -> None:
    link = zipfile.ZipInfo("Journal.json")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    data = zipped((link, b"/home/someone/.ssh/id_ed25519"))
    assert refused(lambda: parse_dayone(data)).code == "import_zip_unsafe_name"


def test_an_encrypted_member_is_refused() -> None:
    """The encryption flag set in both headers, as a password-protecting tool writes it."""
    data = bytearray(zipped(("Journal.json", DAYONE)))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature) + offset
        struct.pack_into("<H", data, at, struct.unpack_from("<H", data, at)[0] | 0x1)
    assert refused(lambda: parse_dayone(bytes(data))).code == "import_zip_encrypted"


def test_too_many_members_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ix, "MAX_MEMBERS", 5)
    data = zipped(*[(f"photos/{i}.jpeg", b"x") for i in range(5)], ("Journal.json", DAYONE))
    assert refused(lambda: parse_dayone(data)).code == "import_zip_too_many_files"


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_truncated_zip_is_damaged(cut: float) -> None:
    data = zipped(("Journal.json", DAYONE * 1))
    assert refused(lambda: parse_dayone(data[: int(len(data) * cut)])).code == "import_zip_damaged"


def test_a_zip_without_a_journal_or_with_a_bad_one() -> None:
    assert refused(lambda: parse_dayone(zipped(("photos/a.jpeg", b"x")))).code == "import_zip_no_journal"
    error = refused(lambda: parse_dayone(zipped(("Journal.json", DAYONE.decode().encode("utf-16")))))
    assert (error.code, error.params) == ("import_not_utf8", {"name": "Journal.json"})
    assert refused(lambda: parse_dayone(zipped(("Journal.json", b"[1, 2")))).code == "import_truncated"


# ---- JSON -----------------------------------------------------------------------------------------------------

PARSERS = [parse_dayone, parse_jrnl]


@pytest.mark.parametrize("parse", PARSERS)
@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "import_truncated"),
        (b"hello", "import_not_json"),
        (b'{"entries": [}', "import_not_json"),
        (b'{"entries": [{"title": "cut off', "import_truncated"),
        (b'{"entries": [', "import_truncated"),
        (b"[" * 100_000 + b"]" * 100_000, "import_not_json"),
        (b'{"entries": [' + b"1" * 5000 + b"]}", "import_not_json"),
        ('{"entries": []}'.encode("utf-16"), "import_json_not_utf8"),
        ('{"entries": []}'.encode("utf-16-le"), "import_json_not_utf8"),
        ('{"entries": []}'.encode("utf-32"), "import_json_not_utf8"),
        (b'{"entries": "\xe9t\xe9"}', "import_json_not_utf8"),
        (b"[]", "import_wrong_shape"),
        (b'{"entries": {}}', "import_wrong_shape"),
        (b'{"metadata": {}}', "import_wrong_shape"),
        (b'{"entries": [42]}', "import_wrong_shape"),
        (b'{"entries": []}', "import_empty"),
    ],
)
def test_broken_json_is_refused_with_its_reason(parse: Callable[[bytes], object], data: bytes, code: str) -> None:
    assert refused(lambda: parse(data)).code == code


def test_a_truncated_export_is_told_from_a_broken_one() -> None:
    assert refused(lambda: parse_dayone(DAYONE[:-10])).code == "import_truncated"
    assert refused(lambda: parse_jrnl(JRNL[: len(JRNL) // 2])).code == "import_truncated"


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"text": 42}, "import_wrong_shape", "entries[0].text"),
        ({"tags": "a, b"}, "import_wrong_shape", "entries[0].tags"),
        ({"tags": ["a", 1]}, "import_wrong_shape", "entries[0].tags"),
        ({"starred": "yes"}, "import_wrong_shape", "entries[0].starred"),
        ({"creationDate": 1682925300}, "import_wrong_shape", "entries[0].creationDate"),
        ({"creationDate": "yesterday"}, "import_bad_date", "entries[0].creationDate"),
        ({"creationDate": "2023-02-30T10:00:00Z"}, "import_bad_date", "entries[0].creationDate"),
        ({"text": "# " + "x" * (2 * MIB)}, "import_field_too_large", "entries[0].body"),
        ({"tags": ["t"] * 1001}, "import_field_too_large", "entries[0].tags"),
    ],
)
def test_a_day_one_entry_of_the_wrong_shape_is_named(change: dict[str, object], code: str, field: str) -> None:
    data = json.dumps({"entries": [{**DAYONE_ENTRY, **change}]}).encode()
    error = refused(lambda: parse_dayone(data))
    assert (error.code, error.params["field"]) == (code, field)


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"title": 1}, "import_wrong_shape", "entries[0].title"),
        ({"body": ["x"]}, "import_wrong_shape", "entries[0].body"),
        ({"date": "01/02/2020"}, "import_bad_date", "entries[0].date"),
        ({"date": "2020-13-01"}, "import_bad_date", "entries[0].date"),
        ({"date": None}, "import_wrong_shape", "entries[0].date"),
        ({"time": 9}, "import_wrong_shape", "entries[0].time"),
        ({"title": "x" * (2 * MIB)}, "import_field_too_large", "entries[0].body"),
    ],
)
def test_a_jrnl_entry_of_the_wrong_shape_is_named(change: dict[str, object], code: str, field: str) -> None:
    entry = {"title": "Hi.", "body": "", "date": "2020-01-01", "time": "09:00", "tags": [], "starred": False}
    error = refused(lambda: parse_jrnl(json.dumps({"entries": [{**entry, **change}]}).encode()))
    assert (error.code, error.params["field"]) == (code, field)


def test_too_many_entries_are_refused_before_any_is_read() -> None:
    data = b'{"entries": [' + b"{}," * 199_999 + b"{}]}"
    assert refused(lambda: parse_jrnl(data)).code == "import_too_many_entries"
    assert refused(lambda: parse_dayone(data)).code == "import_too_many_entries"


def test_the_entry_limit_holds_across_journals(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ix, "MAX_ENTRIES", 3)
    journal = json.dumps({"entries": [DAYONE_ENTRY] * 2}).encode()
    data = zipped(("One.json", journal), ("Two.json", journal))
    assert refused(lambda: parse_dayone(data)).code == "import_too_many_entries"


def test_a_file_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ix, "MAX_FILE_BYTES", len(DAYONE) - 1)
    assert refused(lambda: parse_dayone(DAYONE)).code == "import_too_large"
    assert refused(lambda: parse_jrnl(DAYONE)).code == "import_too_large"


def test_escapes_that_name_no_character_become_replacement_characters() -> None:
    data = json.dumps({"entries": [{**DAYONE_ENTRY, "text": "Title \ud800\n\nnul\x00 here"}]}).encode()
    fields = parse_dayone(data).entries[0].fields
    assert (fields.title, fields.body) == ("Title \ufffd", "nul here")
    fields.body.encode("utf-8")


def test_a_hostile_time_zone_is_read_as_utc() -> None:
    for zone in ["../../../../etc/passwd", "/etc/localtime", "", "Europe/Berlin\x00", "x" * 1000, 7]:
        data = json.dumps({"entries": [{**DAYONE_ENTRY, "timeZone": zone}]}).encode()
        assert parse_dayone(data).entries[0].fields.entry_date.isoformat() == "2023-05-01"


# ---- Markdown -------------------------------------------------------------------------------------------------


def note(path: str, text: str | bytes = "# Title\n\nBody\n") -> tuple[str, bytes]:
    return path, text.encode() if isinstance(text, str) else text


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ([note("2020-01-01.md", "Caf\xe9 au lait".encode("latin-1"))], "import_not_utf8"),
        ([note("2020-01-01.md", "# Title\n".encode("utf-16"))], "import_not_utf8"),
        ([note("2020-01-01.md", "# Title\n".encode("utf-16-le"))], "import_not_utf8"),
        ([note("../2020-01-01.md")], "import_unsafe_path"),
        ([note("/etc/2020-01-01.md")], "import_unsafe_path"),
        ([note("a\\..\\2020-01-01.md")], "import_unsafe_path"),
        ([note("C:/2020-01-01.md")], "import_unsafe_path"),
        ([note("a//2020-01-01.md")], "import_unsafe_path"),
        ([note("a/./2020-01-01.md")], "import_unsafe_path"),
        ([note("/".join("d" * 9) + "/2020-01-01.md")], "import_too_deep"),
        ([note("2020-01-01.md", b"x" * (5 * MIB + 1))], "import_file_too_large"),
        ([note("2020-01-01.md", "x" * (2 * MIB))], "import_field_too_large"),
        ([note("2020-01-01.md", "---\ntitle: " + "x" * (2 * MIB) + "\n---\n")], "import_field_too_large"),
        ([note("notes.md")], "import_no_date"),
        ([note("x.md", "---\ndate: someday\n---\nHi\n")], "import_bad_date"),
        ([note("2020-01-01.md", "")], "import_empty"),
        ([note("2020-01-01.md", "\n  \n\t\n")], "import_empty"),
        ([note("2020-01-01.png", b"\x89PNG")], "import_empty"),
        ([], "import_empty"),
    ],
)
def test_a_markdown_folder_is_refused_with_its_reason(files: list[tuple[str, bytes]], code: str) -> None:
    assert refused(lambda: parse_markdown(files)).code == code


def test_too_many_markdown_files_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ix, "MAX_FILES", 3)
    files = [note(f"2020-01-0{i}.md") for i in range(1, 5)]
    assert refused(lambda: parse_markdown(files)).code == "import_too_many_files"


def test_the_total_of_markdown_text_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ix, "MAX_UNCOMPRESSED", 40)
    files = [note(f"2020-01-0{i}.md") for i in range(1, 5)]
    assert refused(lambda: parse_markdown(files)).code == "import_too_large"


def test_a_hostile_name_is_shown_escaped_and_short() -> None:
    error = refused(lambda: parse_markdown([note("\x1b[31m" + "n" * 200 + ".md", b"\xff")]))
    assert error.code == "import_unsafe_path"
    name = str(error.params["name"])
    assert "\x1b" not in name and len(name) < 80


def test_long_lines_of_markup_stay_fast() -> None:
    """Patterns that could backtrack (comments, photo references) on megabyte-long lines."""
    text = "---\ntitle: a" + " " * 200_000 + "b\ntags: " + " ," * (MIB // 2) + "\n---\n" + "![](" * (MIB // 8)
    assert parse_markdown([note("2020-01-01.md", text)]).entries[0].fields.title.startswith("a")
    day_one = json.dumps({"entries": [{**DAYONE_ENTRY, "text": "![](dayone-moment:" * 50_000}]}).encode()
    assert parse_dayone(day_one).entries[0].fields.title.startswith("![](dayone-moment:")
