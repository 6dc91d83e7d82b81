"""Unlocking (right, wrong, keyring gone) and locking (manual and idle) with what the window shows after."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTextBrowser
from ui_support import PASSPHRASE, open_journal, settle, unlock

from intimacy_desktop.core.errors import KeyringUnavailable, WrongPassphrase
from intimacy_desktop.core.journal import EntryFields

CANARY = "Lighthouse-canary-7731"


def test_wrong_passphrase_stays_locked_then_right_one_opens(qtbot, make_window, existing_profile) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    ui = w.unlock_page.ui
    assert w.stack.currentWidget() is w.unlock_page
    qtbot.keyClicks(ui.passphraseEdit, "not the passphrase")
    qtbot.keyClick(ui.passphraseEdit, "\r")  # Enter unlocks
    qtbot.waitUntil(lambda: ui.errorLabel.isVisibleTo(w), timeout=10_000)
    assert ui.errorLabel.text() == WrongPassphrase().message
    assert w.profile is None and w.page("journal") is None
    assert w.stack.currentWidget() is w.unlock_page
    unlock(qtbot, w)
    assert w.profile is not None and w.profile.is_open
    assert w.windowTitle() == "Intimacy Desktop"
    assert w.unlock_page.ui.passphraseEdit.text() == ""


def test_keyring_unavailable_shows_its_message(qtbot, make_window, existing_profile, secret_store) -> None:  # type: ignore[no-untyped-def]
    secret_store.available = False
    w = make_window()
    ui = w.unlock_page.ui
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    ui.unlockButton.click()
    qtbot.waitUntil(lambda: ui.errorLabel.isVisibleTo(w), timeout=10_000)
    assert ui.errorLabel.text() == KeyringUnavailable().message
    assert w.profile is None


def _texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    found: list[str] = []
    for edit in window.findChildren(QLineEdit):
        found.append(edit.text())
    for plain in window.findChildren(QPlainTextEdit):
        found.append(plain.toPlainText())
    for browser in window.findChildren(QTextBrowser):
        found.append(browser.toPlainText())
    for label in window.findChildren(QLabel):
        found.append(label.text())
    for combo in window.findChildren(QComboBox):
        found.extend(combo.itemText(i) for i in range(combo.count()))
    return found


def test_lock_closes_profile_and_destroys_content_widgets(qtbot, make_window, existing_profile) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    unlock(qtbot, w)
    w.profile.journal.add(EntryFields(title=CANARY, body=f"body {CANARY}", tags=(CANARY.lower(),)))
    page = w.page("journal")
    settle(qtbot, w)  # the write's change notice refreshed the list
    page.open_entry(page.model.summary(0).id)
    page.editor.ui.bodyEdit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.editor.ui.bodyEdit, " more")
    assert any(CANARY in t for t in _texts(w))
    profile, model = w.profile, page.model
    qtbot.keyClick(w, "l", modifier=Qt.KeyboardModifier.ControlModifier)
    assert w.profile is None
    assert not profile.is_open
    assert model.rowCount() == 0
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert w.page("journal") is None and w.page("today") is None
    assert w.stack.currentWidget() is w.unlock_page
    assert not any(CANARY.lower() in t.lower() for t in _texts(w))
    # the typing was kept as a draft before the vault closed
    unlock(qtbot, w)
    assert w.page("journal").editor.ui.bodyEdit.toPlainText() == f"body {CANARY} more"


def test_idle_timeout_locks(qtbot, make_window, existing_profile) -> None:  # type: ignore[no-untyped-def]
    w = make_window(idle_timeout_ms=400)
    unlock(qtbot, w)
    profile = w.profile
    qtbot.waitUntil(lambda: w.profile is None, timeout=5_000)
    assert not profile.is_open
    assert w.stack.currentWidget() is w.unlock_page


def test_recovery_code_opens_the_journal_when_the_keyring_item_is_gone(  # type: ignore[no-untyped-def]
    qtbot, make_window, profiles, secret_store
) -> None:
    created = profiles.create("Ours", PASSPHRASE)
    created.profile.journal.add(EntryFields(title="Before the move", body="Packed the books together."))
    created.profile.close()
    secret_store.secrets.clear()  # a new computer: the device secret is gone
    w = make_window()
    ui = w.unlock_page.ui
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    ui.unlockButton.click()
    qtbot.waitUntil(lambda: ui.errorLabel.isVisibleTo(w), timeout=10_000)
    assert "recovery code" in ui.errorLabel.text()

    w.unlock_page.recover_requested.emit(profiles.list_profiles()[0])
    from intimacy_desktop.gui.recovery_dialog import RecoveryDialog

    dialog = w.findChild(RecoveryDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.code_edit, created.recovery_code.lower().replace("-", " "))
    qtbot.keyClicks(dialog.new_edit, "a brand new passphrase")
    qtbot.keyClicks(dialog.confirm_edit, "a brand new passphrase")
    dialog.recover_button.click()
    qtbot.waitUntil(lambda: dialog.steps.currentWidget() is dialog.code_view, timeout=10_000)
    new_code = dialog.code_view.code()
    assert new_code and new_code != created.recovery_code
    dialog.reject()  # the new code must be acknowledged first
    assert dialog.isVisible()
    dialog.code_view.ui.savedCheck.setChecked(True)
    dialog.code_view.ui.continueButton.click()
    qtbot.waitUntil(lambda: w.page("journal") is not None, timeout=5_000)
    assert [s.title for s in w.profile.journal.summaries()] == ["Before the move"]
    w.lock()
    assert profiles.unlock(profiles.list_profiles()[0], "a brand new passphrase").journal.count() == 1


def test_lock_while_a_question_is_open_answers_no_and_locks(qtbot, make_window, existing_profile) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    [info] = existing_profile.list_profiles()
    p = existing_profile.unlock(info, PASSPHRASE)
    entry = p.journal.add(EntryFields(title="Keep me", body="x"))
    p.journal.trash(entry.id)
    p.close()
    w, page = open_journal(qtbot, make_window)
    page.trash_button.setChecked(True)
    page.list.setCurrentIndex(page.model.index(0))
    QTimer.singleShot(200, w.lock)  # the idle lock fires while "Delete forever?" waits for an answer
    page._purge_selected()
    qtbot.waitUntil(lambda: w.profile is None, timeout=5_000)
    again = existing_profile.unlock(info, PASSPHRASE)
    assert again.journal.count(trash=True) == 1  # not deleted: closing the question meant "no"
    again.close()


def test_profile_is_chosen_before_the_passphrase(qtbot, make_window, profiles) -> None:  # type: ignore[no-untyped-def]
    profiles.create("Profile 1", PASSPHRASE).profile.close()
    second = profiles.create("Profile 2", None)  # keyring only, after the plain warning
    second.profile.journal.add(EntryFields(title="Only in profile two"))
    second.profile.close()
    w = make_window()
    ui = w.unlock_page.ui
    assert ui.profileCombo.isVisibleTo(w)
    assert [ui.profileCombo.itemText(i) for i in range(ui.profileCombo.count())] == ["Profile 1", "Profile 2"]
    assert ui.passphraseEdit.isVisibleTo(w)
    ui.profileCombo.setCurrentIndex(1)
    assert not ui.passphraseEdit.isVisibleTo(w)  # this profile has no passphrase
    ui.unlockButton.click()
    qtbot.waitUntil(lambda: w.page("journal") is not None, timeout=10_000)
    assert w.profile.info.label == "Profile 2"
    assert [s.title for s in w.profile.journal.summaries()] == ["Only in profile two"]
    w.lock()
    assert ui.profileCombo.currentText() == "Profile 2"  # the last choice is remembered (folder name only)
