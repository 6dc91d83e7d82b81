"""Render the main screens to docs/screenshots/*.png from a throw-away data folder with sample entries.

Run offscreen: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_screenshots.py
Uses a fast (insecure) key derivation and an in-memory keyring, so nothing touches the real keyring.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["INTIMACY_DESKTOP_INSECURE_FAST_KDF_FOR_TESTS"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_ui

build_ui.build()

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sample_journal import sample_entries  # noqa: E402

from intimacy_desktop.gui import theme  # noqa: E402
from intimacy_desktop.gui.application import make_application  # noqa: E402
from intimacy_desktop.gui.main_window import MainWindow  # noqa: E402
from intimacy_desktop.services.profiles import ProfileService  # noqa: E402
from intimacy_desktop.storage.device_secret import MemorySecretStore  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASSPHRASE = "river heron lemon pasta"


def wait_until(check: Callable[[], bool], timeout: float = 15.0) -> None:
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def shot(widget: QWidget, name: str) -> None:
    settle()
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"wrote docs/screenshots/{name}.png")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app = make_application(sys.argv)
        theme.apply(app, dark=False)
        store = MemorySecretStore()
        profiles = ProfileService(Path(tmp) / "data", lambda: store)
        w = MainWindow(profiles)
        w.resize(1200, 780)
        w.show()
        fr = w.first_run.ui
        fr.labelEdit.setText("Alex & Sam")
        fr.passphraseEdit.setText(PASSPHRASE)
        fr.confirmEdit.setText(PASSPHRASE)
        shot(w, "01-first-run")
        fr.createButton.click()
        wait_until(lambda: fr.steps.currentWidget() is fr.codeStep)
        shot(w, "02-recovery-code")
        w.first_run.code_view.ui.savedCheck.setChecked(True)
        w.first_run.code_view.ui.continueButton.click()
        assert w.profile is not None
        for fields in sample_entries():
            w.profile.journal.add(fields)
        w.lock()
        shot(w, "03-unlock")
        w.unlock_page.ui.passphraseEdit.setText(PASSPHRASE)
        w.unlock_page.ui.unlockButton.click()
        wait_until(lambda: w.journal_page is not None)
        shot(w, "04-today")
        page = w.journal_page
        assert page is not None
        w.show_journal()
        page.list.setCurrentIndex(page.model.index(0))
        shot(w, "05-journal")
        page.filters.search.setText("walk")
        wait_until(lambda: page.model.filter.text == "walk")
        page.list.setCurrentIndex(page.model.index(0))
        shot(w, "06-journal-search")
        page.filters.clear()
        page.list.setCurrentIndex(page.model.index(0))
        page.editor.ui.tabs.setCurrentWidget(page.editor.ui.previewTab)
        shot(w, "07-markdown-preview")
        page.editor.ui.tabs.setCurrentWidget(page.editor.ui.writeTab)
        page.list.setCurrentIndex(page.model.index(4))
        page.delete_current()
        page.list.setCurrentIndex(page.model.index(6))
        page.delete_current()
        page.trash_button.setChecked(True)
        page.list.setCurrentIndex(page.model.index(0))
        shot(w, "08-trash")
        page.trash_button.setChecked(False)
        theme.apply(app, dark=True)
        page.list.setCurrentIndex(page.model.index(1))
        shot(w, "09-journal-dark")
        theme.apply(app, dark=False)
        w.lock()
        profiles.create("Profile 2", PASSPHRASE).profile.close()  # the partner's own profile
        w.show_locked()
        shot(w, "10-unlock-two-profiles")
        store.available = False  # a machine without a keyring: the plain message and the explicit consent
        w.unlock_page.new_profile_requested.emit()
        wait_until(lambda: w.first_run.ui.keyringProblemLabel.isVisible())
        shot(w, "11-first-run-no-keyring")
        w.show_about()
        assert w.about_dialog is not None
        w.about_dialog.resize(720, 640)
        shot(w.about_dialog, "12-about")
        w.about_dialog.close()
        w.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
