"""Making the shared space (both partners present, each typing their own passphrase) and sharing entries into it
(a preview of exactly what will be shared, then one explicit step)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from intimacy_desktop.core.errors import AppError, UsageError
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.formatting import qdate
from intimacy_desktop.gui.settings_page.backup_dialogs import WorkDialog, _secret

if TYPE_CHECKING:
    from intimacy_desktop.core.journal import Entry, EntrySummary
    from intimacy_desktop.gui.shell.context import ProfileContext
    from intimacy_desktop.services.profiles import ProfileInfo


class CreateSpaceDialog(WorkDialog):
    """Hand the keyboard to your partner: they choose their profile and type their passphrase here. It opens their
    profile only long enough to give it the space's key, and reads nothing of theirs."""

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Make your shared space"),
            self.tr("A space for what the two of you choose to share: entries, talks, results. Each of you opens it "
                    "with your own passphrase; neither of you can read the other's private journal. Your partner "
                    "needs a profile of their own (New profile… on the unlock screen). Now hand the keyboard to "
                    "them: they choose their profile and type their passphrase."),
            self.tr("Make the space"), parent)
        assert ctx.profiles is not None
        mine = ctx.profile.info.folder
        self.partners: list[ProfileInfo] = [p for p in ctx.profiles.list_profiles()
                                            if not p.damaged and p.folder != mine]
        self.partner = QComboBox()
        self.partner.setAccessibleName(self.tr("Your partner's profile"))
        for info in self.partners:
            self.partner.addItem(info.label)
        self.partner.addItem(self.tr("A profile not in the list (type its name)"))
        self.hidden_name = QLineEdit()
        self.hidden_name.setAccessibleName(self.tr("Your partner's profile name"))
        self.hidden_name.setPlaceholderText(self.tr("Only for a profile not in the list"))
        self.passphrase = _secret(self.tr("Your partner's passphrase"))
        self.form.addRow(self.tr("Partner's profile"), self.partner)
        self.form.addRow(self.tr("Or its name"), self.hidden_name)
        self.form.addRow(self.tr("Their passphrase"), self.passphrase)

    def start(self) -> None:
        ctx = self.ctx
        profiles, household, me = ctx.profiles, ctx.household, ctx.profile
        assert profiles is not None and household is not None
        i = self.partner.currentIndex()
        name = self.hidden_name.text().strip()
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        if not passphrase:
            self.status.setText(error_text(UsageError("passphrase_empty")))
            return
        chosen = self.partners[i] if i < len(self.partners) else None

        def work() -> Any:
            info = chosen if chosen is not None else profiles.find(name)
            if info.folder == me.info.folder:
                raise UsageError("space_same_profile")
            partner = profiles.unlock(info, passphrase)
            try:
                return household.create(me, partner)
            finally:
                partner.close()

        self._busy(True)
        self.run_work(self, work, self._done, self.tr("Making the shared space…"))

    def failed(self, error: AppError) -> None:
        if error.code == "profile_not_found":  # a hidden profile's existence is not confirmed by a wrong name
            error = UsageError("space_partner_not_opened")
        super().failed(error)

    def _done(self, _info: object) -> None:
        self._busy(False)
        self.go.hide()
        self.status.setText(self.tr("Your shared space is ready. Nothing is in it until one of you shares."))


class ShareDialog(WorkDialog):
    """Choose entries, see exactly what your partner will be able to read, then share."""

    def __init__(self, ctx: ProfileContext, rows: list[EntrySummary], parent: QWidget | None = None, *,
                 chosen: Sequence[int] = ()) -> None:
        """``chosen``: ticked already, and previewed at once (the journal's "Shared with my partner")."""
        super().__init__(
            ctx, self.tr("Share with your partner"),
            self.tr("Tick what to share. Next you see exactly what your partner will be able to read; nothing is "
                    "shared before you say so, and you can take it back later."),
            self.tr("Preview"), parent)
        self.setMinimumSize(620, 460)
        self.choices = QListWidget()
        self.choices.setAccessibleName(self.tr("Entries to share"))
        for row in rows:
            item = QListWidgetItem(f"{qdate(row.entry_date).toString('d MMM yyyy')} · {row.title}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in chosen else Qt.CheckState.Unchecked)
            self.choices.addItem(item)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_label.setAccessibleName(self.tr("What will be shared"))
        self.body.insertWidget(1, self.choices, 1)
        self.body.insertWidget(2, self.preview_label)
        self.previewed: list[Entry] | None = None
        self.choices.itemChanged.connect(lambda _i: self._forget())
        if chosen:
            QTimer.singleShot(0, self.start)

    def chosen(self) -> list[int]:
        return [int(self.choices.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.choices.count())
                if self.choices.item(i).checkState() == Qt.CheckState.Checked]

    def _forget(self) -> None:
        self.previewed = None
        self.preview_label.clear()
        self.go.setText(self.tr("Preview"))

    def start(self) -> None:
        household, me = self.ctx.household, self.ctx.profile
        assert household is not None
        if self.previewed is None:
            ids = self.chosen()
            if not ids:
                self.status.setText(self.tr("Tick at least one entry."))
                return

            def preview() -> list[Entry]:
                with household.open(me) as space:
                    return space.preview(me, ids)

            self._busy(True)
            self.ctx.ops.query(self, preview).success(self._previewed).failure(self.failed).run()
            return
        entries = self.previewed

        def share() -> int:
            with household.open(me) as space:
                return space.share(me, entries)

        self._busy(True)
        self.run_work(self, share, self._shared, self.tr("Sharing…"))

    def _previewed(self, entries: list[Entry]) -> None:
        self._busy(False)
        self.status.clear()
        self.previewed = entries
        if not entries:
            self.preview_label.setText(self.tr("Those are in the shared space already."))
            return
        lines = [self.tr("Your partner will be able to read %Ln entries, in full:", "", len(entries))]
        for e in entries:
            first = e.fields.body.strip().splitlines()[0][:90] if e.fields.body.strip() else ""
            day = qdate(e.fields.entry_date).toString("d MMM yyyy")
            lines.append(f"• {day} · {e.fields.title}" + (f" — {first}" if first else ""))
        self.preview_label.setText("\n".join(lines))
        self.go.setText(self.tr("Share %Ln entries", "", len(entries)))

    def _shared(self, count: int) -> None:
        self._busy(False)
        self.go.setEnabled(False)
        self.status.setText(self.tr("Shared %Ln entries with your partner.", "", count))
