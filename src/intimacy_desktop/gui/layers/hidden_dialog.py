"""The cards of one deck set aside as "not for us", each with a way to bring it back.

Small and modal: it lists what this profile chose to hide, reads and writes through the profile's operations, and
closes at the lock like every question the window asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.content import Depth, Prompt
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.layers.labels import depth_name

if TYPE_CHECKING:
    from intimacy_desktop.core.errors import AppError
    from intimacy_desktop.gui.shell.context import ProfileContext

PromptRole = Qt.ItemDataRole.UserRole


class HiddenCardsDialog(QDialog):
    def __init__(self, ctx: ProfileContext, layer: Layer, depth: Depth, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.layer = layer
        self.deck_depth = depth  # not "depth": QWidget.depth() is the colour depth
        self.setWindowTitle(self.tr("Not for us: %1 cards").replace("%1", depth_name(depth)))
        self.resize(560, 420)
        intro = QLabel(self.tr("These cards will not come up again until you bring them back."))
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Cards set aside"))
        self.empty_label = QLabel(self.tr("No card of this deck is set aside."))
        self.empty_label.setProperty("role", "muted")
        self.empty_label.hide()
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.restore_button = QPushButton(self.tr("Bring back"))
        self.restore_button.setProperty("role", "primary")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(lambda *_: self.restore_button.setEnabled(self._selected() is not None))
        self.list.itemActivated.connect(lambda _item: self.restore_selected())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 18, 18, 14)
        lay.setSpacing(10)
        lay.addWidget(intro)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.empty_label)
        lay.addWidget(self.error_label)
        lay.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        prompts, layer, depth = self._ctx.prompts, self.layer, self.deck_depth
        self._ctx.ops.query(self, lambda: [p for p in prompts.hidden(layer) if p.depth is depth]) \
            .success(self._show).failure(self._failed).run()

    def _show(self, hidden: list[Prompt]) -> None:
        self.list.clear()
        for prompt in hidden:
            item = QListWidgetItem(prompt.text)
            item.setData(PromptRole, prompt.id)
            self.list.addItem(item)
        self.empty_label.setVisible(not hidden)
        if hidden:
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(PromptRole)) if item is not None else None

    def restore_selected(self) -> None:
        prompt_id = self._selected()
        if prompt_id is None:
            return
        prompts = self._ctx.prompts
        self._ctx.ops.op(self, lambda: prompts.restore(prompt_id)).success(lambda _: self.refresh()) \
            .failure(self._failed).run()

    def _failed(self, error: AppError) -> None:
        self.error_label.setText(error_text(error))
        self.error_label.show()
