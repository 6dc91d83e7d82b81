"""A full disk: the failing write is refused with a clear message, and every entry saved before it survives.

Needs a small filesystem to fill: a 1 MiB tmpfs, mounted when the tests run as root (./run-tests in CI does).
"""

from __future__ import annotations

import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from intimacy_desktop.core.errors import DiskFull
from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.services.journal import JournalService
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.device_secret import MemorySecretStore


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=False)


def _write_until_full(journal: JournalService) -> tuple[list[str], DiskFull]:
    saved: list[str] = []
    for i in range(2_000):
        title = f"entry {i}"
        try:
            journal.add(EntryFields(title=title, body=secrets.token_hex(1500)))
        except DiskFull as full:
            return saved, full
        saved.append(title)
    raise AssertionError("2,000 entries fitted on a 1 MiB disk?")


def test_full_disk_refuses_the_write_and_keeps_every_saved_entry(small_disk: Path) -> None:
    store = MemorySecretStore()
    service = ProfileService(small_disk / "data", lambda: store, FAST_TEST_PARAMS)
    profile = service.create("Full", "pw").profile
    saved, full = _write_until_full(profile.journal)
    assert full.exit_code == 5
    assert "disk is full" in full.message
    assert len(saved) > 10
    assert profile.journal.count() == len(saved)  # reading goes on
    profile.close()

    reopened = service.unlock(service.list_profiles()[0], "pw")
    titles = [s.title for s in reopened.journal.summaries(limit=5_000)]
    assert sorted(titles) == sorted(saved)
    reopened.close()
