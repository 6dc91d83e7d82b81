"""The main window: the locked screens, the unlocked app, and the lock that switches between them.

Locking is more than hiding: the draft is flushed, the vault is closed (the key leaves memory with the database
engine) and the widgets that showed journal text are destroyed, to be rebuilt on the next unlock.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.gui import settings
from intimacy_desktop.gui.background import Background
from intimacy_desktop.gui.clipboard import CLEAR_AFTER_MS, ClipboardGuard
from intimacy_desktop.gui.idle_lock import DEFAULT_IDLE_MS, IdleLock
from intimacy_desktop.gui.unlock_page import UnlockPage

if TYPE_CHECKING:
    from intimacy_desktop.gui.first_run import FirstRunPage
    from intimacy_desktop.gui.journal.page import JournalPage
    from intimacy_desktop.gui.session_lock import SessionLockWatcher
    from intimacy_desktop.gui.today_page import TodayPage
    from intimacy_desktop.services.profiles import CreatedProfile, ProfileInfo, ProfileService, UnlockedProfile

KEYRING_CHECK_DELAY_MS = 300
SESSION_WATCH_DELAY_MS = 500  # QtDBus loads after the first paint


class MainWindow(QMainWindow):
    def __init__(
        self,
        profiles: ProfileService,
        *,
        idle_timeout_ms: int = DEFAULT_IDLE_MS,
        clipboard_clear_ms: int = CLEAR_AFTER_MS,
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Intimacy Desktop"))
        self.setMinimumSize(900, 620)
        self._profiles = profiles
        self.profile: UnlockedProfile | None = None
        self._pending: UnlockedProfile | None = None  # created, waiting for "I saved my code"
        self._closing = False
        self._dialog: QWidget | None = None
        self.background = Background(self)
        self.clipboard = ClipboardGuard(self, clipboard_clear_ms)
        self.idle = IdleLock(self, idle_timeout_ms)
        self.idle.idle.connect(self.lock)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.unlock_page = UnlockPage()
        self._first_run: FirstRunPage | None = None  # built on first use: most starts never need it
        self.stack.addWidget(self.unlock_page)
        self.app_view: QWidget | None = None
        self.journal_page: JournalPage | None = None
        self.today_page: TodayPage | None = None
        self.nav: QListWidget | None = None

        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        hide_action = QAction(self.tr("Hide and lock"), self)
        hide_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        hide_action.triggered.connect(self.quick_hide)
        self.addAction(hide_action)
        about_action = QAction(self.tr("About Intimacy Desktop"), self)
        about_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        about_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        about_action.triggered.connect(self.show_about)
        self.addAction(about_action)
        self.about_dialog: QDialog | None = None

        self.unlock_page.unlock_requested.connect(self._unlock)
        self.unlock_page.recover_requested.connect(self._recover)
        self.unlock_page.new_profile_requested.connect(lambda: self._start_first_run(can_cancel=True))
        self.unlock_page.profile_chosen.connect(settings.remember_profile_folder)
        self.unlock_page.about_requested.connect(self.show_about)
        self.session_lock: SessionLockWatcher | None = None
        QTimer.singleShot(SESSION_WATCH_DELAY_MS, self._watch_session_lock)
        geometry = settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)
        self.show_locked()

    # ---- locked side ---------------------------------------------------------------------------------------
    @property
    def first_run(self) -> FirstRunPage:
        if self._first_run is None:
            from intimacy_desktop.gui.first_run import FirstRunPage

            page = FirstRunPage(self.clipboard)
            page.create_requested.connect(self._create)
            page.cancelled.connect(self.show_locked)
            page.finished.connect(self._first_run_finished)
            self.stack.addWidget(page)
            self._first_run = page
        return self._first_run

    def show_locked(self) -> None:
        infos = self._profiles.list_profiles()
        if not infos:
            self._start_first_run(can_cancel=False)
            return
        self.unlock_page.reset()
        self.unlock_page.set_profiles(infos, settings.last_profile_folder())
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.focus_input()

    def _start_first_run(self, *, can_cancel: bool) -> None:
        self.first_run.start(self._profiles.suggest_label(), can_cancel=can_cancel)
        self.stack.setCurrentWidget(self.first_run)
        # Asking the keyring loads it and may wait on D-Bus: never on this thread, and not while the first window is
        # still being drawn (the import would compete for the interpreter lock).
        QTimer.singleShot(KEYRING_CHECK_DELAY_MS, self._check_keyring)

    def _check_keyring(self) -> None:
        self.background.submit(self._profiles.keyring_problem, self.first_run.set_keyring_problem, self._ignore)

    @staticmethod
    def _ignore(_error: AppError) -> None:
        """keyring_problem() reports problems as its value; it has no failure of its own to show."""

    def _unlock(self, info: ProfileInfo, passphrase: str | None) -> None:
        self.unlock_page.set_busy(True)
        profiles = self._profiles
        self.background.submit(lambda: profiles.unlock(info, passphrase), self._unlocked, self._unlock_failed)

    def _unlocked(self, profile: UnlockedProfile) -> None:
        self.unlock_page.reset()
        self.open_profile(profile)

    def _unlock_failed(self, error: AppError) -> None:
        self.unlock_page.set_busy(False)
        self.unlock_page.show_error(error.message)

    def _create(self, label: str, passphrase: str | None, passphrase_only: bool) -> None:
        self.first_run.set_busy(True)
        profiles = self._profiles
        self.background.submit(
            lambda: profiles.create(label, passphrase, passphrase_only=passphrase_only),
            self._created,
            self._create_failed,
        )

    def _created(self, created: CreatedProfile) -> None:
        self.first_run.set_busy(False)
        if self._closing:
            created.profile.close()
            return
        self._pending = created.profile
        self.first_run.show_recovery_code(created.recovery_code)

    def _create_failed(self, error: AppError) -> None:
        self.first_run.set_busy(False)
        self.first_run.show_error(error.message)

    def _first_run_finished(self) -> None:
        profile, self._pending = self._pending, None
        if profile is not None:
            self.open_profile(profile)

    def _recover(self, info: ProfileInfo) -> None:
        from intimacy_desktop.gui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self._profiles, info, self.background, self.clipboard, self)
        dialog.accepted.connect(lambda: self._recovered(dialog.profile))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    def _recovered(self, profile: UnlockedProfile | None) -> None:
        if profile is not None:
            self.open_profile(profile)

    # ---- unlocked side -------------------------------------------------------------------------------------
    def open_profile(self, profile: UnlockedProfile) -> None:
        if self._closing:
            profile.close()
            return
        self.profile = profile
        settings.remember_profile_folder(profile.info.folder.name)
        self.app_view = self._build_app_view(profile)
        self.stack.addWidget(self.app_view)
        self.stack.setCurrentWidget(self.app_view)
        self.idle.start()

    def _build_app_view(self, profile: UnlockedProfile) -> QWidget:
        from intimacy_desktop.gui.journal.page import JournalPage
        from intimacy_desktop.gui.today_page import TodayPage

        self.journal_page = JournalPage(profile.journal)
        self.today_page = TodayPage(profile.journal)
        self.today_page.write_requested.connect(self.write_today)
        pages = QStackedWidget()
        pages.addWidget(self.today_page)
        pages.addWidget(self.journal_page)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.addItems([self.tr("Today"), self.tr("Journal")])
        self.nav.currentRowChanged.connect(pages.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._on_nav)
        name = QLabel(self.tr("Intimacy Desktop"))
        name.setProperty("role", "brand")
        name.setWordWrap(True)
        lock_button = QPushButton(self.tr("Lock"))
        lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))
        lock_button.setAccessibleName(self.tr("Lock the journal"))
        lock_button.clicked.connect(self.lock)
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        sidebar.setFixedWidth(200)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(14, 20, 14, 16)
        side.setSpacing(14)
        side.addWidget(name)
        side.addWidget(self.nav, 1)
        side.addWidget(lock_button)
        about_button = QPushButton(self.tr("About"))
        about_button.setProperty("role", "link")
        about_button.setFlat(True)
        about_button.setToolTip(self.tr("Version, licence and open-source components (F1)"))
        about_button.clicked.connect(self.show_about)
        side.addWidget(about_button)
        view = QWidget()
        lay = QHBoxLayout(view)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(sidebar)
        lay.addWidget(pages, 1)
        recovered_draft = self.journal_page.editor.dirty
        self.nav.setCurrentRow(1 if recovered_draft else 0)
        return view

    def show_about(self) -> None:
        """The About dialog; it shows nothing from the journal, so it may stay open across a lock."""
        if self.about_dialog is None:
            from intimacy_desktop.gui.about_dialog import AboutDialog

            self.about_dialog = AboutDialog(self)
        self.about_dialog.show()
        self.about_dialog.raise_()
        self.about_dialog.activateWindow()

    def _on_nav(self, row: int) -> None:
        if row == 0 and self.today_page is not None:
            self.today_page.refresh()

    def show_journal(self) -> None:
        if self.nav is not None:
            self.nav.setCurrentRow(1)

    def write_today(self) -> None:
        self.show_journal()
        if self.journal_page is not None:
            self.journal_page.new_entry()

    # ---- lock ----------------------------------------------------------------------------------------------
    def _watch_session_lock(self) -> None:
        if self.session_lock is None and not self._closing:
            from intimacy_desktop.gui.session_lock import SessionLockWatcher

            self.watch_session_lock(SessionLockWatcher(self))

    def watch_session_lock(self, watcher: SessionLockWatcher) -> None:
        """Lock whenever ``watcher`` reports the screen locked or the computer going to sleep."""
        if self.session_lock is not None:
            self.session_lock.locked.disconnect(self.lock)
        self.session_lock = watcher
        watcher.locked.connect(self.lock)

    def lock(self) -> None:
        """Flush the draft, close the vault, destroy the content widgets, show the unlock screen."""
        if self.profile is None:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self:
            # A question is open (e.g. "Delete forever?"): answer it "no" by closing it, then lock once its caller
            # has returned, so no page code runs on widgets the lock has destroyed.
            modal.close()
            QTimer.singleShot(0, self.lock)
            return
        self.idle.stop()
        if self.journal_page is not None:
            with contextlib.suppress(AppError):  # the lock must happen even if the draft cannot be written
                self.journal_page.flush_draft()
            self.journal_page.wipe()
        if self.today_page is not None:
            self.today_page.wipe()
        self.profile.close()
        self.profile = None
        if self.app_view is not None:
            self.stack.removeWidget(self.app_view)
            self.app_view.hide()
            self.app_view.deleteLater()
        self.app_view = self.journal_page = self.today_page = self.nav = None
        if not self._closing:
            self.show_locked()

    def quick_hide(self) -> None:
        self.lock()
        self.showMinimized()

    def bring_to_front(self) -> None:
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.remember_window_geometry(self.saveGeometry())
        self._closing = True
        self.lock()
        if self._pending is not None:
            self._pending.close()
            self._pending = None
        self.background.wait()
        QCoreApplication.sendPostedEvents()  # results of finished jobs: an unlock that lands now is closed at once
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        event.accept()
