"""A layer's overview: its name and summary, what it is (glossary terms linked), its three decks, the person's
recent time in it, and the figures and tables the article gives for it.

One calm column, at most ``COLUMN_WIDTH`` wide and centred, in a scroll area: at the 900x620 minimum window the
column is what is left beside the sidebar, and nothing in it needs more than that.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from intimacy_desktop.core.content import Content, Term
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui.flow_layout import FlowLayout
from intimacy_desktop.gui.layers.activity_panel import LINK_FLAGS, ActivityPanel
from intimacy_desktop.gui.layers.columns import centred
from intimacy_desktop.gui.layers.decks_panel import DecksPanel
from intimacy_desktop.gui.layers.figures import FigureGrid, FigureTableView

COLUMN_WIDTH = 820


def linked_text(text: str, glossary: dict[str, Term]) -> str:
    """``text`` as rich text, paragraphs kept, with the first mention of each glossary term linked to it
    ("term:<id>"). Longer terms win over shorter ones inside them; a plural "s" still counts as a mention."""
    terms = sorted(glossary.values(), key=lambda t: len(t.term), reverse=True)
    if not terms:
        return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    by_name = {t.term.casefold(): t.id for t in terms}
    pattern = re.compile(r"\b(" + "|".join(re.escape(t.term) for t in terms) + r")s?\b", re.IGNORECASE)
    linked: set[str] = set()
    paragraphs = []
    for paragraph in text.split("\n\n"):
        out, last = [], 0
        for match in pattern.finditer(paragraph):
            term_id = by_name[match.group(1).casefold()]
            if term_id in linked:
                continue
            linked.add(term_id)
            out.append(html.escape(paragraph[last:match.start()]))
            out.append(f"<a href='term:{term_id}'>{html.escape(match.group(0))}</a>")
            last = match.end()
        out.append(html.escape(paragraph[last:]))
        paragraphs.append("<p style='line-height: 135%'>" + "".join(out) + "</p>")
    return "".join(paragraphs)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    label.setWordWrap(True)
    return label


class LayerOverview(QScrollArea):
    term_requested = Signal(object)  # a glossary term id, or None for the whole glossary
    open_requested = Signal(object)  # Depth
    hidden_requested = Signal(object)  # Depth
    opt_in_changed = Signal(bool)
    link_activated = Signal(str)  # "open:<entry id>" or "card:<prompt id>"

    def __init__(self, layer: Layer, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        text = content.layers.get(layer)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.name_label = QLabel(text.name if text else layer.value)
        self.name_label.setProperty("role", "headline")
        self.name_label.setWordWrap(True)
        self.summary_label = QLabel(text.summary if text else "")
        self.summary_label.setProperty("role", "lead")
        self.summary_label.setWordWrap(True)
        self.glossary_button = QPushButton(self.tr("Glossary"))
        self.glossary_button.setToolTip(self.tr("Every term, explained (Ctrl+Shift+G)"))
        self.glossary_button.setAccessibleName(self.tr("Open the glossary"))
        self.glossary_button.clicked.connect(lambda: self.term_requested.emit(None))
        self.definition_label = QLabel(linked_text(text.definition, content.glossary) if text else "")
        self.definition_label.setWordWrap(True)
        self.definition_label.setTextFormat(Qt.TextFormat.RichText)
        self.definition_label.setTextInteractionFlags(LINK_FLAGS | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.definition_label.setAccessibleName(self.tr("What this layer is"))
        self.definition_label.linkActivated.connect(self._on_term_link)
        self.term_buttons: dict[str, QPushButton] = {}
        for term_id in text.key_terms if text else ():
            term = content.glossary.get(term_id)
            if term is None:
                continue  # a key term the glossary does not have (yet): no chip rather than a dead one
            chip = QPushButton(term.term)
            chip.setProperty("role", "chip")
            chip.setAccessibleName(self.tr("Glossary: %1").replace("%1", term.term))
            chip.clicked.connect(lambda _checked=False, t=term_id: self.term_requested.emit(t))
            self.term_buttons[term_id] = chip
        self.decks = DecksPanel(layer)
        self.decks.open_requested.connect(self.open_requested)
        self.decks.hidden_requested.connect(self.hidden_requested)
        self.decks.opt_in_changed.connect(self.opt_in_changed)
        self.activity = ActivityPanel()
        self.activity.link_activated.connect(self.link_activated)
        self.figures = FigureGrid(text.figures if text else ())
        self.tables = [FigureTableView(t) for t in content.tables if t.layer == layer]
        self._build()

    def _build(self) -> None:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(6)
        titles.addWidget(self.name_label)
        titles.addWidget(self.summary_label)
        header.addLayout(titles, 1)
        header.addWidget(self.glossary_button, 0, Qt.AlignmentFlag.AlignTop)

        what = QFrame()
        what.setProperty("role", "card")
        wv = QVBoxLayout(what)
        wv.setContentsMargins(24, 20, 24, 22)
        wv.setSpacing(10)
        wv.addWidget(_section(self.tr("What it is")))
        wv.addWidget(self.definition_label)
        if self.term_buttons:
            wv.addWidget(_hint(self.tr("Key terms")))
            chips = QWidget()
            flow = FlowLayout(chips, spacing=6)
            for chip in self.term_buttons.values():
                flow.addWidget(chip)
            wv.addWidget(chips)

        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        cv = QVBoxLayout(column)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(18)
        cv.addLayout(header)
        cv.addWidget(self.decks)  # what a person comes here to do, in sight at the smallest window
        cv.addWidget(what)
        cv.addWidget(self.activity)
        if self.figures.cards or self.tables:
            cv.addSpacing(4)
            cv.addWidget(_section(self.tr("What the numbers say")))
            cv.addWidget(_hint(self.tr("Figures from the background article, with their sources as it gives them.")))
        if self.figures.cards:
            cv.addWidget(self.figures)
        for table in self.tables:
            cv.addWidget(table)
        cv.addStretch(1)
        body = QWidget()
        outer = centred(column)
        outer.setContentsMargins(32, 28, 32, 32)
        body.setLayout(outer)
        self.setWidget(body)

    def _on_term_link(self, href: str) -> None:
        if href.startswith("term:"):
            self.term_requested.emit(href.removeprefix("term:"))

    def figure_values(self) -> Sequence[str]:
        return [card.value_label.text() for card in self.figures.cards]


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label
