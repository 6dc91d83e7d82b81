"""A calm countdown for timed steps and timed turns: big minutes and seconds, Start / Pause / Resume, and a soft
visual cue when the time is up; ``ended`` lets the runner add the soft step chime (gui/sound.py), never a beep.

The time left is always the deadline minus a monotonic clock, never a count of timer ticks, so a slow event loop
cannot stretch a minute; the tick only repaints. Tests put a fake clock in ``clock``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intimacy_desktop.gui.formatting import clock_text

TICK_MS = 200


class CountdownPanel(QFrame):
    ended = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.clock: Callable[[], float] = time.monotonic
        self.total = 0.0
        self._left = 0.0  # while paused or not started
        self._deadline: float | None = None  # while running
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.time_label = QLabel()
        self.time_label.setProperty("role", "figure")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.time_label.setStyleSheet("font-size: 34pt;")
        self.cue_label = QLabel(self.tr("Time is up. Finish your sentence, then go on when you are ready."))
        self.cue_label.setWordWrap(True)
        self.cue_label.setProperty("role", "notice")
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.cue_label.hide()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Start or pause the time (Space on this button)"))
        self.start_button.clicked.connect(self.toggle)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 14, 24, 16)
        lay.setSpacing(8)
        lay.addWidget(self.time_label)
        lay.addWidget(self.cue_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addStretch(1)
        lay.addLayout(row)

    @property
    def running(self) -> bool:
        return self._deadline is not None

    def remaining(self) -> float:
        if self._deadline is None:
            return self._left
        return max(0.0, self._deadline - self.clock())

    def reset(self, seconds: int) -> None:
        self._timer.stop()
        self.total = float(seconds)
        self._left = float(seconds)
        self._deadline = None
        self.cue_label.hide()
        self.start_button.setEnabled(True)
        self.start_button.setText(self.tr("Start"))
        self._show()

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def start(self) -> None:
        if self._left <= 0:
            return
        self._deadline = self.clock() + self._left
        self._timer.start()
        self.start_button.setText(self.tr("Pause"))
        self._show()

    def pause(self) -> None:
        if self._deadline is None:
            return
        self._left = self.remaining()
        self._deadline = None
        self._timer.stop()
        self.start_button.setText(self.tr("Resume"))
        self._show()

    def stop(self) -> None:
        self._timer.stop()
        if self._deadline is not None:
            self._left = self.remaining()
        self._deadline = None

    def tick(self) -> None:
        self._show()
        if self._deadline is not None and self.remaining() <= 0:
            self._deadline = None
            self._left = 0.0
            self._timer.stop()
            self.cue_label.show()
            self.start_button.setEnabled(False)
            self.start_button.setText(self.tr("Start"))
            self.ended.emit()

    def _show(self) -> None:
        text = clock_text(self.remaining())
        self.time_label.setText(text)
        self.time_label.setAccessibleName(self.tr("Time left: %1").replace("%1", text))
