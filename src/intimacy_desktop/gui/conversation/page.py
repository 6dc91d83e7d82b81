"""The Conversation page: choose a length, (optionally) a moment to put the phones away, then the talk itself with
cards and turns, on the page or in calm mode, and a short summary that is logged in the vault.

The talk belongs to the window (gui/conversation/live.py), so the lock does not stop it; this page only shows it
and writes its log. The session row is written when the talk starts, brought up to date on every pause and before
the lock, and finished when it ends; an end that came while the journal was locked is written at the next unlock
of the same profile.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.content import Depth, Prompt
from intimacy_desktop.core.conversation import Phase
from intimacy_desktop.core.errors import AppError
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui.conversation.calm import CalmWindow
from intimacy_desktop.gui.conversation.labels import recent_line
from intimacy_desktop.gui.conversation.live import Talk
from intimacy_desktop.gui.conversation.ritual_view import RitualView
from intimacy_desktop.gui.conversation.setup_view import Options, SetupView
from intimacy_desktop.gui.conversation.summary_view import SummaryView
from intimacy_desktop.gui.conversation.talk_view import TalkView
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.shell.page import Page

if TYPE_CHECKING:
    from intimacy_desktop.core.share_cards import ShareCard
    from intimacy_desktop.gui.shell.context import ProfileContext
    from intimacy_desktop.services.conversations import Session


class ConversationPage(Page):
    page_id = "conversation"

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.live = ctx.live
        self.owner = ctx.profile.info.folder.name
        self.deck: list[Prompt] = []  # the cards still to come, the one on screen first
        self.calm: CalmWindow | None = None
        self.pending_options: Options | None = None
        self.setup = SetupView()
        self.ritual = RitualView()
        self.ritual.ready.connect(self._ready)
        self.talk_view = TalkView()
        self.summary = SummaryView()
        self.views = QStackedWidget()
        for w in (self.setup, self.ritual, self.talk_view, self.summary):
            self.views.addWidget(w)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.views)
        self.ritual.back.connect(lambda: self.views.setCurrentWidget(self.setup))
        self.setup.start_requested.connect(self._start_requested)
        self.setup.ritual_changed.connect(self._ritual_setting)
        self.setup.goal_changed.connect(self._goal_setting)
        tv = self.talk_view
        tv.toggle_requested.connect(self.toggle)
        tv.next_card_requested.connect(self.next_card)
        tv.extend_requested.connect(self.live.extend)
        tv.switch_requested.connect(self.live.switch_turn)
        tv.stop_requested.connect(self.stop)
        tv.calm_requested.connect(self.enter_calm)
        self.summary.rated.connect(self._rate)
        self.summary.note_saved.connect(self._save_note)
        self.summary.done.connect(self._done)
        self.summary.more_requested.connect(self.more_time)
        self._keys()
        self.live.changed.connect(self._repaint)
        self.live.finished.connect(self._ended)
        self._listening = True
        ctx.changes.changed.connect(self._changed)
        self._attach()
        self._load()

    def title(self) -> str:
        return self.tr("Conversation")

    def _keys(self) -> None:
        def key(sequence: QKeySequence | str, slot: object, on: QWidget) -> None:
            shortcut = QShortcut(QKeySequence(sequence), on)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        tv = self.talk_view
        key("Space", self.toggle, tv)
        key("Right", self.next_card, tv)
        key("+", self.live.extend, tv)
        key("=", self.live.extend, tv)
        key("T", self.live.switch_turn, tv)
        key("H", self.toggle_time, tv)
        key("F11", self.enter_calm, tv)
        key("Ctrl+.", self.stop, tv)
        key("Ctrl+Return", self.setup._start, self.setup)
        key("Escape", lambda: self.views.setCurrentWidget(self.setup), self.ritual)
        key("Return", self._ready, self.ritual)
        key("Enter", self._ready, self.ritual)
        key("Escape", self._done, self.summary)

    # ---- reading -------------------------------------------------------------------------------------------
    def _load(self) -> None:
        service = self._ctx.conversations

        def read() -> tuple[object, list[Session], bool]:
            return service.minutes(), service.recent(5), service.ritual_on()

        def show(found: tuple[object, list[Session], bool]) -> None:
            minutes, recent, ritual = found
            self.setup.show_minutes(minutes)  # type: ignore[arg-type]
            self.setup.show_recent([recent_line(s.started_at.astimezone(), s.preset, s.actual_s, s.planned_s,
                                                s.completed, s.rating) for s in recent if s.status != "running"])
            self.setup.ritual.blockSignals(True)
            self.setup.ritual.setChecked(ritual)
            self.setup.ritual.blockSignals(False)

        self._ctx.ops.query(self, read).success(show).failure(self._failed).run()

    def _changed(self, changes: Changed) -> None:
        if changes & (Changed.TIMER_SESSIONS | Changed.SETTINGS):
            self._load()

    def _failed(self, error: AppError) -> None:
        self.setup.show_error(error_text(error))

    # ---- starting ------------------------------------------------------------------------------------------
    def _start_requested(self, options: Options) -> None:
        if self.live.running():
            self.views.setCurrentWidget(self.talk_view)
            return
        self.pending_options = options
        if options.ritual:
            self.views.setCurrentWidget(self.ritual)
            self.ritual.ready_button.setFocus()
        else:
            self._ready()

    def _ritual_setting(self, on: bool) -> None:
        service = self._ctx.conversations
        self._ctx.ops.op(self, lambda: service.set_ritual(on)).failure(self._failed).run()

    def _goal_setting(self, minutes: int) -> None:
        service = self._ctx.conversations
        self._ctx.ops.op(self, lambda: service.set_goal_minutes(minutes)).failure(self._failed).run()

    def _ready(self) -> None:
        options = self.pending_options
        if options is None:
            return
        service, prompts = self._ctx.conversations, self._ctx.prompts

        def work() -> tuple[int, list[Prompt], Depth | None]:
            cards: list[Prompt] = []
            depth: Depth | None = None
            if options.layer is not None:
                for depth in (options.depth, Depth.DEEPER, Depth.LIGHT):  # a closed deck gives way to a lighter one
                    deck = prompts.deck(options.layer, depth)
                    if not deck.closed and deck.left:
                        cards = list(deck.left)
                        break
            session = service.start(options.preset, options.seconds, layer=options.layer,
                                    depth=depth.value if cards and depth else None, turn_s=options.turn_seconds)
            return session, cards, depth

        def begin(found: tuple[int, list[Prompt], Depth | None]) -> None:
            session, cards, depth = found
            timer = self.live.new_timer(options.seconds, options.turn_seconds)
            self.deck = cards
            talk = Talk(timer, self.owner, session, options.preset,
                        options.layer.value if options.layer else None, depth.value if cards and depth else None)
            self.live.begin(talk)
            if cards:
                self.live.add_card(cards[0].id)
            self._show_talk()

        self._ctx.ops.op(self, work).success(begin).failure(self._failed).run()

    def _attach(self) -> None:
        """Unlocked while a talk of this profile went on, or ended, during the lock: show it and log what came."""
        talk = self.live.pending(self.owner)
        if talk is None:
            return
        if talk.cards:
            try:
                current = self._ctx.prompts.prompt(talk.cards[-1])
                layer_cards = self._ctx.prompts.deck(current.layer, current.depth).left
                self.deck = [current, *(p for p in layer_cards if p.id not in talk.cards)]
            except AppError:
                self.deck = []
        if talk.timer.over and not talk.logged:
            self._ended()
        elif talk.timer.over:
            self._show_summary()
        else:
            self._show_talk()

    # ---- during --------------------------------------------------------------------------------------------
    def _show_talk(self) -> None:
        self.views.setCurrentWidget(self.talk_view)
        self.talk_view.pause_button.setFocus()
        self._repaint()

    def _repaint(self) -> None:
        timer = self.live.timer
        if timer is None or self.live.talk is None or self.live.talk.owner != self.owner:
            return
        card = self.deck[0].text if self.deck else None
        self.talk_view.show_timer(timer)
        self.talk_view.show_card(card)
        if self.calm is not None and shiboken6.isValid(self.calm):
            self.calm.show_timer(timer)
            self.calm.show_card(card)

    def toggle(self) -> None:
        self.live.toggle()
        talk = self.live.talk
        if talk is not None and talk.timer.phase is Phase.PAUSED:
            self._checkpoint(talk)

    def toggle_time(self) -> None:
        self.talk_view.time_hidden = not self.talk_view.time_hidden
        self._repaint()

    def next_card(self) -> None:
        if len(self.deck) < 2:
            return
        done, self.deck = self.deck[0], self.deck[1:]
        self.live.add_card(self.deck[0].id)
        prompts = self._ctx.prompts
        self._ctx.ops.op(self, lambda: prompts.answer(done.id)).failure(self._failed).run()
        self._repaint()

    def stop(self) -> None:
        if self.live.running():
            self.live.stop()
            self._ended()

    def more_time(self) -> None:
        self.live.extend()
        if self.live.running():
            self._show_talk()

    def _checkpoint(self, talk: Talk) -> None:
        service, elapsed, cards, planned = (self._ctx.conversations, talk.timer.elapsed(), tuple(talk.cards),
                                            talk.timer.planned)
        self._ctx.ops.op(self, lambda: service.checkpoint(talk.session_id, elapsed, cards, planned_s=planned)).failure(
            self._failed).run()

    # ---- calm mode ---------------------------------------------------------------------------------------------
    def enter_calm(self) -> None:
        if not self.live.running():
            return
        if self.calm is None or not shiboken6.isValid(self.calm):
            self.calm = CalmWindow()
            self.calm.toggle_requested.connect(self.toggle)
            self.calm.next_card_requested.connect(self.next_card)
            self.calm.repaint_requested.connect(self._repaint)
            self.calm.closed.connect(self._calm_closed)
        self.calm.showFullScreen()
        self.calm.activateWindow()
        self._repaint()

    def _calm_closed(self) -> None:
        self.calm = None
        window = self.window()
        window.activateWindow()
        if self.live.running():
            self.talk_view.pause_button.setFocus()

    def leave_calm(self) -> None:
        if self.calm is not None and shiboken6.isValid(self.calm):
            self.calm.close()
        self.calm = None

    # ---- the end -----------------------------------------------------------------------------------------------
    def _ended(self) -> None:
        talk = self.live.talk
        if talk is None or talk.owner != self.owner:
            return
        self.leave_calm()
        service, prompts = self._ctx.conversations, self._ctx.prompts
        completed, elapsed, cards = talk.timer.phase is Phase.FINISHED, talk.timer.elapsed(), tuple(talk.cards)
        planned = talk.timer.planned
        on_screen = self.deck[0].id if self.deck else None

        def work() -> None:
            service.finish(talk.session_id, elapsed, completed=completed, cards=cards, planned_s=planned)
            if on_screen is not None:
                prompts.answer(on_screen)

        def written(_none: None) -> None:
            talk.logged = True

        self._ctx.ops.op(self, work).success(written).failure(self._failed).run()
        self._show_summary()

    def _show_summary(self) -> None:
        talk = self.live.talk
        if talk is None:
            return
        texts = []
        for prompt_id in talk.cards:
            try:
                texts.append(self._ctx.prompts.prompt(prompt_id).text)
            except AppError:
                continue
        completed, actual_s = talk.timer.phase is Phase.FINISHED, talk.timer.elapsed()
        self.summary.show_summary(completed=completed, actual_s=actual_s, planned_s=talk.timer.planned, cards=texts,
                                  rating=None)
        self.summary.share.offer(self._ctx, functools.partial(
            self._card, talk.session_id, talk.layer, completed, actual_s, talk.timer.planned, tuple(texts)))
        self.views.setCurrentWidget(self.summary)
        self.summary.focus()

    def _card(self, session_id: int, layer: str | None, completed: bool, actual_s: float, planned_s: float,
              cards: tuple[str, ...]) -> ShareCard:
        """The conversation as the partner would read it: what the summary shows, with the feeling chosen now."""
        from intimacy_desktop.core.share_cards import conversation_card
        from intimacy_desktop.gui.conversation.labels import feeling

        rating = self.summary.rating()
        return conversation_card(session_id, dt.date.today(), minutes=int(actual_s // 60),
                                 planned_minutes=round(planned_s / 60), completed=completed, cards=cards,
                                 felt=feeling(rating).lower() if rating else None,
                                 layer=Layer(layer) if layer in {m.value for m in Layer} else None)

    def _rate(self, rating: int | None) -> None:
        talk = self.live.talk
        if talk is None:
            return
        service, session = self._ctx.conversations, talk.session_id
        self._ctx.ops.op(self, lambda: service.rate(session, rating)).failure(self._failed).run()

    def _save_note(self, text: str) -> None:
        talk = self.live.talk
        if talk is None:
            return
        service, session = self._ctx.conversations, talk.session_id
        self._ctx.ops.op(self, lambda: service.save_note(session, text)).success(
            lambda _id: self.summary.show_saved()).failure(self._failed).run()

    def _done(self) -> None:
        if self.live.talk is not None and self.live.talk.owner == self.owner and self.live.talk.timer.over:
            self.live.clear()
        self.deck = []
        self.views.setCurrentWidget(self.setup)
        self.setup.start_button.setFocus()

    # ---- page hooks ------------------------------------------------------------------------------------------
    def shown(self) -> None:
        current = self.views.currentWidget()
        if current is self.talk_view:
            self.talk_view.pause_button.setFocus()
        elif current is self.summary:
            self.summary.focus()
        else:
            self.setup.start_button.setFocus()

    def act(self, action: str) -> None:
        if action == "calm":
            self.enter_calm()

    def flush(self) -> None:
        """Before the lock: the log row learns the time so far, and a typed note is saved."""
        talk = self.live.pending(self.owner)
        if talk is None:
            return
        if talk.timer.active:
            self._ctx.conversations.checkpoint(talk.session_id, talk.timer.elapsed(), tuple(talk.cards),
                                               planned_s=talk.timer.planned)
        elif talk.timer.over and not talk.logged:
            self._ctx.conversations.finish(talk.session_id, talk.timer.elapsed(),
                                           completed=talk.timer.phase is Phase.FINISHED, cards=tuple(talk.cards),
                                           planned_s=talk.timer.planned)
            talk.logged = True
        note = self.summary.note_edit.toPlainText()
        if talk.timer.over and note.strip():
            self._ctx.conversations.save_note(talk.session_id, note)

    def wipe(self) -> None:
        # The talk outlives this page: it must stop calling a page whose context the lock is closing.
        if self._listening:
            self._listening = False
            self.live.changed.disconnect(self._repaint)
            self.live.finished.disconnect(self._ended)
        self.leave_calm()
        self.deck = []
        self.talk_view.forget()
        self.summary.forget()
        self.setup.forget()
