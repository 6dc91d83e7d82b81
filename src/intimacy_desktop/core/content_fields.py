"""Reading and checking fields of the content files, shared by the loaders of every kind of content (DESIGN.md §6).

A reader names a problem by the field it found wrong (``Bad``); ``parse_all`` turns that into a ``ContentProblem``
naming file, item and field, leaves the item out and goes on. Never the text: problems are logged.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from intimacy_desktop.core.content import ContentProblem

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

T = TypeVar("T")
Reader = Callable[[str], dict[str, Any]]


class Bad(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field, self.reason = field, reason


def read_file(reader: Reader, name: str, problems: list[ContentProblem]) -> dict[str, Any]:
    try:
        return reader(name)
    except FileNotFoundError:
        problems.append(ContentProblem(name, "", "", "the file is missing"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(ContentProblem(name, "", "", f"not valid TOML ({_position(exc)})"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(ContentProblem(name, "", "", f"cannot be read ({type(exc).__name__})"))
    return {}


def items(reader: Reader, name: str, key: str, parse: Callable[[dict[str, Any]], T],
          problems: list[ContentProblem]) -> list[T]:
    return parse_all(name, read_file(reader, name, problems).get(key, []), parse, problems)


def parse_all(name: str, raw: object, parse: Callable[[dict[str, Any]], T], problems: list[ContentProblem]) -> list[T]:
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
        except Bad as bad:
            problems.append(ContentProblem(name, label, bad.field, bad.reason))
            continue
        parsed_id = str(getattr(parsed, "id", ""))
        if parsed_id in seen:
            problems.append(ContentProblem(name, label, "id", "used twice; the second is left out"))
            continue
        seen.add(parsed_id)
        found.append(parsed)
    return found


# ---- fields ----------------------------------------------------------------------------------------------------
def text(item: dict[str, Any], key: str, *, limit: int = 2000, required: bool = True) -> str:
    value = item.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise Bad(key, "missing or not text")
    if len(value) > limit:
        raise Bad(key, f"longer than {limit} characters")
    return value.strip()


def item_id(item: dict[str, Any]) -> str:
    value = text(item, "id", limit=80)
    if not ID.match(value):
        raise Bad("id", "not lower-case words joined by hyphens")
    return value


def choice(item: dict[str, Any], key: str, kind: type[Any], allowed: Iterable[Any] | None = None) -> Any:
    value = item.get(key)
    try:
        chosen = kind(value)
    except ValueError as exc:
        raise Bad(key, f"not one of {', '.join(str(v) for v in (allowed or kind))}") from exc
    if allowed is not None and chosen not in tuple(allowed):
        raise Bad(key, f"not one of {', '.join(str(v) for v in allowed)}")
    return chosen


def strings(item: dict[str, Any], key: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise Bad(key, "expected a list of text")
    return tuple(value)


def whole(item: dict[str, Any], key: str, low: int, high: int, *, required: bool = True) -> int | None:
    """A whole number from ``low`` to ``high``; None when it may be left out and is."""
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise Bad(key, f"not a whole number from {low} to {high}")
    return value


def flag(item: dict[str, Any], key: str, default: bool = False) -> bool:
    value = item.get(key, default)
    if not isinstance(value, bool):
        raise Bad(key, "not true or false")
    return value


def tables(item: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise Bad(key, "expected a list of tables")
    return value


def _position(exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc)
    match = re.search(r"line \d+, column \d+", message)
    return match.group(0) if match else "position unknown"
