"""The practice service over a real encrypted profile (issue 10): a run resumes after a lock where it was left, a
reflection is a journal entry linked to its run (written once, updated when rewritten), results and their history
persist, a reveal keeps both partners' answers apart, and program progress can be paused, resumed and left."""

from __future__ import annotations

import datetime as dt

import pytest

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.practice import (
    Assessment,
    Band,
    Exercise,
    Item,
    Option,
    Partner,
    Practice,
    Program,
    ProgramStep,
    Scale,
    Scoring,
    Step,
    StepKind,
)
from intimacy_desktop.services.practice import PracticeService
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile

PASS = "a good passphrase"
START = dt.datetime(2026, 12, 1, 19, 0)
EXERCISE = Exercise("emotional-check-in", Layer.EMOTIONAL, "Evening check-in", "x", 10, Mode.TOGETHER, "src", (
    Step("arrive", StepKind.INSTRUCTION, "Sit."),
    Step("a", StepKind.TURN, "A speaks.", partner=Partner.A),
    Step("b", StepKind.TURN, "B speaks.", partner=Partner.B),
    Step("how", StepKind.CHOICE, "Go on?", options=(Option("Write", "write"), Option("Close", "close"))),
    Step("write", StepKind.REFLECTION, "What did you learn?"),
    Step("close", StepKind.RATING, "How close?", low="Far", high="Close"),
))
SCORECARD = Assessment("growth-scorecard", "Scorecard", "x", (Layer.EMOTIONAL,), 5, Mode.SOLO, "src", Scale.YES_NO,
                       Scoring.COUNT, "intro", tuple(Item(f"q{i}", "?", Scale.YES_NO) for i in range(1, 4)),
                       (Band(0, 1, "Starting", "x"), Band(2, 3, "Growing", "y")))
PROGRAM = Program("weekly-check-in", "Weekly", "x", 15, "src", "intro", (
    ProgramStep("day-1", 1, "First", "x"), ProgramStep("day-8", 8, "Second", "y"),
    ProgramStep("day-15", 15, "End", "z")))
CONTENT = Practice((EXERCISE,), (SCORECARD,), (PROGRAM,))


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


def _service(profile: UnlockedProfile, clock: Clock, seen: list[Changed] | None = None) -> PracticeService:
    assert profile._db is not None
    return PracticeService(profile._db, seen.append if seen is not None else profile.changes,
                           content=lambda: CONTENT, clock=clock)


@pytest.fixture
def ari(profiles: ProfileService) -> UnlockedProfile:
    return profiles.create("Ari", PASS).profile


def test_a_run_resumes_after_a_lock_where_it_was_left(profiles: ProfileService, ari: UnlockedProfile) -> None:
    clock = Clock()
    seen: list[Changed] = []
    service = _service(ari, clock, seen)
    run = service.start_run(EXERCISE.id)
    for _ in range(3):
        run = service.move(run.id)
    assert run.state.step(EXERCISE).id == "how" and seen == [Changed.EXERCISE_RUNS] * 4
    ari.close()

    again = profiles.unlock(profiles.find("Ari"), PASS)
    try:
        service = _service(again, clock)
        [resumed] = service.unfinished_runs()
        assert resumed.id == run.id and resumed.state == run.state and not resumed.restarted
        with pytest.raises(UsageError):
            service.move(run.id)  # a choice needs its option
        done = service.move(service.move(run.id, option=1).id, rating=4)
        assert done.finished_at == START and done.state.ratings == {"close": 4}
        assert service.unfinished_runs() == [] and [r.id for r in service.finished_runs()] == [run.id]
    finally:
        again.close()


