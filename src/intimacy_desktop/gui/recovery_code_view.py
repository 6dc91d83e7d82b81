"""Shows a recovery code exactly once and will not move on until the person says they saved it.

Used after creating a profile and after a recovery (which issues a new code). The code is the only way back into
the journal, so the Continue button stays disabled until the checkbox is ticked deliberately. The code label never
wraps and never shrinks below its text, so both lines stay whole at every window size; Print puts the code on
paper (or into a PDF, through the print dialog) under a neutral heading that names neither the app nor a profile.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import QDialog, QWidget

from intimacy_desktop.gui._generated.ui_recovery_code_view import Ui_RecoveryCodeView
from intimacy_desktop.gui.clipboard import ClipboardGuard

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def code_lines(code: str) -> list[str]:
    """Two lines of four groups: easy to copy onto paper, and never broken inside a group."""
    groups = code.split("-")
    half = (len(groups) + 1) // 2
    return ["-".join(groups[:half]), "-".join(groups[half:])] if len(groups) > 1 else [code]


def printable_document(code: str) -> QTextDocument:
    """The printed page: a neutral heading and the code. Nothing about the profile, its name or its journal."""
    heading = QCoreApplication.translate("RecoveryCodeView", "Recovery code")
    lines = "<br>".join(html.escape(line) for line in code_lines(code)) if code else ""
    doc = QTextDocument()
    doc.setHtml(
        f"<h2>{html.escape(heading)}</h2>"
        f"<p style='font-family: \"DejaVu Sans Mono\", Menlo, Consolas, monospace; font-size: 20pt;'>{lines}</p>"
    )
    return doc


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
        self.ui.printButton.clicked.connect(lambda: self.print_code())
        self.ui.continueButton.clicked.connect(self._continue)
        self.ui.printButton.setEnabled(False)

    def show_code(self, code: str) -> None:
        self._code = code
        self.ui.codeLabel.setText("\n".join(code_lines(code)))
        self.ui.savedCheck.setChecked(False)
        self.ui.continueButton.setEnabled(False)
        self.ui.copyStatusLabel.clear()
        self.ui.printButton.setEnabled(bool(code))
        self.ui.codeLabel.setFocus()
        self._keep_whole()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_whole()

    def _keep_whole(self) -> None:
        """Wrapped text needs more height when narrower, which a window's minimum size ignores: without this a
        small window squeezes the code label to make room for the wrapped lines around it."""
        layout = self.layout()
        need = layout.totalHeightForWidth(self.width()) if layout is not None and layout.hasHeightForWidth() else 0
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def code(self) -> str:
        return self._code

    def forget(self) -> None:
        self._code = ""
        self.ui.codeLabel.clear()
        self.ui.copyStatusLabel.clear()
        self.ui.savedCheck.setChecked(False)
        self.ui.printButton.setEnabled(False)

    def print_code(self, printer: QPrinter | None = None) -> bool:
        """Print the code; True if it was sent. Without a printer, the print dialog asks where (a PDF is one choice)."""
        if not self._code:
            return False
        if printer is None:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter

            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.tr("Recovery code"))
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print your recovery code"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        printable_document(self._code).print_(printer)
        return True

    def _copy(self) -> None:
        self._clipboard.copy(self.code())
        self.ui.copyStatusLabel.setText(self.tr("Copied. The clipboard is cleared in 30 seconds."))

    def _continue(self) -> None:
        if self.ui.savedCheck.isChecked():
            self.confirmed.emit()
