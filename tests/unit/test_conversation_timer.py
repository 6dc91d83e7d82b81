"""The conversation timer over a fake clock: start, pause, resume, extend, stop, finish and turns; drift over a
simulated hour of irregular wake-ups; a suspend (the clock jumps); a clock that steps back."""

from __future__ import annotations

import random

import pytest

from intimacy_desktop.core.conversation import (
    EXTEND_SECONDS,
    MAX_SECONDS,
    ConversationTimer,
    Event,
    EventKind,
    Phase,
    Speaker,
)


def phase(timer: object) -> Phase:
    """The phase as a fresh read (mypy would keep the one an earlier assert narrowed)."""
    return timer.phase  # type: ignore[attr-defined, no-any-return]


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _timer(planned: float = 600, turn: float | None = None) -> tuple[ConversationTimer, FakeClock]:
    clock = FakeClock()
    return ConversationTimer(planned, clock=clock, turn_seconds=turn), clock


def test_it_counts_only_running_time_and_finishes_exactly_at_the_plan() -> None:
    t, clock = _timer(600)
    assert phase(t) is Phase.READY and t.remaining() == 600
    t.start()
    clock.now += 100
    assert t.elapsed() == 100 and t.remaining() == 500
    t.pause()
    clock.now += 3000  # a long pause costs nothing
    assert phase(t) is Phase.PAUSED and t.remaining() == 500 and t.poll() == []
    t.resume()
    clock.now += 499.9
    assert t.poll() == [] and phase(t) is Phase.RUNNING
    assert t.next_event_in() == pytest.approx(0.1)
    clock.now += 0.2
    assert t.poll() == [Event(EventKind.FINISHED, 600)]
    assert phase(t) is Phase.FINISHED and t.elapsed() == 600 and t.remaining() == 0
    assert t.poll() == [] and t.next_event_in() is None


def test_stop_keeps_the_time_talked_and_ends_it() -> None:
    t, clock = _timer(600)
    t.start()
    clock.now += 125.5
    t.stop()
    clock.now += 1000
    assert phase(t) is Phase.STOPPED and t.elapsed() == 125.5 and t.poll() == []
    t.resume()
    t.extend()
    assert phase(t) is Phase.STOPPED and t.planned == 600


def test_extend_adds_five_minutes_running_paused_and_after_the_end() -> None:
    t, clock = _timer(600)
    t.start()
    clock.now += 100
    t.extend()
    assert t.planned == 600 + EXTEND_SECONDS and t.remaining() == 800
    t.pause()
    t.extend()
    assert t.remaining() == 1100 and phase(t) is Phase.PAUSED
    t.resume()
    clock.now += 1100
    assert [e.kind for e in t.poll()] == [EventKind.FINISHED]
    clock.now += 30  # the chime sounded; they want more
    t.extend()
    assert phase(t) is Phase.RUNNING and t.elapsed() == 1200 and t.remaining() == EXTEND_SECONDS
    clock.now += EXTEND_SECONDS
    assert t.poll() == [Event(EventKind.FINISHED, 1500)]
    t2, _ = _timer(MAX_SECONDS - 60)
    t2.start()
    t2.extend()
    assert t2.planned == MAX_SECONDS


def test_toggle_is_start_pause_resume() -> None:
    t, _clock = _timer(600)
    t.toggle()
    assert phase(t) is Phase.RUNNING
    t.toggle()
    assert phase(t) is Phase.PAUSED
    t.toggle()
    assert phase(t) is Phase.RUNNING
    with pytest.raises(RuntimeError):
        t.start()


