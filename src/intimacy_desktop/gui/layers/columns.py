"""A centred column that keeps word-wrapped text whole.

A widget with a maximum width is centred here by stretch, not by an alignment flag: an aligned item tells its
layout it has no maximum, so the layout measures the height its text needs at the whole row's width, then gives the
narrower widget that height, and wrapped labels lose their last lines.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


def centred(widget: QWidget) -> QHBoxLayout:
    """``widget`` in the middle of a row, as wide as its maximum allows: its stretch gives it nearly all the room
    until it reaches that maximum, the two sides share the rest."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(widget, 1000)
    row.addStretch(1)
    return row


def calm_middle(widget: QWidget) -> QWidget:
    """A page holding ``widget`` centred across and a little above the middle down (a card on its own)."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    column.addStretch(1)
    column.addLayout(centred(widget))
    column.addStretch(2)
    return page
