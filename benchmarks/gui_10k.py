"""The real window over a 10,000-entry journal: unlock to list, search through the filter field, memory.

Target (DESIGN.md §7): ≤ 150 MB RSS with 10,000 entries open. Prints figures; asserts nothing.
Run: .venv/bin/python benchmarks/gui_10k.py [--entries 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from intimacy_desktop.app import PAGES
from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.gui.application import make_application
from intimacy_desktop.gui.main_window import MainWindow
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.journal_repo import JournalRepository

WORDS = "we talked walked laughed listened dinner phones evening coffee repair hug garden river kids plans".split()


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmRSS:"))


def wait(app: QApplication, done: object, limit: float = 60) -> float:
    start = time.perf_counter()
    while not done():  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - start > limit:
            raise SystemExit("timed out")
    return time.perf_counter() - start


def fill(data_dir: Path, n: int) -> None:
    rng = random.Random(3)
    service = ProfileService(data_dir, MemorySecretStore, FAST_TEST_PARAMS)
    created = service.create("Bench", "pw", passphrase_only=True)
    db = created.profile._db
    assert db is not None
    start = dt.date(2000, 1, 1)
    with db.session() as s:
        repo = JournalRepository(s)
        for i in range(n):
            body = " ".join(rng.choice(WORDS) for _ in range(120))
            day = start + dt.timedelta(i % 9000)
            repo.add(EntryFields(title=f"Evening {i}", body=body, entry_date=day, mood=rng.randint(1, 5)))
    created.profile.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--fill", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args()
    n = args.entries
    if args.fill:
        fill(Path(args.fill), n)
        return
    data_dir = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    # Filling happens in another process, so the figures below are those of a person opening their journal.
    subprocess.run([sys.executable, __file__, "--fill", str(data_dir), "--entries", str(n)], check=True)
    service = ProfileService(data_dir, MemorySecretStore, FAST_TEST_PARAMS)

    app = make_application(["bench"])
    print(f"RSS before the window: {rss_mb():.0f} MB")
    window = MainWindow(service, pages=PAGES)
    window.resize(1200, 780)
    window.show()
    window.unlock_page.ui.passphraseEdit.setText("pw")
    window.unlock_page.ui.unlockButton.click()
    ops = None

    def journal_shown() -> bool:
        nonlocal ops
        ctx = window.locks.ctx
        ops = ctx.ops if ctx is not None else None
        return window.page("journal") is not None and ops is not None and not ops.busy

    took = wait(app, journal_shown)
    window.show_page("journal")
    page: Any = window.page("journal")
    assert page is not None and ops is not None
    app.processEvents()
    print(f"unlock click to journal page ({n} entries, fast KDF): {took * 1000:.0f} ms; RSS {rss_mb():.0f} MB")
    start = time.perf_counter()
    page.filters.search.setText("garden repai")
    page.filters._debounce.stop()
    page.refresh()  # read on the profile's worker thread, shown when it lands
    wait(app, lambda: not ops.busy)
    print(f"search through the GUI (query operation: count + first page + tags + calendar, then the model reset): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms, {page.model.total} matches")
    page.filters.clear()
    page.filters._debounce.stop()
    page.refresh()
    wait(app, lambda: not ops.busy and page.model.total == n)
    start = time.perf_counter()
    while page.model.canFetchMore(QModelIndex()):
        page.model.fetchMore(QModelIndex())
    page.list.scrollToBottom()
    app.processEvents()
    print(f"every row fetched and scrolled to the end: {(time.perf_counter() - start) * 1000:.0f} ms; "
          f"RSS {rss_mb():.0f} MB   target ≤ 150 MB")
    window.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
