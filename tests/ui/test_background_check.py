"""The window's full integrity check after unlock (issue 8): a normal open reads only the first page, so damage
further in lets the unlock through, and the check that follows in the background says so above the pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ui_support import PASSPHRASE, unlock

from intimacy_desktop.core.errors import DataCorrupt
from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.services.profiles import ProfileService

PAGE = 4096


def _profile_with_entries(profiles: ProfileService) -> Any:
    created = profiles.create("Ours", PASSPHRASE)
    for i in range(30):
        created.profile.journal.add(EntryFields(title=f"day {i}", body=" ".join(f"w{i}x{j}" for j in range(300)),
                                                entry_date=dt.date(2025, 1, 1) + dt.timedelta(days=i)))
    created.profile.close()
    return created.profile.info.folder


def test_damage_past_the_first_page_is_reported_after_unlock(qtbot, profiles: ProfileService,  # type: ignore[no-untyped-def]
                                                              make_window: Callable[..., Any]) -> None:
    folder = _profile_with_entries(profiles)
    db = folder / "journal.db"
    data = bytearray(db.read_bytes())
    data[(len(data) // PAGE - 3) * PAGE + 77] ^= 0xFF
    db.write_bytes(bytes(data))

    window = make_window()
    unlock(qtbot, window)
    view = window.locks.app_view
    qtbot.waitUntil(lambda: view.error_label.isVisible(), timeout=10_000)
    assert view.error_label.text() == error_text(DataCorrupt("damage_found"))
    assert "cannot be opened" not in view.error_label.text()  # it did open: the words say what the check found


def test_a_healthy_profile_shows_no_message(qtbot, profiles: ProfileService,  # type: ignore[no-untyped-def]
                                            make_window: Callable[..., Any]) -> None:
    _profile_with_entries(profiles)
    window = make_window()
    unlock(qtbot, window)
    view = window.locks.app_view
    qtbot.wait(2_500)  # past the check's start
    qtbot.waitUntil(lambda: not window.locks.ctx.ops.busy, timeout=10_000)
    assert not view.error_label.isVisible()
