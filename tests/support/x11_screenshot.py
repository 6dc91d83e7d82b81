"""Save what an X display shows (the whole screen) as PNG, once something other than the empty background is
drawn: ``python x11_screenshot.py OUT.png [TIMEOUT_S]`` with DISPLAY set. Exit 0 when saved, 1 on timeout.

Used by the packaged-app tests to photograph the installed app's real window under Xvfb from outside the app.
"""

from __future__ import annotations

import os
import sys
import time

os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtGui import QGuiApplication, QImage


def distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


def main() -> int:
    out, timeout = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 30.0
    app = QGuiApplication(sys.argv[:1])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        image = app.primaryScreen().grabWindow(0).toImage()
        if distinct_colours(image) > 40:  # an empty Xvfb screen is one colour; a drawn window has many
            time.sleep(1.0)  # let the window finish painting, then take the picture
            app.primaryScreen().grabWindow(0).save(out)
            return 0
        time.sleep(0.25)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
