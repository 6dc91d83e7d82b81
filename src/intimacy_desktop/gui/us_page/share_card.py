"""Share a conversation, a mutual reveal or an exercise run with the partner: a button on the screen that ends each
of them, shown only when the person has a shared space, and a dialog that shows the card's exact text before
anything is shared (core/share_cards.py composes it; the partner reads the same characters on the Us page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QPushButton, QWidget

from intimacy_desktop.core.share_cards import ShareCard
from intimacy_desktop.gui.settings_page.backup_dialogs import WorkDialog

if TYPE_CHECKING:
    from intimacy_desktop.gui.shell.context import ProfileContext

# the card, composed on this thread from what the screen shows
CardMaker = Callable[[], ShareCard]
# the card with what was written along the way included (a run's reflections): read from the vault, so off this thread
FullerMaker = Callable[[], ShareCard | None]


def _in_space(ctx: ProfileContext, card: ShareCard) -> bool | None:
    """None: no space (or no longer a member); otherwise whether the card is there already."""
    household, me = ctx.household, ctx.profile
    space = household.open_if_member(me) if household is not None else None
    if space is None:
        return None
    with space:
        return card.origin_id in space.shared_from(me, card.kind)


class ShareCardDialog(WorkDialog):
    def __init__(self, ctx: ProfileContext, card: ShareCard, fuller: ShareCard | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Share with your partner"),
                         self.tr("This is exactly what your partner will be able to read on the Us page. Nothing "
                                 "is shared before you say so, and you can take it back there."),
                         self.tr("Share"), parent)
        self.setMinimumSize(560, 420)
        self.cards = (card, fuller)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("What will be shared"))
        self.include = QCheckBox(self.tr("Include what we wrote along the way"))
        self.include.setVisible(fuller is not None)
        self.include.toggled.connect(lambda _on: self._show())
        self.body.insertWidget(1, self.include)
        self.body.insertWidget(2, self.preview, 1)
        self._show()

    @property
    def card(self) -> ShareCard:
        card, fuller = self.cards
        return fuller if fuller is not None and self.include.isChecked() else card

    def _show(self) -> None:
        f = self.card.fields
        self.preview.setPlainText(f"{f.title}\n\n{f.body}")

    def start(self) -> None:
        household, me, card = self.ctx.household, self.ctx.profile, self.card
        assert household is not None

        def share() -> bool:
            with household.open(me) as space:
                return space.share_card(me, card)
        self._busy(True)
        self.include.setEnabled(False)
        self.run_work(self, share, self._shared, self.tr("Sharing…"))

    def _shared(self, _added: bool) -> None:
        self._busy(False)
        self.go.setEnabled(False)
        self.status.setText(self.tr("Shared. Your partner can read it on the Us page."))


class ShareCardButton(QPushButton):
    """Hidden until ``offer`` finds a shared space; then "Share with my partner…", or a plain note once shared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Share with my partner…"), parent)
        self.setToolTip(self.tr("See exactly what your partner will read, then share it into your shared space"))
        self.hide()
        self._ctx: ProfileContext | None = None
        self._make: CardMaker | None = None
        self._fuller_make: FullerMaker | None = None
        self._fuller: ShareCard | None = None
        self.dialog: ShareCardDialog | None = None
        self.clicked.connect(self._open)

    def offer(self, ctx: ProfileContext, make: CardMaker, fuller: FullerMaker | None = None) -> None:
        self._ctx, self._make, self._fuller_make, self._fuller = ctx, make, fuller, None
        self.hide()
        card = make()

        def look() -> tuple[bool | None, ShareCard | None]:
            shared = _in_space(ctx, card)
            return shared, (fuller() if fuller is not None and shared is not None else None)
        ctx.ops.query(self, look).success(self._found).run()

    def withdraw(self) -> None:
        self._make = None
        self.hide()

    def _found(self, found: tuple[bool | None, ShareCard | None]) -> None:
        shared, self._fuller = found
        if self._make is None or shared is None:
            self.hide()
            return
        self.setEnabled(not shared)
        self.setText(self.tr("In your shared space") if shared else self.tr("Share with my partner…"))
        self.show()

    def _open(self) -> None:
        if self._ctx is None or self._make is None:
            return
        self.dialog = ShareCardDialog(self._ctx, self._make(), self._fuller, self.window())
        self.dialog.setModal(True)
        ctx, make, fuller = self._ctx, self._make, self._fuller_make
        self.dialog.finished.connect(lambda _r: self.offer(ctx, make, fuller))
        self.dialog.show()
