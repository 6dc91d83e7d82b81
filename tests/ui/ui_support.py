"""Helpers shared by the GUI tests (a module, not a conftest, so it can be imported by name)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

PASSPHRASE = "correct horse battery staple"


def unlock(qtbot: QtBot, window: Any, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase like a person would and wait for the background unlock to open the journal."""
    window.unlock_page.ui.passphraseEdit.clear()
    qtbot.keyClicks(window.unlock_page.ui.passphraseEdit, passphrase)
    qtbot.mouseClick(window.unlock_page.ui.unlockButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page("journal") is not None, timeout=10_000)
    settle(qtbot, window)


def settle(qtbot: QtBot, window: Any) -> None:
    """Wait until the unlocked profile's operations (the reads a write's change notice started) have delivered."""
    ctx = window.locks.ctx
    if ctx is not None:
        qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5_000)


def open_journal(qtbot: QtBot, make_window: Callable[..., Any]) -> tuple[Any, Any]:
    """A new window, unlocked with PASSPHRASE, showing the journal page: (window, page)."""
    window = make_window()
    unlock(qtbot, window)
    window.show_page("journal")
    settle(qtbot, window)
    return window, window.page("journal")
