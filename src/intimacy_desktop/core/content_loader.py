"""Read and check the content files (DESIGN.md §6) into core/content.py's dataclasses.

A file that is missing or not valid TOML, and an item with a missing or wrong field, never stops the app: that file
or item is left out, the rest loads, and each problem is kept (``Content.problems``) and logged naming the file, the
item's id and the field, never the text (content is not user data, but the rule is simple only without exceptions).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from intimacy_desktop import resources
from intimacy_desktop.core.content import (
    TAGS,
    Content,
    ContentProblem,
    Depth,
    Figure,
    FigureTable,
    LayerText,
    Mode,
    Prompt,
    Term,
)
from intimacy_desktop.core.content_fields import (
    Bad,
    Reader,
    choice,
    item_id,
    items,
    parse_all,
    read_file,
    strings,
    text,
)
from intimacy_desktop.core.layers import LAYERS, Layer

log = logging.getLogger(__name__)

LAYERS_FILE = "layers.toml"
GLOSSARY_FILE = "glossary.toml"
PROMPT_FILES = tuple(f"prompts_{layer.value}.toml" for layer in LAYERS)
PROMPT_TEXT_MAX = 220
FOLLOW_UP_MAX = 160


def load_content(lang: str = resources.DEFAULT_LANGUAGE, read: Reader | None = None) -> Content:
    """Everything, for ``lang`` (English where a file is not translated). ``read``: tests pass their own files."""
    reader: Reader = read or (lambda name: resources.load_toml(name, lang))
    problems: list[ContentProblem] = []
    glossary = {t.id: t for t in items(reader, GLOSSARY_FILE, "term", _term, problems)}
    layer_data = read_file(reader, LAYERS_FILE, problems)
    layers: dict[Layer, LayerText] = {}
    for layer_text in parse_all(LAYERS_FILE, layer_data.get("layer", []), _layer, problems):
        unknown = [t for t in layer_text.key_terms if t not in glossary]
        for term in unknown:
            problems.append(ContentProblem(LAYERS_FILE, layer_text.id.value, "key_terms", f"no glossary term {term!r}"))
        layers[layer_text.id] = replace(layer_text, key_terms=tuple(t for t in layer_text.key_terms if t in glossary))
    tables = tuple(parse_all(LAYERS_FILE, layer_data.get("figure_table", []), _table, problems))
    prompts: list[Prompt] = []
    for name in PROMPT_FILES:
        prompts.extend(items(reader, name, "prompt", _prompt, problems))
    content = Content(layers, tables, tuple(prompts), glossary, tuple(problems))
    for problem in problems:
        log.warning("content skipped: %s", problem)
    return content


# ---- kinds ------------------------------------------------------------------------------------------------------
def _prompt(item: dict[str, Any]) -> Prompt:
    prompt_id = item_id(item)
    layer = choice(item, "layer", Layer, LAYERS)
    depth = choice(item, "depth", Depth)
    if not prompt_id.startswith(f"{layer.value}-{depth.value}-"):
        raise Bad("id", "does not start with its layer and depth")
    tags = strings(item, "tags")
    unknown = sorted(set(tags) - TAGS)
    if unknown:
        raise Bad("tags", f"unknown tag {unknown[0]!r}")
    return Prompt(
        id=prompt_id,
        layer=layer,
        depth=depth,
        mode=choice(item, "mode", Mode),
        text=text(item, "text", limit=PROMPT_TEXT_MAX),
        follow_up=text(item, "follow_up", limit=FOLLOW_UP_MAX, required=False),
        tags=tags,
        source=text(item, "source", limit=200, required=False),
    )


def _figure(item: dict[str, Any]) -> Figure:
    return Figure(item_id(item), text(item, "value", limit=40), text(item, "text", limit=400),
                  text(item, "source", limit=300), text(item, "note", limit=400, required=False))


def _layer(item: dict[str, Any]) -> LayerText:
    raw_figures = item.get("figure", [])
    if not isinstance(raw_figures, list) or not all(isinstance(f, dict) for f in raw_figures):
        raise Bad("figure", "expected a list of tables")
    figures = []
    for f in raw_figures:
        try:
            figures.append(_figure(f))
        except Bad as bad:
            raise Bad(f"figure {f.get('id', '?')}.{bad.field}", bad.reason) from None
    return LayerText(
        id=choice(item, "id", Layer, LAYERS),
        name=text(item, "name", limit=40),
        summary=text(item, "summary", limit=200),
        definition=text(item, "definition", limit=1500),
        key_terms=strings(item, "key_terms"),
        figures=tuple(figures),
    )


def _table(item: dict[str, Any]) -> FigureTable:
    columns = strings(item, "columns")
    rows = item.get("rows", [])
    if not isinstance(rows, list) or not rows or not all(
        isinstance(r, list) and len(r) == len(columns) and all(isinstance(c, str) for c in r) for r in rows
    ):
        raise Bad("rows", "expected rows of text, as many cells as columns")
    return FigureTable(item_id(item), choice(item, "layer", Layer, LAYERS), text(item, "title", limit=200), columns,
                       tuple(tuple(r) for r in rows), text(item, "source", limit=300),
                       text(item, "note", limit=400, required=False))


def _term(item: dict[str, Any]) -> Term:
    layers = tuple(choice({"layer": v}, "layer", Layer, LAYERS) for v in strings(item, "layers"))
    return Term(item_id(item), text(item, "term", limit=60), text(item, "definition", limit=600), layers,
                text(item, "source", limit=200, required=False))
