"""A path typed or chosen: a line edit with a "Choose…" button beside it, so a keyboard user (and a test) can type
the path while a mouse user browses. Native dialogs keep no recent-file list of ours (DESIGN.md §4)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class Choose(Enum):
    OPEN_FILE = "open"
    SAVE_FILE = "save"
    FOLDER = "folder"


class PathField(QWidget):
    changed = Signal()

    def __init__(self, mode: Choose, *, caption: str, file_filter: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self._caption = caption
        self.file_filter = file_filter
        self.edit = QLineEdit()
        self.edit.setAccessibleName(caption)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.button = QPushButton(self.tr("Choose…"))
        self.button.setAccessibleName(self.tr("Choose: %1").replace("%1", caption))
        self.button.clicked.connect(self.browse)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.button)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | str) -> None:
        self.edit.setText(str(path))

    def browse(self) -> None:
        start = self.edit.text() or str(Path.home())
        if self.mode is Choose.FOLDER:
            chosen = QFileDialog.getExistingDirectory(self, self._caption, start)
        elif self.mode is Choose.SAVE_FILE:
            chosen, _ = QFileDialog.getSaveFileName(self, self._caption, start, self.file_filter)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self._caption, start, self.file_filter)
        if chosen:
            self.set_path(chosen)


class ProgressRelay(QObject):
    """A worker's progress (0..1) brought to the GUI thread: the slot is queued because the relay lives here."""

    fraction = Signal(float)

    def report(self, value: float) -> None:
        self.fraction.emit(value)
