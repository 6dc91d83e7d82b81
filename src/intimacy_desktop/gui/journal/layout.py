"""The journal page's arrangement: filters, count and list on the left, the undo bar and editor on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from intimacy_desktop.gui.journal.page import JournalPage


def build_journal_layout(page: JournalPage) -> None:
    count_row = QHBoxLayout()
    count_row.addWidget(page.count_label)
    count_row.addStretch(1)
    count_row.addWidget(page.trash_button)
    trash_row = QHBoxLayout()
    trash_row.addWidget(page.restore_button)
    trash_row.addStretch(1)
    trash_row.addWidget(page.purge_button)
    left = QWidget()
    lv = QVBoxLayout(left)
    lv.setContentsMargins(20, 18, 10, 18)
    lv.setSpacing(8)
    lv.addWidget(page.filters)
    lv.addLayout(count_row)
    lv.addWidget(page.list, 1)
    lv.addLayout(trash_row)
    undo_lay = QHBoxLayout(page.undo_bar)
    undo_lay.setContentsMargins(12, 6, 8, 6)
    undo_lay.addWidget(page.undo_label, 1)
    undo_lay.addWidget(page.undo_button)
    page.undo_bar.hide()
    right = QWidget()
    rv = QVBoxLayout(right)
    rv.setContentsMargins(10, 18, 20, 18)
    rv.addWidget(page.undo_bar)
    rv.addWidget(page.editor, 1)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([380, 640])
    splitter.setChildrenCollapsible(False)
    lay = QHBoxLayout(page)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(splitter)
    page.restore_button.hide()
    page.purge_button.hide()
