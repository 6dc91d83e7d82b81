"""Translated words for the daily rhythm: the feeling words of the check-in (core/rhythm.py keeps stable ids)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("RhythmLabels", text)


def feeling_name(feeling: str) -> str:
    return {
        "calm": _t("Calm"), "tender": _t("Tender"), "hopeful": _t("Hopeful"), "grateful": _t("Grateful"),
        "playful": _t("Playful"), "close": _t("Close"), "content": _t("Content"), "tired": _t("Tired"),
        "stretched": _t("Stretched"), "anxious": _t("Anxious"), "lonely": _t("Lonely"),
        "irritable": _t("Irritable"), "sad": _t("Sad"), "distant": _t("Distant"),
    }.get(feeling, feeling)
