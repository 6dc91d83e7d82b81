"""The ``settings`` table of a vault: small named values (a person's preferences, a shared space's key), as text.

Everything in it is inside the encrypted database; nothing here is ever written elsewhere.
"""

from __future__ import annotations

from intimacy_desktop.storage.sql import Tx


class SettingsRepository:
    def __init__(self, tx: Tx) -> None:
        self._tx = tx

    def get(self, key: str) -> str | None:
        value = self._tx.scalar("SELECT value FROM settings WHERE key = :k", {"k": key})
        return None if value is None else str(value)

    def put(self, key: str, value: str) -> None:
        self._tx.run("INSERT INTO settings (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET value = :v",
                     {"k": key, "v": value})

    def delete(self, key: str) -> None:
        self._tx.run("DELETE FROM settings WHERE key = :k", {"k": key})

    def with_prefix(self, prefix: str) -> dict[str, str]:
        """Every value whose key starts with ``prefix`` (a literal prefix: no LIKE wildcards from the caller)."""
        rows = self._tx.rows("SELECT key, value FROM settings WHERE substr(key, 1, :n) = :p",
                             {"n": len(prefix), "p": prefix})
        return {str(k): str(v) for k, v in rows}
