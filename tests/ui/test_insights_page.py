"""The Insights page over a real vault with a fixed fixture: each chart shows the figures the service computed
(asserted through its table), the range changes them, minutes beside mood says "not enough days" instead of drawing,
a chart exports as a PNG (and never over a file), the month review lists highs and lows, and the lock wipes it all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot
from ui_support import settle, unlock

from intimacy_desktop.core.journal import EntryFields, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.rhythm import CheckIn
from intimacy_desktop.services.conversations import ConversationService
from intimacy_desktop.services.profiles import ProfileService


def _fixture(window: Any) -> None:
    profile = window.profile
    today = dt.date.today()
    talks = ConversationService(profile._db, today=lambda: today)
    session = talks.start("daily", 600, layer=Layer.EMOTIONAL)
    talks.finish(session, 12 * 60, completed=True, cards=[], planned_s=12 * 60)
    profile.rhythm.save_checkin(CheckIn(today, 4))
    profile.rhythm.tick("gratitude", today)
    profile.rhythm.tick("greeting", today)
    profile.journal.add(EntryFields(title="A picnic", entry_date=today, kind=Kind.HIGH, layer=Layer.PHYSICAL))
    profile.journal.add(EntryFields(title="Missed each other", entry_date=today, mood=1))


def _page(qtbot: QtBot, window: Any) -> Any:
    page = window.show_page("insights")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.overview is not None, timeout=5_000)
    return page


def test_each_chart_shows_the_fixture_and_the_range_changes_it(qtbot: QtBot, make_window: Any,
                                                                existing_profile: ProfileService) -> None:
    window = make_window()
    unlock(qtbot, window)
    _fixture(window)
    page = _page(qtbot, window)
    assert page.span().value == "month" and len(page.talk.chart.points) == 30
    assert page.talk.chart.rows()[-1][1] == "12" and page.talk.chart.goal == 10
    assert "reached it on 1 of 30 days" in page.talk.caption.text()
    assert page.mood.chart.rows()[-1][1] == "2.5"  # the check-in's 4 and the entry's 1
    assert page.mood.chart.points[0].value is None  # a day without either is a gap, not a zero
    assert page.habits.chart.rows()[-1][1] == "2"
    balance = dict(page.balance.chart.rows())
    assert balance["Emotional"].endswith("12 min") and balance["Physical & sexual"].endswith("5 min")
    assert "Not enough days yet" in page.beside.caption.text() and page.beside.chart.points == []
    assert "not that one causes" not in page.beside.caption.text()
    page.tables.setChecked(True)
    assert page.talk.table.isVisibleTo(page) and not page.talk.chart.isVisibleTo(page)
    assert page.talk.table.rowCount() == 30 and page.talk.table.item(29, 1).text() == "12"
    page.range.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(page.talk.chart.points) == 7, timeout=5_000)
    assert page.talk.table.rowCount() == 7
    review = page.review
    qtbot.waitUntil(lambda: "A picnic" in review.highs.text(), timeout=5_000)
    assert "Missed each other" in review.lows.text() and not review.next_button.isEnabled()


def test_a_chart_exports_as_a_png_and_never_over_a_file(qtbot: QtBot, make_window: Any,
                                                       existing_profile: ProfileService, tmp_path: Path) -> None:
    window = make_window()
    unlock(qtbot, window)
    page = _page(qtbot, window)
    out = tmp_path / "minutes.png"
    page.talk.export_to(out)
    settle(qtbot, window)
    assert out.read_bytes().startswith(b"\x89PNG") and out.stat().st_mode & 0o777 == 0o600
    assert "not encrypted" in page.talk.status.text()
    page.talk.export_to(out)
    settle(qtbot, window)
    assert "already there" in page.talk.status.text()


def test_the_lock_wipes_every_chart(qtbot: QtBot, make_window: Any, existing_profile: ProfileService) -> None:
    window = make_window()
    unlock(qtbot, window)
    _fixture(window)
    page = _page(qtbot, window)
    charts = [card.chart for card in page.cards]
    assert any(chart.points for chart in charts)
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    assert all(not chart.points for chart in charts)


def test_the_assessment_chart_chooses_among_those_taken(qtbot: QtBot, make_window: Any,
                                                        existing_profile: ProfileService) -> None:
    from intimacy_desktop.storage.practice_repo import PracticeRepository

    window = make_window()
    unlock(qtbot, window)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with window.profile._db.session() as tx:
        repo = PracticeRepository(tx)
        repo.add_result("closeness-check", {}, 3.0, now - dt.timedelta(days=3))
        repo.add_result("closeness-check", {}, 4.0, now - dt.timedelta(days=2))
        repo.add_result("growth-scorecard", {}, 7.0, now - dt.timedelta(days=1))
    page = _page(qtbot, window)
    combo = page.assessment
    assert combo.isVisibleTo(page) and [combo.itemData(i) for i in range(combo.count())] == [
        "growth-scorecard", "closeness-check"]  # the most recently taken first
    assert page.scores.chart.rows() and [v for _l, v in page.scores.chart.rows()] == ["7"]
    combo.setCurrentIndex(1)
    assert [v for _l, v in page.scores.chart.rows()] == ["3", "4"]
    assert page.scores.table.rowCount() == 2
