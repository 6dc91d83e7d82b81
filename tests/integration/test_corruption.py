"""A damaged database is reported as damage (DataCorrupt, exit 5): never as a wrong passphrase, never re-created.

Every case works on a copy of one real profile, checks the error class and exit code, and checks that the copy's
files are byte-identical afterwards with nothing added (no fresh vault.json, database, -wal or -shm).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlcipher3

from intimacy_desktop.core.errors import (
    EXIT_DATA,
    AppError,
    DataCorrupt,
    SchemaTooNew,
    WrongPassphrase,
)
from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.services.profiles import ProfileInfo, ProfileService
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.database import DB_NAME, Database
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.header import HEADER_NAME, read_header
from intimacy_desktop.storage.vault import unlock

PASSPHRASE = "corruption test"
N_ENTRIES = 300
PAGE = 4096


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


class Built:
    def __init__(self, root: Path, service: ProfileService, info: ProfileInfo, titles: list[str]) -> None:
        self.root = root
        self.service = service
        self.info = info
        self.titles = titles
        self._n = 0

    def copy(self) -> ProfileInfo:
        """A copy of the profile folder (same vault id, so the same keyring item unlocks it)."""
        self._n += 1
        dest = self.root / f"copy{self._n}"
        shutil.copytree(self.info.folder, dest)
        return ProfileInfo(dest, self.info.label, self.info.has_passphrase, self.info.uses_keyring)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("corruption")
    store = MemorySecretStore()
    service = ProfileService(root / "data", lambda: store, crypto.FAST_TEST_PARAMS)
    created = service.create("Damaged", PASSPHRASE)
    titles = []
    for i in range(N_ENTRIES):
        title = f"entry {i:03d}"
        created.profile.journal.add(
            EntryFields(
                title=title,
                body=f"body {i} " + "lorem ipsum dolor sit amet " * 60,
                entry_date=dt.date(2020, 1, 1) + dt.timedelta(days=i),
                tags=(f"tag{i % 10}",),
                mood=i % 5 + 1,
            )
        )
        titles.append(title)
    created.profile.close()
    info = service.find("Damaged")
    assert_closed_cleanly(info.folder)
    return Built(root, service, info, titles)


def assert_corrupt(
    service: ProfileService, info: ProfileInfo, passphrase: str | None = PASSPHRASE, *, may_drop_shm: bool = False
) -> DataCorrupt:
    before = snapshot(info.folder)
    if may_drop_shm and f"{DB_NAME}-shm" not in {p.name for p in info.folder.iterdir()}:
        may_drop_shm = False
    with pytest.raises(AppError) as err:
        _unlock_and_check(service, info, passphrase)
    exc = err.value
    assert isinstance(exc, DataCorrupt), f"{type(exc).__name__}: {exc}"
    assert not isinstance(exc, WrongPassphrase)
    assert exc.exit_code == EXIT_DATA == 5
    after = snapshot(info.folder)
    if may_drop_shm:
        # SQLite's shared-memory index (no content, rebuilt on every open) may go when the failed connection
        # closes; everything else must stay byte for byte.
        after.setdefault(f"{DB_NAME}-shm", before[f"{DB_NAME}-shm"])
    assert after == before, "unlocking a damaged profile changed or added files"
    return exc


def _unlock_and_check(service: ProfileService, info: ProfileInfo, passphrase: str | None) -> None:
    """Damage in the first page fails the unlock; damage further in is found by the full check (which the CLI's
    ``profile check`` and the window after unlock run: a normal open reads only the first page, so it costs the
    same at any size), or by the first read of the damaged page."""
    profile = service.unlock(info, passphrase)
    try:
        profile.check_integrity()
    finally:
        profile.close()


def assert_closed_cleanly(folder: Path) -> None:
    names = {p.name for p in folder.iterdir()}
    assert {DB_NAME, HEADER_NAME} <= names
    assert not {f"{DB_NAME}-wal", f"{DB_NAME}-shm"} & names, names


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_the_database_spans_many_pages(built: Built) -> None:
    size = (built.info.folder / DB_NAME).stat().st_size
    assert size % PAGE == 0
    assert size // PAGE >= 100
    profile = built.service.unlock(built.info, PASSPHRASE)
    try:
        assert profile.journal.count() == N_ENTRIES
    finally:
        profile.close()


@pytest.mark.parametrize(
    "where",
    ["first-page", "first-page-salt", "second-page", "middle-page", "last-page", "last-byte"],
)
def test_flipped_byte_is_data_corrupt(built: Built, where: str) -> None:
    info = built.copy()
    db = info.folder / DB_NAME
    size = db.stat().st_size
    pages = size // PAGE
    offset = {
        "first-page": 100,
        "first-page-salt": 3,
        "second-page": PAGE + 100,
        "middle-page": (pages // 2) * PAGE + 1000,
        "last-page": (pages - 1) * PAGE + 100,
        "last-byte": size - 1,
    }[where]
    _flip(db, offset)
    exc = assert_corrupt(built.service, info)
    assert type(exc) is DataCorrupt  # the header was fine: this is the database, not vault.json


@pytest.mark.parametrize("length", [0, 16, 1024, 4095, 4096, 4097, "half", "minus-one-page", "minus-one"])
def test_truncated_database_is_data_corrupt(built: Built, length: int | str) -> None:
    info = built.copy()
    db = info.folder / DB_NAME
    size = db.stat().st_size
    named = {"half": size // 2, "minus-one-page": size - PAGE, "minus-one": size - 1}
    n = named[length] if isinstance(length, str) else length
    assert 0 <= n < size
    with open(db, "r+b") as fh:
        fh.truncate(n)
    assert_corrupt(built.service, info)
    assert db.stat().st_size == n


def test_zero_filled_page_is_data_corrupt(built: Built) -> None:
    info = built.copy()
    db = info.folder / DB_NAME
    data = bytearray(db.read_bytes())
    middle = (len(data) // PAGE // 2) * PAGE
    data[middle : middle + PAGE] = bytes(PAGE)
    db.write_bytes(bytes(data))
    assert_corrupt(built.service, info)


def test_swapped_pages_are_data_corrupt(built: Built) -> None:
    info = built.copy()
    db = info.folder / DB_NAME
    data = bytearray(db.read_bytes())
    a, b = 5 * PAGE, 6 * PAGE
    data[a : a + PAGE], data[b : b + PAGE] = data[b : b + PAGE], data[a : a + PAGE]
    db.write_bytes(bytes(data))
    assert_corrupt(built.service, info)


def test_database_of_another_vault_is_data_corrupt(built: Built, tmp_path: Path) -> None:
    """A DB swapped in from another profile: the header's key is right for the header, wrong for the file."""
    info = built.copy()
    store = MemorySecretStore()
    other = ProfileService(tmp_path, lambda: store, crypto.FAST_TEST_PARAMS).create("Other", "x")
    other.profile.close()
    shutil.copyfile(other.profile.info.folder / DB_NAME, info.folder / DB_NAME)
    assert_corrupt(built.service, info)


