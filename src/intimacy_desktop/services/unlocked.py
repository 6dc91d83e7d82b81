"""An unlocked profile: its open database and the services over it, and ``ProfileInfo``, what the picker lists.

Split from services/profiles.py (which creates, unlocks and re-keys profiles) so that each stays readable.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar, cast

from intimacy_desktop.core.errors import AppError, VaultLocked

if TYPE_CHECKING:
    from intimacy_desktop.core.changes import ChangeFeed
    from intimacy_desktop.core.layers import Layer
    from intimacy_desktop.services.conversations import ConversationService
    from intimacy_desktop.services.insights import InsightsService
    from intimacy_desktop.services.interchange import InterchangeService
    from intimacy_desktop.services.journal import JournalService
    from intimacy_desktop.services.practice import PracticeService
    from intimacy_desktop.services.preferences import PreferencesService
    from intimacy_desktop.services.prompts import PromptService
    from intimacy_desktop.services.rhythm import RhythmService
    from intimacy_desktop.storage.database import Database
    from intimacy_desktop.storage.header import VaultHeader
    from intimacy_desktop.storage.sql import Tx

_S = TypeVar("_S")
SEEN_EVERY_S = 60.0  # how often, at most, a write raises the header's seen_seq (besides every close)


class ProfileInfo(NamedTuple):
    folder: Path
    label: str  # as its owner named it; "" when damaged (front ends show "Damaged profile (short_id)" then)
    has_passphrase: bool = True
    uses_keyring: bool = True
    created: str = ""
    problem: AppError | None = None  # why the header cannot be read; unlocking then shows this error

    @property
    def damaged(self) -> bool:
        return self.problem is not None

    @property
    def short_id(self) -> str:
        """The start of the folder's random name: tells two damaged profiles apart without saying whose they are."""
        return self.folder.name[:8]


class UnlockedProfile:
    """An open vault: the database and the services over it. ``close`` is the lock."""

    def __init__(
        self, info: ProfileInfo, header: VaultHeader, db: Database, seen_key: bytearray, *, accepted_older: bool = False
    ) -> None:
        from intimacy_desktop.core.changes import ChangeFeed
        from intimacy_desktop.services.journal import JournalService

        self.info = info
        self.header = header
        self._db: Database | None = db
        self._seen_key = seen_key  # raises the header's seen_seq on close (rollback detection); wiped then
        self._lower_seen = accepted_older
        self.changes = ChangeFeed()  # every service of this profile reports its writes here
        self.journal: JournalService = JournalService(db, self.changes)
        self._services: dict[str, object] = {}  # built on first use: the CLI never loads the content files
        self._seen_raised = -SEEN_EVERY_S
        self.changes.subscribe(self._raise_seen_now_and_then)

    def _raise_seen_now_and_then(self, _changes: object) -> None:
        """After a write, at most once a minute: the header learns how far the database got, so that a crash
        followed by a deleted log (or an older copy) is noticed even before the next clean close."""
        now = time.monotonic()
        if self._db is None or now - self._seen_raised < SEEN_EVERY_S:
            return
        self._seen_raised = now
        _record_seen(self.info.folder, self._seen_key, self._db.commit_seq, lower=self._lower_seen)

    def _service(self, name: str, build: Callable[[Database, ChangeFeed], _S]) -> _S:
        """The profile's service ``name``, built over the open database the first time it is asked for."""
        found = self._services.get(name)
        if found is None:
            if self._db is None:
                raise VaultLocked()
            found = self._services[name] = build(self._db, self.changes)
        return cast(_S, found)

    @property
    def prompts(self) -> PromptService:
        from intimacy_desktop.services.prompts import PromptService

        return self._service("prompts", PromptService)

    @property
    def practice(self) -> PracticeService:
        from intimacy_desktop.services.practice import PracticeService

        return self._service("practice", PracticeService)

    @property
    def conversations(self) -> ConversationService:
        from intimacy_desktop.services.conversations import ConversationService

        return self._service("conversations", ConversationService)

    @property
    def interchange(self) -> InterchangeService:
        from intimacy_desktop.services.interchange import InterchangeService

        return self._service("interchange", InterchangeService)

    @property
    def rhythm(self) -> RhythmService:
        from intimacy_desktop.services.rhythm import RhythmService

        return self._service("rhythm", RhythmService)

    @property
    def insights(self) -> InsightsService:
        """A new reader each time (it keeps nothing): the Insights page's figures."""
        from intimacy_desktop.services.insights import InsightsService

        if self._db is None:
            raise VaultLocked()
        practice = self.practice

        def exercise_info(exercise_id: str) -> tuple[Layer, int] | None:
            found = practice.content.exercise(exercise_id)
            return (found.layer, found.minutes) if found is not None else None
        return InsightsService(self._db, exercise_info)

    @property
    def preferences(self) -> PreferencesService:
        from intimacy_desktop.services.preferences import PreferencesService

        return self._service("preferences", PreferencesService)

    def __repr__(self) -> str:
        return f"UnlockedProfile(folder={self.info.folder.name!r}, open={self.is_open})"

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def settings_session(self) -> contextlib.AbstractContextManager[Tx]:
        """A transaction for the vault's own settings (a shared space's key lives there, storage/space.py)."""
        if self._db is None:
            raise VaultLocked()
        return self._db.session()

    def export_copy(self, target: Path, key: bytes | None) -> tuple[int, int]:
        """A consistent copy of the database under ``key`` (None: its own), for a backup; (entries, commit)."""
        if self._db is None:
            raise VaultLocked()
        return self._db.export_copy(target, key)

    def check_integrity(self) -> None:
        """Check every page of the database and its structure (seconds at 50,000 entries; run it off the GUI
        thread). Raises ``DataCorrupt`` when something is damaged; reading never changes the files."""
        if self._db is None:
            raise VaultLocked()
        self._db.check_integrity()

    def foreign_changes(self) -> bool:
        """True once after another process wrote to this profile (the CLI while the window is open)."""
        return self._db is not None and self._db.foreign_commits()

    def close(self) -> None:
        """Close the database, then record in the header how far it got (while nobody can re-key it)."""
        self.changes.clear()
        db, self._db = self._db, None
        if db is None:
            return
        try:
            db.close(keep_hold=True)
            _record_seen(self.info.folder, self._seen_key, db.commit_seq, lower=self._lower_seen)
        finally:
            db.release_hold()
            _wipe(self._seen_key)

    def _replace(self, header: VaultHeader, db: Database, seen_key: bytearray) -> None:
        """After a re-key: the same profile on the database under its new key."""
        from intimacy_desktop.services.journal import JournalService

        _wipe(self._seen_key)
        self.header, self._db, self._seen_key, self._lower_seen = header, db, seen_key, False
        self.journal = JournalService(db, self.changes)
        self._services.clear()

    def _take_db(self) -> Database:
        db, self._db = self._db, None
        assert db is not None
        return db

    def _close_for_rekey(self) -> int:
        """Close the database (nobody may have it open during a re-key); returns its last commit."""
        db, self._db = self._db, None
        if db is None:
            raise VaultLocked()
        db.close()
        return db.commit_seq



def _record_seen(folder: Path, key: bytearray, seq: int, *, lower: bool) -> None:
    from intimacy_desktop.storage.vault import record_seen

    with contextlib.suppress(OSError, AppError):  # a header that lags can only miss a rollback, never invent one
        record_seen(folder, key, seq, lower=lower)


def _wipe(buf: bytearray) -> None:
    buf[:] = bytes(len(buf))
