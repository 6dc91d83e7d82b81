"""The unlocked side of the window: a sidebar built from the page list, the pages, and where slow work shows.

Nothing here names a page. Page shortcuts are the page's own; the sidebar only moves the keyboard focus into a
page when the person chose it (click or Enter), so arrow keys can still walk the sidebar.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.gui.error_text import error_text
from intimacy_desktop.gui.shell.context import ProfileContext
from intimacy_desktop.gui.shell.page import Page, PageFactory

CHECK_AFTER_MS = 1500  # after unlock, the full integrity check of every page (in the background)


class AppView(QWidget):
    def __init__(
        self,
        ctx: ProfileContext,
        factories: Sequence[PageFactory],
        *,
        on_lock: Callable[[], None],
        on_about: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages: list[Page] = []
        self.stack = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Sections"))
        for factory in factories:
            page = factory(ctx)
            page.setAccessibleName(page.title())
            self.pages.append(page)
            self.stack.addWidget(page)
            self.nav.addItem(page.title())
        self._global_keys()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.clicked.connect(lambda _index: self._focus_current())
        self.nav.activated.connect(lambda _index: self._focus_current())

        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_label.setProperty("role", "muted")
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(6)
        self.progress_bar.setAccessibleName(self.tr("Working"))
        self.error_label = QLabel()
        self.error_label.setObjectName("shellError")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("role", "error")
        self.show_progress(None)
        self.error_label.hide()
        self.notice_label = QLabel()  # a reminder that came while the window was away (no tray to show it)
        self.notice_label.setObjectName("shellNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setProperty("role", "notice")
        self.notice_label.hide()
        ctx.ops.progress.connect(self.show_progress)
        ctx.ops.unhandled_failure.connect(self.show_error)
        self._build(on_lock, on_about)
        first = next((i for i, p in enumerate(self.pages) if p.needs_attention()), 0)
        self.nav.setCurrentRow(first)
        # A normal open checks only the first page (constant time, storage/database.py); the full check of every
        # page runs once per unlock, queued behind the first page's own reads so it never delays them.
        QTimer.singleShot(CHECK_AFTER_MS, self, self._check_integrity)

    def _check_integrity(self) -> None:
        self.ctx.ops.query(self, self.ctx.profile.check_integrity).failure(self.show_error).run()

    def _global_keys(self) -> None:
        """Each page's global keys, live wherever the focus is while the app is unlocked; the first page to claim a
        key keeps it (two shortcuts on one key would make Qt fire neither)."""
        taken: set[str] = set()
        for page in self.pages:
            for key, action in page.global_keys:
                sequence = QKeySequence(key)
                if sequence.isEmpty() or sequence.toString() in taken:
                    continue
                taken.add(sequence.toString())
                shortcut = QShortcut(sequence, self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(functools.partial(self.show_page, page.page_id, action))
        # Ctrl+1 … Ctrl+9: the sidebar's pages in order, from anywhere in the unlocked window.
        for number, page in enumerate(self.pages[:9], start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(functools.partial(self.show_page, page.page_id, None))
            item = self.nav.item(number - 1)
            if item is not None:
                item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", page.title()).replace("%2", str(number)))

    def _build(self, on_lock: Callable[[], None], on_about: Callable[[], None]) -> None:
        from intimacy_desktop.core.discreet import app_name
        from intimacy_desktop.gui.presentation import is_discreet

        name = self.brand = QLabel(app_name(is_discreet()))
        name.setProperty("role", "brand")
        name.setWordWrap(True)
        lock_button = QPushButton(self.tr("Lock"))
        lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))
        lock_button.setAccessibleName(self.tr("Lock the journal"))
        lock_button.clicked.connect(on_lock)
        about_button = QPushButton(self.tr("About"))
        about_button.setProperty("role", "link")
        about_button.setFlat(True)
        about_button.setToolTip(self.tr("Version, licence and open-source components (F1)"))
        about_button.clicked.connect(on_about)
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        sidebar.setFixedWidth(200)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(14, 20, 14, 16)
        side.setSpacing(14)
        side.addWidget(name)
        side.addWidget(self.nav, 1)
        side.addWidget(self.progress_label)
        side.addWidget(self.progress_bar)
        side.addWidget(lock_button)
        side.addWidget(about_button)
        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        main.addWidget(self.error_label)
        main.addWidget(self.notice_label)
        main.addWidget(self.stack, 1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(sidebar)
        lay.addLayout(main, 1)

    # ---- pages ---------------------------------------------------------------------------------------------
    def page(self, page_id: str) -> Page | None:
        return next((p for p in self.pages if p.page_id == page_id), None)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def show_page(self, page_id: str, action: str | None = None) -> Page | None:
        page = self.page(page_id)
        if page is None:
            return None
        self.nav.setCurrentRow(self.pages.index(page))
        page.shown()
        if action is not None:
            page.act(action)
        return page

    def _focus_current(self) -> None:
        page = self.current_page()
        if page is not None:
            page.shown()

    # ---- slow work and failures ------------------------------------------------------------------------------
    def show_progress(self, label: str | None) -> None:
        self.progress_label.setText(label or "")
        self.progress_label.setVisible(bool(label))
        self.progress_bar.setVisible(bool(label))

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def show_error(self, error: AppError) -> None:
        """An operation failed and its page gave no better place: say it above the pages."""
        self.error_label.setText(error_text(error))
        self.error_label.show()

    # ---- lock ----------------------------------------------------------------------------------------------
    def flush_all(self) -> list[AppError]:
        """Every page writes what is unsaved; the failures come back, so the unlock screen can say so."""
        errors: list[AppError] = []
        for page in self.pages:
            try:
                page.flush()
            except AppError as exc:
                errors.append(exc)
        return errors

    def wipe_all(self) -> None:
        for page in self.pages:
            page.wipe()
        self.error_label.clear()
        self.notice_label.clear()
