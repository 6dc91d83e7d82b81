"""The log of device-free conversations for one unlocked profile (issue 11), and the couple's daily goal. No Qt, no SQL.

A talk's row is written when it starts ("running"), brought up to date on every pause and before the lock, and
finished when it ends ("finished" when its time ran out, "stopped" when ended early), so a crash or a power cut
loses at most the minutes since the last pause. A row left "running" by an earlier run of the app counts with the
time it had reached. The note after a talk is an ordinary journal entry of kind "reflection", linked to the row;
saving it again updates that entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from intimacy_desktop.core.changes import Changed, ChangeSink, ignore_changes
from intimacy_desktop.core.conversation import MAX_SECONDS, MIN_SECONDS
from intimacy_desktop.core.errors import AppError, UsageError
from intimacy_desktop.core.journal import TITLE_MAX, EntryFields, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.talk_minutes import DEFAULT_GOAL_MINUTES, MAX_GOAL, MIN_GOAL, TalkMinutes, talk_minutes
from intimacy_desktop.core.talk_minutes import week_start as first_day_of_week
from intimacy_desktop.storage.conversation_repo import ConversationRepository, SessionRow
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.journal_repo import JournalRepository
from intimacy_desktop.storage.prompt_repo import PromptRepository

__all__ = ["ConversationService", "Session"]

GOAL_KEY = "conversation.goal_minutes"
RITUAL_KEY = "conversation.ritual"
MAX_CARDS = 200


@dataclass(frozen=True)
class Session:
    id: int
    started_at: dt.datetime  # aware, in UTC: ``astimezone()`` shows it in local time
    day: dt.date  # the local day it started, the one its minutes count for
    preset: str
    planned_s: float
    actual_s: float
    status: str  # "running", "finished" (its time ran out) or "stopped" (ended early)
    layer: Layer | None
    depth: str | None
    turn_s: float | None
    cards: tuple[str, ...]
    rating: int | None
    entry_id: int | None

    @property
    def completed(self) -> bool:
        return self.status == "finished"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _session(row: SessionRow) -> Session:
    try:
        layer = Layer(row.layer) if row.layer else None
    except ValueError:
        layer = None
    return Session(row.id, row.started_at.replace(tzinfo=dt.UTC), row.day, row.preset, row.planned_s, row.actual_s,
                   row.status, layer, row.depth, row.turn_s, row.cards, row.rating, row.entry_id)


class ConversationService:
    def __init__(self, db: Database, notify: ChangeSink = ignore_changes, *, now: Callable[[], dt.datetime] = _utc_now,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        """``now`` stamps the rows (UTC; a naive reading is taken as UTC already); ``today`` is the local calendar
        day, asked separately because the day a talk counts for is the couple's, not Greenwich's."""
        self._db = db
        self._notify = notify
        self._clock = now
        self._today = today

    def _now(self) -> dt.datetime:
        """UTC without a zone, as the rows store it, so the log keeps its order across a change of the clocks."""
        when = self._clock()
        return when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when

    # ---- the log -------------------------------------------------------------------------------------------
    def start(self, preset: str, planned_s: float, *, layer: Layer | None = None, depth: str | None = None,
              turn_s: float | None = None) -> int:
        if not preset or len(preset) > 40 or not MIN_SECONDS <= planned_s <= MAX_SECONDS:
            raise UsageError("conversation_invalid")
        with self._db.session() as s:
            session_id = ConversationRepository(s).add(
                started_at=self._now(), day=self._today(), preset=preset, planned_s=float(planned_s),
                layer=layer.value if layer else None, depth=depth, turn_s=float(turn_s) if turn_s else None)
        self._notify(Changed.TIMER_SESSIONS)
        return session_id

    def checkpoint(self, session_id: int, actual_s: float, cards: Sequence[str], *,
                   planned_s: float | None = None) -> Session:
        """The talk goes on: its row learns the time so far (on a pause, before the lock)."""
        return self._save(session_id, actual_s, "running", cards, planned_s)

    def finish(self, session_id: int, actual_s: float, *, completed: bool, cards: Sequence[str],
               planned_s: float | None = None) -> Session:
        """``planned_s`` is the plan after any "five more minutes" (the timer can be extended), so an extended talk
        is not cut back to its first length; left out, the plan stays as it was."""
        return self._save(session_id, actual_s, "finished" if completed else "stopped", cards, planned_s)

    def _save(self, session_id: int, actual_s: float, status: str, cards: Sequence[str],
              planned_s: float | None) -> Session:
        if actual_s < 0 or len(cards) > MAX_CARDS or any(not c or len(c) > 80 for c in cards):
            raise UsageError("conversation_invalid")
        with self._db.session() as s:
            repo = ConversationRepository(s)
            row = self._row(repo, session_id)
            planned = row.planned_s if planned_s is None else float(planned_s)
            if not MIN_SECONDS <= planned <= MAX_SECONDS:
                raise UsageError("conversation_invalid")
            repo.update(session_id, planned_s=planned, actual_s=min(float(actual_s), planned), status=status,
                        cards=tuple(cards), now=self._now())
            saved = self._row(repo, session_id)
        self._notify(Changed.TIMER_SESSIONS)
        return _session(saved)

    def rate(self, session_id: int, rating: int | None) -> None:
        """How it felt, 1 (hard) to 5 (close); None takes the answer back."""
        if rating is not None and not 1 <= rating <= 5:
            raise UsageError("conversation_invalid")
        with self._db.session() as s:
            repo = ConversationRepository(s)
            self._row(repo, session_id)
            repo.rate(session_id, rating)
        self._notify(Changed.TIMER_SESSIONS)

    def save_note(self, session_id: int, text: str) -> int:
        """The note after a talk, as a journal reflection; returns the id of the entry that holds it.

        Blank text writes nothing and returns the note already linked (0 when there is none): emptying the box is
        not a way to delete journal writing, which the journal itself does, with its trash."""
        with self._db.session() as s:
            repo = ConversationRepository(s)
            row = self._row(repo, session_id)
            if not text.strip():
                return row.entry_id or 0
            journal = JournalRepository(s)
            minutes = max(1, int(row.actual_s // 60))
            title = f"After our conversation ({minutes} min)"
            layer = _session(row).layer or Layer.NONE
            fields = EntryFields(title=title[:TITLE_MAX], body=text, layer=layer, kind=Kind.REFLECTION)
            entry_id = 0
            if row.entry_id is not None:
                try:
                    entry_id = journal.update(row.entry_id, fields).id
                except AppError:
                    entry_id = 0  # deleted from the journal meanwhile: write it anew
            if not entry_id:
                entry_id = journal.add(fields).id
                repo.link_entry(session_id, entry_id)
        self._notify(Changed.TIMER_SESSIONS | Changed.ENTRIES)
        return entry_id

    def session(self, session_id: int) -> Session:
        with self._db.session() as s:
            return _session(self._row(ConversationRepository(s), session_id))

    def recent(self, limit: int = 20) -> list[Session]:
        with self._db.session() as s:
            return [_session(r) for r in ConversationRepository(s).recent(max(1, min(limit, 500)))]

    def minutes(self, first_weekday: int = 1) -> TalkMinutes:
        today = self._today()
        with self._db.session() as s:
            days = ConversationRepository(s).between(first_day_of_week(today, first_weekday), today)
            goal = self._goal(PromptRepository(s))
        return talk_minutes(days, today, goal=goal, first_weekday=first_weekday)

    @staticmethod
    def _row(repo: ConversationRepository, session_id: int) -> SessionRow:
        row = repo.get(session_id)
        if row is None:
            raise UsageError("conversation_not_found")
        return row

    # ---- settings ------------------------------------------------------------------------------------------
    def goal_minutes(self) -> int:
        with self._db.session() as s:
            return self._goal(PromptRepository(s))

    @staticmethod
    def _goal(repo: PromptRepository) -> int:
        value = repo.setting(GOAL_KEY)
        try:
            goal = int(value) if value is not None else DEFAULT_GOAL_MINUTES
        except ValueError:
            return DEFAULT_GOAL_MINUTES
        return goal if MIN_GOAL <= goal <= MAX_GOAL else DEFAULT_GOAL_MINUTES

    def set_goal_minutes(self, minutes: int) -> None:
        if not MIN_GOAL <= minutes <= MAX_GOAL:
            raise UsageError("goal_invalid", low=MIN_GOAL, high=MAX_GOAL)
        with self._db.session() as s:
            PromptRepository(s).set_setting(GOAL_KEY, str(minutes))
        self._notify(Changed.SETTINGS)

    def ritual_on(self) -> bool:
        with self._db.session() as s:
            return PromptRepository(s).setting(RITUAL_KEY) != "off"

    def set_ritual(self, on: bool) -> None:
        with self._db.session() as s:
            PromptRepository(s).set_setting(RITUAL_KEY, "on" if on else "off")
        self._notify(Changed.SETTINGS)
