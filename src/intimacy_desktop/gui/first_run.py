"""Creating a profile: a neutral name, a passphrase (or a deliberate choice to go without), then the recovery code.

Every risky choice needs a deliberate tick: going without a passphrase, going without the keyring, and saying the
recovery code is saved. The slow key derivation runs in the background helper, driven by the main window.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from intimacy_desktop.core.input_rules import MIN_PASSPHRASE as MIN_PASSPHRASE  # shared with the CLI
from intimacy_desktop.gui._generated.ui_first_run_page import Ui_FirstRunPage
from intimacy_desktop.gui.clipboard import ClipboardGuard
from intimacy_desktop.gui.recovery_code_view import RecoveryCodeView


class FirstRunPage(QWidget):
    create_requested = Signal(str, object, bool)  # label, passphrase (str | None), passphrase_only
    cancelled = Signal()
    restore_requested = Signal()
    by_name_requested = Signal()
    finished = Signal()

    def __init__(self, clipboard: ClipboardGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.code_view = RecoveryCodeView(clipboard, self.ui.codeStep)
        self.ui.codeStepLayout.addWidget(self.code_view)
        self.code_view.confirmed.connect(self._finish)
        self._keyring_problem: str | None = None
        for edit in (self.ui.labelEdit, self.ui.passphraseEdit, self.ui.confirmEdit):
            edit.textChanged.connect(self._update_state)
        for check in (self.ui.noPassphraseCheck, self.ui.passphraseOnlyCheck):
            check.toggled.connect(self._update_state)
        self.ui.noPassphraseCheck.toggled.connect(lambda without: self.ui.hiddenCheck.setEnabled(not without))
        self.ui.createButton.clicked.connect(self._create)
        self.ui.confirmEdit.returnPressed.connect(self._create)
        self.ui.cancelButton.clicked.connect(self.cancelled)
        self.ui.restoreButton.clicked.connect(self.restore_requested)
        self.ui.byNameButton.clicked.connect(self.by_name_requested)
        self.ui.errorLabel.hide()

    def start(self, suggested_label: str, *, can_cancel: bool) -> None:
        """Show step 1 fresh. The keyring is asked about separately (it can be slow), see set_keyring_problem."""
        self.ui.steps.setCurrentWidget(self.ui.setupStep)
        self.ui.labelEdit.setText(suggested_label)
        for edit in (self.ui.passphraseEdit, self.ui.confirmEdit):
            edit.clear()
        self.ui.noPassphraseCheck.setChecked(False)
        self.ui.passphraseOnlyCheck.setChecked(False)
        self.ui.hiddenCheck.setChecked(False)
        self.set_keyring_problem(None)
        self.ui.cancelButton.setVisible(can_cancel)
        self.ui.errorLabel.hide()
        self.code_view.forget()
        self.set_busy(False)
        self.ui.labelEdit.setFocus()

    def set_keyring_problem(self, keyring_problem: str | None) -> None:
        """None: a keyring answered. Else its message, and the explicit passphrase-only consent."""
        self._keyring_problem = keyring_problem
        self.ui.keyringProblemLabel.setText(
            (keyring_problem or "")
            + "\n\n"
            + self.tr("You can still protect this profile with a passphrase alone. Without the keyring, the "
                      "passphrase is the only lock, so choose a strong one.")
        )
        self.ui.keyringProblemLabel.setVisible(keyring_problem is not None)
        self.ui.passphraseOnlyCheck.setVisible(keyring_problem is not None)
        self.ui.noPassphraseCheck.setVisible(keyring_problem is None)
        if keyring_problem is not None:
            self.ui.noPassphraseCheck.setChecked(False)
        self._update_state()

    def set_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        self.ui.busyLabel.setVisible(busy)
        self.ui.setupStep.setEnabled(not busy)
        if not busy:
            self._update_state()

    def show_error(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.show()

    def show_recovery_code(self, code: str) -> None:
        """Step 2; the passphrase fields are emptied now that they have done their job."""
        self.ui.passphraseEdit.clear()
        self.ui.confirmEdit.clear()
        self.ui.steps.setCurrentWidget(self.ui.codeStep)
        self.code_view.show_code(code)

    # ---- validation --------------------------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why Create is not possible yet, or None."""
        if not self.ui.labelEdit.text().strip():
            return self.tr("Give the profile a name.")
        if self._keyring_problem is not None and not self.ui.passphraseOnlyCheck.isChecked():
            return self.tr("Tick the passphrase-only option above to continue without the keyring.")
        if self.ui.noPassphraseCheck.isChecked() and self._keyring_problem is None:
            return None
        passphrase = self.ui.passphraseEdit.text()
        if len(passphrase) < MIN_PASSPHRASE:
            return self.tr("Use a passphrase of at least %n characters.", "", MIN_PASSPHRASE)
        if passphrase != self.ui.confirmEdit.text():
            return self.tr("The two passphrases do not match yet.")
        return None

    def _update_state(self) -> None:
        without = self.ui.noPassphraseCheck.isChecked() and self._keyring_problem is None
        # Without a keyring the passphrase is chosen only after the deliberate passphrase-only tick; until then
        # the fields are visibly off rather than looking ready and taking nothing.
        waiting = self._keyring_problem is not None and not self.ui.passphraseOnlyCheck.isChecked()
        self.ui.noPassphraseWarning.setVisible(without)
        for w in (self.ui.passphraseLabel, self.ui.passphraseEdit, self.ui.confirmEdit):
            w.setEnabled(not without and not waiting)
        self.ui.strengthLabel.setText(
            self.tr("Tick “Use a passphrase only” above first, then choose your passphrase here.")
            if waiting else self._hint(without)
        )
        self.ui.createButton.setEnabled(self.problem() is None and not self.ui.busyBar.isVisible())

    def _hint(self, without: bool) -> str:
        if without:
            return ""
        passphrase = self.ui.passphraseEdit.text()
        if not passphrase:
            return self.tr("Tip: four or five unrelated words are strong and easy to remember.")
        problem = self.problem()
        if problem is not None:
            return problem
        if len(passphrase) >= 20 or (len(passphrase) >= 14 and len(passphrase.split()) >= 3):
            return self.tr("Strong passphrase.")
        if len(passphrase) >= 12:
            return self.tr("Good. A few more words would make it stronger.")
        return self.tr("Fair. Longer is stronger: try a short sentence only you would think of.")

    def hidden_requested(self) -> bool:
        """"Hide this profile" (only with a passphrase: without one its name would open it)."""
        return self.ui.hiddenCheck.isChecked() and not self.ui.noPassphraseCheck.isChecked()

    def _create(self) -> None:
        if not self.ui.createButton.isEnabled() or self.problem() is not None:
            return
        self.ui.errorLabel.hide()
        without = self.ui.noPassphraseCheck.isChecked() and self._keyring_problem is None
        passphrase = None if without else self.ui.passphraseEdit.text()
        passphrase_only = self._keyring_problem is not None and self.ui.passphraseOnlyCheck.isChecked()
        self.create_requested.emit(self.ui.labelEdit.text().strip(), passphrase, passphrase_only)

    def _finish(self) -> None:
        self.code_view.forget()
        self.finished.emit()
