"""The app's icon, from the PNGs scripts/build_ui.py renders out of resources/icons/intimacy-desktop.svg.

PNGs rather than the SVG: drawing them needs no QtSvg at start-up, and the same files ship in the wheel and in
the frozen bundle (as package data next to this module).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon, QPixmap

ICON_DIR = Path(__file__).resolve().parent / "_generated" / "icons"
WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """Every rendered size, so the window manager and task bar pick a sharp one; empty if none was built."""
    icon = QIcon()
    for size in WINDOW_SIZES:
        path = ICON_DIR / f"intimacy-desktop-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon


def app_pixmap(size: int) -> QPixmap:
    return app_icon().pixmap(size, size)
