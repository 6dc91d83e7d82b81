"""The answer parts of a step: one button per option of a choice (arrow keys move, Return takes it), and a 1 to 5
rating between its two labels (keys 1-5 choose, "Pass" goes on without one)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intimacy_desktop.gui.practice.item_row import discard

ARROWS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}


class ChoicePanel(QWidget):
    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # holds the focus while its buttons are replaced
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._lay.setSpacing(8)

    def show_options(self, labels: Sequence[str], taken: int | None) -> None:
        self.clear()
        for i, text in enumerate(labels):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.setCheckable(True)
            button.setChecked(i == taken)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, n=i: self.chosen.emit(n))
            button.installEventFilter(self)
            self.buttons.append(button)
            self._lay.addWidget(button)
            button.setVisible(self.isVisible())  # now, not on the next turn of the event loop: it takes the focus

    def focus(self) -> None:
        if self.buttons:
            checked = next((b for b in self.buttons if b.isChecked()), self.buttons[0])
            checked.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in self.buttons and isinstance(event, QKeyEvent):
            key = Qt.Key(event.key())
            index = self.buttons.index(watched)
            if key in ARROWS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.buttons[(index + ARROWS[key]) % len(self.buttons)].setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.chosen.emit(index)
                return True
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        discard(self.buttons, self)
        self.buttons = []


class RatingPanel(QWidget):
    rated = Signal(object)  # 1..5, or None for "Pass"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low_label = QLabel()
        self.low_label.setProperty("role", "muted")
        self.low_label.setWordWrap(True)
        self.high_label = QLabel()
        self.high_label.setProperty("role", "muted")
        self.high_label.setWordWrap(True)
        self.high_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.group = QButtonGroup(self)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.low_label, 1)
        for value in range(1, 6):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMinimumWidth(44)
            button.setToolTip(self.tr("Key %1").replace("%1", str(value)))
            self.group.addButton(button, value)
            self.buttons.append(button)
            row.addWidget(button)
        row.addWidget(self.high_label, 1)
        self.pass_button = QPushButton(self.tr("Pass"))
        self.pass_button.setAccessibleName(self.tr("Go on without a rating"))
        self.pass_button.clicked.connect(lambda: self.rated.emit(None))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        lay.addLayout(row)
        end = QHBoxLayout()
        end.addStretch(1)
        end.addWidget(self.pass_button)
        end.addStretch(1)
        lay.addLayout(end)

    def show_scale(self, low: str, high: str, value: int | None) -> None:
        self.low_label.setText(low)
        self.high_label.setText(high)
        for i, button in enumerate(self.buttons, start=1):
            name = str(i)
            if i == 1 and low:
                name = f"1, {low}"
            elif i == 5 and high:
                name = f"5, {high}"
            button.setAccessibleName(name)
        self.select(value)

    def select(self, value: int | None) -> None:
        self.group.setExclusive(False)
        for i, button in enumerate(self.buttons, start=1):
            button.setChecked(i == value)
        self.group.setExclusive(True)

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return checked if checked > 0 else None

    def focus(self) -> None:
        chosen = self.value()
        self.buttons[(chosen or 3) - 1].setFocus(Qt.FocusReason.OtherFocusReason)

    def forget(self) -> None:
        self.low_label.clear()
        self.high_label.clear()
        self.select(None)
