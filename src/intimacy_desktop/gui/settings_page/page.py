"""Settings: a person's own choices (kept in their encrypted vault, core/preferences.py) and the doors to backups,
restore, import and export.

A choice takes effect as soon as it is made and is saved at once; there is no "Apply" to forget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.preferences import AUTO_LOCK_CHOICES, Preferences, Schedule, Theme
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.flow_layout import FlowLayout
from intimacy_desktop.gui.settings_page.path_field import Choose, PathField
from intimacy_desktop.gui.shell.page import Page

SCHEDULE_CHECK_MS = 60 * 60 * 1000  # while unlocked, a due backup is noticed within the hour

if TYPE_CHECKING:
    from intimacy_desktop.core.errors import AppError
    from intimacy_desktop.gui.shell.context import ProfileContext


def _card(title: str, lead: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setProperty("role", "card")
    lay = QVBoxLayout(card)
    lay.setContentsMargins(24, 20, 24, 20)
    lay.setSpacing(10)
    heading = QLabel(title)
    heading.setProperty("role", "section")
    lay.addWidget(heading)
    if lead:
        text = QLabel(lead)
        text.setWordWrap(True)
        text.setProperty("role", "muted")
        lay.addWidget(text)
    return card, lay


class SettingsPage(Page):
    page_id = "settings"

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.prefs = Preferences()
        self._loading = True
        self.dialog: QDialog | None = None

        self.auto_lock = QComboBox()
        for minutes in AUTO_LOCK_CHOICES:
            label = (self.tr("Never (not advised on a shared computer)") if minutes == 0
                     else self.tr("After %n minute(s) without use", "", minutes))
            self.auto_lock.addItem(label, minutes)
        self.auto_lock.setAccessibleName(self.tr("Lock automatically"))
        self.screen_lock = QCheckBox(self.tr("Lock when the computer's screen locks or it goes to sleep"))
        self.discreet = QCheckBox(self.tr("Discreet mode"))
        self.discreet_note = QLabel(self.tr("A plain “Notes” name and icon in the title bar and the task bar, also "
                                            "while locked; reminders then say nothing about what they are for. "
                                            "It is for a glance over your shoulder: the app's menu entry and its "
                                            "files keep their names."))
        self.discreet_note.setWordWrap(True)
        self.discreet_note.setProperty("role", "muted")
        self.discreet.setAccessibleDescription(self.discreet_note.text())
        self.theme = QComboBox()
        for label, value in ((self.tr("Follow the system"), Theme.SYSTEM), (self.tr("Light"), Theme.LIGHT),
                             (self.tr("Dark"), Theme.DARK)):
            self.theme.addItem(label, value.value)
        self.theme.setAccessibleName(self.tr("Theme"))
        self.sounds = QCheckBox(self.tr("Soft chimes when a timed step or a conversation ends"))
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setToolTip(self.tr("More languages are a translation away; the app is ready for them."))

        self.profile_state = QLabel()
        self.profile_state.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.passphrase_button = QPushButton()
        self.code_button = QPushButton(self.tr("New recovery code…"))
        self.hide_button = QPushButton()
        self.add_button = QPushButton(self.tr("Add a profile…"))
        self.add_button.setToolTip(self.tr("For your partner, or anyone else who uses this computer: locks this "
                                           "profile first"))
        self.delete_button = QPushButton(self.tr("Delete this profile…"))
        self.delete_button.setProperty("role", "danger")
        you, lay = _card(self.tr("Your profile"), "")
        lay.addWidget(self.profile_state)
        buttons = FlowLayout(spacing=8)
        for button in (self.rename_button, self.passphrase_button, self.code_button, self.hide_button,
                       self.add_button, self.delete_button):
            buttons.addWidget(button)
        lay.addLayout(buttons)

        privacy, lay = _card(self.tr("Privacy on this computer"),
                             self.tr("Your settings are kept inside your encrypted profile, not in a file others "
                                     "can read."))
        form = QFormLayout()
        form.addRow(self.tr("Lock automatically"), self.auto_lock)
        lay.addLayout(form)
        lay.addWidget(self.screen_lock)
        lay.addWidget(self.discreet)
        lay.addWidget(self.discreet_note)
        looks, lay = _card(self.tr("Appearance and sound"), "")
        form = QFormLayout()
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Language"), self.language)
        lay.addLayout(form)
        lay.addWidget(self.sounds)

        self.schedule = QComboBox()
        for label, when in ((self.tr("Off"), Schedule.OFF), (self.tr("Every day"), Schedule.DAILY),
                            (self.tr("Every week"), Schedule.WEEKLY)):
            self.schedule.addItem(label, when.value)
        self.schedule.setAccessibleName(self.tr("Scheduled backups"))
        self.keep = QSpinBox()
        self.keep.setRange(1, 30)
        self.keep.setAccessibleName(self.tr("Scheduled backups to keep"))
        self.backup_folder = PathField(Choose.FOLDER, caption=self.tr("Folder for scheduled backups"))
        self.backup_folder.edit.setPlaceholderText(self.tr("The app's own folder"))
        self.schedule_passphrase_button = QPushButton(self.tr("Set their passphrase…"))
        self.schedule_state = QLabel()
        self.schedule_state.setProperty("role", "muted")
        self.schedule_state.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up this profile…"))
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        backups, lay = _card(self.tr("Backups"),
                             self.tr("One encrypted file of your profile, protected by a passphrase of its own. Keep "
                                     "a copy away from this computer: it is how your journal survives a lost or "
                                     "broken machine."))
        lay.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        form = QFormLayout()
        form.addRow(self.tr("Scheduled backups"), self.schedule)
        form.addRow(self.tr("Keep the newest"), self.keep)
        form.addRow(self.tr("In the folder"), self.backup_folder)
        lay.addLayout(form)
        lay.addWidget(self.schedule_passphrase_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.schedule_state)
        self.import_button = QPushButton(self.tr("Import from another journal…"))
        self.export_button = QPushButton(self.tr("Export entries…"))
        moving, lay = _card(self.tr("Import and export"),
                            self.tr("Bring entries in from Day One, jrnl or Markdown files; take them out as PDF, "
                                    "Markdown or Day One JSON. Exports are not encrypted."))
        lay.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = QLabel()
        self.status.setProperty("role", "error")
        self.status.setWordWrap(True)

        from intimacy_desktop.gui.practice.column_area import ColumnArea
        from intimacy_desktop.gui.reminders import tray_available
        from intimacy_desktop.gui.settings_page.reminders_card import RemindersCard

        self.area = ColumnArea(760)  # a column of its own width: its wrapped text and forms keep their height
        self.area.follow_content()  # and it grows as the cards fill in after the vault is read
        column = QVBoxLayout(self.area.column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        heading = QLabel(self.tr("Settings"))
        heading.setProperty("role", "pagetitle")
        column.addWidget(heading)
        self.reminders = RemindersCard(ctx, tray_available())
        for card in (you, privacy, self.reminders, looks, backups, moving):
            column.addWidget(card)
        column.addWidget(self.status)
        column.addStretch(1)
        self.area.place_column(top=32)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)

        self.auto_lock.currentIndexChanged.connect(lambda _i: self._set(auto_lock_minutes=self.auto_lock.currentData()))
        self.screen_lock.toggled.connect(lambda on: self._set(lock_with_screen=on))
        self.theme.currentIndexChanged.connect(lambda _i: self._set(theme=Theme(self.theme.currentData())))
        self.sounds.toggled.connect(lambda on: self._set(sounds=on))
        self.discreet.toggled.connect(lambda on: self._set(discreet=on))
        self.schedule.currentIndexChanged.connect(
            lambda _i: self._set(backup_schedule=Schedule(self.schedule.currentData())))
        self.keep.valueChanged.connect(lambda n: self._set(backup_keep=n))
        self.backup_folder.edit.editingFinished.connect(
            lambda: self._set(backup_folder=self.backup_folder.edit.text().strip()))
        self.schedule_passphrase_button.clicked.connect(lambda: self._open(self._schedule_dialog))
        self.scheduler = QTimer(self)
        self.scheduler.setInterval(SCHEDULE_CHECK_MS)
        self.scheduler.timeout.connect(self.run_scheduled)
        self.rename_button.clicked.connect(lambda: self._open_profile_dialog("RenameDialog"))
        self.passphrase_button.clicked.connect(lambda: self._open_profile_dialog("PassphraseDialog"))
        self.code_button.clicked.connect(lambda: self._open_profile_dialog("RecoveryCodeDialog"))
        self.hide_button.clicked.connect(lambda: self._open_profile_dialog("HideDialog"))
        self.delete_button.clicked.connect(lambda: self._open_profile_dialog("DeleteDialog"))
        self.add_button.clicked.connect(lambda: ctx.add_profile())
        self._show_profile()
        self.backup_button.clicked.connect(lambda: self._open(self._backup_dialog))
        self.restore_button.clicked.connect(lambda: self._open(self._restore_dialog))
        self.import_button.clicked.connect(lambda: self._open(self._import_dialog))
        self.export_button.clicked.connect(lambda: self._open(self._export_dialog))
        ctx.changes.changed.connect(self._on_changed)
        self._show(self.prefs)
        self._load()
        self.reminders.load()

    def title(self) -> str:
        return self.tr("Settings")

    def shown(self) -> None:
        self.auto_lock.setFocus()

    def _on_changed(self, changes: Changed) -> None:
        if changes == Changed.EXTERNAL and not self._loading:  # another process wrote; ours are already shown
            self._load()

    def _load(self) -> None:
        self._loading = True
        prefs = self._ctx.profile.preferences
        self._ctx.ops.query(self, prefs.load).success(self._loaded).failure(self._failed).run()

    def _loaded(self, prefs: Preferences) -> None:
        self.prefs = prefs
        self._show(prefs)
        self._loading = False
        self.run_scheduled()
        self.scheduler.start()

    def run_scheduled(self) -> None:
        """A scheduled backup when one is due (at unlock, then hourly while unlocked), quietly, off the GUI thread."""
        from intimacy_desktop.services.scheduled_backups import ScheduledBackups

        if self._ctx.backups is None or self.prefs.backup_schedule is Schedule.OFF:
            self.schedule_state.setText(self.tr("Scheduled backups are off."))
            return
        scheduled, profile, prefs = ScheduledBackups(self._ctx.backups), self._ctx.profile, self.prefs
        (self._ctx.ops.op(self, lambda: scheduled.run_if_due(profile, prefs)).success(self._scheduled_done)
         .failure(lambda e: self.schedule_state.setText(error_text(e)))
         .with_progress(self.tr("Backing up…")).run())

    def _scheduled_done(self, written: object) -> None:
        if written is not None:
            self.schedule_state.setText(self.tr("Last scheduled backup: just now, checked."))
        elif not self.schedule_state.text():
            self.schedule_state.setText(self.tr("Scheduled backups are on; the next one is not due yet."))

    def _show(self, prefs: Preferences) -> None:
        widgets = (self.auto_lock, self.screen_lock, self.discreet, self.theme, self.sounds, self.schedule,
                   self.keep, self.backup_folder.edit)
        for w in widgets:
            w.blockSignals(True)
        self.auto_lock.setCurrentIndex(self.auto_lock.findData(prefs.lock_minutes))
        self.screen_lock.setChecked(prefs.lock_with_screen)
        self.discreet.setChecked(prefs.discreet)
        self.theme.setCurrentIndex(self.theme.findData(prefs.theme.value))
        self.sounds.setChecked(prefs.sounds)
        self.schedule.setCurrentIndex(self.schedule.findData(prefs.backup_schedule.value))
        self.keep.setValue(prefs.backup_keep)
        self.backup_folder.edit.setText(prefs.backup_folder)
        for w in widgets:
            w.blockSignals(False)

    def _set(self, **change: Any) -> None:
        if self._loading:
            return
        self.prefs = replace(self.prefs, **change)
        if "backup_schedule" in change:
            QTimer.singleShot(0, self.run_scheduled)
        self._ctx.apply_preferences(self.prefs)  # at once; the save follows
        service, prefs = self._ctx.profile.preferences, self.prefs
        self._ctx.ops.op(self, lambda: service.save(prefs)).success(self._saved).failure(self._failed).run()

    def _saved(self, _prefs: Preferences) -> None:
        self.status.clear()

    def _failed(self, error: AppError) -> None:
        self._loading = False
        self.status.setText(error_text(error))

    # ---- your profile ---------------------------------------------------------------------------------------
    def _show_profile(self) -> None:
        from intimacy_desktop.services.profiles import is_hidden

        info, header = self._ctx.profile.info, self._ctx.profile.header
        hidden = is_hidden(info.folder)
        lock = (self.tr("a passphrase and this computer's keyring") if header.has_passphrase and header.uses_keyring
                else self.tr("a passphrase alone") if header.has_passphrase
                else self.tr("this computer's keyring alone, with no passphrase"))
        text = self.tr("“%1”, opened with %2.").replace("%1", info.label).replace("%2", lock)
        if hidden:
            text += " " + self.tr("Hidden: the unlock screen does not show it.")
        self.profile_state.setText(text)
        self.passphrase_button.setText(self.tr("Change the passphrase…") if header.has_passphrase
                                       else self.tr("Set a passphrase…"))
        self.hide_button.setText(self.tr("Show in the list…") if hidden else self.tr("Hide this profile…"))
        self.hide_button.setEnabled(hidden or header.has_passphrase)
        self.hide_button.setToolTip("" if hidden or header.has_passphrase
                                    else self.tr("A hidden profile needs a passphrase: set one first."))

    def _open_profile_dialog(self, name: str) -> None:
        from intimacy_desktop.gui.settings_page import profile_dialogs

        def make() -> QDialog:
            dialog = getattr(profile_dialogs, name)(self._ctx, self)
            if name == "DeleteDialog":
                dialog.confirmed.connect(self._ctx.delete_profile)
            else:
                dialog.changed.connect(self._show_profile)
            return dialog  # type: ignore[no-any-return]
        self._open(make)

    # ---- dialogs --------------------------------------------------------------------------------------------
    def _open(self, make: Callable[[], QDialog]) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = make()
        self.dialog.setModal(True)
        self.dialog.show()

    def _backup_dialog(self) -> QDialog:
        from intimacy_desktop.gui.settings_page.backup_dialogs import BackupDialog

        return BackupDialog(self._ctx, self)

    def _schedule_dialog(self) -> QDialog:
        from intimacy_desktop.gui.settings_page.backup_dialogs import SchedulePassphraseDialog

        return SchedulePassphraseDialog(self._ctx, self)

    def _restore_dialog(self) -> QDialog:
        from intimacy_desktop.gui.settings_page.backup_dialogs import RestoreDialog, ops_runner

        assert self._ctx.backups is not None
        return RestoreDialog(self._ctx.backups, self._ctx.clipboard, ops_runner(self._ctx), self)

    def _import_dialog(self) -> QDialog:
        from intimacy_desktop.gui.settings_page.interchange_dialogs import ImportDialog

        return ImportDialog(self._ctx, self)

    def _export_dialog(self) -> QDialog:
        from intimacy_desktop.gui.settings_page.interchange_dialogs import ExportDialog

        return ExportDialog(self._ctx, self)

    def wipe(self) -> None:
        self.scheduler.stop()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
