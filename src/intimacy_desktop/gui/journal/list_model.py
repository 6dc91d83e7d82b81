"""The entry list as a lazy model: rows arrive 100 at a time as the view scrolls.

With 10,000 entries, loading every summary up front would cost time and memory for rows nobody looks at;
``canFetchMore``/``fetchMore`` let the view ask for the next page only when it needs it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from intimacy_desktop.core.journal import EntryFilter, EntrySummary
from intimacy_desktop.core.snippets import MATCH_END, MATCH_START, unmark
from intimacy_desktop.gui.formatting import qdate
from intimacy_desktop.gui.journal.labels import kind_name, mood_name

if TYPE_CHECKING:
    from intimacy_desktop.services.journal import JournalService

PAGE_SIZE = 100  # one page is ~8 screens of rows; keeps a search answer near 10 ms at 10,000 entries
SummaryRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2
EntryIdRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


def highlight_html(text: str) -> str:
    """Escape first (entries may contain '<'), then turn the search markers into bold."""
    return html.escape(text).replace(MATCH_START, "<b>").replace(MATCH_END, "</b>")


class EntryListModel(QAbstractListModel):
    def __init__(self, journal: JournalService, parent: Any = None) -> None:
        super().__init__(parent)
        self._journal: JournalService | None = journal
        self._rows: list[EntrySummary] = []
        self._total = 0
        self.filter = EntryFilter()
        self.trash = False

    @property
    def total(self) -> int:
        """How many entries match, fetched or not."""
        return self._total

    def show_rows(self, flt: EntryFilter, trash: bool, total: int, first_rows: list[EntrySummary]) -> None:
        """Show a query whose count and first page were read off the GUI thread; later pages come as it scrolls."""
        self.beginResetModel()
        self.filter, self.trash = flt, trash
        self._rows = list(first_rows)
        self._total = max(total, len(self._rows))
        self.endResetModel()

    def forget(self) -> None:
        """Drop every row and the service: called on lock so no entry text stays in memory here."""
        self.beginResetModel()
        self._rows, self._total, self._journal = [], 0, None
        self.filter = EntryFilter()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._journal is not None and len(self._rows) < self._total

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        assert self._journal is not None
        batch = self._journal.summaries(self.filter, len(self._rows), PAGE_SIZE, trash=self.trash)
        if not batch:
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def summary(self, row: int) -> EntrySummary:
        return self._rows[row]

    def row_of(self, entry_id: int) -> int:
        """Row of an entry among the fetched ones, or -1."""
        return next((i for i, s in enumerate(self._rows) if s.id == entry_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return unmark(s.title) or self.tr("Untitled")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._date(s)}, {unmark(s.title) or self.tr('Untitled')}"
        if role == SummaryRole:
            return s
        if role == EntryIdRole:
            return s.id
        if role == HtmlRole:
            return self.html(s)
        return None

    def html(self, s: EntrySummary, title: str | None = None) -> str:
        """The row as rich text; ``title`` replaces the summary's (still marked) title, e.g. elided to fit."""
        shown = s.title if title is None else title
        title = highlight_html(shown) if shown else "<i>" + html.escape(self.tr("Untitled")) + "</i>"
        meta = [self._date(s)]
        if s.mood is not None:
            meta.append(mood_name(s.mood))
        if s.kind.value != "entry":
            meta.append(kind_name(s.kind))
        snippet = highlight_html(s.snippet)
        return (
            f"<div class='title' style='white-space: nowrap'>{title}</div>"
            f"<div class='meta'>{html.escape(' · '.join(meta))}</div>"
            f"<div class='snippet'>{snippet}</div>"
        )

    @staticmethod
    def _date(s: EntrySummary) -> str:
        return QLocale().toString(qdate(s.entry_date), "ddd d MMM yyyy")
