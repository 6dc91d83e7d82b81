"""One entry of the library: title, a one-line summary, a quiet line of facts and the buttons that act on it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def text_label(text: str = "", role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class ItemRow(QFrame):
    """``actions``: (button text, accessible name, what it does); the first is the row's main action."""

    def __init__(self, title: str, summary: str, meta: str, actions: Sequence[tuple[str, str, Callable[[], None]]],
                 *, status: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.item_title = title
        self.title_label = text_label(title, "section")
        self.summary_label = text_label(summary)
        self.meta_label = text_label(meta, "muted")
        self.status_label = text_label(status, "notice")
        self.buttons: list[QPushButton] = []
        texts = QVBoxLayout()
        texts.setSpacing(4)
        for w in (self.title_label, self.summary_label, self.meta_label, self.status_label):
            texts.addWidget(w)
        side = QVBoxLayout()
        side.setSpacing(6)
        for i, (text, name, slot) in enumerate(actions):
            button = QPushButton(text)
            button.setAccessibleName(name)
            if i == 0:
                button.setProperty("role", "primary")
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.buttons.append(button)
            side.addWidget(button)
        side.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(20, 14, 20, 16)
        lay.setSpacing(16)
        lay.addLayout(texts, 1)
        lay.addLayout(side)
        self.status_label.setVisible(bool(status))  # once it has a parent: before, it would be a window of its own

    def forget(self) -> None:
        for label in (self.title_label, self.summary_label, self.meta_label, self.status_label):
            label.clear()


def discard(widgets: Sequence[QWidget], fallback: QWidget) -> None:
    """Hide and delete ``widgets``; if one of them holds the keyboard focus, ``fallback`` takes it first (a focus
    widget deleted under the window's feet leaves the window without focus, and on some platforms inactive)."""
    focused = QApplication.focusWidget()
    if focused is not None and any(w is focused or w.isAncestorOf(focused) for w in widgets):
        fallback.setFocus(Qt.FocusReason.OtherFocusReason)
    for w in widgets:
        w.hide()
        for shown in (w, *w.findChildren(QLabel), *w.findChildren(QAbstractButton)):
            if isinstance(shown, QLabel | QAbstractButton):
                shown.setText("")  # gone at once, not when the deferred deletion comes round
        w.deleteLater()


def fit_column(column: QWidget, room: int, widest: int) -> None:
    """Give a centred column its width outright, as wide as the room allows up to ``widest``: a scroll area asks
    its page for the height at the row's width, and a column narrower than the row (a wide window) would get the
    height of text wrapped at the wider width, and lose its last lines."""
    width = max(200, min(widest, room))
    if column.width() != width or column.minimumWidth() != width:
        column.setFixedWidth(width)


def refit(area: QScrollArea) -> None:
    """After the page of a scroll area changed its content: give it the height its text needs at its width. The
    area asks only when it is resized, so a page whose rows changed would keep the old height and squeeze them."""

    def fit() -> None:
        if not shiboken6.isValid(area):
            return
        page = area.widget()
        if page is not None:
            # the height its wrapped text needs at its width, and never less than its hint: a form's fields
            # (a QFormLayout's rows) are not counted by height-for-width and would be squeezed to nothing
            need = max(page.heightForWidth(page.width()), page.sizeHint().height())
            if need > page.height():
                page.resize(page.width(), need)

    QTimer.singleShot(0, fit)


class _Refitter(QObject):
    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            refit(self._area)
        return False


def follow_content(area: QScrollArea, page: QWidget | None = None) -> None:
    """For a scroll area whose page fills in later (read off the GUI thread): whenever ``page`` (the area's own
    page by default) asks for room, give the area's page the height its text now needs."""
    watched = page or area.widget()
    assert watched is not None
    watched.installEventFilter(_Refitter(area))


def scrolling(face: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(face)
    return area
