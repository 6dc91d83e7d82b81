"""Open a vault's SQLCipher database, verify it, migrate it, and close it cleanly.

Connections come from storage/sql.py (keyed with the raw key, so no PBKDF2 runs per connection). A small pool
keeps one connection open while the vault is unlocked: that keeps the write-ahead log in place and saves keying per
query. Locking closes the pool, which checkpoints the log into the encrypted file and wipes the key it held.

Opening costs the same at 100 entries and at 50,000: SQLCipher checks each page's HMAC whenever it reads the page,
so a normal open reads only the first page (which a wrong key or a damaged start fails). The full check of every
page runs after a crash (on a copy, before the real files are touched), on demand (``check_integrity``: the CLI's
``profile check``) and in the window in the background after unlock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from intimacy_desktop.core.errors import DataCorrupt, DiskFull, SchemaTooNew, UsageError, VaultLocked
from intimacy_desktop.storage import in_use, rekey
from intimacy_desktop.storage.fsutil import create_private_file, refuse_link, replace_file, restrict_file
from intimacy_desktop.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from intimacy_desktop.storage.sql import Pool, Tx

DB_NAME = "journal.db"
# How many write transactions the database has committed, mirrored in a side file after each commit. Only an
# integer, no content. When the file says more than the database does, committed writes are missing: the
# write-ahead log was deleted or lost after a crash. A graceful exit, even without close(), keeps the two equal.
SEQ_FILE = "journal.db-seq"

class Database:
    """One open, verified, migrated vault database."""

    def __init__(
        self,
        folder: Path,
        dek: bytes | bytearray,
        *,
        create: bool = False,
        seen_seq: int = 0,
        accept_older: bool = False,
    ) -> None:
        """``seen_seq``: the commit the header says this database reached; an older database is a rollback
        (``DataCorrupt("rolled_back")``) unless ``accept_older`` (the person restored an older copy on purpose)."""
        self.folder = folder
        self.path = folder / DB_NAME
        self._seq_file = folder / SEQ_FILE
        self._closed = False
        self._known_seq = 0
        _refuse_links(folder, create=create)
        self._in_use = _hold(folder, dek, create=create)  # released by close(), or at once if opening fails
        try:
            self._open(dek, create=create, seen_seq=seen_seq, accept_older=accept_older)
        except BaseException:
            self._in_use.release()
            raise

    def _open(self, dek: bytes | bytearray, *, create: bool, seen_seq: int, accept_older: bool) -> None:
        _check_files(self.path, create=create)
        wal = Path(f"{self.path}-wal")
        if not create and wal.exists() and wal.stat().st_size > 0:
            _check_crash_copy(self.path, dek, None if accept_older else self._seq_file)
        self.pool = Pool(self.path, dek)
        try:
            with translate_errors(), self.pool.transaction() as tx:
                _verify(tx)
                migrate(tx)
                if not accept_older:
                    _check_commit_seq(tx, self._seq_file)
                self._known_seq = _commit_seq(tx)
                if self._known_seq < seen_seq and not accept_older:
                    raise DataCorrupt("rolled_back")
            if accept_older:  # the older copy is now the truth: the side file and the header follow it
                _write_seq(self._seq_file, self._known_seq)
        except BaseException:
            self.pool.close()
            raise
        for suffix in ("", "-wal", "-shm"):
            restrict_file(Path(f"{self.path}{suffix}"))

    @property
    def commit_seq(self) -> int:
        """The last commit this process made or noticed (what the header's ``seen_seq`` is raised to on close)."""
        return self._known_seq

    @contextlib.contextmanager
    def session(self) -> Iterator[Tx]:
        """A unit of work: commits on success (durably: synchronous=FULL), rolls back on any error."""
        if self._closed:
            raise VaultLocked()
        seq = None
        with translate_errors(), self.pool.transaction() as tx:
            before = tx.total_changes
            yield tx
            if tx.total_changes != before:
                seq = int(tx.scalar(_BUMP_SEQ))
        if seq is not None:
            self._known_seq = seq  # before the side file: a poll in between must not take our write for another's
            _write_seq(self._seq_file, seq)

    def foreign_commits(self) -> bool:
        """True once after another process (the CLI, say) committed to this database since we last looked.

        Reads only the commit counter's side file (an integer, no content): cheap enough to ask on every focus.
        """
        try:
            on_disk = int(self._seq_file.read_text(encoding="ascii").strip() or 0)
        except (OSError, ValueError, UnicodeDecodeError):
            return False
        if on_disk == self._known_seq:
            return False
        self._known_seq = on_disk
        return True

    def close(self, *, keep_hold: bool = False) -> None:
        """Checkpoint the log into the main file, close every connection and wipe the key the pool held, so a
        locked vault keeps no path back to its key. Closing twice is harmless."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):  # a checkpoint that cannot run leaves the log for the next open
            self.pool.close("PRAGMA wal_checkpoint(TRUNCATE)")  # closes every connection and wipes the key, always
        del self.pool
        if not keep_hold:
            self._in_use.release()

    def check_integrity(self) -> None:
        """Read and check every page and the b-tree structure; ``DataCorrupt`` names damage. Seconds at 50,000
        entries: the CLI's ``profile check`` and the window's background check after unlock, not every open."""
        if self._closed:
            raise VaultLocked()
        try:
            with translate_errors(), self.pool.connection() as conn:
                _verify(Tx(conn), full=True, structure=True)
        except DataCorrupt as exc:  # the profile is open: the damage is in pages not read yet, not "cannot open"
            raise DataCorrupt("damage_found") from exc

    def export_copy(self, target: Path, key: bytes | bytearray | None) -> tuple[int, int]:
        """A consistent copy of every table into a new SQLCipher file ``target`` under ``key`` (a backup's snapshot),
        taken in one read transaction while others may go on writing; returns (live entries, commit counter).
        ``key`` None: the database's own key (a sealed copy, restored as the same vault)."""
        if self._closed:
            raise VaultLocked()
        os.close(create_private_file(target))  # 0600 from the start, and never through a planted link
        with translate_errors(), self.pool.connection() as conn:
            rekey.attach(conn, target, key, "snap")
            try:
                conn.execute("BEGIN")
                try:
                    version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
                    conn.execute("SELECT sqlcipher_export('snap')")
                    conn.execute(f"PRAGMA snap.user_version = {version}")
                    tx = Tx(conn)
                    entries = int(tx.scalar("SELECT count(*) FROM main.entries WHERE deleted_at IS NULL"))
                    seq = _commit_seq(tx)
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            finally:
                conn.execute("DETACH DATABASE snap")
        return entries, seq

    def release_hold(self) -> None:
        """After ``close(keep_hold=True)``: the header was updated while nobody could re-key; now others may."""
        self._in_use.release()


def _hold(folder: Path, dek: bytes | bytearray, *, create: bool) -> in_use.InUse:
    """The shared hold on the database for as long as it is open; first, under an exclusive one, finish or undo a
    re-key a crash interrupted (storage/rekey.py)."""
    if create or not (folder / rekey.NEXT_NAME).exists():
        return in_use.shared(folder)
    held = in_use.exclusive(folder)
    try:
        rekey.settle(folder, dek)
        held.downgrade()
    except BaseException:
        held.release()
        raise
    return held


def _check_crash_copy(path: Path, dek: bytes | bytearray, seq_file: Path | None) -> None:
    """After a crash, check a copy first: closing a connection checkpoints the log into the main file, and a
    failed open must leave a damaged database and its log exactly as they were, for whoever tries to rescue them.
    The copy sits in a private folder inside the vault and is removed at once; it is as encrypted as the original.
    With no room for a copy, the checks run in place: a full disk has no room for a checkpoint to grow the file
    either, and refusing to open would keep a person from their journal over free space.
    """
    try:
        scratch = Path(tempfile.mkdtemp(prefix=".check-", dir=path.parent))
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            return
        raise
    try:
        try:
            for suffix in ("", "-wal"):
                shutil.copyfile(f"{path}{suffix}", scratch / f"{DB_NAME}{suffix}")
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                return
            raise
        pool = Pool(scratch / DB_NAME, dek)
        try:
            with translate_errors(), pool.transaction() as tx:
                _verify(tx, full=True, structure=True)
                if schema_version(tx) > SCHEMA_VERSION:
                    raise SchemaTooNew()
                if seq_file is not None:
                    _check_commit_seq(tx, seq_file)
        finally:
            pool.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


_BUMP_SEQ = (
    "INSERT INTO settings (key, value) VALUES ('commit_seq', '1') "
    "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value"
)


def _write_seq(path: Path, seq: int) -> None:
    """Best effort: the commit already happened. A record that lags (full disk) only weakens the lost-log check for
    a moment; it can never make a healthy database look damaged. A new file renamed over the old one: never torn,
    and a link planted at the name is replaced rather than written through (fsutil)."""
    with contextlib.suppress(OSError):
        replace_file(path, str(seq).encode("ascii"), durable=False)


def _commit_seq(tx: Tx) -> int:
    return int(tx.scalar("SELECT value FROM settings WHERE key = 'commit_seq'") or 0)


def _check_commit_seq(tx: Tx, seq_file: Path) -> None:
    try:
        recorded = int(seq_file.read_text(encoding="ascii").strip() or 0)
    except (FileNotFoundError, ValueError, UnicodeDecodeError):
        return  # no record (or a torn write of it): nothing to compare against
    if recorded > _commit_seq(tx):
        raise DataCorrupt("wal_lost")


def _refuse_links(folder: Path, *, create: bool) -> None:
    """The database, its logs and their folders are real files and folders of the vault, never links: SQLite
    would follow a link and write the data, or create its log, wherever it points. A hard link can make a log
    (rewritten on every open) share its contents with a file elsewhere, so the logs must have no second name.
    The main file may have one (a hard-link backup of the folder): it is only ever written as our database."""
    refuse_link(folder)
    if not create:
        refuse_link(folder.parent)  # the folder of profiles
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = folder / f"{DB_NAME}{suffix}"
        refuse_link(path)
        with contextlib.suppress(FileNotFoundError):
            if suffix and path.lstat().st_nlink > 1:
                raise DataCorrupt("link_refused", name=path.name)


def _check_files(path: Path, *, create: bool) -> None:
    if create:
        if path.exists():
            raise UsageError("database_exists")
        return
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise DataCorrupt("database_missing") from exc
    if size == 0:
        raise DataCorrupt("database_empty")


def _verify(tx: Tx, *, full: bool = False, structure: bool = False) -> None:
    """Normally: read the first page, which a wrong key or a damaged start fails (constant time). ``full``: every
    page once, so SQLCipher checks each page's HMAC and that none is missing (~170 ms at 10,000 entries): any flipped
    byte or truncation fails. ``structure``: SQLite's b-tree check too (~4x more; it finds only damage made with
    the key)."""
    tx.rows("SELECT count(*) FROM sqlite_master")
    if full and tx.rows("PRAGMA cipher_integrity_check"):
        raise DataCorrupt()
    if structure and tx.rows("PRAGMA quick_check") != [("ok",)]:
        raise DataCorrupt()


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """SQLite's failures, in the words DESIGN.md asks for: damage, a full disk, or a busy database."""
    import sqlcipher3

    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        text = str(exc).lower()
        if "full" in text:
            raise DiskFull() from exc
        if isinstance(exc, sqlcipher3.OperationalError) and "locked" in text:
            raise UsageError("database_busy") from exc
        if any(s in text for s in ("not a database", "malformed", "corrupt", "disk i/o", "hmac")):
            raise DataCorrupt() from exc
        raise
    except OSError as exc:
        if exc.errno == 28:
            raise DiskFull() from exc
        raise


def file_looks_encrypted(path: Path) -> bool:
    """True when the file does not start with SQLite's plaintext magic (used by the self-test)."""
    with open(path, "rb") as fh:
        return fh.read(16) != b"SQLite format 3\x00"




@dataclass(frozen=True)
class EngineFacts:
    cipher_version: str
    fts5: bool
    temp_store: int
    encrypted: bool


def probe_engine(folder: Path, key: bytes) -> EngineFacts:
    """Open a throwaway database exactly as a vault is opened and report what the self-test needs to know."""
    db = Database(folder, key, create=True)
    try:
        import sqlcipher3

        with db.pool.connection() as conn:
            tx = Tx(conn)
            version = str(tx.scalar("PRAGMA cipher_version") or "")
            temp_store = int(tx.scalar("PRAGMA temp_store"))
            try:
                tx.run("CREATE VIRTUAL TABLE temp.probe USING fts5(x)")
                tx.run("INSERT INTO temp.probe VALUES ('self test')")
                fts5 = tx.scalar("SELECT count(*) FROM temp.probe WHERE probe MATCH 'self'") == 1
            except sqlcipher3.DatabaseError:
                fts5 = False
    finally:
        db.close()
    return EngineFacts(version, fts5, temp_store, file_looks_encrypted(db.path))
