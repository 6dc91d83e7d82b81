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


PARTNER_PW = "alex's own passphrase"


def open_as_sam(qtbot: QtBot, make_window: Callable[..., Any], profiles: Any, *, space: bool = True) -> Any:
    """Sam and Alex, each with a profile of their own (and, with ``space``, a shared space made together); the
    window opens with Sam unlocked."""
    from intimacy_desktop.services.household import HouseholdService

    sam = profiles.create("Sam", PASSPHRASE).profile
    alex = profiles.create("Alex", PARTNER_PW).profile
    if space:
        HouseholdService(profiles.data_dir).create(sam, alex)
    sam.close()
    alex.close()
    window = make_window()
    combo = window.unlock_page.ui.profileCombo
    combo.setCurrentIndex(combo.findText("Sam"))
    unlock(qtbot, window)
    return window


class FakeClock:
    """A monotonic clock tests move by hand (``now`` in seconds)."""

    def __init__(self, now: float = 5000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


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
