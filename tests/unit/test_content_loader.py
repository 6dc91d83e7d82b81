"""The content loader (issue 9): a broken or missing file or item never crashes the app; it is left out, the rest
loads, and the problem names file, item and field, and is logged without the content's text."""

from __future__ import annotations

import logging
import tomllib
from typing import Any

import pytest

from intimacy_desktop.core.content import Depth, Mode
from intimacy_desktop.core.content_loader import GLOSSARY_FILE, LAYERS_FILE, load_content
from intimacy_desktop.core.layers import Layer

SECRET_TEXT = "zanzibar quokka lighthouse"  # stands for content text that must never reach the log

GOOD_PROMPT = {"id": "emotional-light-001", "layer": "emotional", "depth": "light", "mode": "together",
               "text": "What made you laugh today?", "tags": ["playful"]}


def _files(**files: Any) -> Any:
    def read(name: str) -> dict[str, Any]:
        if name not in files:
            raise FileNotFoundError(name)
        value = files[name]
        return tomllib.loads(value) if isinstance(value, str) else value

    return read


def _base(**extra: Any) -> dict[str, Any]:
    files: dict[str, Any] = {
        GLOSSARY_FILE: {"term": [{"id": "bids", "term": "Bids", "definition": "Small reaches for attention.",
                                  "layers": ["emotional"]}]},
        LAYERS_FILE: {"layer": [{"id": "emotional", "name": "Emotional", "summary": "Feeling known.",
                                 "definition": "Being known and accepted.", "key_terms": ["bids"],
                                 "figure": [{"id": "alone-63", "value": "63%", "text": "feel alone",
                                             "source": "a survey"}]}]},
        "prompts_emotional.toml": {"prompt": [GOOD_PROMPT]},
        "prompts_physical.toml": {"prompt": []},
        "prompts_intellectual.toml": {"prompt": []},
        "prompts_digital.toml": {"prompt": []},
    }
    files.update(extra)
    return files


def test_good_files_load_into_dataclasses() -> None:
    content = load_content(read=_files(**_base()))
    assert content.problems == ()
    [prompt] = content.prompts
    assert (prompt.layer, prompt.depth, prompt.mode, prompt.tags) == (Layer.EMOTIONAL, Depth.LIGHT, Mode.TOGETHER,
                                                                      ("playful",))
    assert content.layers[Layer.EMOTIONAL].figures[0].value == "63%"
    assert content.layers[Layer.EMOTIONAL].key_terms == ("bids",)
    assert content.prompt("emotional-light-001") is prompt


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"depth": "medium"}, "depth", "not one of light, deeper, deepest"),
        ({"mode": None}, "mode", "not one of"),
        ({"text": ""}, "text", "missing or not text"),
        ({"text": "x" * 221}, "text", "longer than 220"),
        ({"tags": ["spicy"]}, "tags", "unknown tag 'spicy'"),
        ({"id": "Emotional Light 1"}, "id", "not lower-case"),
        ({"id": "physical-light-001"}, "id", "does not start with its layer and depth"),
        ({"layer": "spiritual"}, "layer", "not one of"),
    ],
)
def test_a_bad_item_is_left_out_and_named(change: dict[str, Any], field: str, reason: str) -> None:
    bad = {**GOOD_PROMPT, "id": "emotional-light-002", **change}
    content = load_content(read=_files(**_base(**{"prompts_emotional.toml": {"prompt": [GOOD_PROMPT, bad]}})))
    assert [p.id for p in content.prompts] == ["emotional-light-001"]  # the rest still loads
    [problem] = content.problems
    assert problem.file == "prompts_emotional.toml" and problem.field == field and reason in problem.reason
    assert problem.item in ("emotional-light-002", str(change.get("id")))


def test_a_missing_file_and_a_broken_file_leave_the_rest_working(caplog: pytest.LogCaptureFixture) -> None:
    files = _base()
    del files["prompts_digital.toml"]
    files["prompts_physical.toml"] = f'[[prompt]]\nid = "physical-light-001"\ntext = "{SECRET_TEXT}\n'  # torn
    with caplog.at_level(logging.WARNING):
        content = load_content(read=_files(**files))
    assert [p.id for p in content.prompts] == ["emotional-light-001"]
    problems = {p.file: p.reason for p in content.problems}
    assert problems["prompts_digital.toml"] == "the file is missing"
    assert problems["prompts_physical.toml"].startswith("not valid TOML (line ")
    assert "prompts_physical.toml" in caplog.text and SECRET_TEXT not in caplog.text


def test_a_duplicate_id_keeps_the_first() -> None:
    twin = {**GOOD_PROMPT, "text": SECRET_TEXT}
    content = load_content(read=_files(**_base(**{"prompts_emotional.toml": {"prompt": [GOOD_PROMPT, twin]}})))
    assert [p.text for p in content.prompts] == [GOOD_PROMPT["text"]]
    assert [(p.item, p.field) for p in content.problems] == [("emotional-light-001", "id")]


def test_a_key_term_without_a_glossary_entry_is_dropped_and_named() -> None:
    files = _base()
    files[LAYERS_FILE]["layer"][0]["key_terms"] = ["bids", "love-maps"]
    content = load_content(read=_files(**files))
    assert content.layers[Layer.EMOTIONAL].key_terms == ("bids",)
    assert [(p.file, p.item, p.field) for p in content.problems] == [(LAYERS_FILE, "emotional", "key_terms")]


def test_a_bad_figure_names_the_figure_and_its_field() -> None:
    files = _base()
    files[LAYERS_FILE]["layer"][0]["figure"][0]["source"] = ""
    content = load_content(read=_files(**files))
    assert Layer.EMOTIONAL not in content.layers
    [problem] = content.problems
    assert (problem.item, problem.field) == ("emotional", "figure alone-63.source")
