"""Profiles: create one, list them for the picker, unlock one into an open journal, recover one.

The list is built from headers alone (json, no crypto), so the unlock screen appears without loading the heavy
crypto and database modules; those are imported on first unlock, off the GUI thread.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from intimacy_desktop.core.errors import AppError, KeyringUnavailable, ProfileExists, ProfileNotFound
from intimacy_desktop.core.guess_delay import GuessPolicy
from intimacy_desktop.core.input_rules import check_profile_label
from intimacy_desktop.messages import fill
from intimacy_desktop.paths import profiles_dir
from intimacy_desktop.services.guessing import GuessGuard
from intimacy_desktop.storage.fsutil import ensure_private_dir
from intimacy_desktop.storage.header import HEADER_NAME, read_header

if TYPE_CHECKING:
    from intimacy_desktop.services.journal import JournalService
    from intimacy_desktop.storage.database import Database
    from intimacy_desktop.storage.device_secret import SecretStore
    from intimacy_desktop.storage.header import VaultHeader
    from intimacy_desktop.storage.kdf_params import KdfParams

SecretStoreFactory = Callable[[], "SecretStore"]


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

    def __init__(self, info: ProfileInfo, header: VaultHeader, db: Database) -> None:
        from intimacy_desktop.core.changes import ChangeFeed
        from intimacy_desktop.services.journal import JournalService

        self.info = info
        self.header = header
        self._db: Database | None = db
        self.changes = ChangeFeed()  # every service of this profile reports its writes here
        self.journal: JournalService = JournalService(db, self.changes)

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def foreign_changes(self) -> bool:
        """True once after another process wrote to this profile (the CLI while the window is open)."""
        return self._db is not None and self._db.foreign_commits()

    def close(self) -> None:
        self.changes.clear()
        if self._db is not None:
            self._db.close()
            self._db = None


class CreatedProfile(NamedTuple):
    profile: UnlockedProfile
    recovery_code: str


class ProfileService:
    def __init__(
        self,
        data_dir: Path,
        secret_store: SecretStoreFactory,
        kdf: KdfParams | None = None,
        *,
        clock: Callable[[], float] = time.time,
        guess_policy: GuessPolicy | None = None,
    ) -> None:
        self.data_dir = data_dir
        self._secret_store = secret_store
        self._kdf = kdf  # None: calibrate to about a second on this machine
        self._guard = GuessGuard(guess_policy, clock)  # the delay after wrong guesses, kept beside vault.json

    # ---- listing --------------------------------------------------------------------------------------------
    def list_profiles(self) -> list[ProfileInfo]:
        root = profiles_dir(self.data_dir)
        if not root.is_dir():
            return []
        found: list[ProfileInfo] = []
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and (p / HEADER_NAME).exists()):
            try:
                h = read_header(folder)
            except AppError as exc:
                problem = type(exc)(exc.code, **exc.params)  # without the traceback and its frames' locals
                found.append(ProfileInfo(folder, "", problem=problem))
                continue
            found.append(ProfileInfo(folder, h.label, h.has_passphrase, h.uses_keyring, h.created))
        found.sort(key=lambda p: (p.created, p.label))
        return found

    def find(self, label: str) -> ProfileInfo:
        wanted = label.strip().casefold()
        for info in self.list_profiles():
            if not info.damaged and info.label.casefold() == wanted:
                return info
        raise ProfileNotFound(name=label.strip())

    def suggest_label(self, pattern: str = "Profile {n}") -> str:
        """A neutral default name: nothing in the picker should say whose journal this is unless they choose.

        The number counts profiles, named or not: beside "Sam" the next is "Profile 2", and a taken name is skipped.
        ``pattern`` is the front end's (translated) wording with an ``{n}``; the result is a name like any typed one.
        """
        if "{n}" not in pattern:
            pattern += " {n}"
        existing = self.list_profiles()
        taken = {p.label.casefold() for p in existing}
        n = len(existing) + 1
        while fill(pattern, {"n": n}).strip().casefold() in taken:
            n += 1
        return fill(pattern, {"n": n}).strip()

    def keyring_problem(self) -> AppError | None:
        """None when a usable system keyring answers; else what to tell someone setting up a profile."""
        try:
            self._secret_store().backend_name()
        except KeyringUnavailable:
            return KeyringUnavailable("keyring_unavailable_setup")
        except AppError as exc:
            return exc
        return None

    # ---- create / unlock ------------------------------------------------------------------------------------
    def create(self, label: str, passphrase: str | None, *, passphrase_only: bool = False) -> CreatedProfile:
        """A new profile. ``passphrase_only`` is the person's explicit consent to go without the keyring."""
        from intimacy_desktop.storage.database import Database
        from intimacy_desktop.storage.vault import create_vault

        label = check_profile_label(label)  # no control or invisible format characters (core/input_rules.py)
        if any(not p.damaged and p.label.casefold() == label.casefold() for p in self.list_profiles()):
            raise ProfileExists(name=label)
        store = None if passphrase_only else self._secret_store()
        if store is not None:
            try:
                store.backend_name()  # no keyring: say so before any folder is made
            except KeyringUnavailable as exc:
                raise KeyringUnavailable("keyring_unavailable_new_profile") from exc
        data = ensure_private_dir(self.data_dir, allow_link=True)  # the person's choice; inside, no links
        folder = ensure_private_dir(profiles_dir(data)) / secrets.token_hex(8)
        created = create_vault(folder, label, passphrase, store, self._kdf)
        db = Database(folder, created.dek, create=True)
        info = self._info(folder, created.header)
        return CreatedProfile(UnlockedProfile(info, created.header, db), created.recovery_code)

    def unlock(self, info: ProfileInfo, passphrase: str | None) -> UnlockedProfile:
        from intimacy_desktop.storage.database import Database
        from intimacy_desktop.storage.vault import unlock

        store = self._secret_store() if info.uses_keyring else None
        if passphrase:  # a guess: asked of the delay first, before any key derivation
            header, dek = self._guard.passphrase(info.folder, lambda: unlock(info.folder, passphrase, store))
        else:
            header, dek = unlock(info.folder, passphrase, store)
        return UnlockedProfile(info, header, Database(info.folder, dek))

    def recover(
        self, info: ProfileInfo, code: str, new_passphrase: str | None, *, passphrase_only: bool = False
    ) -> CreatedProfile:
        """Unlock with the recovery code, then give the profile fresh keyring access and a new recovery code."""
        from intimacy_desktop.storage.database import Database
        from intimacy_desktop.storage.vault import rekey_access, unlock_with_recovery

        header, dek = self._guard.recovery_code(info.folder, lambda: unlock_with_recovery(info.folder, code))
        db = Database(info.folder, dek)  # prove the data opens before any header is rewritten
        try:
            store = None if passphrase_only else self._secret_store()
            header, new_code = rekey_access(info.folder, header, dek, new_passphrase, store, self._kdf)
        except BaseException:
            db.close()
            raise
        return CreatedProfile(UnlockedProfile(self._info(info.folder, header), header, db), new_code)

    def change_passphrase(self, profile: UnlockedProfile, old: str | None, new: str | None) -> str:
        """Re-wrap the key under a new passphrase after checking the old one; returns the new recovery code."""
        from intimacy_desktop.storage.vault import rekey_access, unlock

        store = self._secret_store() if profile.header.uses_keyring else None
        folder = profile.info.folder
        if old:  # a guess too: someone at an unlocked window must not find the passphrase through this
            header, dek = self._guard.passphrase(folder, lambda: unlock(folder, old, store))
        else:
            header, dek = unlock(folder, old, store)
        header, code = rekey_access(profile.info.folder, header, dek, new, store, self._kdf)
        profile.header = header
        return code

    @staticmethod
    def _info(folder: Path, h: VaultHeader) -> ProfileInfo:
        return ProfileInfo(folder, h.label, h.has_passphrase, h.uses_keyring, h.created)
