"""Re-key at 10,000 and 50,000 entries: the new key's copy of the database, checked, made durable, renamed in.

What a passphrase change, a recovery or a new recovery code costs besides Argon2 (issue 8). Prints figures; asserts
nothing. Run: .venv/bin/python benchmarks/rekey.py [--entries 10000 50000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from journal_10k import WORDS, body, vocabulary

from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.journal_repo import JournalRepository

PASSPHRASES = ("first passphrase", "second passphrase")


def fill(service: ProfileService, n: int) -> Path:
    rng = random.Random(11)
    vocab = vocabulary(rng)
    created = service.create("Bench", PASSPHRASES[0], passphrase_only=True)
    db = created.profile._db
    assert db is not None
    with db.session() as s:
        repo = JournalRepository(s)
        for i in range(n):
            repo.add(EntryFields(title=f"{rng.choice(WORDS).title()} {i}", body=body(rng, vocab),
                                 entry_date=dt.date(2000, 1, 1) + dt.timedelta(days=i % 9000)))
    created.profile.close()
    return created.profile.info.folder


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, nargs="+", default=[10_000, 50_000])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    for n in args.entries:
        tmp = Path(tempfile.mkdtemp(prefix="bench-rekey-"))
        try:
            service = ProfileService(tmp, MemorySecretStore, FAST_TEST_PARAMS)
            folder = fill(service, n)
            size = (folder / "journal.db").stat().st_size / 1e6
            times = []
            current = 0
            for _ in range(args.runs):
                profile = service.unlock(service.find("Bench"), PASSPHRASES[current])
                t0 = time.perf_counter()
                service.change_passphrase(profile, PASSPHRASES[current], PASSPHRASES[1 - current])
                times.append(time.perf_counter() - t0)
                profile.close()
                current = 1 - current
            print(f"re-key at {n:>6} entries ({size:.0f} MB): median {statistics.median(times):.2f} s "
                  f"(runs: {', '.join(f'{t:.2f}' for t in times)}; fast KDF, so almost all of it is the copy)")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
