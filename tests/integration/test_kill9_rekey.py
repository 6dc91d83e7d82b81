"""kill -9 during a re-key (issue 8): at every moment the old passphrase or the new one opens the profile, never
neither and never both, and no acknowledged entry is lost.

One passphrase-only profile with a few thousand entries (so that the copy takes a while) goes through 50 runs of
"add an entry, change the passphrase", each killed at a random moment: during the add, the copy, the header's
replacement or the rename after it, or after the change finished.
"""

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

from intimacy_desktop.core.errors import AppError, KeyringUnavailable, WrongPassphrase
from intimacy_desktop.core.guess_delay import GuessPolicy
from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.rekey import NEXT_NAME

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")]

SUPPORT = Path(__file__).resolve().parents[1] / "support"
CRASHER = SUPPORT / "rekey_crasher.py"
LABEL = "Re-key target"
PASSPHRASES = ("first passphrase", "second passphrase")
RUNS = 50
SEED_ENTRIES = 3000
BUDGET_SECONDS = 80


def _no_keyring() -> object:
    raise KeyringUnavailable()


def _service(data_dir: Path) -> ProfileService:
    return ProfileService(data_dir, _no_keyring, FAST_TEST_PARAMS,  # type: ignore[arg-type]
                          guess_policy=GuessPolicy(free=1_000_000))


def _open_with_either(service: ProfileService) -> tuple[UnlockedProfile, str]:
    """Exactly one of the two passphrases opens the profile."""
    opened: list[tuple[UnlockedProfile, str]] = []
    for passphrase in PASSPHRASES:
        try:
            opened.append((service.unlock(service.find(LABEL), passphrase), passphrase))
        except WrongPassphrase:
            continue
        if len(opened) == 1:
            break  # the other one is not tried while this holds the profile open
    assert len(opened) == 1, "neither passphrase opens the profile"
    return opened[0]


def _run_once(data_dir: Path, run: int, kill_after: float) -> tuple[list[tuple[int, str]], bool]:
    proc = subprocess.Popen([sys.executable, str(CRASHER), str(data_dir), LABEL, str(run)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        ready = proc.stdout.readline()  # type: ignore[union-attr]
        if ready != b"READY\n":
            proc.kill()
            _, err = proc.communicate()
            pytest.fail(f"run {run}: the child did not unlock: {ready!r} {err.decode()[-2000:]}")
        time.sleep(kill_after)
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    finally:
        watchdog.cancel()
    if proc.returncode not in (-signal.SIGKILL, 0):
        pytest.fail(f"run {run}: the child failed (rc {proc.returncode}): {err.decode()[-2000:]}")
    lines = [line for line in out.decode().splitlines(keepends=True) if line.endswith("\n")]
    acks = [(int(p[1]), p[2]) for p in (line.split() for line in lines) if len(p) == 3 and p[0] == "ACK"]
    return acks, "REKEYED\n" in lines


def test_kill9_during_a_re_key_loses_nothing_and_one_passphrase_always_opens(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    service = _service(data_dir)
    created = service.create(LABEL, PASSPHRASES[0], passphrase_only=True)
    for i in range(SEED_ENTRIES):
        created.profile.journal.add(EntryFields(title=f"seed {i}", body="a quiet evening walk " * 20,
                                                entry_date=dt.date(2025, 1, 1)))
    created.profile.close()

    # How long one re-key takes here, so the kills spread over all of it.
    profile = service.unlock(service.find(LABEL), PASSPHRASES[0])
    started = time.perf_counter()
    service.change_passphrase(profile, PASSPHRASES[0], PASSPHRASES[1])
    rekey_s = time.perf_counter() - started
    profile.close()

    seed = random.randrange(2**32)
    rng = random.Random(seed)
    acknowledged: dict[int, str] = {}
    outcomes = {"before": 0, "after": 0}
    current = PASSPHRASES[1]  # after the measuring change above
    started = time.monotonic()
    runs = 0
    for run in range(RUNS):
        if time.monotonic() - started > BUDGET_SECONDS:
            break
        acks, finished = _run_once(data_dir, run, rng.uniform(0.0, 0.05 + 1.5 * rekey_s))
        acknowledged.update(acks)
        profile, passphrase = _open_with_either(service)
        try:
            titles = {s.id: s.title for s in profile.journal.summaries(EntryFilter(), limit=1_000_000)}
            missing = {i: t for i, t in acknowledged.items() if titles.get(i) != t}
            assert not missing, f"run {run}: lost acknowledged entries (seed {seed}): {missing}"
            assert sum(t.startswith("seed ") for t in titles.values()) == SEED_ENTRIES, f"run {run}, seed {seed}"
            if finished:  # a change that returned is a change made
                assert passphrase == _other(current), f"run {run}: the finished change did not hold (seed {seed})"
            current = passphrase
        finally:
            profile.close()
        assert not (profile.info.folder / NEXT_NAME).exists(), f"run {run}: an unfinished copy left behind"
        outcomes["after" if finished else "before"] += 1
        runs += 1

    assert runs >= 10, f"only {runs} runs fitted in the time budget"
    print(f"kill -9 during re-key: {runs} runs, re-key of {SEED_ENTRIES} entries {rekey_s * 1000:.0f} ms, "
          f"{len(acknowledged)} acknowledged entries kept, {outcomes['after']} runs finished before the kill, "
          f"seed {seed}")


def _other(passphrase: str) -> str:
    return PASSPHRASES[1 - PASSPHRASES.index(passphrase)]


def test_the_unfinished_copy_of_a_killed_re_key_is_never_opened_by_the_old_header_alone(tmp_path: Path) -> None:
    """A copy under the new key is of no use without the new header: it is removed, not trusted."""
    service = _service(tmp_path / "data")
    created = service.create(LABEL, PASSPHRASES[0], passphrase_only=True)
    created.profile.close()
    folder = created.profile.info.folder
    (folder / NEXT_NAME).write_bytes(os.urandom(8192))
    profile = service.unlock(service.find(LABEL), PASSPHRASES[0])
    profile.close()
    assert not (folder / NEXT_NAME).exists()
    with pytest.raises(AppError):
        service.unlock(service.find(LABEL), PASSPHRASES[1])
