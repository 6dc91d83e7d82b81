"""Back up this profile into one encrypted file, and restore a profile from one (as a new profile, never over one).

Both run as the profile's operations (gui/operations.py) with a progress bar: the window stays responsive while
tens of megabytes are encrypted and read back. Passphrases typed here are cleared as soon as the work has them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.errors import AppError, UsageError
from intimacy_desktop.core.input_rules import check_new_passphrase
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.recovery_code_view import RecoveryCodeView
from intimacy_desktop.gui.settings_page.path_field import Choose, PathField, ProgressRelay

if TYPE_CHECKING:
    from intimacy_desktop.gui.background import Background
    from intimacy_desktop.gui.clipboard import ClipboardGuard
    from intimacy_desktop.gui.shell.context import ProfileContext
    from intimacy_desktop.services.backups import BackupService, Restored
    from intimacy_desktop.storage.backup import Manifest

FILTER = "Intimacy Desktop backups (*.idbackup)"


def _secret(label: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(label)
    return edit


Runner = Callable[["WorkDialog", Callable[[], Any], Callable[[Any], None], str], None]


def ops_runner(ctx: ProfileContext) -> Runner:
    """Work of an unlocked profile: its operations (the lock waits for it, gui/operations.py)."""
    def run(dialog: WorkDialog, work: Callable[[], Any], done: Callable[[Any], None], label: str) -> None:
        ctx.ops.op(dialog, work).success(done).failure(dialog.failed).with_progress(label).run()
    return run


def background_runner(background: Background) -> Runner:
    """Work before any profile is open (a restore from the first-run or unlock screen)."""
    def run(dialog: WorkDialog, work: Callable[[], Any], done: Callable[[Any], None], _label: str) -> None:
        background.submit(work, done, dialog.failed)
    return run


class WorkDialog(QDialog):
    """What the dialogs share: a form, a progress bar, a line that says how it went, and the two buttons. Each
    dialog defines ``start``: what its action button does."""

    start: Callable[[], None]

    def __init__(self, ctx: ProfileContext | None, title: str, intro: str, action: str, parent: QWidget | None,
                 runner: Runner | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        assert runner is not None or ctx is not None
        self.run_work: Runner = runner if runner is not None else ops_runner(ctx)  # type: ignore[arg-type]
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Result"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.go = QPushButton(action)
        self.go.setProperty("role", "primary")
        self.go.setDefault(True)
        self.buttons.addButton(self.go, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.go.clicked.connect(self.start)
        self.relay = ProgressRelay(self)
        self.relay.fraction.connect(lambda f: self.progress.setValue(round(f * 100)))
        self.body = QVBoxLayout()
        self.body.addWidget(self.intro)
        self.body.addLayout(self.form)
        self.body.addWidget(self.progress)
        self.body.addWidget(self.status)
        lay = QVBoxLayout(self)
        lay.addLayout(self.body)
        lay.addWidget(self.buttons)

    def _busy(self, busy: bool) -> None:
        self.go.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setValue(0)
            self.status.setText(self.tr("Working…"))

    def failed(self, error: AppError) -> None:
        self._busy(False)
        self.status.setText(error_text(error))

    @property
    def ctx(self) -> ProfileContext:
        assert self._ctx is not None
        return self._ctx


class BackupDialog(WorkDialog):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Back up this profile"),
            self.tr("A backup is one encrypted file of this profile. It opens with the backup passphrase you choose "
                    "here, on this computer or on a new one. Keep the passphrase somewhere safe: without it, nobody "
                    "can open the backup, you included."),
            self.tr("Back up"), parent)
        self.target = PathField(Choose.SAVE_FILE, caption=self.tr("Save the backup as"), file_filter=FILTER)
        self.target.set_path(Path.home() / f"intimacy-backup-{dt.date.today().isoformat()}.idbackup")
        self.passphrase = _secret(self.tr("Backup passphrase"))
        self.repeat = _secret(self.tr("Repeat the backup passphrase"))
        self.form.addRow(self.tr("Save as"), self.target)
        self.form.addRow(self.tr("Backup passphrase"), self.passphrase)
        self.form.addRow(self.tr("Repeat it"), self.repeat)

    def start(self) -> None:
        target, passphrase = self.target.path(), self.passphrase.text()
        try:
            if target is None:
                raise UsageError("export_folder_missing")
            check_new_passphrase(passphrase)
            if passphrase != self.repeat.text():
                raise UsageError("passphrases_differ")
        except AppError as exc:
            self.status.setText(error_text(exc))
            return
        self.passphrase.clear()
        self.repeat.clear()
        backups, profile, report = self.ctx.backups, self.ctx.profile, self.relay.report
        assert backups is not None
        self._busy(True)
        self.run_work(self, lambda: backups.create(target, passphrase, profile, progress=report),
                      lambda manifest: self._done(manifest, target), self.tr("Writing the backup…"))

    def _done(self, manifest: Manifest, target: Path) -> None:
        self._busy(False)
        entries = manifest.items[0].entries or 0
        self.status.setText(self.tr("Backup written and checked: %Ln entries in %1.", "", entries)
                            .replace("%1", target.name))


class RestoreDialog(WorkDialog):
    restored = Signal(object)  # ProfileInfo of the new profile

    def __init__(self, backups: BackupService, clipboard: ClipboardGuard, runner: Runner,
                 parent: QWidget | None = None, *, unlocked: bool = True) -> None:
        self._backups = backups
        self._unlocked = unlocked
        super().__init__(
            None, self.tr("Restore from a backup"),
            self.tr("A restored profile is added beside the others; nothing here is replaced. It gets the new "
                    "passphrase you choose here and a new recovery code. (A profile from a backup of every profile "
                    "comes back as it was, with its own passphrase.)"),
            self.tr("Restore"), parent, runner)
        self.progress.setRange(0, 0)  # a restore reports no fractions: a busy bar
        self.source = PathField(Choose.OPEN_FILE, caption=self.tr("The backup file"), file_filter=FILTER)
        self.passphrase = _secret(self.tr("Backup passphrase"))
        self.which = QLineEdit()
        self.which.setAccessibleName(self.tr("Which profile of the backup"))
        self.which.setPlaceholderText(self.tr("Only needed when the backup holds several"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name of the restored profile"))
        self.name.setPlaceholderText(self.tr("Its name in the backup"))
        self.new_passphrase = _secret(self.tr("New passphrase for the restored profile"))
        self.repeat = _secret(self.tr("Repeat the new passphrase"))
        for label, field in ((self.tr("Backup file"), self.source), (self.tr("Backup passphrase"), self.passphrase),
                             (self.tr("Profile in the backup"), self.which), (self.tr("Restore as"), self.name),
                             (self.tr("New passphrase"), self.new_passphrase), (self.tr("Repeat it"), self.repeat)):
            self.form.addRow(label, field)
        self.code_view = RecoveryCodeView(clipboard)
        self.code_view.confirmed.connect(self.accept)
        self.body.addWidget(self.code_view)
        self.code_view.hide()

    def start(self) -> None:
        source, passphrase, new = self.source.path(), self.passphrase.text(), self.new_passphrase.text()
        try:
            if source is None:
                raise UsageError("import_unreadable")
            if new or self.repeat.text():
                check_new_passphrase(new)
                if new != self.repeat.text():
                    raise UsageError("passphrases_differ")
            else:
                raise UsageError("passphrase_empty")
        except AppError as exc:
            self.status.setText(error_text(exc))
            return
        for edit in (self.passphrase, self.new_passphrase, self.repeat):
            edit.clear()
        item, label = self.which.text().strip() or None, self.name.text().strip() or None
        backups = self._backups
        self._busy(True)
        self.run_work(self, lambda: backups.restore(source, passphrase, item=item, label=label, new_passphrase=new),
                      self._done, self.tr("Restoring…"))

    def _done(self, restored: Restored) -> None:
        self._busy(False)
        text = self.tr("Restored as “%1”. To open it, lock (Ctrl+L) and choose it on the unlock screen.")
        if not self._unlocked:
            text = self.tr("Restored as “%1”. Choose it on the unlock screen to open it.")
        self.status.setText(text.replace("%1", restored.info.label))
        self.restored.emit(restored.info)
        if restored.recovery_code:
            self.code_view.show_code(restored.recovery_code)
            self.code_view.show()
            self.go.hide()

    def done(self, result: int) -> None:
        self.code_view.forget()
        super().done(result)


class SchedulePassphraseDialog(WorkDialog):
    """The passphrase of the scheduled backups, asked once: its derived key is kept in the encrypted profile."""

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Passphrase for scheduled backups"),
            self.tr("Scheduled backups are written without asking, so their passphrase is asked once, here. It is "
                    "what opens them on another computer: keep it somewhere safe, away from this one."),
            self.tr("Save"), parent)
        self.passphrase = _secret(self.tr("Backup passphrase"))
        self.repeat = _secret(self.tr("Repeat the backup passphrase"))
        self.form.addRow(self.tr("Backup passphrase"), self.passphrase)
        self.form.addRow(self.tr("Repeat it"), self.repeat)

    def start(self) -> None:
        from intimacy_desktop.services.scheduled_backups import ScheduledBackups

        passphrase = self.passphrase.text()
        try:
            check_new_passphrase(passphrase)
            if passphrase != self.repeat.text():
                raise UsageError("passphrases_differ")
        except AppError as exc:
            self.status.setText(error_text(exc))
            return
        self.passphrase.clear()
        self.repeat.clear()
        assert self.ctx.backups is not None
        scheduled, profile = ScheduledBackups(self.ctx.backups), self.ctx.profile
        self._busy(True)
        self.run_work(self, lambda: scheduled.set_passphrase(profile, passphrase), self._done,
                      self.tr("Keeping the passphrase…"))

    def _done(self, _none: object) -> None:
        self._busy(False)
        self.go.hide()
        self.status.setText(self.tr("Saved. Scheduled backups will use it."))
