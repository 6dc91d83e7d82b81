"""The page protocol: what the shell needs from every page, and nothing more.

A page is a widget with a stable id and a title. The composition root (app.py) lists the pages as "module:Class"
paths; the shell imports each one at unlock, builds it with the unlock-scoped ``ProfileContext``, puts its title in
the sidebar and calls the four hooks below. The shell never names a page.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext


class Page(QWidget):
    """Base of every page. Subclasses set ``page_id`` and override what they need."""

    page_id: ClassVar[str] = ""
    # Keys that reach this page from anywhere in the unlocked window: the shell shows the page, then calls
    # act(action). Keys that only make sense on the page itself (Ctrl+S) stay the page's own window shortcuts.
    global_keys: ClassVar[tuple[tuple[QKeySequence.StandardKey, str], ...]] = ()

    def title(self) -> str:
        """The sidebar text, also the page's accessible name: every page gives its own translated one (a test
        checks each registered page does); the window title set by the page is the fallback."""
        return self.windowTitle() or self.page_id

    def shown(self) -> None:
        """The page became the visible one: put the keyboard focus where typing belongs."""

    def flush(self) -> None:
        """Before the lock: write anything unsaved now, on the GUI thread. Raise AppError if it could not be."""

    def wipe(self) -> None:
        """On the lock: forget everything shown. The page is destroyed right after."""

    def needs_attention(self) -> bool:
        """True when the page should open first after unlock (it holds recovered, unsaved writing)."""
        return False

    def act(self, action: str) -> None:
        """Another page asked for something by name (Today's "write" opens a new journal entry)."""


PageFactory = Callable[["ProfileContext"], Page]


def load_page_factory(path: str) -> PageFactory:
    """``"package.module:Class"`` to the class, imported on first unlock (not before the first window)."""
    module_name, _, attr = path.partition(":")
    factory: PageFactory = getattr(importlib.import_module(module_name), attr)
    return factory


def resolve(pages: Sequence[str | PageFactory]) -> list[PageFactory]:
    return [load_page_factory(p) if isinstance(p, str) else p for p in pages]
