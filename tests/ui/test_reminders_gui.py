"""Reminders as a person sets and receives them, on an injected clock and notifier: chosen in Settings and kept in
the vault; fired at the set local time, once; still coming while locked (and clicking one opens behind the lock, then
at the right page); neutral words in discreet mode; a banner where there is no tray; closing the window with
reminders on leaves it in the tray, locked, while Quit quits."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot
from ui_support import settle, unlock

from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.services.profiles import ProfileService

BERLIN = ZoneInfo("Europe/Berlin")


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 3, 28, 19, 0, tzinfo=BERLIN)  # the evening before the clocks go forward

    def __call__(self) -> dt.datetime:
        return self.now


def _window(qtbot: QtBot, make_window: Any, *, notify: bool = True) -> tuple[Any, Clock, list[tuple[str, str]]]:
    window = make_window()
    clock, seen = Clock(), []
    r = window.reminders
    r._now, r._zone = clock, lambda: BERLIN
    r._notifier = (lambda title, body: seen.append((title, body))) if notify else None
    r.last_check = clock.now
    unlock(qtbot, window)
    return window, clock, seen


def _turn_on_the_talk(qtbot: QtBot, window: Any) -> Any:
    page = window.show_page("settings")
    qtbot.waitUntil(lambda: not page._loading and not page.reminders._loading, timeout=5_000)
    card = page.reminders
    card.times[card.reminders[1].kind].setTime(QTime(20, 0))
    card.checks[card.reminders[1].kind].setChecked(True)
    settle(qtbot, window)
    return card


def test_a_reminder_is_set_kept_and_fires_once_at_its_local_time(qtbot: QtBot, make_window: Any,
                                                                  existing_profile: ProfileService) -> None:
    window, clock, seen = _window(qtbot, make_window)
    _turn_on_the_talk(qtbot, window)
    assert [r.on for r in window.reminders.schedule] == [False, True, False, False]
    clock.now = clock.now.replace(hour=19, minute=59)
    window.reminders.check()
    assert seen == []
    clock.now = clock.now.replace(hour=20, minute=0, second=30)
    window.reminders.check()
    window.reminders.check()
    assert seen == [("Intimacy Desktop", "Time for your device-free talk.")]
    assert window.reminders.target == "conversation"
    window.lock()  # locked: the reminder still comes, the next evening, after a 23-hour day
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    clock.now = dt.datetime(2026, 3, 29, 20, 1, tzinfo=BERLIN)
    window.reminders.check()
    assert len(seen) == 2
    window.reminders.open_target()  # clicking it: the unlock screen first
    assert window.stack.currentWidget() is window.unlock_page
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.locks.app_view.current_page().page_id == "conversation", timeout=5_000)
    card = window.show_page("settings").reminders
    qtbot.waitUntil(lambda: card.checks[card.reminders[1].kind].isChecked(), timeout=5_000)  # kept in the vault
    assert card.times[card.reminders[1].kind].time() == QTime(20, 0)


def test_discreet_mode_makes_a_reminder_say_nothing(qtbot: QtBot, make_window: Any,
                                                    existing_profile: ProfileService) -> None:
    window, clock, seen = _window(qtbot, make_window)
    page = window.show_page("settings")
    _turn_on_the_talk(qtbot, window)
    page.discreet.setChecked(True)
    clock.now = clock.now.replace(hour=20, minute=5)
    window.reminders.check()
    assert seen == [("Notes", "A reminder you set.")]


def test_without_a_tray_a_reminder_waits_as_a_banner_without_content(qtbot: QtBot, make_window: Any,
                                                                     existing_profile: ProfileService) -> None:
    window, clock, _seen = _window(qtbot, make_window, notify=False)
    window.profile.journal.add(EntryFields(title="SECRET-CANARY about us"))
    _turn_on_the_talk(qtbot, window)
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    clock.now = clock.now.replace(hour=21)
    window.reminders.check()
    assert window.reminders.pending
    unlock(qtbot, window)
    notice = window.locks.app_view.notice_label
    qtbot.waitUntil(notice.isVisible, timeout=5_000)
    assert notice.text() == "Time for your device-free talk." and "CANARY" not in notice.text()


def test_closing_with_reminders_on_and_a_tray_leaves_the_app_locked_in_the_tray(
        qtbot: QtBot, make_window: Any, existing_profile: ProfileService, monkeypatch: Any) -> None:
    window, _clock, _seen = _window(qtbot, make_window)
    monkeypatch.setattr(window.reminders, "keeps_running", lambda: True)
    window.close()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    assert not window.isVisible() and not window.locks.closing  # hidden and locked, not quit
    window.quit_app()
    assert window.locks.closing


def test_the_end_of_the_desktop_session_quits_instead_of_waiting_in_the_tray(
        qtbot: QtBot, make_window: Any, existing_profile: ProfileService, monkeypatch: Any) -> None:
    window, _clock, _seen = _window(qtbot, make_window)
    monkeypatch.setattr(window.reminders, "keeps_running", lambda: True)
    window.session_ends()  # what QGuiApplication.commitDataRequest calls
    window.close()
    assert window.locks.closing  # quit, as the session asked
