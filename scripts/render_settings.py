"""The Settings page for docs/screenshots (scripts/render_screenshots.py calls it): the page, the backup dialog after
a backup, the import preview of a jrnl export, the export dialog, and the first entry page of a PDF export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

JRNL_SAMPLE = {
    "tags": {"@walks": 2},
    "entries": [
        {"title": "Long walk after the rain", "body": "We talked about your sister's visit.", "date": "2023-04-02",
         "time": "18:10", "tags": ["@walks"], "starred": True},
        {"title": "Quiet Sunday", "body": "Pancakes, no phones until noon.", "date": "2023-04-09", "time": "10:30",
         "tags": [], "starred": False},
        {"title": "Planning the summer", "body": "Two weeks by the sea, maybe.", "date": "2023-05-20",
         "time": "21:00", "tags": ["@walks"], "starred": False},
    ],
}


def render_settings(w: Any, shot: Callable[[QWidget, str], None], wait_until: Callable[..., None],
                    folder: Path, out: Path) -> None:
    ctx: Any = w.locks.ctx

    def idle() -> bool:
        return not ctx.ops.busy

    page: Any = w.show_page("settings")
    wait_until(lambda: idle() and not page._loading)
    shot(w, "47-settings")

    page.backup_button.click()
    dialog: Any = page.dialog
    dialog.target.set_path(folder / "intimacy-backup.idbackup")
    dialog.passphrase.setText("a long backup passphrase")
    dialog.repeat.setText("a long backup passphrase")
    dialog.go.click()
    wait_until(lambda: idle() and "checked" in dialog.status.text(), timeout=60)
    _shot_dialog(dialog, shot, "48-backup-written")
    dialog.close()

    sample = folder / "jrnl-export.json"
    sample.write_text(json.dumps(JRNL_SAMPLE), encoding="utf-8")
    page.import_button.click()
    dialog = page.dialog
    dialog.format.setCurrentIndex(dialog.format.findData("jrnl"))
    dialog.source.set_path(sample)
    dialog.go.click()
    wait_until(lambda: idle() and dialog.preview is not None)
    _shot_dialog(dialog, shot, "49-import-preview")
    dialog.close()

    page.export_button.click()
    dialog = page.dialog
    dialog.target.set_path(folder / "journal.pdf")
    _shot_dialog(dialog, shot, "50-export-warning")
    dialog.go.click()
    wait_until(lambda: idle() and (folder / "journal.pdf").exists(), timeout=60)
    dialog.close()
    from intimacy_desktop.gui.export_pdf import render_page_png

    only = __import__("os").environ.get("SCREENSHOTS_ONLY", "")
    if not only or "51" in only.split(","):
        render_page_png(folder / "journal.pdf", 1, out / "51-pdf-page.png", dpi=80)
        print(f"wrote {out.name}/51-pdf-page.png")


def _shot_dialog(dialog: QWidget, shot: Callable[[QWidget, str], None], name: str) -> None:
    dialog.adjustSize()
    QApplication.processEvents()
    shot(dialog, name)


def render_us(w: Any, shot: Callable[[QWidget, str], None], wait_until: Callable[..., None], profiles: Any,
              passphrase: str) -> None:
    """The partner's profile, the shared space made with both present, the sharing preview and the Us page."""
    from intimacy_desktop.core.journal import EntryFilter

    ctx: Any = w.locks.ctx
    partner = profiles.create("Profile 2", passphrase).profile
    ctx.household.create(ctx.profile, partner)
    partner.close()
    page: Any = w.show_page("us")
    wait_until(lambda: not ctx.ops.busy and page.state == "open")
    page.share_button.click()
    wait_until(lambda: not ctx.ops.busy and page.dialog is not None)
    dialog: Any = page.dialog
    titles = {s.title for s in ctx.journal.summaries(EntryFilter(), limit=500)}
    wanted = [t for t in ("Thank-you notes", "Dancing in the kitchen") if t in titles] or sorted(titles)[:2]
    for i in range(dialog.choices.count()):
        item = dialog.choices.item(i)
        if any(t in item.text() for t in wanted):
            item.setCheckState(Qt.CheckState.Checked)
    dialog.go.click()
    wait_until(lambda: not ctx.ops.busy and dialog.previewed is not None)
    _shot_dialog(dialog, shot, "53-sharing-preview")
    dialog.go.click()
    wait_until(lambda: not ctx.ops.busy and "Shared" in dialog.status.text())
    dialog.close()
    wait_until(lambda: not ctx.ops.busy and page.list.count() > 0)
    shot(w, "54-us-page")
    _render_share_card(w, shot)


def _render_share_card(w: Any, shot: Callable[[QWidget, str], None]) -> None:
    """What sharing a conversation shows before anything is shared (the card as the partner will read it)."""
    import datetime as dt

    from intimacy_desktop.core.layers import Layer
    from intimacy_desktop.core.share_cards import conversation_card
    from intimacy_desktop.gui.us_page.share_card import ShareCardDialog

    card = conversation_card(1, dt.date.today(), minutes=24, planned_minutes=20, completed=True,
                             cards=["What is something small I did this week that made you feel cared for?",
                                    "Which of our traditions would you never want to lose?"],
                             felt="close", layer=Layer.EMOTIONAL)
    dialog = ShareCardDialog(w.locks.ctx, card, None, w)
    dialog.resize(620, 440)
    dialog.show()
    _shot_dialog(dialog, shot, "55-share-conversation")
    dialog.close()
