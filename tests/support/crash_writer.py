"""Child process for tests/integration/test_kill9.py: unlock a profile and add entries until it is killed.

    python crash_writer.py <data_dir> <profile label> [run tag]

The profile is passphrase-only (a MemorySecretStore cannot cross processes) with passphrase ``pw``. After unlocking
it prints ``READY``; after every add that has returned (committed, synchronous=FULL) it prints ``ACK <id> <title>``
and flushes, so the parent knows exactly which entries were acknowledged when it sends SIGKILL.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

PASSPHRASE = os.environ.get("CRASH_WRITER_PASSPHRASE", "pw")  # a CLI-made profile needs 8 characters or more
WORDS = ("tender", "quiet", "argument", "laughter", "walk", "rain", "kitchen", "letter", "morning", "späť", "café")


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print("usage: crash_writer.py <data_dir> <profile label> [run tag]", file=sys.stderr)
        return 2
    data_dir, label = Path(argv[1]), argv[2]
    run = argv[3] if len(argv) > 3 else "0"

    from intimacy_desktop.core.errors import KeyringUnavailable
    from intimacy_desktop.core.journal import EntryFields
    from intimacy_desktop.services.profiles import ProfileService
    from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS

    def no_keyring() -> object:
        raise KeyringUnavailable()

    service = ProfileService(data_dir, no_keyring, FAST_TEST_PARAMS)  # type: ignore[arg-type]
    profile = service.unlock(service.find(label), PASSPHRASE)
    print("READY", flush=True)
    rng = random.Random(f"{run}")
    i = 0
    while True:
        title = f"r{run}-e{i}"
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 600)))
        entry = profile.journal.add(EntryFields(title=title, body=body, mood=rng.randint(1, 5), tags=(f"run{run}",)))
        sys.stdout.write(f"ACK {entry.id} {title}\n")
        sys.stdout.flush()
        if i % 7 == 3:  # other kinds of write in between, so kills land in them too
            profile.journal.save_draft(None, EntryFields(title=f"draft {i}", body=body[:200]))
        if i % 11 == 5:
            profile.journal.update(entry.id, EntryFields(title=title, body=body + " edited", tags=(f"run{run}",)))
        i += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
