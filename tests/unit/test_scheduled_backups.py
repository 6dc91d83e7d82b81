"""Scheduled backups: due once a day (or a week), never when off; each one restorable with the passphrase set once;
the newest N of this profile kept, the partner's files left alone; and the day rule across month and year ends."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.core.preferences import Preferences, Schedule, backup_due
from intimacy_desktop.services.backups import BackupService
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.services.scheduled_backups import ScheduledBackups, tag
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore

UTC = dt.UTC


@pytest.mark.parametrize(("schedule", "last", "now", "due"), [
    (Schedule.OFF, None, dt.datetime(2026, 1, 1, tzinfo=UTC), False),
    (Schedule.DAILY, None, dt.datetime(2026, 1, 1, tzinfo=UTC), True),
    (Schedule.DAILY, dt.datetime(2026, 1, 31, 23, 59, tzinfo=UTC), dt.datetime(2026, 2, 1, 0, 1, tzinfo=UTC), True),
    (Schedule.DAILY, dt.datetime(2026, 12, 31, 8, tzinfo=UTC), dt.datetime(2026, 12, 31, 22, tzinfo=UTC), False),
    (Schedule.DAILY, dt.datetime(2026, 12, 31, 8, tzinfo=UTC), dt.datetime(2027, 1, 1, 0, 0, tzinfo=UTC), True),
    (Schedule.WEEKLY, dt.datetime(2026, 12, 28, tzinfo=UTC), dt.datetime(2027, 1, 3, 23, tzinfo=UTC), False),
    (Schedule.WEEKLY, dt.datetime(2026, 12, 28, tzinfo=UTC), dt.datetime(2027, 1, 4, tzinfo=UTC), True),
])
def test_when_a_scheduled_backup_is_due(schedule: Schedule, last: dt.datetime | None, now: dt.datetime,
                                        due: bool) -> None:
    assert backup_due(schedule, last, now) is due


def test_scheduled_backups_rotate_and_restore(profiles: ProfileService, tmp_path: Path) -> None:
    backups = BackupService(profiles, crypto.FAST_TEST_PARAMS)
    scheduled = ScheduledBackups(backups)
    created = profiles.create("Sam", "pw")
    profile = created.profile
    profile.journal.add(EntryFields(title="Kept every day"))
    folder = tmp_path / "auto"
    prefs = replace(Preferences(), backup_schedule=Schedule.DAILY, backup_folder=str(folder), backup_keep=3)
    start = dt.datetime(2026, 12, 28, 9, tzinfo=UTC)
    with pytest.raises(UsageError, match="backup_schedule_no_passphrase"):
        scheduled.run_if_due(profile, prefs, start)
    scheduled.set_passphrase(profile, "the schedule passphrase")
    folder.mkdir()
    partners = folder / "auto-0123456789-20260101-000000.idbackup"
    partners.write_bytes(b"the partner's")
    written = []
    for day in range(6):
        now = start + dt.timedelta(days=day)
        written.append(scheduled.run_if_due(profile, prefs, now))
        assert scheduled.run_if_due(profile, prefs, now + dt.timedelta(hours=2)) is None  # once a day
    profile.close()
    mine = sorted(p.name for p in folder.glob(f"auto-{tag(profile)}-*"))
    assert mine == sorted(p.name for p in written[-3:] if p is not None)  # the newest three
    assert partners.exists()  # another profile's files are not ours to rotate
    store = MemorySecretStore()
    fresh = ProfileService(tmp_path / "fresh", lambda: store, crypto.FAST_TEST_PARAMS)
    last = written[-1]
    assert last is not None and "Sam" not in last.name
    restored = BackupService(fresh, crypto.FAST_TEST_PARAMS).restore(last, "the schedule passphrase",
                                                                     new_passphrase="new pw")
    opened = fresh.unlock(restored.info, "new pw")
    try:
        assert [s.title for s in opened.journal.summaries(EntryFilter())] == ["Kept every day"]
    finally:
        opened.close()
