"""Insight queries at 10,000 entries and two years of daily data (issue 13's bar: under 100 ms each).

Seeds one profile with 10,000 journal entries (moods, layers, kinds) over two years, a check-in, a talk and three
habit ticks on every day, and 40 self-assessment results; then times each figure the Insights page asks for, as
the page asks for it (one InsightsService call, through the encrypted database). Prints figures; asserts nothing.
Run: .venv/bin/python benchmarks/insights_10k.py [--entries N] [--days D]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from journal_10k import body, vocabulary

from intimacy_desktop.core.insights import Range
from intimacy_desktop.core.journal import EntryFields, Kind
from intimacy_desktop.core.layers import LAYERS, Layer
from intimacy_desktop.core.rhythm import HABIT_IDS, CheckIn
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.conversation_repo import ConversationRepository
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.journal_repo import JournalRepository
from intimacy_desktop.storage.practice_repo import PracticeRepository
from intimacy_desktop.storage.rhythm_repo import RhythmRepository


def seed(profile: object, n: int, days: int, today: dt.date) -> None:
    rng = random.Random(13)
    vocab = vocabulary(rng)
    kinds = (Kind.ENTRY, Kind.ENTRY, Kind.HIGH, Kind.LOW, Kind.REFLECTION, Kind.GRATITUDE)
    db = profile.journal._db  # type: ignore[attr-defined]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with db.session() as tx:  # bulk, in one transaction
        repo = JournalRepository(tx)
        for i in range(n):
            repo.add(EntryFields(title=f"Entry {i}", body=body(rng, vocab, 60),
                                 entry_date=today - dt.timedelta(days=i % days), mood=rng.choice((None, 1, 2, 3, 4, 5)),
                                 layer=rng.choice((Layer.NONE, *LAYERS)), kind=rng.choice(kinds)))
        rhythm, talks, practice = RhythmRepository(tx), ConversationRepository(tx), PracticeRepository(tx)
        for back in range(days):
            day = today - dt.timedelta(days=back)
            rhythm.put_checkin(CheckIn(day, rng.randint(1, 5), (), ""), now)
            for habit in rng.sample(HABIT_IDS, 3):
                rhythm.set_tick(habit, day, True)
            session = talks.add(started_at=now, day=day, preset="daily", planned_s=600.0,
                                layer=rng.choice(LAYERS).value, depth=None, turn_s=None)
            tx.run("UPDATE conversation_sessions SET actual_s = :s, status = 'finished' WHERE id = :i",
                   {"s": float(rng.randint(0, 1800)), "i": session})
        for i in range(40):
            practice.add_result("intimacy-growth-scorecard", {}, float(rng.randint(0, 10)),
                                now - dt.timedelta(days=i * 15), partner="", reveal="")


def timed(call: Callable[[], object], runs: int = 7) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=730)
    args = parser.parse_args()
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as tmp:
        store = MemorySecretStore()
        profiles = ProfileService(Path(tmp) / "data", lambda: store, FAST_TEST_PARAMS)
        profile = profiles.create("Bench", "a long passphrase").profile
        started = time.perf_counter()
        seed(profile, args.entries, args.days, today)
        print(f"seeded {args.entries} entries and {args.days} days in {time.perf_counter() - started:.1f} s")
        insights = profile.insights
        calls: dict[str, Callable[[], object]] = {
            f"overview, {span.value}": (lambda s=span: insights.overview(s, today)) for span in Range}
        calls["month review"] = lambda: insights.month(today.year, today.month)
        for name, call in calls.items():
            median, worst = timed(call)
            print(f"{name:<20} median {median:6.1f} ms   worst {worst:6.1f} ms")
        profile.close()


if __name__ == "__main__":
    main()
