"""JournalService over a real encrypted database: entries, tags, search, filters, trash, drafts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy_desktop.core.errors import EXIT_USAGE, UsageError
from intimacy_desktop.core.journal import TAG_MAX, TITLE_MAX, EntryFields, EntryFilter, EntrySummary, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.snippets import MATCH_END, MATCH_START
from intimacy_desktop.services.journal import JournalService
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore

D = dt.date


@pytest.fixture
def profile(profiles: ProfileService) -> Iterator[UnlockedProfile]:
    created = profiles.create("Journal test", "pw")
    yield created.profile
    created.profile.close()


@pytest.fixture
def journal(profile: UnlockedProfile) -> JournalService:
    return profile.journal


def ids(summaries: Iterable[EntrySummary]) -> list[int]:
    return [s.id for s in summaries]


def search(journal: JournalService, text: str, **kw: Any) -> list[int]:
    flt = EntryFilter(text=text, **kw)
    found = ids(journal.summaries(flt))
    assert journal.count(flt) == len(found)
    return found


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


@pytest.fixture
def corpus(journal: JournalService) -> dict[str, int]:
    rows = {
        "holiday": EntryFields(
            title="Holiday by the sea",
            body="The beach was warm.",
            entry_date=D(2024, 7, 10),
            mood=5,
            layer=Layer.PHYSICAL,
            kind=Kind.HIGH,
            tags=("travel",),
        ),
        "cafe": EntryFields(
            title="Café crème",
            body="Naïve coffee talk at the café.",
            entry_date=D(2024, 7, 12),
            mood=4,
            layer=Layer.INTELLECTUAL,
            kind=Kind.ENTRY,
            tags=("coffee",),
        ),
        "dont": EntryFields(
            title="Apostrophes",
            body="We don't argue; it's fine.",
            entry_date=D(2024, 8, 1),
            mood=3,
            layer=Layer.EMOTIONAL,
            kind=Kind.REFLECTION,
            tags=("travel", "talk"),
        ),
        "fight": EntryFields(
            title="Rough day",
            body="An argument about the holiday plans.",
            entry_date=D(2024, 8, 2),
            mood=1,
            layer=Layer.EMOTIONAL,
            kind=Kind.LOW,
            tags=("conflict",),
        ),
        "texts": EntryFields(
            title="Messages",
            body="Sent funny texts all day.",
            entry_date=D(2024, 9, 1),
            mood=None,
            layer=Layer.DIGITAL,
            kind=Kind.ENTRY,
        ),
    }
    return {name: journal.add(f).id for name, f in rows.items()}


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


# ---- trash, restore, purge ----------------------------------------------------------------------------------------


def test_trash_hides_from_list_and_search_but_shows_in_trash(journal: JournalService) -> None:
    keep = journal.add(EntryFields(title="keeper", body="pineapple"))
    gone = journal.add(EntryFields(title="binned", body="pineapple"))
    journal.trash(gone.id)
    assert ids(journal.summaries()) == [keep.id]
    assert search(journal, "pineapple") == [keep.id]
    assert search(journal, "binned") == []
    assert ids(journal.summaries(trash=True)) == [gone.id]
    assert ids(journal.summaries(EntryFilter(text="pineapple"), trash=True)) == [gone.id]
    assert journal.count(trash=True) == 1
    assert journal.get(gone.id).fields.title == "binned"  # still readable from the trash

    journal.restore(gone.id)
    assert set(search(journal, "pineapple")) == {keep.id, gone.id}
    assert journal.summaries(trash=True) == []


def test_purge_removes_entry_and_index(journal: JournalService, profile: UnlockedProfile) -> None:
    keep = journal.add(EntryFields(title="keeper", body="mango", tags=("fruit",)))
    gone = journal.add(EntryFields(title="purged", body="mango secretword", tags=("fruit", "only-here")))
    journal.trash(gone.id)
    journal.purge(gone.id)
    with pytest.raises(UsageError):
        journal.get(gone.id)
    assert search(journal, "secretword") == []
    assert ids(journal.summaries(EntryFilter(text="secretword"), trash=True)) == []
    assert search(journal, "mango") == [keep.id]
    assert journal.count(trash=True) == 0
    assert journal.tags() == ["fruit"]
    # the FTS row itself is gone, not merely hidden by the join
    with profile._db.session() as s:  # type: ignore[union-attr]
        from sqlalchemy import text

        fts_rows = s.execute(text("SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'secretword'")).all()
        assert fts_rows == []
        assert s.execute(text("SELECT count(*) FROM entry_tags WHERE entry_id = :i"), {"i": gone.id}).scalar() == 0


def test_purge_works_without_trashing_first(journal: JournalService) -> None:
    gone = journal.add(EntryFields(title="direct", body="kiwi"))
    journal.purge(gone.id)
    assert search(journal, "kiwi") == []
    assert journal.count() == 0


# ---- drafts -------------------------------------------------------------------------------------------------------


def test_drafts_save_replace_and_drop(journal: JournalService) -> None:
    assert journal.drafts() == []
    first = EntryFields(title="typing", body="half a thought", tags=("Wip",), mood=3, entry_date=D(2024, 4, 4))
    journal.save_draft(None, first)
    second = EntryFields(title="typing more", body="a whole thought", layer=Layer.DIGITAL, kind=Kind.LOW)
    journal.save_draft(None, second)  # replaces, does not add
    drafts = journal.drafts()
    assert len(drafts) == 1
    entry_id, fields, saved = drafts[0]
    assert entry_id is None
    assert fields == second
    assert isinstance(saved, dt.datetime)

    entry = journal.add(EntryFields(title="existing"))
    assert journal.drafts() == []  # adding the new entry drops the new-entry draft
    journal.save_draft(None, first)
    journal.save_draft(entry.id, EntryFields(title="existing, edited"))
    assert sorted((d[0] or 0, d[1].title) for d in journal.drafts()) == [(0, "typing"), (entry.id, "existing, edited")]
    assert next(d for d in journal.drafts() if d[0] is None)[1].tags == ("wip",)

    journal.update(entry.id, EntryFields(title="existing, saved"))
    assert [(d[0], d[1].title) for d in journal.drafts()] == [(None, "typing")]  # update drops its own draft
    journal.discard_draft(None)
    assert journal.drafts() == []
    journal.discard_draft(None)  # dropping nothing is fine
    journal.discard_draft(12345)


def test_draft_of_a_purged_entry_goes_with_it(journal: JournalService) -> None:
    entry = journal.add(EntryFields(title="x"))
    journal.save_draft(entry.id, EntryFields(title="x edited"))
    journal.purge(entry.id)
    assert journal.drafts() == []


def test_everything_survives_lock_and_unlock(profiles: ProfileService, tmp_path: Path) -> None:
    created = profiles.create("Persist", "pw")
    j = created.profile.journal
    a = j.add(EntryFields(title="persisted", body="durian", tags=("t",), mood=2))
    b = j.add(EntryFields(title="trashed", body="durian"))
    j.trash(b.id)
    j.save_draft(None, EntryFields(title="draft"))
    created.profile.close()
    assert not created.profile.is_open

    profile = profiles.unlock(profiles.find("Persist"), "pw")
    try:
        j = profile.journal
        assert j.get(a.id).fields == EntryFields(
            title="persisted", body="durian", tags=("t",), mood=2, entry_date=a.fields.entry_date
        )
        assert search(j, "durian") == [a.id]
        assert ids(j.summaries(trash=True)) == [b.id]
        assert [d[1].title for d in j.drafts()] == ["draft"]
    finally:
        profile.close()


def test_database_errors_never_carry_entry_text(profiles) -> None:  # type: ignore[no-untyped-def]
    """An unexpected database error's message (what a crash prints) holds the SQL, never the values."""
    from sqlalchemy import text as sql
    from sqlalchemy.exc import DBAPIError

    created = profiles.create("Errors", "pw")
    db = created.profile._db
    assert db is not None
    secret = "the-thing-we-never-told-anyone"
    with pytest.raises(DBAPIError) as info, db.session() as s:
        s.execute(sql("INSERT INTO no_such_table VALUES (:v)"), {"v": secret})
    assert secret not in str(info.value)
    created.profile.close()


def test_a_locked_journal_refuses_work_and_holds_no_engine(profiles) -> None:  # type: ignore[no-untyped-def]
    from intimacy_desktop.core.errors import VaultLocked

    created = profiles.create("Locked", "pw")
    journal = created.profile.journal
    db = created.profile._db
    journal.add(EntryFields(title="before the lock"))
    created.profile.close()
    assert not hasattr(db, "engine")  # nothing left that holds the key in its URL
    with pytest.raises(VaultLocked):
        journal.summaries()
    created.profile.close()  # twice is fine


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
