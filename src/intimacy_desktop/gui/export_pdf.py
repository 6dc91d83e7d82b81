"""Journal entries as a PDF that reads like a journal: a cover that says first that the file is not encrypted, then
the entries by date in serif type, each page after the cover numbered in its footer ("3 / 12"). No widgets, so it
can run on a worker thread (ARCHITECTURE, "Operations"). The entries are one QTextDocument laid out on the writer
(300 dpi; painter lengths are device pixels: ``PT``) and painted a page at a time, leaving room for the footers. Entry
text never becomes markup: titles and tags go in as text, a body as Markdown without HTML, its images as alt text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import secrets
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QTextBlockFormat, QTextCharFormat, QTextCursor

from intimacy_desktop.core.journal import Entry, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui.formatting import qdate
from intimacy_desktop.gui.journal.labels import kind_name, layer_name
from intimacy_desktop.gui.theme import LIGHT

DPI = 300
PT, MM = DPI / 72, DPI / 25.4  # device pixels per point, per millimetre
LEFT, TOP, RIGHT, BOTTOM = (mm * MM for mm in (25.0, 24.0, 25.0, 26.0))  # the footer sits in the bottom margin
MOOD_NAMES = {1: "Stormy", 2: "Rainy", 3: "Cloudy", 4: "Sunny spells", 5: "Sunny"}
SERIF = ["Charter", "Georgia", "Noto Serif", "DejaVu Serif", "Times New Roman", "serif"]
SANS = ["Segoe UI", "Helvetica Neue", "Noto Sans", "DejaVu Sans", "Arial", "sans-serif"]
BODY_PT = 11.0
_MD = QtGui.QTextDocument.MarkdownFeature
_MARKDOWN = _MD(_MD.MarkdownDialectGitHub.value | _MD.MarkdownNoHTML.value)
_LINE = QTextBlockFormat.LineHeightTypes
_WEEKDAY = re.compile(r"dddd[,.]?\s*|[,\s]*dddd")
_WRAP, _CENTRE = int(Qt.TextFlag.TextWordWrap), int(Qt.AlignmentFlag.AlignHCenter)


def _t(text: str) -> str:
    return QCoreApplication.translate("ExportPdf", text)


def _font(families: list[str], size: float, *, italic: bool = False, weight: int = 400) -> QFont:
    font = QFont(families, -1, weight, italic)
    font.setPointSizeF(size)
    return font


def _chars(color: str, font: QFont | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if font is not None:
        fmt.setFont(font)
    return fmt


def long_date(day: dt.date, *, weekday: bool = True) -> str:
    """"Thursday, 3 December 2026" (or "3 December 2026" without the weekday), in the person's locale."""
    pattern = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    return QLocale().toString(qdate(day), pattern if weekday else _WEEKDAY.sub("", pattern))


def _meta(entry: Entry, moods: Mapping[int, str]) -> str:
    f = entry.fields
    parts = [kind_name(f.kind)] if f.kind != Kind.ENTRY else []
    parts += [moods[f.mood]] if f.mood is not None else []
    parts += [layer_name(f.layer)] if f.layer != Layer.NONE else []
    parts += [", ".join(f"#{tag}" for tag in f.tags)] if f.tags else []
    return "   ·   ".join(parts)


