"""Getting back in with the recovery code: after a forgotten passphrase or on a new computer.

A successful recovery gives the profile a new key (the journal is re-encrypted under it, with a bar that fills),
fresh keyring access, a new passphrase and a NEW recovery code (the old one stops working), so the dialog ends by
showing that code once, like the first run does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.gui.background import Background
from intimacy_desktop.gui.clipboard import ClipboardGuard
from intimacy_desktop.gui.countdown import Countdown
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.first_run import MIN_PASSPHRASE
from intimacy_desktop.gui.recovery_code_view import RecoveryCodeView

if TYPE_CHECKING:
    from intimacy_desktop.services.profiles import CreatedProfile, ProfileInfo, ProfileService, UnlockedProfile


class _ProgressRelay(QObject):
    """Carries the re-key's progress (0..1) from the worker thread to the dialog, queued."""

    moved = Signal(float)


class RecoveryDialog(QDialog):
    def __init__(
        self,
        profiles: ProfileService,
        info: ProfileInfo,
        background: Background,
        clipboard: ClipboardGuard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Use your recovery code"))
        self.profile: UnlockedProfile | None = None
        self._profiles, self._info, self._background = profiles, info, background
        self._keyring_problem: str | None = None  # asked in the background below: D-Bus may be slow

        self.steps = QStackedWidget(self)
        form = QWidget()
        lay = QVBoxLayout(form)
        lay.setSpacing(8)
        intro = QLabel(self.tr("Type the recovery code you saved when you set up this profile, then choose a new "
                               "passphrase. You will get a new recovery code afterwards."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Recovery code"))
        self.code_edit.setAccessibleName(self.tr("Recovery code"))
        self.new_edit = QLineEdit()
        self.confirm_edit = QLineEdit()
        labels = (self.tr("New passphrase"), self.tr("Type it once more"))
        for edit, text in zip((self.new_edit, self.confirm_edit), labels, strict=True):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
        for w in (self.code_edit, self.new_edit, self.confirm_edit):
            lay.addWidget(w)
        self.keyring_label = QLabel()
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setProperty("role", "warning")
        self.passphrase_only = QCheckBox(self.tr("Use a passphrase only, without the keyring"))
        self.set_keyring_problem(None)
        background.submit(
            profiles.keyring_problem,
            lambda problem: self.set_keyring_problem(error_text(problem) if problem is not None else None),
            lambda _error: None,
        )
        lay.addWidget(self.keyring_label)
        lay.addWidget(self.passphrase_only)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("role", "error")
        self.error_label.hide()
        lay.addWidget(self.error_label)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        lay.addWidget(self.busy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.recover_button = self.buttons.addButton(self.tr("Recover"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.recover_button.setProperty("role", "primary")
        self.buttons.accepted.connect(self._recover)
        self.buttons.rejected.connect(self.reject)
        self._progress = _ProgressRelay(self)
        self._progress.moved.connect(self._show_progress)
        self.countdown = Countdown(self)  # the delay after wrong recovery codes: Recover waits until it is over
        self.countdown.changed.connect(self._show_wait)
        self.countdown.ended.connect(self._wait_over)
        lay.addWidget(self.buttons)
        self.steps.addWidget(form)
        self._form = form

        self.code_view = RecoveryCodeView(clipboard)
        self.code_view.confirmed.connect(self._done)
        self.steps.addWidget(self.code_view)
        self.steps.setMinimumWidth(472)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        # Never smaller than what the current step needs: the new code is shown once and must be whole.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        outer.addWidget(self.steps)

    def set_keyring_problem(self, problem: str | None) -> None:
        self._keyring_problem = problem
        self.keyring_label.setText(problem or "")
        self.keyring_label.setVisible(problem is not None)
        self.passphrase_only.setVisible(problem is not None)

    def _problem(self) -> str | None:
        if not self.code_edit.text().strip():
            return self.tr("Type your recovery code.")
        if len(self.new_edit.text()) < MIN_PASSPHRASE:
            return self.tr("Use a new passphrase of at least %n characters.", "", MIN_PASSPHRASE)
        if self.new_edit.text() != self.confirm_edit.text():
            return self.tr("The two new passphrases do not match.")
        if self._keyring_problem is not None and not self.passphrase_only.isChecked():
            return self.tr("Tick the passphrase-only option to continue without the keyring.")
        return None

    def _recover(self) -> None:
        problem = self._problem()
        if problem is not None:
            self._show_error(problem)
            return
        self.error_label.hide()
        self._set_busy(True)
        code, new = self.code_edit.text(), self.new_edit.text()
        only = self._keyring_problem is not None
        info, profiles = self._info, self._profiles
        relay = self._progress
        self._background.submit(
            lambda: profiles.recover(info, code, new, passphrase_only=only, progress=relay.moved.emit),
            self._recovered,
            self._failed,
        )

    def _show_progress(self, fraction: float) -> None:
        """The journal is being re-encrypted under its new key: a bar that fills, for a large journal's seconds."""
        self.busy.setRange(0, 100)
        self.busy.setValue(round(fraction * 100))
        self.busy.setAccessibleName(self.tr("Re-encrypting your journal under its new key"))

    def _recovered(self, created: CreatedProfile) -> None:
        self._set_busy(False)
        self.profile = created.profile
        for edit in (self.code_edit, self.new_edit, self.confirm_edit):
            edit.clear()
        self.steps.setCurrentWidget(self.code_view)
        self.code_view.show_code(created.recovery_code)

    def _failed(self, error: AppError) -> None:
        self._set_busy(False)
        if not self.countdown.start(error):
            self._show_error(error_text(error))

    def _show_wait(self, message: str) -> None:
        self.recover_button.setEnabled(False)
        self._show_error(message)

    def _wait_over(self) -> None:
        self.recover_button.setEnabled(True)
        self.error_label.hide()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setRange(0, 0)  # busy until the re-key reports how far it got
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.setVisible(busy)
        self._form.setEnabled(not busy)

    def _done(self) -> None:
        self.code_view.forget()
        self.accept()

    def reject(self) -> None:
        # Once recovered, the new code must be acknowledged: the old one no longer works.
        if self.profile is not None or self.busy.isVisible():
            return
        super().reject()
