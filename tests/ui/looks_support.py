"""Helpers for the tests of how things look: the app's theme applied for one test, colour contrast, text that fits.

Looks are tested through the property that causes them: a contrast ratio measured on rendered pixels, a text's
width against the room its widget has.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QStyle, QStyleOptionComboBox, QWidget

from intimacy_desktop.gui import theme

# What the offscreen platform of the tests cannot do (a real window system can) and says as a Qt warning.
OFFSCREEN_LIMITS = r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))"


@contextmanager
def themed(dark: bool) -> Iterator[theme.Colors]:
    """The app's light or dark theme for the duration of a test, then Qt's defaults back for the other tests."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, sheet, palette = app.style().name(), app.styleSheet(), QPalette(app.palette())
    theme.apply(app, dark=dark)
    try:
        yield theme.current()
    finally:
        app.setStyleSheet(sheet)
        app.setStyle(style)
        app.setPalette(palette)


def settle_layouts() -> None:
    """Let every pending layout pass run, as the event loop does before the next paint."""
    for _ in range(5):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def luminance(color: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio, 1 (same) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colors_in(image: QImage, rect: QRect) -> Counter[int]:
    """How often each RGB value occurs inside ``rect`` of ``image`` (device-independent pixels)."""
    ratio = image.devicePixelRatio()
    found: Counter[int] = Counter()
    for y in range(int(rect.top() * ratio), int((rect.bottom() + 1) * ratio)):
        for x in range(int(rect.left() * ratio), int((rect.right() + 1) * ratio)):
            if 0 <= x < image.width() and 0 <= y < image.height():
                found[image.pixel(x, y) & 0xFFFFFF] += 1
    return found


def background_and_strongest(image: QImage, rect: QRect) -> tuple[QColor, QColor, int]:
    """The most common colour in ``rect``, the colour that contrasts most with it, and how many pixels have it
    at contrast 3 or more (so a lone stray pixel does not count as a tick or a letter)."""
    found = colors_in(image, rect)
    background = QColor(found.most_common(1)[0][0])
    strongest = max(found, key=lambda rgb: contrast(QColor(rgb), background))
    marked = sum(n for rgb, n in found.items() if contrast(QColor(rgb), background) >= 3.0)
    return background, QColor(strongest), marked


def combo_text_room(combo: QComboBox) -> int:
    """The width of the combo's text field, as its style lays it out now."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    rect = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return rect.width()


def combo_widest_item(combo: QComboBox) -> tuple[str, int]:
    """The item that needs most room, and the room it needs (its text, plus its icon and a gap if it has one)."""
    metrics = combo.fontMetrics()
    best = ("", 0)
    for i in range(combo.count()):
        text = combo.itemText(i)
        need = metrics.horizontalAdvance(text)
        if not combo.itemIcon(i).isNull():
            need += combo.iconSize().width() + 4
        if need > best[1]:
            best = (text, need)
    return best


def cut_texts(root: QWidget) -> list[str]:
    """Every visible combo or push button under ``root`` whose text does not fit, described for the failure."""
    problems = []
    for combo in root.findChildren(QComboBox):
        if combo.isVisibleTo(root):
            text, need = combo_widest_item(combo)
            room = combo_text_room(combo)
            if need > room:
                problems.append(f"combo {combo.accessibleName()!r}: {text!r} needs {need} px, has {room}")
    for button in root.findChildren(QPushButton):
        if button.isVisibleTo(root) and button.text():
            hint = button.sizeHint()
            if button.width() < hint.width() or button.height() < hint.height():
                problems.append(f"button {button.text()!r}: needs {hint.width()}x{hint.height()}, "
                                f"has {button.width()}x{button.height()}")
    return problems


def clipped_labels(root: QWidget) -> list[str]:
    """Visible word-wrapped labels shorter than the height their text needs at their width."""
    problems = []
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.wordWrap() and label.text():
            need = label.heightForWidth(label.width())
            if label.height() < need:
                problems.append(f"{label.text()[:40]!r}: {label.height()} px of {need}")
    return problems


def assert_whole(window: QWidget, page: QWidget) -> None:
    """Once the layouts settle: no button or combo text cut anywhere in the window, no wrapped label of ``page``
    squeezed."""
    settle_layouts()
    assert cut_texts(window) == []
    assert clipped_labels(page) == []