class _Entries:
    """The entries as one document cut into pages, and each entry's heading with the line that must follow it."""

    def __init__(self, device: QtGui.QPdfWriter, size: QSizeF, moods: Mapping[int, str]) -> None:
        self.doc = QtGui.QTextDocument()
        self.doc.documentLayout().setPaintDevice(device)
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(_font(SERIF, BODY_PT))
        self.doc.setPageSize(size)
        self.cursor, self.moods = QTextCursor(self.doc), moods
        self.heads: list[tuple[int, int]] = []  # positions of the date block and of the block that must follow
        probe = QtGui.QTextDocument()  # block margins are in the screen's pixels, scaled to the device: measure
        probe.documentLayout().setPaintDevice(device)
        probe.setDocumentMargin(72)
        self.pt = DPI / probe.documentLayout().blockBoundingRect(probe.firstBlock()).top()  # margin units a point

    def _block(self, top: float = 0, bottom: float = 0, line_height: int = 100) -> None:
        """Start a block (the document's first is already there) with these margins in points."""
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top * self.pt)
        fmt.setBottomMargin(bottom * self.pt)
        fmt.setLineHeight(line_height, _LINE.ProportionalHeight.value)
        (self.cursor.setBlockFormat if self.cursor.position() == 0 else self.cursor.insertBlock)(fmt)

    def add(self, entry: Entry) -> None:
        f, c = entry.fields, self.cursor
        self._block(top=44 if self.heads else 0, bottom=5)  # the space between entries; a page break swallows it
        head = c.position()
        c.insertText(long_date(f.entry_date), _chars(LIGHT.accent, _font(SERIF, 10.5, italic=True)))
        meta = _meta(entry, self.moods)
        self._block(top=2, bottom=7 if meta else 16, line_height=115)
        c.insertText(f.title or _t("Untitled"), _chars(LIGHT.text, _font(SERIF, 18)))
        if meta:
            self._block(bottom=15)
            c.insertText(meta, _chars(LIGHT.muted, _font(SANS, 8.5)))
        follow = c.block().position()
        if f.body.strip():
            self._block()
            follow = c.position()
            c.insertMarkdown(f.body, _MARKDOWN)
            self._tidy_body(follow)
        self.heads.append((head, follow))

    def _tidy_body(self, start: int) -> None:
        """Paragraphs get the body's spacing and line height, quotes a muted italic, images their alt text."""
        link, quote = _chars(LIGHT.accent), _chars(LIGHT.muted)
        alt_text = _chars(LIGHT.muted, _font(SERIF, BODY_PT, italic=True))
        quote.setFontItalic(True)  # keeping the text's own weight
        block = self.doc.findBlock(start)
        while block.isValid():
            edits, it = [], block.begin()
            while not it.atEnd():
                chars, where = it.fragment().charFormat(), (it.fragment().position(), it.fragment().length())
                it += 1
                if chars.isImageFormat() or chars.isAnchor():
                    alt = chars.property(QTextCharFormat.Property.ImageAltText) or _t("image")
                    edits.append((*where, f"[{alt}]" if chars.isImageFormat() else ""))
            for pos, length, alt in reversed(edits):
                c = QTextCursor(self.doc)
                c.setPosition(pos)
                c.setPosition(pos + length, QTextCursor.MoveMode.KeepAnchor)
                if alt:
                    c.insertText(alt, alt_text)
                else:  # a link, whose blue the importer took from the screen's palette
                    c.mergeCharFormat(link)
            fmt, c = block.blockFormat(), QTextCursor(block)
            empty = block.position() == start and not block.text()  # left by a body that starts with a list
            fmt.setTopMargin((14 if fmt.headingLevel() else 0) * self.pt)
            fmt.setBottomMargin((0 if empty else 3 if block.textList() else 4 if fmt.headingLevel() else 10) * self.pt)
            fmt.setLineHeight(0 if empty else 150, (_LINE.FixedHeight if empty else _LINE.ProportionalHeight).value)
            if level := fmt.intProperty(QTextBlockFormat.Property.BlockQuoteLevel):
                fmt.setLeftMargin(18 * PT * level)  # Qt scales vertical margins only
                c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                c.mergeCharFormat(quote)
            c.setBlockFormat(fmt)
            block = block.next()

    def keep_headings_with_text(self) -> None:
        """A date and title never end a page alone: their entry starts the next page instead."""
        layout, height = self.doc.documentLayout(), self.doc.pageSize().height()
        for head_at, follow_at in self.heads:
            head, follow = self.doc.findBlock(head_at), self.doc.findBlock(follow_at)
            line = follow.layout().lineAt(min(1, follow.layout().lineCount() - 1))
            top = layout.blockBoundingRect(head).top() + head.layout().lineAt(0).y()
            bottom = layout.blockBoundingRect(follow).top() + line.y() + line.height()
            if int(top // height) != int((bottom - 1) // height):
                fmt = head.blockFormat()
                fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                fmt.setTopMargin(0)  # a forced break keeps the margin, a natural one would not
                QTextCursor(head).setBlockFormat(fmt)


def _text(p: QPainter, font: QFont, color: str, rect: QRectF, flags: int, text: str) -> QRectF:  # the rect it took
    p.setFont(font)
    p.setPen(QColor(color))
    p.drawText(rect, flags | _WRAP, text)
    return p.boundingRect(rect, flags | _WRAP, text)


def _draw_cover(p: QPainter, page: QRectF, entries: Sequence[Entry], title: str, notice: str) -> None:
    width, pad, bar = page.width() - LEFT - RIGHT, 14 * PT, 4 * PT
    # The notice first, where nobody can miss it: on a tinted band with an accent bar.
    font = _font(SANS, 11.5, weight=600)
    inner = QRectF(LEFT + bar + pad, TOP + pad, width - bar - 2 * pad, page.height() / 3)
    p.setFont(font)
    box = QRectF(LEFT, TOP, width, p.boundingRect(inner, _WRAP, notice).height() + 2 * pad)
    p.fillRect(box, QColor(LIGHT.warning_bg))
    p.fillRect(QRectF(box.left(), box.top(), bar, box.height()), QColor(LIGHT.accent))
    _text(p, font, LIGHT.text, inner, 0, notice)
    # The title (a long one in smaller type), then what the journal holds.
    area = QRectF(LEFT, page.height() * 0.36, width, page.height() * 0.3)
    y = _text(p, _font(SERIF, 32 if len(title) < 50 else 20), LIGHT.text, area, _CENTRE, title).bottom() + 18 * PT
    p.fillRect(QRectF(page.width() / 2 - 15 * MM, y, 30 * MM, PT), QColor(LIGHT.accent))
    y += 18 * PT
    if entries:  # in date order
        first, last = (long_date(e.fields.entry_date, weekday=False) for e in (entries[0], entries[-1]))
        span, below = first if first == last else f"{first} – {last}", area.translated(0, y - area.top())
        y = _text(p, _font(SERIF, 14, italic=True), LIGHT.muted, below, _CENTRE, span).bottom() + 8 * PT
    # "%n entries" has its English plural forms under the mood calendar's context (resources/translations).
    count = QCoreApplication.translate("MoodCalendar", "%n entries", "", len(entries)) if entries else _t("No entries")
    _text(p, _font(SANS, 10.5), LIGHT.muted, area.translated(0, y - area.top()), _CENTRE, count)
    made = _t("Exported from Intimacy Desktop on %1").replace("%1", long_date(dt.date.today(), weekday=False))
    _text(p, _font(SANS, 8.5), LIGHT.muted, QRectF(LEFT, page.height() - BOTTOM, width, BOTTOM), _CENTRE, made)


def _draw_footer(p: QPainter, page: QRectF, number: int, total: int, title: str) -> None:
    rect = QRectF(LEFT, page.height() - BOTTOM + 8 * MM, page.width() - LEFT - RIGHT, 8 * MM)
    p.fillRect(QRectF(rect.left(), rect.top() - 3 * MM, rect.width(), PT / 2), QColor(LIGHT.border))
    p.setFont(_font(SERIF, 8.5, italic=True))
    short = p.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, int(rect.width() * 0.7))
    _text(p, p.font(), LIGHT.muted, rect, int(Qt.AlignmentFlag.AlignLeft), short)
    _text(p, _font(SANS, 8.5), LIGHT.muted, rect, int(Qt.AlignmentFlag.AlignRight), f"{number} / {total}")


