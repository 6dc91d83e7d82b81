"""The one place the GUI turns an error (a code and its parameters) into words, in the person's language.

The templates are messages.py's table; each goes through ``QCoreApplication.translate("Errors", template)`` (the
context under which pyside6-lupdate extracts them), then gets its ``{name}`` placeholders filled. The CLI uses the same
table in English (``messages.english_text``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from intimacy_desktop.messages import CONTEXT, Coded, fill, template

if TYPE_CHECKING:
    from intimacy_desktop.services.profiles import ProfileInfo


def translated(code: str, params: Mapping[str, str | int] | None = None) -> str:
    """The message for ``code`` in the installed translation (English when there is none), filled in."""
    return fill(QCoreApplication.translate(CONTEXT, template(code)), params or {})


def error_text(error: Coded) -> str:
    """What to show for ``error`` (an ``AppError``)."""
    return translated(error.code, error.params)


def profile_label(info: ProfileInfo) -> str:
    """A profile's name in the picker: its own, or for a damaged one the words that say so."""
    return translated("damaged_profile", {"folder": info.short_id}) if info.damaged else info.label
