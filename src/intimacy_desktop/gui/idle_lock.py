"""Locks the journal after a stretch without keyboard or mouse input.

On a shared household computer a journal left open is a journal anyone can read; five quiet minutes is the
default. Idle time is measured on a clock, not by one long timer: the last input's time is noted, and a short timer
looks every few seconds whether the chosen time has passed. Qt's timers run on a clock that stops while the computer
sleeps, so one five-minute timer would let a laptop woken after an hour stay open for the rest of it; the clock here
(core/clock.py's ``talk_clock``) counts sleep. Tests inject the clock and call ``check``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from intimacy_desktop.core.clock import talk_clock

DEFAULT_IDLE_MS = 5 * 60 * 1000
LOOK_EVERY_MS = 5_000  # the longest an idle lock can be late after the computer wakes

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

    def __init__(self, parent: QObject | None = None, timeout_ms: int = DEFAULT_IDLE_MS, *,
                 clock: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or talk_clock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._watching = False
        self._default_ms = timeout_ms
        self._timeout_ms = timeout_ms
        self._last_input = self._clock()

    def use_clock(self, clock: Callable[[], float]) -> None:
        """Tests: measure on this clock from now on."""
        self._clock = clock
        self._last_input = clock()

    def set_timeout_ms(self, timeout_ms: int | None) -> None:
        """A person's choice (Settings): 0 is never; None goes back to the window's default (after a lock). The new
        time counts from the last input, as the old one did."""
        self._timeout_ms = self._default_ms if timeout_ms is None else timeout_ms
        if self._watching:
            self._schedule()

    @property
    def timeout_ms(self) -> int:
        """The idle time before the lock; 0 when the person chose never."""
        return self._timeout_ms

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._last_input = self._clock()
        self._schedule()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False

    def next_check_ms(self) -> int:
        """How long until the next look; 0 when none is due (never, or stopped)."""
        return self._timer.remainingTime() if self._timer.isActive() else 0

    def check(self) -> None:
        """Lock when the chosen time has passed since the last input; otherwise look again a little later."""
        if not self._watching or self._timeout_ms == 0:
            return
        quiet_ms = (self._clock() - self._last_input) * 1000
        if quiet_ms >= self._timeout_ms:
            self._timer.stop()
            self._watching_until_start()
            self.idle.emit()
            return
        self._schedule()

    def _watching_until_start(self) -> None:
        """Fired once: nothing more until ``start`` (the next unlock)."""
        self._last_input = float("inf")

    def _schedule(self) -> None:
        if self._timeout_ms == 0:
            self._timer.stop()
            return
        left_ms = self._timeout_ms - (self._clock() - self._last_input) * 1000
        self._timer.start(int(max(1, min(LOOK_EVERY_MS, left_ms))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._watching and event.type() in _INPUT_EVENTS:
            self._last_input = self._clock()  # a float stored: cheap enough for every mouse move
        return False
