"""The entry codec: one dict format for the CLI's JSON, drafts, export and import; strict on what it reads."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy_desktop.core.entry_codec import (
    TAGS_MAX,
    entry_to_dict,
    fields_from_dict,
    fields_to_dict,
    summary_to_dict,
)
from intimacy_desktop.core.errors import AppError, EntryDataInvalid, UsageError
from intimacy_desktop.core.journal import BODY_MAX, MOODS, TAG_MAX, TITLE_MAX, Entry, EntryFields, EntrySummary, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.snippets import MATCH_END, MATCH_START

FIELDS = EntryFields(
    title="Sunday pancakes",
    body="We laughed about the burnt one.",
    entry_date=dt.date(2026, 11, 1),
    mood=5,
    layer=Layer.EMOTIONAL,
    kind=Kind.HIGH,
    tags=("breakfast", "kids"),
    shared=True,
)
WHEN = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)


def test_the_dict_format_is_exactly_the_one_the_cli_has_always_printed() -> None:
    """Scripts read `journal show --json` and `journal list --json`: same keys, same order, same value forms."""
    shown = entry_to_dict(Entry(7, FIELDS, WHEN, WHEN + dt.timedelta(hours=1)))
    assert shown == {
        "id": 7, "title": "Sunday pancakes", "body": "We laughed about the burnt one.", "date": "2026-11-01",
        "mood": 5, "layer": "emotional", "kind": "high", "tags": ["breakfast", "kids"], "shared": True,
        "created": "2026-11-01T09:30:00+00:00", "updated": "2026-11-01T10:30:00+00:00",
    }
    assert list(shown) == ["id", "title", "body", "date", "mood", "layer", "kind", "tags", "shared", "created",
                           "updated"]
    row = EntrySummary(7, f"Sunday {MATCH_START}pan{MATCH_END}cakes", dt.date(2026, 11, 1), None, Layer.NONE,
                       Kind.ENTRY, f"the {MATCH_START}burnt{MATCH_END} one")
    assert summary_to_dict(row) == {
        "id": 7, "title": "Sunday pancakes", "date": "2026-11-01", "mood": None, "layer": "none", "kind": "entry",
        "snippet": "the burnt one",
    }


def test_a_stored_entry_reads_back_as_its_fields() -> None:
    """An export's entries (with id and times) import as what was written; id and times are not taken over."""
    assert fields_from_dict(entry_to_dict(Entry(7, FIELDS, WHEN, WHEN))) == FIELDS


def test_only_title_and_date_are_required() -> None:
    only = fields_from_dict({"title": "", "date": "2026-11-01"})
    assert only == EntryFields(title="", entry_date=dt.date(2026, 11, 1))


def test_a_draft_saved_by_version_0_1_0_still_loads() -> None:
    old: dict[str, Any] = {"title": "half", "body": "b", "entry_date": "2024-02-29", "mood": None, "layer": "none",
                           "kind": "entry", "tags": [], "shared": False}
    assert fields_from_dict(old) == EntryFields(title="half", body="b", entry_date=dt.date(2024, 2, 29))


_tags = st.lists(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=TAG_MAX), max_size=8)
fields_strategy = st.builds(
    EntryFields,
    title=st.text(max_size=TITLE_MAX),
    body=st.text(max_size=2000),
    entry_date=st.dates(),
    mood=st.none() | st.sampled_from(list(MOODS)),
    layer=st.sampled_from(list(Layer)),
    kind=st.sampled_from(list(Kind)),
    tags=_tags.map(tuple),
    shared=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(fields=fields_strategy)
def test_round_trip_through_json(fields: EntryFields) -> None:
    data = json.loads(json.dumps(fields_to_dict(fields), ensure_ascii=False))
    assert fields_from_dict(data) == fields


# ---- hostile input: an import file may hold anything -------------------------------------------------------------

GOOD: dict[str, Any] = fields_to_dict(FIELDS)
BAD_VALUES: list[tuple[str, Any]] = [
    ("title", None), ("title", 12), ("title", ["a"]), ("body", b"bytes"), ("body", None),
    ("date", "2026-13-01"), ("date", "01/11/2026"), ("date", 20261101), ("date", "2026-11-01" * 100_000),
    ("date", "20261101"), ("mood", "5"), ("mood", True), ("mood", 5.0), ("layer", "spiritual"), ("layer", 1),
    ("layer", None), ("kind", "ENTRY"), ("tags", "a,b"), ("tags", [1, 2]), ("tags", {"a": 1}),
    ("tags", ["x"] * (TAGS_MAX + 1)), ("shared", "yes"), ("shared", 1), ("shared", None),
]


@pytest.mark.parametrize(("key", "value"), BAD_VALUES)
def test_a_field_of_the_wrong_form_is_refused_naming_it(key: str, value: Any) -> None:
    with pytest.raises(EntryDataInvalid) as caught:
        fields_from_dict({**GOOD, key: value})
    assert caught.value.code == "entry_field_invalid"
    assert caught.value.params == {"field": key}


@pytest.mark.parametrize("key", ["title", "date"])
def test_a_missing_required_field_is_refused(key: str) -> None:
    data = {k: v for k, v in GOOD.items() if k != key}
    with pytest.raises(EntryDataInvalid) as caught:
        fields_from_dict(data)
    assert caught.value.params == {"field": key}


@pytest.mark.parametrize("data", [None, [], "entry", 7, [("title", "t")]])
def test_something_that_is_not_an_object_is_refused(data: Any) -> None:
    with pytest.raises(EntryDataInvalid) as caught:
        fields_from_dict(data)
    assert caught.value.code == "entry_data_invalid"


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [("title", "t" * (TITLE_MAX + 1), "title_too_long"), ("body", "b" * (BODY_MAX + 1), "entry_too_long"),
     ("mood", 0, "mood_out_of_range"), ("mood", 10**100, "mood_out_of_range"), ("tags", ["t" * (TAG_MAX + 1)],
                                                                                  "tag_too_long")],
)
def test_values_beyond_the_limits_meet_the_same_rules_as_a_form(key: str, value: Any, code: str) -> None:
    with pytest.raises(UsageError) as caught:
        fields_from_dict({**GOOD, key: value})
    assert caught.value.code == code


def test_unknown_keys_are_ignored() -> None:
    assert fields_from_dict({**GOOD, "id": "not even a number", "future_field": {"x": 1}}) == FIELDS


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(overrides=st.dictionaries(st.sampled_from([*GOOD, "entry_date", "x"]), _json, max_size=6),
       drop=st.sets(st.sampled_from(list(GOOD))))
def test_any_json_is_either_an_entry_or_an_app_error(overrides: dict[str, Any], drop: set[str]) -> None:
    data = {k: v for k, v in {**GOOD, **overrides}.items() if k not in drop}
    refused: AppError | None = None
    try:
        fields = fields_from_dict(data)
    except AppError as exc:
        refused = exc
    if refused is not None:
        assert refused.code in {"entry_field_invalid", "entry_data_invalid", "title_too_long", "entry_too_long",
                                "mood_out_of_range", "tag_too_long"}
        return
    assert isinstance(fields, EntryFields)
    assert fields_from_dict(fields_to_dict(fields)) == fields
