"""Clears journal text and recovery codes from the clipboard 30 seconds after we put them there.

Other programs (and the next person at the computer) can read the clipboard. We only clear it when it still
holds exactly what we copied, so something the person copied elsewhere in the meantime is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

CLEAR_AFTER_MS = 30_000


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(parent)
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)
        self._clipboard = QApplication.clipboard()
        self._clipboard.dataChanged.connect(self._on_changed)

    def copy(self, text: str) -> None:
        """Copy text we consider sensitive and schedule its removal."""
        self._clipboard.setText(text)
        self._remember(text)

    def _on_changed(self) -> None:
        # A copy made inside our window (Ctrl+C in the editor or preview) has our focus widget at that moment.
        if QApplication.focusWidget() is not None or self._clipboard.ownsClipboard():
            text = self._clipboard.text()
            if text:
                self._remember(text)

    def _remember(self, text: str) -> None:
        self._ours = text
        self._timer.start()

    def clear_if_ours(self) -> None:
        if self._ours is not None and self._clipboard.text() == self._ours:
            self._clipboard.clear()
        self._ours = None
