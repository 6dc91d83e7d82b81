"""Settings' profile dialogs: rename, passphrase (change, set, remove), a new recovery code, hide or show, delete.

Every one of them but delete re-seals the profile's keys (services/profiles.py: the name is bound to the keys), so
each ends by showing the new recovery code, once, and will not close until the person says they saved it. Each asks
for the current passphrase first: someone who finds the window unlocked must not be able to change who gets in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from intimacy_desktop.core.errors import AppError, UsageError
from intimacy_desktop.core.input_rules import check_new_passphrase
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.recovery_code_view import RecoveryCodeView
from intimacy_desktop.gui.settings_page.backup_dialogs import WorkDialog, _secret
from intimacy_desktop.services.profiles import is_hidden

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext
    from intimacy_desktop.services.profiles import ProfileService


class RekeyDialog(WorkDialog):
    """The current passphrase (when the profile has one), the dialog's own fields, then the new recovery code.
    Each dialog defines ``prepare``: check its fields (raising AppError) and return the work to run off the GUI
    thread, which returns the new recovery code."""

    prepare: Callable[[], Callable[[], Any]]

    changed = Signal()

    def __init__(self, ctx: ProfileContext, title: str, intro: str, action: str, parent: QWidget | None) -> None:
        super().__init__(ctx, title, intro, action, parent)
        self.current: QLineEdit | None = None
        if ctx.profile.header.has_passphrase:
            self.current = _secret(self.tr("Current passphrase"))
            self.form.addRow(self.tr("Current passphrase"), self.current)
        self.code_view = RecoveryCodeView(ctx.clipboard)
        self.code_view.confirmed.connect(self.accept)
        self.body.addWidget(self.code_view)
        self.code_view.hide()

    @property
    def profiles(self) -> ProfileService:
        assert self.ctx.profiles is not None
        return self.ctx.profiles

    def start(self) -> None:
        try:
            work = self.prepare()
        except AppError as exc:
            self.status.setText(error_text(exc))
            return
        for edit in self.findChildren(QLineEdit):
            if edit.echoMode() == QLineEdit.EchoMode.Password:
                edit.clear()
        self._busy(True)
        self.run_work(self, work, self._done, self.tr("Re-encrypting your journal…"))

    def current_passphrase(self) -> str | None:
        return self.current.text() if self.current is not None else None

    def _done(self, code: str) -> None:
        self._busy(False)
        self.go.hide()
        self.status.setText(self.done_text())
        self.changed.emit()
        self.code_view.show_code(code)
        self.code_view.show()
        self.adjustSize()

    def done_text(self) -> str:
        return self.tr("Done. Your old recovery code no longer opens anything written from now on; here is the new "
                       "one.")

    def done(self, result: int) -> None:
        self.code_view.forget()
        super().done(result)


class RenameDialog(RekeyDialog):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Rename this profile"),
                         self.tr("The name is what the unlock screen shows (unless the profile is hidden). It is "
                                 "sealed into the profile's keys, so a new name comes with a new recovery code."),
                         self.tr("Rename"), parent)
        self.name = QLineEdit(ctx.profile.info.label)
        self.name.setAccessibleName(self.tr("New name"))
        self.form.insertRow(0, self.tr("New name"), self.name)

    def prepare(self) -> Callable[[], Any]:
        name = self.name.text().strip()
        if not name:
            raise UsageError("label_length", max=60)
        profiles, profile, household, pw = self.profiles, self.ctx.profile, self.ctx.household, \
            self.current_passphrase()

        def work() -> str:
            code = profiles.rename(profile, name, pw)
            if household is not None:
                household.update_name(profile)
            return code
        return work


class PassphraseDialog(RekeyDialog):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        has = ctx.profile.header.has_passphrase
        super().__init__(
            ctx, self.tr("Change the passphrase") if has else self.tr("Set a passphrase"),
            self.tr("Your journal is re-encrypted under the new passphrase, and you get a new recovery code."),
            self.tr("Change") if has else self.tr("Set"), parent)
        self.new = _secret(self.tr("New passphrase"))
        self.repeat = _secret(self.tr("Repeat the new passphrase"))
        self.form.addRow(self.tr("New passphrase"), self.new)
        self.form.addRow(self.tr("Repeat it"), self.repeat)
        self.remove = QCheckBox(self.tr("Remove the passphrase and rely on this computer's keyring alone"))
        self.warning = QLabel(self.tr(
            "Without a passphrase, anyone who can use this computer's account can open your journal: the keyring "
            "opens it for them. On a shared computer, keep a passphrase."))
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "error")
        self.warning.hide()
        if has and ctx.profile.header.uses_keyring and not is_hidden(ctx.profile.info.folder):
            self.body.insertWidget(2, self.remove)
            self.body.insertWidget(3, self.warning)
        self.remove.toggled.connect(self._removing)

    def _removing(self, on: bool) -> None:
        self.warning.setVisible(on)
        self.new.setEnabled(not on)
        self.repeat.setEnabled(not on)
        self.go.setText(self.tr("Remove the passphrase") if on else self.tr("Change"))

    def prepare(self) -> Callable[[], Any]:
        new: str | None = None
        if not self.remove.isChecked():
            new = self.new.text()
            check_new_passphrase(new)
            if new != self.repeat.text():
                raise UsageError("passphrases_differ")
        profiles, profile, pw = self.profiles, self.ctx.profile, self.current_passphrase()
        return lambda: profiles.change_passphrase(profile, pw, new)

    def done_text(self) -> str:
        if self.remove.isChecked():
            return self.tr("The passphrase is removed: the keyring alone opens this profile now. Here is your new "
                           "recovery code.")
        return self.tr("The new passphrase is in place. Here is your new recovery code; the old one no longer opens "
                       "anything written from now on.")


class RecoveryCodeDialog(RekeyDialog):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("A new recovery code"),
                         self.tr("For when the old code may have been seen or is lost. The old code, and any copy "
                                 "of the profile made before, opens nothing you write from now on."),
                         self.tr("Make a new code"), parent)

    def prepare(self) -> Callable[[], Any]:
        profiles, profile, pw = self.profiles, self.ctx.profile, self.current_passphrase()
        return lambda: profiles.new_recovery_code(profile, pw)


class HideDialog(RekeyDialog):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        self.hiding = not is_hidden(ctx.profile.info.folder)
        super().__init__(
            ctx, self.tr("Hide this profile") if self.hiding else self.tr("Show this profile in the list"),
            self.tr("A hidden profile appears nowhere on the unlock screen, and no file holds its name. To open it, "
                    "choose “Open another profile…” and type its exact name and passphrase. Remember the name: "
                    "nothing will remind you of it.") if self.hiding else
            self.tr("The profile will be listed on the unlock screen again, under its name."),
            self.tr("Hide") if self.hiding else self.tr("Show in the list"), parent)

    def prepare(self) -> Callable[[], Any]:
        if self.hiding and not self.ctx.profile.header.has_passphrase:
            raise UsageError("hidden_needs_passphrase")
        profiles, profile, pw, hiding = self.profiles, self.ctx.profile, self.current_passphrase(), self.hiding
        return lambda: profiles.set_hidden(profile, hiding, pw)


class DeleteDialog(WorkDialog):
    """Two steps: what will be lost, then the profile's name typed (and its passphrase). Then the shell locks and
    deletes it (``confirmed``)."""

    confirmed = Signal()

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        self.label = ctx.profile.info.label
        super().__init__(
            ctx, self.tr("Delete this profile"),
            self.tr("Deleting “%1” removes its journal, its notes, its settings and its keys from this computer, "
                    "for good. Backups you made elsewhere are not touched. What you shared into a space with your "
                    "partner stays there for them.").replace("%1", self.label),
            self.tr("Continue"), parent)
        self.step = 1
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Type the profile's name"))
        self.current = _secret(self.tr("Passphrase")) if ctx.profile.header.has_passphrase else None
        self.name_label = QLabel(self.tr("To delete it, type its name: %1").replace("%1", self.label))
        self.name_label.setWordWrap(True)
        self.form.addRow(self.name_label)
        self.form.addRow(self.tr("Name"), self.name)
        if self.current is not None:
            self.form.addRow(self.tr("Passphrase"), self.current)
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, False)  # the second step

    def start(self) -> None:
        if self.step == 1:
            self.step = 2
            self.intro.setText(self.tr("This cannot be undone. There is no copy in a bin."))
            self.intro.setProperty("role", "error")
            self.intro.style().polish(self.intro)
            for row in range(self.form.rowCount()):
                self.form.setRowVisible(row, True)
            self.go.setText(self.tr("Delete for good"))
            self.go.setProperty("role", "danger")
            self.go.style().polish(self.go)
            self.name.setFocus()
            return
        if self.name.text().strip().casefold() != self.label.strip().casefold():
            self.status.setText(error_text(UsageError("delete_name_mismatch")))
            return
        assert self.ctx.profiles is not None
        profiles, profile, household = self.ctx.profiles, self.ctx.profile, self.ctx.household
        pw = self.current.text() if self.current is not None else None
        if self.current is not None:
            self.current.clear()

        def work() -> None:
            profiles.check_passphrase(profile, pw)
            if household is not None:
                household.leave(profile)
        self._busy(True)
        self.run_work(self, work, self._proved, self.tr("Checking…"))

    def _proved(self, _none: object) -> None:
        self._busy(False)
        self.accept()
        self.confirmed.emit()
