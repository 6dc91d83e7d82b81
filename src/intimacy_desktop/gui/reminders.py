"""Reminders at the times a person set (core/reminders.py), shown by a system-tray icon, or where there is no tray,
as a banner the next time the window is open.

The window owns them: they keep their times after the lock (times and kinds only, in memory; never written outside
the vault), so a check-in reminder still comes while the journal is locked or the window is closed to the tray.
Their words are fixed by kind (core/discreet.py) and say nothing in discreet mode. Clicking one brings the window
back at the page it is about, behind the lock when locked. Tests inject the clock, the time zone and the notifier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from intimacy_desktop.core.discreet import Nudge, notification
from intimacy_desktop.core.reminders import Reminder, due
from intimacy_desktop.gui.presentation import is_discreet

if TYPE_CHECKING:
    from intimacy_desktop.gui.main_window import MainWindow

CHECK_EVERY_MS = 20_000
TRAY_DELAY_MS = 500  # as the screen-lock watcher's: after the first window has painted
PAGE_FOR = {Nudge.CHECK_IN: "today", Nudge.TALK: "conversation", Nudge.WEEKLY: "today", Nudge.PROGRAM: "today"}


class Notifier(Protocol):
    def __call__(self, title: str, body: str) -> None: ...


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _local_zone() -> dt.tzinfo:
    zone = dt.datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def tray_available() -> bool:
    return QGuiApplication.platformName() not in ("offscreen", "minimal") and QSystemTrayIcon.isSystemTrayAvailable()


class Reminders(QObject):
    def __init__(self, window: MainWindow, *, now: Callable[[], dt.datetime] = _local_now,
                 zone: Callable[[], dt.tzinfo] = _local_zone, notifier: Notifier | None = None,
                 use_tray: bool | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._now, self._zone = now, zone
        self.schedule: tuple[Reminder, ...] = ()
        self.last_check = now()
        self.pending: list[Nudge] = []  # fired with nowhere to show them: a banner at the next open
        self.target: str | None = None  # the page the last reminder is about
        self.tray: QSystemTrayIcon | None = None
        self._notifier = notifier  # tests'; otherwise the tray's, once it is there
        if use_tray:
            self._build_tray()
        elif use_tray is None:  # asking the desktop for a tray may wait on D-Bus: not before the first paint
            QTimer.singleShot(TRAY_DELAY_MS, self, lambda: self._build_tray() if tray_available() else None)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    # ---- the tray ------------------------------------------------------------------------------------------
    def _build_tray(self) -> None:
        window = self._window
        self.tray = QSystemTrayIcon(window.windowIcon(), self)
        menu = QMenu(window)
        menu.addAction(self.tr("Open"), self.open_target)
        menu.addAction(self.tr("Lock"), window.lock)
        menu.addSeparator()
        menu.addAction(self.tr("Quit"), window.quit_app)
        self.tray.setContextMenu(menu)
        self.tray.activated.connect(lambda _reason: self.open_target())
        self.tray.messageClicked.connect(self.open_target)
        self.present()
        self.tray.show()

    def present(self) -> None:
        """The tray follows discreet mode: its icon and tooltip are the window's."""
        if self.tray is not None:
            self.tray.setIcon(self._window.windowIcon())
            self.tray.setToolTip(self._window.windowTitle())

    def _tray_message(self, title: str, body: str) -> None:
        assert self.tray is not None
        self.tray.showMessage(title, body, self._window.windowIcon(), 10_000)

    def keeps_running(self) -> bool:
        """Whether closing the window should leave the app in the tray: only with a tray and a reminder on."""
        return self.tray is not None and any(r.on for r in self.schedule)

    # ---- firing --------------------------------------------------------------------------------------------
    def set_schedule(self, reminders: tuple[Reminder, ...]) -> None:
        self.schedule = reminders
        self.last_check = self._now()  # a changed time fires from now on, not for the minutes already past

    def check(self) -> list[Nudge]:
        now = self._now()
        fired = [r.kind for r in due(self.schedule, self.last_check, now, self._zone())]
        notify = self._notifier or (self._tray_message if self.tray is not None else None)
        self.last_check = now
        for kind in fired:
            title, body = notification(kind, is_discreet())
            self.target = PAGE_FOR[kind]
            if notify is not None:
                notify(title, body)
            else:
                self.pending.append(kind)
        if fired and notify is None and self._window.locks.app_view is not None:
            self.show_pending()
        return fired

    def show_pending(self) -> None:
        """The banner of reminders that came while there was nowhere to show them (no tray, or locked)."""
        view = self._window.locks.app_view
        if view is None or not self.pending:
            return
        discreet = is_discreet()
        view.show_notice("\n".join(dict.fromkeys(notification(k, discreet)[1] for k in self.pending)))
        self.pending = []

    def open_target(self) -> None:
        """Back to the window, at the page the reminder is about; behind the lock when locked."""
        self._window.bring_to_front()
        if self.target is not None and self._window.locks.app_view is not None:
            self._window.show_page(self.target)
            self.target = None

    def unlocked(self) -> None:
        """A profile opened: read its reminders (times only) and show what waited."""
        ctx = self._window.locks.ctx
        if ctx is None:
            return
        ctx.set_reminders = self.set_schedule
        rhythm = ctx.profile.rhythm
        ctx.ops.query(self, rhythm.reminders).success(self.set_schedule).run()
        self.show_pending()
        if self.target is not None:
            target, self.target = self.target, None
            self._window.show_page(target)

    def stop(self) -> None:
        self._timer.stop()
        if self.tray is not None:
            self.tray.hide()
