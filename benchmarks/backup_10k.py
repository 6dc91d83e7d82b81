"""Backup and restore at 10,000 entries: write (snapshot, encrypt, read back and check), verify, restore.

Prints figures; asserts nothing. The backup passphrase uses the real calibrated Argon2id (about a second here), so
the figures are what a person waits; the profile itself uses fast test parameters (its unlock is not measured).
Run: .venv/bin/python benchmarks/backup_10k.py [--entries N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from journal_10k import body, vocabulary

from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.services.backups import BackupService
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.journal_repo import JournalRepository


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    n = parser.parse_args().entries
    rng = random.Random(7)
    vocab = vocabulary(rng)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        store = MemorySecretStore()
        profiles = ProfileService(root / "data", lambda: store, crypto.FAST_TEST_PARAMS)
        created = profiles.create("Bench", "pw")
        profile = created.profile
        with profile.journal._db.session() as tx:  # bulk seed in one transaction
            repo = JournalRepository(tx)
            for i in range(n):
                repo.add(EntryFields(title=f"Entry {i}", body=body(rng, vocab),
                                     entry_date=dt.date(2024, 1, 1) + dt.timedelta(days=i % 730)))
        kdf = crypto.calibrate()
        backups = BackupService(profiles, kdf)
        out = root / "bench.idbackup"
        started = time.perf_counter()
        backups.create(out, "backup passphrase", profile)
        create_s = time.perf_counter() - started
        db_mb = (profile.info.folder / "journal.db").stat().st_size / 1e6
        file_mb = out.stat().st_size / 1e6
        profile.close()

        started = time.perf_counter()
        backups.verify(out, "backup passphrase")
        verify_s = time.perf_counter() - started

        fresh_store = MemorySecretStore()
        fresh = ProfileService(root / "fresh", lambda: fresh_store, crypto.FAST_TEST_PARAMS)
        started = time.perf_counter()
        BackupService(fresh, kdf).restore(out, "backup passphrase", new_passphrase="new")
        restore_s = time.perf_counter() - started

    kdf_s = _kdf_seconds(kdf)
    print(f"entries: {n}, database {db_mb:.1f} MB, backup file {file_mb:.1f} MB")
    print(f"backup passphrase Argon2id: {kdf_s * 1000:.0f} ms (t={kdf.time_cost}, m={kdf.memory_kib // 1024} MiB)")
    print(f"backup create (snapshot, encrypt, read back and check): {create_s * 1000:.0f} ms")
    print(f"backup verify: {verify_s * 1000:.0f} ms")
    print(f"restore onto an empty keyring (the backup's key, extract, re-encrypt under a new key; the new "
          f"profile's own passphrase uses test parameters): {restore_s * 1000:.0f} ms")


def _kdf_seconds(kdf: crypto.KdfParams) -> float:
    started = time.perf_counter()
    crypto.argon2id("x", b"\0" * 16, kdf)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
