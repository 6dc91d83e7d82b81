"""A background result that arrives after its window is gone is dropped, not delivered to deleted widgets (the CI
failure of stop 19: the first-run screen's keyring check answered after the test closed the window)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from intimacy_desktop.gui.background import Background


def test_a_result_arriving_after_the_owner_is_deleted_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    background = Background(owner)
    release = threading.Event()
    delivered: list[object] = []
    background.submit(lambda: release.wait(5) and "late", delivered.append, delivered.append)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, 0)  # the window is gone before the worker answers
    release.set()
    qtbot.wait(300)
    assert delivered == []


def test_a_result_for_a_living_owner_is_delivered(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    background = Background(owner)
    delivered: list[object] = []
    background.submit(lambda: "done", delivered.append, delivered.append)
    qtbot.waitUntil(lambda: delivered == ["done"], timeout=5_000)
