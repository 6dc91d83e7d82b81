"""Light and dark palettes that follow the system colour scheme, plus one small style sheet for spacing.

Warm paper tones and a terracotta accent: the app is about two people, not a dashboard. Text colours keep at
least 4.5:1 contrast against their backgrounds so the journal stays readable for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget


@dataclass(frozen=True)
class Colors:
    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    card: str
    error: str
    warning_bg: str
    notice_bg: str


LIGHT = Colors(
    window="#f6f0e8", base="#fffdf9", alt_base="#f9f3ec", text="#2f2925", muted="#6e635a",
    accent="#a9503a", accent_text="#ffffff", border="#e2d6c9", card="#fffdf9", error="#a3322a",
    warning_bg="#fbecd9", notice_bg="#eaf1ea",
)
DARK = Colors(
    window="#1e1b19", base="#282421", alt_base="#2e2926", text="#eee7df", muted="#b3a79c",
    accent="#e08f74", accent_text="#1e1b19", border="#423a35", card="#282421", error="#f19a8e",
    warning_bg="#43352a", notice_bg="#2c3a30",
)

_current: Colors = LIGHT


def current() -> Colors:
    """The colours in use, for painters (calendar, list delegate) that draw outside the palette."""
    return _current


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


_forced: bool | None = None


def apply(app: QApplication, *, dark: bool | None = None) -> None:
    """Apply a theme; ``dark=None`` follows the system and keeps following it when it changes (a person's
    choice of light or dark in Settings stops the following until it is "system" again)."""
    global _current, _forced
    _forced = dark
    use_dark = system_prefers_dark() if dark is None else dark
    _current = DARK if use_dark else LIGHT
    if not isinstance(app.style(), ThemeStyle):
        app.setStyle(ThemeStyle())
    app.setPalette(_palette(_current))
    app.setStyleSheet(_style_sheet(_current))
    if not app.property("themeFollowsSystem"):
        app.setProperty("themeFollowsSystem", True)
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_system(app))


def _follow_system(app: QApplication) -> None:
    if _forced is None:
        apply(app)


INDICATOR_SIZE = 16


class ThemeStyle(QProxyStyle):
    """Fusion, with check boxes drawn here: a style sheet can fill a ticked box but not draw a tick in it without
    an image file, and a painted tick needs no file in the source tree, the wheel or the frozen bundle."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    # No pixelMetric() override: Qt asks for metrics some ten thousand times while a page is built, and each call
    # into Python costs about 5 µs (50 ms of the journal page). Fusion's indicator size is what the tick is drawn in.

    def drawPrimitive(
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            draw_check_box(painter, option, current())
            return
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            draw_radio_button(painter, option, current())
            return
        super().drawPrimitive(element, option, painter, widget)


def draw_check_box(painter: QPainter, option: QStyleOption, c: Colors) -> None:
    """A rounded box: empty on the base colour, or filled with the accent and a tick (a dash when partly ticked)."""
    state = option.state
    enabled = bool(state & QStyle.StateFlag.State_Enabled)
    on = bool(state & QStyle.StateFlag.State_On)
    partly = bool(state & QStyle.StateFlag.State_NoChange)
    rect = QRectF(option.rect)
    side = min(rect.width(), rect.height())
    box = QRectF(rect.left(), rect.top() + (rect.height() - side) / 2, side, side).adjusted(0.5, 0.5, -0.5, -0.5)
    filled = on or partly
    if not enabled:
        fill, edge, mark = QColor(c.border if filled else c.alt_base), QColor(c.border), QColor(c.muted)
    elif filled:
        fill, edge, mark = QColor(c.accent), QColor(c.accent), QColor(c.accent_text)
    else:
        fill, edge, mark = QColor(c.base), QColor(c.muted), QColor(c.accent_text)
    focused = bool(state & QStyle.StateFlag.State_HasFocus) and enabled
    if enabled and (focused or state & QStyle.StateFlag.State_MouseOver):
        edge = QColor(c.text if filled else c.accent)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(edge, 2.0 if focused else 1.0))
    painter.setBrush(fill)
    painter.drawRoundedRect(box, 4, 4)
    if filled:
        pen = QPen(mark, max(1.6, side / 8))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        x, y, w = box.left(), box.top(), box.width()
        if partly and not on:
            painter.drawLine(QPointF(x + w * 0.28, y + w * 0.5), QPointF(x + w * 0.72, y + w * 0.5))
        else:
            tick = QPainterPath(QPointF(x + w * 0.24, y + w * 0.52))
            tick.lineTo(QPointF(x + w * 0.43, y + w * 0.71))
            tick.lineTo(QPointF(x + w * 0.77, y + w * 0.31))
            painter.drawPath(tick)
    painter.restore()


