"""The app's icon, from the PNGs scripts/build_ui.py renders out of resources/icons/intimacy-desktop.svg.

PNGs rather than the SVG: drawing them needs no QtSvg at start-up, and the same files ship in the wheel and in
the frozen bundle (package data, found through intimacy_desktop.resources).
"""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

from intimacy_desktop import resources

WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """Every rendered size, so the window manager and task bar pick a sharp one; empty if none was built."""
    icon = QIcon()
    for size in WINDOW_SIZES:
        path = resources.icon_path(f"intimacy-desktop-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon


def app_pixmap(size: int) -> QPixmap:
    return app_icon().pixmap(size, size)
