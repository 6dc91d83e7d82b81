"""The shell with a page the tests register: the sidebar, the page hooks, change notices, the lock during work."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot
from ui_support import PASSPHRASE, settle, unlock

from intimacy_desktop.app import PAGES
from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.errors import DiskFull
from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.gui.main_window import MainWindow
from intimacy_desktop.gui.shell.context import ProfileContext
from intimacy_desktop.gui.shell.page import Page
from intimacy_desktop.services.profiles import ProfileService

CALLS: list[str] = []


class SamplePage(Page):
    """A page as a later issue would add one: one module, one line in the page list."""

    page_id = "sample"

    def __init__(self, ctx: ProfileContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.seen: list[Changed] = []
        self.label = QLabel()
        QVBoxLayout(self).addWidget(self.label)
        ctx.changes.changed.connect(self.seen.append)

    def title(self) -> str:
        return "Sample"

    def shown(self) -> None:
        CALLS.append("shown")
        self.label.setFocus()

    def flush(self) -> None:
        CALLS.append("flush")

    def wipe(self) -> None:
        CALLS.append("wipe")
        self.label.clear()


@pytest.fixture
def window(qtbot: QtBot, existing_profile: ProfileService) -> MainWindow:
    CALLS.clear()
    w = MainWindow(existing_profile, pages=[*PAGES, SamplePage])
    qtbot.addWidget(w)
    w.show()
    unlock(qtbot, w)
    return w


def _nav_titles(w: MainWindow) -> list[str]:
    view = w.locks.app_view
    assert view is not None
    return [view.nav.item(i).text() for i in range(view.nav.count())]


def test_a_registered_page_gets_a_sidebar_row_and_its_hooks(qtbot: QtBot, window: MainWindow) -> None:
    assert _nav_titles(window) == ["Today", "Emotional", "Physical & sexual", "Intellectual", "Digital",
                                   "Conversation", "Exercises", "Journal", "Us", "Insights", "Settings", "Sample"]
    page = window.show_page("sample")
    assert isinstance(page, SamplePage)
    assert page.accessibleName() == "Sample"
    assert CALLS == ["shown"]
    window.lock()
    assert CALLS == ["shown", "flush", "wipe"]  # flushed before it was wiped, both before the vault closed
    assert window.profile is None


def test_ctrl_and_a_number_opens_that_page_of_the_sidebar(qtbot: QtBot, window: MainWindow) -> None:
    view = window.locks.app_view
    assert view is not None
    for number, page_id in ((7, "exercises"), (9, "us"), (1, "today")):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        current = view.current_page()
        assert current is not None and current.page_id == page_id
    assert view.nav.item(6).toolTip() == "Exercises (Ctrl+7)"


def test_every_page_of_the_app_names_itself_in_words() -> None:
    """The base class falls back to the page id; a page in the sidebar must say its own, translated title."""
    from intimacy_desktop.gui.shell.page import resolve

    for factory in resolve(PAGES):
        assert isinstance(factory, type) and issubclass(factory, Page)
        assert factory.title is not Page.title, f"{factory.__name__} gives no title of its own"
        assert factory.page_id, f"{factory.__name__} has no page_id"


def test_every_write_is_announced_to_every_page(qtbot: QtBot, window: MainWindow) -> None:
    page = window.page("sample")
    assert isinstance(page, SamplePage)
    assert window.profile is not None
    window.profile.journal.add(EntryFields(title="Tea on the balcony"))
    assert page.seen and page.seen[-1] & Changed.ENTRIES
    today: Any = window.page("today")
    assert today is not None
    settle(qtbot, window)
    assert today.count_label.text() == "You have written your first entry."  # Today was never navigated to


def test_entries_written_elsewhere_appear_without_a_restart(
    qtbot: QtBot, window: MainWindow, existing_profile: ProfileService
) -> None:
    journal_page: Any = window.show_page("journal")
    settle(qtbot, window)
    assert journal_page.model.total == 0
    # another process (the CLI) opens the same profile with its own connections and writes
    other = existing_profile.unlock(existing_profile.list_profiles()[0], PASSPHRASE)
    other.journal.add(EntryFields(title="Written from the terminal"))
    other.close()
    qtbot.waitUntil(lambda: journal_page.model.total == 1, timeout=6_000)  # within a few seconds, no focus needed
    assert journal_page.model.data(journal_page.model.index(0)) == "Written from the terminal"


def test_entries_written_elsewhere_appear_when_the_window_gains_focus(
    qtbot: QtBot, window: MainWindow, existing_profile: ProfileService
) -> None:
    window._foreign_poll.stop()  # only the focus may tell it now
    journal_page: Any = window.show_page("journal")
    settle(qtbot, window)
    other = existing_profile.unlock(existing_profile.list_profiles()[0], PASSPHRASE)
    other.journal.add(EntryFields(title="Written while the window was in the background"))
    other.close()
    qtbot.wait(200)
    assert journal_page.model.total == 0
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3_000)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    settle(qtbot, window)
    assert journal_page.model.total == 1


def test_lock_during_a_slow_operation_waits_and_delivers_nothing_after(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.page("sample")
    assert isinstance(page, SamplePage) and window.profile is not None
    profile, journal, ops = window.profile, window.profile.journal, page.ctx.ops
    started = threading.Event()
    delivered: list[str] = []

    def slow_write() -> str:
        started.set()
        time.sleep(0.4)
        journal.add(EntryFields(title="Saved while locking"))
        return "write"

    def slow_read() -> str:
        return "read"

    ops.op(page, slow_write).success(delivered.append).run()
    ops.query(page, slow_read).success(delivered.append).run()
    assert started.wait(2)
    window.lock()
    assert window.stack.currentWidget() is window.locks.locking_page  # content hidden at once
    assert profile.is_open  # the write is still running: the vault stays open for it
    qtbot.waitUntil(lambda: window.profile is None, timeout=5_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not profile.is_open
    assert delivered == ["write"]  # the queued read never ran
    assert window.stack.currentWidget() is window.unlock_page
    qtbot.wait(100)
    assert delivered == ["write"]
    # the database closed cleanly: it opens and holds the entry written during the lock
    again = window.locks._profiles.unlock(window.locks._profiles.list_profiles()[0], PASSPHRASE)
    assert [s.title for s in again.journal.summaries()] == ["Saved while locking"]
    again.close()


def test_a_draft_that_cannot_be_saved_at_the_lock_is_said_on_the_unlock_screen(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_page: Any = window.show_page("journal")
    assert window.profile is not None

    def full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(window.profile.journal, "save_draft", full)
    qtbot.keyClicks(journal_page.editor.ui.bodyEdit, "the last words before the lock")
    window.lock()
    label = window.unlock_page.ui.errorLabel
    assert label.isVisibleTo(window)
    assert "could not be saved" in label.text() and DiskFull().message in label.text()


def test_quit_is_in_the_menu_with_ctrl_q_and_locks_first(qtbot: QtBot, window: MainWindow) -> None:
    profile = window.profile
    assert profile is not None
    quit_action = window.quit_action
    assert quit_action.shortcut().toString() == "Ctrl+Q"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Help"]
    file_menu: Any = window.menuBar().actions()[0].menu()
    assert quit_action in file_menu.actions()
    quit_action.trigger()
    assert not window.isVisible()
    assert not profile.is_open


def test_page_shortcuts_work_after_choosing_the_page_in_the_sidebar(qtbot: QtBot, window: MainWindow) -> None:
    """Defect 2: after a click in the sidebar, Ctrl+N did nothing and typed text went nowhere."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3_000)
    view = window.locks.app_view
    assert view is not None
    journal_page: Any = window.page("journal")
    rect = view.nav.visualItemRect(view.nav.item(view.pages.index(journal_page)))
    qtbot.mouseClick(view.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_page() is window.page("journal")
    focus = QApplication.focusWidget()
    assert focus is journal_page.editor.ui.titleEdit  # showing the page put the focus where typing belongs
    view.nav.setFocus()  # and even with the focus back in the sidebar, the page's keys work
    qtbot.keyClick(view.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is journal_page.filters.search
    focused: Any = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    assert focused is journal_page.editor.ui.titleEdit
    qtbot.keyClicks(focused, "A title that is not lost")
    assert journal_page.editor.ui.titleEdit.text() == "A title that is not lost"


def test_journal_keys_work_from_any_page(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+N and Ctrl+F on Today (where the window opens) bring the journal, ready for typing."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3_000)
    today: Any = window.show_page("today")
    journal_page: Any = window.page("journal")
    qtbot.keyClick(today.write_button, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is journal_page.filters.search
    window.show_page("sample")
    focused: Any = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view = window.locks.app_view
    assert view is not None and view.current_page() is window.page("journal")
    assert journal_page.editor.entry_id is None
    assert QApplication.focusWidget() is journal_page.editor.ui.titleEdit


def test_arrow_keys_walk_the_sidebar_without_leaving_it(qtbot: QtBot, window: MainWindow) -> None:
    view = window.locks.app_view
    assert view is not None
    view.nav.setCurrentRow(0)
    view.nav.setFocus()
    qtbot.keyClick(view.nav, Qt.Key.Key_Down)
    assert view.current_page() is view.pages[1]  # the next page down (the emotional layer)
    assert QApplication.focusWidget() is view.nav


def test_today_write_button_opens_a_new_journal_entry(qtbot: QtBot, window: MainWindow) -> None:
    today: Any = window.show_page("today")
    qtbot.mouseClick(today.write_button, Qt.MouseButton.LeftButton)
    journal_page: Any = window.page("journal")
    view = window.locks.app_view
    assert view is not None and view.current_page() is window.page("journal")
    assert journal_page.editor.entry_id is None
    assert QApplication.focusWidget() is journal_page.editor.ui.titleEdit

