"""Child process for tests/integration/test_kill9_rekey.py: write one entry, then re-key, until it is killed.

    python rekey_crasher.py <data_dir> <profile label> <run>

The profile is passphrase-only and its passphrase alternates between ``first passphrase`` and ``second
passphrase``; the child finds which one opens it, prints ``READY``, adds an entry and prints ``ACK <id> <title>``
once it has returned (committed), then changes the passphrase to the other one (a new DEK, the database
re-encrypted) and prints ``REKEYED`` when that returned. The parent kills it at a random moment in between.
"""

from __future__ import annotations

import sys
from pathlib import Path

PASSPHRASES = ("first passphrase", "second passphrase")


def main(argv: list[str]) -> int:
    data_dir, label, run = Path(argv[1]), argv[2], argv[3]

    from intimacy_desktop.core.errors import KeyringUnavailable, WrongPassphrase
    from intimacy_desktop.core.guess_delay import GuessPolicy
    from intimacy_desktop.core.journal import EntryFields
    from intimacy_desktop.services.profiles import ProfileService
    from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS

    def no_keyring() -> object:
        raise KeyringUnavailable()

    no_delay = GuessPolicy(free=1_000_000)  # trying the other passphrase is not guessing here
    service = ProfileService(data_dir, no_keyring, FAST_TEST_PARAMS, guess_policy=no_delay)  # type: ignore[arg-type]
    info = service.find(label)
    for current in PASSPHRASES:
        try:
            profile = service.unlock(info, current)
            break
        except WrongPassphrase:
            continue
    else:
        print("NEITHER", flush=True)
        return 1
    print("READY", flush=True)
    title = f"r{run}"
    entry = profile.journal.add(EntryFields(title=title, body=f"written in run {run} " * 50))
    print(f"ACK {entry.id} {title}", flush=True)
    other = PASSPHRASES[1 - PASSPHRASES.index(current)]
    service.change_passphrase(profile, current, other)
    print("REKEYED", flush=True)
    profile.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
