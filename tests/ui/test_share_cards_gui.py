"""Sharing a conversation, a mutual reveal and an exercise run from the screens that end them: the button shows only
with a shared space; the dialog shows exactly the text the partner reads; after sharing, the partner reads it."""

from __future__ import annotations

from typing import Any

import pytest
from practice_support import sample_practice_fixture  # noqa: F401  (a fixture)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_support import PARTNER_PW, FakeClock, open_as_sam, settle, unlock

from intimacy_desktop.gui.main_window import MainWindow
from intimacy_desktop.services.household import HouseholdService
from intimacy_desktop.services.profiles import ProfileService

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def couple_window(qtbot: QtBot, make_window: Any, profiles: ProfileService, sample_practice: Any) -> MainWindow:
    window: MainWindow = open_as_sam(qtbot, make_window, profiles)
    return window


def _alex_reads(profiles: ProfileService) -> dict[str, str]:
    alex = profiles.unlock(profiles.find("Alex"), PARTNER_PW)
    try:
        space = HouseholdService(profiles.data_dir).open(alex)
        try:
            return {e.fields.title: e.fields.body for e, _ in space.entries()}
        finally:
            space.close()
    finally:
        alex.close()


def _share(qtbot: QtBot, window: MainWindow, button: Any) -> str:
    """Click the button, check the preview, share; the preview's text."""
    qtbot.waitUntil(button.isVisible, timeout=5_000)
    assert button.isEnabled() and button.text() == "Share with my partner…"
    button.click()
    dialog = button.dialog
    shown = dialog.preview.toPlainText()
    dialog.go.click()
    qtbot.waitUntil(lambda: "Shared." in dialog.status.text(), timeout=5_000)
    dialog.close()
    qtbot.waitUntil(lambda: button.text() == "In your shared space", timeout=5_000)
    assert not button.isEnabled()
    settle(qtbot, window)
    return str(shown)


def _end_a_talk(qtbot: QtBot, window: MainWindow) -> Any:
    clock = FakeClock()
    window.live.clock = clock
    page: Any = window.show_page("conversation")
    settle(qtbot, window)
    page.setup.ritual.setChecked(False)
    page.setup.start_button.click()
    settle(qtbot, window)
    clock.now += 6 * 60 + 5
    window.live.poll()
    page.stop()
    settle(qtbot, window)
    assert page.views.currentWidget() is page.summary
    return page


def test_a_conversation_is_shared_as_previewed(qtbot: QtBot, couple_window: MainWindow,
                                              profiles: ProfileService) -> None:
    page = _end_a_talk(qtbot, couple_window)
    page.summary.feelings.button(4).click()
    shown = _share(qtbot, couple_window, page.summary.share)
    title, _, body = shown.partition("\n\n")
    assert title == "Our device-free talk, 6 minutes"
    assert body.startswith("We talked for 6 of ") and "How it felt: good." in body
    assert _alex_reads(profiles) == {title: body}


def test_without_a_shared_space_there_is_nothing_to_share_into(qtbot: QtBot, make_window: Any,
                                                               existing_profile: ProfileService) -> None:
    window = make_window()
    unlock(qtbot, window)
    page = _end_a_talk(qtbot, window)
    settle(qtbot, window)
    qtbot.wait(100)
    assert not page.summary.share.isVisible()


def test_a_run_is_shared_and_what_was_written_only_when_ticked(qtbot: QtBot, couple_window: MainWindow,
                                                               profiles: ProfileService) -> None:
    practice = couple_window.profile.practice  # type: ignore[union-attr]
    run = practice.start_run("emotional-evening-check-in")
    while not run.state.finished:
        run = practice.move(run.id, option=0, rating=4, reflection="We both wanted more quiet evenings.")
    page: Any = couple_window.show_page("exercises")
    settle(qtbot, couple_window)
    page.views.setCurrentWidget(page.runner)
    page.runner.show_run(run)
    button = page.runner.summary.share
    qtbot.waitUntil(button.isVisible, timeout=5_000)
    button.click()
    dialog = button.dialog
    assert dialog.include.isVisible() and not dialog.include.isChecked()
    assert "We both wanted more quiet evenings." not in dialog.preview.toPlainText()
    dialog.include.setChecked(True)
    assert "We both wanted more quiet evenings." in dialog.preview.toPlainText()
    dialog.include.setChecked(False)
    dialog.close()
    shown = _share(qtbot, couple_window, button)
    title, _, body = shown.partition("\n\n")
    assert title == "Exercise: Evening check-in" and "4 of 5" in body
    assert _alex_reads(profiles) == {title: body}


def test_a_mutual_reveal_is_shared_side_by_side(qtbot: QtBot, couple_window: MainWindow,
                                               profiles: ProfileService) -> None:
    page: Any = couple_window.show_page("exercises", "assessment:how-we-see-us")
    settle(qtbot, couple_window)
    reveal, form = page.reveal, page.reveal.form
    form.begin_button.click()
    for partner_keys in ((Qt.Key.Key_5, Qt.Key.Key_1, Qt.Key.Key_3), (Qt.Key.Key_5, Qt.Key.Key_4, Qt.Key.Key_1)):
        if reveal.phase == "handover":
            reveal.handover_button.click()
            form.begin_button.click()
        for key in partner_keys:
            qtbot.keyClick(form, key)
            qtbot.keyClick(form, Qt.Key.Key_Right, ALT)
            settle(qtbot, couple_window)
    qtbot.waitUntil(lambda: reveal.phase == "shown", timeout=5_000)
    shown = _share(qtbot, couple_window, reveal.share)
    title, _, body = shown.partition("\n\n")
    assert title == "Side by side: How we see us"
    assert "the same on 1 of 3" in body
    assert "- We have enough fun together. — Partner A: Strongly agree; Partner B: Strongly agree (same)" in body
    assert _alex_reads(profiles) == {title: body}
