"""Locks the journal after a stretch without keyboard or mouse input.

On a shared household computer a journal left open is a journal anyone can read; five quiet minutes is the
default. The timeout is a constructor argument so tests can use milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

DEFAULT_IDLE_MS = 5 * 60 * 1000

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None, timeout_ms: int = DEFAULT_IDLE_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        self._watching = False
        self._default_ms = timeout_ms
        self._off = False

    def set_timeout_ms(self, timeout_ms: int | None) -> None:
        """A person's choice (Settings): 0 is never; None goes back to the window's default (after a lock)."""
        ms = self._default_ms if timeout_ms is None else timeout_ms
        self._off = ms == 0
        if self._off:
            self._timer.stop()
            return
        self._timer.setInterval(ms)
        if self._watching:
            self._timer.start()

    @property
    def timeout_ms(self) -> int:
        """The idle time before the lock; 0 when the person chose never."""
        return 0 if self._off else self._timer.interval()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        if not self._off:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False
