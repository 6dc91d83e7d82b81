"""Child process for tests/integration/test_kill9_backup.py: write a backup, restore one, or import, until killed.

    python backup_crasher.py backup  <data_dir> <profile label> <out file>
    python backup_crasher.py restore <data_dir> <backup file> <new label>
    python backup_crasher.py import  <data_dir> <profile label> <markdown folder>

It prints ``READY`` once the slow parts before the work are done (unlock, key derivation) and ``DONE`` when the
work returned. The parent kills it at a random moment in between and checks what was left.
"""

from __future__ import annotations

import sys
from pathlib import Path

PASSPHRASE = "crash passphrase"
BACKUP_PASSPHRASE = "backup passphrase"


def main(argv: list[str]) -> int:
    mode, data_dir = argv[1], Path(argv[2])

    from intimacy_desktop.core.errors import KeyringUnavailable
    from intimacy_desktop.core.guess_delay import GuessPolicy
    from intimacy_desktop.services.backups import BackupService
    from intimacy_desktop.services.profiles import ProfileService
    from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS

    def no_keyring() -> object:
        raise KeyringUnavailable()

    service = ProfileService(data_dir, no_keyring, FAST_TEST_PARAMS,  # type: ignore[arg-type]
                             guess_policy=GuessPolicy(free=1_000_000))
    backups = BackupService(service, FAST_TEST_PARAMS)
    if mode == "backup":
        profile = service.unlock(service.find(argv[3]), PASSPHRASE)
        print("READY", flush=True)
        backups.create(Path(argv[4]), BACKUP_PASSPHRASE, profile)
        print("DONE", flush=True)
        profile.close()
        return 0
    if mode == "restore":
        print("READY", flush=True)
        backups.restore(Path(argv[3]), BACKUP_PASSPHRASE, label=argv[4], new_passphrase=PASSPHRASE,
                        passphrase_only=True)
        print("DONE", flush=True)
        return 0
    if mode == "import":
        profile = service.unlock(service.find(argv[3]), PASSPHRASE)
        preview = profile.interchange.preview("md", Path(argv[4]))
        print("READY", flush=True)
        profile.interchange.run(preview)
        print("DONE", flush=True)
        profile.close()
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
