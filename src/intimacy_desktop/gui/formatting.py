"""Dates and times as sentences show them, in the person's locale."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime


def qdate(day: dt.date) -> QDate:
    """A Python date as Qt's (the binding converts it, but its type stubs do not say so before 6.12)."""
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    """Qt's date as Python's."""
    return dt.date(day.year(), day.month(), day.day())


def format_when(moment: dt.datetime) -> str:
    """The long date and the short time, e.g. "Wednesday, 2 December 2026, 03:17". Qt's short date-time format
    is numbers only, and without a locale set (the C locale) reads "2 12 2026 03:17", which nobody can parse."""
    loc = QLocale()
    date = loc.toString(qdate(moment.date()), QLocale.FormatType.LongFormat)
    time = loc.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    return f"{date}, {time}"


def clock_text(seconds: float) -> str:
    """Time left as a countdown shows it, rounded up so "0:00" means really over: "9:59", "1:00:00"."""
    whole = max(0, int(seconds + 0.999))
    hours, rest = divmod(whole, 3600)
    if hours:
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{rest // 60}:{rest % 60:02d}"