def test_turns_alternate_at_their_length_and_can_be_switched_early() -> None:
    t, clock = _timer(600, turn=120)
    t.start()
    assert t.speaker is Speaker.A and t.turn_remaining() == 120
    clock.now += 119
    assert t.poll() == [] and t.next_event_in() == pytest.approx(1)
    clock.now += 1
    assert t.poll() == [Event(EventKind.TURN, 120, Speaker.B)]
    clock.now += 60
    assert t.switch_turn() is Speaker.A and t.turn_remaining() == 120  # A's new turn starts now, at 180 s
    clock.now += 120
    assert t.poll() == [Event(EventKind.TURN, 300, Speaker.B)]
    assert t.turns == 3
    clock.now += 300  # the end lands on a turn boundary: it is the end, not a switch
    assert t.poll() == [Event(EventKind.FINISHED, 600)]


def test_a_pause_holds_the_turn_too() -> None:
    t, clock = _timer(600, turn=120)
    t.start()
    clock.now += 100
    t.pause()
    clock.now += 500
    assert t.turn_remaining() == 20
    t.resume()
    clock.now += 20
    assert t.poll() == [Event(EventKind.TURN, 120, Speaker.B)]


def test_drift_over_a_simulated_hour_of_irregular_wake_ups_stays_under_100_ms() -> None:
    """A front end wakes when next_event_in says (a real timer is late by a few ms, sometimes much more when the
    machine is busy) and repaints at most every 250 ms. What it shows and when it notices the end stay true."""
    rng = random.Random(20261203)
    t, clock = _timer(3600, turn=300)
    start = clock.now
    t.start()
    worst_display = 0.0
    events: list[tuple[float, Event]] = []
    while phase(t) is Phase.RUNNING:
        wait = min(0.25, t.next_event_in() or 0.25)
        lateness = rng.choice([0.0, 0.001, 0.004, 0.012]) if rng.random() > 0.002 else rng.uniform(0.05, 2.0)
        clock.now += wait + lateness
        for event in t.poll():
            # noticed no later than this wake-up's own lateness: the delay never builds up over the hour
            assert (clock.now - start) - event.at <= lateness + 1e-6
            events.append((clock.now - start, event))
        if phase(t) is Phase.RUNNING:
            worst_display = max(worst_display, abs(t.remaining() - (3600 - (clock.now - start))))
    assert worst_display < 1e-6  # the time shown is the clock's, exactly
    ends = [e for _n, e in events if e.kind is EventKind.FINISHED]
    assert ends == [Event(EventKind.FINISHED, 3600)]
    turns = [e for _n, e in events if e.kind is EventKind.TURN]
    assert [e.at for e in turns] == [300.0 * k for k in range(1, 12)]
    assert [e.speaker for e in turns] == [Speaker.B, Speaker.A] * 5 + [Speaker.B]
    assert t.elapsed() == 3600


def test_a_suspend_in_the_middle_lands_on_the_end_once_and_on_the_right_speaker() -> None:
    t, clock = _timer(1200, turn=120)
    t.start()
    clock.now += 200
    assert t.poll() == [Event(EventKind.TURN, 120, Speaker.B)]
    clock.now += 7 * 3600  # the lid closed for a night; the clock counts sleep (core/clock.py)
    assert t.poll() == [Event(EventKind.FINISHED, 1200)]  # once, and no turn cue after the talk is over
    assert t.elapsed() == 1200 and phase(t) is Phase.FINISHED


def test_a_suspend_short_of_the_end_jumps_to_the_speaker_of_now() -> None:
    t, clock = _timer(1200, turn=120)
    t.start()
    clock.now += 390  # three turns passed unseen: A, B, A done; B speaks from 360 s
    assert t.poll() == [Event(EventKind.TURN, 360, Speaker.B)]
    assert t.turns == 3 and t.turn_remaining() == pytest.approx(90)


def test_a_clock_that_steps_back_never_takes_time_away() -> None:
    t, clock = _timer(600)
    t.start()
    clock.now += 100
    assert t.elapsed() == 100
    clock.now -= 50
    assert t.elapsed() == 100
    clock.now += 60
    assert t.elapsed() == 110


@pytest.mark.parametrize("planned", [0, 59, 4 * 3600 + 1])
def test_lengths_outside_one_minute_to_four_hours_are_refused(planned: float) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        ConversationTimer(planned, clock=FakeClock())