def test_deleted_database_is_data_corrupt_and_not_recreated(built: Built) -> None:
    info = built.copy()
    (info.folder / DB_NAME).unlink()
    assert_corrupt(built.service, info)
    assert not (info.folder / DB_NAME).exists()
    assert HEADER_NAME in {p.name for p in info.folder.iterdir()}


def test_plaintext_sqlite_file_in_place_is_data_corrupt(built: Built) -> None:
    import sqlite3

    info = built.copy()
    db = info.folder / DB_NAME
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE entries (id INTEGER)")
    conn.commit()
    conn.close()
    assert_corrupt(built.service, info)


def test_right_passphrase_on_a_damaged_copy_is_never_wrong_passphrase_but_wrong_one_is(built: Built) -> None:
    info = built.copy()
    _flip(info.folder / DB_NAME, 100)
    assert_corrupt(built.service, info)
    with pytest.raises(WrongPassphrase):  # the header is checked first: a wrong passphrase still says so
        built.service.unlock(info, "not it")


def test_the_original_is_untouched_by_all_of_this(built: Built) -> None:
    profile = built.service.unlock(built.info, PASSPHRASE)
    try:
        assert profile.journal.count() == N_ENTRIES
        assert sorted(s.title for s in profile.journal.summaries(EntryFilter(), limit=1000)) == built.titles
    finally:
        profile.close()


# ---- crash: an unclosed profile with and without its write-ahead log --------------------------------------------


# The service, the copied profile, every committed title, and how to close the original.
Crashed = tuple[ProfileService, ProfileInfo, list[str], Callable[[], None]]


