"""The end of a run: the choices taken, the ratings given and the reflections written (each a link to its journal
entry), and Done."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intimacy_desktop.core.practice import Exercise
from intimacy_desktop.core.share_cards import ShareCard, run_card
from intimacy_desktop.gui.layers.activity_panel import link_label
from intimacy_desktop.gui.practice.item_row import discard, text_label
from intimacy_desktop.services.practice import Run

CARD_WIDTH = 680


class RunSummary(QFrame):
    done_requested = Signal()
    link_activated = Signal(str)  # "open:<entry id>"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setMaximumWidth(CARD_WIDTH)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.heading = text_label("", "section")
        self.lead = text_label(self.tr("Thank you for taking the time. Here is what you noted along the way."),
                               "muted")
        self.lines = QVBoxLayout()
        self.lines.setSpacing(6)
        self.labels: list[QLabel] = []
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setProperty("role", "primary")
        self.done_button.setAccessibleName(self.tr("Done: back to the library"))
        self.done_button.clicked.connect(self.done_requested.emit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.setSpacing(12)
        lay.addWidget(self.heading)
        lay.addWidget(self.lead)
        lay.addLayout(self.lines)
        from intimacy_desktop.gui.us_page.share_card import ShareCardButton

        self.share = ShareCardButton()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.share)
        row.addWidget(self.done_button)
        lay.addLayout(row)

    def show_run(self, run: Run) -> None:
        self.forget()
        e: Exercise = run.exercise
        state = run.state
        self.heading.setText(self.tr("You finished “%1”").replace("%1", e.title))
        choices = [(e.step(sid), i) for sid, i in state.choices.items()]
        if choices:
            self._add(text_label(self.tr("Your choices"), "tablehead"))
            for step, i in choices:
                if step is not None and 0 <= i < len(step.options):
                    self._add(text_label(f"{step.text} — {step.options[i].label}"))
        if state.ratings:
            self._add(text_label(self.tr("Your ratings"), "tablehead"))
            for sid, value in state.ratings.items():
                step = e.step(sid)
                if step is not None:
                    self._add(text_label(self.tr("%1: %2 of 5").replace("%1", step.text).replace("%2", str(value))))
        if state.reflections:
            self._add(text_label(self.tr("What you wrote, kept privately in your journal"), "tablehead"))
            for sid, entry_id in state.reflections.items():
                step = e.step(sid)
                title = f"{e.title}: {step.text}" if step is not None else e.title
                link = link_label(title, f"open:{entry_id}")
                link.linkActivated.connect(self.link_activated.emit)
                self._add(link)
        if not (choices or state.ratings or state.reflections):
            self.lead.setText(self.tr("Thank you for taking the time."))
        else:
            self.lead.setText(self.tr("Thank you for taking the time. Here is what you noted along the way."))

    @staticmethod
    def card(run: Run, reflections: Sequence[tuple[str, str]] = ()) -> ShareCard:
        """The run as the partner would read it: the choices and ratings shown here (and, when given, what was
        written)."""
        e, state = run.exercise, run.state
        choices = [(step.text, step.options[i].label) for sid, i in state.choices.items()
                   if (step := e.step(sid)) is not None and 0 <= i < len(step.options)]
        ratings = [(step.text, value) for sid, value in state.ratings.items() if (step := e.step(sid)) is not None]
        day = (run.finished_at or run.updated_at).astimezone().date()
        return run_card(run.id, day, exercise=e.title, layer=e.layer, choices=choices, ratings=ratings,
                        reflections=reflections)

    def _add(self, label: QLabel) -> None:
        self.labels.append(label)
        self.lines.addWidget(label)

    def forget(self) -> None:
        self.share.withdraw()
        self.heading.clear()
        for label in self.labels:
            label.clear()
        discard(self.labels, self.done_button)
        self.labels = []
