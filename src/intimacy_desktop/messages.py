"""The words for every error code: one table, shared by the GUI (translated) and the CLI (English).

Core, storage and services raise ``AppError(code, **params)`` and never write a sentence; a front end looks the code
up here. The templates live in messages_vault.py and messages_features.py, each marked with
``QT_TRANSLATE_NOOP("Errors", ...)`` so that pyside6-lupdate extracts it into resources/translations/*.ts under the
context "Errors"; the GUI (``gui/error_text.py``) passes the template through
``QCoreApplication.translate("Errors", template)`` and then fills the ``{name}`` placeholders. The CLI fills the
English template directly, so these modules import neither Qt nor anything else of ours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

from intimacy_desktop.messages_features import FEATURE_MESSAGES
from intimacy_desktop.messages_vault import CONTEXT, QT_TRANSLATE_NOOP, VAULT_MESSAGES

__all__ = ["CONTEXT", "MESSAGES", "QT_TRANSLATE_NOOP", "english", "english_text", "fill", "template"]



# One table, in two files so that each stays readable; a code is in exactly one of them (tests/unit/test_messages.py).
MESSAGES: dict[str, str] = {**VAULT_MESSAGES, **FEATURE_MESSAGES}


class Coded(Protocol):
    """What an error offers this module: ``AppError`` has both (the table imports nothing of ours)."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> Mapping[str, str | int]: ...


def template(code: str) -> str:
    """The English template for ``code``; an unknown code (a bug) still yields a sentence, never a crash."""
    return MESSAGES.get(code, MESSAGES["unexpected"])


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, params: Mapping[str, object]) -> str:
    """Put ``params`` into the ``{name}`` placeholders of ``text``.

    Reporting an error must not raise one: a placeholder without a value stays as written, and any other brace
    (a slip in a translation) is left alone. Values are inserted as they are, never read as templates themselves.
    """
    return _PLACEHOLDER.sub(lambda m: str(params[m[1]]) if m[1] in params else m[0], text)


def english(code: str, params: Mapping[str, object] | None = None) -> str:
    return fill(template(code), params or {})


def english_text(error: Coded) -> str:
    """The error as one English sentence: what the CLI prints."""
    return english(error.code, error.params)
