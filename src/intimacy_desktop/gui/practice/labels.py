"""The words for lengths, scales, turns and roles of the practice pages, translated in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intimacy_desktop.core.practice import Partner, Role, Scale


def _t(text: str) -> str:
    return QCoreApplication.translate("PracticeLabels", text)


def minutes_text(minutes: int) -> str:
    return _t("%1 min").replace("%1", str(minutes))


def partner_name(partner: Partner | str) -> str:
    return _t("Partner A") if str(partner) == Partner.A.value else _t("Partner B")


def turn_title(partner: Partner | None) -> str:
    if partner is Partner.B:
        return _t("Partner B's turn")
    return _t("Partner A's turn")


def role_line(role: Role | None) -> str:
    if role is Role.SPEAKER:
        return _t("You speak: share your own feelings, a little at a time, and say \"I\" rather than \"you\".")
    if role is Role.LISTENER:
        return _t("You listen: tell back what you heard, in your own words, before you give your answer.")
    if role is Role.BOTH:
        return _t("Take it in turns, slowly; there is no hurry.")
    return ""


def scale_labels(scale: Scale) -> tuple[str, ...]:
    """The answers a person can give, in order (five-point scales: the values 1..5)."""
    if scale is Scale.YES_NO:
        return (_t("Yes"), _t("No"))
    if scale is Scale.TRUE_FALSE:
        return (_t("True"), _t("False"))
    if scale is Scale.AGREE_5:
        return (_t("Strongly disagree"), _t("Disagree"), _t("Neither"), _t("Agree"), _t("Strongly agree"))
    if scale is Scale.OFTEN_5:
        return (_t("Never"), _t("Rarely"), _t("Sometimes"), _t("Often"), _t("Very often"))
    if scale is Scale.RATE_5:
        return ("1", "2", "3", "4", "5")
    return ()


def answer_text(scale: Scale, value: object) -> str:
    """An answer as the person gave it, for results and the side by side."""
    labels = scale_labels(scale)
    if isinstance(value, bool):
        return labels[0] if value else labels[1]
    if scale is Scale.HOURS and isinstance(value, int | float):
        return _t("%1 h").replace("%1", f"{float(value):g}")
    if isinstance(value, int) and 1 <= value <= len(labels):
        return labels[value - 1]
    return str(value)


def number(value: float) -> str:
    """A score without a trailing ".0": "7", "3.25"."""
    return f"{value:g}"
