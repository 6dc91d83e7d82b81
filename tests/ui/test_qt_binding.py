"""The Qt binding itself: PySide6-Essentials 6.12.0 takes a reference to None away on every call that returns
nothing. On Python 3.11 (Debian 12's) None is not immortal, so a session of a few minutes' repaints aborts the
app with "Fatal Python error: none_dealloc". pyproject.toml keeps that release out; this test keeps it out."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_calls_that_return_nothing_leave_none_alone(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(1000):
        widget.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 50
