"""Today's daily rhythm used like a person would: the check-in (weather, up to three words, a note) saved and edited,
kept through a lock; habits ticked and counted in days, chosen in a dialog; the evening gratitude kept in the journal
and, with a space, shared; the gentle note when the weather has stayed low; time together against the goal."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_support import PASSPHRASE, open_as_sam, settle, unlock

from intimacy_desktop.core.journal import EntryFilter, Kind
from intimacy_desktop.core.rhythm import CheckIn
from intimacy_desktop.services.profiles import ProfileService

LEFT = Qt.MouseButton.LeftButton


def _today(qtbot: QtBot, window: Any) -> Any:
    page = window.show_page("today")
    settle(qtbot, window)
    return page


def test_the_check_in_is_saved_edited_and_kept_through_a_lock(qtbot: QtBot, make_window: Any,
                                                              existing_profile: ProfileService) -> None:
    window = make_window()
    unlock(qtbot, window)
    card = _today(qtbot, window).checkin_card
    assert card.save_button.text() == "Save check-in" and card.weather.checkedId() == -1
    qtbot.mouseClick(card.save_button, LEFT)
    assert "weather first" in card.status.text()
    qtbot.mouseClick(card.weather.button(2), LEFT)
    for word in ("tired", "anxious", "lonely"):
        qtbot.mouseClick(card.feeling_buttons[word], LEFT)
    assert not card.feeling_buttons["calm"].isEnabled()  # three is the most
    qtbot.mouseClick(card.feeling_buttons["lonely"], LEFT)
    assert card.feeling_buttons["calm"].isEnabled()
    qtbot.keyClicks(card.note, "a long week")
    qtbot.keyClick(card.note, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert card.status.text().startswith("Saved for today") and card.save_button.text() == "Update check-in"
    today = dt.date.today()
    assert window.profile.rhythm.checkin(today) == CheckIn(today, 2, ("tired", "anxious"), "a long week")
    qtbot.mouseClick(card.weather.button(4), LEFT)  # later the same day: better
    qtbot.mouseClick(card.save_button, LEFT)
    settle(qtbot, window)
    assert window.profile.rhythm.checkin(today).weather == 4
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    unlock(qtbot, window)
    card = _today(qtbot, window).checkin_card
    qtbot.waitUntil(lambda: card.weather.checkedId() == 4, timeout=5_000)
    assert card.chosen_feelings() == ("tired", "anxious") and card.note.text() == "a long week"


def test_habits_are_ticked_counted_in_days_and_chosen(qtbot: QtBot, make_window: Any,
                                                      existing_profile: ProfileService) -> None:
    window = make_window()
    unlock(qtbot, window)
    card = _today(qtbot, window).habits_card
    qtbot.waitUntil(lambda: len(card.checks) == 7, timeout=5_000)
    assert card.counts["gratitude"].text() == "0 days"
    card.checks["gratitude"].click()
    settle(qtbot, window)
    assert card.counts["gratitude"].text() == "1 day" and "1" in card.total_label.text()
    assert window.profile.rhythm.ticked_on(dt.date.today()) == {"gratitude"}
    card.checks["gratitude"].click()
    settle(qtbot, window)
    assert card.counts["gratitude"].text() == "0 days"
    card.choose()
    dialog = card.dialog
    for habit, box in dialog.boxes.items():
        box.setChecked(habit in ("device_free_talk", "micro_repair"))
    dialog.accept()
    qtbot.waitUntil(lambda: set(card.checks) == {"device_free_talk", "micro_repair"}, timeout=5_000)
    assert not any("streak" in label.text().lower() for label in card.findChildren(type(card.total_label)))


def test_gratitude_is_kept_in_the_journal_and_shared_only_when_ticked(qtbot: QtBot, make_window: Any,
                                                                     profiles: ProfileService) -> None:
    window = open_as_sam(qtbot, make_window, profiles)
    card = _today(qtbot, window).gratitude_card
    qtbot.waitUntil(lambda: not card.share.isHidden(), timeout=5_000)
    qtbot.keyClicks(card.text, "You made tea without asking.")
    qtbot.mouseClick(card.save_button, LEFT)
    settle(qtbot, window)
    assert card.status.text() == "Kept in your journal." and card.text.text() == ""
    qtbot.keyClicks(card.text, "The way you laughed at dinner.")
    card.share.setChecked(True)
    qtbot.keyClick(card.text, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert card.status.text() == "Kept in your journal and shared with your partner."
    rows = window.profile.journal.summaries(EntryFilter())
    assert sorted((r.title, r.kind) for r in rows) == [("The way you laughed at dinner.", Kind.GRATITUDE),
                                                       ("You made tea without asking.", Kind.GRATITUDE)]
    space = window.locks.ctx.household.open(window.profile)
    try:
        assert [e.fields.title for e, _ in space.entries()] == ["The way you laughed at dinner."]
    finally:
        space.close()


def test_a_low_week_brings_a_gentle_note_and_three_weeks_the_word_about_help(
        qtbot: QtBot, make_window: Any, existing_profile: ProfileService) -> None:
    today = dt.date.today()
    profile = existing_profile.unlock(existing_profile.find("Ours"), PASSPHRASE)
    for offset in range(1, 6):
        profile.rhythm.save_checkin(CheckIn(today - dt.timedelta(days=offset), 2))
    profile.close()
    window = make_window()
    unlock(qtbot, window)
    page = _today(qtbot, window)
    card = page.low_mood_card
    qtbot.waitUntil(lambda: not card.isHidden(), timeout=5_000)
    assert "low most days this week" in card.text.text() and card.repair_button.isVisibleTo(card)
    qtbot.mouseClick(card.repair_button, LEFT)
    settle(qtbot, window)
    assert window.locks.app_view.current_page().page_id == "exercises"
    for offset in range(0, 30):
        window.profile.rhythm.save_checkin(CheckIn(today - dt.timedelta(days=offset), 1))
    qtbot.waitUntil(lambda: "three weeks" in card.text.text(), timeout=5_000)
    assert "counsellor" in card.text.text()
    window.profile.rhythm.save_checkin(CheckIn(today, 5))
    for offset in range(1, 4):
        window.profile.rhythm.save_checkin(CheckIn(today - dt.timedelta(days=offset), 4))
    qtbot.waitUntil(card.isHidden, timeout=5_000)


def test_time_together_shows_the_minutes_against_the_goal(qtbot: QtBot, make_window: Any,
                                                          existing_profile: ProfileService) -> None:
    window = make_window()
    unlock(qtbot, window)
    card = _today(qtbot, window).glance_card
    qtbot.waitUntil(lambda: bool(card.minutes_label.text()), timeout=5_000)
    assert card.minutes_label.text() == "Device-free today: 0 of 10 minutes. This week: 0 of 70."
    assert card.program_label.isHidden()
    window.profile.practice.start_program(window.profile.practice.content.programs[0].id)
    qtbot.waitUntil(lambda: not card.program_label.isHidden(), timeout=5_000)
    assert card.program_label.text().startswith("Next in “")
