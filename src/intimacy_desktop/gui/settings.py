"""The only things the app remembers outside the encrypted vault: window geometry, the last profile folder,
whether the journal's calendar is folded away (a layout choice, nothing about the journal) and whether the window
last presented itself discreetly (so the locked window keeps the neutral name; the choice itself is in the vault).

Profile labels, passphrases and journal text never go here; a settings file is plaintext that anyone on the
computer account can read.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from intimacy_desktop import QT_NAME

_GEOMETRY = "window/geometry"
_LAST_PROFILE = "unlock/last_profile_folder"
_CALENDAR_SHOWN = "journal/calendar_shown"
_DISCREET = "window/neutral"


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, QT_NAME, QT_NAME
    )


def last_profile_folder() -> str:
    value = app_settings().value(_LAST_PROFILE, "")
    return value if isinstance(value, str) else ""


def remember_profile_folder(folder_name: str) -> None:
    app_settings().setValue(_LAST_PROFILE, folder_name)


def window_geometry() -> QByteArray | None:
    value = app_settings().value(_GEOMETRY)
    return value if isinstance(value, QByteArray) else None


def remember_window_geometry(geometry: QByteArray) -> None:
    app_settings().setValue(_GEOMETRY, geometry)


def calendar_shown() -> bool:
    """Whether the journal shows its month calendar; it does until the person folds it away."""
    return bool(app_settings().value(_CALENDAR_SHOWN, True, type=bool))


def remember_calendar_shown(shown: bool) -> None:
    app_settings().setValue(_CALENDAR_SHOWN, shown)


def discreet_window() -> bool:
    """Whether the last choice made on this computer was discreet mode: the locked window follows it."""
    return bool(app_settings().value(_DISCREET, False, type=bool))


def remember_discreet_window(discreet: bool) -> None:
    if discreet != discreet_window():
        app_settings().setValue(_DISCREET, discreet)
