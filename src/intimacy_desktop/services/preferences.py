"""Reading and saving a person's settings (core/preferences.py) in their vault's settings table."""

from __future__ import annotations

from intimacy_desktop.core.changes import Changed, ChangeSink, ignore_changes
from intimacy_desktop.core.preferences import Preferences
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.settings_repo import SettingsRepository

_PREFIX = "pref."


class PreferencesService:
    def __init__(self, db: Database, notify: ChangeSink = ignore_changes) -> None:
        self._db = db
        self._notify = notify

    def load(self) -> Preferences:
        with self._db.session() as tx:
            return Preferences.from_text(SettingsRepository(tx).with_prefix(_PREFIX))

    def save(self, prefs: Preferences) -> Preferences:
        with self._db.session() as tx:
            repo = SettingsRepository(tx)
            for key, value in prefs.to_text().items():
                repo.put(key, value)
        self._notify(Changed.SETTINGS)
        return prefs
