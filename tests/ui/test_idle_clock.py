"""The idle lock measured on an injected clock: open one second before the chosen time, locked one second after;
any input starts the count again; the computer's sleep counts as idle time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_support import FakeClock, unlock

from intimacy_desktop.gui.idle_lock import LOOK_EVERY_MS, IdleLock
from intimacy_desktop.services.profiles import ProfileService

FIVE_MINUTES = 5 * 60


def _window(make_window: Any, qtbot: QtBot, clock: FakeClock) -> Any:
    window = make_window()
    window.idle.use_clock(clock)
    unlock(qtbot, window)
    return window


def test_open_one_second_before_and_locked_one_second_after(qtbot: QtBot, make_window: Any,
                                                            existing_profile: ProfileService) -> None:
    clock = FakeClock()
    window = _window(make_window, qtbot, clock)
    start = clock.now
    clock.now = start + FIVE_MINUTES - 1
    window.idle.check()
    qtbot.wait(50)
    assert window.profile is not None and window.profile.is_open
    clock.now = start + FIVE_MINUTES + 1
    window.idle.check()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    assert window.stack.currentWidget() is window.unlock_page


def test_a_key_press_starts_the_count_again(qtbot: QtBot, make_window: Any,
                                          existing_profile: ProfileService) -> None:
    clock = FakeClock()
    window = _window(make_window, qtbot, clock)
    start = clock.now
    clock.now = start + FIVE_MINUTES - 10
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier))
    clock.now = start + FIVE_MINUTES + 1  # five minutes since the start, but only eleven seconds since the key
    window.idle.check()
    qtbot.wait(50)
    assert window.profile is not None
    clock.now = start + 2 * FIVE_MINUTES  # five minutes and ten seconds since the key
    window.idle.check()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)


@contextmanager
def _watching(timeout_ms: int) -> Iterator[tuple[IdleLock, FakeClock, list[bool]]]:
    """An idle lock on a fake clock, started; what it fired is recorded."""
    clock = FakeClock()
    idle = IdleLock(None, timeout_ms, clock=clock)
    fired: list[bool] = []
    idle.idle.connect(lambda: fired.append(True))
    idle.start()
    try:
        yield idle, clock, fired
    finally:
        idle.stop()


def test_the_timer_wakes_to_check_rather_than_trusting_one_long_wait(qtbot: QtBot) -> None:
    """A laptop that sleeps stops Qt's timers' clock; the lock looks again every few seconds, so a computer woken
    after ten minutes locks at once instead of after the rest of a five-minute timer."""
    with _watching(FIVE_MINUTES * 1000) as (idle, clock, fired):
        assert 0 < idle.next_check_ms() <= LOOK_EVERY_MS * 1.05  # a coarse timer may be 5 % late
        clock.now += 10 * 60  # asleep
        qtbot.waitUntil(lambda: fired == [True], timeout=8_000)


def test_never_means_never_and_a_new_time_counts_from_the_last_input(qtbot: QtBot) -> None:
    with _watching(FIVE_MINUTES * 1000) as (idle, clock, fired):
        idle.set_timeout_ms(0)
        clock.now += 24 * 3600
        idle.check()
        assert fired == []
        idle.set_timeout_ms(60_000)  # one minute, and a day has passed since the last input
        idle.check()
        assert fired == [True]
        idle.check()
        assert fired == [True]  # once, not on every look


def test_mouse_move_counts_as_use(qtbot: QtBot) -> None:
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    with _watching(60_000) as (idle, clock, fired):
        clock.now += 59
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(3, 3), QPointF(3, 3), Qt.MouseButton.NoButton,
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, move)
        clock.now += 59
        idle.check()
        assert fired == []
