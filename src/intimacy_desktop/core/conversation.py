"""The device-free conversation timer: a state machine over an injected clock, with speaker and listener turns.

Time is never counted in ticks. The machine keeps the talk time banked before the last resume and the clock
reading at that resume; everything else (time left, whose turn, whether it is over) is computed from the clock
when asked, so a slow event loop, a minimised window or a locked journal cannot stretch a minute. ``poll`` turns
what the clock says into events (the end, a turn switch), and ``next_event_in`` tells a front end exactly when to
look again, so the end is noticed within the timer's precision rather than a tick later.

The clock must keep counting while the computer sleeps (core/clock.py): a couple who closes the laptop lid goes on
talking. A jump of the clock (a suspend, or a stall of the whole process) is just time that passed: the end and the
turns come out where they would have, and several turns passed at once are one switch to whoever speaks now.

Pure Python: no Qt, no storage.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from dataclasses import dataclass


class Phase(enum.StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"  # the planned time ran out
    STOPPED = "stopped"  # ended early by the couple


class Speaker(enum.IntEnum):
    A = 0
    B = 1

    def other(self) -> Speaker:
        return Speaker.B if self is Speaker.A else Speaker.A


class EventKind(enum.StrEnum):
    FINISHED = "finished"
    TURN = "turn"


@dataclass(frozen=True)
class Event:
    kind: EventKind
    at: float  # talk seconds since the start when it happened (not when it was noticed)
    speaker: Speaker | None = None  # who speaks from now on, for a turn switch


@dataclass(frozen=True)
class Preset:
    """A named length. The front end gives each id its translated name and description."""

    id: str
    seconds: int
    turn_seconds: int | None = None  # a sensible default turn length for this kind of talk, or none


# From the article and the research it cites (DESIGN.md §6): its daily 10-minute no-device talk, Gottman's
# stress-reducing conversation (20-30 minutes), a longer session for deep questions, the 60-second hug and a
# tech-free dinner hour. "custom" takes any length from 1 minute to 4 hours.
PRESETS = (
    Preset("daily-talk", 10 * 60),
    Preset("stress-reducing", 20 * 60, turn_seconds=5 * 60),
    Preset("deep-questions", 45 * 60),
    Preset("hug", 60),
    Preset("tech-free-dinner", 60 * 60),
)
CUSTOM = "custom"
MIN_SECONDS = 60
MAX_SECONDS = 4 * 60 * 60
EXTEND_SECONDS = 5 * 60
TURN_CHOICES = (None, 2 * 60, 3 * 60, 5 * 60)


def preset(preset_id: str) -> Preset | None:
    return next((p for p in PRESETS if p.id == preset_id), None)


class ConversationTimer:
    def __init__(self, planned: float, *, clock: Callable[[], float], turn_seconds: float | None = None) -> None:
        if not MIN_SECONDS <= planned <= MAX_SECONDS:
            raise ValueError(f"a conversation lasts {MIN_SECONDS}-{MAX_SECONDS} seconds, not {planned}")
        if turn_seconds is not None and turn_seconds <= 0:
            raise ValueError("a turn lasts more than no time")
        self.planned = float(planned)
        self.turn_seconds = float(turn_seconds) if turn_seconds else None
        self._clock = clock
        self.phase = Phase.READY
        self._banked = 0.0  # talk time before the last resume
        self._since: float | None = None  # clock reading at the last start or resume, while running
        self._last_seen = 0.0  # the clock's highest reading so far: a clock that steps back never takes time away
        self.speaker = Speaker.A
        self._turn_start = 0.0  # talk seconds at which the current speaker's turn began
        self.turns = 0  # switches so far

    # ---- reading -----------------------------------------------------------------------------------------
    def _now(self) -> float:
        self._last_seen = max(self._last_seen, self._clock())
        return self._last_seen

    def _raw_elapsed(self) -> float:
        if self._since is None:
            return self._banked
        return self._banked + (self._now() - self._since)

    def elapsed(self) -> float:
        """Talk seconds so far, pauses left out, never more than planned."""
        return min(self.planned, self._raw_elapsed())

    def remaining(self) -> float:
        return max(0.0, self.planned - self._raw_elapsed())

    def turn_remaining(self) -> float | None:
        if self.turn_seconds is None:
            return None
        return max(0.0, self._turn_start + self.turn_seconds - self.elapsed())

    @property
    def active(self) -> bool:
        """Running or paused: a conversation is under way."""
        return self.phase in (Phase.RUNNING, Phase.PAUSED)

    @property
    def over(self) -> bool:
        return self.phase in (Phase.FINISHED, Phase.STOPPED)

    def next_event_in(self) -> float | None:
        """Seconds until the end or the next turn switch, whichever comes first; None when nothing will happen."""
        if self.phase is not Phase.RUNNING:
            return None
        due = self.remaining()
        left = self.turn_remaining()
        return min(due, left) if left is not None else due

    # ---- changing ----------------------------------------------------------------------------------------
    def start(self) -> None:
        if self.phase is not Phase.READY:
            raise RuntimeError(f"start from {self.phase}")
        self.phase = Phase.RUNNING
        self._since = self._now()

    def pause(self) -> None:
        if self.phase is not Phase.RUNNING:
            return
        self._settle()
        if self.phase is Phase.RUNNING:
            self._banked = self._raw_elapsed()
            self._since = None
            self.phase = Phase.PAUSED

    def resume(self) -> None:
        if self.phase is not Phase.PAUSED:
            return
        self._since = self._now()
        self.phase = Phase.RUNNING

    def toggle(self) -> None:
        if self.phase is Phase.READY:
            self.start()
        elif self.phase is Phase.RUNNING:
            self.pause()
        elif self.phase is Phase.PAUSED:
            self.resume()

    def extend(self, seconds: float = EXTEND_SECONDS) -> None:
        """More time. After the end it goes on from where it ended, running; never past the longest talk."""
        if seconds <= 0 or self.phase in (Phase.READY, Phase.STOPPED):
            return
        self._settle()
        self.planned = min(float(MAX_SECONDS), self.planned + seconds)
        if self.phase is Phase.FINISHED:  # its banked time is the old plan: go on from there
            self._since = self._now()
            self.phase = Phase.RUNNING

    def stop(self) -> None:
        """End early. The talk time so far is what counts."""
        if not self.active:
            return
        self._settle()
        if self.phase is Phase.FINISHED:
            return
        self._banked = self.elapsed()
        self._since = None
        self.phase = Phase.STOPPED

    def switch_turn(self) -> Speaker:
        """The couple swaps early (or late): the new speaker's turn starts now."""
        self.speaker = self.speaker.other()
        self._turn_start = self.elapsed()
        self.turns += 1
        return self.speaker

    def poll(self) -> list[Event]:
        """What happened since the last poll: at most one turn switch, then the end. Call it whenever woken."""
        if self.phase is not Phase.RUNNING:
            return []
        return self._settle()

    def _settle(self) -> list[Event]:
        events: list[Event] = []
        if self.phase is not Phase.RUNNING:
            return events
        raw = self._raw_elapsed()
        talk = min(self.planned, raw)
        if self.turn_seconds is not None and talk - self._turn_start >= self.turn_seconds:
            passed = math.floor((talk - self._turn_start) / self.turn_seconds)
            self._turn_start += passed * self.turn_seconds
            if talk < self.planned:  # a turn ending exactly with the talk is just the end
                if passed % 2:
                    self.speaker = self.speaker.other()
                self.turns += passed
                events.append(Event(EventKind.TURN, self._turn_start, self.speaker))
        if raw >= self.planned:
            self._banked = self.planned
            self._since = None
            self.phase = Phase.FINISHED
            events.append(Event(EventKind.FINISHED, self.planned))
        return events
