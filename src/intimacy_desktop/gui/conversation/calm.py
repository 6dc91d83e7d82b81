"""Calm mode: the conversation full screen, dark, and still. A large quiet countdown (or none), the current card,
and nothing else that moves; the keys do the rest: Space pause, → next card, H hide the time, L a dimmer screen
for a dark room, Esc back to the page.

A window of its own (full screen needs one) with the app's neutral title. The page closes it on the lock, before
anything else, because it shows a card.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from intimacy_desktop.core.conversation import ConversationTimer, Phase
from intimacy_desktop.gui.conversation.labels import turn_line
from intimacy_desktop.gui.formatting import clock_text

# (background, main text, quiet text): a dark room gets a dimmer, warmer screen that does not light the faces.
CARD_WIDTH = 900
ROOM = {"light": ("#1d1f24", "#e9e6df", "#8d8a84"), "dark": ("#07080a", "#9c8f7d", "#4d473f")}


class CalmWindow(QWidget):
    toggle_requested = Signal()
    next_card_requested = Signal()
    repaint_requested = Signal()
    closed = Signal()

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        from intimacy_desktop.core.discreet import app_name
        from intimacy_desktop.gui.presentation import is_discreet

        self.setWindowTitle(app_name(is_discreet()))
        self.setAccessibleName(self.tr("Calm mode"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.room = "light"
        self.time_hidden = False
        self.time_label = QLabel()
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.turn_label = QLabel()
        self.turn_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_label = QLabel()
        self.card_label.setWordWrap(True)
        self.card_label.setTextFormat(Qt.TextFormat.PlainText)
        self.card_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label = QLabel(self.tr("Space pause · → next card · H hide the time · L dimmer · Esc leave"))
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        self._lay = lay
        lay.setContentsMargins(60, 60, 60, 36)
        lay.addStretch(2)
        lay.addWidget(self.time_label)
        lay.addWidget(self.turn_label)
        lay.addSpacing(40)
        lay.addWidget(self.card_label)
        lay.addStretch(3)
        lay.addWidget(self.hint_label)
        self._paint_room()

    def resizeEvent(self, event: QResizeEvent) -> None:
        side = max(60, (self.width() - CARD_WIDTH) // 2)  # the card's lines stay short enough to read across a room
        self._lay.setContentsMargins(side, 60, side, 36)
        super().resizeEvent(event)

    def _paint_room(self) -> None:
        back, main, quiet = ROOM[self.room]
        self.setStyleSheet(f"CalmWindow {{ background: {back}; }} QLabel {{ color: {main}; background: transparent; }}")
        self.setAutoFillBackground(True)
        self.time_label.setStyleSheet(f"color: {quiet if self.room == 'dark' else main}; font-size: 96pt; "
                                      "font-weight: 300;")
        self.turn_label.setStyleSheet(f"color: {quiet}; font-size: 18pt;")
        self.card_label.setStyleSheet(f"color: {main}; font-size: 24pt;")
        self.hint_label.setStyleSheet(f"color: {quiet}; font-size: 10pt;")

    def show_timer(self, timer: ConversationTimer) -> None:
        if self.time_hidden:
            self.time_label.setText("")
        elif timer.phase is Phase.PAUSED:
            self.time_label.setText(self.tr("Paused · %1").replace("%1", clock_text(timer.remaining())))
        else:
            self.time_label.setText(clock_text(timer.remaining()))
        self.time_label.setAccessibleName(self.tr("Time left: %1").replace("%1", clock_text(timer.remaining())))
        self.turn_label.setVisible(timer.turn_seconds is not None)
        if timer.turn_seconds is not None:
            self.turn_label.setText(turn_line(timer.speaker))

    def show_card(self, text: str | None) -> None:
        self.card_label.setText(text or "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key == Qt.Key.Key_Space:
            self.toggle_requested.emit()
        elif key == Qt.Key.Key_Right:
            self.next_card_requested.emit()
        elif key == Qt.Key.Key_H:
            self.time_hidden = not self.time_hidden
            self.repaint_requested.emit()
        elif key == Qt.Key.Key_L:
            self.room = "dark" if self.room == "light" else "light"
            self._paint_room()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.card_label.clear()
        self.closed.emit()
        super().closeEvent(event)
