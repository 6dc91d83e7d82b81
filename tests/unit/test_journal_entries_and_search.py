"""JournalService over a real encrypted database: entries, tags and search (the fixtures: tests/unit/conftest.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from journal_support import ids, search

from intimacy_desktop.core.errors import EXIT_USAGE, UsageError
from intimacy_desktop.core.journal import TAG_MAX, TITLE_MAX, EntryFields, EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.snippets import MATCH_END, MATCH_START
from intimacy_desktop.services.journal import JournalService
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore

D = dt.date


# ---- CRUD ---------------------------------------------------------------------------------------------------------


def test_add_and_get_round_trip(journal: JournalService) -> None:
    fields = EntryFields(
        title="First evening",
        body="We talked for hours.\nSecond line — with ünïcödé and emoji 💜",
        entry_date=D(2024, 2, 14),
        mood=5,
        layer=Layer.EMOTIONAL,
        kind=Kind.HIGH,
        tags=("date night", "talk"),
        shared=True,
    )
    entry = journal.add(fields)
    assert entry.id > 0
    assert entry.fields == fields
    got = journal.get(entry.id)
    assert got.fields == fields
    assert got.created_at == entry.created_at
    assert got.updated_at == entry.updated_at
    assert journal.count() == 1


def test_ids_are_distinct_and_list_is_newest_first(journal: JournalService) -> None:
    a = journal.add(EntryFields(title="old", entry_date=D(2024, 1, 1)))
    b = journal.add(EntryFields(title="new", entry_date=D(2024, 3, 1)))
    c = journal.add(EntryFields(title="same day, later id", entry_date=D(2024, 3, 1)))
    assert len({a.id, b.id, c.id}) == 3
    assert ids(journal.summaries()) == [c.id, b.id, a.id]
    assert ids(journal.summaries(offset=1, limit=1)) == [b.id]


def test_update_changes_fields_and_reindexes(journal: JournalService) -> None:
    entry = journal.add(EntryFields(title="walrus", body="zebra", tags=("alpha",), mood=2))
    new = EntryFields(title="giraffe", body="okapi", tags=("beta",), mood=4, entry_date=D(2023, 5, 6))
    updated = journal.update(entry.id, new)
    assert updated.id == entry.id
    assert journal.get(entry.id).fields == new
    assert updated.updated_at >= entry.updated_at
    assert updated.created_at == entry.created_at
    assert search(journal, "walrus") == []
    assert search(journal, "zebra") == []
    assert search(journal, "alpha") == []
    assert search(journal, "giraffe") == [entry.id]
    assert search(journal, "okapi") == [entry.id]
    assert search(journal, "beta") == [entry.id]  # tags are searchable
    assert journal.count() == 1
    assert journal.tags() == ["beta"]


@pytest.mark.parametrize("action", ["get", "update", "trash", "restore", "purge"])
def test_unknown_entry_is_a_usage_error(journal: JournalService, action: str) -> None:
    kept = journal.add(EntryFields(title="kept"))
    call: Callable[[], object] = {
        "get": lambda: journal.get(999),
        "update": lambda: journal.update(999, EntryFields(title="x")),
        "trash": lambda: journal.trash(999),
        "restore": lambda: journal.restore(999),
        "purge": lambda: journal.purge(999),
    }[action]
    with pytest.raises(UsageError) as info:
        call()
    assert info.value.exit_code == EXIT_USAGE
    assert journal.get(kept.id).fields.title == "kept"
    assert journal.count() == 1


# ---- validation ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"mood": 7},
        {"mood": 0},
        {"mood": -1},
        {"title": "x" * (TITLE_MAX + 1)},
        {"tags": ("y" * (TAG_MAX + 1),)},
    ],
    ids=["mood7", "mood0", "mood-1", "title-too-long", "tag-too-long"],
)
def test_invalid_fields_raise_usage_error_and_save_nothing(journal: JournalService, kwargs: dict[str, Any]) -> None:
    fields = {"title": "t", **kwargs}
    with pytest.raises(UsageError) as info:
        EntryFields(**fields)
    assert info.value.exit_code == EXIT_USAGE
    assert journal.count() == 0


def test_limits_themselves_are_allowed(journal: JournalService) -> None:
    entry = journal.add(EntryFields(title="x" * TITLE_MAX, mood=1, tags=("y" * TAG_MAX,)))
    assert journal.get(entry.id).fields.title == "x" * TITLE_MAX
    assert journal.add(EntryFields(title="five", mood=5)).fields.mood == 5


def test_invalid_layer_or_kind_is_refused() -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - StrEnum refuses unknown values
        EntryFields(title="t", layer="cosmic")  # type: ignore[arg-type]
    with pytest.raises(ValueError):  # noqa: PT011
        EntryFields(title="t", kind="meh")  # type: ignore[arg-type]


# ---- tags ---------------------------------------------------------------------------------------------------------


def test_tags_are_normalised(journal: JournalService) -> None:
    entry = journal.add(EntryFields(title="t", tags=(" #Love ", "love", "Two   Words", "", "  ", "#", "LOVE")))
    assert entry.fields.tags == ("love", "two words")
    assert journal.get(entry.id).fields.tags == ("love", "two words")
    other = journal.add(EntryFields(title="u", tags=("LOVE",)))
    assert journal.tags() == ["love", "two words"]
    # one tag row shared by both entries; the filter is case-insensitive
    assert set(ids(journal.summaries(EntryFilter(tag="Love")))) == {entry.id, other.id}
    assert ids(journal.summaries(EntryFilter(tag="two words"))) == [entry.id]
    assert journal.count(EntryFilter(tag="nope")) == 0


def test_tags_in_use_exclude_trashed_entries(journal: JournalService) -> None:
    a = journal.add(EntryFields(title="a", tags=("kept",)))
    b = journal.add(EntryFields(title="b", tags=("gone",)))
    journal.trash(b.id)
    assert journal.tags() == ["kept"]
    journal.restore(b.id)
    assert journal.tags() == ["gone", "kept"]
    journal.purge(a.id)
    assert journal.tags() == ["gone"]


# ---- search -------------------------------------------------------------------------------------------------------


def test_search_finds_words_and_prefixes(journal: JournalService, corpus: dict[str, int]) -> None:
    assert set(search(journal, "holiday")) == {corpus["holiday"], corpus["fight"]}
    assert set(search(journal, "hol")) == {corpus["holiday"], corpus["fight"]}  # last word is a prefix
    assert search(journal, "beach") == [corpus["holiday"]]
    assert search(journal, "HOLIDAY SEA") == [corpus["holiday"]]  # every word must appear, case-insensitive
    assert search(journal, "sea holiday") == [corpus["holiday"]]
    assert search(journal, "holiday xylophone") == []
    assert search(journal, "beac warm") == []  # only the last word is a prefix
    assert search(journal, "travel") == sorted([corpus["holiday"], corpus["dont"]], reverse=True)


def test_search_ignores_diacritics_both_ways(journal: JournalService, corpus: dict[str, int]) -> None:
    assert search(journal, "cafe") == [corpus["cafe"]]
    assert search(journal, "CAFÉ") == [corpus["cafe"]]
    assert search(journal, "creme") == [corpus["cafe"]]
    assert search(journal, "naive") == [corpus["cafe"]]
    assert search(journal, "naïve coffee") == [corpus["cafe"]]


def test_search_snippets_mark_matches(journal: JournalService, corpus: dict[str, int]) -> None:
    [hit] = journal.summaries(EntryFilter(text="beach"))
    assert f"{MATCH_START}beach{MATCH_END}" in hit.snippet
    [hit] = journal.summaries(EntryFilter(text="messages"))
    assert hit.title == f"{MATCH_START}Messages{MATCH_END}"


@pytest.mark.parametrize(
    "query",
    [
        "don't",
        "it's",
        "'",
        "''''",
        '"',
        '"unterminated',
        '"holiday"',
        "*",
        "hol*",
        "**",
        "NEAR(",
        "NEAR(holiday sea)",
        "NEAR(holiday sea, 2)",
        "holiday AND sea",
        "holiday OR",
        "NOT holiday",
        "AND",
        "title:holiday",
        "body:",
        "{title body}: sea",
        "-holiday",
        "^holiday",
        "holiday +",
        "(holiday",
        "holiday)",
        "a:b:c",
        "\\",
        "%_",
        "_",
        "; DROP TABLE entries; --",
        "\x00",
        "\u0301",
        "e\u0301",
        "🙂",
        "   ",
        "",
    ],
)
def test_search_syntax_characters_never_raise(journal: JournalService, corpus: dict[str, int], query: str) -> None:
    found = search(journal, query)
    assert set(found) <= set(corpus.values())
    assert journal.count() == len(corpus)  # nothing was dropped


def test_apostrophes_and_syntax_still_find_the_words(journal: JournalService, corpus: dict[str, int]) -> None:
    assert search(journal, "don't") == [corpus["dont"]]
    assert search(journal, "it's fine") == [corpus["dont"]]
    assert search(journal, '"beach"') == [corpus["holiday"]]
    assert search(journal, "NEAR(beach") == []  # "near" is a plain word now, and no entry has it
    assert search(journal, "beach*") == [corpus["holiday"]]
    assert search(journal, "title:messages") == []  # "title" is a plain word too
    assert search(journal, "sea OR beach") == []  # OR is a word, not an operator


@pytest.fixture(scope="module")
def module_journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JournalService]:
    store = MemorySecretStore()
    service = ProfileService(tmp_path_factory.mktemp("hyp-search"), lambda: store, crypto.FAST_TEST_PARAMS)
    created = service.create("Hyp", "pw")
    j = created.profile.journal
    j.add(EntryFields(title="Holiday", body='don\'t "quote" NEAR(a b) * ^ café', tags=("x",)))
    j.add(EntryFields(title="Other", body="plain words only"))
    yield j
    created.profile.close()


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=40))
def test_any_typed_text_is_a_safe_query(module_journal: JournalService, query: str) -> None:
    found = ids(module_journal.summaries(EntryFilter(text=query)))
    assert module_journal.count(EntryFilter(text=query)) == len(found)
    assert len(found) <= 2


def test_list_previews_show_words_not_markdown(profiles) -> None:  # type: ignore[no-untyped-def]
    created = profiles.create("Marks", "pw")
    journal = created.profile.journal
    body = "# Sunday\n- we **laughed** at [the heron](https://example.org)\n> _quiet_"
    journal.add(EntryFields(title="t", body=body))
    [row] = journal.summaries()
    assert row.snippet == "Sunday we laughed at the heron quiet"
    [hit] = journal.summaries(EntryFilter(text="laugh"))
    assert hit.snippet == "Sunday we \x02laughed\x03 at the heron quiet"
    created.profile.close()