def _render(entries: Sequence[Entry], target: Path, title: str, notice: str, moods: Mapping[int, str],
            report: Callable[[float], None]) -> int:
    writer = QtGui.QPdfWriter(str(target))
    writer.setResolution(DPI)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))  # on A4, the writer's default; the margins are ours
    writer.setTitle(title)
    page = QRectF(0, 0, writer.width(), writer.height())
    body = _Entries(writer, QSizeF(page.width() - LEFT - RIGHT, page.height() - TOP - BOTTOM), moods)
    ordered = sorted(entries, key=lambda e: (e.fields.entry_date, e.created_at, e.id))
    for i, entry in enumerate(ordered):
        body.add(entry)
        report(0.6 * (i + 1) / len(ordered))
    body.keep_headings_with_text()
    pages, size = (body.doc.pageCount() if ordered else 0), body.doc.pageSize()
    ctx = QtGui.QAbstractTextDocumentLayout.PaintContext()
    ctx.palette = QtGui.QPalette()  # the app's palette may be dark; paper is not
    ctx.palette.setColor(QtGui.QPalette.ColorRole.Text, QColor(LIGHT.text))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, "The PDF could not be started", str(target))
    try:
        painter.fillRect(page, QColor("white"))  # paper, also where a viewer would show transparency
        _draw_cover(painter, page, ordered, title, notice)
        for i in range(pages):
            writer.newPage()
            painter.fillRect(page, QColor("white"))
            painter.save()
            painter.translate(LEFT, TOP - i * size.height())
            ctx.clip = QRectF(0, i * size.height(), size.width(), size.height())
            painter.setClipRect(ctx.clip)
            body.doc.documentLayout().draw(painter, ctx)
            painter.restore()
            _draw_footer(painter, page, i + 2, 1 + pages, title)
            report(0.6 + 0.4 * (i + 1) / pages)
    finally:
        painter.end()
    return 1 + pages


