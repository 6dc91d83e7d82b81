"""The library: what can be done here, filtered by layer, length, solo or together and a search over titles and
summaries, with the runs left open first ("Continue where you left off") and the programs with where they stand.

A view only: the page gives it the content and the person's runs and programs, and hears what was asked through
its signals. Nothing here counts what was missed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.layers import LAYERS, Layer
from intimacy_desktop.core.practice import Assessment, Exercise, Practice
from intimacy_desktop.gui.formatting import format_when
from intimacy_desktop.gui.journal.labels import layer_name
from intimacy_desktop.gui.layers.labels import mode_name
from intimacy_desktop.gui.practice.column_area import ColumnArea
from intimacy_desktop.gui.practice.item_row import ItemRow, discard, refit, text_label
from intimacy_desktop.gui.practice.labels import minutes_text
from intimacy_desktop.services.practice import ProgramStatus, Run

COLUMN_WIDTH = 860
LENGTHS = ((0, 10_000), (0, 10), (0, 20), (21, 10_000))  # any, up to 10, up to 20, longer


class LibraryView(ColumnArea):
    open_requested = Signal(str)  # "exercise:<id>", "assessment:<id>", "program:<id>", "resume:<run id>"
    discard_requested = Signal(int)  # a run id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(COLUMN_WIDTH, parent)
        self.practice = Practice()
        self.runs: list[Run] = []
        self.statuses: dict[str, ProgramStatus] = {}
        self.rows: list[ItemRow] = []
        self._stale = False
        headline = text_label(self.tr("Exercises"), "headline")
        lead = text_label(self.tr("Guided exercises for one or for both of you, self-checks to see where you "
                                  "stand, and programs that spread the work over days."), "lead")
        self.layer_combo = QComboBox()
        self.layer_combo.setAccessibleName(self.tr("Layer"))
        self.layer_combo.addItem(self.tr("All layers"), "")
        for layer in LAYERS:
            self.layer_combo.addItem(layer_name(layer), layer.value)
        self.length_combo = QComboBox()
        self.length_combo.setAccessibleName(self.tr("Length"))
        for text in (self.tr("Any length"), self.tr("Up to 10 min"), self.tr("Up to 20 min"),
                     self.tr("Longer")):
            self.length_combo.addItem(text)
        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName(self.tr("Alone or together"))
        self.mode_combo.addItem(self.tr("Alone or together"), "")
        self.mode_combo.addItem(mode_name(Mode.SOLO), Mode.SOLO.value)
        self.mode_combo.addItem(mode_name(Mode.TOGETHER), Mode.TOGETHER.value)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search titles and summaries"))
        self.search_edit.setAccessibleName(self.tr("Search the exercises"))
        self.search_edit.setClearButtonEnabled(True)
        for combo in (self.layer_combo, self.length_combo, self.mode_combo):
            combo.currentIndexChanged.connect(self.rebuild)
        self.search_edit.textChanged.connect(self.rebuild)
        self.empty_label = text_label("", "notice")
        self.clear_button = QPushButton(self.tr("Show everything"))
        self.clear_button.setAccessibleName(self.tr("Clear the filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.sections = QVBoxLayout()
        self.sections.setSpacing(12)
        column = self.column
        cv = QVBoxLayout(column)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(14)
        cv.addWidget(headline)
        cv.addWidget(lead)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.layer_combo)
        filters.addWidget(self.length_combo)
        filters.addWidget(self.mode_combo)
        filters.addWidget(self.search_edit, 1)
        cv.addLayout(filters)
        cv.addWidget(self.empty_label)
        cv.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        cv.addLayout(self.sections)
        cv.addStretch(1)
        self.place_column(28)

    # ---- what the page gives it ----------------------------------------------------------------------------
    def show_practice(self, practice: Practice) -> None:
        self.practice = practice
        self.rebuild()

    def show_progress(self, runs: Sequence[Run], statuses: Sequence[ProgramStatus]) -> None:
        self.runs = list(runs)
        self.statuses = {s.program.id: s for s in statuses}
        self.rebuild()

    def clear_filters(self) -> None:
        for combo in (self.layer_combo, self.length_combo, self.mode_combo):
            combo.setCurrentIndex(0)
        self.search_edit.clear()

    # ---- filtering -----------------------------------------------------------------------------------------
    def _matches(self, title: str, summary: str, layers: Sequence[Layer], minutes: int, mode: Mode) -> bool:
        layer = self.layer_combo.currentData()
        if layer and Layer(layer) not in layers:
            return False
        low, high = LENGTHS[max(0, self.length_combo.currentIndex())]
        if not low <= minutes <= high:
            return False
        wanted = self.mode_combo.currentData()
        if wanted and mode.value != wanted:
            return False
        return self._searched(title, summary)

    def _searched(self, title: str, summary: str) -> bool:
        words = self.search_edit.text().casefold().split()
        haystack = f"{title} {summary}".casefold()
        return all(w in haystack for w in words)

    def _filtered(self) -> bool:
        return bool(self.layer_combo.currentIndex() or self.length_combo.currentIndex()
                    or self.mode_combo.currentIndex() or self.search_edit.text().strip())

    def shown_titles(self) -> list[str]:
        return [row.item_title for row in self.rows]

    # ---- building ------------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.rebuild()
        super().showEvent(event)

    def rebuild(self) -> None:
        """The rows for the content, the person's progress and the filters. Built when shown: rows laid out while
        the library is hidden behind another view can keep the heights of a width they never get."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._clear_sections()
        p = self.practice
        exercises = [e for e in p.exercises if self._matches(e.title, e.summary, (e.layer,), e.minutes, e.mode)]
        assessments = [a for a in p.assessments if self._matches(a.title, a.summary, a.layers, a.minutes, a.mode)]
        programs = [g for g in p.programs if self._searched(g.title, g.summary)
                    and not (self.layer_combo.currentIndex() or self.length_combo.currentIndex()
                             or self.mode_combo.currentIndex())]
        if self.runs and not self._filtered():
            self._section(self.tr("Continue where you left off"), [self._run_row(r) for r in self.runs])
        if exercises:
            self._section(self.tr("Exercises"), [self._exercise_row(e) for e in exercises])
        if assessments:
            self._section(self.tr("Self-assessments"), [self._assessment_row(a) for a in assessments])
        if programs:
            self._section(self.tr("Programs"), [self._program_row(g.id) for g in programs])
        empty = not (p.exercises or p.assessments or p.programs)
        if empty and p.problems:
            self.empty_label.setText(self.tr("The exercises could not be read from this installation, so none "
                                             "can be shown. Your journal and the cards of each layer work as "
                                             "before; reinstalling the app usually brings the exercises back."))
        elif empty:
            self.empty_label.setText(self.tr("There are no exercises in this version yet. Until they arrive, "
                                             "the cards on each layer's page are a good way to talk."))
        elif not (exercises or assessments or programs):
            self.empty_label.setText(self.tr("Nothing here matches these filters."))
        else:
            self.empty_label.clear()
        self.empty_label.setVisible(bool(self.empty_label.text()))
        self.clear_button.setVisible(not empty and self._filtered() and not (exercises or assessments or programs))
        refit(self)

    def _clear_sections(self) -> None:
        self.rows = []
        gone = []
        while self.sections.count():
            item = self.sections.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                gone.append(widget)
        discard(gone, self.search_edit)

    def _section(self, title: str, rows: list[ItemRow]) -> None:
        label = text_label(title, "section")
        label.setAccessibleName(title)
        self.sections.addWidget(label)
        for row in rows:
            self.rows.append(row)
            self.sections.addWidget(row)

    def _meta(self, item: Exercise | Assessment, layers: Sequence[Layer]) -> str:
        parts = [minutes_text(item.minutes), mode_name(item.mode), *(layer_name(x) for x in layers)]
        if item.source:
            parts.append(item.source)
        return " · ".join(parts)

    def _exercise_row(self, e: Exercise) -> ItemRow:
        return ItemRow(e.title, e.summary, self._meta(e, (e.layer,)), [
            (self.tr("Begin"), self.tr("Begin %1").replace("%1", e.title),
             lambda: self.open_requested.emit(f"exercise:{e.id}"))])

    def _assessment_row(self, a: Assessment) -> ItemRow:
        return ItemRow(a.title, a.summary, self._meta(a, a.layers), [
            (self.tr("Take it"), self.tr("Take %1").replace("%1", a.title),
             lambda: self.open_requested.emit(f"assessment:{a.id}"))])

    def _run_row(self, run: Run) -> ItemRow:
        e = run.exercise
        step = run.state.position + 1
        status = self.tr("At step %1 of %2 · last time %3").replace("%1", str(step)).replace(
            "%2", str(len(e.steps))).replace("%3", format_when(run.updated_at))
        return ItemRow(e.title, e.summary, self._meta(e, (e.layer,)), [
            (self.tr("Resume"), self.tr("Resume %1").replace("%1", e.title),
             lambda: self.open_requested.emit(f"resume:{run.id}")),
            (self.tr("Discard"), self.tr("Discard this run of %1").replace("%1", e.title),
             lambda: self.discard_requested.emit(run.id))], status=status)

    def _program_row(self, program_id: str) -> ItemRow:
        g = self.practice.program(program_id)
        assert g is not None
        status = self.statuses.get(program_id)
        if status is None:
            line = ""
        elif status.finished:
            line = self.tr("Every step done")
        else:
            nxt = status.next_step
            line = (self.tr("Paused") if status.paused else self.tr("Started")) + " · " + self.tr(
                "Day %1 · next: %2").replace("%1", str(status.today)).replace("%2", nxt.title if nxt else "")
        meta = " · ".join(x for x in (self.tr("%1 days").replace("%1", str(g.days)), g.source) if x)
        return ItemRow(g.title, g.summary, meta, [
            (self.tr("Open"), self.tr("Open %1").replace("%1", g.title),
             lambda: self.open_requested.emit(f"program:{g.id}"))], status=line)

    def forget(self) -> None:
        self.runs, self.statuses = [], {}
        for row in self.rows:
            row.forget()
        self.search_edit.clear()
        self._clear_sections()


def first_focus(view: LibraryView) -> QWidget:
    """Where the keys go when the library shows: the first row's main button, or the search box."""
    for row in view.rows:
        if row.buttons:
            return row.buttons[0]
    return view.search_edit

