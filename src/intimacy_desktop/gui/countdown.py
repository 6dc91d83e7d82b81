"""Counts a guessing delay down where the person is looking: "try again in 30 s", then 29, … then nothing.

The service refuses early attempts anyway (services/guessing.py); this only keeps the message true and the button
honest. The seconds from the error are rounded up, so the count never ends before the service would let one in.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.guess_delay import wait_seconds, whole_seconds
from intimacy_desktop.gui.error_text import translated

TICK_MS = 250  # the text changes once a second; a finer tick keeps it from lagging up to a second behind


class Countdown(QObject):
    changed = Signal(str)  # the error's message with the seconds still to wait
    ended = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock: Callable[[], float] = time.monotonic  # tests put a fake clock here before start()
        self._code = ""
        self._deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self, error: AppError) -> bool:
        """Count ``error``'s wait down; False (and nothing started) when it is not a wait."""
        seconds = wait_seconds(error)
        if seconds is None or seconds <= 0:
            return False
        self._code = error.code
        self._deadline = self.clock() + seconds
        self._timer.start()
        self._tick()
        return True

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        left = whole_seconds(self._deadline - self.clock())
        if left <= 0:
            self._timer.stop()
            self.ended.emit()
            return
        self.changed.emit(translated(self._code, {"seconds": left}))