def _palette(c: Colors) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, c.window), (role.WindowText, c.text), (role.Base, c.base),
        (role.AlternateBase, c.alt_base), (role.Text, c.text), (role.Button, c.alt_base),
        (role.ButtonText, c.text), (role.Highlight, c.accent), (role.HighlightedText, c.accent_text),
        (role.ToolTipBase, c.base), (role.ToolTipText, c.text), (role.PlaceholderText, c.muted),
        (role.Link, c.accent), (role.Mid, c.border), (role.Midlight, c.border),
    ):
        p.setColor(r, QColor(value))
    p.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(c.muted))
    p.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(c.muted))
    p.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(c.muted))
    return p


def draw_radio_button(painter: QPainter, option: QStyleOption, c: Colors) -> None:
    """A ring on the base colour that shows in both themes (Fusion's is dark on dark); chosen: an accent dot."""
    state = option.state
    enabled = bool(state & QStyle.StateFlag.State_Enabled)
    on = bool(state & QStyle.StateFlag.State_On)
    focused = bool(state & QStyle.StateFlag.State_HasFocus) and enabled
    rect = QRectF(option.rect)
    side = min(rect.width(), rect.height())
    ring = QRectF(rect.left(), rect.top() + (rect.height() - side) / 2, side, side).adjusted(0.5, 0.5, -0.5, -0.5)
    edge = QColor(c.accent if on or focused or state & QStyle.StateFlag.State_MouseOver else c.muted)
    if not enabled:
        edge = QColor(c.border)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(edge, 2.0 if focused else 1.2))
    painter.setBrush(QColor(c.base))
    painter.drawEllipse(ring)
    if on:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.accent if enabled else c.muted))
        inset = side * 0.27
        painter.drawEllipse(ring.adjusted(inset, inset, -inset, -inset))
    painter.restore()


