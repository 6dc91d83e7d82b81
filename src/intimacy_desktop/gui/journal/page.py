"""The journal page and its controller: list, filters, editor, drafts, trash and undo.

The list, its count, the tags and the calendar are read off the GUI thread (a query operation) and refreshed from
the profile's change notices, so an entry written anywhere (another page, the CLI) shows up without navigating.
Saving stays on the GUI thread: it is a few milliseconds, and switching entries needs its answer at once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QListView, QMessageBox, QPushButton, QWidget

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.journal import TITLE_MAX, EntryFields, Kind
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.formatting import format_when
from intimacy_desktop.gui.journal.delegate import EntryDelegate
from intimacy_desktop.gui.journal.drafts import DraftKeeper
from intimacy_desktop.gui.journal.editor import EntryEditor
from intimacy_desktop.gui.journal.filter_panel import FilterPanel
from intimacy_desktop.gui.journal.layout import build_journal_layout
from intimacy_desktop.gui.journal.list_model import PAGE_SIZE, EntryListModel
from intimacy_desktop.gui.shell.page import Page

if TYPE_CHECKING:
    from intimacy_desktop.core.journal import EntrySummary
    from intimacy_desktop.gui.shell.context import ProfileContext

_F = TypeVar("_F", bound=Callable[..., Any])


def _shows_errors(method: _F) -> _F:
    """A failed trash, restore or delete (a full disk, say) is said in the editor, in one sentence."""

    @functools.wraps(method)
    def wrapper(self: JournalPage, *args: Any) -> Any:
        try:
            return method(self, *args)
        except AppError as exc:
            self.editor.show_error(error_text(exc))
            return None

    return cast(_F, wrapper)


class JournalPage(Page):
    page_id = "journal"
    global_keys = ((QKeySequence.StandardKey.New, "new_entry"), (QKeySequence.StandardKey.Find, "search"))

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._journal = journal = ctx.journal
        self._trashed_id: int | None = None
        self._refresh_generation = 0
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
        build_journal_layout(self)
        self.drafts = DraftKeeper(journal, self.editor, self)
        from intimacy_desktop.gui.journal.share_flag import ShareFlag

        self.share_flag = ShareFlag(self, ctx)

        ctx.changes.changed.connect(self._on_changed)
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
        # Ctrl+N and Ctrl+F are global_keys (they bring this page from any page); Ctrl+S and Ctrl+Z are window
        # shortcuts of this page, live wherever the focus is while it is shown (a hidden page's do not fire).
        self._shortcut(QKeySequence.StandardKey.Save, self.save)
        self._undo_shortcut = self._shortcut(QKeySequence.StandardKey.Undo, self.undo_delete)
        self._undo_shortcut.setEnabled(False)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)

        self._recover_draft()
        self.refresh()

    def _shortcut(self, key: QKeySequence.StandardKey, slot: Callable[[], object]) -> QShortcut:
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WindowShortcut)
        sc.activated.connect(slot)
        return sc

    # ---- the page protocol ---------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Journal")

    def shown(self) -> None:
        target = self.editor.ui.titleEdit if self.editor.entry_id is None else self.editor.ui.bodyEdit
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def needs_attention(self) -> bool:
        return self.editor.dirty  # recovered writing waits here

    def act(self, action: str) -> None:
        """"new_entry", "search", "open:<entry id>" (a layer page's recent entry), "prompt:<prompt id>" (a new
        reflection about a card, its prompt as the title and its layer set)."""
        kind, _, arg = action.partition(":")
        if action == "new_entry":
            self.new_entry()
        elif action == "search":
            self.focus_search()
        elif kind == "open" and arg.isdigit():
            self._open_from_elsewhere(int(arg))
        elif kind == "prompt":
            self._write_about_prompt(arg)

    def _open_from_elsewhere(self, entry_id: int) -> None:
        if self.trash_button.isChecked():
            self.trash_button.setChecked(False)
        if self.editor.entry_id != entry_id and self._leave_current():
            self.open_entry(entry_id)
        self.editor.ui.bodyEdit.setFocus()

    def _write_about_prompt(self, prompt_id: str) -> None:
        prompt = self._ctx.prompts.content.prompt(prompt_id)
        if prompt is None:
            return
        self.new_entry()
        if self.editor.entry_id is not None or not self.editor.is_blank():
            return  # what was being written could not be saved: it stays, and says why
        fields = EntryFields(title=prompt.text[:TITLE_MAX], layer=prompt.layer, kind=Kind.REFLECTION)
        self.editor.load(None, fields, dirty=True)  # asked for: kept as a draft like typed words
        self.editor.ui.bodyEdit.setFocus()

    def flush(self) -> None:
        self.drafts.write()

    def wipe(self) -> None:
        """Forget everything shown: the editor, the list rows, the calendar and the undo bar."""
        self.drafts.stop()
        self._refresh_generation += 1  # a refresh still on its way has nothing to show any more
        self.editor.wipe()
        self.model.forget()
        self.filters.forget()
        self.undo_bar.hide()
        self.count_label.clear()

    # ---- list ----------------------------------------------------------------------------------------------
    def _on_changed(self, changes: Changed) -> None:
        if changes & (Changed.ENTRIES | Changed.TAGS):
            self.refresh()

    def refresh(self) -> None:
        """Count, first page, tags and calendar for the current filter, read in one query operation."""
        flt, trash = self.filters.filter(), self.trash_button.isChecked()
        first, last = self.filters.calendar.visible_range()
        journal = self._journal
        self._refresh_generation += 1
        generation = self._refresh_generation

        def read() -> tuple[int, list[EntrySummary], list[str], dict[Any, Any]]:
            total = journal.count(flt, trash=trash)
            rows = journal.summaries(flt, 0, PAGE_SIZE, trash=trash) if total else []
            return total, rows, journal.tags(), journal.day_moods(first, last)

        def show(result: tuple[int, list[EntrySummary], list[str], dict[Any, Any]]) -> None:
            if generation != self._refresh_generation:
                return  # a newer refresh is on its way
            total, rows, tags, moods = result
            self.model.show_rows(flt, trash, total, rows)
            if trash:
                self.count_label.setText(self.tr("%Ln in trash", "", total))
            else:
                self.count_label.setText(self.tr("%Ln entries", "", total))
            self.filters.set_tags(tags)
            self.filters.calendar.set_day_moods(moods)
            self._select(self.editor.entry_id)

        self._ctx.ops.query(self, read).success(show).failure(self._show_error).run()

    def _refresh_calendar(self) -> None:
        first, last = self.filters.calendar.visible_range()
        journal, calendar = self._journal, self.filters.calendar
        self._ctx.ops.query(self, lambda: journal.day_moods(first, last)).success(calendar.set_day_moods).run()

    def _show_error(self, error: AppError) -> None:
        self.editor.show_error(error_text(error))

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
            self.editor.show_error(error_text(exc))
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
            self.drafts.discard(None)
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
            self.editor.show_error(error_text(exc))
            return False
        self.drafts.stop()
        self.editor.mark_clean(entry.id)
        self.editor.show_error(None)
        self.editor.set_notice(None)
        self.editor.set_status(self.tr("Saved"))
        return True

    @_shows_errors
    def discard_changes(self) -> None:
        entry_id = self.editor.entry_id
        self.drafts.discard(entry_id)
        self.editor.set_notice(None)
        if entry_id is None:
            self.editor.load(None, None)
        else:
            self.open_entry(entry_id)

    def flush_draft(self) -> None:
        """Write what is being typed into the encrypted database now; a failure is said in the editor."""
        self.drafts.save_now()

    def _recover_draft(self) -> None:
        drafts = self._journal.drafts()
        if not drafts:
            return
        entry_id, fields, saved = drafts[0]
        self.editor.load(entry_id, fields, dirty=True)
        self.editor.set_notice(
            self.tr("Recovered unsaved writing from %1. Save it to keep it.").replace("%1", format_when(saved))
        )
        self.editor.set_status(self.tr("Unsaved changes"))

    # ---- trash ---------------------------------------------------------------------------------------------
    @_shows_errors
    def delete_current(self) -> None:
        entry_id = self.editor.entry_id
        self.drafts.discard(entry_id)
        if entry_id is None:
            self.editor.load(None, None)
            return
        self._journal.trash(entry_id)
        self._trashed_id = entry_id
        self.editor.load(None, None)
        self.editor.set_notice(None)
        self.undo_bar.show()
        self._undo_shortcut.setEnabled(True)
        self.list.setFocus()

    def _forget_undo(self) -> None:
        self._trashed_id = None
        self.undo_bar.hide()
        self._undo_shortcut.setEnabled(False)

    @_shows_errors
    def undo_delete(self) -> None:
        if self._trashed_id is None:
            return
        entry_id = self._trashed_id
        self._journal.restore(entry_id)
        self._forget_undo()
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
            self._forget_undo()  # "moved to trash, Undo" would now undo nothing
            self.editor.load(None, None)

    @_shows_errors
    def _purge_selected(self) -> None:
        entry_id = self._selected_trash_id()
        if entry_id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Delete forever?"),
            self.tr("This entry will be gone for good; it cannot be restored."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter must never destroy an entry
        box.setEscapeButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self._journal.purge(entry_id)
            if entry_id == self._trashed_id:
                self._forget_undo()
            self.editor.load(None, None)
