"""The layer pages and the card view at the window's minimum size (900x620) and its default size, light and dark:
every button shows its whole text, and no word-wrapped label is given less height than its text needs."""

from __future__ import annotations

from typing import Any

import pytest
from looks_support import OFFSCREEN_LIMITS, clipped_labels, cut_texts, settle_layouts, themed
from pytestqt.qtbot import QtBot
from ui_support import settle, unlock

from intimacy_desktop.core.content import Depth
from intimacy_desktop.core.layers import LAYERS

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
SIZES = pytest.mark.parametrize("size", [(900, 620), (1200, 780)], ids=["minimum", "default"])
THEMES = pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])


@SIZES
@THEMES
def test_layer_pages_and_the_card_view_keep_their_text_whole(
    qtbot: QtBot, make_window: Any, existing_profile: Any, size: tuple[int, int], dark: bool
) -> None:
    with themed(dark):
        window = make_window()
        unlock(qtbot, window)
        window.resize(*size)
        for layer in LAYERS:
            page: Any = window.show_page(f"layer-{layer.value}")
            settle(qtbot, window)
            settle_layouts()
            assert cut_texts(window) == [], layer
            assert clipped_labels(page) == [], layer
        page = window.show_page("layer-emotional", "deck:light")
        settle(qtbot, window)
        settle_layouts()
        assert page.in_card_view()
        assert cut_texts(window) == []
        assert clipped_labels(page) == []
        page.card_view.show_undo(True)
        settle_layouts()
        assert cut_texts(window) == []
        assert page.visit.deck is not None and page.visit.deck.depth is Depth.LIGHT