@pytest.fixture
def crashed(tmp_path: Path) -> Iterator[Crashed]:
    """An open profile with committed entries still in its -wal, copied as if the machine died right now."""
    store = MemorySecretStore()
    service = ProfileService(tmp_path / "data", lambda: store, crypto.FAST_TEST_PARAMS)
    created = service.create("Crashy", PASSPHRASE)
    j = created.profile.journal
    titles = [j.add(EntryFields(title=f"before {i}", body="x" * 500)).fields.title for i in range(20)]
    created.profile.close()
    live = service.unlock(service.find("Crashy"), PASSPHRASE)
    titles += [live.journal.add(EntryFields(title=f"in wal {i}", body="y" * 500)).fields.title for i in range(30)]

    src = live.info.folder
    wal = Path(f"{src / DB_NAME}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    dest = tmp_path / "crash-copy"
    dest.mkdir()
    names = sorted(p.name for p in src.iterdir())
    assert {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", HEADER_NAME} <= set(names)
    for name in names:  # the whole folder, whatever side files (open marker, commit record) the app keeps
        shutil.copy2(src / name, dest / name)
    info = ProfileInfo(dest, "Crashy", True, True)
    try:
        yield service, info, titles, live.close
    finally:
        live.close()


def test_crash_copy_without_wal_is_data_corrupt(crashed: Crashed) -> None:
    service, info, _titles, _close = crashed
    os.remove(info.folder / f"{DB_NAME}-wal")
    assert_corrupt(service, info, may_drop_shm=True)
    assert not Path(f"{info.folder / DB_NAME}-wal").exists()


def test_crash_copy_with_wal_but_damaged_main_file_is_data_corrupt_and_keeps_its_wal(crashed: Crashed) -> None:
    """A failed open must not checkpoint the log into a damaged file (nor delete the log) on the way out."""
    service, info, _titles, close_original = crashed
    close_original()
    db = info.folder / DB_NAME
    _flip(db, (db.stat().st_size // PAGE // 2) * PAGE + 200)
    assert_corrupt(service, info)
    assert Path(f"{db}-wal").stat().st_size > 0


def test_crash_copy_with_wal_opens_with_every_entry(crashed: Crashed) -> None:
    service, info, titles, close_original = crashed
    close_original()
    profile = service.unlock(info, PASSPHRASE)
    try:
        found = sorted(s.title for s in profile.journal.summaries(EntryFilter(), limit=1000))
        assert found == sorted(titles)
        assert len(found) == 50
        [hit] = profile.journal.summaries(EntryFilter(text="wal 29"))
        assert profile.journal.get(hit.id).fields.title == "in wal 29"
    finally:
        profile.close()
    assert_closed_cleanly(info.folder)  # the log was checkpointed into the file
    profile = service.unlock(info, PASSPHRASE)
    try:
        assert profile.journal.count() == 50
    finally:
        profile.close()


# ---- a schema newer than this app --------------------------------------------------------------------------------


def _user_version(folder: Path, dek: bytes) -> int:
    conn = sqlcipher3.connect(str(folder / DB_NAME))
    try:
        conn.execute(f"PRAGMA key = \"x'{dek.hex()}'\"")
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_newer_schema_is_refused_and_left_alone(built: Built) -> None:
    info = built.copy()
    store = built.service._secret_store()
    _, dek = unlock(info.folder, PASSPHRASE, store)
    db = Database(info.folder, dek)
    with db.session() as s:
        s.run("PRAGMA user_version = 99")
    db.close()
    assert _user_version(info.folder, dek) == 99

    before = snapshot(info.folder)
    header_version = read_header(info.folder).version
    with pytest.raises(AppError) as err:
        built.service.unlock(info, PASSPHRASE)
    assert type(err.value) is SchemaTooNew
    assert err.value.exit_code == EXIT_DATA == 5
    assert _user_version(info.folder, dek) == 99
    assert snapshot(info.folder) == before
    assert read_header(info.folder).version == header_version  # the header was not "upgraded" either


def test_a_normal_open_reads_only_the_first_page_and_the_check_finds_the_rest(built: Built) -> None:
    """Opening costs the same at any size (issue 8): damage in the middle does not stop the unlock; the full check
    names it, and neither the open nor the check changes a byte."""
    info = built.copy()
    db = info.folder / DB_NAME
    _flip(db, (db.stat().st_size // PAGE // 2) * PAGE + 1000)
    before = snapshot(info.folder)
    profile = built.service.unlock(info, PASSPHRASE)
    try:
        with pytest.raises(DataCorrupt):
            profile.check_integrity()
    finally:
        profile.close()
    assert snapshot(info.folder) == before
