"""Rollback (issue 8): an older journal.db put back with its commit counter, or a lost log together with the counter
file, is reported as "the latest changes are missing" instead of opening silently. The header keeps the highest
commit it saw, authenticated under the database key, so one file swap cannot rewind it unnoticed."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from key_hierarchy_support import PASSPHRASE

from intimacy_desktop.core.errors import DataCorrupt, HeaderCorrupt
from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage.database import DB_NAME, SEQ_FILE
from intimacy_desktop.storage.header import HEADER_NAME, read_header


def _add(profile: UnlockedProfile, title: str) -> None:
    profile.journal.add(EntryFields(title=title, body="", entry_date=dt.date(2025, 3, 1)))


def _titles(profile: UnlockedProfile) -> list[str]:
    return sorted(s.title for s in profile.journal.summaries(EntryFilter(), limit=100))


def _files(folder: Path, names: tuple[str, ...]) -> dict[str, bytes]:
    return {n: (folder / n).read_bytes() for n in names if (folder / n).exists()}


def test_an_older_database_put_back_with_its_counter_is_reported(profiles: ProfileService) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    _add(created.profile, "first")
    created.profile.close()
    folder = created.profile.info.folder
    older = _files(folder, (DB_NAME, SEQ_FILE))

    profile = profiles.unlock(profiles.find("Sam"), PASSPHRASE)
    _add(profile, "second")
    profile.close()
    assert read_header(folder).seen_seq >= 2
    for name, data in older.items():
        (folder / name).write_bytes(data)

    header_before = (folder / HEADER_NAME).read_bytes()
    with pytest.raises(DataCorrupt) as missing:
        profiles.unlock(profiles.find("Sam"), PASSPHRASE)
    assert missing.value.code == "rolled_back" and missing.value.exit_code == 5
    assert (folder / HEADER_NAME).read_bytes() == header_before  # nothing changed

    accepted = profiles.unlock(profiles.find("Sam"), PASSPHRASE, accept_older=True)  # restored on purpose
    assert _titles(accepted) == ["first"]
    accepted.close()
    again = profiles.unlock(profiles.find("Sam"), PASSPHRASE)  # from now on this copy is the truth
    try:
        assert _titles(again) == ["first"]
    finally:
        again.close()


def test_a_crash_then_a_deleted_log_and_counter_is_reported(profiles: ProfileService, tmp_path: Path) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    profile = created.profile
    folder = profile.info.folder
    _add(profile, "in the log only")  # the first write of a session raises the header's mark at once
    crashed = tmp_path / "crashed"
    shutil.copytree(folder, crashed)  # the files as a kill -9 right now would leave them
    profile.close()
    assert (crashed / f"{DB_NAME}-wal").stat().st_size > 0
    (crashed / f"{DB_NAME}-wal").unlink()
    (crashed / SEQ_FILE).unlink()
    shutil.rmtree(folder)
    shutil.copytree(crashed, folder)

    with pytest.raises(DataCorrupt) as missing:
        profiles.unlock(profiles.find("Sam"), PASSPHRASE)
    assert missing.value.code == "rolled_back"


def test_a_lowered_mark_in_the_header_is_tampering(profiles: ProfileService) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    _add(created.profile, "first")
    created.profile.close()
    folder = created.profile.info.folder
    header = read_header(folder)
    from intimacy_desktop.storage.header import write_header

    write_header(folder, header._replace(seen_seq=0))  # the checksum is recomputed; the MAC cannot be
    with pytest.raises(HeaderCorrupt) as tampered:
        profiles.unlock(profiles.find("Sam"), PASSPHRASE)
    assert tampered.value.code == "header_tampered"


def test_a_clean_close_and_the_counter_agree_so_nothing_is_reported(profiles: ProfileService) -> None:
    created = profiles.create("Sam", PASSPHRASE)
    for i in range(3):
        _add(created.profile, f"entry {i}")
    created.profile.close()
    for _ in range(2):
        profile = profiles.unlock(profiles.find("Sam"), PASSPHRASE)
        assert len(_titles(profile)) == 3
        profile.close()
    assert read_header(created.profile.info.folder).seen_seq == 3
