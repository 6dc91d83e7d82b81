"""Lock-aware operations: a profile's database work, off the GUI thread, one at a time, dropped after the lock.

Anki's ``CollectionOp``/``QueryOp`` are the model (docs/ARCHITECTURE.md, "Operations")::

    ctx.ops.op(self, lambda: journal.add(fields)).success(self._saved).failure(self._show).run()
    ctx.ops.query(self, lambda: journal.summaries(flt)).success(self._show_rows).with_progress(label).run()

``op`` is a write: once asked for, it runs, and the lock waits for it. ``query`` is a read: the lock drops it if it
has not started. Both run in order on one worker thread, so writes of a profile never race each other. The worker
never touches a widget; callbacks run on the GUI thread, and only while the page that asked (``parent``) still
exists and the profile is still unlocked. A result that arrives after the lock began is dropped, except a write's,
which the page needs to know its words were saved before it flushes.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from enum import Enum
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThreadPool, QTimer, Signal

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.gui.background import Job, Relay

_log = logging.getLogger(__name__)
T = TypeVar("T")
PROGRESS_DELAY_MS = 300  # quicker work shows no progress at all: a flash of a bar is worse than none


class _State(Enum):
    OPEN = "open"
    CLOSING = "closing"  # locking: reads dropped, writes finish and their results still reach the pages
    CLOSED = "closed"  # locked: nothing runs, nothing is delivered


class Operation(Generic[T]):
    """One piece of work, built fluently and started with ``run()``."""

    def __init__(self, runner: OperationRunner, parent: QObject | None, work: Callable[[], T], *, writes: bool):
        self._runner = runner
        self.parent = parent
        self.work = work
        self.writes = writes
        self.label: str | None = None
        self.on_success: Callable[[T], None] | None = None
        self.on_failure: Callable[[AppError], None] | None = None

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self.on_success = callback
        return self

    def failure(self, callback: Callable[[AppError], None]) -> Operation[T]:
        self.on_failure = callback
        return self

    def with_progress(self, label: str) -> Operation[T]:
        """Show ``label`` with a busy bar if the work takes longer than a moment."""
        self.label = label
        return self

    def run(self) -> None:
        self._runner.submit(self)


class OperationRunner(QObject):
    """The operations of one unlocked profile. Built on unlock, shut down by the lock."""

    progress = Signal(object)  # the label of the slow operation now running, or None when there is none
    unhandled_failure = Signal(object)  # AppError of an operation that gave no failure callback
    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, progress_delay_ms: int = PROGRESS_DELAY_MS) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: deque[Operation[Any]] = deque()
        self._current: tuple[Operation[Any], Job] | None = None
        self._state = _State.OPEN
        self._on_drained: Callable[[], None] | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(progress_delay_ms)
        self._progress_timer.timeout.connect(self._show_progress)
        self._progress_shown = False

    # ---- building -------------------------------------------------------------------------------------------
    def op(self, parent: QObject | None, work: Callable[[], T]) -> Operation[T]:
        """A write (or anything that must not be lost): the lock waits for it."""
        return Operation(self, parent, work, writes=True)

    def query(self, parent: QObject | None, work: Callable[[], T]) -> Operation[T]:
        """A read: cancelled by the lock if it has not started yet."""
        return Operation(self, parent, work, writes=False)

    @property
    def busy(self) -> bool:
        return self._current is not None or bool(self._pending)

    @property
    def is_open(self) -> bool:
        return self._state is _State.OPEN

    def submit(self, operation: Operation[Any]) -> None:
        if self._state is _State.CLOSED:
            if operation.writes:
                _log.warning("a write was asked for after the lock and was not run")
            return
        if self._state is _State.CLOSING and not operation.writes:
            return  # asked for after the lock began: a read has nobody left to show it to
        self._pending.append(operation)
        self._start_next()

    # ---- lock -----------------------------------------------------------------------------------------------
    def shutdown(self, on_drained: Callable[[], None]) -> bool:
        """Begin the lock: drop queued reads, let writes finish, then call ``on_drained`` (at once when idle).
        Returns True when it has to wait, so the caller can say so."""
        self._state = _State.CLOSING
        self._pending = deque(op for op in self._pending if op.writes)
        if not self.busy:
            on_drained()
            return False
        self._on_drained = on_drained
        return True

    def close(self) -> None:
        """The lock is done: from now on nothing starts and nothing is delivered."""
        self._state = _State.CLOSED
        self._pending.clear()
        self._progress_timer.stop()

    def finish_blocking(self, msecs: int = 30_000) -> bool:
        """Run what is left to its end on this thread's behalf (quitting the app); False if it timed out."""
        deadline = QDeadlineTimer(msecs)
        while self.busy and not deadline.hasExpired():
            self._pool.waitForDone(max(1, int(deadline.remainingTime())))
            QCoreApplication.sendPostedEvents()  # delivers the finished job's result, which starts the next one
        return not self.busy

    # ---- running --------------------------------------------------------------------------------------------
    def _start_next(self) -> None:
        if self._current is not None or not self._pending or self._state is _State.CLOSED:
            return
        operation = self._pending.popleft()
        relay = Relay()
        job = Job(operation.work, relay)
        relay.succeeded.connect(lambda value: self._finished(operation, job, True, value))
        relay.failed.connect(lambda error: self._finished(operation, job, False, error))
        self._current = (operation, job)
        if operation.label:
            self._progress_timer.start()
        self._pool.start(job)

    def _finished(self, operation: Operation[Any], job: Job, ok: bool, value: Any) -> None:
        if self._current is None or self._current[1] is not job:
            return
        self._current = None
        self._progress_timer.stop()
        if self._progress_shown:
            self._progress_shown = False
            self.progress.emit(None)
        self._deliver(operation, ok, value)
        self._start_next()
        if not self.busy:
            if self._on_drained is not None:
                on_drained, self._on_drained = self._on_drained, None
                on_drained()
            self.idle.emit()

    def _deliver(self, operation: Operation[Any], ok: bool, value: Any) -> None:
        if self._state is _State.CLOSED or (self._state is _State.CLOSING and not operation.writes):
            return  # a read that lands during the lock has nobody to show it to; a write's answer still counts
        if operation.parent is not None and not shiboken6.isValid(operation.parent):
            return  # the page that asked is gone
        if ok:
            if operation.on_success is not None:
                operation.on_success(value)
        elif operation.on_failure is not None:
            operation.on_failure(value)
        else:
            self.unhandled_failure.emit(value)

    def _show_progress(self) -> None:
        if self._current is not None and self._current[0].label:
            self._progress_shown = True
            self.progress.emit(self._current[0].label)
