"""The self-test's window: one real QWidget, drawn (offscreen unless a display is set) and grabbed."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def draw_test_window() -> tuple[str, int, int]:
    """(platform plugin, width, height) of the grabbed image; width 0 when nothing could be drawn."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    label = QLabel("Intimacy Desktop self-test")
    label.resize(320, 80)
    label.show()
    app.processEvents()
    image = label.grab().toImage()
    label.close()
    if image.isNull():
        return QApplication.platformName(), 0, 0
    return QApplication.platformName(), image.width(), image.height()
