"""Exercises, assessments and programs for one unlocked profile (issue 10). No Qt and no SQL here.

A run is saved after every move, so a run left open (the window closed, the machine off) resumes where it was. A
reflection is a journal entry of kind "reflection" about the exercise's layer, written in the same transaction as the
move and linked to the run; going back and writing again updates that entry rather than adding a second one.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from intimacy_desktop.core import exercise_run
from intimacy_desktop.core.changes import Changed, ChangeSink, ignore_changes
from intimacy_desktop.core.errors import AppError, UsageError
from intimacy_desktop.core.exercise_run import RunState
from intimacy_desktop.core.journal import TITLE_MAX, EntryFields, Kind
from intimacy_desktop.core.practice import Exercise, Practice, Program, ProgramStep, StepKind
from intimacy_desktop.core.practice_loader import load_practice
from intimacy_desktop.core.scoring import Result, score
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.journal_repo import JournalRepository
from intimacy_desktop.storage.practice_repo import PracticeRepository, ProgressRow, RunRow
from intimacy_desktop.storage.sql import Tx

__all__ = ["PracticeService", "ProgramStatus", "Run", "shared_practice"]

Clock = Callable[[], dt.datetime]


@functools.cache
def shared_practice(lang: str = "en") -> Practice:
    return load_practice(lang)


@dataclass(frozen=True)
class Run:
    id: int
    exercise: Exercise
    state: RunState
    started_at: dt.datetime
    updated_at: dt.datetime
    finished_at: dt.datetime | None
    restarted: bool = False  # the saved place no longer fitted the exercise, so it began again


@dataclass(frozen=True)
class ProgramStatus:
    program: Program
    started_at: dt.datetime
    done: tuple[str, ...]
    paused: bool
    today: int  # which day of the program it is, counted from the start (1 on the first day)

    @property
    def next_step(self) -> ProgramStep | None:
        """The first step not done yet: skipping ahead is allowed, so this is never a reproach for a missed day."""
        return next((s for s in self.program.steps if s.id not in self.done), None)

    @property
    def finished(self) -> bool:
        return self.next_step is None


class PracticeService:
    def __init__(self, db: Database, notify: ChangeSink = ignore_changes, *,
                 content: Callable[[], Practice] = shared_practice, clock: Clock = dt.datetime.now) -> None:
        self._db = db
        self._notify = notify
        self._content = content
        self._now = clock

    @property
    def content(self) -> Practice:
        return self._content()

    def _exercise(self, exercise_id: str) -> Exercise:
        found = self.content.exercise(exercise_id)
        if found is None:
            raise UsageError("exercise_not_found")
        return found

    # ---- runs ----------------------------------------------------------------------------------------------
    def start_run(self, exercise_id: str) -> Run:
        exercise = self._exercise(exercise_id)
        state = exercise_run.start(exercise)
        with self._db.session() as s:
            repo = PracticeRepository(s)
            row = repo.run(repo.add_run(exercise.id, exercise_run.to_json(state), self._now()))
        self._notify(Changed.EXERCISE_RUNS)
        assert row is not None
        return self._run(row)

    def run(self, run_id: int) -> Run:
        with self._db.session() as s:
            row = PracticeRepository(s).run(run_id)
        if row is None:
            raise UsageError("run_not_found")
        return self._run(row)

    def _run(self, row: RunRow) -> Run:
        exercise = self._exercise(row.exercise_id)
        try:
            state, restarted = exercise_run.from_json(row.state, exercise), False
        except AppError:
            state, restarted = exercise_run.start(exercise), True
        return Run(row.id, exercise, state, row.started_at, row.updated_at, row.finished_at, restarted)

    def unfinished_runs(self) -> list[Run]:
        """Runs to resume, newest first (those of exercises this version no longer has are left out)."""
        return self._runs(unfinished=True)

    def finished_runs(self, limit: int = 200) -> list[Run]:
        return self._runs(unfinished=False, limit=limit)

    def _runs(self, *, unfinished: bool, limit: int = 200) -> list[Run]:
        with self._db.session() as s:
            rows = PracticeRepository(s).runs(unfinished=unfinished, limit=limit)
        return [self._run(r) for r in rows if self.content.exercise(r.exercise_id) is not None]

    def move(self, run_id: int, *, option: int | None = None, rating: int | None = None,
             reflection: str | None = None) -> Run:
        """Leave the current step for the next one, keeping what it asked for. ``reflection``: what was written on
        a reflection step (saved to the journal; blank writes nothing)."""
        now = self._now()
        changed = Changed.EXERCISE_RUNS
        with self._db.session() as s:
            repo = PracticeRepository(s)
            run = self._loaded(repo, run_id)
            step = run.state.step(run.exercise)
            entry_id = None
            if step.kind is StepKind.REFLECTION and reflection and reflection.strip():
                entry_id = self._write_reflection(s, repo, run, step.id, step.text, reflection)
                changed |= Changed.ENTRIES
            state = exercise_run.advance(run.exercise, run.state, option=option, rating=rating, entry_id=entry_id)
            repo.save_run(run.id, exercise_run.to_json(state), now, finished=state.finished)
            row = repo.run(run.id)
        self._notify(changed)
        assert row is not None
        return self._run(row)

    def save_reflection(self, run_id: int, text: str) -> Run:
        """Keep what was written on the reflection step on screen, staying on it (leaving the runner, the lock).
        Blank text writes nothing; a step that is not a reflection is a usage error."""
        with self._db.session() as s:
            repo = PracticeRepository(s)
            run = self._loaded(repo, run_id)
            step = run.state.step(run.exercise)
            if step.kind is not StepKind.REFLECTION or run.state.finished:
                raise UsageError("invalid_request")
            if text.strip():
                entry_id = self._write_reflection(s, repo, run, step.id, step.text, text)
                state = replace(run.state, reflections={**run.state.reflections, step.id: entry_id})
                repo.save_run(run.id, exercise_run.to_json(state), self._now(), finished=False)
            row = repo.run(run.id)
        self._notify(Changed.EXERCISE_RUNS | Changed.ENTRIES)
        assert row is not None
        return self._run(row)

    def back(self, run_id: int) -> Run:
        with self._db.session() as s:
            repo = PracticeRepository(s)
            run = self._loaded(repo, run_id)
            state = exercise_run.back(run.state)
            repo.save_run(run.id, exercise_run.to_json(state), self._now(), finished=state.finished)
            row = repo.run(run.id)
        self._notify(Changed.EXERCISE_RUNS)
        assert row is not None
        return self._run(row)

    def reflection(self, run_id: int, step_id: str) -> str:
        """What was written on a reflection step of this run (shown again when the person goes back to it)."""
        with self._db.session() as s:
            entry_id = PracticeRepository(s).run_entries(run_id).get(step_id)
            if entry_id is None:
                return ""
            try:
                return JournalRepository(s).get(entry_id).fields.body
            except AppError:
                return ""  # the entry was deleted from the journal since

    def discard_run(self, run_id: int) -> None:
        """Forget a run (its reflections stay in the journal: they are the person's writing)."""
        with self._db.session() as s:
            PracticeRepository(s).delete_run(run_id)
        self._notify(Changed.EXERCISE_RUNS)

    def _loaded(self, repo: PracticeRepository, run_id: int) -> Run:
        row = repo.run(run_id)
        if row is None:
            raise UsageError("run_not_found")
        return self._run(row)

    def _write_reflection(self, tx: Tx, repo: PracticeRepository, run: Run, step_id: str, question: str,
                          text: str) -> int:
        journal = JournalRepository(tx)
        title = f"{run.exercise.title}: {question}"
        fields = EntryFields(title=title[:TITLE_MAX], body=text, layer=run.exercise.layer, kind=Kind.REFLECTION)
        existing = repo.run_entries(run.id).get(step_id)
        if existing is not None:
            try:
                return journal.update(existing, fields).id
            except AppError:
                pass  # deleted from the journal meanwhile: write it anew
        entry = journal.add(fields)
        repo.link_entry(run.id, step_id, entry.id)
        return entry.id

    # ---- assessments ---------------------------------------------------------------------------------------
    def take(self, assessment_id: str, answers: Mapping[str, object], *, partner: str = "",
             reveal: str = "") -> Result:
        assessment = self.content.assessment(assessment_id)
        if assessment is None:
            raise UsageError("assessment_not_found")
        result = score(assessment, answers)
        with self._db.session() as s:
            PracticeRepository(s).add_result(assessment.id, dict(answers), result.score, self._now(),
                                             partner=partner, reveal=reveal)
        self._notify(Changed.ASSESSMENTS)
        return result

    def history(self, assessment_id: str) -> list[tuple[dt.datetime, Result, dict[str, object], str]]:
        """Every time it was taken, oldest first: when, the result (scored by today's rules), the answers, the
        partner ("" alone)."""
        assessment = self.content.assessment(assessment_id)
        if assessment is None:
            return []
        with self._db.session() as s:
            rows = PracticeRepository(s).results(assessment_id)
        found = []
        for row in rows:
            try:
                found.append((row.taken_at, score(assessment, row.answers), row.answers, row.partner))
            except AppError:
                continue  # answers to questions this version no longer asks: not comparable, left out
        return found

    @staticmethod
    def new_reveal() -> str:
        return uuid.uuid4().hex

    # ---- programs ------------------------------------------------------------------------------------------
    def programs(self) -> list[ProgramStatus]:
        """The programs the person has started, most recently touched first."""
        with self._db.session() as s:
            rows = PracticeRepository(s).all_progress()
        return [st for st in (self._status(r) for r in rows) if st is not None]

    def program(self, program_id: str) -> ProgramStatus | None:
        with self._db.session() as s:
            row = PracticeRepository(s).progress(program_id)
        return self._status(row) if row else None

    def start_program(self, program_id: str) -> ProgramStatus:
        if self.content.program(program_id) is None:
            raise UsageError("program_not_found")
        return self._save_program(program_id, (), paused=False)

    def complete_step(self, program_id: str, step_id: str, done: bool = True) -> ProgramStatus:
        status = self._require(program_id)
        if not any(s.id == step_id for s in status.program.steps):
            raise UsageError("program_not_found")
        marked = tuple(d for d in status.done if d != step_id) + ((step_id,) if done else ())
        return self._save_program(program_id, marked, paused=status.paused)

    def pause_program(self, program_id: str, paused: bool = True) -> ProgramStatus:
        status = self._require(program_id)
        return self._save_program(program_id, status.done, paused=paused)

    def leave_program(self, program_id: str) -> None:
        with self._db.session() as s:
            PracticeRepository(s).drop_progress(program_id)
        self._notify(Changed.PROGRAMS)

    def _require(self, program_id: str) -> ProgramStatus:
        status = self.program(program_id)
        if status is None:
            raise UsageError("program_not_found")
        return status

    def _save_program(self, program_id: str, done: tuple[str, ...], *, paused: bool) -> ProgramStatus:
        with self._db.session() as s:
            repo = PracticeRepository(s)
            repo.save_progress(program_id, done, paused, self._now())
            row = repo.progress(program_id)
        self._notify(Changed.PROGRAMS)
        status = self._status(row) if row else None
        assert status is not None
        return status

    def _status(self, row: ProgressRow) -> ProgramStatus | None:
        program = self.content.program(row.program_id)
        if program is None:
            return None
        today = (self._now().date() - row.started_at.date()).days + 1
        return ProgramStatus(program, row.started_at, row.done, row.paused, max(1, today))
