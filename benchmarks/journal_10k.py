"""Journal at 10,000 entries: add, search, open list, unlock, RSS. Prints figures; asserts nothing.

Targets (DESIGN.md §7): search ≤ 20 ms, open list ≤ 100 ms, add ≤ 30 ms, RSS ≤ 150 MB with 10,000 entries open.
Run: .venv/bin/python benchmarks/journal_10k.py [--entries N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from intimacy_desktop.core.journal import EntryFields, EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.journal_repo import JournalRepository

PAGE_SIZE = 100  # gui/journal/list_model.py fetches this many rows at a time (not imported: no Qt here)

WORDS = """
we talked walked laughed listened kitchen dinner phones basket evening morning coffee tired grateful
argument apology repair hug bedtime weekend garden rain river kids work money plans holiday
question answer dream worry hope touch slow quiet music dance cooked together alone missed
noticed thanked honest hard gentle surprised bids turned toward away love maps ritual check-in
weather stormy sunny
""".split()


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    """Common words plus a long tail of rarer ones, as in real writing (Zipf-like frequencies)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    tail = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(size)]
    return WORDS + tail


def body(rng: random.Random, vocab: list[str], n: int = 120) -> str:
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    return " ".join(rng.choices(vocab, weights=weights, k=n)).capitalize() + "."


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ms(samples: list[float]) -> str:
    p95 = sorted(samples)[int(len(samples) * 0.95)]
    return f"median {statistics.median(samples) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    n = ap.parse_args().entries
    rng = random.Random(7)
    vocab = vocabulary(rng)
    tmp = Path(tempfile.mkdtemp(prefix="bench-journal-"))
    service = ProfileService(tmp, MemorySecretStore, FAST_TEST_PARAMS)
    created = service.create("Bench", "pw", passphrase_only=True)
    db = created.profile._db
    assert db is not None
    t0 = time.perf_counter()
    start = dt.date(2000, 1, 1)
    with db.session() as s:
        repo = JournalRepository(s)
        for i in range(n):
            repo.add(EntryFields(
                title=f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} {i}", body=body(rng, vocab),
                entry_date=start + dt.timedelta(days=i % 9000), mood=rng.randint(1, 5),
                layer=rng.choice(list(Layer)), kind=rng.choice(list(Kind)),
                tags=tuple(rng.sample(["walk", "dinner", "kids", "repair", "phones", "date-night"], 2)),
            ))
    print(f"filled {n} entries in {time.perf_counter() - t0:.1f} s; db {db.path.stat().st_size / 1e6:.1f} MB")
    created.profile.close()

    info = service.find("Bench")
    t0 = time.perf_counter()
    profile = service.unlock(info, "pw")
    print(f"unlock (fast KDF) + integrity check + open: {(time.perf_counter() - t0) * 1000:.0f} ms")
    journal = profile.journal

    opens = []
    for _ in range(20):
        t0 = time.perf_counter()
        journal.count()
        journal.summaries(EntryFilter(), 0, PAGE_SIZE)
        opens.append(time.perf_counter() - t0)
    print(f"open list (count + first {PAGE_SIZE} rows): {ms(opens)}   target ≤ 100 ms")

    searches, searches200, counts = [], [], []
    # Words of every frequency: the most common ones match most entries, the rare ones a handful.
    for word in rng.sample(WORDS, 10) + rng.sample(vocab[len(WORDS):len(WORDS) + 300], 15) + rng.sample(vocab, 15):
        t0 = time.perf_counter()
        journal.summaries(EntryFilter(text=word[:4]), 0, PAGE_SIZE)
        searches.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        journal.summaries(EntryFilter(text=word[:4]), 0, 200)
        searches200.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        journal.count(EntryFilter(text=word[:4]))
        counts.append(time.perf_counter() - t0)
    print(f"search (first page = {PAGE_SIZE} highlighted results, as the list fetches): {ms(searches)}"
          "   target ≤ 20 ms")
    print(f"search (200 highlighted results): {ms(searches200)}")
    print(f"search result count (shown beside the list): {ms(counts)}")

    filtered = []
    for mood in range(1, 6):
        flt = EntryFilter(text="river", mood=mood, tag="walk", date_from=dt.date(2005, 1, 1))
        t0 = time.perf_counter()
        journal.summaries(flt, 0, 200)
        filtered.append(time.perf_counter() - t0)
    print(f"search + tag + mood + date filters: {ms(filtered)}")

    adds = []
    for i in range(50):
        t0 = time.perf_counter()
        journal.add(EntryFields(title=f"new {i}", body=body(rng, vocab), mood=3, tags=("walk",)))
        adds.append(time.perf_counter() - t0)
    print(f"add (one durable commit each): {ms(adds)}   target ≤ 30 ms")

    t0 = time.perf_counter()
    rows = []
    while batch := journal.summaries(EntryFilter(), len(rows), 1000):
        rows.extend(batch)
    print(f"all {len(rows)} summaries fetched in {(time.perf_counter() - t0) * 1000:.0f} ms; RSS {rss_mb():.0f} MB"
          "   target ≤ 150 MB")
    profile.close()


if __name__ == "__main__":
    main()
