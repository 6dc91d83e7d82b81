"""Us: the couple's shared space. What either partner chose to share, readable by both, each with their own
passphrase; nothing of anyone's private journal. Sharing is always an explicit step with a preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.errors import AppError, UsageError
from intimacy_desktop.core.journal import Entry, EntryFilter, EntrySummary
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.formatting import qdate
from intimacy_desktop.gui.shell.page import Page

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext

State = tuple[str, list[tuple[Entry, str]], dict[str, str]]  # ("none" | "open" | "removed", entries, members)


class UsPage(Page):
    page_id = "us"

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.state = "loading"
        self.dialog: QDialog | None = None
        self._entries: list[tuple[Entry, str]] = []
        heading = QLabel(self.tr("Us"))
        heading.setProperty("role", "pagetitle")
        self.lead = QLabel()
        self.lead.setWordWrap(True)
        self.lead.setProperty("role", "muted")
        self.make_button = QPushButton(self.tr("Make our shared space…"))
        self.make_button.setProperty("role", "primary")
        self.share_button = QPushButton(self.tr("Share entries…"))
        self.share_button.setProperty("role", "primary")
        self.take_back_button = QPushButton(self.tr("Take back from the space"))
        self.take_back_button.setToolTip(self.tr("Only what you shared; your own entry stays in your journal"))
        self.remove_button = QPushButton(self.tr("Remove your partner from the space…"))
        self.remove_button.setProperty("role", "link")
        self.remove_button.clicked.connect(self._remove_partner)
        self._members: dict[str, str] = {}
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Shared entries"))
        self.list.setSpacing(4)
        self.viewer = QTextBrowser()
        self.viewer.setOpenLinks(False)
        self.viewer.setAccessibleName(self.tr("The shared entry"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.make_button, self.share_button, self.take_back_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.list)
        self.split.addWidget(self.viewer)
        self.split.setSizes([300, 500])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(40, 32, 40, 24)
        lay.setSpacing(12)
        lay.addWidget(heading)
        lay.addWidget(self.lead)
        lay.addLayout(buttons)
        lay.addWidget(self.split, 1)
        lay.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.status)
        self.make_button.clicked.connect(self._make)
        self.share_button.clicked.connect(self._share)
        self.take_back_button.clicked.connect(self._take_back)
        self.list.currentRowChanged.connect(self._show_entry)
        ctx.changes.changed.connect(self._on_changed)
        self.refresh()

    def title(self) -> str:
        return self.tr("Us")

    def shown(self) -> None:
        self.refresh()
        (self.share_button if self.state == "open" else self.make_button).setFocus()

    def _on_changed(self, changes: Changed) -> None:
        if changes & Changed.ENTRIES:
            self.refresh()

    def refresh(self) -> None:
        household, me = self._ctx.household, self._ctx.profile
        if household is None:
            return

        def read() -> State:
            if household.space_of(me) is None:
                return "none", [], {}
            try:
                space = household.open(me)
            except AppError as exc:
                if exc.code == "space_removed":
                    return "removed", [], {}
                raise
            with space:
                return "open", space.entries(), space.members()

        self._ctx.ops.query(self, read).success(self._show).failure(self._failed).run()

    def _show(self, state: State) -> None:
        self.state, self._entries, members = state
        self._members = members
        opened = self.state == "open"
        self.remove_button.setVisible(opened and len(members) > 1)
        self.make_button.setVisible(self.state == "none")
        self.share_button.setVisible(opened)
        self.take_back_button.setVisible(opened)
        self.split.setVisible(opened)
        if self.state == "none":
            self.lead.setText(self.tr("A space for what the two of you choose to share. Each of you opens it with "
                                      "your own passphrase; your private journals stay private. Nothing is "
                                      "shared unless one of you shares it."))
        elif self.state == "removed":
            self.lead.setText(self.tr("You are no longer part of the shared space. What you saw there before stays "
                                      "with you; nothing written there since can be opened with your key."))
        else:
            names = sorted(members.values())
            text = (self.tr("Shared by “%1” and “%2”. Everything here can be read by both of you.")
                    .replace("%1", names[0]).replace("%2", names[1]) if len(names) == 2
                    else self.tr("Shared by “%1”.").replace("%1", "”, “".join(names)))
            self.lead.setText(text)
        self.list.clear()
        for entry, origin in self._entries:
            who = members.get(origin, self.tr("a former member"))
            item = QListWidgetItem(f"{qdate(entry.fields.entry_date).toString('d MMM yyyy')} · {entry.fields.title}"
                                   f"\n{self.tr('from %1').replace('%1', who)}")
            self.list.addItem(item)
        if self._entries:
            self.list.setCurrentRow(0)
        else:
            self.viewer.setPlainText(self.tr("Nothing shared yet.") if opened else "")

    def _show_entry(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            f = self._entries[row][0].fields
            self.viewer.setMarkdown(f"## {f.title}\n\n{f.body}")

    def _failed(self, error: AppError) -> None:
        self.status.setText(error_text(error))

    def _make(self) -> None:
        from intimacy_desktop.gui.us_page.dialogs import CreateSpaceDialog

        self._open(CreateSpaceDialog(self._ctx, self))

    def _share(self) -> None:
        journal = self._ctx.journal
        self._ctx.ops.query(self, lambda: journal.summaries(EntryFilter(), limit=500)).success(
            self._open_share).failure(self._failed).run()

    def _open_share(self, rows: list[EntrySummary]) -> None:
        from intimacy_desktop.gui.us_page.dialogs import ShareDialog

        self._open(ShareDialog(self._ctx, rows, self))

    def _open(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.setModal(True)
        dialog.show()

    def _take_back(self) -> None:
        household, me = self._ctx.household, self._ctx.profile
        row = self.list.currentRow()
        if household is None or not 0 <= row < len(self._entries):
            return
        copy_id = self._entries[row][0].id

        def take_back() -> int:
            with household.open(me) as space:
                origin = space.origin_of(me, copy_id)
                if origin is None:
                    raise UsageError("space_not_yours")
                return int(space.unshare_card(me, *origin))

        self._ctx.ops.op(self, take_back).success(lambda _n: self.refresh()).failure(self._failed).run()

    def _remove_partner(self) -> None:
        household, me = self._ctx.household, self._ctx.profile
        others = {v: n for v, n in self._members.items() if v != me.header.vault_id}
        if household is None or not others:
            return
        vault_id, name = next(iter(others.items()))
        answer = QMessageBox.warning(
            self, self.tr("Remove from the shared space"),
            self.tr("Remove “%1” from your shared space?\n\nThe space gets a new key: “%1” will not be able to open "
                    "anything written there from now on. What they have already seen cannot be taken back, and "
                    "their own journal is not touched.").replace("%1", name),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        (self._ctx.ops.op(self, lambda: household.remove_member(me, vault_id))
         .success(lambda _info: self.refresh()).failure(self._failed)
         .with_progress(self.tr("Giving the space a new key…")).run())

    def wipe(self) -> None:
        self.list.clear()
        self.viewer.clear()
        self._entries = []
        if self.dialog is not None:
            self.dialog.close()
