"""The Conversation page for docs/screenshots (scripts/render_screenshots.py calls it): the choices, a talk with
turns and a card, calm mode in a lit room and a dark one, the summary, and the unlock screen while a talk goes on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def render_conversation(w: Any, shot: Callable[[QWidget, str], None], wait_until: Callable[..., None]) -> None:
    ctx: Any = w.locks.ctx

    def idle() -> bool:
        return not ctx.ops.busy

    clock = FakeClock()
    w.live.clock = clock
    w.sounds.enabled = False
    earlier = ctx.conversations.start("daily-talk", 600)  # a talk from earlier today, for the minutes and the log
    ctx.conversations.finish(earlier, 600, completed=True, cards=[])
    ctx.conversations.rate(earlier, 4)
    page: Any = w.show_page("conversation")
    wait_until(idle)
    setup = page.setup
    for button in setup.presets.buttons():
        if button.property("preset") == "stress-reducing":
            button.setChecked(True)
    setup.layer.setCurrentIndex(setup.layer.findData("emotional"))
    setup.ritual.setChecked(False)
    wait_until(idle)
    setup.verticalScrollBar().setValue(0)
    shot(w, "41-conversation-setup")
    setup.start_button.click()
    wait_until(lambda: idle() and page.views.currentWidget() is page.talk_view)
    clock.now += 197
    w.live.poll()
    shot(w, "42-conversation-turns")
    page.enter_calm()
    calm = page.calm
    calm.resize(w.size())
    QApplication.processEvents()
    shot(calm, "43-calm-mode-light-room")
    calm.room = "dark"
    calm._paint_room()
    shot(calm, "44-calm-mode-dark-room")
    calm.close()
    w.lock()
    wait_until(lambda: w.profile is None)
    clock.now += 61
    w.live.poll()
    shot(w, "45-unlock-while-talking")
    w.unlock_page.ui.passphraseEdit.setText("river heron lemon pasta")
    w.unlock_page.ui.unlockButton.click()
    wait_until(lambda: w.page("journal") is not None and not w.locks.ctx.ops.busy)
    page = w.show_page("conversation")
    ctx = w.locks.ctx
    wait_until(idle)
    page.next_card()
    clock.now += 1200
    w.live.poll()
    wait_until(lambda: idle() and page.views.currentWidget() is page.summary)
    page.summary.feelings.button(5).click()
    page.summary.note_edit.setPlainText("We both said the hard part of the week out loud, and nobody tried to fix it.")
    wait_until(idle)
    shot(w, "46-conversation-summary")
    page.summary.done.emit()
    wait_until(idle)