def _style_sheet(c: Colors) -> str:
    return f"""
    QWidget {{ font-size: 10.5pt; }}
    QFrame[role="card"] {{ background: {c.card}; border: 1px solid {c.border}; border-radius: 14px; }}
    QFrame[role="card"] QLabel, QFrame[role="card"] QCheckBox, QFrame[role="card"] QRadioButton {{
        background: transparent; }}
    QLabel[role="headline"] {{ font-size: 18pt; font-weight: 600; color: {c.text}; }}
    QLabel[role="pagetitle"] {{ font-size: 16pt; font-weight: 600; }}
    QLabel[role="section"] {{ font-size: 12.5pt; font-weight: 600; color: {c.text}; }}
    QLabel[role="lead"] {{ font-size: 12pt; color: {c.muted}; }}
    QLabel[role="figure"] {{ font-size: 19pt; font-weight: 600; color: {c.accent}; }}
    QLabel[role="prompt"] {{ font-size: 17pt; color: {c.text}; }}
    QLabel[role="followup"] {{ font-size: 12pt; color: {c.muted}; }}
    QLabel[role="quote"] {{ font-size: 13pt; color: {c.text}; }}
    QLabel[role="tablehead"] {{ font-weight: 600; color: {c.text}; }}
    QLabel[role="muted"], QLabel[role="hint"] {{ color: {c.muted}; }}
    QLabel[role="hint"] {{ font-size: 9.5pt; }}
    QLabel[role="error"] {{ color: {c.error}; font-weight: 600; }}
    QLabel[role="warning"], QFrame[role="card"] QLabel[role="warning"] {{ background: {c.warning_bg};
        border-radius: 8px; padding: 8px 10px; }}
    QLabel[role="notice"], QFrame[role="card"] QLabel[role="notice"] {{ background: {c.notice_bg};
        border-radius: 8px; padding: 8px 10px; }}
    QLabel[role="code"] {{ font-family: "DejaVu Sans Mono", "Menlo", "Consolas", monospace; font-size: 14pt;
        background: {c.alt_base}; border: 1px dashed {c.border}; border-radius: 10px; padding: 16px; }}
    QCheckBox, QRadioButton {{ spacing: 8px; }}
    QLabel[role="brand"] {{ font-size: 13pt; font-weight: 600; color: {c.accent}; }}
    QLineEdit, QPlainTextEdit, QTextBrowser, QComboBox, QDateEdit {{ background: {c.base};
        border: 1px solid {c.border}; border-radius: 7px; padding: 5px 8px; }}
    QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDateEdit:focus {{ border: 1px solid {c.accent}; }}
    QLineEdit[role="title"] {{ font-size: 14pt; font-weight: 600; padding: 7px 10px; }}
    QPlainTextEdit, QTextBrowser {{ padding: 10px 12px; font-size: 11pt; }}
    QPushButton {{ padding: 6px 16px; border-radius: 7px; border: 1px solid {c.border}; background: {c.alt_base}; }}
    QPushButton:hover {{ border-color: {c.accent}; }}
    QPushButton:disabled {{ background: transparent; color: {c.muted}; border-color: {c.border}; }}
    QPushButton:focus {{ border: 1px solid {c.accent}; }}
    QPushButton[role="primary"] {{ background: {c.accent}; color: {c.accent_text}; border: none; font-weight: 600; }}
    QPushButton[role="primary"]:disabled {{ background: {c.border}; color: {c.muted}; }}
    QPushButton[role="link"] {{ border: none; background: transparent; color: {c.accent}; text-align: left;
        padding: 4px 0; }}
    QPushButton[role="link"]:hover {{ text-decoration: underline; }}
    QPushButton[role="link"]:focus {{ text-decoration: underline; }}
    QPushButton[role="chip"] {{ border-radius: 12px; padding: 3px 12px; font-size: 9.5pt; background: {c.window};
        color: {c.text}; }}
    QFrame[role="rule"] {{ background: {c.border}; border: none; max-height: 1px; min-height: 1px; }}
    QToolButton[role="disclosure"] {{ border: none; background: transparent; color: {c.text}; font-weight: 600;
        padding: 4px 6px 4px 0; }}
    QToolButton[role="disclosure"]:hover {{ color: {c.accent}; }}
    QToolButton[role="disclosure"]:focus {{ color: {c.accent}; text-decoration: underline; }}
    QPushButton:checked {{ background: {c.notice_bg}; border-color: {c.accent}; }}
    QListWidget#navigation {{ background: transparent; border: none; font-size: 11.5pt; outline: 0; }}
    QListWidget#navigation::item {{ padding: 9px 14px; border-radius: 8px; margin: 2px 0; }}
    QListWidget#navigation::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QWidget#sidebar {{ background: {c.alt_base}; border-right: 1px solid {c.border}; }}
    QListView {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 8px; outline: 0; }}
    QListWidget#glossaryTerms::item {{ padding: 5px 8px; }}
    QListWidget#glossaryTerms::item:selected {{ background: {c.accent}; color: {c.accent_text}; border-radius: 6px; }}
    QComboBox {{ combobox-popup: 0; }}
    QComboBox QAbstractItemView {{ background: {c.base}; color: {c.text}; border: 1px solid {c.border};
        border-radius: 0; padding: 2px; selection-background-color: {c.accent}; selection-color: {c.accent_text}; }}
    QComboBox QAbstractItemView::item {{ min-height: 24px; padding: 0 6px; }}
    QComboBox QAbstractItemView::item:selected, QComboBox QAbstractItemView::item:hover {{
        background: {c.accent}; color: {c.accent_text}; }}
    QTabWidget::pane {{ border: none; }}
    QTabBar::tab {{ padding: 6px 16px; border: none; color: {c.muted}; }}
    QTabBar::tab:selected {{ color: {c.text}; border-bottom: 2px solid {c.accent}; }}
    QFrame#undoBar {{ background: {c.notice_bg}; border-radius: 8px; }}
    QCalendarWidget QWidget#qt_calendar_navigationbar {{ background: {c.alt_base}; }}
    QCalendarWidget QToolButton {{ color: {c.text}; background: transparent; padding: 4px 8px; }}
    QCalendarWidget QAbstractItemView {{ background: {c.base}; color: {c.text}; outline: 0;
        selection-background-color: {c.accent}; selection-color: {c.accent_text}; }}
    QCalendarWidget QAbstractItemView:disabled {{ color: {c.muted}; }}
    QCalendarWidget[role="mood"] QAbstractItemView {{ selection-background-color: transparent;
        selection-color: {c.text}; }}
    """
