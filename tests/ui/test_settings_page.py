"""The Settings page as a person uses it: a choice takes effect at once, is kept in the vault (not in QSettings) and
comes back after a lock, while the unlock screen shows nobody's choices; backup, import with its preview, and
export through the dialogs, off the GUI thread."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_support import PASSPHRASE, settle, unlock

from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.gui.idle_lock import DEFAULT_IDLE_MS
from intimacy_desktop.services.backups import BackupService
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage import crypto

JRNL = {"tags": {}, "entries": [
    {"title": "Rain on the roof", "body": "We listened.", "date": "2023-04-02", "time": "18:10", "tags": [],
     "starred": False},
    {"title": "Pancakes", "body": "No phones.", "date": "2023-04-09", "time": "10:30", "tags": [], "starred": True}]}


def _settings(qtbot: QtBot, window: Any) -> Any:
    page = window.show_page("settings")
    qtbot.waitUntil(lambda: not page._loading, timeout=5_000)
    return page


def _dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def test_choices_apply_at_once_are_kept_in_the_vault_and_leave_with_the_lock(
        qtbot: QtBot, make_window: Any, existing_profile: ProfileService, tmp_path: Path) -> None:
    window = make_window()
    unlock(qtbot, window)
    assert window.idle.timeout_ms == DEFAULT_IDLE_MS
    page = _settings(qtbot, window)
    was_dark = _dark()
    page.auto_lock.setCurrentIndex(page.auto_lock.findData(1))
    page.theme.setCurrentIndex(page.theme.findData("light" if was_dark else "dark"))
    page.sounds.setChecked(False)
    settle(qtbot, window)
    assert window.idle.timeout_ms == 60_000
    assert _dark() is not was_dark and window.sounds.enabled is False

    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    assert window.idle.timeout_ms == DEFAULT_IDLE_MS  # the unlock screen shows nobody's choices
    assert _dark() is was_dark and window.sounds.enabled is True
    settings_text = "".join(p.read_text(errors="replace") for p in (tmp_path / "settings").rglob("*") if p.is_file())
    assert "theme" not in settings_text and "auto_lock" not in settings_text  # the vault keeps them, not QSettings

    unlock(qtbot, window)
    page = _settings(qtbot, window)
    qtbot.waitUntil(lambda: window.idle.timeout_ms == 60_000, timeout=5_000)
    assert page.auto_lock.currentData() == 1 and not page.sounds.isChecked()
    assert _dark() is not was_dark
    page.theme.setCurrentIndex(page.theme.findData("system"))
    settle(qtbot, window)
    assert _dark() is was_dark
    assert QSettings  # the import is the point: nothing above went through it


def test_never_turns_the_idle_lock_off(qtbot: QtBot, make_window: Any, existing_profile: ProfileService) -> None:
    window = make_window(idle_timeout_ms=300)
    unlock(qtbot, window)
    page = _settings(qtbot, window)
    page.auto_lock.setCurrentIndex(page.auto_lock.findData(0))
    settle(qtbot, window)
    qtbot.wait(700)
    assert window.profile is not None and window.idle.timeout_ms == 0


def test_backup_import_and_export_through_the_dialogs(qtbot: QtBot, make_window: Any,
                                                      existing_profile: ProfileService, tmp_path: Path) -> None:
    window = make_window()
    unlock(qtbot, window)
    window.profile.journal.add(EntryFields(title="Before the backup"))
    page = _settings(qtbot, window)

    page.backup_button.click()
    dialog = page.dialog
    target = tmp_path / "mine.idbackup"
    dialog.target.set_path(target)
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    dialog.go.click()
    assert "8" in dialog.status.text() and not target.exists()  # too short: said, nothing written
    dialog.passphrase.setText("a long backup passphrase")
    dialog.repeat.setText("a long backup passphrase")
    dialog.go.click()
    assert dialog.passphrase.text() == ""  # cleared as soon as the work has it
    qtbot.waitUntil(lambda: "checked" in dialog.status.text(), timeout=20_000)
    manifest = BackupService(existing_profile, crypto.FAST_TEST_PARAMS).verify(target, "a long backup passphrase")
    assert manifest.items[0].entries == 1
    dialog.close()

    source = tmp_path / "jrnl.json"
    source.write_text(json.dumps(JRNL), encoding="utf-8")
    page.import_button.click()
    dialog = page.dialog
    dialog.format.setCurrentIndex(dialog.format.findData("jrnl"))
    dialog.source.set_path(source)
    dialog.go.click()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert "Found 2 entries." in dialog.summary.text()
    assert window.profile.journal.count(EntryFilter()) == 1  # the preview saved nothing
    assert dialog.go.text() == "Import 2 entries"
    dialog.go.click()
    qtbot.waitUntil(lambda: "Imported" in dialog.status.text(), timeout=10_000)
    assert window.profile.journal.count(EntryFilter()) == 3
    dialog.close()

    page.export_button.click()
    dialog = page.dialog
    assert "NOT encrypted" in dialog.intro.text()
    out = tmp_path / "journal.pdf"
    dialog.target.set_path(out)
    dialog.go.click()
    qtbot.waitUntil(lambda: "Exported" in dialog.status.text(), timeout=20_000)
    assert out.read_bytes().startswith(b"%PDF") and "3 entries" in dialog.status.text()
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    assert page is not None and PASSPHRASE


def test_a_new_computer_restores_from_the_first_run_screen(qtbot: QtBot, make_window: Any, profiles: ProfileService,
                                                           tmp_path: Path) -> None:
    from intimacy_desktop.core.journal import EntryFields as Fields
    from intimacy_desktop.services.profiles import ProfileService as Service
    from intimacy_desktop.storage.device_secret import MemorySecretStore

    old_store = MemorySecretStore()
    old = Service(tmp_path / "old-computer", lambda: old_store, crypto.FAST_TEST_PARAMS)
    created = old.create("Sam", "old passphrase")
    created.profile.journal.add(Fields(title="Written on the old computer"))
    backup = tmp_path / "sam.idbackup"
    BackupService(old, crypto.FAST_TEST_PARAMS).create(backup, "the backup passphrase", created.profile)
    created.profile.close()

    window = make_window()  # this computer: no profile, an empty keyring
    assert window.stack.currentWidget() is window.locks.first_run
    window.locks.first_run.ui.restoreButton.click()
    dialog = window.locks.restore_dialog
    dialog.source.set_path(backup)
    dialog.passphrase.setText("the backup passphrase")
    dialog.new_passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    dialog.go.click()
    qtbot.waitUntil(lambda: "Restored" in dialog.status.text(), timeout=20_000)
    assert dialog.code_view.isVisible() and len(dialog.code_view.code().split("-")) == 8
    dialog.code_view.ui.savedCheck.setChecked(True)
    dialog.code_view.ui.continueButton.click()
    assert window.stack.currentWidget() is window.unlock_page
    assert [p.label for p in profiles.list_profiles()] == ["Sam"]
    unlock(qtbot, window)
    titles = [s.title for s in window.profile.journal.summaries(EntryFilter())]
    assert titles == ["Written on the old computer"]


def test_scheduled_backups_from_settings(qtbot: QtBot, make_window: Any, existing_profile: ProfileService,
                                         tmp_path: Path) -> None:
    window = make_window()
    unlock(qtbot, window)
    page = _settings(qtbot, window)
    folder = tmp_path / "auto"
    page.backup_folder.edit.setText(str(folder))
    page.backup_folder.edit.editingFinished.emit()
    page.schedule.setCurrentIndex(page.schedule.findData("daily"))
    qtbot.waitUntil(lambda: "passphrase" in page.schedule_state.text(), timeout=5_000)  # none set yet: said
    page.schedule_passphrase_button.click()
    dialog = page.dialog
    dialog.passphrase.setText("schedule passphrase")
    dialog.repeat.setText("schedule passphrase")
    dialog.go.click()
    qtbot.waitUntil(lambda: "Saved" in dialog.status.text(), timeout=10_000)
    dialog.close()
    page.run_scheduled()
    qtbot.waitUntil(lambda: "just now" in page.schedule_state.text(), timeout=20_000)
    (written,) = folder.glob("auto-*.idbackup")
    manifest = BackupService(existing_profile, crypto.FAST_TEST_PARAMS).verify(written, "schedule passphrase")
    assert manifest.items[0].kind == "profile"
    page.run_scheduled()  # the same day: not due again
    settle(qtbot, window)
    assert len(list(folder.glob("auto-*.idbackup"))) == 1
