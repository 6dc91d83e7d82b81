"""The conversation page's words, translated in one place: the presets, the roles, the feelings after a talk."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from intimacy_desktop.core.conversation import CUSTOM, Speaker
from intimacy_desktop.gui.formatting import format_when


def _t(text: str) -> str:
    return QCoreApplication.translate("ConversationLabels", text)


def preset_name(preset_id: str) -> str:
    names = {
        "daily-talk": _t("Daily talk, no devices"),
        "stress-reducing": _t("Stress-reducing conversation"),
        "deep-questions": _t("Deep questions"),
        "hug": _t("A 60-second hug"),
        "tech-free-dinner": _t("Tech-free dinner"),
        CUSTOM: _t("Your own length"),
    }
    return names.get(preset_id, _t("Conversation"))


def preset_line(preset_id: str) -> str:
    lines = {
        "daily-talk": _t("Ten minutes each day, phones in another room: one of the article's seven daily habits."),
        "stress-reducing": _t("About your days outside the relationship. Take turns; the listener takes your side "
                              "and does not fix (Gottman)."),
        "deep-questions": _t("A longer evening with cards from the deeper decks, one question at a time."),
        "hug": _t("Hold each other for a full minute, long enough for both bodies to settle."),
        "tech-free-dinner": _t("An hour at the table with the screens away. Cards are there if you want them."),
        CUSTOM: _t("Any length from 1 minute to 4 hours."),
    }
    return lines.get(preset_id, "")


def speaker_name(speaker: Speaker) -> str:
    # Partner names arrive with the household's two profiles; until then, A and B.
    return _t("Partner A") if speaker is Speaker.A else _t("Partner B")


def turn_line(speaker: Speaker) -> str:
    return _t("%1 speaks").replace("%1", speaker_name(speaker))


def speaker_role() -> str:
    return _t("Speaker: say what you feel about it, a piece at a time, and keep to \"I\".")


def listener_role() -> str:
    return _t("Listener: before you answer, say back what you heard in your own words.")


def feelings() -> tuple[str, ...]:
    """How the talk felt, ratings 1 to 5: a word each, no faces, no stars."""
    return (_t("Hard"), _t("Uneasy"), _t("Okay"), _t("Good"), _t("Close"))


def feeling(rating: int) -> str:
    words = feelings()
    return words[rating - 1] if 1 <= rating <= len(words) else ""


def minutes_of(seconds: float) -> int:
    return int(seconds // 60)


def length_text(seconds: float) -> str:
    if seconds < 120:
        return _t("%1 s").replace("%1", str(int(seconds)))
    return _t("%1 min").replace("%1", str(int(seconds // 60)))


def recent_line(started: dt.datetime, preset_id: str, actual_s: float, planned_s: float, completed: bool,
                rating: int | None) -> str:
    """One logged talk: "1 Dec 2026, 20:14 · Daily talk · 10 of 10 min · finished · felt close"."""
    status = _t("finished") if completed else _t("ended early")
    parts = [format_when(started), preset_name(preset_id), _t("%1 of %2").replace(
        "%1", length_text(actual_s) if actual_s < 120 else str(minutes_of(actual_s))).replace(
        "%2", length_text(planned_s)), status]
    if rating:
        parts.append(_t("felt %1").replace("%1", feeling(rating).lower()))
    return "  ·  ".join(p for p in parts if p)
