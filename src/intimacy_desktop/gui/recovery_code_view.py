"""Shows a recovery code exactly once and will not move on until the person says they saved it.

Used after creating a profile and after a recovery (which issues a new code). The code is the only way back into
the journal, so the Continue button stays disabled until the checkbox is ticked deliberately.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from intimacy_desktop.gui._generated.ui_recovery_code_view import Ui_RecoveryCodeView
from intimacy_desktop.gui.clipboard import ClipboardGuard


class RecoveryCodeView(QWidget):
    confirmed = Signal()

    def __init__(self, clipboard: ClipboardGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RecoveryCodeView()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self._clipboard = clipboard
        self._code = ""
        self.ui.savedCheck.toggled.connect(self.ui.continueButton.setEnabled)
        self.ui.copyButton.clicked.connect(self._copy)
        self.ui.continueButton.clicked.connect(self._continue)

    def show_code(self, code: str) -> None:
        self._code = code
        groups = code.split("-")
        half = len(groups) // 2
        # Two lines of four groups: easy to copy onto paper, and it never wraps mid-group.
        self.ui.codeLabel.setText("-".join(groups[:half]) + "\n" + "-".join(groups[half:]))
        self.ui.savedCheck.setChecked(False)
        self.ui.continueButton.setEnabled(False)
        self.ui.copyStatusLabel.clear()
        self.ui.codeLabel.setFocus()

    def code(self) -> str:
        return self._code

    def forget(self) -> None:
        self._code = ""
        self.ui.codeLabel.clear()
        self.ui.copyStatusLabel.clear()
        self.ui.savedCheck.setChecked(False)

    def _copy(self) -> None:
        self._clipboard.copy(self.code())
        self.ui.copyStatusLabel.setText(self.tr("Copied. The clipboard is cleared in 30 seconds."))

    def _continue(self) -> None:
        if self.ui.savedCheck.isChecked():
            self.confirmed.emit()
