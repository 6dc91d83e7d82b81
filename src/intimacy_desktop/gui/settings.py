"""The only things the app remembers outside the encrypted vault: window geometry and the last profile folder.

Profile labels, passphrases and journal text never go here; a settings file is plaintext that anyone on the
computer account can read.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from intimacy_desktop import QT_NAME

_GEOMETRY = "window/geometry"
_LAST_PROFILE = "unlock/last_profile_folder"


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
