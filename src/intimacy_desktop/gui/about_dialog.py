"""About Intimacy Desktop: the version, the app's licence, and every open-source component it ships with,
each with its licence text (Qt, used through PySide6 under the LGPL, first among them).

The list and the texts are written at build time by scripts/third_party.py into gui/_generated/ and read through
intimacy_desktop.resources, so the dialog shows exactly what this build bundles, in the source tree, the wheel and
the installed app alike.
"""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop import APP_NAME, __version__, resources
from intimacy_desktop.gui.app_icon import app_pixmap


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    license: str
    text_file: Path


@dataclass(frozen=True)
class Licences:
    app_license: str
    app_text_file: Path
    components: list[Component]


def load_licences(folder: Path | None = None) -> Licences | None:
    """The build's component list (from the installation unless ``folder`` is given), or None when it is missing
    or unreadable (the dialog then says so)."""
    folder = resources.licence_folder() if folder is None else folder
    try:
        data = json.loads((folder / "third_party.json").read_text(encoding="utf-8"))
        texts = folder / "licenses"
        components = [Component(str(c["name"]), str(c["version"]), str(c["license"]), texts / str(c["file"]))
                      for c in data["components"]]
        return Licences(str(data["app_license"]), texts / str(data["app_file"]), components)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def version_report() -> str:
    """One line for a bug report: nothing personal, only what was installed."""
    return (f"{APP_NAME} {__version__} · Qt {qVersion()} · Python {platform.python_version()} · "
            f"{platform.system()} {platform.release()}")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, licence_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Intimacy Desktop"))
        self.setMinimumSize(640, 560)
        self.licences = load_licences(licence_folder)

        icon = QLabel()
        icon.setPixmap(app_pixmap(96))
        icon.setFixedSize(104, 104)
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Intimacy Desktop"))
        title.setProperty("role", "headline")
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__))
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        promise = QLabel(self.tr("Private and offline: what you write stays on this computer, encrypted, and the "
                                 "app never connects to the internet."))
        promise.setWordWrap(True)
        promise.setProperty("role", "muted")
        licence_line = QLabel(self.tr("Free software under the GNU General Public License, version 3 or later: "
                                      "you may use, study, share and change it."))
        licence_line.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self.version_label)
        heading.addWidget(promise)
        heading.addWidget(licence_line)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        components_label = QLabel(self.tr("Built with these open-source components. Select one to read its "
                                          "licence. Qt's libraries are separate files in the install folder, so "
                                          "they can be replaced, as the LGPL allows."))
        components_label.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.table.setAccessibleName(self.tr("Open-source components"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Licence text"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setSizes([220, 200])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.app_licence_button = QPushButton(self.tr("Show the app's licence"))
        self.app_licence_button.clicked.connect(self.show_app_licence)
        copy_button = QPushButton(self.tr("Copy version details"))
        copy_button.setToolTip(self.tr("For a bug report: the app, Qt, Python and system versions, nothing else"))
        copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(version_report()))
        buttons.addButton(self.app_licence_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(components_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self.show_component(row))
        self._fill()

    def _fill(self) -> None:
        if self.licences is None:
            self.table.setEnabled(False)
            self.app_licence_button.setEnabled(False)
            self.text.setPlainText(self.tr("The list of components was not found in this installation. "
                                           "Reinstalling the app restores it."))
            return
        self.table.setRowCount(len(self.licences.components))
        for row, component in enumerate(self.licences.components):
            for column, value in enumerate((component.name, component.version, component.license)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.selectRow(0)

    def show_component(self, row: int) -> None:
        if self.licences is None or not 0 <= row < len(self.licences.components):
            return
        component = self.licences.components[row]
        text = read_text(component.text_file)
        self.text.setPlainText(text or self.tr("The licence text for %1 is missing from this installation.")
                               .replace("%1", component.name))

    def show_app_licence(self) -> None:
        if self.licences is not None:
            self.table.clearSelection()
            self.text.setPlainText(read_text(self.licences.app_text_file))
