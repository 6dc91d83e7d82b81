"""Defects found in first use (issue 7): the passphrase left behind, drafts while typing, trash details, dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from ui_support import PASSPHRASE, open_journal, settle, unlock

from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.services.profiles import ProfileService


def test_a_typed_passphrase_does_not_survive_hide_and_lock(
    qtbot: QtBot, make_window: Any, existing_profile: Any
) -> None:
    """Defect 1: typed, not submitted, Ctrl+Shift+H, back, Unlock opened the journal."""
    w = make_window()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3_000)
    edit = w.unlock_page.ui.passphraseEdit
    qtbot.keyClicks(edit, PASSPHRASE)
    qtbot.keyClick(edit, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.text() == ""
    w.bring_to_front()
    w.unlock_page.ui.unlockButton.click()
    qtbot.wait(200)
    assert w.profile is None
    assert "Enter the passphrase" in w.unlock_page.ui.errorLabel.text()


def test_a_typed_passphrase_does_not_survive_a_profile_change(
    qtbot: QtBot, make_window: Any, existing_profile: ProfileService
) -> None:
    existing_profile.create("Second", "another passphrase").profile.close()
    w = make_window()
    ui = w.unlock_page.ui
    ui.profileCombo.setCurrentIndex(0)
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    ui.profileCombo.setCurrentIndex(1)
    assert ui.passphraseEdit.text() == ""


def test_each_attempt_starts_from_an_empty_field(qtbot: QtBot, make_window: Any, existing_profile: Any) -> None:
    w = make_window()
    ui = w.unlock_page.ui
    qtbot.keyClicks(ui.passphraseEdit, "not the passphrase")
    ui.unlockButton.click()
    assert ui.passphraseEdit.text() == ""
    qtbot.waitUntil(lambda: ui.errorLabel.isVisibleTo(w), timeout=5_000)
    assert ui.passphraseEdit.text() == ""
    assert w.profile is None


def test_drafts_are_saved_while_typing_goes_on_without_a_pause(
    qtbot: QtBot, make_window: Any, existing_profile: Any
) -> None:
    """Defect 8: the draft waited for a 1.5 s pause, so someone typing without pausing lost everything."""
    w, page = open_journal(qtbot, make_window)
    page.drafts.set_intervals(pause_ms=400, max_wait_ms=700)
    journal = w.profile.journal
    page.new_entry()
    body = page.editor.ui.bodyEdit
    saved_while_typing = False
    for i in range(25):  # a key every 60 ms for 1.5 s: never a pause long enough for the pause timer
        qtbot.keyClicks(body, "abcdefghijklmnopqrstuvwxy"[i])
        qtbot.wait(60)
        if journal.drafts():
            saved_while_typing = True
            break
    assert saved_while_typing
    [(_id, fields, _when)] = journal.drafts()
    assert fields.body.startswith("abcdefghij")


def test_delete_forever_defaults_to_no(qtbot: QtBot, make_window: Any, existing_profile: Any) -> None:
    w, page = open_journal(qtbot, make_window)
    journal = w.profile.journal
    entry = journal.add(EntryFields(title="Keep me"))
    journal.trash(entry.id)
    page.trash_button.setChecked(True)
    settle(qtbot, w)
    page.list.setCurrentIndex(page.model.index(0))
    seen: dict[str, Any] = {}

    def answer_with_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["default"] = box.standardButton(box.defaultButton())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(100, answer_with_enter)
    page.purge_button.click()
    assert seen["default"] == QMessageBox.StandardButton.No
    assert journal.count(trash=True) == 1  # Enter kept it


def test_the_undo_banner_goes_when_the_entry_is_restored_from_the_trash(
    qtbot: QtBot, make_window: Any, existing_profile: Any
) -> None:
    w, page = open_journal(qtbot, make_window)
    journal = w.profile.journal
    entry = journal.add(EntryFields(title="Back again"))
    settle(qtbot, w)
    page.open_entry(entry.id)
    page.delete_current()
    assert page.undo_bar.isVisibleTo(w)
    page.trash_button.setChecked(True)
    settle(qtbot, w)
    page.list.setCurrentIndex(page.model.index(0))
    page.restore_button.click()
    page.trash_button.setChecked(False)
    settle(qtbot, w)
    assert not page.undo_bar.isVisibleTo(w)
    assert journal.count() == 1


def test_the_recovered_draft_banner_uses_a_readable_date(
    qtbot: QtBot, make_window: Any, existing_profile: ProfileService
) -> None:
    """Defect 6: with no locale set (C) the banner said "2 12 2026 03:17"."""
    previous = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        [info] = existing_profile.list_profiles()
        profile = existing_profile.unlock(info, PASSPHRASE)
        profile.journal.save_draft(None, EntryFields(title="Half a thought"))
        profile.close()
        w = make_window()
        unlock(qtbot, w)
        notice = w.page("journal").editor.ui.noticeLabel.text()
    finally:
        QLocale.setDefault(previous)
    today = dt.date.today()
    assert today.strftime("%B") in notice and str(today.year) in notice
    assert not re.search(r"\b\d{1,2} \d{1,2} \d{4}\b", notice)
