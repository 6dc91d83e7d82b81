"""Import and export through the service: a preview before anything is written, all or nothing, duplicates
skipped (a second import of the same file adds nothing), round trips through our own exports, and exports that
never replace anything and are private from the first byte."""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from pathlib import Path

import pytest

from intimacy_desktop.core.errors import ImportRefused, UsageError
from intimacy_desktop.core.journal import EntryFields, EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.profiles import UnlockedProfile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _titles(profile: UnlockedProfile) -> list[str]:
    return sorted(s.title for s in profile.journal.summaries(EntryFilter(), limit=100_000))


def _seed(profile: UnlockedProfile) -> None:
    profile.journal.add(EntryFields(title="Picnic by the lake", body="We talked for hours.\n\nThen rain.",
                                    entry_date=dt.date(2024, 6, 1), mood=4, layer=Layer.EMOTIONAL, kind=Kind.HIGH,
                                    tags=("summer", "starred")))
    profile.journal.add(EntryFields(title="A hard evening", body="We argued about phones.",
                                    entry_date=dt.date(2024, 6, 3), mood=2, layer=Layer.DIGITAL, kind=Kind.LOW))


def test_jrnl_import_previews_then_adds_all_and_a_second_time_nothing(profile: UnlockedProfile) -> None:
    service = profile.interchange
    preview = service.preview("jrnl", FIXTURES / "jrnl-export.json")
    assert preview.found >= 3 and preview.duplicates == 0
    assert _titles(profile) == []  # a preview writes nothing
    added = service.run(preview)
    assert added == len(preview.new)
    assert "Called in sick." in _titles(profile)
    again = service.preview("jrnl", FIXTURES / "jrnl-export.json")
    assert again.new == () and again.duplicates == preview.found
    assert service.run(again) == 0


def test_a_refused_file_imports_nothing(profile: UnlockedProfile, tmp_path: Path) -> None:
    bad = tmp_path / "cut.json"
    bad.write_bytes((FIXTURES / "jrnl-export.json").read_bytes()[:-30])
    with pytest.raises(ImportRefused):
        profile.interchange.preview("jrnl", bad)
    with pytest.raises(ImportRefused, match="import_unreadable"):
        profile.interchange.preview("dayone", tmp_path / "missing.zip")
    assert _titles(profile) == []


def test_markdown_export_then_import_round_trips_every_field(profile: UnlockedProfile, tmp_path: Path) -> None:
    _seed(profile)
    out = tmp_path / "export"
    assert profile.interchange.export("md", out) == 2
    names = sorted(p.name for p in out.iterdir())
    assert names[0] == "2024-06-01-picnic-by-the-lake.md" and "README-NOT-ENCRYPTED.txt" in names
    for path in out.iterdir():
        assert os.stat(path).st_mode & 0o077 == 0
    assert os.stat(out).st_mode & 0o077 == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left
    before = sorted((e.fields for e in profile.interchange.entries()), key=lambda f: f.title)
    for entry in profile.interchange.entries():
        profile.journal.purge(entry.id)
    preview = profile.interchange.preview("md", out)
    assert len(preview.new) == 2
    profile.interchange.run(preview)
    after = sorted((e.fields for e in profile.interchange.entries()), key=lambda f: f.title)
    assert after == before


def test_dayone_export_as_zip_reads_back(profile: UnlockedProfile, tmp_path: Path) -> None:
    _seed(profile)
    out = tmp_path / "dayone.zip"
    assert profile.interchange.export("json", out, tz_name="Europe/Berlin") == 2
    with zipfile.ZipFile(out) as zf:
        document = json.loads(zf.read("Journal.json"))
    assert next(iter(document)) == "notice" and "NOT encrypted" in document["notice"]
    assert profile.interchange.preview("dayone", out).duplicates == 2  # the same entries: all already here


def test_export_of_chosen_entries_and_no_replacing(profile: UnlockedProfile, tmp_path: Path) -> None:
    _seed(profile)
    first = profile.interchange.entries()[0]
    out = tmp_path / "one.json"
    assert profile.interchange.export("json", out, [first.id]) == 1
    before = out.read_bytes()
    with pytest.raises(UsageError, match="export_exists"):
        profile.interchange.export("json", out)
    with pytest.raises(UsageError, match="export_exists"):
        profile.interchange.export("md", out)
    assert out.read_bytes() == before
    with pytest.raises(UsageError, match="export_folder_missing"):
        profile.interchange.export("json", tmp_path / "nowhere" / "x.json")
