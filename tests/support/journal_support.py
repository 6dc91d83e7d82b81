"""Helpers for tests/unit/test_journal_*.py; their `journal` and `corpus` fixtures are in tests/unit/conftest.py."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from intimacy_desktop.core.journal import EntryFilter, EntrySummary
from intimacy_desktop.services.journal import JournalService


def ids(summaries: Iterable[EntrySummary]) -> list[int]:
    return [s.id for s in summaries]


def search(journal: JournalService, text: str, **kw: Any) -> list[int]:
    flt = EntryFilter(text=text, **kw)
    found = ids(journal.summaries(flt))
    assert journal.count(flt) == len(found)
    return found
