"""The subject of the memory scan (tests/integration/test_memory_after_lock.py): the real window, offscreen, with a
file-backed keyring. It unlocks by typing the passphrase, writes an entry, locks, prints LOCKED and waits for the
parent to read its memory; a line on stdin ends it. The passphrase arrives XOR-ed with 0x5A, as hex in argv, and is
typed a character at a time, so this script never holds it whole: whatever copy the scan finds is the app's.
``--stay-unlocked`` prints UNLOCKED instead of locking (the scan's control: there it must find the key)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from intimacy_desktop.app import PAGES, build_profile_service
from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.gui.main_window import MainWindow


def main() -> None:
    data_dir, masked = Path(sys.argv[1]), bytes.fromhex(sys.argv[2])
    stay_unlocked = "--stay-unlocked" in sys.argv
    app = QApplication([])
    profiles = build_profile_service(data_dir)
    window = MainWindow(profiles, pages=PAGES)
    window.show()
    edit = window.unlock_page.ui.passphraseEdit

    def type_and_unlock() -> None:
        edit.setFocus()
        for b in masked:
            edit.insert(chr(b ^ 0x5A))
        window.unlock_page.ui.unlockButton.click()

    def poll() -> None:
        if window.profile is not None and not getattr(poll, "wrote", False):
            window.profile.journal.add(EntryFields(title="written before the lock", body="canary-body"))
            poll.wrote = True  # type: ignore[attr-defined]
            if stay_unlocked:
                print("UNLOCKED", flush=True)
                sys.stdin.readline()
                app.quit()
                return
            QTimer.singleShot(300, window.lock)
        elif getattr(poll, "wrote", False) and window.profile is None and window.locks.ctx is None:
            gc.collect()
            print("LOCKED", flush=True)
            sys.stdin.readline()
            app.quit()
            return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(100, type_and_unlock)
    QTimer.singleShot(200, poll)
    app.exec()


if __name__ == "__main__":
    main()
