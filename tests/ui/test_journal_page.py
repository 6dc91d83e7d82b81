"""The journal page against a real (fast-KDF) vault: writing, drafts, search, calendar, trash and undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from ui_support import PASSPHRASE, open_journal, settle, unlock

from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.gui.clipboard import ClipboardGuard
from intimacy_desktop.gui.formatting import qdate
from intimacy_desktop.gui.journal.list_model import HtmlRole

TODAY = dt.date.today()


@pytest.fixture
def seeded(existing_profile):  # type: ignore[no-untyped-def]
    [info] = existing_profile.list_profiles()
    profile = existing_profile.unlock(info, PASSPHRASE)
    j = profile.journal
    j.add(EntryFields(title="River walk", body="We watched a heron by the water.", entry_date=TODAY, mood=5))
    j.add(EntryFields(title="Chores talk", body="Hard but fair.", entry_date=TODAY - dt.timedelta(days=1), mood=2))
    j.add(EntryFields(title="Quiet evening", body="Tea and a book.", entry_date=TODAY - dt.timedelta(days=1)))
    profile.close()
    return existing_profile


def test_writing_an_entry_saves_it_to_the_vault_and_the_list(qtbot, make_window, existing_profile) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    unlock(qtbot, w)
    assert w.page("today") is not None
    qtbot.mouseClick(w.page("today").write_button, Qt.MouseButton.LeftButton)
    page = w.page("journal")
    ed = page.editor.ui
    qtbot.keyClicks(ed.titleEdit, "Our first walk")
    qtbot.keyClicks(ed.bodyEdit, "We left the phones at home.")
    ed.moodCombo.setCurrentIndex(ed.moodCombo.findData(4))
    qtbot.keyClicks(ed.tagsEdit, "walk, #Device-Free")
    qtbot.keyClick(ed.bodyEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, w)
    [summary] = w.profile.journal.summaries()
    entry = w.profile.journal.get(summary.id)
    assert entry.fields.title == "Our first walk"
    assert entry.fields.body == "We left the phones at home."
    assert entry.fields.mood == 4
    assert set(entry.fields.tags) == {"walk", "device-free"}
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0)) == "Our first walk"
    assert page.count_label.text() == "1 entry"
    assert w.profile.journal.drafts() == []
    assert not page.editor.dirty


def test_empty_new_entry_is_never_saved(qtbot, make_window, existing_profile) -> None:  # type: ignore[no-untyped-def]
    w, page = open_journal(qtbot, make_window)
    page.new_entry()
    assert not page.save()
    assert w.profile.journal.count() == 0
    assert page.editor.ui.errorLabel.isVisibleTo(w)


def test_draft_autosaves_and_is_recovered_after_a_crash(qtbot, make_window, existing_profile) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    unlock(qtbot, w)
    w.show_page("journal")
    ed = w.page("journal").editor.ui
    w.page("journal").new_entry()
    qtbot.keyClicks(ed.titleEdit, "Unsent thoughts")
    qtbot.keyClicks(ed.bodyEdit, "Something I have not said yet")
    journal = w.profile.journal
    qtbot.waitUntil(lambda: len(journal.drafts()) == 1, timeout=5_000)
    entry_id, fields, _saved = journal.drafts()[0]
    assert entry_id is None and fields.body == "Something I have not said yet"
    # "crash": the first window is never locked or closed; a new one starts on the same data
    w2 = make_window()
    unlock(qtbot, w2)
    ed2 = w2.page("journal").editor
    assert ed2.ui.titleEdit.text() == "Unsent thoughts"
    assert ed2.ui.bodyEdit.toPlainText() == "Something I have not said yet"
    assert "Recovered unsaved writing" in ed2.ui.noticeLabel.text()
    assert ed2.dirty and ed2.entry_id is None
    assert w2.profile.journal.count() == 0  # still unsaved until the person saves


def test_search_filters_and_highlights(qtbot, make_window, seeded) -> None:  # type: ignore[no-untyped-def]
    _w, page = open_journal(qtbot, make_window)
    assert page.model.total == 3
    qtbot.keyClicks(page.filters.search, "heron")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=3_000)
    assert page.model.rowCount() == 1
    html = page.model.data(page.model.index(0), HtmlRole)
    assert "<b>heron</b>" in html
    assert "\x02" not in html and "\x03" not in html


def test_clicking_a_calendar_day_filters_to_that_day(qtbot, make_window, seeded) -> None:  # type: ignore[no-untyped-def]
    _w, page = open_journal(qtbot, make_window)
    cal = page.filters.calendar
    yesterday = TODAY - dt.timedelta(days=1)
    cal.setCurrentPage(yesterday.year, yesterday.month)
    assert cal.day_info(yesterday) is not None and cal.day_info(yesterday)[1] == 2
    cal.clicked.emit(qdate(yesterday))
    settle(qtbot, _w)
    assert page.model.total == 2
    assert {page.model.summary(r).entry_date for r in range(page.model.rowCount())} == {yesterday}
    cal.clicked.emit(qdate(yesterday))  # the same day again shows every day
    settle(qtbot, _w)
    assert page.model.total == 3


def test_delete_then_undo_restores(qtbot, make_window, seeded) -> None:  # type: ignore[no-untyped-def]
    w, page = open_journal(qtbot, make_window)
    journal = w.profile.journal
    page.list.setCurrentIndex(page.model.index(0))
    entry_id = page.editor.entry_id
    assert page.editor.ui.titleEdit.text() == "River walk"
    qtbot.mouseClick(page.editor.ui.deleteButton, Qt.MouseButton.LeftButton)
    settle(qtbot, w)
    assert journal.count() == 2 and journal.count(trash=True) == 1
    assert page.undo_bar.isVisibleTo(w)
    assert page.model.row_of(entry_id) == -1
    page.trash_button.setChecked(True)
    settle(qtbot, w)
    assert page.model.total == 1
    page.trash_button.setChecked(False)
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    settle(qtbot, w)
    assert journal.count() == 3 and journal.count(trash=True) == 0
    assert not page.undo_bar.isVisibleTo(w)
    assert page.editor.entry_id == entry_id
    assert page.editor.ui.titleEdit.text() == "River walk"


def test_switching_entries_saves_unsaved_changes_first(qtbot, make_window, seeded) -> None:  # type: ignore[no-untyped-def]
    w, page = open_journal(qtbot, make_window)
    page.list.setCurrentIndex(page.model.index(0))
    first_id = page.editor.entry_id
    qtbot.keyClicks(page.editor.ui.titleEdit, " by the river")
    page.list.setCurrentIndex(page.model.index(1))
    settle(qtbot, w)
    assert w.profile.journal.get(first_id).fields.title == "River walk by the river"
    assert page.editor.entry_id != first_id


def test_clipboard_is_cleared_when_still_ours(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    guard = ClipboardGuard(clear_after_ms=100)
    guard.copy("a private sentence")
    assert QApplication.clipboard().text() == "a private sentence"
    qtbot.waitUntil(lambda: QApplication.clipboard().text() == "", timeout=3_000)
    guard.copy("ours")
    QApplication.clipboard().setText("someone else's")
    qtbot.wait(250)
    assert QApplication.clipboard().text() == "someone else's"


def test_date_range_filter_keeps_only_entries_in_range(qtbot, make_window, seeded) -> None:  # type: ignore[no-untyped-def]
    w, page = open_journal(qtbot, make_window)
    everything = page.model.total
    panel = page.filters
    panel.range_combo.setCurrentIndex(panel.range_combo.findData("custom"))
    assert panel.custom_row.isVisibleTo(w)
    yesterday = TODAY - dt.timedelta(days=1)
    panel.from_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    panel.to_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=3_000)
    assert {page.model.data(page.model.index(i)) for i in range(2)} == {"Chores talk", "Quiet evening"}
    panel.range_combo.setCurrentIndex(panel.range_combo.findData("7d"))
    qtbot.waitUntil(lambda: page.model.total == everything, timeout=3_000)
    panel.clear()
    qtbot.waitUntil(lambda: page.model.total == everything, timeout=3_000)
    assert not panel.custom_row.isVisibleTo(w)


def test_a_failed_delete_is_said_in_the_editor(qtbot, make_window, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from intimacy_desktop.core.errors import DiskFull

    w, page = open_journal(qtbot, make_window)
    page.open_entry(page.model.summary(0).id)

    def full(_entry_id: int) -> None:
        raise DiskFull()

    monkeypatch.setattr(w.profile.journal, "trash", full)
    page.delete_current()
    settle(qtbot, w)
    assert page.editor.ui.errorLabel.text() == DiskFull().message
    assert page.model.total == 3  # nothing moved


def test_counts_use_english_plural_forms(qtbot, make_window, seeded) -> None:  # type: ignore[no-untyped-def]
    _w, page = open_journal(qtbot, make_window)
    assert page.count_label.text() == "3 entries"
    qtbot.keyClicks(page.filters.search, "heron")
    qtbot.waitUntil(lambda: page.count_label.text() == "1 entry", timeout=3_000)


def test_calendar_days_say_their_weather_in_words(qtbot, make_window, seeded) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    unlock(qtbot, w)
    w.show_page("journal")
    settle(qtbot, w)
    cal = w.page("journal").filters.calendar
    view = cal._view
    assert view is not None
    found = {}
    model = view.model()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            day = cal.date_at(view.visualRect(model.index(row, col)).center())
            if day is not None:
                found[day] = cal.tooltip_for(day)
    assert len(found) == 42  # six weeks, every cell mapped to its own date
    assert found[TODAY] == "1 entry · Sunny"
    yesterday = TODAY - dt.timedelta(days=1)
    if yesterday in found:
        assert found[yesterday] == "2 entries · Rainy"  # one rainy entry, one without weather
