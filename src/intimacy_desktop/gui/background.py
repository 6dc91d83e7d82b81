"""Runs vault, crypto and database work off the GUI thread and brings the result or the error back to it.

Argon2 takes about a second by design; doing it on the GUI thread would freeze the window. Workers never touch
widgets: they return a value (or raise), and the callbacks run on the GUI thread through a queued signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from intimacy_desktop.core.errors import AppError

_log = logging.getLogger(__name__)


class Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so Qt queues the call back to that thread."""

    succeeded = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it alive in Background._jobs until the result arrives
        self._work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except AppError as exc:
            self.relay.failed.emit(exc)
        except Exception as exc:  # a bug, not a person's mistake: log the type only, never content
            _log.error("background job failed: %s", type(exc).__name__)
            self.relay.failed.emit(AppError())
        else:
            self.relay.succeeded.emit(result)


class Background(QObject):
    """Submit work; exactly one of ``on_done``/``on_error`` is called later on the GUI thread."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._jobs: set[Job] = set()

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[AppError], None],
    ) -> None:
        relay = Relay()
        job = Job(work, relay)

        def finish(callback: Callable[[Any], None], value: object) -> None:
            self._jobs.discard(job)
            if shiboken6.isValid(self):  # the window that asked may be gone (closed while the work ran)
                callback(value)

        relay.succeeded.connect(lambda value: finish(on_done, value))
        relay.failed.connect(lambda exc: finish(on_error, exc))
        self._jobs.add(job)
        self._pool.start(job)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until running jobs finish (used only when the app quits)."""
        return self._pool.waitForDone(msecs)
