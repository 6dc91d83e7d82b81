"""Reading and saving a person's settings (core/preferences.py) in their vault's settings table."""

from __future__ import annotations

from intimacy_desktop.core.changes import Changed, ChangeSink, ignore_changes
from intimacy_desktop.core.preferences import Preferences
from intimacy_desktop.storage.database import Database

_PREFIX = "pref."


class PreferencesService:
    def __init__(self, db: Database, notify: ChangeSink = ignore_changes) -> None:
        self._db = db
        self._notify = notify

    def load(self) -> Preferences:
        with self._db.session() as tx:
            rows = tx.rows("SELECT key, value FROM settings WHERE key LIKE 'pref.%'")
        return Preferences.from_text({str(k): str(v) for k, v in rows if str(k).startswith(_PREFIX)})

    def save(self, prefs: Preferences) -> Preferences:
        with self._db.session() as tx:
            for key, value in prefs.to_text().items():
                tx.run("INSERT INTO settings (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET value = :v",
                       {"k": key, "v": value})
        self._notify(Changed.SETTINGS)
        return prefs
