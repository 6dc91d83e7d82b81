"""The journal page and its controller: list, filters, editor, drafts, trash and undo.

Drafts are saved into the encrypted database 1.5 s after typing pauses, never into a temp file, so a crash or a
power cut loses at most a moment of writing. A new entry that is still empty is never saved.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QDateTime, QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.gui.journal.delegate import EntryDelegate
from intimacy_desktop.gui.journal.editor import EntryEditor
from intimacy_desktop.gui.journal.filter_panel import FilterPanel
from intimacy_desktop.gui.journal.list_model import EntryListModel

if TYPE_CHECKING:
    from intimacy_desktop.services.journal import JournalService

DRAFT_DELAY_MS = 1500

_F = TypeVar("_F", bound=Callable[..., Any])


def _shows_errors(method: _F) -> _F:
    """A failed trash, restore or delete (a full disk, say) is said in the editor, in one sentence."""

    @functools.wraps(method)
    def wrapper(self: JournalPage, *args: Any) -> Any:
        try:
            return method(self, *args)
        except AppError as exc:
            self.editor.show_error(exc.message)
            return None

    return cast(_F, wrapper)


class JournalPage(QWidget):
    def __init__(self, journal: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._trashed_id: int | None = None
        self.filters = FilterPanel()
        self.model = EntryListModel(journal, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Entries"))
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.trash_button = QPushButton(self.tr("Trash"))
        self.trash_button.setCheckable(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.purge_button = QPushButton(self.tr("Delete forever…"))
        self.editor = EntryEditor()
        self.undo_label = QLabel(self.tr("Entry moved to trash."))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self._build_layout()

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        self.editor.edited.connect(self._draft_timer.start)
        self.filters.changed.connect(self.refresh)
        self.filters.month_changed.connect(self._refresh_calendar)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.trash_button.toggled.connect(self._set_trash_mode)
        self.restore_button.clicked.connect(self._restore_selected)
        self.purge_button.clicked.connect(self._purge_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        ed = self.editor.ui
        ed.saveButton.clicked.connect(self.save)
        ed.newButton.clicked.connect(self.new_entry)
        ed.deleteButton.clicked.connect(self.delete_current)
        ed.discardButton.clicked.connect(self.discard_changes)
        self._shortcut(QKeySequence.StandardKey.New, self.new_entry)
        self._shortcut(QKeySequence.StandardKey.Save, self.save)
        self._shortcut(QKeySequence.StandardKey.Find, self.focus_search)
        self._undo_shortcut = self._shortcut(QKeySequence.StandardKey.Undo, self.undo_delete)
        self._undo_shortcut.setEnabled(False)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)

        self.refresh()
        self._recover_draft()

    def _shortcut(self, key: QKeySequence.StandardKey, slot: object) -> QShortcut:
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(slot)
        return sc

    def _build_layout(self) -> None:
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label)
        count_row.addStretch(1)
        count_row.addWidget(self.trash_button)
        trash_row = QHBoxLayout()
        trash_row.addWidget(self.restore_button)
        trash_row.addStretch(1)
        trash_row.addWidget(self.purge_button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(20, 18, 10, 18)
        lv.setSpacing(8)
        lv.addWidget(self.filters)
        lv.addLayout(count_row)
        lv.addWidget(self.list, 1)
        lv.addLayout(trash_row)
        undo_lay = QHBoxLayout(self.undo_bar)
        undo_lay.setContentsMargins(12, 6, 8, 6)
        undo_lay.addWidget(self.undo_label, 1)
        undo_lay.addWidget(self.undo_button)
        self.undo_bar.hide()
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(10, 18, 20, 18)
        rv.addWidget(self.undo_bar)
        rv.addWidget(self.editor, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 640])
        splitter.setChildrenCollapsible(False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(splitter)
        self.restore_button.hide()
        self.purge_button.hide()

    # ---- list ----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        trash = self.trash_button.isChecked()
        self.model.set_query(self.filters.filter(), trash=trash)
        n = self.model.total
        if trash:
            self.count_label.setText(self.tr("%Ln in trash", "", n))
        else:
            self.count_label.setText(self.tr("%Ln entries", "", n))
        self.filters.set_tags(self._journal.tags())
        self._refresh_calendar()
        self._select(self.editor.entry_id)

    def _refresh_calendar(self) -> None:
        first, last = self.filters.calendar.visible_range()
        self.filters.calendar.set_day_moods(self._journal.day_moods(first, last))

    def _select(self, entry_id: int | None) -> None:
        row = self.model.row_of(entry_id) if entry_id is not None else -1
        sel = self.list.selectionModel()
        sel.blockSignals(True)
        if row >= 0:
            index = self.model.index(row)
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(index)
        else:
            sel.clearSelection()
            sel.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        sel.blockSignals(False)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry_id = self.model.summary(current.row()).id
        if self.trash_button.isChecked():
            self.editor.load(entry_id, self._journal.get(entry_id).fields)
            self.editor.set_read_only(True)
            return
        if entry_id == self.editor.entry_id and not self.editor.dirty:
            return
        if not self._leave_current():
            self._select(self.editor.entry_id)
            return
        self.open_entry(entry_id)

    def open_entry(self, entry_id: int) -> None:
        try:
            entry = self._journal.get(entry_id)
        except AppError as exc:
            self.editor.show_error(exc.message)
            return
        self.editor.load(entry.id, entry.fields)
        self.editor.set_notice(None)
        self._select(entry.id)

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # ---- editing -------------------------------------------------------------------------------------------
    def _leave_current(self) -> bool:
        """Before the editor shows something else: keep what was written. False if it could not be saved."""
        if not self.editor.dirty:
            return True
        if self.editor.entry_id is None and self.editor.is_blank():
            self._draft_timer.stop()
            self._journal.discard_draft(None)
            return True
        return self.save()

    def new_entry(self) -> None:
        if self.trash_button.isChecked():
            self.trash_button.setChecked(False)
        if not self._leave_current():
            return
        self.editor.load(None, None)
        self.editor.set_notice(None)
        self._select(None)
        self.editor.ui.titleEdit.setFocus()

    def save(self) -> bool:
        if self.editor.entry_id is None and self.editor.is_blank():
            self.editor.show_error(self.tr("Write something first: an empty entry is not saved."))
            return False
        try:
            fields = self.editor.fields()
            entry_id = self.editor.entry_id
            entry = self._journal.add(fields) if entry_id is None else self._journal.update(entry_id, fields)
        except AppError as exc:
            self.editor.show_error(exc.message)
            return False
        self._draft_timer.stop()
        self.editor.mark_clean(entry.id)
        self.editor.show_error(None)
        self.editor.set_notice(None)
        self.editor.set_status(self.tr("Saved"))
        self.refresh()
        return True

    @_shows_errors
    def discard_changes(self) -> None:
        self._draft_timer.stop()
        entry_id = self.editor.entry_id
        self._journal.discard_draft(entry_id)
        self.editor.set_notice(None)
        if entry_id is None:
            self.editor.load(None, None)
        else:
            self.open_entry(entry_id)

    def flush_draft(self) -> None:
        """Write what is being typed into the encrypted database now (timer, lock, close)."""
        self._draft_timer.stop()
        if not self.editor.dirty:
            return
        try:
            if self.editor.entry_id is None and self.editor.is_blank():
                self._journal.discard_draft(None)
            else:
                self._journal.save_draft(self.editor.entry_id, self.editor.fields())
        except AppError as exc:
            self.editor.show_error(exc.message)

    def _recover_draft(self) -> None:
        drafts = self._journal.drafts()
        if not drafts:
            return
        entry_id, fields, saved = drafts[0]
        self.editor.load(entry_id, fields, dirty=True)
        when = QLocale().toString(QDateTime(saved), QLocale.FormatType.ShortFormat)
        self.editor.set_notice(self.tr("Recovered unsaved writing from %1. Save it to keep it.").replace("%1", when))
        self.editor.set_status(self.tr("Unsaved changes"))
        self._select(entry_id)

    # ---- trash ---------------------------------------------------------------------------------------------
    @_shows_errors
    def delete_current(self) -> None:
        entry_id = self.editor.entry_id
        self._draft_timer.stop()
        if entry_id is None:
            self._journal.discard_draft(None)
            self.editor.load(None, None)
            return
        self._journal.discard_draft(entry_id)
        self._journal.trash(entry_id)
        self._trashed_id = entry_id
        self.editor.load(None, None)
        self.editor.set_notice(None)
        self.undo_bar.show()
        self._undo_shortcut.setEnabled(True)
        self.refresh()
        self.list.setFocus()

    @_shows_errors
    def undo_delete(self) -> None:
        if self._trashed_id is None:
            return
        entry_id, self._trashed_id = self._trashed_id, None
        self._journal.restore(entry_id)
        self.undo_bar.hide()
        self._undo_shortcut.setEnabled(False)
        self.refresh()
        self.open_entry(entry_id)

    def _set_trash_mode(self, on: bool) -> None:
        if on:
            self.flush_draft()
            if not self._leave_current():
                self.trash_button.setChecked(False)
                return
        self.restore_button.setVisible(on)
        self.purge_button.setVisible(on)
        self.editor.load(None, None)
        self.editor.set_read_only(on)
        self.refresh()

    def _selected_trash_id(self) -> int | None:
        index = self.list.currentIndex()
        return self.model.summary(index.row()).id if index.isValid() else None

    @_shows_errors
    def _restore_selected(self) -> None:
        entry_id = self._selected_trash_id()
        if entry_id is not None:
            self._journal.restore(entry_id)
            self.editor.load(None, None)
            self.refresh()

    @_shows_errors
    def _purge_selected(self) -> None:
        entry_id = self._selected_trash_id()
        if entry_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete forever?"),
            self.tr("This entry will be gone for good; it cannot be restored."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._journal.purge(entry_id)
            self.editor.load(None, None)
            self.refresh()

    # ---- lock ----------------------------------------------------------------------------------------------
    def wipe(self) -> None:
        """Forget everything shown: the editor, the list rows, the calendar and the undo bar."""
        self._draft_timer.stop()
        self.editor.wipe()
        self.model.forget()
        self.filters.forget()
        self.undo_bar.hide()
        self.count_label.clear()
