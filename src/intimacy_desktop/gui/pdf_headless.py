"""The PDF export for the command line: Qt's PDF writer needs a QGuiApplication, and a terminal may have no display.

Only fonts and painting are used, so the offscreen platform serves when no platform was chosen.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from intimacy_desktop.core.errors import DiskFull, UsageError
from intimacy_desktop.core.journal import Entry

NOTICE = "This PDF is not encrypted. Anyone who has the file can read it."


def export_pdf_headless(entries: Sequence[Entry], out: Path, label: str) -> int:
    """Write ``entries`` as a PDF journal at ``out`` (never replacing a file); returns how many entries."""
    from PySide6.QtGui import QGuiApplication

    from intimacy_desktop.gui.export_pdf import write_pdf

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
        app.setApplicationName("Intimacy Desktop")
    if not out.parent.is_dir():
        raise UsageError("export_folder_missing")
    try:
        write_pdf(entries, out, title=f"Journal of {label}", notice=NOTICE)
    except FileExistsError as exc:
        raise UsageError("export_exists", name=out.name) from exc
    except PermissionError as exc:
        raise UsageError("export_not_writable") from exc
    except OSError as exc:
        if exc.errno == 28:
            raise DiskFull() from exc
        raise
    return len(entries)
