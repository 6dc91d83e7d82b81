"""Helpers shared by the GUI tests (a module, not a conftest, so it can be imported by name)."""

from __future__ import annotations

from PySide6.QtCore import Qt

PASSPHRASE = "correct horse battery staple"


def unlock(qtbot, window, passphrase: str = PASSPHRASE) -> None:  # type: ignore[no-untyped-def]
    """Type the passphrase like a person would and wait for the background unlock to open the journal."""
    window.unlock_page.ui.passphraseEdit.clear()
    qtbot.keyClicks(window.unlock_page.ui.passphraseEdit, passphrase)
    qtbot.mouseClick(window.unlock_page.ui.unlockButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=10_000)


def open_journal(qtbot, make_window):  # type: ignore[no-untyped-def]
    """A new window, unlocked with PASSPHRASE, showing the journal page: (window, page)."""
    window = make_window()
    unlock(qtbot, window)
    window.show_journal()
    return window, window.journal_page
