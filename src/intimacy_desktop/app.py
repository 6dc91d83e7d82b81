"""Composition root: resolves the data folder, builds the services once and hands them to the front end.

Nothing heavy is imported here: the keyring package, the crypto and the database driver load on first use, so the
unlock screen appears as fast as a bare Qt window.
"""

from __future__ import annotations

from pathlib import Path

from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.device_secret import KeyringSecretStore, SecretStore


class _LazyKeyring:
    """Creates the keyring store on first use and keeps it."""

    def __init__(self) -> None:
        self._store: SecretStore | None = None

    def __call__(self) -> SecretStore:
        if self._store is None:
            self._store = KeyringSecretStore()
        return self._store


# The pages of the unlocked window, in sidebar order, as "module:Class" (imported on first unlock, not at start).
# Adding a page is one new module under gui/ and one line here.
PAGES: tuple[str, ...] = (
    "intimacy_desktop.gui.today_page:TodayPage",
    "intimacy_desktop.gui.layers.page:EmotionalPage",
    "intimacy_desktop.gui.layers.page:PhysicalPage",
    "intimacy_desktop.gui.layers.page:IntellectualPage",
    "intimacy_desktop.gui.layers.page:DigitalPage",
    "intimacy_desktop.gui.conversation.page:ConversationPage",
    "intimacy_desktop.gui.practice.page:ExercisesPage",
    "intimacy_desktop.gui.journal.page:JournalPage",
    "intimacy_desktop.gui.us_page.page:UsPage",
    "intimacy_desktop.gui.insights.page:InsightsPage",
    "intimacy_desktop.gui.settings_page.page:SettingsPage",
)


def build_profile_service(data_dir: Path) -> ProfileService:
    return ProfileService(data_dir, _LazyKeyring())


def run_gui(data_dir: Path, argv: list[str]) -> int:
    from intimacy_desktop.gui.application import run

    return run(argv, data_dir=data_dir, profiles=build_profile_service(data_dir), pages=PAGES)
