"""Insights: the couple's own pattern as pictures, for a week, a month or a year: device-free minutes against the
goal, the weather over time, the habits as a calendar, how time spreads across the four layers, device-free
minutes beside mood (honestly: together, not cause, and only with enough days), assessment scores, and the month's
highs and lows to review together. Every chart has a table view and an export as PNG."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.insights import MIN_PAIRED_DAYS, NoCorrelation, Range, calendar_weeks
from intimacy_desktop.core.layers import LAYERS
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.insights.chart import Chart, Kind, Point, day_label
from intimacy_desktop.gui.insights.review import ReviewCard
from intimacy_desktop.gui.insights.sections import ChartCard
from intimacy_desktop.gui.journal.labels import layer_name, mood_name
from intimacy_desktop.gui.practice.column_area import ColumnArea
from intimacy_desktop.gui.shell.page import Page

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext
    from intimacy_desktop.services.insights import Overview

WATCHED = (Changed.ENTRIES | Changed.CHECKINS | Changed.HABITS | Changed.TIMER_SESSIONS | Changed.EXERCISE_RUNS
           | Changed.ASSESSMENTS | Changed.PROMPTS)


class InsightsPage(Page):
    page_id = "insights"

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.overview: Overview | None = None
        title = QLabel(self.tr("Insights"))
        title.setProperty("role", "pagetitle")
        lead = QLabel(self.tr("Your own pattern, to look at together. Nothing here is a score, and a quiet week "
                              "takes nothing away."))
        lead.setWordWrap(True)
        lead.setProperty("role", "muted")
        self.range = QComboBox()
        for label, span in ((self.tr("This week"), Range.WEEK), (self.tr("The last 30 days"), Range.MONTH),
                            (self.tr("The last year"), Range.YEAR)):
            self.range.addItem(label, span.value)
        self.range.setCurrentIndex(1)
        self.range.setAccessibleName(self.tr("Range"))
        self.range.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tables = QCheckBox(self.tr("Show the figures as tables"))
        self.tables.toggled.connect(self._show_tables)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.hide()
        weathers = [mood_name(m) for m in range(1, 6)]
        self.talk = ChartCard(ctx, "device-free-minutes", self.tr("Device-free minutes"), Chart(Kind.BARS),
                              (self.tr("Day"), self.tr("Minutes")))
        self.mood = ChartCard(ctx, "weather", self.tr("Your weather"),
                              Chart(Kind.LINE, y_range=(1, 5), y_labels=(weathers[0], weathers[-1])),
                              (self.tr("Day"), self.tr("Weather")))
        self.habits = ChartCard(ctx, "habits", self.tr("Small habits"), Chart(Kind.HEAT),
                                (self.tr("Day"), self.tr("Habits")))
        locale = QLocale()
        self.habits.chart.day_names = tuple(locale.dayName(d, QLocale.FormatType.ShortFormat) for d in range(1, 8))
        self.habits.chart.legend = self.tr("Pale: one habit · deeper: more that day · outlined: none")
        self.balance = ChartCard(ctx, "layers", self.tr("Time across the four layers"), Chart(Kind.SHARES),
                                 (self.tr("Layer"), self.tr("Share")))
        self.beside = ChartCard(ctx, "minutes-beside-mood", self.tr("Device-free minutes beside your weather"),
                                Chart(Kind.SCATTER, y_range=(1, 5), y_labels=(weathers[0], weathers[-1])),
                                (self.tr("Day"), self.tr("Minutes · weather")))
        self.beside.chart.x_label = self.tr("%1 min")
        self.scores = ChartCard(ctx, "assessment-scores", self.tr("Self-assessments over time"), Chart(Kind.LINE),
                                (self.tr("Day"), self.tr("Score")))
        self.assessment = QComboBox()
        self.assessment.setAccessibleName(self.tr("Which self-assessment"))
        self.assessment.currentIndexChanged.connect(lambda _i: self._show_scores(self.overview))
        self.scores.add_control(self.assessment)
        self.cards = (self.talk, self.mood, self.habits, self.balance, self.beside, self.scores)
        self.review = ReviewCard(ctx)
        self.area = ColumnArea(900)
        self.area.follow_content()
        lay = QVBoxLayout(self.area.column)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(16)
        lay.addWidget(title)
        lay.addWidget(lead)
        controls = QHBoxLayout()
        controls.addWidget(self.range)
        controls.addWidget(self.tables)
        controls.addStretch(1)
        lay.addLayout(controls)
        lay.addWidget(self.error)
        for card in (*self.cards, self.review):
            lay.addWidget(card)
        lay.addStretch(1)
        self.area.place_column(top=28)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)
        ctx.changes.changed.connect(self._on_changed)
        self._stale = True

    def title(self) -> str:
        return self.tr("Insights")

    def shown(self) -> None:
        if self._stale:
            self.refresh()
        self.range.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changed(self, changes: Changed) -> None:
        if changes & WATCHED:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def span(self) -> Range:
        return Range(self.range.currentData())

    def refresh(self, today: dt.date | None = None) -> None:
        self._stale = False
        insights, span, day = self._ctx.profile.insights, self.span(), today or dt.date.today()
        self._ctx.ops.query(self, lambda: insights.overview(span, day)).success(self.show_overview).failure(
            self._failed).run()
        self.review.refresh()

    def _failed(self, error: AppError) -> None:
        self.error.setText(error_text(error))
        self.error.show()

    def show_overview(self, o: Overview) -> None:
        self.overview = o
        self.error.hide()
        goal = o.device_free.goal
        talk = [Point(day_label(d), m, f"{m:.0f}") for d, m in o.device_free.points]
        self.talk.chart.set_points(talk, goal)
        days_met = sum(1 for _d, m in o.device_free.points if m >= goal)
        self.talk.caption.setText(self.tr("The dashed line is your goal of %1 minutes a day; you reached it on %2 of "
                                          "%3 days.").replace("%1", f"{goal:g}").replace("%2", str(days_met))
                                  .replace("%3", str(len(o.days))))
        self.mood.chart.set_points([Point(day_label(d), v, "" if v is None else f"{v:.1f}") for d, v in o.mood])
        recorded = sum(1 for _d, v in o.mood if v is not None)
        self.mood.caption.setText(self.tr("From your check-ins and the weather of your entries; a gap is a day "
                                          "without either (%1 of %2 days have one).").replace("%1", str(recorded))
                                  .replace("%2", str(len(o.days))))
        heat = [(d, Point(day_label(d), float(n), str(n))) for d, n in o.habits]
        self.habits.chart.set_weeks([[c[1] if c is not None else None for c in week]
                                     for week in calendar_weeks(heat)])
        self.habits.caption.setText(self.tr("Each square is a day; the deeper the colour, the more of your habits "
                                            "that day. Days are counted, never streaks."))
        self.balance.chart.set_points([Point(layer_name(layer), o.balance[layer].share,
                                             f"{o.balance[layer].share * 100:.0f} % · {o.balance[layer].minutes:.0f} "
                                             f"min") for layer in LAYERS])
        self.balance.caption.setText(self.tr("Talks and exercises count their minutes; a journal entry or a card "
                                             "talked about counts about five."))
        self._show_beside(o)
        self._show_scores(o)
        for card in self.cards:
            card.refill()

    def _show_beside(self, o: Overview) -> None:
        b = o.beside
        self.beside.chart.set_points([Point(day_label(d), mood, f"{minutes:.0f} min · {mood:.1f}", minutes)
                                      for d, minutes, mood in b.pairs])
        if b.reason is NoCorrelation.TOO_FEW_DAYS:
            text = self.tr("Not enough days yet to say anything: this needs %1 days with both a talk log and a "
                           "weather, and there are %2. Until then, no line is drawn.").replace(
                "%1", str(MIN_PAIRED_DAYS)).replace("%2", str(b.n))
            self.beside.chart.set_points([])
        elif b.reason is NoCorrelation.NO_VARIATION or b.r is None:
            text = self.tr("On these %1 days one of the two did not change, so there is nothing to compare.").replace(
                "%1", str(b.n))
        else:
            direction = self.tr("went with brighter weather") if b.r > 0 else self.tr("went with greyer weather")
            strength = (self.tr("clearly") if abs(b.r) >= 0.5 else self.tr("a little") if abs(b.r) >= 0.2
                        else self.tr("hardly at all"))
            text = self.tr("On the %1 days with both, more device-free minutes %2, %3 (r = %4). Each dot is a day: "
                           "its minutes across, its weather up. This shows the two together, not that one causes "
                           "the other.").replace("%1", str(b.n)).replace("%2", direction).replace("%3", strength) \
                .replace("%4", f"{b.r:.2f}")
        self.beside.caption.setText(text)

    def _show_scores(self, o: Overview | None) -> None:
        if o is None:
            return
        content = self._ctx.practice.content
        taken = {k: v for k, v in o.assessments.items() if v}
        wanted = self.assessment.currentData()
        ids = sorted(taken, key=lambda k: taken[k][-1][0], reverse=True)  # the most recently taken first
        if [self.assessment.itemData(i) for i in range(self.assessment.count())] != ids:
            self.assessment.blockSignals(True)
            self.assessment.clear()
            for assessment_id in ids:
                found = content.assessment(assessment_id)
                self.assessment.addItem(found.title if found is not None else assessment_id, assessment_id)
            self.assessment.setCurrentIndex(max(0, self.assessment.findData(wanted)))
            self.assessment.blockSignals(False)
        self.assessment.setVisible(len(ids) > 1)
        if not ids:
            self.scores.chart.set_points([])
            self.scores.caption.setText(self.tr("No self-assessment taken alone in this range yet."))
            return
        chosen = self.assessment.currentData() or ids[0]
        self.scores.chart.set_points([Point(day_label(d), s, f"{s:g}") for d, s in taken[chosen]])
        self.scores.caption.setText(self.tr("“%1”: each time you took it alone in this range. Its page on Exercises "
                                            "explains the bands.").replace("%1", self.assessment.currentText()))
        self.scores.refill()

    def _show_tables(self, on: bool) -> None:
        for card in self.cards:
            card.show_as_table(on)

    def wipe(self) -> None:
        self.overview = None
        for card in self.cards:
            card.forget()
        self.review.forget()
