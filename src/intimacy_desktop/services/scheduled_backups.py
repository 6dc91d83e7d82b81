"""Scheduled backups: written without asking, kept to the newest N, each checked after writing.

Asking for the backup passphrase every day would make the schedule useless, and keeping the passphrase would be
worse, so the derived key (Argon2id output, its salt and parameters) is kept instead, inside the profile's encrypted
settings: it opens this profile's scheduled backups and nothing else, and whoever could read it could already read
the profile. The files are named ``auto-<tag>-<UTC time>.idbackup``; the tag comes from the vault's id, so two
partners' schedules can share a folder without either rotating away the other's files, and no name is in it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.input_rules import check_new_passphrase
from intimacy_desktop.core.preferences import Preferences, backup_due
from intimacy_desktop.services.backups import SUFFIX, BackupService
from intimacy_desktop.storage import backup_stream as bs
from intimacy_desktop.storage.fsutil import ensure_private_dir
from intimacy_desktop.storage.kdf_params import SALT_BYTES, KdfParams
from intimacy_desktop.storage.settings_repo import SettingsRepository

if TYPE_CHECKING:
    from intimacy_desktop.services.unlocked import UnlockedProfile

KEY = "backup.scheduled_key"
LAST = "backup.last_scheduled"
DEFAULT_FOLDER = "backups"


def folder_for(prefs: Preferences, data_dir: Path) -> Path:
    return Path(prefs.backup_folder).expanduser() if prefs.backup_folder else data_dir / DEFAULT_FOLDER


def tag(profile: UnlockedProfile) -> str:
    return hashlib.sha256(b"scheduled/" + profile.header.vault_id.encode()).hexdigest()[:10]


class ScheduledBackups:
    def __init__(self, backups: BackupService) -> None:
        self._backups = backups

    def set_passphrase(self, profile: UnlockedProfile, passphrase: str) -> None:
        """Derive the key the schedule will use (about a second) and keep it in the profile's settings."""
        from intimacy_desktop.storage import crypto

        check_new_passphrase(passphrase)
        kdf = self._backups.kdf or crypto.calibrate()
        salt = secrets.token_bytes(SALT_BYTES)
        key = bs.passphrase_key(passphrase, kdf, salt)
        body = json.dumps({"kdf": kdf.as_json(), "salt": salt.hex(), "key": key.hex()})
        with profile.settings_session() as tx:
            SettingsRepository(tx).put(KEY, body)

    def has_passphrase(self, profile: UnlockedProfile) -> bool:
        with profile.settings_session() as tx:
            return SettingsRepository(tx).get(KEY) is not None

    def run_if_due(self, profile: UnlockedProfile, prefs: Preferences, now: dt.datetime | None = None) -> Path | None:
        """Write one scheduled backup when the schedule says so; returns its path, or None when none was due."""
        now = now or dt.datetime.now(dt.UTC)
        with profile.settings_session() as tx:
            repo = SettingsRepository(tx)
            stored, last_text = repo.get(KEY), repo.get(LAST)
        last = dt.datetime.fromisoformat(last_text) if last_text else None
        if not backup_due(prefs.backup_schedule, last, now):
            return None
        if stored is None:
            raise UsageError("backup_schedule_no_passphrase")
        body = json.loads(stored)
        kdf = KdfParams.from_json(body["kdf"])
        key = bytearray(bytes.fromhex(body["key"]))
        folder = folder_for(prefs, self._backups.data_dir)
        ensure_private_dir(folder, allow_link=True)
        out = folder / f"auto-{tag(profile)}-{now.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
        self._backups.create(out, "", profile, pass_key=(kdf, bytes.fromhex(body["salt"]), key))
        with profile.settings_session() as tx:
            SettingsRepository(tx).put(LAST, now.isoformat(timespec="seconds"))
        self.rotate(profile, folder, prefs.backup_keep)
        return out

    @staticmethod
    def rotate(profile: UnlockedProfile, folder: Path, keep: int) -> list[Path]:
        """Delete this profile's scheduled backups beyond the newest ``keep``; returns what was deleted."""
        mine = sorted((p for p in folder.glob(f"auto-{tag(profile)}-*{SUFFIX}") if p.is_file() and not p.is_symlink()),
                      key=lambda p: p.name, reverse=True)
        for old in mine[keep:]:
            old.unlink()
        return mine[keep:]
