"""Profiles: create one, list them for the picker, unlock one into an open journal, recover one.

The list is built from headers alone (json, no crypto), so the unlock screen appears without loading the heavy
crypto and database modules; those are imported on first unlock, off the GUI thread.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from intimacy_desktop.core.errors import (
    AppError,
    DiskFull,
    KeyringUnavailable,
    ProfileExists,
    ProfileNotFound,
    UsageError,
)
from intimacy_desktop.core.guess_delay import GuessPolicy
from intimacy_desktop.core.input_rules import check_profile_label
from intimacy_desktop.messages import fill
from intimacy_desktop.paths import profiles_dir
from intimacy_desktop.services.guessing import GuessGuard
from intimacy_desktop.services.unlocked import ProfileInfo, UnlockedProfile

__all__ = ["CreatedProfile", "ProfileInfo", "ProfileService", "UnlockedProfile", "forget_secret"]
from intimacy_desktop.storage.fsutil import ensure_private_dir
from intimacy_desktop.storage.header import HEADER_NAME, read_header

if TYPE_CHECKING:
    from intimacy_desktop.storage.device_secret import SecretStore
    from intimacy_desktop.storage.header import VaultHeader
    from intimacy_desktop.storage.kdf_params import KdfParams
    from intimacy_desktop.storage.rekey import Progress

SecretStoreFactory = Callable[[], "SecretStore"]
HIDDEN_PREFIX = "h-"
HIDDEN_LABEL = "Profile"  # what a hidden profile's header says: its real name is in no file
DELETING_PREFIX = ".deleting-"  # a profile being deleted: never listed, removed whole at the next start


def hidden_folder_name(label: str) -> str:
    """Where a hidden profile lives, computed from its name as typed (case and outer spaces aside): nothing lists
    it, and the name is not written anywhere. Someone who guesses the name learns only that the folder exists."""
    digest = hashlib.sha256(b"intimacy-desktop hidden profile/v1\0" + label.strip().casefold().encode()).hexdigest()
    return HIDDEN_PREFIX + digest[:24]


def is_hidden(folder: Path) -> bool:
    return folder.name.startswith(HIDDEN_PREFIX)


def _open(info: ProfileInfo, header: VaultHeader, dek: bytes, *, accept_older: bool = False) -> UnlockedProfile:
    from intimacy_desktop.storage.database import Database
    from intimacy_desktop.storage.vault import seen_key

    db = Database(info.folder, dek, seen_seq=header.seen_seq, accept_older=accept_older)
    return UnlockedProfile(info, header, db, seen_key(dek), accepted_older=accept_older)


def forget_secret(text: str | None) -> None:
    """Overwrite a passphrase or recovery code the caller is done with, in place (storage/secret_bytes.py): the
    window calls it after each unlock attempt, so a locked window keeps no copy."""
    from intimacy_desktop.storage.secret_bytes import wipe_immutable

    wipe_immutable(text)


class CreatedProfile(NamedTuple):
    profile: UnlockedProfile
    recovery_code: str

    def __repr__(self) -> str:  # the code is a key: never in a log or a traceback
        return f"CreatedProfile(profile={self.profile.info.folder.name!r}, recovery_code=<hidden>)"


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

    def secret_store(self) -> SecretStore:
        return self._secret_store()

    @property
    def kdf(self) -> KdfParams | None:
        """The passphrase parameters new vaults get (None: calibrated); a restore makes its profile with them."""
        return self._kdf

    # ---- listing --------------------------------------------------------------------------------------------
    def vault_folders(self) -> list[Path]:
        """Every profile's folder, hidden ones too (a backup of every profile must not leave one out)."""
        root = profiles_dir(self.data_dir)
        if not root.is_dir():
            return []
        return sorted(p for p in root.iterdir() if p.is_dir() and (p / HEADER_NAME).exists()
                      and not p.name.startswith(DELETING_PREFIX))

    def list_profiles(self) -> list[ProfileInfo]:
        root = profiles_dir(self.data_dir)
        if not root.is_dir():
            return []
        found: list[ProfileInfo] = []
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and (p / HEADER_NAME).exists()
                             and not p.name.startswith((HIDDEN_PREFIX, DELETING_PREFIX))):  # hidden: by name only
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
        """A listed profile by its name, or else a hidden one (whose folder its name alone points to)."""
        wanted = label.strip().casefold()
        for info in self.list_profiles():
            if not info.damaged and info.label.casefold() == wanted:
                return info
        hidden = profiles_dir(self.data_dir) / hidden_folder_name(label)
        if (hidden / HEADER_NAME).exists():
            h = read_header(hidden)
            return ProfileInfo(hidden, label.strip(), h.has_passphrase, h.uses_keyring, h.created)
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
    def create(self, label: str, passphrase: str | None, *, passphrase_only: bool = False,
               hidden: bool = False) -> CreatedProfile:
        """A new profile. ``passphrase_only`` is the person's explicit consent to go without the keyring.
        ``hidden``: never listed; its header holds a neutral name and its folder is found from its real name."""
        from intimacy_desktop.storage.database import Database
        from intimacy_desktop.storage.vault import create_vault, seen_key

        label = check_profile_label(label)  # no control or invisible format characters (core/input_rules.py)
        if any(not p.damaged and p.label.casefold() == label.casefold() for p in self.list_profiles()):
            raise ProfileExists(name=label)
        if hidden and passphrase is None:
            raise UsageError("hidden_needs_passphrase")  # without one, its name would be its only key
        if (profiles_dir(self.data_dir) / hidden_folder_name(label)).exists():
            raise ProfileExists(name=label)
        store = None if passphrase_only else self._secret_store()
        if store is not None:
            try:
                store.backend_name()  # no keyring: say so before any folder is made
            except KeyringUnavailable as exc:
                raise KeyringUnavailable("keyring_unavailable_new_profile") from exc
        data = ensure_private_dir(self.data_dir, allow_link=True)  # the person's choice; inside, no links
        root = ensure_private_dir(profiles_dir(data))
        folder = root / (hidden_folder_name(label) if hidden else secrets.token_hex(8))
        created = create_vault(folder, HIDDEN_LABEL if hidden else label, passphrase, store, self._kdf)
        db = Database(folder, created.dek, create=True)
        info = self._info(folder, created.header)
        if hidden:
            info = info._replace(label=label)
        profile = UnlockedProfile(info, created.header, db, seen_key(created.dek))
        return CreatedProfile(profile, created.recovery_code)

    def unlock(self, info: ProfileInfo, passphrase: str | None, *, accept_older: bool = False) -> UnlockedProfile:
        """``accept_older``: open a database older than the header says it was (restored on purpose)."""
        from intimacy_desktop.storage.vault import unlock

        self.clear_deleted()  # off the GUI thread: an interrupted delete is finished here
        store = self._secret_store() if info.uses_keyring else None
        if passphrase:  # a guess: asked of the delay first, before any key derivation
            header, dek = self._guard.passphrase(info.folder, lambda: unlock(info.folder, passphrase, store))
        else:
            header, dek = unlock(info.folder, passphrase, store)
        return _open(info, header, dek, accept_older=accept_older)

    def recover(
        self,
        info: ProfileInfo,
        code: str,
        new_passphrase: str | None,
        *,
        passphrase_only: bool = False,
        progress: Progress | None = None,
    ) -> CreatedProfile:
        """Unlock with the recovery code, then replace every secret: a new key for the database (re-encrypted
        under it), fresh keyring access and a new recovery code. The old code opens nothing written afterwards."""
        from intimacy_desktop.storage.vault import unlock_with_recovery

        header, dek = self._guard.recovery_code(info.folder, lambda: unlock_with_recovery(info.folder, code))
        profile = _open(info, header, dek)  # prove the data opens before any secret is replaced
        try:
            store = None if passphrase_only else self._secret_store()
            new_code = self._rekey(profile, dek, new_passphrase, store, progress)
        except BaseException:
            profile.close()
            raise
        profile.info = self._info(info.folder, profile.header)._replace(label=info.label)
        return CreatedProfile(profile, new_code)

    def change_passphrase(
        self, profile: UnlockedProfile, old: str | None, new: str | None, *, progress: Progress | None = None
    ) -> str:
        """Check the old passphrase, then replace every secret under the new one (``None``: none, keyring alone);
        returns the new recovery code. The profile stays open, on the database under its new key."""
        store, dek = self._prove(profile, old)
        return self._rekey(profile, dek, new, store, progress)

    def new_recovery_code(
        self, profile: UnlockedProfile, passphrase: str | None, *, progress: Progress | None = None
    ) -> str:
        """A new recovery code, with a new database key: the old code, with any copy of the old header, opens
        nothing written afterwards. The passphrase (checked first) stays the same."""
        store, dek = self._prove(profile, passphrase)
        return self._rekey(profile, dek, passphrase, store, progress)

    def check_passphrase(self, profile: UnlockedProfile, passphrase: str | None) -> None:
        """Raise ``WrongPassphrase`` unless it is this profile's (before a delete)."""
        self._prove(profile, passphrase)

    def _prove(self, profile: UnlockedProfile, passphrase: str | None) -> tuple[SecretStore | None, bytes]:
        from intimacy_desktop.storage.vault import unlock

        store = self._secret_store() if profile.header.uses_keyring else None
        folder = profile.info.folder
        if passphrase:  # a guess too: someone at an unlocked window must not find the passphrase through this
            _, dek = self._guard.passphrase(folder, lambda: unlock(folder, passphrase, store))
        else:
            _, dek = unlock(folder, passphrase, store)
        return store, dek

    def _rekey(
        self,
        profile: UnlockedProfile,
        dek: bytes,
        new_passphrase: str | None,
        store: SecretStore | None,
        progress: Progress | None,
        *,
        label: str | None = None,
        move_to: Path | None = None,
    ) -> str:
        """``label``: a new name (the header's label is bound to the keys, so a rename is a re-seal); ``move_to``:
        the folder it lives in afterwards (hiding and showing a profile, renaming a hidden one)."""
        from intimacy_desktop.storage import in_use
        from intimacy_desktop.storage.header import read_header
        from intimacy_desktop.storage.vault import rekey_access

        folder = profile.info.folder
        shown = label if label is not None else profile.info.label
        old_header = profile.header
        sealed_label = HIDDEN_LABEL if (move_to or folder).name.startswith(HIDDEN_PREFIX) else shown
        profile._close_for_rekey()
        start = folder
        try:
            if move_to is not None and move_to != folder:  # first, so that a folder that cannot move changes nothing
                with in_use.exclusively(folder):
                    pass  # nobody else (the CLI) has it open
                folder.rename(move_to)
                folder = move_to
            header, new_dek, code = rekey_access(folder, old_header._replace(label=sealed_label), dek,
                                                 new_passphrase, store, self._kdf, progress=progress)
        except BaseException as exc:
            if folder != start:
                with contextlib.suppress(OSError):
                    folder.rename(start)
                    folder = start
            with contextlib.suppress(AppError):  # nothing changed, so the old key opens it again
                reopened = _open(profile.info._replace(folder=folder), read_header(folder), dek)
                profile._replace(reopened.header, reopened._take_db(), reopened._seen_key)
                profile.info = reopened.info
            if isinstance(exc, OSError):
                raise DiskFull() if exc.errno == errno.ENOSPC else AppError("profile_move_failed") from exc
            raise
        reopened = _open(self._info(folder, header)._replace(label=shown), header, new_dek)
        profile._replace(header, reopened._take_db(), reopened._seen_key)
        profile.info = reopened.info
        return code

    # ---- rename, hide, delete -------------------------------------------------------------------------------
    def rename(self, profile: UnlockedProfile, label: str, passphrase: str | None, *,
               progress: Progress | None = None) -> str:
        """A new name. The name is sealed into the keys, so this issues a new recovery code (returned)."""
        return self._relabel(profile, label, passphrase, is_hidden(profile.info.folder), progress)

    def set_hidden(self, profile: UnlockedProfile, hidden: bool, passphrase: str | None, *,
                   progress: Progress | None = None) -> str:
        """Hide a profile from the picker (its header then holds a neutral name and its folder comes from its
        name), or show it again; a new recovery code either way (returned)."""
        return self._relabel(profile, profile.info.label, passphrase, hidden, progress)

    def _relabel(self, profile: UnlockedProfile, label: str, passphrase: str | None, hidden: bool,
                 progress: Progress | None) -> str:
        label = check_profile_label(label)
        if hidden and not profile.header.has_passphrase:
            raise UsageError("hidden_needs_passphrase")
        root, folder = profiles_dir(self.data_dir), profile.info.folder
        if label.casefold() != profile.info.label.casefold() and (
                any(not p.damaged and p.label.casefold() == label.casefold() for p in self.list_profiles())
                or (root / hidden_folder_name(label)).exists()):
            raise ProfileExists(name=label)
        if hidden:
            target = root / hidden_folder_name(label)
        else:
            target = root / secrets.token_hex(8) if is_hidden(folder) else folder
        if target != folder and target.exists():
            raise ProfileExists(name=label)
        store, dek = self._prove(profile, passphrase)
        return self._rekey(profile, dek, passphrase, store, progress, label=label, move_to=target)

    def delete(self, profile: UnlockedProfile) -> None:
        """Close the profile and delete it: its folder (moved aside first, so an interruption leaves either the
        whole profile or a leftover nothing lists) and its keyring item. What it shared in a space stays there."""
        from intimacy_desktop.storage import in_use

        folder, header = profile.info.folder, profile.header
        profile.close()
        doomed = folder.with_name(f"{DELETING_PREFIX}{secrets.token_hex(6)}")
        with in_use.exclusively(folder):
            pass  # nobody else (the CLI) has it open
        try:
            folder.rename(doomed)
        except OSError as exc:
            raise AppError("profile_move_failed") from exc
        if header.uses_keyring:
            with contextlib.suppress(AppError, KeyringUnavailable):
                self._secret_store().delete(header.keyring_name)
        self.clear_deleted()

    def clear_deleted(self) -> None:
        """Finish deletions an interruption left behind."""
        import shutil

        root = profiles_dir(self.data_dir)
        if root.is_dir():
            for leftover in root.glob(f"{DELETING_PREFIX}*"):
                shutil.rmtree(leftover, ignore_errors=True)

    @staticmethod
    def _info(folder: Path, h: VaultHeader) -> ProfileInfo:
        return ProfileInfo(folder, h.label, h.has_passphrase, h.uses_keyring, h.created)
