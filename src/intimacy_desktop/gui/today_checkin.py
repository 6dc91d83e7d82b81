"""Today's morning check-in: the emotional weather (the journal's five levels), up to three feeling words, an
optional note. One per day, saved in the vault and editable until the day ends; nothing is asked twice."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLineEdit, QPushButton, QWidget

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.rhythm import FEELINGS, MAX_FEELINGS, NOTE_MAX, CheckIn
from intimacy_desktop.gui.card import Card
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.flow_layout import FlowLayout
from intimacy_desktop.gui.journal.labels import mood_color, mood_name
from intimacy_desktop.gui.practice.item_row import text_label
from intimacy_desktop.gui.rhythm_labels import feeling_name

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext


class CheckInCard(Card):
    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.day = dt.date.today()
        self.saved: CheckIn | None = None
        self.set_texts(self.tr("Your emotional weather"),
                       self.tr("How are you arriving today? One tap is enough; the words and the note are there if "
                               "you want them."))
        self.weather = QButtonGroup(self)
        self.weather.setExclusive(True)
        weather_row = QHBoxLayout()
        weather_row.setSpacing(6)
        for value in range(1, 6):
            b = QPushButton(mood_name(value))
            b.setCheckable(True)
            b.setAccessibleName(self.tr("Weather: %1").replace("%1", mood_name(value)))
            b.setStyleSheet(f"QPushButton:checked {{ background: {mood_color(value).name()}; color: #1d1f24; }}")
            self.weather.addButton(b, value)
            weather_row.addWidget(b)
        weather_row.addStretch(1)
        self.feelings_label = text_label(self.tr("A few words, if they fit (up to three)"), "muted")
        self.feeling_buttons: dict[str, QPushButton] = {}
        chips = FlowLayout(spacing=6)
        for feeling in FEELINGS:
            chip = QPushButton(feeling_name(feeling))
            chip.setCheckable(True)
            chip.setProperty("role", "chip")
            chip.toggled.connect(self._limit)
            self.feeling_buttons[feeling] = chip
            chips.addWidget(chip)
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(self.tr("A note for yourself (optional, encrypted)"))
        self.note.setAccessibleName(self.tr("Check-in note"))
        self.note.returnPressed.connect(self.save)
        self.save_button = QPushButton(self.tr("Save check-in"))
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self.status = text_label("", "muted")
        self.lay.addLayout(weather_row)
        self.lay.addWidget(self.feelings_label)
        self.lay.addLayout(chips)
        self.lay.addWidget(self.note)
        self.add_action_row(self.save_button, self.status)
        self.weather.idClicked.connect(lambda _v: self._edited())
        ctx.changes.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changed) -> None:
        if changes == Changed.EXTERNAL:  # another process wrote; our own saves are shown already
            self.refresh()

    def chosen_feelings(self) -> tuple[str, ...]:
        return tuple(f for f, b in self.feeling_buttons.items() if b.isChecked())

    def _limit(self, _on: bool) -> None:
        full = len(self.chosen_feelings()) >= MAX_FEELINGS
        for button in self.feeling_buttons.values():
            button.setEnabled(button.isChecked() or not full)
        self._edited()

    def _edited(self) -> None:
        self.status.clear()

    def refresh(self, day: dt.date | None = None) -> None:
        self.day = day or dt.date.today()
        rhythm, wanted = self._ctx.profile.rhythm, self.day
        self._ctx.ops.query(self, lambda: rhythm.checkin(wanted)).success(self.show_checkin).failure(
            self._failed).run()

    def show_checkin(self, checkin: CheckIn | None) -> None:
        self.saved = checkin
        button = self.weather.checkedButton()
        if checkin is None and button is not None:
            self.weather.setExclusive(False)
            button.setChecked(False)
            self.weather.setExclusive(True)
        elif checkin is not None:
            self.weather.button(checkin.weather).setChecked(True)
        for feeling, chip in self.feeling_buttons.items():
            chip.blockSignals(True)
            chip.setChecked(checkin is not None and feeling in checkin.feelings)
            chip.blockSignals(False)
        self._limit(False)
        self.note.setText(checkin.note if checkin is not None else "")
        self.save_button.setText(self.tr("Update check-in") if checkin else self.tr("Save check-in"))
        self.status.setText(self.tr("Saved for today. You can change it until the day ends.") if checkin else "")

    def save(self) -> None:
        weather = self.weather.checkedId()
        if weather < 1:
            self.status.setText(self.tr("Choose the weather first: one tap."))
            return
        try:
            checkin = CheckIn(self.day, weather, self.chosen_feelings(), self.note.text())
        except AppError as exc:
            self.status.setText(error_text(exc))
            return
        rhythm = self._ctx.profile.rhythm
        self._ctx.ops.op(self, lambda: rhythm.save_checkin(checkin)).success(self.show_checkin).failure(
            self._failed).run()

    def _failed(self, error: AppError) -> None:
        self.status.setText(error_text(error))

    def forget(self) -> None:
        self.saved = None
        self.note.clear()
        self.show_checkin(None)
