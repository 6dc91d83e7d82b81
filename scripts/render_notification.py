"""A reminder as the desktop shows it, for docs/screenshots/61-reminder-notification.png: run under a real X server
with a window manager, a system tray and a notification daemon (see the shell lines at the bottom). A throwaway data
folder, a profile with the device-free talk reminder on, and a clock moved to its time; then the screen is grabbed.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from intimacy_desktop.app import PAGES
from intimacy_desktop.core.discreet import Nudge
from intimacy_desktop.core.reminders import DEFAULTS, Reminder
from intimacy_desktop.gui.application import make_application
from intimacy_desktop.gui.main_window import MainWindow
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.device_secret import MemorySecretStore


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def main(out: Path, discreet: bool) -> int:
    app = make_application(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = MemorySecretStore()
        profiles = ProfileService(Path(tmp), lambda: store, FAST_TEST_PARAMS)
        profile = profiles.create("Ours", "a long passphrase").profile
        profile.rhythm.set_reminders((DEFAULTS[0], Reminder(Nudge.TALK, dt.time(20, 0), on=True), *DEFAULTS[2:]))
        if discreet:
            from intimacy_desktop.core.preferences import Preferences

            profile.preferences.save(Preferences(discreet=True))
        profile.close()
        window = MainWindow(profiles, pages=PAGES)
        window.resize(900, 620)
        window.show()
        window.unlock_page.ui.passphraseEdit.setText("a long passphrase")
        window.unlock_page.ui.unlockButton.click()
        end = time.monotonic() + 15
        while window.profile is None and time.monotonic() < end:
            pump(0.1)
        pump(1.5)
        reminders = window.reminders
        print("tray:", reminders.tray is not None, file=sys.stderr)
        then = dt.datetime.now().astimezone().replace(hour=19, minute=59, second=0)
        reminders.last_check = then
        reminders._now = lambda: then.replace(hour=20, minute=0, second=20)
        reminders.check()
        pump(2.0)
        subprocess.run(["import", "-window", "root", str(out)], check=True)
        window.quit_app()
        pump(0.5)
    app.quit()
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--discreet"]
    sys.exit(main(Path(args[0] if args else "61-reminder-notification.png"), "--discreet" in sys.argv))

# Xvfb :77 -screen 0 1280x800x24 & export DISPLAY=:77
# dbus-run-session -- bash -c 'openbox & trayer --edge top --align right --widthtype request --height 28 & dunst &
#   sleep 2; .venv/bin/python scripts/render_notification.py docs/screenshots/61-reminder-notification.png;
#   .venv/bin/python scripts/render_notification.py --discreet docs/screenshots/62-reminder-discreet.png'
