"""The hand-made practice content (scripts/sample_practice.py) in place of the shipped files, for the GUI tests of
the Exercises page, and a window unlocked over it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from sample_practice import SAMPLE_PRACTICE

from intimacy_desktop.core.practice import Practice
from intimacy_desktop.services import practice as practice_service


@pytest.fixture(name="sample_practice")
def sample_practice_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[Practice]:
    """``shared_practice()`` answers with the sample (it reads the files through load_practice, once per process,
    so the cache is emptied before and after)."""
    practice_service.shared_practice.cache_clear()
    monkeypatch.setattr(practice_service, "load_practice", lambda lang="en": SAMPLE_PRACTICE)
    yield SAMPLE_PRACTICE
    practice_service.shared_practice.cache_clear()


def texts_of(root: Any) -> list[str]:
    """Every text a widget under ``root`` shows or holds: labels, buttons, text boxes, spin boxes, table cells."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLabel, QLineEdit, QPlainTextEdit, QTableWidget

    found: list[str] = []
    for w in root.findChildren(QLabel):
        found.append(w.text())
    for b in root.findChildren(QAbstractButton):
        found.append(b.text())
    for e in root.findChildren(QPlainTextEdit):
        found.append(e.toPlainText())
    for line in root.findChildren(QLineEdit):
        found.append(line.text())
    for s in root.findChildren(QAbstractSpinBox):
        found.append(s.text())
    for t in root.findChildren(QTableWidget):
        found.extend(t.item(r, c).text() for r in range(t.rowCount()) for c in range(t.columnCount())
                     if t.item(r, c) is not None)
    return [t for t in found if t]
