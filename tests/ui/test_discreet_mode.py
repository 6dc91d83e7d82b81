"""Discreet mode as a person uses it: one tick in Settings and the title bar, the task-bar name, the icon and the
sidebar say "Notes"; it stays so while locked and after a restart; another person's profile opens in its own choice."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_support import PASSPHRASE, unlock

from intimacy_desktop import APP_NAME
from intimacy_desktop.gui import settings
from intimacy_desktop.gui.presentation import neutral_icon
from intimacy_desktop.services.profiles import ProfileService


def _settings(qtbot: QtBot, window: Any) -> Any:
    page = window.show_page("settings")
    qtbot.waitUntil(lambda: not page._loading, timeout=5_000)
    return page


def _looks_neutral(window: Any) -> bool:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return (window.windowTitle() == "Notes" and app.applicationDisplayName() == "Notes"
            and window.windowIcon().cacheKey() == neutral_icon().cacheKey())


def test_discreet_mode_renames_the_window_keeps_it_through_the_lock_and_a_restart(
        qtbot: QtBot, make_window: Any, existing_profile: ProfileService) -> None:
    window = make_window()
    assert window.windowTitle() == APP_NAME
    unlock(qtbot, window)
    page = _settings(qtbot, window)
    assert not page.discreet.isChecked()
    page.discreet.setChecked(True)
    assert _looks_neutral(window)
    assert window.locks.app_view.brand.text() == "Notes"
    assert "intimacy" not in window.windowTitle().lower()
    qtbot.waitUntil(settings.discreet_window, timeout=5_000)
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    assert _looks_neutral(window)  # the locked window says nothing either
    window.close()

    again = make_window()  # a restart: before anyone unlocks
    assert _looks_neutral(again)
    unlock(qtbot, again)
    page = _settings(qtbot, again)
    assert page.discreet.isChecked()  # the choice came from the vault
    page.discreet.setChecked(False)
    assert again.windowTitle() == APP_NAME and again.locks.app_view.brand.text() == APP_NAME
    assert not settings.discreet_window()


def test_each_person_s_choice_is_their_own(qtbot: QtBot, make_window: Any,
                                           existing_profile: ProfileService) -> None:
    existing_profile.create("Sam", "sam's own passphrase").profile.close()
    window = make_window()
    unlock(qtbot, window)  # "Ours": discreet
    page = _settings(qtbot, window)
    page.discreet.setChecked(True)
    qtbot.waitUntil(lambda: settings.discreet_window(), timeout=5_000)
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    combo = window.unlock_page.ui.profileCombo
    combo.setCurrentIndex(combo.findText("Sam"))
    unlock(qtbot, window, "sam's own passphrase")
    qtbot.waitUntil(lambda: window.windowTitle() == APP_NAME, timeout=5_000)  # Sam never chose it
    assert not _settings(qtbot, window).discreet.isChecked()
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    assert window.windowTitle() == APP_NAME  # the last choice made here was Sam's
    combo.setCurrentIndex(combo.findText("Ours"))
    unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.windowTitle() == "Notes", timeout=5_000)  # "Ours" kept its own
