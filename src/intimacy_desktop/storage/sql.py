"""SQLCipher connections and transactions, straight on the DB-API driver (sqlcipher3).

No ORM or SQL toolkit: importing SQLAlchemy cost a command-line call about 250 ms before it did anything, more than
everything else together (DECISIONS.md). The repositories write plain SQL with named parameters.

The key goes in as SQLCipher's raw-key form (``x'<hex>'``, so no PBKDF2 runs per connection), built in a bytearray,
sent through ``executescript`` (which bypasses the driver's statement cache, so the cache keeps no copy) and
overwritten at once (storage/secret_bytes.py). ``cipher_memory_security`` is on before the key arrives: SQLCipher
then wipes the memory it frees, its key copies included.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from intimacy_desktop.storage.secret_bytes import hex_pragma, wipe, wipe_immutable

Params = Mapping[str, Any] | Sequence[Any]

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA cache_size = -8192",  # 8 MiB of decrypted pages per connection: the hot pages of 10,000 entries
)


def connect(path: Path | str, dek: bytes | bytearray, pragmas: Sequence[str] = PRAGMAS) -> Any:
    """A keyed connection in autocommit mode (transactions are begun explicitly), usable from any one thread at a
    time. The key is checked by the first read, which is the caller's."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA cipher_memory_security = ON")
        key = hex_pragma(dek)
        statement = 'PRAGMA key = "' + key.decode("ascii") + '";'
        wipe(key)
        try:
            conn.executescript(statement)
        finally:
            wipe_immutable(statement)
            del statement
        for pragma in pragmas:
            conn.execute(pragma).fetchall()
    except BaseException:
        conn.close()
        raise
    return conn


def stamp(when: dt.datetime) -> str:
    """A time as stored: ``YYYY-MM-DD HH:MM:SS.ffffff``, the format the first versions wrote through SQLAlchemy,
    so old journals read the same."""
    return when.strftime("%Y-%m-%d %H:%M:%S.%f")


def read_stamp(value: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(str(value))


class Tx:
    """One transaction on one connection: what a repository is given."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def run(self, sql: str, params: Params = ()) -> Any:
        """Execute; returns the cursor (``lastrowid``, ``rowcount``)."""
        return self.conn.execute(sql, params)

    def rows(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.conn.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @property
    def total_changes(self) -> int:
        return int(self.conn.total_changes)


class Pool:
    """A few keyed connections to one database, reused: one stays open while the vault is unlocked (that keeps the
    write-ahead log in place and saves keying per query); more open when threads overlap, and are closed on
    return beyond ``keep``. The key is held in a bytearray that ``close`` wipes."""

    def __init__(self, path: Path, dek: bytes | bytearray, keep: int = 2) -> None:
        self._path = path
        self._key = bytearray(dek)
        self._keep = keep
        self._idle: list[Any] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextlib.contextmanager
    def connection(self) -> Iterator[Any]:
        with self._lock:
            if self._closed:
                raise RuntimeError("the pool is closed")
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = connect(self._path, self._key)
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(Exception):
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            raise
        finally:
            with self._lock:
                if not self._closed and len(self._idle) < self._keep and not conn.in_transaction:
                    self._idle.append(conn)
                    conn = None
            if conn is not None:
                conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Tx]:
        with self.connection() as conn:
            conn.execute("BEGIN")
            yield Tx(conn)
            conn.execute("COMMIT")

    def close(self, last: str | None = None) -> None:
        """Run ``last`` (a checkpoint, say) on one connection, close them all and wipe the key."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        try:
            if last is not None:
                conn = idle.pop() if idle else connect(self._path, self._key)
                try:
                    conn.execute(last).fetchall()
                finally:
                    conn.close()
        finally:
            for conn in idle:
                conn.close()
            wipe(self._key)
