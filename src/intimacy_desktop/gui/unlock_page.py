"""The locked screen: pick a profile first, then type its passphrase.

Choosing the profile before typing means a passphrase is never tried against the wrong vault. The page only
collects input and shows results; the main window runs the slow unlock in the background helper.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from intimacy_desktop.gui._generated.ui_unlock_page import Ui_UnlockPage
from intimacy_desktop.gui.countdown import Countdown
from intimacy_desktop.gui.error_text import error_text, profile_label

if TYPE_CHECKING:
    from intimacy_desktop.core.errors import AppError
    from intimacy_desktop.services.profiles import ProfileInfo


class UnlockPage(QWidget):
    unlock_requested = Signal(object, object)  # ProfileInfo, passphrase (str | None)
    recover_requested = Signal(object)  # ProfileInfo
    new_profile_requested = Signal()
    restore_requested = Signal()
    about_requested = Signal()
    profile_chosen = Signal(str)  # folder name, to remember

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UnlockPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self._profiles: list[ProfileInfo] = []
        keep_room = self.ui.errorLabel.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)  # the links below stay put when a message goes away
        self.ui.errorLabel.setSizePolicy(keep_room)
        self.countdown = Countdown(self)  # the delay after wrong passphrases: Unlock waits until it is over
        self.countdown.changed.connect(self._show_wait)
        self.countdown.ended.connect(self._wait_over)
        self.ui.showPassphraseButton.toggled.connect(self._toggle_echo)
        self.ui.profileCombo.currentIndexChanged.connect(self._on_profile_changed)
        self.ui.passphraseEdit.returnPressed.connect(self._unlock)
        self.ui.passphraseEdit.textEdited.connect(self._typed)
        self.ui.unlockButton.clicked.connect(self._unlock)
        self.ui.recoverButton.clicked.connect(self._recover)
        self.ui.newProfileButton.clicked.connect(self.new_profile_requested)
        self.ui.restoreButton.clicked.connect(self.restore_requested)
        self.ui.otherProfileButton.clicked.connect(lambda: self.set_by_name(True))
        # "Open another profile": a hidden profile is found by its name, which nothing on this screen shows
        self.find_profile: Callable[[str], ProfileInfo | None] = lambda _name: None
        self.by_name = False
        self.name_label = QLabel(self.tr("Profile &name"))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Profile name"))
        self.name_label.setBuddy(self.name_edit)
        self.name_edit.returnPressed.connect(self.ui.passphraseEdit.setFocus)
        at = self.ui.cardLayout.indexOf(self.ui.passphraseLabel)
        self.ui.cardLayout.insertWidget(at, self.name_edit)
        self.ui.cardLayout.insertWidget(at, self.name_label)
        self.name_label.hide()
        self.name_edit.hide()
        self.ui.aboutButton.clicked.connect(self.about_requested)
        self.set_busy(False)
        self.ui.errorLabel.hide()
        # A conversation going on through the lock: only its time, never a card, a layer or whose it is.
        self.live_label = QLabel()
        self.live_label.setObjectName("liveTalkLabel")
        self.live_label.setProperty("role", "notice")
        self.live_label.setWordWrap(True)
        self.live_label.hide()
        self.ui.cardLayout.insertWidget(self.ui.cardLayout.indexOf(self.ui.introLabel) + 1, self.live_label)

    # ---- state set by the main window ---------------------------------------------------------------------
    def set_profiles(self, profiles: list[ProfileInfo], preferred_folder: str = "") -> None:
        self._profiles = list(profiles)
        combo = self.ui.profileCombo
        combo.blockSignals(True)
        combo.clear()
        for info in self._profiles:
            combo.addItem(profile_label(info))
        names = [p.folder.name for p in self._profiles]
        combo.setCurrentIndex(names.index(preferred_folder) if preferred_folder in names else 0)
        combo.blockSignals(False)
        self.ui.profileLabel.setVisible(len(self._profiles) > 1)
        combo.setVisible(len(self._profiles) > 1)
        if len(self._profiles) == 1:
            label = profile_label(self._profiles[0])
            self.ui.introLabel.setText(self.tr("Your journal “%1” is locked.").replace("%1", label))
        else:
            self.ui.introLabel.setText(
                self.tr("Your journal is locked. Choose your profile, then enter its passphrase.")
            )
        self._on_profile_changed(combo.currentIndex())

    def show_live(self, text: str | None) -> None:
        self.live_label.setText(text or "")
        self.live_label.setVisible(bool(text))

    def reset(self) -> None:
        """Forget anything typed: called on every lock."""
        if self.by_name:
            self.set_by_name(False)
        self.countdown.stop()
        self.ui.passphraseEdit.clear()
        self.ui.showPassphraseButton.setChecked(False)
        self.ui.errorLabel.clear()
        self.ui.errorLabel.hide()
        self.set_busy(False)

    def forget_passphrase(self) -> None:
        """A passphrase typed but not submitted must not survive a hide, a lock or a change of profile."""
        self.ui.passphraseEdit.clear()
        self.ui.showPassphraseButton.setChecked(False)

    def set_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        self.ui.busyLabel.setVisible(busy)
        for w in (self.ui.unlockButton, self.ui.passphraseEdit, self.ui.profileCombo, self.ui.recoverButton,
                  self.ui.newProfileButton, self.ui.restoreButton, self.ui.otherProfileButton):
            w.setEnabled(not busy)
        if not busy:
            self._on_profile_changed(self.ui.profileCombo.currentIndex(), keep_error=True)

    def show_error(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.show()
        self.ui.passphraseEdit.selectAll()
        self.ui.passphraseEdit.setFocus()

    def show_failure(self, error: AppError) -> None:
        """An unlock failed: its message, counted down when it asks to wait."""
        if self.by_name and error.code == "wrong_passphrase":
            self.show_error(self.tr("That name and passphrase do not open a profile."))
            return
        if not self.countdown.start(error):
            self.show_error(error_text(error))

    def focus_input(self) -> None:
        info = self.selected_profile()
        if info is not None and info.has_passphrase:
            self.ui.passphraseEdit.setFocus()
        else:
            self.ui.unlockButton.setFocus()

    def set_by_name(self, on: bool) -> None:
        """Type a profile's name instead of choosing it (off again at every lock)."""
        self.by_name = on
        self.name_edit.clear()
        self.name_label.setVisible(on)
        self.name_edit.setVisible(on)
        self.ui.profileCombo.setVisible(not on and len(self._profiles) > 1)
        self.ui.profileLabel.setVisible(not on and len(self._profiles) > 1)
        self.ui.otherProfileButton.setVisible(not on)
        self.ui.recoverButton.setVisible(not on)
        if on:
            self.ui.introLabel.setText(self.tr("Type the profile's name and its passphrase."))
            self.ui.passphraseLabel.show()
            self.ui.passphraseEdit.show()
            self.ui.showPassphraseButton.show()
            self.ui.noPassphraseLabel.hide()
            self.ui.unlockButton.setEnabled(not self.ui.busyBar.isVisible() and not self.countdown.active)
            self.name_edit.setFocus()
        else:
            self.set_profiles(self._profiles)

    def selected_profile(self) -> ProfileInfo | None:
        if self.by_name:
            return self.find_profile(self.name_edit.text()) if self.name_edit.text().strip() else None
        i = self.ui.profileCombo.currentIndex()
        return self._profiles[i] if 0 <= i < len(self._profiles) else None

    # ---- reactions -----------------------------------------------------------------------------------------
    def _on_profile_changed(self, index: int, keep_error: bool = False) -> None:
        if not keep_error:
            self.forget_passphrase()  # typed for another profile
            self.countdown.stop()  # that profile's wait; the service still knows it, if they come back
        info = self.selected_profile()
        damaged = info is not None and info.problem is not None
        needs_passphrase = (info is None or info.has_passphrase) and not damaged  # nothing to type into a damaged one
        self.ui.passphraseLabel.setVisible(needs_passphrase)
        self.ui.passphraseEdit.setVisible(needs_passphrase)
        self.ui.showPassphraseButton.setVisible(needs_passphrase)
        self.ui.noPassphraseLabel.setVisible(not needs_passphrase and not damaged)
        self.ui.unlockButton.setEnabled(
            info is not None and info.problem is None and not self.ui.busyBar.isVisible() and not self.countdown.active
        )
        if info is not None and info.problem is not None:
            self.show_error(error_text(info.problem))
        elif not keep_error:
            self.ui.errorLabel.hide()
        if info is not None and index >= 0:
            self.profile_chosen.emit(info.folder.name)

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.ui.passphraseEdit.setEchoMode(mode)
        self.ui.showPassphraseButton.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.ui.showPassphraseButton.setAccessibleName(
            self.tr("Hide passphrase") if shown else self.tr("Show passphrase")
        )

    def _unlock(self) -> None:
        if self.by_name:
            self._unlock_by_name()
            return
        info = self.selected_profile()
        if info is not None and info.problem is not None:
            self.show_error(error_text(info.problem))
            return
        if info is None or self.ui.busyBar.isVisible() or self.countdown.active:
            return
        passphrase = self.ui.passphraseEdit.text() if info.has_passphrase else None
        if info.has_passphrase and not passphrase:
            self.show_error(self.tr("Enter the passphrase for this profile."))
            return
        self.forget_passphrase()  # each attempt starts from an empty field; nothing waits here for the next person
        self.unlock_requested.emit(info, passphrase)

    def _unlock_by_name(self) -> None:
        if self.ui.busyBar.isVisible() or self.countdown.active:
            return
        passphrase = self.ui.passphraseEdit.text()
        if not self.name_edit.text().strip() or not passphrase:
            self.show_error(self.tr("Type the profile's name and its passphrase."))
            return
        info = self.selected_profile()
        self.forget_passphrase()
        if info is None or not info.has_passphrase:  # a wrong name says no more than a wrong passphrase
            self.show_error(self.tr("That name and passphrase do not open a profile."))
            return
        self.unlock_requested.emit(info, passphrase)

    def _typed(self, _text: str) -> None:
        if not self.countdown.active:  # a wait stays on screen while they type
            self.ui.errorLabel.hide()

    def _show_wait(self, message: str) -> None:
        self.ui.unlockButton.setEnabled(False)
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.show()

    def _wait_over(self) -> None:
        self.ui.errorLabel.hide()
        self._on_profile_changed(self.ui.profileCombo.currentIndex(), keep_error=True)
        self.focus_input()

    def _recover(self) -> None:
        info = self.selected_profile()
        if info is not None:
            self.recover_requested.emit(info)
