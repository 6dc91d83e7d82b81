"""The conversation in progress, owned by the window rather than the unlocked profile: locking the journal must not
stop a couple's talk, and the lock screen may show the time left (never a card, a layer or a name).

It holds the core timer and the few facts the log needs when the talk ends while the journal is locked: which
profile started it, the session's row, the card ids shown. No card text, no note, nothing the person wrote. The
Conversation page writes the log; when the end came during the lock, the page writes it at the next unlock of the
same profile (``pending``).

Waking: one precise single-shot timer aimed at the next event (core ``next_event_in``), but at most 250 ms away,
so the end is noticed within the timer's own precision and the screen repaints four times a second.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from intimacy_desktop.core.clock import talk_clock
from intimacy_desktop.core.conversation import ConversationTimer, EventKind, Phase, Speaker
from intimacy_desktop.gui.sound import END, TURN, SoundPlayer

REPAINT_MS = 250


@dataclass
class Talk:
    """One conversation: its timer and what its log row needs."""

    timer: ConversationTimer
    owner: str  # the profile folder that started it
    session_id: int
    preset: str
    layer: str | None = None
    depth: str | None = None
    cards: list[str] = field(default_factory=list)
    logged: bool = False  # its end is in the vault


class LiveConversation(QObject):
    changed = Signal()  # repaint: the time moved, or the phase, the speaker or the cards changed
    turned = Signal(object)  # Speaker: a timed turn came to its end
    finished = Signal()  # the planned time ran out

    def __init__(self, sounds: SoundPlayer, parent: QObject | None = None, *,
                 clock: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self.sounds = sounds
        self.clock = clock or talk_clock()
        self.talk: Talk | None = None
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)
        self._wake.timeout.connect(self.poll)

    # ---- starting and steering -------------------------------------------------------------------------------
    def begin(self, talk: Talk) -> None:
        self._wake.stop()
        self.talk = talk
        talk.timer.start()
        self._schedule()
        self.changed.emit()

    def new_timer(self, planned: float, turn_seconds: float | None) -> ConversationTimer:
        return ConversationTimer(planned, clock=self.clock, turn_seconds=turn_seconds)

    @property
    def timer(self) -> ConversationTimer | None:
        return self.talk.timer if self.talk is not None else None

    def running(self) -> bool:
        return self.talk is not None and self.talk.timer.active

    def toggle(self) -> None:
        if self.talk is not None and self.talk.timer.active:
            self.talk.timer.toggle()
            self._after_change()

    def extend(self) -> None:
        if self.talk is not None:
            self.talk.timer.extend()
            if self.talk.timer.phase is Phase.RUNNING:
                self.talk.logged = False  # it goes on: its end is yet to be written
            self._after_change()

    def stop(self) -> None:
        if self.talk is not None and self.talk.timer.active:
            self.talk.timer.stop()
            self._after_change()

    def switch_turn(self) -> None:
        if self.talk is not None and self.talk.timer.turn_seconds is not None and self.talk.timer.active:
            self.talk.timer.switch_turn()
            self._after_change()

    def add_card(self, prompt_id: str) -> None:
        if self.talk is not None and prompt_id not in self.talk.cards:
            self.talk.cards.append(prompt_id)
            self.changed.emit()

    def clear(self) -> None:
        """The summary was closed: nothing is under way any more."""
        self._wake.stop()
        self.talk = None
        self.changed.emit()

    def pending(self, owner: str) -> Talk | None:
        """A talk of this profile whose state the vault does not have yet (ended, or going on, during a lock)."""
        if self.talk is not None and self.talk.owner == owner:
            return self.talk
        return None

    # ---- time ----------------------------------------------------------------------------------------------
    def poll(self) -> None:
        talk = self.talk
        if talk is None:
            return
        for event in talk.timer.poll():
            if event.kind is EventKind.TURN:
                self.sounds.play(TURN)
                self.turned.emit(event.speaker if event.speaker is not None else Speaker.A)
            else:
                self.sounds.play(END)
                self.finished.emit()
        self._schedule()
        self.changed.emit()

    def _after_change(self) -> None:
        self._schedule()
        self.changed.emit()

    def _schedule(self) -> None:
        self._wake.stop()
        timer = self.timer
        if timer is None or timer.phase is not Phase.RUNNING:
            return
        due = timer.next_event_in()
        wait = REPAINT_MS if due is None else min(REPAINT_MS, max(0, int(due * 1000 + 0.999)))
        self._wake.start(wait)
