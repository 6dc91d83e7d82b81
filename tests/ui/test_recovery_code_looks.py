"""The recovery code is shown only once, so it must be whole at every size, and it can be printed (to paper or PDF).

Issue 7, defect 3: in the recovery dialog the code's second line was clipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from looks_support import OFFSCREEN_LIMITS, settle_layouts, themed
from PySide6.QtCore import QRect, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from ui_support import PASSPHRASE

from intimacy_desktop.gui import recovery_code_view
from intimacy_desktop.gui.background import Background
from intimacy_desktop.gui.clipboard import ClipboardGuard
from intimacy_desktop.gui.first_run import FirstRunPage
from intimacy_desktop.gui.recovery_dialog import RecoveryDialog

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
CODE = "QFHQ-A5DH-WMII-5F2D-Y6KZ-VQ3X-UDUT-FGWN"


def assert_code_fully_visible(label: QLabel, code: str) -> None:
    """Both lines of groups are on screen: the label has the room its text asks for, and each line fits."""
    label.ensurePolished()
    hint = label.sizeHint()
    assert label.width() >= hint.width() and label.height() >= hint.height(), (label.size(), hint)
    room = label.contentsRect()
    metrics = label.fontMetrics()
    lines = label.text().split("\n")
    assert "".join(lines).replace("-", "") == code.replace("-", "")
    assert all(metrics.horizontalAdvance(line) <= room.width() for line in lines)
    needed = metrics.boundingRect(QRect(0, 0, room.width(), 10_000), int(Qt.AlignmentFlag.AlignCenter), label.text())
    assert needed.height() <= room.height(), (needed, room)
    # The label is not cut by the widgets around it either: all of it lies inside its window.
    top_left = label.mapTo(label.window(), label.rect().topLeft())
    assert label.window().rect().contains(QRect(top_left, label.size()))


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_new_code_is_whole_in_the_recovery_dialog_also_at_its_minimum_size(  # type: ignore[no-untyped-def]
    qtbot, profiles, secret_store, dark: bool
) -> None:
    created = profiles.create("Ours", PASSPHRASE)
    created.profile.close()
    owner = QWidget()
    qtbot.addWidget(owner)
    with themed(dark):
        dialog = RecoveryDialog(profiles, profiles.list_profiles()[0], Background(owner), ClipboardGuard(owner))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.code_edit, created.recovery_code)
        qtbot.keyClicks(dialog.new_edit, "a brand new passphrase")
        qtbot.keyClicks(dialog.confirm_edit, "a brand new passphrase")
        dialog.recover_button.click()
        qtbot.waitUntil(lambda: dialog.steps.currentWidget() is dialog.code_view, timeout=10_000)
        label = dialog.code_view.ui.codeLabel
        settle_layouts()
        assert_code_fully_visible(label, dialog.code_view.code())
        dialog.resize(1, 1)  # as small as the dialog lets itself be made
        settle_layouts()
        assert dialog.size() == dialog.minimumSize()
        assert_code_fully_visible(label, dialog.code_view.code())
        dialog.code_view.ui.savedCheck.setChecked(True)
        dialog.code_view.ui.continueButton.click()


@pytest.mark.parametrize("size", [(900, 620), (1200, 780)], ids=["minimum", "default"])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_code_is_whole_on_the_first_run_page(qtbot, size: tuple[int, int], dark: bool) -> None:  # type: ignore[no-untyped-def]
    with themed(dark):
        window = QWidget()
        qtbot.addWidget(window)
        page = FirstRunPage(ClipboardGuard(window))
        QVBoxLayout(window).addWidget(page)
        window.resize(*size)
        window.show()
        page.start("Profile 1", can_cancel=False)
        page.show_recovery_code(CODE)
        qtbot.waitExposed(window)
        settle_layouts()
        assert_code_fully_visible(page.code_view.ui.codeLabel, CODE)
        assert page.code_view.ui.printButton.isVisibleTo(window)


def test_print_button_is_offered_wherever_the_code_is_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = recovery_code_view.RecoveryCodeView(ClipboardGuard(None))
    qtbot.addWidget(view)
    view.show()
    view.show_code(CODE)
    button = view.ui.printButton
    assert button.isVisible() and button.isEnabled()
    assert "print" in button.text().lower()
    view.forget()
    assert not button.isEnabled()  # nothing left to print


def test_printing_writes_a_pdf_with_only_the_code_and_a_neutral_heading(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = recovery_code_view.RecoveryCodeView(ClipboardGuard(None))
    qtbot.addWidget(view)
    view.show_code(CODE)
    target = tmp_path / "recovery-code.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    assert view.print_code(printer)  # the print dialog is skipped when a printer is handed in
    assert target.exists() and target.stat().st_size > 1000
    assert target.read_bytes().startswith(b"%PDF")
    # What goes on paper: a heading that names neither the app nor the profile, and the code. Nothing else.
    text = recovery_code_view.printable_document(CODE).toPlainText()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines == ["Recovery code", "QFHQ-A5DH-WMII-5F2D", "Y6KZ-VQ3X-UDUT-FGWN"]


def test_nothing_is_printed_without_a_code(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = recovery_code_view.RecoveryCodeView(ClipboardGuard(None))
    qtbot.addWidget(view)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "empty.pdf"))
    assert not view.print_code(printer)
    assert not (tmp_path / "empty.pdf").exists()
