"""The Us page as a couple uses it: make the space with the partner at the keyboard, share with a preview of exactly
what will be shared, read it from the other profile, take it back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_support import PARTNER_PW, open_as_sam, settle, unlock

from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.services.profiles import ProfileService


def _us(qtbot: QtBot, window: Any) -> Any:
    page = window.show_page("us")
    settle(qtbot, window)
    return page


def test_make_share_read_and_take_back(qtbot: QtBot, make_window: Any, profiles: ProfileService) -> None:
    window = open_as_sam(qtbot, make_window, profiles, space=False)
    combo = window.unlock_page.ui.profileCombo
    window.profile.journal.add(EntryFields(title="Our walk", body="Hand in hand by the river."))
    window.profile.journal.add(EntryFields(title="Only mine", body="Private."))
    page = _us(qtbot, window)
    assert page.state == "none" and page.make_button.isVisible()

    page.make_button.click()
    dialog = page.dialog
    dialog.partner.setCurrentIndex(dialog.partner.findText("Alex"))
    dialog.passphrase.setText("wrong")
    dialog.go.click()
    qtbot.waitUntil(lambda: dialog.go.isEnabled(), timeout=10_000)
    assert "passphrase" in dialog.status.text().lower()
    dialog.passphrase.setText(PARTNER_PW)
    dialog.go.click()
    qtbot.waitUntil(lambda: "ready" in dialog.status.text(), timeout=10_000)
    dialog.close()
    qtbot.waitUntil(lambda: page.state == "open", timeout=5_000)
    assert page.list.count() == 0  # nothing is shared by default

    page.share_button.click()
    qtbot.waitUntil(lambda: page.dialog is not dialog and page.dialog is not None, timeout=5_000)
    share = page.dialog
    for i in range(share.choices.count()):
        item = share.choices.item(i)
        if "Our walk" in item.text():
            item.setCheckState(Qt.CheckState.Checked)
    share.go.click()
    qtbot.waitUntil(lambda: share.previewed is not None, timeout=5_000)
    preview = share.preview_label.text()
    assert "Our walk" in preview and "Hand in hand" in preview and "Only mine" not in preview
    assert share.go.text() == "Share 1 entry"
    share.go.click()
    qtbot.waitUntil(lambda: "Shared 1 entry" in share.status.text(), timeout=5_000)
    share.close()
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5_000)
    assert "from Sam" in page.list.item(0).text()

    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    combo.setCurrentIndex(combo.findText("Alex"))  # with Alex's own passphrase
    unlock(qtbot, window, PARTNER_PW)
    page = _us(qtbot, window)
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5_000)
    assert "Hand in hand" in page.viewer.toPlainText()
    page.take_back_button.click()  # Alex did not share it: refused
    qtbot.waitUntil(lambda: "Only the partner who shared" in page.status.text(), timeout=5_000)
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)

    combo.setCurrentIndex(combo.findText("Sam"))
    unlock(qtbot, window)
    page = _us(qtbot, window)
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5_000)
    page.take_back_button.click()
    qtbot.waitUntil(lambda: page.list.count() == 0, timeout=5_000)


def test_removing_the_partner_asks_first_and_locks_them_out(qtbot: QtBot, make_window: Any, profiles: ProfileService,
                                                            monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_as_sam(qtbot, make_window, profiles)
    combo = window.unlock_page.ui.profileCombo
    page = _us(qtbot, window)
    qtbot.waitUntil(lambda: page.state == "open", timeout=5_000)
    assert page.remove_button.isVisible()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", answer)
    page.remove_button.click()  # cancelled: nothing changes
    settle(qtbot, window)
    assert page.remove_button.isVisible()
    page.remove_button.click()
    qtbot.waitUntil(lambda: not page.remove_button.isVisible(), timeout=10_000)
    assert "cannot be taken back" in asked[0] and "Alex" in asked[0]
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    combo.setCurrentIndex(combo.findText("Alex"))
    unlock(qtbot, window, PARTNER_PW)
    page = _us(qtbot, window)
    qtbot.waitUntil(lambda: page.state == "removed", timeout=5_000)
    assert "no longer part" in page.lead.text()
