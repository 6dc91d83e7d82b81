"""The entry form: what a person writes, with a Markdown preview beside the plain text.

The editor knows nothing about saving; it turns widgets into ``EntryFields`` (the core validates them) and tells
the page when something was edited, so drafts, saving and switching entries live in one controller.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from intimacy_desktop.core.journal import EntryFields, Kind, parse_tags
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui._generated.ui_entry_editor import Ui_EntryEditor
from intimacy_desktop.gui.flow_layout import FlowLayout
from intimacy_desktop.gui.formatting import pydate, qdate
from intimacy_desktop.gui.journal.labels import kind_name, layer_name, mood_color, mood_name
from intimacy_desktop.gui.journal.mood_calendar import ThemedCalendar

# Room for two fields or two buttons a line; with the entry list's column it fills the 900 px minimum window.
MIN_WIDTH = 340


def _dot(color: QColor) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawEllipse(1, 1, 12, 12)
    p.end()
    return QIcon(pix)


class EntryEditor(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_EntryEditor()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.entry_id: int | None = None
        self.dirty = False
        self._loading = False
        ui = self.ui
        # The fields and buttons wrap onto a second line in a narrow window rather than losing their text.
        for box, widgets in (
            (ui.metaBox, (ui.dateEdit, ui.moodCombo, ui.layerCombo, ui.kindCombo, ui.sharedCheck)),
            (ui.actionsBox, (ui.newButton, ui.deleteButton, ui.discardButton, ui.statusLabel)),
        ):
            flow = FlowLayout(box)
            for widget in widgets:
                flow.addWidget(widget)
        ui.buttonRow.setStretch(0, 1)
        self.setMinimumWidth(MIN_WIDTH)
        ui.moodCombo.addItem(self.tr("No weather"), None)
        for mood in range(1, 6):
            ui.moodCombo.addItem(_dot(mood_color(mood)), mood_name(mood), mood)
        for layer in Layer:
            ui.layerCombo.addItem(layer_name(layer), layer.value)
        for kind in Kind:
            ui.kindCombo.addItem(kind_name(kind), kind.value)
        ui.dateEdit.setCalendarWidget(ThemedCalendar(self))
        ui.dateEdit.setMaximumDate(QDate.currentDate().addDays(1))
        for edit in (ui.titleEdit, ui.tagsEdit):
            edit.textEdited.connect(self._on_edit)
        ui.bodyEdit.textChanged.connect(self._on_edit)
        ui.dateEdit.dateChanged.connect(self._on_edit)
        for combo in (ui.moodCombo, ui.layerCombo, ui.kindCombo):
            combo.currentIndexChanged.connect(self._on_edit)
        # "Shared with my partner" is not typed in: it follows the shared space (gui/journal/share_flag.py)
        ui.tabs.currentChanged.connect(self._on_tab)
        # The preview never follows a link: the app stays offline, and a click must not replace the entry.
        ui.previewBrowser.setOpenLinks(False)
        ui.previewBrowser.setOpenExternalLinks(False)
        ui.noticeLabel.hide()
        ui.errorLabel.hide()
        self.load(None, None)

    # ---- contents ------------------------------------------------------------------------------------------
    def load(self, entry_id: int | None, fields: EntryFields | None, *, dirty: bool = False) -> None:
        """Show an entry (or a blank new one when ``fields`` is None)."""
        self._loading = True
        f = fields or EntryFields(title="")
        ui = self.ui
        ui.titleEdit.setText(f.title)
        ui.bodyEdit.setPlainText(f.body)
        ui.dateEdit.setDate(qdate(f.entry_date))
        ui.moodCombo.setCurrentIndex(max(0, ui.moodCombo.findData(f.mood)) if f.mood is not None else 0)
        ui.layerCombo.setCurrentIndex(max(0, ui.layerCombo.findData(f.layer.value)))
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(f.kind.value)))
        ui.tagsEdit.setText(", ".join(f.tags))
        ui.sharedCheck.setChecked(f.shared)
        ui.previewBrowser.clear()
        ui.tabs.setCurrentWidget(ui.writeTab)
        self._loading = False
        self.entry_id = entry_id
        self.dirty = dirty
        self.show_error(None)
        self.ui.deleteButton.setEnabled(entry_id is not None or dirty)
        self.ui.discardButton.setVisible(dirty)
        self.set_status(self.tr("New entry") if entry_id is None else "")

    def fields(self) -> EntryFields:
        """The form as fields; raises the core's AppError when something is not valid."""
        ui = self.ui
        qdate = ui.dateEdit.date()
        mood = ui.moodCombo.currentData()
        return EntryFields(
            title=ui.titleEdit.text().strip(),
            body=ui.bodyEdit.toPlainText(),
            entry_date=pydate(qdate),
            mood=int(mood) if mood is not None else None,
            layer=Layer(ui.layerCombo.currentData()),
            kind=Kind(ui.kindCombo.currentData()),
            tags=parse_tags(ui.tagsEdit.text()),
            shared=ui.sharedCheck.isChecked(),
        )

    def is_blank(self) -> bool:
        ui = self.ui
        return not (ui.titleEdit.text().strip() or ui.bodyEdit.toPlainText().strip() or ui.tagsEdit.text().strip())

    def mark_clean(self, entry_id: int) -> None:
        self.entry_id = entry_id
        self.dirty = False
        self.ui.deleteButton.setEnabled(True)
        self.ui.discardButton.hide()

    def wipe(self) -> None:
        """Empty every field, including the preview and undo history: used on lock."""
        self.load(None, None)
        self.ui.bodyEdit.document().clearUndoRedoStacks()
        self.set_notice(None)
        self.set_status("")

    # ---- messages ------------------------------------------------------------------------------------------
    def set_notice(self, text: str | None) -> None:
        self.ui.noticeLabel.setText(text or "")
        self.ui.noticeLabel.setVisible(bool(text))

    def show_error(self, message: str | None) -> None:
        self.ui.errorLabel.setText(message or "")
        self.ui.errorLabel.setVisible(bool(message))

    def set_status(self, text: str) -> None:
        self.ui.statusLabel.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        ui = self.ui
        for w in (ui.titleEdit, ui.tagsEdit):
            w.setReadOnly(read_only)
        ui.bodyEdit.setReadOnly(read_only)
        for w2 in (ui.dateEdit, ui.moodCombo, ui.layerCombo, ui.kindCombo, ui.sharedCheck, ui.saveButton,
                   ui.newButton, ui.deleteButton, ui.discardButton):
            w2.setEnabled(not read_only)

    # ---- reactions -----------------------------------------------------------------------------------------
    def _on_edit(self, *_args: object) -> None:
        if self._loading:
            return
        self.dirty = True
        self.ui.deleteButton.setEnabled(True)
        self.ui.discardButton.show()
        self.set_status(self.tr("Unsaved changes"))
        self.edited.emit()

    def _on_tab(self, index: int) -> None:
        if self.ui.tabs.widget(index) is self.ui.previewTab:
            self.ui.previewBrowser.setMarkdown(self.ui.bodyEdit.toPlainText())
