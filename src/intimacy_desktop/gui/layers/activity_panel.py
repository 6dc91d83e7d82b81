"""The person's own recent time in a layer: cards talked about this week, the latest journal entries about the
layer (a click opens one in the journal) and the favourite cards (a click opens the card).

Counts say what was done, never what was missed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from intimacy_desktop.core.content import Prompt
from intimacy_desktop.core.journal import EntrySummary
from intimacy_desktop.gui import theme
from intimacy_desktop.gui.formatting import qdate

LINK_FLAGS = Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard


def link_label(text: str, href: str, *, detail: str = "") -> QLabel:
    """A word-wrapped link a person can Tab to and open with Enter, with an optional muted detail after it."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(LINK_FLAGS)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    muted = theme.current().muted
    suffix = f" <span style='color: {muted}'>· {html.escape(detail, quote=False)}</span>" if detail else ""
    label.setText(f"<a href='{html.escape(href)}' style='text-decoration: none'>{html.escape(text, quote=False)}</a>"
                  f"{suffix}")
    label.setAccessibleName(text)
    return label


class ActivityPanel(QFrame):
    link_activated = Signal(str)  # "open:<entry id>" or "card:<prompt id>"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        title = QLabel(self.tr("Your time here"))
        title.setProperty("role", "section")
        self.week_label = QLabel()
        self.week_label.setWordWrap(True)
        self.entries_title = QLabel(self.tr("Latest journal entries about this layer"))
        self.entries_title.setProperty("role", "tablehead")
        self.entries_empty = QLabel(self.tr("None yet. When you write about this layer, choose it in the entry's "
                                            "layer field and it will show here."))
        self.entries_empty.setWordWrap(True)
        self.entries_empty.setProperty("role", "muted")
        self.entries_box = QVBoxLayout()
        self.entries_box.setSpacing(4)
        self.favourites_title = QLabel(self.tr("Favourite cards"))
        self.favourites_title.setProperty("role", "tablehead")
        self.favourites_empty = QLabel(self.tr("Mark a card you want to come back to with Favourite (F)."))
        self.favourites_empty.setWordWrap(True)
        self.favourites_empty.setProperty("role", "muted")
        self.favourites_box = QVBoxLayout()
        self.favourites_box.setSpacing(6)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 22)
        lay.setSpacing(10)
        lay.addWidget(title)
        lay.addWidget(self.week_label)
        lay.addSpacing(4)
        lay.addWidget(self.entries_title)
        lay.addLayout(self.entries_box)
        lay.addWidget(self.entries_empty)
        lay.addSpacing(4)
        lay.addWidget(self.favourites_title)
        lay.addLayout(self.favourites_box)
        lay.addWidget(self.favourites_empty)
        self.entry_links: list[QLabel] = []
        self.favourite_links: list[QLabel] = []

    def show_activity(self, answered_this_week: int, entries: Sequence[EntrySummary],
                      favourites: Sequence[Prompt]) -> None:
        if answered_this_week:
            self.week_label.setText(self.tr("You talked about %Ln cards of this layer this week.", "",
                                            answered_this_week))
        else:
            self.week_label.setText(self.tr("No cards of this layer talked about this week yet: one is enough."))
        locale = QLocale()
        self.entry_links = self._fill(self.entries_box, self.entry_links, [
            link_label(e.title or self.tr("(untitled)"), f"open:{e.id}",
                       detail=locale.toString(qdate(e.entry_date), "ddd d MMM yyyy"))
            for e in entries
        ])
        self.entries_empty.setVisible(not entries)
        self.favourite_links = self._fill(self.favourites_box, self.favourite_links,
                                          [link_label(p.text, f"card:{p.id}") for p in favourites])
        self.favourites_empty.setVisible(not favourites)

    def _fill(self, box: QVBoxLayout, old: list[QLabel], new: list[QLabel]) -> list[QLabel]:
        for label in old:
            label.clear()
            box.removeWidget(label)
            label.deleteLater()
        for label in new:
            label.linkActivated.connect(self.link_activated)
            box.addWidget(label)
        return new

    def forget(self) -> None:
        self.week_label.clear()
        self.entry_links = self._fill(self.entries_box, self.entry_links, [])
        self.favourite_links = self._fill(self.favourites_box, self.favourite_links, [])
