"""First run: a profile is created in the background and its recovery code really opens the vault."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import PASSPHRASE

from intimacy_desktop.messages import english


def _fill(qtbot, page, label: str, passphrase: str) -> None:  # type: ignore[no-untyped-def]
    page.ui.labelEdit.clear()
    qtbot.keyClicks(page.ui.labelEdit, label)
    qtbot.keyClicks(page.ui.passphraseEdit, passphrase)
    qtbot.keyClicks(page.ui.confirmEdit, passphrase)


def test_first_run_creates_profile_whose_recovery_code_unlocks(qtbot, make_window, profiles) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    page = w.locks.first_run
    assert w.stack.currentWidget() is page
    assert page.ui.labelEdit.text() == "Profile 1"
    assert not page.ui.cancelButton.isVisibleTo(w)  # nothing to go back to
    _fill(qtbot, page, "Ours", PASSPHRASE)
    assert page.ui.createButton.isEnabled()
    qtbot.mouseClick(page.ui.createButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ui.steps.currentWidget() is page.ui.codeStep, timeout=10_000)
    view = page.code_view
    code = view.code()
    assert len(code) > 20
    assert page.ui.passphraseEdit.text() == ""  # the passphrase does not linger in the form
    assert not view.ui.continueButton.isEnabled()
    qtbot.mouseClick(view.ui.continueButton, Qt.MouseButton.LeftButton)
    assert w.page("journal") is None  # still waiting for the saved-code tick
    view.ui.savedCheck.setChecked(True)
    assert view.ui.continueButton.isEnabled()
    qtbot.mouseClick(view.ui.continueButton, Qt.MouseButton.LeftButton)
    assert w.page("journal") is not None and w.profile is not None
    assert view.code() == ""  # the code is shown once
    w.lock()
    qtbot.waitUntil(lambda: w.profile is None, timeout=5_000)  # the lock closes the database once writes finished
    [info] = profiles.list_profiles()
    assert info.label == "Ours"
    recovered = profiles.recover(info, code, "a brand new passphrase")
    assert recovered.recovery_code != code
    recovered.profile.close()


def test_mismatched_passphrases_keep_create_disabled(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    page = make_window().locks.first_run
    qtbot.keyClicks(page.ui.passphraseEdit, PASSPHRASE)
    qtbot.keyClicks(page.ui.confirmEdit, PASSPHRASE + "x")
    assert not page.ui.createButton.isEnabled()
    assert "do not match" in page.ui.strengthLabel.text()


def test_no_passphrase_needs_the_deliberate_checkbox(qtbot, make_window, profiles) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    page = w.locks.first_run
    assert not page.ui.createButton.isEnabled()
    assert not page.ui.noPassphraseWarning.isVisibleTo(w)
    page.ui.noPassphraseCheck.setChecked(True)
    assert page.ui.noPassphraseWarning.isVisibleTo(w)
    assert "anyone who uses this computer account" in page.ui.noPassphraseWarning.text().lower()
    assert page.ui.createButton.isEnabled()
    qtbot.mouseClick(page.ui.createButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ui.steps.currentWidget() is page.ui.codeStep, timeout=10_000)
    [info] = profiles.list_profiles()
    assert info.has_passphrase is False


def test_keyring_problem_is_shown_and_needs_passphrase_only_consent(  # type: ignore[no-untyped-def]
    qtbot, make_window, profiles, secret_store
) -> None:
    secret_store.available = False
    w = make_window()
    page = w.locks.first_run
    qtbot.waitUntil(lambda: page.ui.keyringProblemLabel.isVisibleTo(w), timeout=5_000)  # asked off the GUI thread
    assert english("keyring_unavailable_setup") in page.ui.keyringProblemLabel.text()
    assert not page.ui.noPassphraseCheck.isVisibleTo(w)
    assert not page.ui.createButton.isEnabled()
    page.ui.passphraseOnlyCheck.setChecked(True)  # the passphrase fields open only after this tick
    _fill(qtbot, page, "Ours", PASSPHRASE)
    assert page.ui.createButton.isEnabled()
    qtbot.mouseClick(page.ui.createButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ui.steps.currentWidget() is page.ui.codeStep, timeout=10_000)
    [info] = profiles.list_profiles()
    assert info.uses_keyring is False
