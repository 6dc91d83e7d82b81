"""The words for depths, modes, closed decks and Today's reasons, translated in one place.

The core and the services keep codes ("warm_up", "least", Depth.LIGHT); what a person reads is worded here, so the
layer pages and Today say the same thing the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intimacy_desktop.core.content import Depth, Mode
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui.journal.labels import layer_name


def _t(text: str) -> str:
    return QCoreApplication.translate("LayerLabels", text)


def depth_name(depth: Depth) -> str:
    return {Depth.LIGHT: _t("Light"), Depth.DEEPER: _t("Deeper"), Depth.DEEPEST: _t("Deepest")}[depth]


def depth_hint(depth: Depth) -> str:
    """One line under a deck's name: what kind of conversation to expect."""
    return {
        Depth.LIGHT: _t("Easy openers, good on any evening."),
        Depth.DEEPER: _t("Questions that take a little more trust."),
        Depth.DEEPEST: _t("The most personal questions, for when you both have time."),
    }[depth]


def mode_name(mode: Mode) -> str:
    return {Mode.TOGETHER: _t("Together"), Mode.SOLO: _t("On your own")}[mode]


def closed_reason(code: str) -> str:
    """Why a deck cannot be opened yet, for the codes of services.prompts.DeckState.closed."""
    if code == "warm_up":
        return _t("Opens after your first lighter card here: the deepest questions land better once you have "
                  "warmed up together.")
    if code == "opt_in":
        return _t("These cards stay out of sight until you choose to show them.")
    return ""


def suggestion_reason(reason: str, layer: Layer) -> str:
    """Today's one line on why this card, for the codes of core.prompt_picker.Suggestion.reason. No guilt."""
    name = layer_name(layer)
    if reason == "new":
        text = _t("You have not opened the {layer} layer yet.")
    elif reason == "unvisited":
        text = _t("You have not spent time on the {layer} layer this week.")
    else:
        text = _t("The {layer} layer is the one you have visited least this week.")
    return text.replace("{layer}", name)  # the name as the sidebar says it: lower-casing is not safe in every language
