"""The authored content (prompts, layers, exercises: about 80 ms to read and check) is read once per process on the
unlock's worker thread, so the pages built right after it never pay for it on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from ui_support import unlock

from intimacy_desktop.services import practice, prompts
from intimacy_desktop.services.profiles import ProfileService


def test_unlocking_reads_the_content_off_the_gui_thread(
    qtbot: QtBot, make_window: Callable[..., Any], existing_profile: ProfileService, monkeypatch: pytest.MonkeyPatch
) -> None:
    readers: list[str] = []
    from intimacy_desktop.core.content_loader import load_content as real_content
    from intimacy_desktop.core.practice_loader import load_practice as real_practice

    def content(lang: str = "en") -> Any:
        readers.append(f"content:{threading.current_thread() is threading.main_thread()}")
        return real_content(lang)

    def practice_files(lang: str = "en") -> Any:
        readers.append(f"practice:{threading.current_thread() is threading.main_thread()}")
        return real_practice(lang)

    monkeypatch.setattr(prompts, "load_content", content)
    monkeypatch.setattr(practice, "load_practice", practice_files)
    prompts.shared_content.cache_clear()
    practice.shared_practice.cache_clear()
    try:
        window = make_window()
        unlock(qtbot, window)
        assert window.page("layer-emotional") is not None and window.page("exercises") is not None
        assert sorted(readers) == ["content:False", "practice:False"]  # each once, neither on the GUI thread
    finally:
        prompts.shared_content.cache_clear()
        practice.shared_practice.cache_clear()
