"""A self-assessment's result: the score in plain words and numbers, the band it falls in and what might help next
(links to exercises, assessments or programs), the assessment's own note; a profile as labelled bars, one per
dimension; and the history: past scores as a small chart, and as a table with their dates for screen readers and
for anyone who prefers numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.content import FigureTable
from intimacy_desktop.core.gentle_honesty import stays_low
from intimacy_desktop.core.practice import Assessment, Practice, Scale, Scoring
from intimacy_desktop.core.scoring import Result
from intimacy_desktop.gui.formatting import format_when
from intimacy_desktop.gui.layers.activity_panel import link_label
from intimacy_desktop.gui.practice.charts import HistoryChart, ProfileBars
from intimacy_desktop.gui.practice.column_area import ColumnArea
from intimacy_desktop.gui.practice.item_row import discard, refit, text_label
from intimacy_desktop.gui.practice.labels import number, partner_name

COLUMN_WIDTH = 760
History = Sequence[tuple[dt.datetime, Result, dict[str, object], str]]


def score_line(assessment: Assessment, result: Result, owner: QWidget) -> str:
    """"7 of 10", "7 of 10 right", "38 of 50", "3.6 on a scale of 1 to 5"."""
    if result.score is None or result.out_of is None:
        return ""
    value, out_of = number(result.score), number(result.out_of)
    t = owner.tr
    if assessment.scoring is Scoring.MEAN:
        return t("%1 on a scale of 1 to 5").replace("%1", value)
    if assessment.scoring is Scoring.CORRECT:
        return t("%1 of %2 right").replace("%1", value).replace("%2", out_of)
    return t("%1 of %2").replace("%1", value).replace("%2", out_of)


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "card")
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(28, 22, 28, 24)
    lay.setSpacing(10)
    return frame, lay


class ResultView(ColumnArea):
    link_activated = Signal(str)  # "exercise:<id>", "assessment:<id>", "program:<id>"
    leave_requested = Signal()
    again_requested = Signal(str)  # the assessment id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(COLUMN_WIDTH, parent)
        self.assessment: Assessment | None = None
        self.back_link = QPushButton(self.tr("← Exercises"))
        self.back_link.setProperty("role", "link")
        self.back_link.setFlat(True)
        self.back_link.clicked.connect(self.leave_requested.emit)
        self.title_label = text_label("", "headline")
        self.score_label = text_label("", "figure")
        self.numbers_label = text_label("", "muted")
        self.band_title = text_label("", "section")
        self.band_text = text_label("")
        self.profile_intro = text_label(self.tr("Each dimension on its own, from 1 to 5. They are not a type and "
                                                "not a ranking: most people value several."), "muted")
        self.bars = ProfileBars()
        self.reference_label = text_label("", "muted")  # hours beside the article's table (the digital audit)
        self.tables: tuple[FigureTable, ...] = ()  # the layers' figure tables, which hours items may refer to
        self.next_heading = text_label(self.tr("What might help next"), "tablehead")
        self.next_box = QVBoxLayout()
        self.next_links: list[QLabel] = []
        self.note_label = text_label("", "notice")
        self.again_button = QPushButton(self.tr("Take it again"))
        self.again_button.clicked.connect(
            lambda: self.again_requested.emit(self.assessment.id) if self.assessment else None)
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setProperty("role", "primary")
        self.done_button.setAccessibleName(self.tr("Done: back to the library"))
        self.done_button.clicked.connect(self.leave_requested.emit)
        self.history_heading = text_label(self.tr("Over time"), "section")
        self.care_label = text_label(self.tr(
            "Your last few results have stayed in the same hard place for some weeks. That is not a failing, and "
            "there is nothing to catch up on; it may simply be a sign that support from outside would help. A "
            "couples counsellor or therapist, for one or both of you, is a good place to start."), "notice")
        self.care_label.hide()
        self.chart = HistoryChart()
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Past results"))
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Result"), self.tr("Who")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # long profiles are elided, whole in the tip
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self._build()

    def _build(self) -> None:
        result, rv = _card()
        for w in (self.score_label, self.numbers_label, self.band_title, self.band_text, self.profile_intro,
                  self.bars, self.reference_label, self.next_heading):
            rv.addWidget(w)
        rv.addLayout(self.next_box)
        rv.addWidget(self.note_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.done_button)
        rv.addLayout(buttons)
        self.history_card, hv = _card()
        hv.addWidget(self.history_heading)
        hv.addWidget(self.care_label)
        hv.addWidget(self.chart)
        hv.addWidget(self.table)
        column = self.column
        cv = QVBoxLayout(column)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(14)
        cv.addWidget(self.back_link, 0, Qt.AlignmentFlag.AlignLeft)
        cv.addWidget(self.title_label)
        cv.addWidget(result)
        cv.addWidget(self.history_card)
        cv.addStretch(1)
        self.place_column(20)

    def show_result(self, assessment: Assessment, result: Result, practice: Practice) -> None:
        self.assessment = assessment
        self.title_label.setText(assessment.title)
        profile = assessment.scoring is Scoring.PROFILE
        line = score_line(assessment, result, self)
        self.score_label.setText(line)
        self.score_label.setVisible(bool(line))
        numbers = ""
        if assessment.scoring is Scoring.SUM and result.score is not None:
            mean = result.score / max(1, len(assessment.items))
            numbers = self.tr("Sum %1 · mean %2 per question").replace("%1", number(result.score)).replace(
                "%2", number(round(mean, 2)))
        elif assessment.scoring is Scoring.MEAN and result.score is not None:
            numbers = self.tr("The mean of %1 answers").replace("%1", str(len(assessment.items)))
        self.numbers_label.setText(numbers)
        self.numbers_label.setVisible(bool(numbers))
        band = result.band
        self.band_title.setText(band.title if band else "")
        self.band_text.setText(band.text if band else "")
        self.band_title.setVisible(band is not None)
        self.band_text.setVisible(band is not None)
        self.profile_intro.setVisible(profile)
        self.bars.setVisible(profile)
        names = {d.id: d.name for d in assessment.dimensions}
        in_hours = {d.id for d in assessment.dimensions
                    if all(i.scale is Scale.HOURS for i in assessment.items if i.dimension == d.id)}
        self.bars.show_profile([(names.get(k, k), v, k in in_hours) for k, v in result.profile.items()]
                               if profile else [])
        self.profile_intro.setText(self.tr("Each dimension on its own: hours a day as you estimated them, the rest "
                                           "from 1 to 5. Not a type and not a ranking.") if in_hours else self.tr(
            "Each dimension on its own, from 1 to 5. They are not a type and not a ranking: most people value "
            "several."))
        self._show_beside(assessment, result)
        self._show_next(band.next if band else (), practice)
        self.note_label.setText(assessment.note)
        self.note_label.setVisible(bool(assessment.note))
        self.verticalScrollBar().setValue(0)
        refit(self)
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_next(self, ids: Sequence[str], practice: Practice) -> None:
        discard(self.next_links, self.done_button)
        self.next_links = []
        for item_id in ids:
            found = practice.exercise(item_id) or practice.assessment(item_id) or practice.program(item_id)
            if found is None:
                continue
            kind = "exercise" if practice.exercise(item_id) else "assessment" if practice.assessment(
                item_id) else "program"
            link = link_label(found.title, f"{kind}:{item_id}", detail=found.summary)
            link.linkActivated.connect(self.link_activated.emit)
            self.next_links.append(link)
            self.next_box.addWidget(link)
        self.next_heading.setVisible(bool(self.next_links))

    def _show_beside(self, assessment: Assessment, result: Result) -> None:
        """Each hours answer beside the row of the article's table its item names: the article's daily time and the
        satisfaction it reports, so the person sees their estimate in that light."""
        rows = {row_id: row for table in self.tables for row_id, row in zip(table.row_ids, table.rows, strict=True)}
        names = {d.id: d.name for d in assessment.dimensions}
        lines = []
        for item in assessment.items:
            row = rows.get(item.reference)
            if row is None or item.dimension not in result.profile:
                continue
            lines.append(self.tr("%1: you %2 h a day; the article: %3, and %4 of couples with this habit report "
                                 "romantic satisfaction").replace("%1", names.get(item.dimension, item.dimension))
                         .replace("%2", number(result.profile[item.dimension])).replace("%3", row[1])
                         .replace("%4", row[2]))
        if lines:
            lines.insert(0, self.tr("Beside the article's figures (its own analysis; an association, not a cause):"))
        self.reference_label.setText("\n".join(lines))
        self.reference_label.setVisible(bool(lines))

    def show_history(self, assessment: Assessment, history: History) -> None:
        scored = [(when, r.score) for when, r, _a, _p in history if r.score is not None]
        self.chart.setVisible(len(scored) > 1)
        if scored:
            low = 1.0 if assessment.scoring is Scoring.MEAN else 0.0
            high = next((r.out_of for _w, r, _a, _p in history if r.out_of is not None), 1.0) or 1.0
            self.chart.show_points([(w, float(s)) for w, s in scored if s is not None], low, high)
        self.table.setRowCount(0)
        for when, result, _answers, partner in reversed(history):
            row = self.table.rowCount()
            self.table.insertRow(row)
            if result.score is None:
                names = {d.id: d.name for d in assessment.dimensions}
                shown = ", ".join(f"{names.get(k, k)} {number(v)}" for k, v in result.profile.items())
            else:
                shown = score_line(assessment, result, self)
                if result.band is not None:
                    shown += f" · {result.band.title}"
            who = partner_name(partner) if partner else self.tr("Alone")
            for col, text in enumerate((format_when(when), shown, who)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)
        own = [(when, result) for when, result, _answers, partner in history if not partner]
        self.care_label.setVisible(stays_low(assessment, own))
        self.history_card.setVisible(bool(history))
        self.history_heading.setText(self.tr("Over time: taken once") if len(history) == 1 else self.tr(
            "Over time: taken %1 times").replace("%1", str(len(history))))
        refit(self)

    def forget(self) -> None:
        self.assessment = None
        for label in (self.title_label, self.score_label, self.numbers_label, self.band_title, self.band_text,
                      self.note_label):
            label.clear()
        self.bars.forget()
        self.reference_label.clear()
        self._show_next((), Practice())
        self.chart.show_points([], 0, 1)
        self.chart.setAccessibleName("")
        self.care_label.hide()
        self.table.setRowCount(0)
