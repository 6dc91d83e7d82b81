"""The operation runner on its own: order, progress, late results, and what the lock cancels or waits for."""

from __future__ import annotations

import functools
import threading
import time

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from intimacy_desktop.core.errors import AppError, DiskFull
from intimacy_desktop.gui.operations import OperationRunner


@pytest.fixture
def runner(qtbot: QtBot) -> OperationRunner:
    return OperationRunner(progress_delay_ms=50)


def test_operations_run_one_at_a_time_in_order_off_the_gui_thread(qtbot: QtBot, runner: OperationRunner) -> None:
    gui = threading.get_ident()
    seen: list[tuple[str, bool]] = []
    results: list[str] = []
    for name in ("a", "b", "c"):
        def work(name: str = name) -> str:
            seen.append((name, threading.get_ident() != gui))
            time.sleep(0.02)
            return name

        runner.op(None, work).success(results.append).run()
    qtbot.waitUntil(lambda: len(results) == 3, timeout=3_000)
    assert results == ["a", "b", "c"]
    assert seen == [("a", True), ("b", True), ("c", True)]


def test_failure_goes_to_its_callback_or_to_the_runner(qtbot: QtBot, runner: OperationRunner) -> None:
    errors: list[AppError] = []
    unhandled: list[AppError] = []
    runner.unhandled_failure.connect(unhandled.append)

    def full() -> None:
        raise DiskFull()

    def bug() -> None:
        raise ValueError("entry text must never reach a message")

    runner.op(None, full).failure(errors.append).run()
    runner.op(None, bug).run()
    qtbot.waitUntil(lambda: len(unhandled) == 1, timeout=3_000)
    assert [type(e) for e in errors] == [DiskFull]
    assert type(unhandled[0]) is AppError and "entry text" not in str(unhandled[0])


def test_progress_shows_only_for_slow_work(qtbot: QtBot, runner: OperationRunner) -> None:
    shown: list[object] = []
    runner.progress.connect(shown.append)
    runner.op(None, lambda: None).with_progress("quick").run()
    runner.op(None, lambda: time.sleep(0.3)).with_progress("Re-encrypting…").run()
    qtbot.waitUntil(lambda: not runner.busy, timeout=3_000)
    assert shown == ["Re-encrypting…", None]


def test_a_result_for_a_destroyed_page_is_dropped(qtbot: QtBot, runner: OperationRunner) -> None:
    page = QWidget()
    got: list[int] = []
    def slow() -> int:
        time.sleep(0.1)
        return 1

    runner.query(page, slow).success(got.append).run()
    page.deleteLater()
    qtbot.waitUntil(lambda: not runner.busy, timeout=3_000)
    qtbot.wait(50)
    assert got == []


def test_shutdown_waits_for_writes_drops_reads_and_delivers_nothing_after(
    qtbot: QtBot, runner: OperationRunner
) -> None:
    started = threading.Event()
    written: list[str] = []
    delivered: list[str] = []

    def slow_read() -> str:
        started.set()
        time.sleep(0.3)
        return "read"

    def write() -> str:
        written.append("write")
        return "write"

    runner.query(None, slow_read).success(delivered.append).run()
    runner.op(None, write).success(delivered.append).run()
    runner.query(None, lambda: "queued read").success(delivered.append).run()
    assert started.wait(2)
    drained: list[bool] = []
    assert runner.shutdown(lambda: drained.append(True)) is True  # it had to wait
    runner.query(None, lambda: "late read").success(delivered.append).run()
    qtbot.waitUntil(lambda: drained == [True], timeout=3_000)
    runner.close()
    runner.op(None, lambda: written.append("after close")).run()
    qtbot.wait(100)
    assert written == ["write"]  # the write asked for before the lock ran; nothing runs after close
    assert delivered == ["write"]  # the running read landed during the lock: dropped; the queued one never ran


def test_shutdown_when_idle_finishes_at_once(runner: OperationRunner) -> None:
    drained: list[bool] = []
    assert runner.shutdown(lambda: drained.append(True)) is False
    assert drained == [True]


def test_finish_blocking_runs_the_queue_to_its_end(runner: OperationRunner) -> None:
    done: list[int] = []
    def slow(i: int) -> int:
        time.sleep(0.05)
        return i

    for i in range(3):
        runner.op(None, functools.partial(slow, i)).success(done.append).run()
    assert runner.finish_blocking(5_000)
    assert done == [0, 1, 2]
