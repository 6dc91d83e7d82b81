"""A link planted in the data folder never makes the app write outside it (DESIGN.md §4, issue 8).

Someone on the same OS account can put a symbolic link (or a hard link) at every fixed name the app writes: the
commit counter's side file, the header's temporary file, the database and its log, the folders. Each such write
either goes safely elsewhere (a new file renamed over the link, which replaces the link itself) or is refused with
a clear message; what the link points at is never written, created or truncated.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from intimacy_desktop.core.errors import DataCorrupt
from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.services.profiles import ProfileInfo, ProfileService
from intimacy_desktop.storage.database import SEQ_FILE
from intimacy_desktop.storage.header import HEADER_NAME, read_header

PASSPHRASE = "a passphrase for the link tests"
VICTIM = b"a file of the person's, outside the data folder\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "victim.txt").write_bytes(VICTIM)
    return folder


def tree(folder: Path) -> dict[str, bytes | str]:
    return {
        str(p.relative_to(folder)): (f"-> {os.readlink(p)}" if p.is_symlink() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


def _made(profiles: ProfileService) -> ProfileInfo:
    created = profiles.create("Links", PASSPHRASE)
    created.profile.journal.add(EntryFields(title="before the link"))
    created.profile.close()
    return profiles.find("Links")


def _write_once(profiles: ProfileService, info: ProfileInfo, title: str) -> list[str]:
    profile = profiles.unlock(info, PASSPHRASE)
    try:
        profile.journal.add(EntryFields(title=title))
        return [row.title for row in profile.journal.summaries()]
    finally:
        profile.close()


@pytest.mark.parametrize("kind", ["symlink", "hardlink"])
def test_a_link_at_the_commit_counter_is_replaced_never_written_through(
    profiles: ProfileService, outside: Path, kind: str
) -> None:
    info = _made(profiles)
    seq = info.folder / SEQ_FILE
    seq.unlink()
    victim = outside / "victim.txt"
    if kind == "symlink":
        seq.symlink_to(victim)
    else:
        os.link(victim, seq)
    before = tree(outside)

    titles = _write_once(profiles, info, "after the link")

    assert tree(outside) == before
    assert victim.read_bytes() == VICTIM
    assert not seq.is_symlink() and seq.stat().st_ino != victim.stat().st_ino
    assert int(seq.read_text(encoding="ascii")) >= 2
    assert sorted(titles) == ["after the link", "before the link"]
    assert sorted(_write_once(profiles, info, "and again")) == ["after the link", "and again", "before the link"]


@pytest.mark.parametrize("target", ["victim.txt", "new-file"])
def test_a_link_at_the_header_s_temporary_name_is_never_written_through(
    profiles: ProfileService, outside: Path, target: str
) -> None:
    info = _made(profiles)
    planted = info.folder / f".{HEADER_NAME}.tmp"
    planted.symlink_to(outside / target)
    before = tree(outside)

    profile = profiles.unlock(info, PASSPHRASE)
    try:
        profiles.change_passphrase(profile, PASSPHRASE, "a second passphrase for it")
    finally:
        profile.close()

    assert tree(outside) == before
    header = info.folder / HEADER_NAME
    assert header.is_file() and not header.is_symlink()
    assert read_header(info.folder).has_passphrase
    profiles.unlock(info, "a second passphrase for it").close()


@pytest.mark.parametrize("name", ["journal.db-wal", "journal.db-shm", "journal.db-journal"])
def test_a_link_in_place_of_a_database_log_is_refused_and_nothing_is_created(
    profiles: ProfileService, outside: Path, name: str
) -> None:
    info = _made(profiles)
    link = info.folder / name
    link.unlink(missing_ok=True)
    link.symlink_to(outside / name)  # dangling: SQLite would create the file out there
    before_outside, before_folder = tree(outside), tree(info.folder)

    with pytest.raises(DataCorrupt) as raised:
        profiles.unlock(info, PASSPHRASE)

    assert (raised.value.code, raised.value.params) == ("link_refused", {"name": name})
    assert raised.value.exit_code == 5
    assert tree(outside) == before_outside
    assert tree(info.folder) == before_folder
    link.unlink()
    assert _write_once(profiles, info, "after the link is gone")  # the link was the only problem


def test_a_database_that_is_a_link_is_refused(profiles: ProfileService, outside: Path) -> None:
    info = _made(profiles)
    db = info.folder / "journal.db"
    moved = outside / "journal.db"
    db.rename(moved)
    db.symlink_to(moved)
    before = tree(outside)

    with pytest.raises(DataCorrupt) as raised:
        profiles.unlock(info, PASSPHRASE)

    assert (raised.value.code, raised.value.params) == ("link_refused", {"name": "journal.db"})
    assert tree(outside) == before


def test_a_profile_folder_that_is_a_link_is_refused(profiles: ProfileService, outside: Path) -> None:
    info = _made(profiles)
    moved = outside / info.folder.name
    info.folder.rename(moved)
    info.folder.symlink_to(moved, target_is_directory=True)
    before = tree(outside)

    [listed] = profiles.list_profiles()  # still listed: reading through it is harmless
    with pytest.raises(DataCorrupt) as raised:
        profiles.unlock(listed, PASSPHRASE)

    assert (raised.value.code, raised.value.params) == ("link_refused", {"name": info.folder.name})
    assert tree(outside) == before


def test_a_folder_of_profiles_that_is_a_link_is_refused_before_anything_is_made(
    data_dir: Path, profiles: ProfileService, outside: Path
) -> None:
    (data_dir / "profiles").symlink_to(outside, target_is_directory=True)
    before = tree(outside)

    with pytest.raises(DataCorrupt) as raised:
        profiles.create("Links", PASSPHRASE)

    assert (raised.value.code, raised.value.params) == ("link_refused", {"name": "profiles"})
    assert tree(outside) == before
    assert sorted(p.name for p in outside.iterdir()) == ["victim.txt"]