def test_a_reflection_is_one_journal_entry_linked_to_its_run(ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    run = service.start_run(EXERCISE.id)
    for move in ({}, {}, {}, {"option": 0}):
        run = service.move(run.id, **move)  # type: ignore[arg-type]
    run = service.move(run.id, reflection="We both want more slow mornings.")
    [entry] = ari.journal.summaries(EntryFilter(kind=Kind.REFLECTION))
    assert entry.title == "Evening check-in: What did you learn?" and entry.layer is Layer.EMOTIONAL
    assert run.state.reflections == {"write": entry.id}
    run = service.move(service.back(run.id).id, reflection="Slow mornings, and a walk on Sundays.")
    assert ari.journal.count() == 1  # rewritten, not written twice
    assert ari.journal.get(entry.id).fields.body == "Slow mornings, and a walk on Sundays."
    assert service.reflection(run.id, "write") == "Slow mornings, and a walk on Sundays."
    service.discard_run(run.id)
    assert ari.journal.count() == 1  # forgetting the run keeps the writing


def test_a_reflection_can_be_kept_without_leaving_its_step(profiles: ProfileService, ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    run = service.start_run(EXERCISE.id)
    for move in ({}, {}, {}, {"option": 0}):
        run = service.move(run.id, **move)  # type: ignore[arg-type]
    kept = service.save_reflection(run.id, "Half a thought, before the lock.")
    assert kept.state.position == run.state.position and not kept.finished_at  # still on the reflection step
    [entry] = ari.journal.summaries(EntryFilter(kind=Kind.REFLECTION))
    assert kept.state.reflections == {"write": entry.id}
    service.save_reflection(run.id, "Half a thought, before the lock, and then the rest.")
    done = service.move(run.id, reflection="Half a thought, before the lock, and then the rest.")
    assert ari.journal.count() == 1 and done.state.reflections == {"write": entry.id}
    assert ari.journal.get(entry.id).fields.body.endswith("and then the rest.")
    with pytest.raises(UsageError):
        service.save_reflection(done.id, "not on a reflection step")


def test_a_blank_reflection_writes_nothing(ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    run = service.start_run(EXERCISE.id)
    for move in ({}, {}, {}, {"option": 0}, {"reflection": "   "}):
        run = service.move(run.id, **move)
    assert ari.journal.count() == 0 and run.state.reflections == {}


def test_results_and_their_history_persist_and_a_reveal_keeps_both_partners(profiles: ProfileService,
                                                                           ari: UnlockedProfile) -> None:
    clock = Clock()
    service = _service(ari, clock)
    first = service.take(SCORECARD.id, {"q1": True, "q2": False, "q3": False})
    assert first.score == 1.0 and first.band is not None and first.band.title == "Starting"
    clock.now += dt.timedelta(days=30)
    reveal = service.new_reveal()
    service.take(SCORECARD.id, {"q1": True, "q2": True, "q3": False}, partner="a", reveal=reveal)
    service.take(SCORECARD.id, {"q1": True, "q2": True, "q3": True}, partner="b", reveal=reveal)
    ari.close()
    again = profiles.unlock(profiles.find("Ari"), PASS)
    try:
        history = _service(again, clock).history(SCORECARD.id)
        assert [(when, r.score, partner) for when, r, _answers, partner in history] == [
            (START, 1.0, ""), (clock.now, 2.0, "a"), (clock.now, 3.0, "b")]
        assert history[2][2] == {"q1": True, "q2": True, "q3": True}
    finally:
        again.close()


def test_program_progress_can_be_paused_resumed_skipped_ahead_and_left(ari: UnlockedProfile) -> None:
    clock = Clock()
    service = _service(ari, clock)
    assert service.program(PROGRAM.id) is None
    status = service.start_program(PROGRAM.id)
    assert status.today == 1 and status.next_step is not None and status.next_step.id == "day-1"
    clock.now += dt.timedelta(days=9)
    status = service.complete_step(PROGRAM.id, "day-8")  # skipping ahead is allowed
    assert status.today == 10 and status.next_step is not None and status.next_step.id == "day-1"
    status = service.pause_program(PROGRAM.id)
    assert status.paused and service.programs()[0].paused
    status = service.pause_program(PROGRAM.id, paused=False)
    for step in ("day-1", "day-15"):
        status = service.complete_step(PROGRAM.id, step)
    assert status.finished and not status.paused
    status = service.complete_step(PROGRAM.id, "day-15", done=False)
    assert not status.finished
    service.leave_program(PROGRAM.id)
    assert service.programs() == []


def test_unknown_ids_are_clear_errors(ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    for call, code in ((lambda: service.start_run("nope"), "exercise_not_found"),
                       (lambda: service.take("nope", {}), "assessment_not_found"),
                       (lambda: service.start_program("nope"), "program_not_found"),
                       (lambda: service.complete_step(PROGRAM.id, "day-1"), "program_not_found"),
                       (lambda: service.run(99), "run_not_found")):
        with pytest.raises(UsageError) as caught:
            call()
        assert caught.value.code == code
