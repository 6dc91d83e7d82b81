"""The guessing delay at the unlock screen and in the recovery dialog (issue 8): the seconds counting down, the
button disabled until they are over, then the right passphrase opens. One fake clock drives the service and the
countdowns, so nothing here waits five real seconds."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_clock import FakeClock
from PySide6.QtCore import Qt
from ui_support import PASSPHRASE, unlock

from intimacy_desktop.core import recovery_code
from intimacy_desktop.core.errors import WrongPassphrase
from intimacy_desktop.gui.recovery_dialog import RecoveryDialog
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.device_secret import MemorySecretStore


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def profiles(data_dir: Path, secret_store: MemorySecretStore, clock: FakeClock) -> ProfileService:
    """The window's service (make_window uses this fixture), on the fake clock."""
    return ProfileService(data_dir, lambda: secret_store, FAST_TEST_PARAMS, clock=clock)


def _try(qtbot, w, passphrase: str) -> str:  # type: ignore[no-untyped-def]
    ui = w.unlock_page.ui
    ui.errorLabel.hide()
    qtbot.keyClicks(ui.passphraseEdit, passphrase)
    qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.errorLabel.isVisibleTo(w) and not ui.busyBar.isVisibleTo(w), timeout=10_000)
    return str(ui.errorLabel.text())


def test_after_four_wrong_passphrases_the_seconds_count_down_and_unlock_waits(  # type: ignore[no-untyped-def]
    qtbot, make_window, existing_profile, clock: FakeClock
) -> None:
    w = make_window()
    page = w.unlock_page
    page.countdown.clock = clock
    ui = page.ui
    for _ in range(3):
        assert _try(qtbot, w, "not the passphrase") == WrongPassphrase().message
        assert ui.unlockButton.isEnabled()
    text = _try(qtbot, w, "not the passphrase")
    assert text == "That passphrase does not unlock this profile; try again in 5 s."
    assert not ui.unlockButton.isEnabled()
    assert ui.passphraseEdit.text() == ""  # forgotten after the attempt, as always

    clock.advance(2)
    qtbot.waitUntil(lambda: ui.errorLabel.text().endswith("try again in 3 s."), timeout=3_000)
    assert not ui.unlockButton.isEnabled()
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)  # Enter does not slip past the disabled button
    assert not ui.busyBar.isVisibleTo(w) and w.profile is None
    assert ui.errorLabel.isVisibleTo(w)  # typing keeps the countdown on screen

    clock.advance(3)
    qtbot.waitUntil(ui.unlockButton.isEnabled, timeout=3_000)
    assert not ui.errorLabel.isVisibleTo(w)
    unlock(qtbot, w)
    assert w.profile is not None and w.profile.is_open


def test_a_delay_from_an_earlier_run_is_shown_at_the_first_attempt(  # type: ignore[no-untyped-def]
    qtbot, make_window, existing_profile, clock: FakeClock
) -> None:
    [info] = existing_profile.list_profiles()
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            existing_profile.unlock(info, "wrong")  # e.g. the CLI, just before the window opened
    w = make_window()
    w.unlock_page.countdown.clock = clock
    assert _try(qtbot, w, PASSPHRASE) == "Too many wrong passphrases; try again in 5 s."
    assert not w.unlock_page.ui.unlockButton.isEnabled() and w.profile is None


def test_the_recovery_dialog_shows_the_wait_and_holds_its_button(  # type: ignore[no-untyped-def]
    qtbot, make_window, existing_profile, clock: FakeClock
) -> None:
    w = make_window()
    w.unlock_page.ui.recoverButton.click()
    dialog = w.findChild(RecoveryDialog)
    assert dialog is not None
    dialog.countdown.clock = clock
    for attempt in range(4):
        dialog.code_edit.setText(recovery_code.new_code())
        dialog.new_edit.setText("a new passphrase")
        dialog.confirm_edit.setText("a new passphrase")
        dialog.error_label.hide()
        dialog.recover_button.click()
        qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog) and not dialog.busy.isVisibleTo(dialog),
                        timeout=10_000)
        if attempt < 3:
            assert dialog.recover_button.isEnabled()
    assert dialog.error_label.text() == "That recovery code does not unlock this profile; try again in 5 s."
    assert not dialog.recover_button.isEnabled()
    clock.advance(5)
    qtbot.waitUntil(dialog.recover_button.isEnabled, timeout=3_000)
    assert not dialog.error_label.isVisibleTo(dialog)
    dialog.done(0)
