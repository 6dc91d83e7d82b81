"""The About dialog: reachable before unlocking and after, lists what the build bundles with licence texts, and
copes with a damaged installation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from ui_support import unlock

from intimacy_desktop import __version__
from intimacy_desktop.gui.about_dialog import AboutDialog, load_licences


def test_about_from_the_unlock_page_lists_qt_under_the_lgpl_with_its_text(qtbot, make_window,  # type: ignore[no-untyped-def]
                                                                          existing_profile) -> None:
    w = make_window()
    w.unlock_page.ui.aboutButton.click()
    dialog = w.about_dialog
    assert dialog is not None and dialog.isVisible()
    assert __version__ in dialog.version_label.text()
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert rows["Qt"] == "LGPL-3.0-only"
    assert {"SQLCipher", "keyring", "cryptography", "Python"} <= set(rows)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()  # Qt is selected first
    keyring_row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "keyring")
    dialog.table.selectRow(keyring_row)
    assert "Permission is hereby granted" in dialog.text.toPlainText()  # the MIT text
    dialog.app_licence_button.click()
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    assert "Version 3" in dialog.text.toPlainText()


def test_f1_opens_the_same_dialog_after_unlocking(qtbot, make_window, existing_profile) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    unlock(qtbot, w)
    about = next(a for a in w.actions() if a.text() == "&About Intimacy Desktop")
    assert about.shortcut().toString() == "F1"
    about.trigger()
    first = w.about_dialog
    assert first is not None and first.isVisible()
    first.close()
    about.trigger()
    assert w.about_dialog is first and first.isVisible()


def test_copy_version_details_copies_versions_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    QGuiApplication.clipboard().clear()
    copy = next(b for b in dialog.findChildren(type(dialog.app_licence_button)) if b.text() == "Copy version details")
    copy.click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith(f"Intimacy Desktop {__version__} · Qt 6.")
    assert "Python 3." in text


def test_missing_or_damaged_component_list_is_said_plainly(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert load_licences(tmp_path) is None
    (tmp_path / "third_party.json").write_text("{not json", encoding="utf-8")
    assert load_licences(tmp_path) is None
    dialog = AboutDialog(licence_folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert not dialog.table.isEnabled()
    assert "Reinstalling the app restores it" in dialog.text.toPlainText()
