"""kill -9 during a backup and during a restore (issue 12), 50 runs each at random moments: the profile always opens
with every entry; a backup file is either absent or complete and checked; a restored profile is either not listed
at all or complete; no plaintext reaches the disk on the way."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from intimacy_desktop.core.errors import KeyringUnavailable
from intimacy_desktop.core.guess_delay import GuessPolicy
from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.services.backups import BackupService
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")]

CRASHER = Path(__file__).resolve().parents[1] / "support" / "backup_crasher.py"
PASSPHRASE = "crash passphrase"
BACKUP_PASSPHRASE = "backup passphrase"
LABEL = "Kept safe"
CANARY = "okapi-canary-9051"
SEED = 2000
RUNS = 50
BUDGET_SECONDS = 75


def _no_keyring() -> object:
    raise KeyringUnavailable()


def _service(data_dir: Path) -> ProfileService:
    return ProfileService(data_dir, _no_keyring, FAST_TEST_PARAMS,  # type: ignore[arg-type]
                          guess_policy=GuessPolicy(free=1_000_000))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("kill9-backup") / "data"
    created = _service(data_dir).create(LABEL, PASSPHRASE, passphrase_only=True)
    for i in range(SEED):
        created.profile.journal.add(EntryFields(title=f"seed {i} {CANARY}", body=f"{CANARY} an evening walk " * 20,
                                                entry_date=dt.date(2025, 1, 1)))
    created.profile.close()
    return data_dir


def _kill_at_random(args: list[str], delay: float) -> bool:
    """Run the child, kill it ``delay`` seconds after READY; True when it finished first."""
    proc = subprocess.Popen([sys.executable, str(CRASHER), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        ready = proc.stdout.readline()  # type: ignore[union-attr]
        if ready != b"READY\n":
            proc.kill()
            _, err = proc.communicate()
            pytest.fail(f"the child did not start: {ready!r} {err.decode()[-2000:]}")
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    finally:
        watchdog.cancel()
    if proc.returncode not in (-signal.SIGKILL, 0):
        pytest.fail(f"the child failed (rc {proc.returncode}): {err.decode()[-2000:]}")
    return b"DONE\n" in out


def _count(service: ProfileService, label: str) -> int:
    profile = service.unlock(service.find(label), PASSPHRASE)
    try:
        return len(profile.journal.summaries(EntryFilter(), limit=1_000_000))
    finally:
        profile.close()


def _no_plaintext(*folders: Path) -> None:
    needle = CANARY.encode()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                assert needle not in path.read_bytes(), f"plaintext in {path.relative_to(folder)}"


def _timed(work: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, str(CRASHER), *work], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return time.perf_counter() - started


def test_kill9_during_backup_leaves_no_partial_file_and_the_profile_whole(seeded: Path, tmp_path: Path) -> None:
    service = _service(seeded)
    out_dir = tmp_path / "backups"
    out_dir.mkdir()
    took = _timed(["backup", str(seeded), LABEL, str(out_dir / "measure.idbackup")])
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    started, runs, finished = time.monotonic(), 0, 0
    for run in range(RUNS):
        if time.monotonic() - started > BUDGET_SECONDS:
            break
        out = out_dir / "nightly.idbackup"
        done = _kill_at_random(["backup", str(seeded), LABEL, str(out)], rng.uniform(0.0, took * 0.5))
        if done:
            assert out.exists(), f"run {run} (seed {seed}): reported done, no file"
        if out.exists():  # there at all means complete and checked
            manifest = BackupService(service, FAST_TEST_PARAMS).verify(out, BACKUP_PASSPHRASE)
            assert manifest.items[0].entries == SEED, f"run {run} (seed {seed})"
            out.unlink()
            finished += 1
        assert _count(service, LABEL) == SEED, f"run {run} (seed {seed}): the profile lost entries"
        assert len(list(out_dir.glob(".*.tmp"))) <= 1, "temporary files pile up"  # the next backup clears them
        runs += 1
    assert runs >= 10
    _no_plaintext(seeded, out_dir)
    print(f"kill -9 during backup: {runs} runs, {finished} finished first, backup of {SEED} entries "
          f"{took * 1000:.0f} ms (with start-up), seed {seed}")


def test_kill9_during_restore_leaves_no_partial_profile(seeded: Path, tmp_path: Path) -> None:
    service = _service(seeded)
    source = tmp_path / "source.idbackup"
    profile = service.unlock(service.find(LABEL), PASSPHRASE)
    try:
        BackupService(service, FAST_TEST_PARAMS).create(source, BACKUP_PASSPHRASE, profile)
    finally:
        profile.close()
    target = tmp_path / "target"
    took = _timed(["restore", str(target), str(source), "Measured"])
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    started, runs, restored = time.monotonic(), 0, 1
    target_service = _service(target)
    for run in range(RUNS):
        if time.monotonic() - started > BUDGET_SECONDS:
            break
        name = f"Restored {run}"
        done = _kill_at_random(["restore", str(target), str(source), name], rng.uniform(0.0, took * 0.9))
        labels = [p.label for p in target_service.list_profiles()]
        assert not any(p.damaged for p in target_service.list_profiles()), f"run {run} (seed {seed})"
        if done:
            assert name in labels, f"run {run} (seed {seed}): reported done, not listed"
        if name in labels:  # listed at all means complete: it opens with every entry
            assert _count(target_service, name) == SEED, f"run {run} (seed {seed})"
            restored += 1
        assert len(labels) == restored, f"run {run} (seed {seed}): {labels}"
        runs += 1
    assert runs >= 10
    assert _count(service, LABEL) == SEED
    _no_plaintext(target)
    print(f"kill -9 during restore: {runs} runs, {restored - 1} finished first, restore of {SEED} entries "
          f"{took * 1000:.0f} ms (with start-up), seed {seed}")


def test_kill9_during_import_adds_all_or_nothing(seeded: Path, tmp_path: Path) -> None:
    service = _service(seeded)
    notes = tmp_path / "notes"
    notes.mkdir()
    n_notes = 1500
    for i in range(n_notes):
        (notes / f"2023-01-{i % 28 + 1:02d}-note-{i}.md").write_text(f"# Imported note {i}\n\n{CANARY} " * 3,
                                                                   encoding="utf-8")
    before = _count(service, LABEL)
    took = _timed(["import", str(seeded), LABEL, str(notes)])
    assert _count(service, LABEL) == before + n_notes
    _remove_imported(service)
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    started, runs, finished = time.monotonic(), 0, 0
    for run in range(RUNS):
        if time.monotonic() - started > BUDGET_SECONDS:
            break
        done = _kill_at_random(["import", str(seeded), LABEL, str(notes)], rng.uniform(0.0, took * 0.8))
        count = _count(service, LABEL)
        assert count in (before, before + n_notes), f"run {run} (seed {seed}): a partial import ({count - before})"
        if done:
            assert count == before + n_notes, f"run {run} (seed {seed}): reported done, not all there"
        if count != before:
            finished += 1
            _remove_imported(service)
        runs += 1
    assert runs >= 10
    print(f"kill -9 during import: {runs} runs, {finished} finished first, import of {n_notes} notes "
          f"{took * 1000:.0f} ms (with start-up), seed {seed}")


def _remove_imported(service: ProfileService) -> None:
    profile = service.unlock(service.find(LABEL), PASSPHRASE)
    try:
        for row in profile.journal.summaries(EntryFilter(text="Imported"), limit=1_000_000):
            profile.journal.purge(row.id)
    finally:
        profile.close()
