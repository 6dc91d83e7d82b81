"""JournalService over a real encrypted database: filters, counts and the calendar's day moods."""

from __future__ import annotations

import datetime as dt

import pytest
from journal_support import ids

from intimacy_desktop.core.journal import EntryFields, EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.journal import JournalService

D = dt.date


# ---- filters ------------------------------------------------------------------------------------------------------


def test_filters_alone(journal: JournalService, corpus: dict[str, int]) -> None:
    c = corpus
    assert ids(journal.summaries(EntryFilter(mood=1))) == [c["fight"]]
    assert ids(journal.summaries(EntryFilter(layer=Layer.EMOTIONAL))) == [c["fight"], c["dont"]]
    assert ids(journal.summaries(EntryFilter(kind=Kind.ENTRY))) == [c["texts"], c["cafe"]]
    assert ids(journal.summaries(EntryFilter(tag="travel"))) == [c["dont"], c["holiday"]]
    assert ids(journal.summaries(EntryFilter(date_from=D(2024, 8, 1)))) == [c["texts"], c["fight"], c["dont"]]
    assert ids(journal.summaries(EntryFilter(date_to=D(2024, 7, 12)))) == [c["cafe"], c["holiday"]]
    # both ends are inclusive
    assert ids(journal.summaries(EntryFilter(date_from=D(2024, 7, 12), date_to=D(2024, 8, 1)))) == [
        c["dont"],
        c["cafe"],
    ]
    assert journal.summaries(EntryFilter(date_from=D(2025, 1, 1))) == []
    assert journal.summaries(EntryFilter(date_from=D(2024, 9, 2), date_to=D(2024, 7, 1))) == []


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EntryFilter(text="holiday", mood=1), ["fight"]),
        (EntryFilter(text="holiday", layer=Layer.PHYSICAL), ["holiday"]),
        (EntryFilter(text="holiday", kind=Kind.LOW), ["fight"]),
        (EntryFilter(text="holiday", tag="travel"), ["holiday"]),
        (EntryFilter(text="holiday", tag="conflict", mood=1, layer=Layer.EMOTIONAL, kind=Kind.LOW), ["fight"]),
        (EntryFilter(text="holiday", tag="conflict", mood=2), []),
        (EntryFilter(text="hol", date_from=D(2024, 8, 1)), ["fight"]),
        (EntryFilter(text="hol", date_to=D(2024, 7, 31)), ["holiday"]),
        (EntryFilter(text="the", date_from=D(2024, 7, 11), date_to=D(2024, 8, 2)), ["fight", "cafe"]),
        (EntryFilter(text="day", layer=Layer.DIGITAL), ["texts"]),
        (EntryFilter(tag="travel", layer=Layer.EMOTIONAL), ["dont"]),
        (EntryFilter(text="talk", tag="talk"), ["dont"]),
    ],
)
def test_filters_combine_with_text(
    journal: JournalService, corpus: dict[str, int], flt: EntryFilter, expected: list[str]
) -> None:
    found = ids(journal.summaries(flt))
    assert found == [corpus[name] for name in expected]
    assert journal.count(flt) == len(found)


def test_count_matches_summaries_for_many_filters(journal: JournalService) -> None:
    for i in range(60):
        journal.add(
            EntryFields(
                title=f"entry {i} {'even' if i % 2 == 0 else 'odd'}",
                body=f"word{i % 7} common",
                entry_date=D(2024, 1, 1) + dt.timedelta(days=i),
                mood=(i % 5) + 1 if i % 3 else None,
                layer=list(Layer)[i % len(Layer)],
                kind=list(Kind)[i % len(Kind)],
                tags=(f"t{i % 4}",),
            )
        )
    for i in range(0, 60, 9):
        journal.trash(i + 1)
    filters = [
        EntryFilter(),
        EntryFilter(text="common"),
        EntryFilter(text="even"),
        EntryFilter(text="word3"),
        EntryFilter(text="word", mood=2),
        EntryFilter(tag="t1"),
        EntryFilter(layer=Layer.DIGITAL, text="odd"),
        EntryFilter(kind=Kind.HIGH, date_from=D(2024, 1, 20)),
        EntryFilter(date_from=D(2024, 1, 10), date_to=D(2024, 1, 31), text="entry"),
    ]
    for flt in filters:
        for trash in (False, True):
            assert journal.count(flt, trash=trash) == len(journal.summaries(flt, limit=1000, trash=trash)), flt
    assert journal.count() == 60 - 7
    assert journal.count(trash=True) == 7
    assert len(journal.summaries(limit=10)) == 10


# ---- day moods ----------------------------------------------------------------------------------------------------


def test_day_moods_average_and_count(journal: JournalService) -> None:
    day, other, empty_moods, outside = D(2024, 5, 1), D(2024, 5, 2), D(2024, 5, 3), D(2024, 6, 1)
    journal.add(EntryFields(title="a", entry_date=day, mood=2))
    journal.add(EntryFields(title="b", entry_date=day, mood=5))
    journal.add(EntryFields(title="c", entry_date=day, mood=None))  # counted, not averaged
    journal.add(EntryFields(title="d", entry_date=other, mood=3))
    gone = journal.add(EntryFields(title="e", entry_date=other, mood=1))
    journal.trash(gone.id)
    journal.add(EntryFields(title="f", entry_date=empty_moods))
    journal.add(EntryFields(title="g", entry_date=outside, mood=1))
    moods = journal.day_moods(D(2024, 5, 1), D(2024, 5, 31))
    assert moods == {day: (3.5, 3), other: (3.0, 1), empty_moods: (None, 1)}
    assert journal.day_moods(D(2024, 5, 2), D(2024, 5, 2)) == {other: (3.0, 1)}  # inclusive range
    assert journal.day_moods(D(2023, 1, 1), D(2023, 12, 31)) == {}
