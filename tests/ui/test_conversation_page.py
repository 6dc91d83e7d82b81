"""The Conversation page driven like a couple would: a talk with cards and turns, by keyboard, on the page and in
calm mode; the end, the summary, the log after a restart; and a lock that does not stop the talk and shows no
content. Time comes from a fake clock put into the window's live conversation; sounds are recorded, not played."""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from practice_support import texts_of
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QRadioButton
from pytestqt.qtbot import QtBot
from ui_support import settle, unlock

from intimacy_desktop.core.conversation import Phase, Speaker
from intimacy_desktop.core.journal import EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui.conversation.calm import CalmWindow
from intimacy_desktop.gui.main_window import MainWindow

KEY = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


def phase(timer: object) -> Phase:
    """The phase as a fresh read (mypy would keep the one an earlier assert narrowed)."""
    return timer.phase  # type: ignore[attr-defined, no-any-return]


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def played() -> list[str]:
    return []


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot: QtBot, make_window: Any, existing_profile: Any, played: list[str], clock: FakeClock) -> MainWindow:
    w: MainWindow = make_window()
    w.live.clock = clock

    def play(name: str) -> bool:
        played.append(name)
        return True

    w.sounds.play = play  # type: ignore[method-assign]
    unlock(qtbot, w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3_000)
    return w


def _page(qtbot: QtBot, window: MainWindow) -> Any:
    page: Any = window.show_page("conversation")
    settle(qtbot, window)
    assert page is not None
    return page


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)
    settle(qtbot, window)


def _choose(page: Any, preset_id: str, *, layer: Layer | None = None, ritual: bool = False) -> None:
    s = page.setup
    for button in s.presets.buttons():
        if button.property("preset") == preset_id:
            button.setChecked(True)
    s.layer.setCurrentIndex(s.layer.findData(layer.value) if layer is not None else 0)
    s.ritual.setChecked(ritual)