def _publish(tmp: Path, path: Path, overwrite: bool) -> None:
    """Check and sync what the writer wrote, then give it its name in one step."""
    with open(tmp, "r+b") as written:
        if written.read(5) != b"%PDF-":
            raise OSError(errno.EIO, "The PDF writer wrote nothing", str(path))
        os.fsync(written.fileno())
    if not overwrite and (path.exists() or path.is_symlink()):
        raise FileExistsError(errno.EEXIST, "The file exists", str(path))
    os.replace(tmp, path)
    if os.name == "posix":  # the rename, too, must survive a crash
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def write_pdf(entries: Sequence[Entry], path: Path, *, title: str, notice: str,
              mood_names: Mapping[int, str] | None = None, progress: Callable[[float], None] | None = None,
              overwrite: bool = False) -> int:
    """Write ``entries`` to ``path`` as a PDF and return its page count; ``progress`` hears 0..1 as it goes. It is
    written beside ``path`` under a temporary name, created exclusively and readable by its owner only, then renamed
    into place: a crash leaves no half file. An existing ``path`` is replaced only with ``overwrite`` (otherwise
    ``FileExistsError``); any other failure is an ``OSError`` and leaves nothing behind."""
    if not overwrite and (path.exists() or path.is_symlink()):
        raise FileExistsError(errno.EEXIST, "The file exists", str(path))
    report = progress or (lambda _fraction: None)  # the fractions below only grow
    tmp = path.with_name(f".{path.name[:80]}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    os.close(os.open(tmp, flags, 0o600))
    try:
        pages = _render(entries, tmp, title, notice, {**MOOD_NAMES, **(mood_names or {})}, report)
        _publish(tmp, path, overwrite)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    report(1.0)
    return pages


def render_page_png(pdf: Path, page: int, out: Path, dpi: int = 110) -> None:
    """Render one page of ``pdf`` (0 is the first) to a PNG at ``dpi``, for screenshots and tests."""
    from PySide6.QtPdf import QPdfDocument  # tests and screenshots only: the frozen bundle leaves QtPdf out

    doc = QPdfDocument()
    if doc.load(str(pdf)) != QPdfDocument.Error.None_ or not 0 <= page < doc.pageCount():
        raise OSError(errno.EINVAL, f"No page {page} in a readable PDF", str(pdf))
    size = (doc.pagePointSize(page) * (dpi / 72)).toSize()
    if not doc.render(page, size).save(str(out)):  # the format follows the suffix: .png
        raise OSError(errno.EIO, "The PNG could not be written", str(out))
