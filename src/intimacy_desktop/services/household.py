"""The couple's shared "us" space: made by both partners together, opened by either with their own passphrase,
holding only what one of them chose to share; a member removed is locked out of everything written afterwards.

The space's key lives in each member's encrypted vault (storage/space.py says why). Sharing copies an entry into
the space and remembers where it came from; un-sharing deletes the copy. Nothing personal is shared by default.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from intimacy_desktop.core.changes import Changed, ChangeFeed
from intimacy_desktop.core.errors import DataCorrupt, UsageError
from intimacy_desktop.core.journal import Entry
from intimacy_desktop.core.share_cards import CardKind, ShareCard
from intimacy_desktop.services.journal import JournalService
from intimacy_desktop.storage import space as store
from intimacy_desktop.storage.journal_repo import JournalRepository
from intimacy_desktop.storage.settings_repo import SettingsRepository
from intimacy_desktop.storage.sql import stamp

if TYPE_CHECKING:
    from intimacy_desktop.services.unlocked import UnlockedProfile
    from intimacy_desktop.storage.database import Database
    from intimacy_desktop.storage.sql import Tx

KEY_PREFIX = "space_key."  # in a member's vault: the space's key, its generation, a pending key during a re-key
MEMBER_PREFIX = "member."  # in the space: who belongs (vault id → the name they chose)


@dataclass(frozen=True)
class SpaceKey:
    space_id: str
    dek: bytes
    generation: int
    pending: bytes | None = None  # a re-key's new key, kept before the switch (a crash must not lose it)
    pending_generation: int | None = None

    def to_text(self) -> str:
        return json.dumps({"dek": self.dek.hex(), "generation": self.generation,
                           "pending": self.pending.hex() if self.pending else None,
                           "pending_generation": self.pending_generation})

    @classmethod
    def from_text(cls, space_id: str, text: str) -> SpaceKey:
        body = json.loads(text)
        pending = body.get("pending")
        return cls(space_id, bytes.fromhex(body["dek"]), int(body["generation"]),
                   bytes.fromhex(pending) if pending else None, body.get("pending_generation"))

    def __repr__(self) -> str:
        return f"SpaceKey(space_id={self.space_id!r}, generation={self.generation})"


def _keys(profile: UnlockedProfile) -> list[SpaceKey]:
    with profile.settings_session() as tx:
        found = SettingsRepository(tx).with_prefix(KEY_PREFIX)
    return [SpaceKey.from_text(k.removeprefix(KEY_PREFIX), v) for k, v in found.items()]


def _keep(profile: UnlockedProfile, key: SpaceKey | None, space_id: str) -> None:
    with profile.settings_session() as tx:
        repo = SettingsRepository(tx)
        if key is None:
            repo.delete(KEY_PREFIX + space_id)
        else:
            repo.put(KEY_PREFIX + space_id, key.to_text())


class SharedSpace:
    """An open space: its journal, and sharing from one member's private journal into it. ``close`` locks it."""

    def __init__(self, info: store.SpaceFile, db: Database) -> None:
        self.info = info
        self._db = db
        self.changes = ChangeFeed()
        self.journal = JournalService(db, self.changes)

    def members(self) -> dict[str, str]:
        with self._db.session() as tx:
            rows = SettingsRepository(tx).with_prefix(MEMBER_PREFIX)
        return {k.removeprefix(MEMBER_PREFIX): v for k, v in rows.items()}

    def entries(self) -> list[tuple[Entry, str]]:
        """Everything in the space, newest first, each with the vault id of the member who shared it."""
        with self._db.session() as tx:
            origins = {int(e): str(v) for e, v in tx.rows("SELECT entry_id, origin_vault FROM shared_origins")}
            found = JournalRepository(tx).live_entries()
        found.sort(key=lambda e: (e.fields.entry_date, e.id), reverse=True)
        return [(e, origins.get(e.id, "")) for e in found]

    def shared_from(self, profile: UnlockedProfile, kind: CardKind = CardKind.ENTRY) -> dict[int, int]:
        """The member's entries (or conversations, reveals, runs) that are in the space: private id → the copy's id."""
        with self._db.session() as tx:
            rows = tx.rows("SELECT origin_id, entry_id FROM shared_origins WHERE origin_vault = :v "
                           "AND origin_kind = :k", {"v": profile.header.vault_id, "k": kind.value})
        return {int(a): int(b) for a, b in rows}

    def origin_of(self, profile: UnlockedProfile, copy_id: int) -> tuple[CardKind, int] | None:
        """What a copy in the space was shared from, when this member shared it; None otherwise."""
        with self._db.session() as tx:
            row = tx.rows("SELECT origin_kind, origin_id FROM shared_origins WHERE entry_id = :e AND "
                          "origin_vault = :v", {"e": copy_id, "v": profile.header.vault_id})
        return (CardKind(row[0][0]), int(row[0][1])) if row else None

    def share_card(self, profile: UnlockedProfile, card: ShareCard) -> bool:
        """Copy a conversation, reveal or run into the space, as previewed; False when it is there already."""
        if card.kind is CardKind.ENTRY:
            raise UsageError("space_not_yours")  # entries go through ``share``: their private copy is marked too
        vault = profile.header.vault_id
        self._require_member(vault)
        with self._db.session() as tx:
            if tx.scalar("SELECT 1 FROM shared_origins WHERE origin_vault = :v AND origin_kind = :k AND "
                         "origin_id = :o", {"v": vault, "k": card.kind.value, "o": card.origin_id}):
                return False
            copy = JournalRepository(tx).add(replace(card.fields, shared=True))
            self._remember(tx, copy.id, vault, card.kind, card.origin_id)
        self.changes(Changed.ENTRIES | Changed.TAGS)
        return True

    def unshare_card(self, profile: UnlockedProfile, kind: CardKind, origin_id: int) -> bool:
        """Take a shared conversation, reveal or run (or entry) back out of the space."""
        if kind is CardKind.ENTRY:
            return self.unshare(profile, [origin_id]) == 1
        copy = self.shared_from(profile, kind).get(origin_id)
        if copy is None:
            return False
        with self._db.session() as tx:
            JournalRepository(tx).purge(copy)
        self.changes(Changed.ENTRIES | Changed.TAGS)
        return True

    @staticmethod
    def _remember(tx: Tx, copy_id: int, vault: str, kind: CardKind, origin_id: int) -> None:
        tx.run("INSERT INTO shared_origins (entry_id, origin_vault, origin_kind, origin_id, shared_at) "
               "VALUES (:e, :v, :k, :o, :t)",
               {"e": copy_id, "v": vault, "k": kind.value, "o": origin_id, "t": stamp(_now())})

    def preview(self, profile: UnlockedProfile, entry_ids: Sequence[int]) -> list[Entry]:
        """Exactly what ``share`` would copy: the chosen entries not in the space yet, as they are now."""
        already = self.shared_from(profile)
        return profile.interchange.entries([i for i in entry_ids if i not in already])

    def share(self, profile: UnlockedProfile, entries: Sequence[Entry]) -> int:
        """Copy the previewed entries into the space (one transaction); mark the originals as shared."""
        vault = profile.header.vault_id
        self._require_member(vault)
        added = 0
        with self._db.session() as tx:
            repo = JournalRepository(tx)
            for entry in entries:
                if tx.scalar("SELECT 1 FROM shared_origins WHERE origin_vault = :v AND origin_kind = 'entry' "
                             "AND origin_id = :o", {"v": vault, "o": entry.id}):
                    continue
                copy = repo.add(replace(entry.fields, shared=True))
                self._remember(tx, copy.id, vault, CardKind.ENTRY, entry.id)
                added += 1
        for entry in entries:
            if not entry.fields.shared:
                profile.journal.update(entry.id, replace(entry.fields, shared=True))
        self.changes(Changed.ENTRIES | Changed.TAGS)
        return added

    def unshare(self, profile: UnlockedProfile, entry_ids: Sequence[int]) -> int:
        """Take the member's entries out of the space (the copies are deleted; the private entries stay)."""
        copies = self.shared_from(profile)
        removed = 0
        with self._db.session() as tx:
            repo = JournalRepository(tx)
            for entry_id in entry_ids:
                if entry_id in copies:
                    repo.purge(copies[entry_id])
                    removed += 1
        for entry_id in entry_ids:
            if entry_id in copies:
                entry = profile.journal.get(entry_id)
                profile.journal.update(entry_id, replace(entry.fields, shared=False))
        self.changes(Changed.ENTRIES | Changed.TAGS)
        return removed

    def _require_member(self, vault_id: str) -> None:
        if vault_id not in self.members():
            raise UsageError("space_not_member")

    def close(self) -> None:
        self.changes.clear()
        self._db.close()

    def __enter__(self) -> SharedSpace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class HouseholdService:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def create(self, first: UnlockedProfile, second: UnlockedProfile) -> store.SpaceFile:
        """The space, made while both partners are present (both profiles unlocked, each by its own passphrase)."""
        if first.header.vault_id == second.header.vault_id:
            raise UsageError("space_same_profile")
        for profile in (first, second):
            if _keys(profile):
                raise UsageError("space_already", name=profile.info.label)
        info, dek = store.create_space(self.data_dir)
        db = store.open_space(info.folder, dek)
        try:
            with db.session() as tx:
                repo = SettingsRepository(tx)
                for profile in (first, second):
                    repo.put(MEMBER_PREFIX + profile.header.vault_id, profile.info.label)
        finally:
            db.close()
        for profile in (first, second):
            _keep(profile, SpaceKey(info.space_id, dek, info.generation), info.space_id)
        return info

    def space_of(self, profile: UnlockedProfile) -> store.SpaceFile | None:
        for key in _keys(profile):
            folder = store.spaces_dir(self.data_dir) / key.space_id
            if (folder / store.SPACE_FILE).exists():
                return store.read_space(folder)
        return None

    def open(self, profile: UnlockedProfile) -> SharedSpace:
        """The member's space, opened with the key kept in their vault; ``space_removed`` when that key is from
        before they were removed (it opens nothing written since)."""
        keys = _keys(profile)
        if not keys:
            raise UsageError("space_none")
        key = keys[0]
        info = store.read_space(store.spaces_dir(self.data_dir) / key.space_id)
        for dek, generation in ((key.pending, key.pending_generation), (key.dek, key.generation)):
            if dek is None or generation is None:
                continue
            try:
                db = store.open_space(info.folder, dek)
            except DataCorrupt:
                continue
            if dek is key.pending:  # a re-key that a crash interrupted after the switch: the new key is the key
                _keep(profile, SpaceKey(key.space_id, dek, max(generation, info.generation)), key.space_id)
            space = SharedSpace(info, db)
            if profile.header.vault_id not in space.members():
                space.close()
                raise UsageError("space_removed")
            return space
        raise UsageError("space_removed")

    def open_if_member(self, profile: UnlockedProfile) -> SharedSpace | None:
        """The member's space, or None when the profile has none or was removed from it (damage still raises)."""
        if self.space_of(profile) is None:
            return None
        try:
            return self.open(profile)
        except UsageError as exc:
            if exc.code in ("space_none", "space_removed"):
                return None
            raise

    def remove_member(self, remaining: UnlockedProfile, removed_vault_id: str) -> store.SpaceFile:
        """Take a member out (a couple separates): the space is re-keyed, so what the removed member's old key
        opens ends here. What they already saw cannot be taken back; the front ends say so."""
        with self.open(remaining) as space:
            if removed_vault_id not in space.members() or removed_vault_id == remaining.header.vault_id:
                raise UsageError("space_member_unknown")
            with space._db.session() as tx:
                SettingsRepository(tx).delete(MEMBER_PREFIX + removed_vault_id)
        current = next(k for k in _keys(remaining) if k.space_id == space.info.space_id)

        def keep_new(dek: bytes, generation: int) -> None:
            _keep(remaining, replace(current, pending=dek, pending_generation=generation), current.space_id)

        info = store.rekey_space(space.info.folder, current.dek, keep_new)
        with_new = next(k for k in _keys(remaining) if k.space_id == info.space_id)
        assert with_new.pending is not None
        _keep(remaining, SpaceKey(info.space_id, with_new.pending, info.generation), info.space_id)
        return info

    def leave(self, profile: UnlockedProfile) -> None:
        """Before a profile is deleted: it leaves its space (the last one out deletes the space) and lets go of the
        key. What its copies in backups hold opens only what was written before; the partner can re-key by
        making a new space."""
        space = self.open_if_member(profile)  # None: no space, or already removed by the partner
        if space is not None:
            with space:
                with space._db.session() as tx:
                    SettingsRepository(tx).delete(MEMBER_PREFIX + profile.header.vault_id)
                alone = not space.members()
            if alone:
                shutil.rmtree(space.info.folder, ignore_errors=True)
        self.forget(profile)

    def update_name(self, profile: UnlockedProfile) -> None:
        """After a rename: the partner sees the new name in the space."""
        if self.space_of(profile) is None:
            return
        with self.open(profile) as space, space._db.session() as tx:
            SettingsRepository(tx).put(MEMBER_PREFIX + profile.header.vault_id, profile.info.label)

    def forget(self, profile: UnlockedProfile) -> None:
        """A removed member's vault lets go of the space's old key."""
        for key in _keys(profile):
            _keep(profile, None, key.space_id)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
