"""Two things first use found on the locked side (issue 7, defect 6): the unlock page's links jumped when an error
message went away, and without a keyring the passphrase fields looked usable but took no input."""

from __future__ import annotations

import pytest
from looks_support import OFFSCREEN_LIMITS, settle_layouts, themed
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QVBoxLayout, QWidget
from ui_support import PASSPHRASE

from intimacy_desktop.gui.clipboard import ClipboardGuard
from intimacy_desktop.gui.first_run import FirstRunPage
from intimacy_desktop.gui.unlock_page import UnlockPage

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)


def _hosted(qtbot, page: QWidget, size: tuple[int, int] = (900, 620)) -> QWidget:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(page)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("size", [(900, 620), (1200, 780)], ids=["minimum", "default"])
def test_the_unlock_links_stay_put_when_the_error_goes(qtbot, existing_profile, size) -> None:  # type: ignore[no-untyped-def]
    with themed(False):
        page = UnlockPage()
        window = _hosted(qtbot, page, size)
        page.set_profiles(existing_profile.list_profiles())
        settle_layouts()
        page.show_error("That passphrase did not open this journal. Check Caps Lock and try again.")
        settle_layouts()
        links = (page.ui.unlockButton, page.ui.recoverButton, page.ui.newProfileButton, page.ui.aboutButton)
        before = [link.mapTo(window, QPoint(0, 0)) for link in links]
        qtbot.keyClicks(page.ui.passphraseEdit, "x")  # typing again takes the message away
        settle_layouts()
        assert not page.ui.errorLabel.isVisible()
        assert [link.mapTo(window, QPoint(0, 0)) for link in links] == before


def test_without_a_keyring_the_passphrase_fields_wait_visibly_for_the_consent(qtbot) -> None:  # type: ignore[no-untyped-def]
    with themed(False):
        page = FirstRunPage(ClipboardGuard(None))
        window = _hosted(qtbot, page)
        page.start("Profile 1", can_cancel=False)
        fields = (page.ui.passphraseEdit, page.ui.confirmEdit)
        assert window.isVisible() and all(field.isEnabled() for field in fields)  # a keyring answered (or not yet)
        page.set_keyring_problem("No keyring is available on this computer.")
        assert not any(field.isEnabled() for field in fields)
        assert not page.ui.passphraseLabel.isEnabled()  # greyed, so they do not look usable
        hint = page.ui.strengthLabel
        assert hint.isVisible() and "passphrase only" in hint.text().lower()  # and it says why
        for field in fields:
            field.setFocus()
            assert not field.hasFocus()
            qtbot.keyClicks(field, "typed into nothing")
            assert field.text() == ""
        page.ui.passphraseOnlyCheck.setChecked(True)
        assert all(field.isEnabled() for field in fields)
        for field in fields:
            qtbot.keyClicks(field, PASSPHRASE)
            assert field.text() == PASSPHRASE
        assert page.ui.createButton.isEnabled()
        page.ui.passphraseOnlyCheck.setChecked(False)  # consent taken back: the fields close again
        assert not any(field.isEnabled() for field in fields) and not page.ui.createButton.isEnabled()
        page.set_keyring_problem(None)  # the keyring turned up after all
        assert all(field.isEnabled() for field in fields)
