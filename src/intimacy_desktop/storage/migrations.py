"""Versioned schema migrations, tracked in SQLite's ``user_version``.

Each step is plain SQL applied in one transaction, so a crash mid-migration leaves the previous version intact.
A database whose version is higher than ``SCHEMA_VERSION`` was written by a newer app and is never touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intimacy_desktop.storage.sql import Tx

from intimacy_desktop.core.errors import SchemaTooNew

_V1 = (
    """CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        entry_date DATE NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        mood INTEGER CHECK (mood BETWEEN 1 AND 5),
        layer TEXT NOT NULL DEFAULT 'none',
        kind TEXT NOT NULL DEFAULT 'entry',
        shared BOOLEAN NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX ix_entries_date ON entries (entry_date DESC, id DESC)",
    "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    """CREATE TABLE entry_tags (
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (entry_id, tag_id)
    )""",
    "CREATE INDEX ix_entry_tags_tag ON entry_tags (tag_id)",
    "CREATE VIRTUAL TABLE entries_fts USING fts5 (title, body, tags, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

# v2: a trash (deleted entries can be restored) and drafts that autosave while a person types.
_V2 = (
    "ALTER TABLE entries ADD COLUMN deleted_at DATETIME",
    # Lists show live entries newest first: this partial index serves them in order without touching bodies.
    "CREATE INDEX ix_entries_live ON entries (entry_date DESC, id DESC) WHERE deleted_at IS NULL",
    """CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER REFERENCES entries (id) ON DELETE CASCADE,
        payload TEXT NOT NULL,
        updated_at DATETIME NOT NULL
    )""",
    "CREATE UNIQUE INDEX ix_drafts_entry ON drafts (entry_id)",
)

# v3: the person's history with the prompts (issue 9): which were answered or skipped in which round of their deck,
# favourites, "not for us"; and each deck's current round. Only ids and times: the texts live in the content files.
_V3 = (
    """CREATE TABLE prompt_marks (
        prompt_id TEXT PRIMARY KEY,
        layer TEXT NOT NULL,
        depth TEXT NOT NULL,
        seen_round INTEGER NOT NULL DEFAULT 0,
        favourite BOOLEAN NOT NULL DEFAULT 0,
        hidden BOOLEAN NOT NULL DEFAULT 0,
        used_at DATETIME,
        updated_at DATETIME NOT NULL
    )""",
    "CREATE TABLE prompt_decks (deck TEXT PRIMARY KEY, round INTEGER NOT NULL)",
)

# v4: exercises, assessments and programs (issue 10). A run keeps its place as the runner's JSON (core/exercise_run);
# reflections are journal entries, linked to their run; results keep the answers so a reveal can show them side by
# side. Ids of content and times only, besides what the person wrote and answered, all inside the encrypted file.
_V4 = (
    """CREATE TABLE exercise_runs (
        id INTEGER PRIMARY KEY,
        exercise_id TEXT NOT NULL,
        state TEXT NOT NULL,
        started_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        finished_at DATETIME
    )""",
    "CREATE INDEX ix_exercise_runs_updated ON exercise_runs (updated_at DESC)",
    """CREATE TABLE run_entries (
        run_id INTEGER NOT NULL REFERENCES exercise_runs (id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        PRIMARY KEY (run_id, step_id)
    )""",
    """CREATE TABLE assessment_results (
        id INTEGER PRIMARY KEY,
        assessment_id TEXT NOT NULL,
        taken_at DATETIME NOT NULL,
        answers TEXT NOT NULL,
        score REAL,
        partner TEXT NOT NULL DEFAULT '',
        reveal TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX ix_assessment_results ON assessment_results (assessment_id, taken_at)",
    """CREATE TABLE program_progress (
        program_id TEXT PRIMARY KEY,
        started_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        done TEXT NOT NULL DEFAULT '[]',
        paused BOOLEAN NOT NULL DEFAULT 0
    )""",
)

# v5: device-free conversations (issue 11). A row is written when a talk starts and kept up to date until it ends:
# lengths, the card ids shown, the one-tap feeling and the journal entry of its note. Times and ids only, besides
# the person's own rating; the note itself is an ordinary journal entry.
_V5 = (
    """CREATE TABLE conversation_sessions (
        id INTEGER PRIMARY KEY,
        started_at DATETIME NOT NULL,
        day TEXT NOT NULL,
        preset TEXT NOT NULL,
        planned_s REAL NOT NULL,
        actual_s REAL NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        layer TEXT,
        depth TEXT,
        turn_s REAL,
        cards TEXT NOT NULL DEFAULT '[]',
        rating INTEGER,
        entry_id INTEGER REFERENCES entries (id) ON DELETE SET NULL,
        updated_at DATETIME NOT NULL
    )""",
    "CREATE INDEX ix_conversation_sessions_day ON conversation_sessions (day)",
)

# v6: the couple's shared space. Its database is a journal like a profile's; each entry copied into it remembers the
# private entry it came from (which member's vault, which id), so sharing twice is one copy and un-sharing finds it.
_V6 = (
    """CREATE TABLE shared_origins (
        entry_id INTEGER NOT NULL UNIQUE REFERENCES entries (id) ON DELETE CASCADE,
        origin_vault TEXT NOT NULL,
        origin_id INTEGER NOT NULL,
        shared_at DATETIME NOT NULL,
        UNIQUE (origin_vault, origin_id)
    )""",
)

# v7: besides entries, a member can share a conversation, a mutual reveal or an exercise run; each is copied into the
# space as a readable entry, and its origin names its kind, so an entry and a conversation with the same id are two.
_V7 = (
    """CREATE TABLE shared_origins_v7 (
        entry_id INTEGER NOT NULL UNIQUE REFERENCES entries (id) ON DELETE CASCADE,
        origin_vault TEXT NOT NULL,
        origin_kind TEXT NOT NULL DEFAULT 'entry',
        origin_id INTEGER NOT NULL,
        shared_at DATETIME NOT NULL,
        UNIQUE (origin_vault, origin_kind, origin_id)
    )""",
    """INSERT INTO shared_origins_v7 (entry_id, origin_vault, origin_kind, origin_id, shared_at)
        SELECT entry_id, origin_vault, 'entry', origin_id, shared_at FROM shared_origins""",
    "DROP TABLE shared_origins",
    "ALTER TABLE shared_origins_v7 RENAME TO shared_origins",
)

# v8: the daily rhythm. One check-in per local day (its weather, up to three feeling words as JSON, a note), and the
# habits ticked on each day: a tick is a (habit, day) pair, so a day counts once however often it is ticked.
_V8 = (
    """CREATE TABLE checkins (
        day DATE PRIMARY KEY,
        weather INTEGER NOT NULL CHECK (weather BETWEEN 1 AND 5),
        feelings TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        updated_at DATETIME NOT NULL
    )""",
    """CREATE TABLE habit_ticks (
        habit TEXT NOT NULL,
        day DATE NOT NULL,
        PRIMARY KEY (habit, day)
    )""",
    "CREATE INDEX ix_habit_ticks_day ON habit_ticks (day)",
)

MIGRATIONS: Sequence[Sequence[str]] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(tx: Tx) -> int:
    return int(tx.scalar("PRAGMA user_version"))


def migrate(tx: Tx, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema to ``target``; returns the version found before. Runs inside the caller's transaction."""
    found = schema_version(tx)
    if found > SCHEMA_VERSION:
        raise SchemaTooNew()
    for version in range(found, target):
        for statement in MIGRATIONS[version]:
            tx.run(statement)
        tx.run(f"PRAGMA user_version = {version + 1}")
    return found
