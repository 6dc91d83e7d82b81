"""The four layer pages against a real (fast-KDF) vault: what each shows, the card view by keyboard, the closed
decks, the glossary, Today's card and the lock wiping every card's text."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from ui_support import settle, unlock

from intimacy_desktop.core.content import Depth, Prompt
from intimacy_desktop.core.journal import Kind
from intimacy_desktop.core.layers import LAYERS, Layer
from intimacy_desktop.gui.journal.labels import layer_name as page_title
from intimacy_desktop.gui.main_window import MainWindow
from intimacy_desktop.services.prompts import shared_content

CONTENT = shared_content()
KEY = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, make_window: Any, existing_profile: Any) -> MainWindow:
    w: MainWindow = make_window()
    unlock(qtbot, w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3_000)  # page shortcuts need an active window
    return w


def _from_sidebar(qtbot: QtBot, window: MainWindow, layer: Layer) -> Any:
    view = window.locks.app_view
    assert view is not None
    page = window.page(f"layer-{layer.value}")
    assert page is not None
    rect = view.nav.visualItemRect(view.nav.item(view.pages.index(page)))
    qtbot.mouseClick(view.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, window)
    assert view.current_page() is page
    return page


NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """A key where the focus is, as a person would press it, then wait for the writes and reads it started."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)
    settle(qtbot, window)


def _open_deck_by_keyboard(qtbot: QtBot, window: MainWindow, page: Any, depth: Depth) -> Prompt:
    button = page.overview.decks.rows[depth].open_button
    button.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    assert page.in_card_view()
    current = page.visit.current
    assert current is not None and current.depth is depth and current.layer is page.layer
    assert page.card_view.prompt_label.text() == current.text
    shown: Prompt = current
    return shown


def _plain(label: QLabel) -> str:
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText()


@pytest.mark.parametrize("layer", LAYERS, ids=[layer.value for layer in LAYERS])
def test_each_layer_page_opens_from_the_sidebar_with_its_definition_figures_and_decks(
    qtbot: QtBot, window: MainWindow, layer: Layer
) -> None:
    page = _from_sidebar(qtbot, window, layer)
    text = CONTENT.layers[layer]
    assert page.accessibleName() == page.title()
    assert page.overview.name_label.text() == text.name
    shown = " ".join(_plain(page.overview.definition_label).split())
    assert shown == " ".join(text.definition.split())
    assert list(page.overview.figure_values()) == [f.value for f in text.figures]
    for card, figure in zip(page.overview.figures.cards, text.figures, strict=True):
        assert card.source_label.text() == f"Source: {figure.source}"
        assert card.note_label.isVisibleTo(page) == bool(figure.note)
    tables = [t for t in CONTENT.tables if t.layer is layer]
    assert [t.table.title for t in page.overview.tables] == [t.title for t in tables]
    for depth in (Depth.LIGHT, Depth.DEEPER):
        row = page.overview.decks.rows[depth]
        assert row.count_label.text() == "40 of 40 left in this round"
        assert row.open_button.isEnabled()
    assert not page.overview.decks.rows[Depth.DEEPEST].open_button.isEnabled()  # nothing lighter used yet
    chips = list(page.overview.term_buttons)
    assert chips and all(term_id in CONTENT.glossary for term_id in chips)


def test_the_known_figures_are_on_their_pages(qtbot: QtBot, window: MainWindow) -> None:
    assert "82%" in _from_sidebar(qtbot, window, Layer.PHYSICAL).overview.figure_values()
    assert "63%" in _from_sidebar(qtbot, window, Layer.EMOTIONAL).overview.figure_values()
    digital = _from_sidebar(qtbot, window, Layer.DIGITAL)
    [table] = digital.overview.tables
    assert [cell.text() for cell in table.cells[2]] == ["Device-free conversation", "0.6 hours", "81%"]
    assert table.note_label.text().startswith("Original analysis")


