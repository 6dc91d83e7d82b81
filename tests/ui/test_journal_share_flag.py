"""The journal editor's "Shared with my partner": ticking it shows the same preview as the Us page and shares the
entry; unticking asks, then takes it back out; without a space it says where to make one; the box shows only what is
true."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_support import PARTNER_PW, open_as_sam, settle

from intimacy_desktop.services.household import HouseholdService
from intimacy_desktop.services.profiles import ProfileService


def _write(qtbot: QtBot, window: Any, title: str, body: str) -> Any:
    page = window.show_page("journal")
    page.new_entry()
    qtbot.keyClicks(page.editor.ui.titleEdit, title)
    page.editor.ui.bodyEdit.setPlainText(body)
    return page


def _in_space(profiles: ProfileService) -> list[tuple[str, str]]:
    alex = profiles.unlock(profiles.find("Alex"), PARTNER_PW)
    try:
        space = HouseholdService(profiles.data_dir).open(alex)
        try:
            return [(e.fields.title, e.fields.body) for e, _ in space.entries()]
        finally:
            space.close()
    finally:
        alex.close()


def test_ticking_shares_after_the_preview_and_unticking_takes_it_back(
        qtbot: QtBot, make_window: Any, profiles: ProfileService, monkeypatch: Any) -> None:
    window = open_as_sam(qtbot, make_window, profiles)
    page = _write(qtbot, window, "Sunday pancakes", "You flipped them without looking.")
    check = page.editor.ui.sharedCheck
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)  # unsaved: saved first, then previewed
    qtbot.waitUntil(lambda: page.share_flag.dialog is not None, timeout=5_000)
    dialog = page.share_flag.dialog
    qtbot.waitUntil(lambda: "Sunday pancakes" in dialog.preview_label.text(), timeout=5_000)
    assert "You flipped them without looking." in dialog.preview_label.text()
    assert not check.isChecked() and _in_space(profiles) == []  # nothing shared before "Share"
    assert dialog.go.text() == "Share 1 entry"
    dialog.go.click()
    qtbot.waitUntil(lambda: "Shared" in dialog.status.text(), timeout=5_000)
    dialog.close()
    qtbot.waitUntil(check.isChecked, timeout=5_000)
    assert _in_space(profiles) == [("Sunday pancakes", "You flipped them without looking.")]
    assert not page.editor.dirty

    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: next(answers))
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)  # cancelled: still shared
    settle(qtbot, window)
    assert check.isChecked() and len(_in_space(profiles)) == 1
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not check.isChecked(), timeout=5_000)
    settle(qtbot, window)
    assert _in_space(profiles) == []
    assert window.profile.journal.get(page.editor.entry_id).fields.shared is False


def test_closing_the_preview_shares_nothing_and_the_box_stays_clear(
        qtbot: QtBot, make_window: Any, profiles: ProfileService) -> None:
    window = open_as_sam(qtbot, make_window, profiles)
    page = _write(qtbot, window, "Just for me", "Not yet.")
    check = page.editor.ui.sharedCheck
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.share_flag.dialog is not None, timeout=5_000)
    page.share_flag.dialog.close()
    settle(qtbot, window)
    assert not check.isChecked() and _in_space(profiles) == []


def test_without_a_space_the_box_says_where_to_make_one(qtbot: QtBot, make_window: Any,
                                                        profiles: ProfileService) -> None:
    window = open_as_sam(qtbot, make_window, profiles, space=False)
    page = _write(qtbot, window, "Alone", "Words.")
    check = page.editor.ui.sharedCheck
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Us page" in page.editor.ui.noticeLabel.text(), timeout=5_000)
    assert not check.isChecked() and page.share_flag.dialog is None
    assert window.profile.journal.get(page.editor.entry_id).fields.shared is False  # saved, not marked
