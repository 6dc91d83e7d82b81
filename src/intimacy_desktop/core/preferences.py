"""A person's own settings, kept inside their encrypted vault (the plaintext QSettings file holds only window
geometry and the last profile folder: who is on the computer, and what they chose, is nobody else's business).

Each is a plain value with a default and a check; front ends show them, services store them as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from intimacy_desktop.core.errors import UsageError

AUTO_LOCK_CHOICES = (1, 5, 15, 30, 0)  # minutes; 0 is "never", offered last and with a warning
DEFAULT_AUTO_LOCK = 5
BACKUP_KEEP_RANGE = range(1, 31)


class Schedule(StrEnum):
    OFF = "off"
    DAILY = "daily"
    WEEKLY = "weekly"


def backup_due(schedule: Schedule, last: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether a scheduled backup should run now: daily once a calendar day, weekly after seven days. Never when
    off; at once when none was ever made."""
    if schedule is Schedule.OFF:
        return False
    if last is None:
        return True
    if schedule is Schedule.DAILY:
        return now.date() > last.date()
    return now - last >= dt.timedelta(days=7)


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Preferences:
    auto_lock_minutes: int | None = None  # None: never chosen, the app's default (5 minutes)
    lock_with_screen: bool = True
    theme: Theme = Theme.SYSTEM
    sounds: bool = True
    language: str = "en"
    backup_keep: int = 7
    backup_schedule: Schedule = Schedule.OFF
    backup_folder: str = ""  # "" is the data folder's own "backups"
    discreet: bool = False  # a neutral window title, task-bar name and icon (core/discreet.py)

    def __post_init__(self) -> None:
        if self.auto_lock_minutes is not None and self.auto_lock_minutes not in AUTO_LOCK_CHOICES:
            raise UsageError("preference_invalid", name="auto_lock_minutes")
        if self.backup_keep not in BACKUP_KEEP_RANGE:
            raise UsageError("preference_invalid", name="backup_keep")
        object.__setattr__(self, "theme", Theme(self.theme))
        object.__setattr__(self, "backup_schedule", Schedule(self.backup_schedule))

    def to_text(self) -> dict[str, str]:
        return {
            "pref.auto_lock_minutes": "" if self.auto_lock_minutes is None else str(self.auto_lock_minutes),
            "pref.lock_with_screen": "1" if self.lock_with_screen else "0",
            "pref.theme": self.theme.value,
            "pref.sounds": "1" if self.sounds else "0",
            "pref.language": self.language,
            "pref.backup_keep": str(self.backup_keep),
            "pref.backup_schedule": self.backup_schedule.value,
            "pref.backup_folder": self.backup_folder,
            "pref.discreet": "1" if self.discreet else "0",
        }

    @property
    def lock_minutes(self) -> int:
        """What the auto-lock is in effect (the default when never chosen)."""
        return DEFAULT_AUTO_LOCK if self.auto_lock_minutes is None else self.auto_lock_minutes

    @classmethod
    def from_text(cls, stored: dict[str, str]) -> Preferences:
        """What was stored, each value falling back to its default when missing or not valid (an older or newer
        version may have written it)."""
        prefs = cls()
        readers: dict[str, Callable[[str], object]] = {
            "auto_lock_minutes": lambda v: int(v) if v else None,
            "lock_with_screen": lambda v: v == "1",
            "theme": Theme,
            "sounds": lambda v: v == "1",
            "language": str,
            "backup_keep": int,
            "backup_schedule": Schedule,
            "backup_folder": str,
            "discreet": lambda v: v == "1",
        }
        for name, read in readers.items():
            raw = stored.get(f"pref.{name}")
            if raw is None:
                continue
            try:
                changed: dict[str, Any] = {name: read(raw)}
                prefs = replace(prefs, **changed)
            except (ValueError, UsageError):
                continue
        return prefs
