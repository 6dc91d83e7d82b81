"""Read and check the content files (DESIGN.md §6) into core/content.py's dataclasses.

A file that is missing or not valid TOML, and an item with a missing or wrong field, never stops the app: that file
or item is left out, the rest loads, and each problem is kept (``Content.problems``) and logged naming the file, the
item's id and the field, never the text (content is not user data, but the rule is simple only without exceptions).
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, TypeVar

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
from intimacy_desktop.core.layers import LAYERS, Layer

log = logging.getLogger(__name__)

LAYERS_FILE = "layers.toml"
GLOSSARY_FILE = "glossary.toml"
PROMPT_FILES = tuple(f"prompts_{layer.value}.toml" for layer in LAYERS)
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PROMPT_TEXT_MAX = 220
FOLLOW_UP_MAX = 160

T = TypeVar("T")
Reader = Callable[[str], dict[str, Any]]


class _Bad(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field, self.reason = field, reason


def load_content(lang: str = resources.DEFAULT_LANGUAGE, read: Reader | None = None) -> Content:
    """Everything, for ``lang`` (English where a file is not translated). ``read``: tests pass their own files."""
    reader: Reader = read or (lambda name: resources.load_toml(name, lang))
    problems: list[ContentProblem] = []
    glossary = {t.id: t for t in _items(reader, GLOSSARY_FILE, "term", _term, problems)}
    layer_data = _file(reader, LAYERS_FILE, problems)
    layers: dict[Layer, LayerText] = {}
    for text in _parse_all(LAYERS_FILE, layer_data.get("layer", []), _layer, problems):
        unknown = [t for t in text.key_terms if t not in glossary]
        for term in unknown:
            problems.append(ContentProblem(LAYERS_FILE, text.id.value, "key_terms", f"no glossary term {term!r}"))
        layers[text.id] = replace(text, key_terms=tuple(t for t in text.key_terms if t in glossary))
    tables = tuple(_parse_all(LAYERS_FILE, layer_data.get("figure_table", []), _table, problems))
    prompts: list[Prompt] = []
    for name in PROMPT_FILES:
        prompts.extend(_items(reader, name, "prompt", _prompt, problems))
    content = Content(layers, tables, tuple(prompts), glossary, tuple(problems))
    for problem in problems:
        log.warning("content skipped: %s", problem)
    return content


def _file(reader: Reader, name: str, problems: list[ContentProblem]) -> dict[str, Any]:
    try:
        return reader(name)
    except FileNotFoundError:
        problems.append(ContentProblem(name, "", "", "the file is missing"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(ContentProblem(name, "", "", f"not valid TOML ({_position(exc)})"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(ContentProblem(name, "", "", f"cannot be read ({type(exc).__name__})"))
    return {}


def _items(reader: Reader, name: str, key: str, parse: Callable[[dict[str, Any]], T],
           problems: list[ContentProblem]) -> list[T]:
    return _parse_all(name, _file(reader, name, problems).get(key, []), parse, problems)


def _parse_all(name: str, raw: object, parse: Callable[[dict[str, Any]], T], problems: list[ContentProblem]) -> list[T]:
    if not isinstance(raw, list):
        problems.append(ContentProblem(name, "", "", "expected a list of tables"))
        return []
    found: list[T] = []
    seen: set[str] = set()
    for position, item in enumerate(raw, start=1):
        label = str(item.get("id")) if isinstance(item, dict) and isinstance(item.get("id"), str) else f"#{position}"
        if not isinstance(item, dict):
            problems.append(ContentProblem(name, label, "", "expected a table"))
            continue
        try:
            parsed = parse(item)
        except _Bad as bad:
            problems.append(ContentProblem(name, label, bad.field, bad.reason))
            continue
        item_id = str(getattr(parsed, "id", ""))
        if item_id in seen:
            problems.append(ContentProblem(name, label, "id", "used twice; the second is left out"))
            continue
        seen.add(item_id)
        found.append(parsed)
    return found


# ---- fields -----------------------------------------------------------------------------------------------------
def _str(item: dict[str, Any], key: str, *, limit: int = 2000, required: bool = True) -> str:
    value = item.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise _Bad(key, "missing or not text")
    if len(value) > limit:
        raise _Bad(key, f"longer than {limit} characters")
    return value.strip()


def _id(item: dict[str, Any]) -> str:
    value = _str(item, "id", limit=80)
    if not ID.match(value):
        raise _Bad("id", "not lower-case words joined by hyphens")
    return value


def _choice(item: dict[str, Any], key: str, kind: type[Any], allowed: Iterable[Any] | None = None) -> Any:
    value = item.get(key)
    try:
        chosen = kind(value)
    except ValueError as exc:
        raise _Bad(key, f"not one of {', '.join(str(v) for v in (allowed or kind))}") from exc
    if allowed is not None and chosen not in tuple(allowed):
        raise _Bad(key, f"not one of {', '.join(str(v) for v in allowed)}")
    return chosen


def _strings(item: dict[str, Any], key: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _Bad(key, "expected a list of text")
    return tuple(value)


# ---- kinds ------------------------------------------------------------------------------------------------------
def _prompt(item: dict[str, Any]) -> Prompt:
    prompt_id = _id(item)
    layer = _choice(item, "layer", Layer, LAYERS)
    depth = _choice(item, "depth", Depth)
    if not prompt_id.startswith(f"{layer.value}-{depth.value}-"):
        raise _Bad("id", "does not start with its layer and depth")
    tags = _strings(item, "tags")
    unknown = sorted(set(tags) - TAGS)
    if unknown:
        raise _Bad("tags", f"unknown tag {unknown[0]!r}")
    return Prompt(
        id=prompt_id,
        layer=layer,
        depth=depth,
        mode=_choice(item, "mode", Mode),
        text=_str(item, "text", limit=PROMPT_TEXT_MAX),
        follow_up=_str(item, "follow_up", limit=FOLLOW_UP_MAX, required=False),
        tags=tags,
        source=_str(item, "source", limit=200, required=False),
    )


def _figure(item: dict[str, Any]) -> Figure:
    return Figure(_id(item), _str(item, "value", limit=40), _str(item, "text", limit=400),
                  _str(item, "source", limit=300), _str(item, "note", limit=400, required=False))


def _layer(item: dict[str, Any]) -> LayerText:
    raw_figures = item.get("figure", [])
    if not isinstance(raw_figures, list) or not all(isinstance(f, dict) for f in raw_figures):
        raise _Bad("figure", "expected a list of tables")
    figures = []
    for f in raw_figures:
        try:
            figures.append(_figure(f))
        except _Bad as bad:
            raise _Bad(f"figure {f.get('id', '?')}.{bad.field}", bad.reason) from None
    return LayerText(
        id=_choice(item, "id", Layer, LAYERS),
        name=_str(item, "name", limit=40),
        summary=_str(item, "summary", limit=200),
        definition=_str(item, "definition", limit=1500),
        key_terms=_strings(item, "key_terms"),
        figures=tuple(figures),
    )


def _table(item: dict[str, Any]) -> FigureTable:
    columns = _strings(item, "columns")
    rows = item.get("rows", [])
    if not isinstance(rows, list) or not rows or not all(
        isinstance(r, list) and len(r) == len(columns) and all(isinstance(c, str) for c in r) for r in rows
    ):
        raise _Bad("rows", "expected rows of text, as many cells as columns")
    return FigureTable(_id(item), _choice(item, "layer", Layer, LAYERS), _str(item, "title", limit=200), columns,
                       tuple(tuple(r) for r in rows), _str(item, "source", limit=300),
                       _str(item, "note", limit=400, required=False))


def _term(item: dict[str, Any]) -> Term:
    layers = tuple(_choice({"layer": v}, "layer", Layer, LAYERS) for v in _strings(item, "layers"))
    return Term(_id(item), _str(item, "term", limit=60), _str(item, "definition", limit=600), layers,
                _str(item, "source", limit=200, required=False))


def _position(exc: tomllib.TOMLDecodeError) -> str:
    text = str(exc)
    match = re.search(r"line \d+, column \d+", text)
    return match.group(0) if match else "position unknown"
