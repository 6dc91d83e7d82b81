"""What a write changed, said once by the service that wrote it, so every page refreshes from the same notice.

Anki's ``OpChanges`` is the model (docs/ARCHITECTURE.md, "Change notices"): a page does not refresh because it was
navigated to, it refreshes because something it shows changed. Services call a ``ChangeSink`` after their
transaction commits; the GUI turns that into one Qt signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from enum import Flag, auto


class Changed(Flag):
    """The kinds of data a write can touch; pages test ``changes & Changed.ENTRIES`` and ignore the rest."""

    NONE = 0
    ENTRIES = auto()  # entries added, edited, trashed, restored or purged
    TAGS = auto()
    DRAFTS = auto()
    CHECKINS = auto()
    HABITS = auto()
    TIMER_SESSIONS = auto()
    EXERCISE_RUNS = auto()
    ASSESSMENTS = auto()
    PROGRAMS = auto()
    SETTINGS = auto()
    PROMPTS = auto()  # a prompt answered, skipped, favoured, hidden or restored
    # Written by another process (the CLI) or another window: we do not know what, so everything may have changed.
    EXTERNAL = (
        ENTRIES | TAGS | DRAFTS | CHECKINS | HABITS | TIMER_SESSIONS | EXERCISE_RUNS | ASSESSMENTS | PROGRAMS | PROMPTS
    )


ChangeSink = Callable[[Changed], None]


def ignore_changes(_changes: Changed) -> None:
    """The sink of a front end that shows nothing live (the CLI)."""


class ChangeFeed:
    """Fans one notice out to every subscriber. Thread-safe: services may write on a worker thread, and each
    subscriber is called on the thread that wrote (the GUI's subscriber re-emits it as a queued Qt signal)."""

    def __init__(self) -> None:
        self._subscribers: list[ChangeSink] = []
        self._lock = threading.Lock()

    def subscribe(self, sink: ChangeSink) -> None:
        with self._lock:
            self._subscribers.append(sink)

    def unsubscribe(self, sink: ChangeSink) -> None:
        with self._lock:
            if sink in self._subscribers:
                self._subscribers.remove(sink)

    def clear(self) -> None:
        with self._lock:
            self._subscribers.clear()

    def __call__(self, changes: Changed) -> None:
        if not changes:
            return
        with self._lock:
            subscribers = list(self._subscribers)
        for sink in subscribers:
            sink(changes)
