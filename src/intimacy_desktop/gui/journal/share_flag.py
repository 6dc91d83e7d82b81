"""The journal editor's "Shared with my partner": ticking it shares the entry into the couple's space, after the
same preview the Us page shows; unticking takes it back out, after asking. The box only ever shows what is true:
it is ticked when the entry is in the space, whatever was clicked."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.journal import EntrySummary
from intimacy_desktop.gui.error_text import error_text

if TYPE_CHECKING:
    from intimacy_desktop.gui.journal.page import JournalPage
    from intimacy_desktop.gui.shell.context import ProfileContext
    from intimacy_desktop.gui.us_page.dialogs import ShareDialog

Where = Literal["none", "in", "out"]  # no space to share into; in the space; not in it


class ShareFlag(QObject):
    def __init__(self, page: JournalPage, ctx: ProfileContext) -> None:
        super().__init__(page)
        self._page, self._ctx = page, ctx
        self.dialog: ShareDialog | None = None
        page.editor.ui.sharedCheck.clicked.connect(self._clicked)

    def _show(self, entry_id: int, shared: bool) -> None:
        check = self._page.editor.ui.sharedCheck
        if self._page.editor.entry_id == entry_id:
            check.blockSignals(True)
            check.setChecked(shared)
            check.blockSignals(False)

    def _clicked(self, on: bool) -> None:
        editor = self._page.editor
        entry_id = editor.entry_id
        if entry_id is not None:
            self._show(entry_id, not on)  # nothing changes until the space says so
        else:
            editor.ui.sharedCheck.setChecked(False)
        if (editor.dirty or editor.entry_id is None) and not self._page.save():  # shared as written
            return
        entry_id = editor.entry_id
        assert entry_id is not None
        household, me = self._ctx.household, self._ctx.profile

        def where() -> Where:
            space = household.open_if_member(me) if household is not None else None
            if space is None:
                return "none"  # no space, or removed from it
            with space:
                return "in" if entry_id in space.shared_from(me) else "out"
        self._ctx.ops.query(self._page, where).success(lambda w: self._then(on, entry_id, w)).failure(
            self._failed).run()

    def _then(self, on: bool, entry_id: int, where: Where) -> None:
        editor = self._page.editor
        if on and where == "none":
            editor.set_notice(self.tr("To share an entry, first make your shared space together on the Us page."))
        elif on and where == "out":
            self._preview(entry_id)
        elif not on and where == "in":
            self._take_back(entry_id)
        elif not on:  # marked shared, but not in any space (an import, or a space that is gone): just unmark
            journal = self._ctx.journal
            self._ctx.ops.op(self._page, lambda: journal.update(entry_id, replace(
                journal.get(entry_id).fields, shared=False))).success(lambda _e: self._show(entry_id, False)).failure(
                self._failed).run()
        else:
            self._show(entry_id, True)

    def _preview(self, entry_id: int) -> None:
        from intimacy_desktop.gui.us_page.dialogs import ShareDialog

        f = self._page.editor.fields()
        row = EntrySummary(entry_id, f.title, f.entry_date, f.mood, f.layer, f.kind)
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = ShareDialog(self._ctx, [row], self._page, chosen=[entry_id])
        self.dialog.setModal(True)
        self.dialog.finished.connect(lambda _r: self._reload(entry_id))
        self.dialog.show()

    def _take_back(self, entry_id: int) -> None:
        answer = QMessageBox.question(
            self._page, self.tr("Take it back"),
            self.tr("Take this entry out of your shared space? Your partner will no longer find it there (what they "
                    "already read cannot be unread); it stays in your journal."),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        household, me = self._ctx.household, self._ctx.profile
        assert household is not None

        def take_back() -> int:
            with household.open(me) as space:
                return space.unshare(me, [entry_id])
        self._ctx.ops.op(self._page, take_back).success(lambda _n: self._reload(entry_id)).failure(
            self._failed).run()

    def _reload(self, entry_id: int) -> None:
        journal = self._ctx.journal
        self._ctx.ops.query(self._page, lambda: journal.get(entry_id).fields.shared).success(
            lambda shared: self._show(entry_id, bool(shared))).failure(self._failed).run()

    def _failed(self, error: AppError) -> None:
        self._page.editor.show_error(error_text(error))
