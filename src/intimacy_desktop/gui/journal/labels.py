"""Translated names and colours for moods, layers and kinds, in one place so list, editor and calendar agree.

The core keeps English identifiers; what a person reads goes through Qt's translation here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from intimacy_desktop.core.journal import Kind
from intimacy_desktop.core.layers import Layer


def _t(text: str) -> str:
    return QCoreApplication.translate("JournalLabels", text)


def mood_name(mood: int) -> str:
    names = {1: _t("Stormy"), 2: _t("Rainy"), 3: _t("Cloudy"), 4: _t("Sunny spells"), 5: _t("Sunny")}
    return names[mood]


def layer_name(layer: Layer) -> str:
    return {
        Layer.NONE: _t("No particular layer"),
        Layer.EMOTIONAL: _t("Emotional"),
        Layer.PHYSICAL: _t("Physical & sexual"),
        Layer.INTELLECTUAL: _t("Intellectual"),
        Layer.DIGITAL: _t("Digital"),
    }[layer]


def kind_name(kind: Kind) -> str:
    return {
        Kind.ENTRY: _t("Entry"),
        Kind.HIGH: _t("A high"),
        Kind.LOW: _t("A low"),
        Kind.REFLECTION: _t("Reflection"),
        Kind.GRATITUDE: _t("Gratitude"),
    }[kind]


# Calm weather tones, stormy slate to sunny apricot; dark text stays readable on every one of them.
_MOOD_COLORS = {1: "#8597ab", 2: "#9cbdd0", 3: "#cfc8bc", 4: "#ead08f", 5: "#f3b27a"}
NO_MOOD_COLOR = "#d9cfc4"
ON_MOOD_TEXT = "#2f2925"


def mood_color(mood: float | None) -> QColor:
    """The colour for an (average) mood; averages round to the nearest weather."""
    if mood is None:
        return QColor(NO_MOOD_COLOR)
    return QColor(_MOOD_COLORS[min(5, max(1, round(mood)))])