def test_right_skips_and_the_skipped_card_is_not_offered_first_after_a_lock(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _from_sidebar(qtbot, window, Layer.EMOTIONAL)
    first = _open_deck_by_keyboard(qtbot, window, page, Depth.LIGHT)
    assert page.card_view.position_label.text() == "40 of 40 left"
    assert not page.card_view.previous_button.isEnabled()
    _press(qtbot, window, KEY.Key_Right)
    second = page.visit.current
    assert second is not None and second.id != first.id
    assert page.card_view.prompt_label.text() == second.text
    assert page.card_view.position_label.text() == "39 of 40 left"
    _press(qtbot, window, KEY.Key_N)  # N does the same
    third = page.visit.current
    assert third is not None and third.id not in {first.id, second.id}
    _press(qtbot, window, KEY.Key_Left)  # back to the card shown before: it stays skipped
    assert page.visit.current == second
    _press(qtbot, window, KEY.Key_P)
    assert page.visit.current == first
    assert not page.card_view.previous_button.isEnabled()
    assert window.profile is not None
    left = [p.id for p in window.profile.prompts.deck(Layer.EMOTIONAL, Depth.LIGHT).left]
    assert first.id not in left and second.id not in left
    window.lock()
    unlock(qtbot, window)
    again: Any = window.show_page("layer-emotional", "deck:light")
    settle(qtbot, window)
    assert again is not None and again.visit.current is not None
    assert again.visit.current.id not in {first.id, second.id}
    assert again.visit.current.id == third.id  # the round goes on where it was


def test_return_answers_f_favourites_and_both_are_kept(qtbot: QtBot, window: MainWindow) -> None:
    page = _from_sidebar(qtbot, window, Layer.INTELLECTUAL)
    card = _open_deck_by_keyboard(qtbot, window, page, Depth.LIGHT)
    _press(qtbot, window, KEY.Key_F)
    assert page.card_view.favourite_button.isChecked()
    assert page.card_view.favourite_button.text() == "★ Favourite"
    _press(qtbot, window, KEY.Key_Return)
    assert page.visit.current is not None and page.visit.current.id != card.id
    window.lock()
    unlock(qtbot, window)
    assert window.profile is not None
    mark = window.profile.prompts.mark(card.id)
    assert mark.favourite and mark.used_at is not None
    again = _from_sidebar(qtbot, window, Layer.INTELLECTUAL)
    activity = again.overview.activity
    assert activity.week_label.text() == "You talked about one card of this layer this week."
    assert [label.accessibleName() for label in activity.favourite_links] == [card.text]
    activity.favourite_links[0].linkActivated.emit(f"card:{card.id}")  # what a click on the link sends
    settle(qtbot, window)
    assert again.in_card_view() and again.visit.current == card
    assert again.card_view.favourite_button.isChecked()
    _press(qtbot, window, KEY.Key_F)  # F again: no longer a favourite
    assert not again.card_view.favourite_button.isChecked()
    assert not window.profile.prompts.mark(card.id).favourite


def test_h_hides_the_card_and_ctrl_z_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    page = _from_sidebar(qtbot, window, Layer.DIGITAL)
    card = _open_deck_by_keyboard(qtbot, window, page, Depth.LIGHT)
    prompts = window.profile.prompts  # type: ignore[union-attr]
    _press(qtbot, window, KEY.Key_H)
    assert prompts.mark(card.id).hidden
    assert page.visit.current is not None and page.visit.current.id != card.id
    assert page.card_view.undo_bar.isVisibleTo(page)
    assert page.card_view.position_label.text() == "39 of 40 left"
    _press(qtbot, window, KEY.Key_Z, CTRL)
    assert not prompts.mark(card.id).hidden
    assert page.visit.current == card
    assert not page.card_view.undo_bar.isVisibleTo(page)
    _press(qtbot, window, KEY.Key_Delete)  # Delete hides too; this time it stays hidden
    assert prompts.mark(card.id).hidden
    _press(qtbot, window, KEY.Key_Escape)
    assert not page.in_card_view()
    row = page.overview.decks.rows[Depth.LIGHT]
    assert row.count_label.text() == "39 of 40 left in this round"
    assert row.hidden_button.isVisibleTo(page) and row.hidden_button.text().startswith("1 not for us")


def test_escape_goes_back_to_the_overview(qtbot: QtBot, window: MainWindow) -> None:
    page = _from_sidebar(qtbot, window, Layer.EMOTIONAL)
    _open_deck_by_keyboard(qtbot, window, page, Depth.DEEPER)
    _press(qtbot, window, KEY.Key_Escape)
    assert not page.in_card_view()
    assert page.overview.isAncestorOf(QApplication.focusWidget()) or QApplication.focusWidget() is page.overview


def test_ctrl_j_answers_the_card_and_opens_a_journal_entry_about_it(qtbot: QtBot, window: MainWindow) -> None:
    page = _from_sidebar(qtbot, window, Layer.PHYSICAL)
    card = _open_deck_by_keyboard(qtbot, window, page, Depth.LIGHT)
    _press(qtbot, window, KEY.Key_J, CTRL)
    view = window.locks.app_view
    journal: Any = window.page("journal")
    assert view is not None and view.current_page() is window.page("journal")
    ed = journal.editor
    assert ed.entry_id is None and ed.dirty
    fields = ed.fields()
    assert fields.title == card.text and fields.layer is Layer.PHYSICAL and fields.kind is Kind.REFLECTION
    assert QApplication.focusWidget() is ed.ui.bodyEdit
    assert window.profile is not None and window.profile.prompts.mark(card.id).used_at is not None
    qtbot.keyClicks(ed.ui.bodyEdit, "We said more than we expected.")
    qtbot.keyClick(ed.ui.bodyEdit, KEY.Key_S, CTRL)
    settle(qtbot, window)
    [saved] = window.profile.journal.summaries()
    assert saved.title == card.text and saved.layer is Layer.PHYSICAL
    # the layer page lists it among its recent entries, and a click there opens it in the journal
    links = page.overview.activity.entry_links
    assert [label.accessibleName() for label in links] == [card.text]
    journal.new_entry()
    links[0].linkActivated.emit(f"open:{saved.id}")
    assert view.current_page() is window.page("journal") and journal.editor.entry_id == saved.id


def test_the_deepest_deck_waits_for_a_lighter_card(qtbot: QtBot, window: MainWindow) -> None:
    page = _from_sidebar(qtbot, window, Layer.INTELLECTUAL)
    row = page.overview.decks.rows[Depth.DEEPEST]
    assert not row.open_button.isEnabled()
    assert row.closed_label.isVisibleTo(page) and row.closed_label.text().startswith("Opens after your first")
    page.act("deck:deepest")
    settle(qtbot, window)
    assert not page.in_card_view()  # asked for by name, it still does not open
    _open_deck_by_keyboard(qtbot, window, page, Depth.LIGHT)
    _press(qtbot, window, KEY.Key_Return)
    _press(qtbot, window, KEY.Key_Escape)
    assert row.open_button.isEnabled() and not row.closed_label.isVisibleTo(page)
    deepest = _open_deck_by_keyboard(qtbot, window, page, Depth.DEEPEST)
    assert deepest.depth is Depth.DEEPEST


def test_the_physical_deepest_deck_needs_the_opt_in_which_survives_a_lock(qtbot: QtBot, window: MainWindow) -> None:
    page = _from_sidebar(qtbot, window, Layer.PHYSICAL)
    _open_deck_by_keyboard(qtbot, window, page, Depth.LIGHT)
    _press(qtbot, window, KEY.Key_Return)  # a lighter card: the warm-up alone would open it now
    _press(qtbot, window, KEY.Key_Escape)
    row, box = page.overview.decks.rows[Depth.DEEPEST], page.overview.decks.opt_in
    assert box is not None and not box.isChecked()
    assert not row.open_button.isEnabled()
    assert row.closed_label.text() == "These cards stay out of sight until you choose to show them."
    box.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    assert window.profile is not None and window.profile.prompts.physical_deepest_allowed()
    assert row.open_button.isEnabled()
    window.lock()
    unlock(qtbot, window)
    again = _from_sidebar(qtbot, window, Layer.PHYSICAL)
    assert again.overview.decks.opt_in.isChecked()
    assert again.overview.decks.rows[Depth.DEEPEST].open_button.isEnabled()
    assert _open_deck_by_keyboard(qtbot, window, again, Depth.DEEPEST).depth is Depth.DEEPEST
    _press(qtbot, window, KEY.Key_Escape)
    again.overview.decks.opt_in.setFocus()
    _press(qtbot, window, KEY.Key_Space)  # and off again
    assert not window.profile.prompts.physical_deepest_allowed()
    assert not again.overview.decks.rows[Depth.DEEPEST].open_button.isEnabled()
    # the other layers' deepest decks never ask for an opt-in
    assert window.page("layer-emotional").overview.decks.opt_in is None  # type: ignore[union-attr]


def test_the_end_of_a_round_says_so_kindly_and_a_new_round_begins(qtbot: QtBot, window: MainWindow) -> None:
    prompts = window.profile.prompts  # type: ignore[union-attr]
    deck = prompts.deck(Layer.DIGITAL, Depth.DEEPER)
    for prompt in deck.left[:-1]:
        prompts.skip(prompt.id)
    page = _from_sidebar(qtbot, window, Layer.DIGITAL)
    last = _open_deck_by_keyboard(qtbot, window, page, Depth.DEEPER)
    assert last == deck.left[-1]
    assert page.card_view.position_label.text() == "1 of 40 left"
    _press(qtbot, window, KEY.Key_Return)
    assert page.card_view.at_end() and page.visit.current is None
    assert page.card_view.end_label.text() == "You have been through every card in this deck."
    assert page.card_view.end_detail.text() == "They come back in a new order when you continue."
    _press(qtbot, window, KEY.Key_Return)  # Enter: the new round
    assert not page.card_view.at_end() and page.visit.current is not None
    assert page.visit.deck is not None and page.visit.deck.round_no == 2
    assert page.card_view.position_label.text() == "40 of 40 left"


def test_the_glossary_opens_at_the_term_clicked_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    page = _from_sidebar(qtbot, window, Layer.EMOTIONAL)
    page.overview.definition_label.linkActivated.emit("term:emotional-safety")  # a click on the linked words
    dialog = page.glossary
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.current_term() == CONTENT.glossary["emotional-safety"]
    assert dialog.definition_label.text() == CONTENT.glossary["emotional-safety"].definition
    assert "term:emotional-safety" in page.overview.definition_label.text()
    qtbot.mouseClick(page.overview.term_buttons["love-maps"], Qt.MouseButton.LeftButton)
    assert dialog.current_term() == CONTENT.glossary["love-maps"]
    assert dialog.term_label.text() == "Love maps"
    qtbot.keyClicks(dialog.filter_edit, "phub")
    visible = [dialog.list.item(i).text() for i in range(dialog.list.count()) if not dialog.list.item(i).isHidden()]
    assert visible == ["Phubbing"]
    assert dialog.current_term() == CONTENT.glossary["phubbing"]
    dialog.close()
    page.overview.setFocus()
    _press(qtbot, window, KEY.Key_G, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert dialog.isVisible()


def test_todays_card_opens_on_its_layer_page(qtbot: QtBot, window: MainWindow) -> None:
    today: Any = window.show_page("today")
    settle(qtbot, window)
    suggestion = window.profile.prompts.suggestion()  # type: ignore[union-attr]
    assert suggestion is not None
    card = today.suggestion_card
    assert card.isVisibleTo(today)
    assert card.prompt_label.text() == suggestion.prompt.text
    assert card.reason_label.text() == "You have not opened the Emotional layer yet."
    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    page: Any = window.page(f"layer-{suggestion.prompt.layer.value}")
    view = window.locks.app_view
    assert view is not None and view.current_page() is window.page(f"layer-{suggestion.prompt.layer.value}")
    assert page.in_card_view() and page.visit.current == suggestion.prompt
    assert page.card_view.card.hasFocus()
    _press(qtbot, window, KEY.Key_Return)  # talked about: Today moves on to another layer, without navigating
    assert card.suggestion is not None and card.suggestion.prompt.layer is not suggestion.prompt.layer
    assert card.prompt_label.text() == card.suggestion.prompt.text
    assert card.reason_label.text() == f"You have not opened the {page_title(card.suggestion.prompt.layer)} layer yet."


def _shown_prompt_texts(root: Any) -> list[str]:
    """Every label under ``root`` that shows the text of a card, as plain or as rich text."""
    texts = {p.text for p in CONTENT.prompts}
    shown = [(label.text(), _plain(label)) for label in root.findChildren(QLabel)]
    return [raw for raw, plain in shown if any(t in raw or t in plain for t in texts)]


def test_the_lock_leaves_no_card_text_in_the_window(qtbot: QtBot, window: MainWindow) -> None:
    page = _from_sidebar(qtbot, window, Layer.EMOTIONAL)
    card = _open_deck_by_keyboard(qtbot, window, page, Depth.LIGHT)
    _press(qtbot, window, KEY.Key_F)
    _press(qtbot, window, KEY.Key_Right)  # on to the next card: the favourite stays listed on the overview
    window.show_page("today")
    settle(qtbot, window)
    assert card.text in {_plain(label) for label in page.findChildren(QLabel)}  # the favourite link
    assert _shown_prompt_texts(window)
    view = window.locks.app_view
    assert view is not None
    view.wipe_all()  # what the lock runs right before the pages are destroyed
    assert _shown_prompt_texts(window) == []
    window.lock()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.page("layer-emotional") is None
    assert _shown_prompt_texts(window) == []


def test_cards_set_aside_can_be_seen_and_brought_back(qtbot: QtBot, window: MainWindow) -> None:
    from intimacy_desktop.gui.layers.hidden_dialog import HiddenCardsDialog

    prompts = window.profile.prompts  # type: ignore[union-attr]
    card = prompts.deck(Layer.EMOTIONAL, Depth.DEEPER).left[3]
    prompts.hide(card.id)
    page = _from_sidebar(qtbot, window, Layer.EMOTIONAL)
    row = page.overview.decks.rows[Depth.DEEPER]
    qtbot.mouseClick(row.hidden_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    dialog = page.findChild(HiddenCardsDialog)
    assert dialog is not None and dialog.isVisible()
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [card.text]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not prompts.mark(card.id).hidden
    assert dialog.list.count() == 0 and dialog.empty_label.isVisibleTo(dialog)
    assert not row.hidden_button.isVisibleTo(page)
    assert row.count_label.text() == "40 of 40 left in this round"
