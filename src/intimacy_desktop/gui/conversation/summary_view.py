"""After a conversation: how long it was against the plan, finished or ended early, the cards it used, one tap for
how it felt, and a note that goes into the encrypted journal. All optional; "Done" goes back to the start."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from intimacy_desktop.gui.conversation.labels import feelings, length_text
from intimacy_desktop.gui.practice.column_area import ColumnArea
from intimacy_desktop.gui.practice.item_row import text_label

WIDEST = 680


class SummaryView(ColumnArea):
    rated = Signal(object)  # int 1..5, or None to take the rating back
    note_saved = Signal(str)
    more_requested = Signal()
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(WIDEST, parent)
        col = QVBoxLayout(self.column)
        col.setSpacing(12)
        self.title_label = text_label("", "headline")
        self.length_label = text_label("", "section")
        self.cards_label = text_label("", "muted")
        col.addWidget(self.title_label)
        col.addWidget(self.length_label)
        col.addWidget(self.cards_label)
        col.addWidget(text_label(self.tr("How did it feel? One tap, if you like."), "section"))
        self.feelings = QButtonGroup(self)
        self.feelings.setExclusive(False)
        row = QHBoxLayout()
        for value, word in enumerate(feelings(), start=1):
            b = QPushButton(word)
            b.setCheckable(True)
            b.setToolTip(self.tr("It felt %1 (%2)").replace("%1", word.lower()).replace("%2", str(value)))
            self.feelings.addButton(b, value)
            row.addWidget(b)
        row.addStretch(1)
        self.feelings.idClicked.connect(self._feeling_clicked)
        col.addLayout(row)
        col.addWidget(text_label(self.tr("A note for your journal"), "section"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("A note about the conversation"))
        self.note_edit.setPlaceholderText(self.tr("What stayed with you? Saved encrypted, only if you save it."))
        self.note_edit.setMinimumHeight(110)
        self.note_edit.setTabChangesFocus(True)
        col.addWidget(self.note_edit)
        self.saved_label = text_label("", "notice")
        self.saved_label.hide()
        col.addWidget(self.saved_label)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save to journal"))
        self.save_button.setToolTip(self.tr("Save the note in your journal (Ctrl+S)"))
        self.save_button.clicked.connect(self._save)
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setProperty("role", "primary")
        self.done_button.setToolTip(self.tr("Back to the start (Esc)"))
        self.done_button.clicked.connect(self.done)
        self.more_button = QPushButton(self.tr("Five more minutes"))
        self.more_button.setToolTip(self.tr("Go on talking; the log follows (+)"))
        self.more_button.clicked.connect(self.more_requested)
        from intimacy_desktop.gui.us_page.share_card import ShareCardButton

        self.share = ShareCardButton()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.share)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        col.addLayout(buttons)
        col.addStretch(1)
        self.place_column(top=32)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save)
        for value in range(1, 6):
            key = QShortcut(QKeySequence(f"Alt+{value}"), self)
            key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(lambda v=value: self._feeling_clicked(v, toggle=True))

    def show_summary(self, *, completed: bool, actual_s: float, planned_s: float, cards: Sequence[str],
                     rating: int | None) -> None:
        self.title_label.setText(self.tr("Time is up. Thank you for the time together.") if completed else
                                 self.tr("Ended early, and that is fine. Time together still counts."))
        self.length_label.setText(self.tr("%1 of %2 planned, device-free").replace(
            "%1", length_text(actual_s)).replace("%2", length_text(planned_s)))
        self.cards_label.setText(self.tr("Cards you used:") + "\n" + "\n".join(f"· {c}" for c in cards)
                                 if cards else self.tr("No cards this time."))
        self.set_rating(rating)
        self.more_button.setVisible(completed)
        self.note_edit.clear()
        self.saved_label.hide()

    def rating(self) -> int | None:
        return next((v for v in range(1, 6) if self.feelings.button(v).isChecked()), None)

    def set_rating(self, rating: int | None) -> None:
        for value in range(1, 6):
            self.feelings.button(value).setChecked(value == rating)

    def _feeling_clicked(self, value: int, toggle: bool = False) -> None:
        button = self.feelings.button(value)
        if toggle:
            button.setChecked(not button.isChecked())
        on = button.isChecked()
        self.set_rating(value if on else None)
        self.rated.emit(value if on else None)

    def _save(self) -> None:
        text = self.note_edit.toPlainText()
        if text.strip():
            self.note_saved.emit(text)

    def show_saved(self) -> None:
        self.saved_label.setText(self.tr("Saved in your journal. Saving again updates the same entry."))
        self.saved_label.show()

    def focus(self) -> None:
        self.done_button.setFocus()

    def forget(self) -> None:
        self.note_edit.clear()
        self.cards_label.clear()
