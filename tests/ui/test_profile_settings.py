"""Settings' "Your profile" card as a person uses it: rename, change the passphrase, hide, add and delete, each
through its dialog, off the GUI thread, and each proved by what the unlock screen and the vault say afterwards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_support import PASSPHRASE, settle, unlock

from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.services.profiles import ProfileService

NEW = "a different long passphrase"


def _settings(qtbot: QtBot, window: Any) -> Any:
    page = window.show_page("settings")
    qtbot.waitUntil(lambda: not page._loading, timeout=5_000)
    return page


def _click(qtbot: QtBot, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _lock(qtbot: QtBot, window: Any) -> None:
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=10_000)


def _listed(window: Any) -> list[str]:
    combo = window.unlock_page.ui.profileCombo
    return [combo.itemText(i) for i in range(combo.count())]


def test_rename_and_passphrase_change_show_a_new_code_and_hold_after_the_lock(
        qtbot: QtBot, make_window: Any, existing_profile: ProfileService) -> None:
    window = make_window()
    unlock(qtbot, window)
    page = _settings(qtbot, window)
    assert "“Ours”" in page.profile_state.text()

    _click(qtbot, page.rename_button)
    dialog = page.dialog
    dialog.name.setText("Our evenings")
    qtbot.keyClicks(dialog.current, "wrong passphrase")
    _click(qtbot, dialog.go)
    qtbot.waitUntil(lambda: dialog.go.isEnabled(), timeout=10_000)
    assert "passphrase" in dialog.status.text().lower() and not dialog.code_view.isVisible()
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    _click(qtbot, dialog.go)
    qtbot.waitUntil(lambda: dialog.code_view.isVisible(), timeout=10_000)
    assert dialog.code_view.code().count("-") >= 3 and not dialog.code_view.ui.continueButton.isEnabled()
    dialog.code_view.ui.savedCheck.setChecked(True)
    _click(qtbot, dialog.code_view.ui.continueButton)
    assert not dialog.isVisible() and "“Our evenings”" in page.profile_state.text()

    _click(qtbot, page.passphrase_button)
    dialog = page.dialog
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.keyClicks(dialog.new, NEW)
    qtbot.keyClicks(dialog.repeat, NEW)
    _click(qtbot, dialog.go)
    qtbot.waitUntil(lambda: dialog.code_view.isVisible(), timeout=10_000)
    assert dialog.current.text() == dialog.new.text() == ""  # the typed secrets are gone from the fields
    window.profile.journal.add(EntryFields(title="Written under the new key"))
    dialog.close()
    _lock(qtbot, window)
    assert _listed(window) == ["Our evenings"]
    unlock(qtbot, window, NEW)
    assert [s.title for s in window.profile.journal.summaries()] == ["Written under the new key"]


def test_hide_then_the_unlock_screen_shows_nothing_of_it(qtbot: QtBot, make_window: Any,
                                                         existing_profile: ProfileService) -> None:
    existing_profile.create("Sam", "sam's own passphrase").profile.close()
    window = make_window()
    unlock(qtbot, window)
    page = _settings(qtbot, window)
    _click(qtbot, page.hide_button)
    dialog = page.dialog
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    _click(qtbot, dialog.go)
    qtbot.waitUntil(lambda: dialog.code_view.isVisible(), timeout=10_000)
    assert "Hidden" in page.profile_state.text() and page.hide_button.text().startswith("Show")
    dialog.close()
    _lock(qtbot, window)
    assert _listed(window) == ["Sam"]
    assert [p.label for p in existing_profile.list_profiles()] == ["Sam"]
    assert existing_profile.find("Ours").folder.name.startswith("h-")


def test_delete_asks_twice_wants_the_name_and_then_the_profile_is_gone(
        qtbot: QtBot, make_window: Any, existing_profile: ProfileService) -> None:
    existing_profile.create("Sam", "sam's own passphrase").profile.close()
    window = make_window()
    unlock(qtbot, window)
    folder = window.profile.info.folder
    page = _settings(qtbot, window)
    _click(qtbot, page.delete_button)
    dialog = page.dialog
    assert not dialog.name.isVisible()
    _click(qtbot, dialog.go)  # first: what will be lost
    assert dialog.name.isVisible() and dialog.go.text() == "Delete for good"
    qtbot.keyClicks(dialog.name, "Our")
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    _click(qtbot, dialog.go)
    assert "name" in dialog.status.text() and folder.exists() and window.profile is not None
    assert dialog.current.text() == PASSPHRASE  # a mistyped name does not cost the passphrase typed
    dialog.name.setText("ours")
    _click(qtbot, dialog.go)
    qtbot.waitUntil(lambda: window.profile is None and not folder.exists(), timeout=10_000)
    qtbot.waitUntil(lambda: _listed(window) == ["Sam"], timeout=10_000)


def test_add_a_profile_locks_and_opens_the_first_run_screen(qtbot: QtBot, make_window: Any,
                                                            existing_profile: ProfileService) -> None:
    window = make_window()
    unlock(qtbot, window)
    page = _settings(qtbot, window)
    settle(qtbot, window)
    _click(qtbot, page.add_button)
    qtbot.waitUntil(lambda: window.profile is None, timeout=10_000)
    qtbot.waitUntil(lambda: window.locks._stack.currentWidget() is window.locks.first_run, timeout=5_000)
