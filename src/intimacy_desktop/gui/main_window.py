"""The main window: a shell around the locked screens and the unlocked pages, with the window-wide actions.

The window names no page: the composition root (app.py) hands it the page list, ``AppView`` builds the sidebar
from it and ``LockController`` runs unlock, first run, recovery and the lock (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QHideEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QStackedWidget

from intimacy_desktop.core.conversation import Phase
from intimacy_desktop.gui import settings
from intimacy_desktop.gui.background import Background
from intimacy_desktop.gui.clipboard import CLEAR_AFTER_MS, ClipboardGuard
from intimacy_desktop.gui.conversation.live import LiveConversation
from intimacy_desktop.gui.formatting import clock_text
from intimacy_desktop.gui.idle_lock import DEFAULT_IDLE_MS, IdleLock
from intimacy_desktop.gui.shell.lock_controller import LockController
from intimacy_desktop.gui.shell.page import PageFactory
from intimacy_desktop.gui.sound import SoundPlayer

if TYPE_CHECKING:
    from intimacy_desktop.gui.session_lock import SessionLockWatcher
    from intimacy_desktop.gui.shell.page import Page
    from intimacy_desktop.gui.unlock_page import UnlockPage
    from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile

SESSION_WATCH_DELAY_MS = 500  # QtDBus loads after the first paint
FOREIGN_CHANGES_POLL_MS = 3000  # entries added by the CLI appear within a few seconds, or at once on focus


class MainWindow(QMainWindow):
    def __init__(
        self,
        profiles: ProfileService,
        *,
        pages: Sequence[str | PageFactory],
        idle_timeout_ms: int = DEFAULT_IDLE_MS,
        clipboard_clear_ms: int = CLEAR_AFTER_MS,
    ) -> None:
        super().__init__()
        from intimacy_desktop.gui import presentation, settings

        presentation.present(self, settings.discreet_window())  # the last choice made here, until someone unlocks
        self.setMinimumSize(900, 620)
        self.background = Background(self)
        self.clipboard = ClipboardGuard(self, clipboard_clear_ms)
        self.idle = IdleLock(self, idle_timeout_ms)
        self.sounds = SoundPlayer(self)  # the window's, not the profile's: a chime still plays while locked
        self.live = LiveConversation(self.sounds, self)  # a conversation goes on through a lock
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.about_dialog: QDialog | None = None
        self.locks = LockController(
            self, self.stack, profiles, pages,
            background=self.background, clipboard=self.clipboard, idle=self.idle, on_about=self.show_about,
            sounds=self.sounds, live=self.live,
        )
        self.idle.idle.connect(self.lock)
        self._build_menus()
        self._foreign_poll = QTimer(self)
        self._foreign_poll.setInterval(FOREIGN_CHANGES_POLL_MS)
        self._foreign_poll.timeout.connect(self.check_foreign_changes)
        self._foreign_poll.start()
        self.session_lock: SessionLockWatcher | None = None
        QTimer.singleShot(SESSION_WATCH_DELAY_MS, self._watch_session_lock)
        geometry = settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)
        self.live.changed.connect(self._show_live_on_lock_screen)
        from intimacy_desktop.gui.reminders import Reminders

        self.quitting = False
        self.reminders = Reminders(self)
        self.locks.opened.connect(self.reminders.unlocked)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # the desktop session ends: quit, do not wait in the tray
            app.commitDataRequest.connect(self.session_ends)
        self.windowIconChanged.connect(lambda _icon: self.reminders.present())  # discreet mode reaches the tray
        self.windowTitleChanged.connect(lambda _title: self.reminders.present())
        self.locks.show_locked()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = self._action(file_menu, self.tr("&Lock"), QKeySequence("Ctrl+L"), self.lock)
        self._action(file_menu, self.tr("&Hide and lock"), QKeySequence("Ctrl+Shift+H"), self.quick_hide)
        file_menu.addSeparator()
        quit_key = QKeySequence(QKeySequence.StandardKey.Quit)
        if quit_key.isEmpty():  # Windows has no standard Quit key; Ctrl+Q is what people try
            quit_key = QKeySequence("Ctrl+Q")
        self.quit_action = self._action(file_menu, self.tr("&Quit"), quit_key, self.quit_app)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = self._action(
            help_menu, self.tr("&About Intimacy Desktop"), QKeySequence(QKeySequence.StandardKey.HelpContents),
            self.show_about,
        )
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu: QMenu, text: str, key: QKeySequence, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work while the menu bar is hidden too
        return action

    # ---- what tests, scripts and other windows ask for ----------------------------------------------------
    @property
    def profile(self) -> UnlockedProfile | None:
        return self.locks.profile

    @property
    def unlock_page(self) -> UnlockPage:
        return self.locks.unlock_page

    def page(self, page_id: str) -> Page | None:
        view = self.locks.app_view
        return view.page(page_id) if view is not None else None

    def show_page(self, page_id: str, action: str | None = None) -> Page | None:
        self.locks.navigate(page_id, action)
        return self.page(page_id)

    def show_about(self) -> None:
        """The About dialog; it shows nothing from the journal, so it may stay open across a lock."""
        if self.about_dialog is None:
            from intimacy_desktop.gui.about_dialog import AboutDialog

            self.about_dialog = AboutDialog(self)
        self.about_dialog.show()
        self.about_dialog.raise_()
        self.about_dialog.activateWindow()

    def check_foreign_changes(self) -> None:
        if self.locks.ctx is not None:
            self.locks.ctx.check_foreign_changes()

    # ---- lock ----------------------------------------------------------------------------------------------
    def _watch_session_lock(self) -> None:
        if self.session_lock is None and not self.locks.closing:
            from intimacy_desktop.gui.session_lock import SessionLockWatcher

            self.watch_session_lock(SessionLockWatcher(self))

    def watch_session_lock(self, watcher: SessionLockWatcher) -> None:
        """Lock whenever ``watcher`` reports the screen locked or the computer going to sleep."""
        if self.session_lock is not None:
            self.session_lock.locked.disconnect(self._screen_locked)
        self.session_lock = watcher
        watcher.locked.connect(self._screen_locked)

    def _screen_locked(self) -> None:
        if self.locks.lock_with_screen:  # a person's choice in Settings; on by default
            self.lock()

    def lock(self) -> None:
        self.locks.lock()

    def _show_live_on_lock_screen(self) -> None:
        timer = self.live.timer
        text = None
        if timer is not None and timer.active:
            left = clock_text(timer.remaining())
            text = (self.tr("Device-free time: paused, %1 left") if timer.phase is Phase.PAUSED
                    else self.tr("Device-free time: %1 left")).replace("%1", left)
        elif timer is not None and timer.phase is Phase.FINISHED and not (self.live.talk and self.live.talk.logged):
            text = self.tr("Device-free time is up. Unlock to see how it went.")
        self.locks.unlock_page.show_live(text)

    def quick_hide(self) -> None:
        self.lock()
        self.locks.forget_typed()
        self.showMinimized()

    def bring_to_front(self) -> None:
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_foreign_changes()  # the CLI may have written while we were in the background
        elif event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.locks.forget_typed()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.locks.forget_typed()
        super().hideEvent(event)

    def session_ends(self, _manager: object = None) -> None:
        """The desktop session is ending (log out, shut down): the window may close for good."""
        self.quitting = True

    def quit_app(self) -> None:
        """Quit for good (the menu, Ctrl+Q, the tray's Quit): closing the window only hides it while reminders
        are on and there is a tray to wait in."""
        self.quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.quitting and self.reminders.keeps_running():
            event.ignore()  # to the tray: locked, hidden, reminders still coming
            self.quick_hide()
            self.hide()
            return
        self.reminders.stop()
        settings.remember_window_geometry(self.saveGeometry())
        self.locks.shut_down()
        self.background.wait()
        QCoreApplication.sendPostedEvents()  # results of finished jobs: an unlock that lands now is closed at once
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        event.accept()

