"""The frozen program's entry point: the same `intimacy-desktop` command as the pip-installed one.

A windowed build (Windows, macOS) has no console: ``sys.stdout`` and ``sys.stderr`` are None there, and a message
written to them would crash the app, so they go nowhere instead.
"""

import os
import sys

from intimacy_desktop.cli import main

if __name__ == "__main__":
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app
    sys.exit(main())
