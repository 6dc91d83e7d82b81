"""Leak scan through the GUI: write, autosave, search, copy, lock, close; then look for the words on disk."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QDir, QSettings, Qt
from ui_support import open_journal

CANARIES = ("quillowbramblefinch", "Ostrogoth-Teapot-5521", "ÿsolde-krümelmonster")
SKIP_BIGGER_THAN = 64 * 1024 * 1024


def _hits(root: Path) -> list[str]:
    found: list[str] = []
    files = [root] if root.is_file() else root.rglob("*")
    for path in files:
        try:
            if not path.is_file() or path.is_symlink() or path.stat().st_size > SKIP_BIGGER_THAN:
                continue
            data = path.read_bytes()
        except OSError:
            continue  # sockets, vanished temp files, files of other users
        for word in CANARIES:
            for enc in (word.encode("utf-8"), word.encode("utf-16-le"), word.encode("utf-16-be")):
                if enc in data:
                    found.append(f"{path}: {word}")
    return found


def test_no_canary_on_disk_after_using_the_window(  # type: ignore[no-untyped-def]
    qtbot, make_window, existing_profile, data_dir, tmp_path, monkeypatch
) -> None:
    # A temp folder of this test's own, for Python (tempfile) and Qt (QDir.tempPath reads TMPDIR), so the scan
    # sees exactly what the app wrote there and nothing of other programs.
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    assert Path(QDir.tempPath()) == private_tmp
    w, page = open_journal(qtbot, make_window)
    ed = page.editor.ui
    page.new_entry()
    qtbot.keyClicks(ed.titleEdit, f"About {CANARIES[0]}")
    qtbot.keyClicks(ed.bodyEdit, f"{CANARIES[1]} ")
    ed.bodyEdit.insertPlainText(f"{CANARIES[1]} and {CANARIES[2]} " * 20)  # as pasted: QTest types ASCII only
    qtbot.keyClicks(ed.tagsEdit, CANARIES[0])
    journal = w.profile.journal
    qtbot.waitUntil(lambda: len(journal.drafts()) == 1, timeout=5_000)  # the autosave ran
    qtbot.keyClick(ed.bodyEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert journal.count() == 1
    qtbot.keyClicks(page.filters.search, CANARIES[0][:6])
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=3_000)
    ed.bodyEdit.selectAll()
    ed.bodyEdit.copy()
    w.lock()
    w.close()

    settings_file = Path(
        QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "IntimacyDesktop", "IntimacyDesktop")
        .fileName()
    )
    assert settings_file.exists()  # the window did write its geometry there: the scan looks at a real file
    for root in (data_dir, private_tmp, settings_file):
        assert _hits(root) == [], root
