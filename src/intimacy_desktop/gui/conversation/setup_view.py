"""Before a conversation: the length (a preset or your own), turns, cards, the little ritual; today's and this week's
device-free minutes against the goal; the latest talks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.content import Depth
from intimacy_desktop.core.conversation import CUSTOM, PRESETS, TURN_CHOICES, preset
from intimacy_desktop.core.layers import LAYERS, Layer
from intimacy_desktop.core.talk_minutes import DEFAULT_GOAL_MINUTES, MAX_GOAL, MIN_GOAL, TalkMinutes
from intimacy_desktop.gui.conversation.labels import length_text, preset_line, preset_name
from intimacy_desktop.gui.journal.labels import layer_name
from intimacy_desktop.gui.layers.labels import depth_name
from intimacy_desktop.gui.practice.column_area import ColumnArea
from intimacy_desktop.gui.practice.item_row import text_label

WIDEST = 720


@dataclass(frozen=True)
class Options:
    preset: str
    seconds: int
    turn_seconds: int | None
    layer: Layer | None
    depth: Depth
    ritual: bool


class SetupView(ColumnArea):
    start_requested = Signal(object)  # Options
    ritual_changed = Signal(bool)
    goal_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(WIDEST, parent)
        col = QVBoxLayout(self.column)
        col.setSpacing(14)
        col.addWidget(text_label(self.tr("A conversation without devices"), "headline"))
        col.addWidget(text_label(self.tr(
            "In the article's survey, couples spent about 3.4 hours a day on screens in the same room and under 40 "
            "minutes talking with the screens away, and those talks went with the happiest answers. Choose a "
            "length, put the phones somewhere else, and let the timer keep the time."), "muted"))
        self.today_label = text_label("", "section")
        self.today_bar = QProgressBar()
        self.today_bar.setTextVisible(False)
        self.today_bar.setMaximumHeight(8)
        self.today_bar.setAccessibleName(self.tr("Device-free minutes today against your goal"))
        self.week_label = text_label("", "muted")
        col.addWidget(self.today_label)
        col.addWidget(self.today_bar)
        col.addWidget(self.week_label)

        self.presets = QButtonGroup(self)
        box = QFrame()
        box.setProperty("role", "card")
        choices = QVBoxLayout(box)
        choices.setSpacing(6)
        for i, item in enumerate([*PRESETS, None]):
            pid = item.id if item is not None else CUSTOM
            length = length_text(item.seconds) if item is not None else ""
            button = QRadioButton(f"{preset_name(pid)}  ·  {length}" if length else preset_name(pid))
            button.setProperty("preset", pid)
            self.presets.addButton(button, i)
            choices.addWidget(button)
        self.preset_note = text_label("", "hint")
        choices.addWidget(self.preset_note)
        col.addWidget(box)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.custom_minutes = QSpinBox()
        self.custom_minutes.setRange(1, 240)
        self.custom_minutes.setValue(15)
        self.custom_minutes.setSuffix(self.tr(" min"))
        self.custom_minutes.setAccessibleName(self.tr("Your own length in minutes"))
        self.turns = QComboBox()
        self.turns.setAccessibleName(self.tr("Speaker and listener turns"))
        for seconds in TURN_CHOICES:
            self.turns.addItem(self.tr("No turns") if seconds is None else
                               self.tr("Swap every %1 min").replace("%1", str(seconds // 60)), seconds)
        self.layer = QComboBox()
        self.layer.setAccessibleName(self.tr("Cards from which layer"))
        self.layer.addItem(self.tr("No cards"), None)
        for layer in LAYERS:
            self.layer.addItem(layer_name(layer), layer)
        self.depth_combo = QComboBox()
        self.depth_combo.setAccessibleName(self.tr("How deep the cards go"))
        for depth in Depth:
            self.depth_combo.addItem(depth_name(depth), depth)
        self.goal = QSpinBox()
        self.goal.setRange(MIN_GOAL, MAX_GOAL)
        self.goal.setValue(DEFAULT_GOAL_MINUTES)
        self.goal.setSuffix(self.tr(" min a day"))
        self.goal.setAccessibleName(self.tr("Your daily goal of device-free minutes"))
        self.goal.setKeyboardTracking(False)  # typed digits count once the field is left, not one by one
        self.goal.valueChanged.connect(self.goal_changed)
        self.ritual = QCheckBox(self.tr("Begin with a moment: phones away, face each other"))
        self.ritual.toggled.connect(self.ritual_changed)
        form.addRow(self.tr("Your length"), self.custom_minutes)
        form.addRow(self.tr("Turns"), self.turns)
        form.addRow(self.tr("Cards"), self.layer)
        form.addRow(self.tr("Depth"), self.depth_combo)
        form.addRow(self.tr("Daily goal"), self.goal)
        col.addLayout(form)
        col.addWidget(self.ritual)
        self.error_label = text_label("", "error")
        self.error_label.hide()
        col.addWidget(self.error_label)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setProperty("role", "primary")
        self.start_button.setToolTip(self.tr("Start the conversation (Ctrl+Enter)"))
        self.start_button.clicked.connect(self._start)
        row.addWidget(self.start_button)
        row.addStretch(1)
        col.addLayout(row)
        col.addWidget(text_label(self.tr("Recent conversations"), "section"))
        self.recent_label = text_label("", "muted")
        col.addWidget(self.recent_label)
        col.addStretch(1)
        self.place_column(top=24)
        self.presets.idToggled.connect(self._preset_chosen)
        self.layer.currentIndexChanged.connect(
            lambda _i: self.depth_combo.setEnabled(self.layer.currentData() is not None))
        self.presets.button(0).setChecked(True)
        self.depth_combo.setEnabled(False)

    def chosen_preset(self) -> str:
        button = self.presets.checkedButton()
        return str(button.property("preset")) if button is not None else PRESETS[0].id

    def _preset_chosen(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        pid = self.chosen_preset()
        self.preset_note.setText(preset_line(pid))
        self.custom_minutes.setEnabled(pid == CUSTOM)
        found = preset(pid)
        if found is not None:
            self.turns.setCurrentIndex(max(0, self.turns.findData(found.turn_seconds)))

    def options(self) -> Options:
        pid = self.chosen_preset()
        found = preset(pid)
        seconds = found.seconds if found is not None else self.custom_minutes.value() * 60
        layer = self.layer.currentData()  # a StrEnum comes back from Qt as its plain string
        return Options(pid, seconds, self.turns.currentData(), Layer(layer) if layer else None,
                       Depth(self.depth_combo.currentData()), self.ritual.isChecked())

    def _start(self) -> None:
        self.error_label.hide()
        self.start_requested.emit(self.options())

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def show_minutes(self, minutes: TalkMinutes) -> None:
        self.today_label.setText(self.tr("Today: %1 of %2 device-free minutes").replace(
            "%1", str(minutes.today)).replace("%2", str(minutes.goal_per_day)))
        self.goal.blockSignals(True)
        self.goal.setValue(minutes.goal_per_day)
        self.goal.blockSignals(False)
        self.today_bar.setRange(0, max(1, minutes.goal_per_day))
        self.today_bar.setValue(min(minutes.today, minutes.goal_per_day))
        self.week_label.setText(self.tr("This week: %1 of %2 minutes, on %3 of %4 days so far").replace(
            "%1", str(minutes.week)).replace("%2", str(minutes.week_goal)).replace(
            "%3", str(minutes.days_this_week)).replace("%4", str(minutes.week_days_so_far)))

    def show_recent(self, lines: Sequence[str]) -> None:
        self.recent_label.setText("\n".join(lines) if lines else self.tr(
            "None yet. The first one can be ten minutes tonight."))

    def forget(self) -> None:
        self.recent_label.clear()
        self.error_label.clear()
