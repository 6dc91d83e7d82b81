"""The lock and unlock flow: the unlock screen, first run, recovery, and the lock that tears a profile down.

Locking is more than hiding. The content disappears at once; then running writes finish (queued reads are
dropped), every page flushes what is unsaved, every page is wiped and destroyed, and the vault closes (the key
leaves memory with the database engine). If the last words could not be written, the unlock screen says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QStackedWidget, QWidget

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.gui import settings
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.shell.app_view import AppView
from intimacy_desktop.gui.shell.context import ProfileContext
from intimacy_desktop.gui.shell.page import resolve
from intimacy_desktop.gui.unlock_page import UnlockPage
from intimacy_desktop.services.profiles import HIDDEN_PREFIX, forget_secret

if TYPE_CHECKING:
    from intimacy_desktop.core.preferences import Preferences
    from intimacy_desktop.gui.background import Background
    from intimacy_desktop.gui.clipboard import ClipboardGuard
    from intimacy_desktop.gui.conversation.live import LiveConversation
    from intimacy_desktop.gui.first_run import FirstRunPage
    from intimacy_desktop.gui.idle_lock import IdleLock
    from intimacy_desktop.gui.shell.page import PageFactory
    from intimacy_desktop.gui.sound import SoundPlayer
    from intimacy_desktop.services.profiles import CreatedProfile, ProfileInfo, ProfileService, UnlockedProfile

KEYRING_CHECK_DELAY_MS = 300


class LockController(QObject):
    opened = Signal()  # a profile is unlocked and its pages are up (the window's reminders read their times)

    def __init__(
        self,
        window: QWidget,
        stack: QStackedWidget,
        profiles: ProfileService,
        pages: Sequence[str | PageFactory],
        *,
        background: Background,
        clipboard: ClipboardGuard,
        idle: IdleLock,
        on_about: Callable[[], None],
        sounds: SoundPlayer,
        live: LiveConversation,
    ) -> None:
        super().__init__(window)
        self._sounds = sounds
        self._live = live
        self._dark_choice: bool | None = None  # the theme a person chose (None: the system's)
        self.lock_with_screen = True
        self._window = window
        self._stack = stack
        self._profiles = profiles
        self._pages = pages
        self._factories: list[PageFactory] | None = None  # imported on first unlock, not before the first window
        self._background = background
        self._clipboard = clipboard
        self._idle = idle
        self._on_about = on_about
        self.ctx: ProfileContext | None = None
        self.app_view: AppView | None = None
        self.closing = False  # the app is quitting: nothing new opens
        self._pending: UnlockedProfile | None = None  # created, waiting for "I saved my code"
        self._after_lock: Callable[[], None] | None = None  # Settings: add a profile, or delete this one
        self.restore_dialog: QDialog | None = None
        self._first_run: FirstRunPage | None = None  # built on first use: most starts never need it
        self.unlock_page = UnlockPage()
        self.locking_page = QLabel(self.tr("Locking… finishing what was being saved."))
        self.locking_page.setProperty("role", "muted")
        self.locking_page.setWordWrap(True)
        for w in (self.unlock_page, self.locking_page):
            stack.addWidget(w)
        up = self.unlock_page
        up.unlock_requested.connect(self._unlock)
        up.recover_requested.connect(self._recover)
        up.new_profile_requested.connect(lambda: self._start_first_run(can_cancel=True))
        up.restore_requested.connect(self.restore_from_backup)
        up.find_profile = self._find_by_name
        up.profile_chosen.connect(settings.remember_profile_folder)
        up.about_requested.connect(on_about)

    @property
    def profile(self) -> UnlockedProfile | None:
        return self.ctx.profile if self.ctx is not None else None

    @property
    def locking(self) -> bool:
        return self.ctx is not None and not self.ctx.ops.is_open

    # ---- locked side ---------------------------------------------------------------------------------------
    @property
    def first_run(self) -> FirstRunPage:
        if self._first_run is None:
            from intimacy_desktop.gui.first_run import FirstRunPage

            page = FirstRunPage(self._clipboard)
            page.create_requested.connect(self._create)
            page.cancelled.connect(self.show_locked)
            page.restore_requested.connect(self.restore_from_backup)
            page.by_name_requested.connect(self.open_by_name)
            page.finished.connect(self._first_run_finished)
            self._stack.addWidget(page)
            self._first_run = page
        return self._first_run

    def _find_by_name(self, name: str) -> ProfileInfo | None:
        try:
            return self._profiles.find(name)
        except AppError:
            return None

    def open_by_name(self) -> None:
        """"Open a profile by its name": the unlock screen with a name field, from the first-run screen too (where
        a computer whose only profiles are hidden shows nothing else)."""
        self.unlock_page.reset()
        self.unlock_page.set_profiles(self._profiles.list_profiles(), settings.last_profile_folder())
        self.unlock_page.set_by_name(True)
        self._stack.setCurrentWidget(self.unlock_page)

    def restore_from_backup(self) -> None:
        """From the first-run or unlock screen: a profile back from a backup file, on a new computer too."""
        from intimacy_desktop.gui.settings_page.backup_dialogs import RestoreDialog, background_runner
        from intimacy_desktop.services.backups import BackupService

        backups = BackupService(self._profiles, self._profiles.kdf)
        dialog = RestoreDialog(backups, self._clipboard, background_runner(self._background), self._window,
                               unlocked=False)
        dialog.restored.connect(lambda info: self._restored(info.folder.name))
        dialog.setModal(True)
        dialog.show()
        self.restore_dialog = dialog

    def _restored(self, folder_name: str) -> None:
        settings.remember_profile_folder(folder_name)
        if self.ctx is None:
            self.show_locked()

    def show_locked(self, message: str | None = None) -> None:
        infos = self._profiles.list_profiles()
        if not infos:
            self._start_first_run(can_cancel=False)
            return
        self.unlock_page.reset()
        self.unlock_page.set_profiles(infos, settings.last_profile_folder())
        if message:
            self.unlock_page.show_error(message)
        self._stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.focus_input()

    def forget_typed(self) -> None:
        """The window was hidden or minimised: a passphrase typed but not submitted must not wait there."""
        self.unlock_page.forget_passphrase()

    def _start_first_run(self, *, can_cancel: bool) -> None:
        self.first_run.start(self._profiles.suggest_label(self.tr("Profile {n}")), can_cancel=can_cancel)
        self._stack.setCurrentWidget(self.first_run)
        # Asking the keyring loads it and may wait on D-Bus: never on this thread, and not while the first window is
        # still being drawn (the import would compete for the interpreter lock).
        QTimer.singleShot(KEYRING_CHECK_DELAY_MS, self._check_keyring)

    def _check_keyring(self) -> None:
        self._background.submit(self._profiles.keyring_problem, self._show_keyring_problem, _ignore)

    def _show_keyring_problem(self, problem: AppError | None) -> None:
        self.first_run.set_keyring_problem(error_text(problem) if problem is not None else None)

    def _unlock(self, info: ProfileInfo, passphrase: str | None) -> None:
        self.unlock_page.set_busy(True)
        profiles = self._profiles
        def work() -> UnlockedProfile:
            try:
                return _with_content(profiles.unlock(info, passphrase))
            finally:
                forget_secret(passphrase)  # its field was cleared already; now the text itself (no key after lock)

        self._background.submit(work, self._unlocked, self._unlock_failed)

    def _unlocked(self, profile: UnlockedProfile) -> None:
        self.unlock_page.reset()
        self.open_profile(profile)

    def _unlock_failed(self, error: AppError) -> None:
        self.unlock_page.set_busy(False)
        self.unlock_page.show_failure(error)  # a guessing delay is counted down, with Unlock disabled until it ends

    def _create(self, label: str, passphrase: str | None, passphrase_only: bool) -> None:
        self.first_run.set_busy(True)
        profiles = self._profiles
        hidden = self.first_run.hidden_requested()

        def work() -> CreatedProfile:
            try:
                created = profiles.create(label, passphrase, passphrase_only=passphrase_only, hidden=hidden)
                _with_content(created.profile)
                return created
            finally:
                forget_secret(passphrase)

        self._background.submit(work, self._created, self._create_failed)

    def _created(self, created: CreatedProfile) -> None:
        self.first_run.set_busy(False)
        if self.closing:
            created.profile.close()
            return
        self._pending = created.profile
        self.first_run.show_recovery_code(created.recovery_code)

    def _create_failed(self, error: AppError) -> None:
        self.first_run.set_busy(False)
        self.first_run.show_error(error_text(error))

    def _first_run_finished(self) -> None:
        profile, self._pending = self._pending, None
        if profile is not None:
            self.open_profile(profile)

    def _recover(self, info: ProfileInfo) -> None:
        from intimacy_desktop.gui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self._profiles, info, self._background, self._clipboard, self._window)
        dialog.accepted.connect(lambda: self._recovered(dialog.profile))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _recovered(self, profile: UnlockedProfile | None) -> None:
        if profile is not None:
            self.open_profile(profile)

    # ---- unlocked side -------------------------------------------------------------------------------------
    def open_profile(self, profile: UnlockedProfile) -> None:
        if self.closing or self.ctx is not None:
            profile.close()
            return
        if not profile.info.folder.name.startswith(HIDDEN_PREFIX):  # a hidden profile leaves no hint behind
            settings.remember_profile_folder(profile.info.folder.name)
        self.ctx = ProfileContext(profile, clipboard=self._clipboard, navigate=self.navigate, sounds=self._sounds,
                                  live=self._live, parent=self)
        from intimacy_desktop.services.backups import BackupService

        self.ctx.backups = BackupService(self._profiles, self._profiles.kdf)  # a profile's strength, or tests' speed
        self.ctx.apply_preferences = self.apply_preferences
        self.ctx.add_profile = lambda: self._lock_then(lambda: self._start_first_run(can_cancel=True))
        self.ctx.delete_profile = lambda: self._lock_then(lambda: self._delete(profile))
        from intimacy_desktop.services.household import HouseholdService

        self.ctx.household = HouseholdService(self._profiles.data_dir)
        self.ctx.profiles = self._profiles
        if self._factories is None:
            self._factories = resolve(self._pages)
        self.app_view = AppView(self.ctx, self._factories, on_lock=self.lock, on_about=self._on_about)
        self._stack.addWidget(self.app_view)
        self._stack.setCurrentWidget(self.app_view)
        current = self.app_view.current_page()
        if current is not None:
            current.shown()
        self._idle.start()
        prefs = self.ctx.profile.preferences
        self.ctx.ops.query(self.app_view, prefs.load).success(self.apply_preferences).run()
        self.opened.emit()

    def apply_preferences(self, prefs: Preferences | None) -> None:
        """The unlocked person's settings, or (None, at the lock) the window's defaults again: the unlock screen
        shows nobody's choices."""
        from intimacy_desktop.gui import theme

        chosen = None if prefs is None else prefs.auto_lock_minutes
        self._idle.set_timeout_ms(None if chosen is None else chosen * 60_000)
        self._sounds.enabled = True if prefs is None else prefs.sounds
        self.lock_with_screen = True if prefs is None else prefs.lock_with_screen
        self._present(prefs)
        wanted = None if prefs is None or prefs.theme == "system" else prefs.theme == "dark"
        app = QApplication.instance()
        if isinstance(app, QApplication) and wanted != self._dark_choice:
            self._dark_choice = wanted
            theme.apply(app, dark=wanted)

    def _present(self, prefs: Preferences | None) -> None:
        """Discreet mode: the person's choice while unlocked; the last choice made here while locked."""
        from intimacy_desktop.core.discreet import app_name
        from intimacy_desktop.gui import presentation

        if prefs is not None:
            settings.remember_discreet_window(prefs.discreet)
        discreet = settings.discreet_window() if prefs is None else prefs.discreet
        if discreet != presentation.is_discreet() or self._window.windowTitle() != app_name(discreet):
            presentation.present(self._window, discreet)
        if self.app_view is not None:
            self.app_view.brand.setText(app_name(discreet))

    def navigate(self, page_id: str, action: str | None = None) -> None:
        if self.app_view is not None and not self.locking:
            self.app_view.show_page(page_id, action)

    def _lock_then(self, then: Callable[[], None]) -> None:
        self._after_lock = then
        self.lock()

    def _delete(self, profile: UnlockedProfile) -> None:
        """After the lock closed it (Settings asked twice, and had the name typed): delete it, off this thread
        (the keyring may wait on D-Bus); then the unlock screen, or the first-run one when none is left."""
        self._stack.setCurrentWidget(self.locking_page)
        profiles = self._profiles
        self._background.submit(lambda: profiles.delete(profile),
                                lambda _none: self.show_locked(self.tr("The profile was deleted.")),
                                lambda e: self.show_locked(error_text(e)))

    # ---- lock ----------------------------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide the content now; finish the writes under way, flush, wipe, close; then show the unlock screen."""
        if self.ctx is None or self.locking:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self._window:
            # A question is open (e.g. "Delete forever?"): answer it "no" by closing it, then lock once its caller
            # has returned, so no page code runs on widgets the lock has destroyed.
            modal.close()
            QTimer.singleShot(0, self.lock)
            return
        self._idle.stop()
        self._stack.setCurrentWidget(self.locking_page)
        self.ctx.ops.shutdown(self._finish_lock)

    def _finish_lock(self) -> None:
        ctx, view = self.ctx, self.app_view
        assert ctx is not None and view is not None
        errors = view.flush_all()
        view.wipe_all()
        ctx.close()
        self.ctx = self.app_view = None
        self.apply_preferences(None)
        self._stack.removeWidget(view)
        view.hide()
        view.deleteLater()
        then, self._after_lock = self._after_lock, None
        if not self.closing and then is not None and not errors:
            then()
        elif not self.closing:
            message = None
            if errors:
                message = self.tr("Your last words could not be saved before the lock: %1").replace(
                    "%1", error_text(errors[0])
                )
            self.show_locked(message)

    def shut_down(self) -> None:
        """The app quits: lock, and wait for the writes under way here, on the GUI thread."""
        self.closing = True
        ctx = self.ctx
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self._window:
            modal.close()
        self.lock()
        if ctx is not None and self.ctx is ctx:
            ctx.ops.finish_blocking()
        if self._pending is not None:
            self._pending.close()
            self._pending = None


def _ignore(_error: AppError) -> None:
    """keyring_problem() reports problems as its value; it has no failure of its own to show."""


def _with_content(profile: UnlockedProfile) -> UnlockedProfile:
    """Read the authored content (about 80 ms, once per process) here, on the unlock's worker thread, so the pages
    built right after do not read it on the GUI thread."""
    _ = profile.prompts.content, profile.practice.content
    return profile
