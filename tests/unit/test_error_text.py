"""The GUI's words for an error go through Qt's translator under the context "Errors", then get their values."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from intimacy_desktop.core.errors import ProfileNotFound, SchemaTooNew, UsageError
from intimacy_desktop.gui.error_text import error_text, profile_label
from intimacy_desktop.messages import english_text
from intimacy_desktop.services.profiles import ProfileInfo


class _German(QTranslator):
    """A translator made in code: it records what it is asked and knows two messages."""

    WORDS: ClassVar[dict[str, str]] = {
        "A title can be at most {max} characters.": "Ein Titel darf höchstens {max} Zeichen haben.",
        "Damaged profile ({folder})": "Beschädigtes Profil ({folder})",
    }

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.asked.append((context, source))
        return self.WORDS.get(source) if context == "Errors" else None  # None: "not mine", as Qt expects

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def german(qapp: QCoreApplication) -> Iterator[_German]:
    translator = _German()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_error_text_is_translated_then_filled(german: _German) -> None:
    error = UsageError("title_too_long", max=300)
    assert error_text(error) == "Ein Titel darf höchstens 300 Zeichen haben."
    assert ("Errors", "A title can be at most {max} characters.") in german.asked
    assert english_text(error) == "A title can be at most 300 characters."  # the CLI's words are not affected


def test_without_a_translation_the_english_text_is_shown(german: _German) -> None:
    error = ProfileNotFound(name="Sam")
    assert error_text(error) == english_text(error) == "There is no profile named “Sam”."
    assert german.asked[-1][0] == "Errors"


def test_a_damaged_profile_is_named_by_the_gui_in_its_language(german: _German) -> None:
    info = ProfileInfo(Path("/nowhere/0123456789abcdef"), "", problem=SchemaTooNew())
    assert profile_label(info) == "Beschädigtes Profil (01234567)"
    assert profile_label(ProfileInfo(Path("/nowhere/x"), "Sam")) == "Sam"
