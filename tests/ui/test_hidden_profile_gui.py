"""A hidden profile leaves no trace on the unlock screen (not in the list, not in any label, not remembered as the
last one) and opens by typing its name and passphrase under "Open another profile"; a wrong name and a wrong
passphrase get the same words."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from ui_support import PASSPHRASE, settle

from intimacy_desktop.services.profiles import ProfileService

NAME = "Juniper"


def _visible_text(window: Any) -> str:
    page = window.unlock_page
    parts: list[str] = []
    for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton) + page.findChildren(QLineEdit):
        if w.isVisibleTo(page):
            parts += [w.text(), w.toolTip(), w.accessibleName()]
    for combo in page.findChildren(QComboBox):
        parts += [combo.itemText(i) for i in range(combo.count())]
    return " ".join(parts)


def _by_name(qtbot: QtBot, window: Any, name: str, passphrase: str) -> None:
    page = window.unlock_page
    if not page.by_name:
        page.ui.otherProfileButton.click()
    page.name_edit.setText(name)
    page.ui.passphraseEdit.setText(passphrase)
    page.ui.unlockButton.click()


def test_a_hidden_profile_is_nowhere_on_the_unlock_screen_and_opens_by_name(
        qtbot: QtBot, make_window: Any, profiles: ProfileService) -> None:
    profiles.create("Ours", PASSPHRASE).profile.close()
    hidden = profiles.create(NAME, "juniper passphrase", hidden=True)
    hidden.profile.close()
    window = make_window()
    assert NAME not in _visible_text(window)
    assert window.unlock_page.ui.profileCombo.count() == 1

    _by_name(qtbot, window, "Nobody", "juniper passphrase")
    wrong_name = window.unlock_page.ui.errorLabel.text()
    _by_name(qtbot, window, NAME, "not the passphrase")
    qtbot.waitUntil(lambda: window.unlock_page.ui.errorLabel.isVisible() and not window.unlock_page.ui.busyBar
                    .isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: window.unlock_page.ui.errorLabel.text() == wrong_name, timeout=10_000)

    _by_name(qtbot, window, NAME.lower(), "juniper passphrase")
    qtbot.waitUntil(lambda: window.profile is not None, timeout=10_000)
    settle(qtbot, window)
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    assert NAME not in _visible_text(window) and not window.unlock_page.by_name
    assert window.unlock_page.selected_profile().label == "Ours"  # not remembered as the last one


def test_only_hidden_profiles_look_like_a_new_computer_yet_open_by_name(
        qtbot: QtBot, make_window: Any, profiles: ProfileService) -> None:
    profiles.create(NAME, "juniper passphrase", hidden=True).profile.close()
    window = make_window()
    assert window.stack.currentWidget() is window.locks.first_run
    window.locks.first_run.ui.byNameButton.click()
    assert window.stack.currentWidget() is window.unlock_page
    _by_name(qtbot, window, NAME, "juniper passphrase")
    qtbot.waitUntil(lambda: window.profile is not None, timeout=10_000)
    assert window.profile.info.label == NAME


def test_a_new_profile_can_be_made_hidden(qtbot: QtBot, make_window: Any, profiles: ProfileService) -> None:
    profiles.create("Ours", PASSPHRASE).profile.close()
    window = make_window()
    window.unlock_page.ui.newProfileButton.click()
    fr = window.locks.first_run.ui
    fr.labelEdit.setText(NAME)
    fr.passphraseEdit.setText("juniper passphrase")
    fr.confirmEdit.setText("juniper passphrase")
    fr.noPassphraseCheck.setChecked(True)
    assert not fr.hiddenCheck.isEnabled()  # hidden needs a passphrase
    fr.noPassphraseCheck.setChecked(False)
    fr.hiddenCheck.setChecked(True)
    fr.createButton.click()
    qtbot.waitUntil(lambda: fr.steps.currentWidget() is fr.codeStep, timeout=10_000)
    assert [p.label for p in profiles.list_profiles()] == ["Ours"]
    assert profiles.find(NAME).folder.name.startswith("h-")
