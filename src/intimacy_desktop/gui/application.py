"""Starts the GUI: one instance per data folder, the theme, and the unlock window as fast as possible.

Only QtCore, QtGui and QtWidgets (plus QtNetwork for the single-instance socket) load before the first window;
crypto, the database driver and the keyring load on first unlock, in the background helper.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from intimacy_desktop import APP_ID, APP_NAME, QT_NAME
from intimacy_desktop.core.errors import AlreadyRunning

if TYPE_CHECKING:
    from intimacy_desktop.services.profiles import ProfileService

STARTUP_PROBE_ENV = "INTIMACY_DESKTOP_STARTUP_PROBE"
EXIT_ALREADY_RUNNING = 2
LISTEN_DELAY_MS = 150  # after the first paint; a second start in this window just exits with its message


class _FirstPaintProbe(QObject):
    """For the start-up benchmark: report the moment the first window has painted, then quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        sys.stdout.write(f"first-window {time.time()}\n")
        sys.stdout.flush()
        QApplication.exit(0)


def _report_unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """A bug's traceback without its message: messages can quote what was being saved, tracebacks show only code."""
    frames = "".join(traceback.format_tb(tb))
    sys.stderr.write(f"Intimacy Desktop hit an unexpected error ({kind.__name__}); where it happened:\n{frames}")


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(QT_NAME)
    app.setApplicationName(QT_NAME)
    app.setApplicationDisplayName(QApplication.translate("Application", APP_NAME))
    app.setDesktopFileName(APP_ID)  # matches the installed .desktop entry, so the desktop shows its icon
    from intimacy_desktop.gui import theme, translations
    from intimacy_desktop.gui.app_icon import app_icon

    app.setWindowIcon(app_icon())

    if not app.property("translationsInstalled"):
        translations.install(app)
        app.setProperty("translationsInstalled", True)
    theme.apply(app)
    return app


def run(argv: list[str], *, data_dir: Path, profiles: ProfileService, pages: Sequence[str]) -> int:
    sys.excepthook = _report_unexpected
    app = make_application(argv)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    from intimacy_desktop.gui.single_instance import SingleInstance, ask_first_instance_to_raise

    instance = SingleInstance(data_dir)
    if not instance.acquire():
        ask_first_instance_to_raise(data_dir)
        sys.stderr.write(f"intimacy-desktop: {AlreadyRunning('already_running_raised').message}\n")
        return EXIT_ALREADY_RUNNING

    from intimacy_desktop.gui.main_window import MainWindow

    try:
        window = MainWindow(profiles, pages=pages)
        instance.raise_requested.connect(window.bring_to_front)
        probe = _FirstPaintProbe(window) if os.environ.get(STARTUP_PROBE_ENV) == "1" else None
        if probe is not None:
            window.installEventFilter(probe)
        window.show()
        QTimer.singleShot(LISTEN_DELAY_MS, instance.listen)
        code = app.exec()
        if probe is not None:
            window.close()
        return int(code)
    finally:
        instance.release()
