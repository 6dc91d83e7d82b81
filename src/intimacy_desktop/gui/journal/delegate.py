"""Draws one entry row as a small card: title, date and weather, and the snippet with search words in bold.

Rich text through QTextDocument keeps the highlight markup simple; the row height is fixed so the lazy list
never has to lay out rows it has not drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from intimacy_desktop.core.journal import EntrySummary
from intimacy_desktop.core.snippets import elide_marked, unmark
from intimacy_desktop.gui import theme
from intimacy_desktop.gui.journal.labels import mood_color
from intimacy_desktop.gui.journal.list_model import EntryListModel, HtmlRole, SummaryRole

ROW_HEIGHT = 92
TITLE_POINTS = 11
_PAD = 12
_STRIPE = 5


def _whole_lines_height(doc: QTextDocument, limit: float) -> float:
    """Height of the text lines that fit completely, so no row shows half a line."""
    bottom = 0.0
    block = doc.begin()
    while block.isValid():
        top = doc.documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        for i in range(layout.lineCount()):
            line_bottom = top + layout.lineAt(i).rect().bottom()
            if line_bottom <= limit:
                bottom = line_bottom
        block = block.next()
    return bottom + 1


class EntryDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        summary = index.data(SummaryRole)
        if not isinstance(summary, EntrySummary):
            return
        colors = theme.current()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(rect).adjusted(4, 3, -4, -3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colors.notice_bg if selected else colors.base))
        painter.drawRoundedRect(card, 8, 8)
        painter.setBrush(mood_color(summary.mood))
        painter.drawRoundedRect(QRectF(card.left() + 4, card.top() + 8, _STRIPE, card.height() - 16), 2, 2)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(
            f".title {{ font-size: {TITLE_POINTS}pt; font-weight: 600; color: {colors.text}; }}"
            f".meta {{ font-size: 9pt; color: {colors.muted}; }}"
            f".snippet {{ font-size: 9.5pt; color: {colors.text}; }}"
        )
        text_width = card.width() - _PAD * 2 - _STRIPE
        doc.setHtml(self._row_html(index, summary, option, text_width))
        doc.setTextWidth(text_width)
        painter.translate(card.left() + _PAD + _STRIPE, card.top() + 9)
        clip = QRectF(0, 0, text_width, _whole_lines_height(doc, card.height() - 14))
        painter.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = clip
        ctx.palette.setColor(QPalette.ColorRole.Text, QColor(colors.text))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    @staticmethod
    def _row_html(
        index: QModelIndex | QPersistentModelIndex, summary: EntrySummary, option: QStyleOptionViewItem, width: float
    ) -> str:
        """The model's rich text, with a title too long for the row cut at a character and ended with "…"."""
        model = index.model()
        if not isinstance(model, EntryListModel) or not summary.title:
            return str(index.data(HtmlRole))
        font = QFont(option.font)
        font.setPointSizeF(TITLE_POINTS)
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetricsF(font)
        title = unmark(summary.title)
        if metrics.horizontalAdvance(title) <= width:
            return model.html(summary)
        keep = len(metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)) - 1
        return model.html(summary, elide_marked(summary.title, max(keep, 1)))

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(200, ROW_HEIGHT)