def _advance(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    clock.now += seconds
    window.live.poll()


def test_a_daily_talk_with_cards_by_keyboard_to_its_logged_end(qtbot: QtBot, window: MainWindow, clock: FakeClock,
                                                              played: list[str]) -> None:
    page = _page(qtbot, window)
    assert page.setup.today_label.text() == "Today: 0 of 10 device-free minutes"
    assert len(page.setup.presets.buttons()) == 6 and isinstance(page.setup.presets.buttons()[0], QRadioButton)
    _choose(page, "daily-talk", layer=Layer.EMOTIONAL)
    page.setup.start_button.setFocus()
    _press(qtbot, window, KEY.Key_Return, CTRL)
    tv = page.talk_view
    assert page.views.currentWidget() is tv
    assert tv.time_label.text() == "10:00" and tv.card.isVisibleTo(tv)
    first = tv.card_label.text()
    assert first and window.live.talk is not None and len(window.live.talk.cards) == 1
    _advance(window, clock, 61)
    assert tv.time_label.text() == "8:59"
    _press(qtbot, window, KEY.Key_Space)
    assert window.live.timer is not None and phase(window.live.timer) is Phase.PAUSED
    assert tv.phase_label.text() == "Paused" and tv.pause_button.text() == "Go on"
    _advance(window, clock, 300)
    assert tv.time_label.text() == "8:59"
    _press(qtbot, window, KEY.Key_Space)
    _press(qtbot, window, KEY.Key_Right)
    assert tv.card_label.text() != first and len(window.live.talk.cards) == 2
    prompts = window.locks.ctx.prompts  # type: ignore[union-attr]
    assert prompts.mark(window.live.talk.cards[0]).used_at is not None  # talked about: it leaves the round
    _press(qtbot, window, KEY.Key_Plus)
    assert window.live.timer.planned == 900
    _press(qtbot, window, KEY.Key_H)
    assert tv.time_label.text() == "(time hidden)" and tv.time_label.accessibleName().startswith("Time left: ")
    _press(qtbot, window, KEY.Key_H)
    assert played == []
    _advance(window, clock, 839)
    settle(qtbot, window)
    assert played == ["chime-end"]
    assert page.views.currentWidget() is page.summary
    assert page.summary.title_label.text().startswith("Time is up")
    assert page.summary.length_label.text() == "15 min of 15 min planned, device-free"
    assert first in page.summary.cards_label.text()
    qtbot.mouseClick(page.summary.feelings.button(5), Qt.MouseButton.LeftButton)
    page.summary.note_edit.setPlainText("We laughed about the cat and then talked about my sister.")
    page.summary.note_edit.setFocus()
    _press(qtbot, window, KEY.Key_S, CTRL)
    assert page.summary.saved_label.isVisibleTo(page.summary)
    service = window.locks.ctx.conversations  # type: ignore[union-attr]
    [session] = service.recent(5)
    assert (session.status, session.actual_s, session.planned_s, session.rating) == ("finished", 900, 900, 5)
    assert session.cards == tuple(window.live.talk.cards) and session.layer is Layer.EMOTIONAL
    entries = window.locks.ctx.journal.summaries(EntryFilter(kind=Kind.REFLECTION))  # type: ignore[union-attr]
    assert [e.id for e in entries] == [session.entry_id]
    entry = window.locks.ctx.journal.get(entries[0].id)  # type: ignore[union-attr]
    assert entry.fields.body.startswith("We laughed") and entry.fields.layer is Layer.EMOTIONAL
    _press(qtbot, window, KEY.Key_Escape)
    assert page.views.currentWidget() is page.setup and window.live.talk is None
    assert page.setup.today_label.text() == "Today: 15 of 10 device-free minutes"
    assert "Daily talk, no devices" in page.setup.recent_label.text()


def test_turns_swap_with_a_soft_cue_and_by_hand(qtbot: QtBot, window: MainWindow, clock: FakeClock,
                                               played: list[str]) -> None:
    page = _page(qtbot, window)
    _choose(page, "stress-reducing")
    assert page.setup.turns.currentData() == 300  # the preset's own turn length
    qtbot.mouseClick(page.setup.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    tv = page.talk_view
    assert tv.turn_label.text() == "Partner A speaks  ·  5:00" and tv.role_label.text().startswith("Speaker:")
    assert "Listener:" in tv.role_label.text() and not tv.card.isVisibleTo(tv)
    _advance(window, clock, 300)
    assert played == ["chime-turn"] and tv.turn_label.text().startswith("Partner B speaks")
    _press(qtbot, window, KEY.Key_T)
    assert window.live.timer is not None and window.live.timer.speaker is Speaker.A
    assert tv.turn_label.text() == "Partner A speaks  ·  5:00"
    _press(qtbot, window, KEY.Key_Period, CTRL)
    assert page.views.currentWidget() is page.summary
    assert page.summary.title_label.text().startswith("Ended early")
    assert not page.summary.more_button.isVisibleTo(page.summary)
    [session] = window.locks.ctx.conversations.recent(5)  # type: ignore[union-attr]
    assert (session.status, session.actual_s) == ("stopped", 300)


def test_the_ritual_comes_first_when_chosen_and_is_remembered(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window)
    _choose(page, "hug", ritual=True)
    settle(qtbot, window)
    assert window.locks.ctx.conversations.ritual_on()  # type: ignore[union-attr]
    qtbot.mouseClick(page.setup.start_button, Qt.MouseButton.LeftButton)
    assert page.views.currentWidget() is page.ritual
    assert QApplication.focusWidget() is page.ritual.ready_button
    _press(qtbot, window, KEY.Key_Return)
    assert page.views.currentWidget() is page.talk_view and page.talk_view.time_label.text() == "1:00"


def test_calm_mode_by_keyboard_shows_only_the_time_and_the_card(qtbot: QtBot, window: MainWindow,
                                                               clock: FakeClock) -> None:
    page = _page(qtbot, window)
    _choose(page, "deep-questions", layer=Layer.INTELLECTUAL)
    qtbot.mouseClick(page.setup.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    _press(qtbot, window, KEY.Key_F11)
    calm = page.calm
    assert isinstance(calm, CalmWindow) and calm.isFullScreen() and calm.windowTitle() == "Intimacy Desktop"
    calm.activateWindow()
    qtbot.waitUntil(calm.isActiveWindow, timeout=3_000)
    first = calm.card_label.text()
    assert calm.time_label.text() == "45:00" and first == page.talk_view.card_label.text()
    qtbot.keyClick(calm, KEY.Key_Space)
    assert window.live.timer is not None and phase(window.live.timer) is Phase.PAUSED
    assert calm.time_label.text() == "Paused · 45:00"
    qtbot.keyClick(calm, KEY.Key_Space)
    qtbot.keyClick(calm, KEY.Key_Right)
    settle(qtbot, window)
    assert calm.card_label.text() not in ("", first)
    qtbot.keyClick(calm, KEY.Key_H)
    _advance(window, clock, 10)
    assert calm.time_label.text() == ""
    qtbot.keyClick(calm, KEY.Key_L)
    assert calm.room == "dark"
    qtbot.keyClick(calm, KEY.Key_Escape)
    qtbot.waitUntil(lambda: page.calm is None, timeout=2_000)
    assert phase(window.live.timer) is Phase.RUNNING  # leaving calm mode is not stopping


def test_the_lock_keeps_the_talk_going_shows_only_its_time_and_logs_its_end_at_unlock(
        qtbot: QtBot, window: MainWindow, clock: FakeClock, played: list[str]) -> None:
    page = _page(qtbot, window)
    _choose(page, "daily-talk", layer=Layer.DIGITAL)
    qtbot.mouseClick(page.setup.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    _press(qtbot, window, KEY.Key_F11)
    card = page.talk_view.card_label.text()
    assert card
    _advance(window, clock, 60)
    view = window.locks.app_view
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the unlocked view is really gone
    assert not shiboken6.isValid(view)
    assert not any(isinstance(w, CalmWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert window.live.timer is not None and phase(window.live.timer) is Phase.RUNNING
    label = window.unlock_page.live_label
    _advance(window, clock, 0.5)
    assert label.isVisibleTo(window.unlock_page) and label.text() == "Device-free time: 8:60 left".replace(
        "8:60", "9:00")
    texts = "\n".join(texts_of(window))
    assert card not in texts and "Digital" not in texts and "Daily talk" not in texts
    _advance(window, clock, 540)
    assert played == ["chime-end"] and phase(window.live.timer) is Phase.FINISHED
    assert label.text() == "Device-free time is up. Unlock to see how it went."
    unlock(qtbot, window)
    page = _page(qtbot, window)
    assert page.views.currentWidget() is page.summary and page.summary.title_label.text().startswith("Time is up")
    settle(qtbot, window)
    [session] = window.locks.ctx.conversations.recent(5)  # type: ignore[union-attr]
    assert (session.status, session.actual_s) == ("finished", 600)


def test_a_lock_mid_talk_writes_the_time_so_far_and_the_log_survives_a_restart(
        qtbot: QtBot, make_window: Any, existing_profile: Any, window: MainWindow, clock: FakeClock) -> None:
    page = _page(qtbot, window)
    _choose(page, "tech-free-dinner")
    qtbot.mouseClick(page.setup.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    _advance(window, clock, 1200)
    window.lock()
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    profile = existing_profile.unlock(existing_profile.list_profiles()[0], "correct horse battery staple")
    try:
        [session] = profile.conversations.recent(5)
        assert (session.status, session.actual_s, session.preset) == ("running", 1200, "tech-free-dinner")
    finally:
        profile.close()


def test_the_daily_goal_is_set_on_the_page_and_kept(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window)
    assert page.setup.goal.value() == 10
    page.setup.goal.setValue(20)
    settle(qtbot, window)
    assert window.locks.ctx.conversations.goal_minutes() == 20  # type: ignore[union-attr]
    assert page.setup.today_label.text() == "Today: 0 of 20 device-free minutes"
    assert page.setup.week_label.text().startswith("This week: 0 of 140 minutes")
