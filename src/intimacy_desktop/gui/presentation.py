"""How the window presents itself: the app's own name and icon, or discreet mode's neutral ones (core/discreet.py).

The choice is a person's setting, kept in their vault; a single bit of it is mirrored in QSettings (gui/settings.py)
so the locked window, before anyone has unlocked, already looks like the last choice made on this computer.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from intimacy_desktop.core.discreet import app_name

_DISCREET_PROPERTY = "intimacyDiscreet"
_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _page(size: int) -> QPixmap:
    """A plain grey page with three ruled lines: the look of any notes app."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.12
    page = QRectF(margin, margin * 0.6, size - 2 * margin, size - 1.2 * margin)
    painter.setPen(QPen(QColor("#6b6f76"), max(1.0, size / 32)))
    painter.setBrush(QColor("#f1f2f4"))
    painter.drawRoundedRect(page, size * 0.08, size * 0.08)
    painter.setPen(QPen(QColor("#9aa0a8"), max(1.0, size / 24)))
    for step in (0.36, 0.54, 0.72):
        y = page.top() + page.height() * step
        painter.drawLine(int(page.left() + page.width() * 0.18), int(y),
                         int(page.right() - page.width() * 0.18), int(y))
    painter.end()
    return pixmap


@cache
def neutral_icon() -> QIcon:
    icon = QIcon()
    for size in _ICON_SIZES:
        icon.addPixmap(_page(size))
    return icon


def is_discreet() -> bool:
    """For windows opened later (the calm view): whether the app is presenting itself neutrally now."""
    app = QApplication.instance()
    return bool(app.property(_DISCREET_PROPERTY)) if app is not None else False


def present(window: QWidget, discreet: bool) -> None:
    """Title, task-bar name (the application's display name, which Qt also puts in dialogs' titles) and icon."""
    from intimacy_desktop.gui.app_icon import app_icon

    name = app_name(discreet)
    icon = neutral_icon() if discreet else app_icon()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setProperty(_DISCREET_PROPERTY, discreet)
        app.setApplicationDisplayName(name)
        app.setWindowIcon(icon)
    window.setWindowTitle(name)
    window.setWindowIcon(icon)
