"""Errors are codes with parameters; their words live in one table (messages.py) that the GUI and the CLI share.

The raise sites are read from the source itself (the ast), so a new code without a template, a template whose
placeholders differ from what its raise sites pass, or an English sentence passed where a code belongs fails here.
"""

from __future__ import annotations

import ast
import inspect
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest

from intimacy_desktop.core import errors
from intimacy_desktop.core.errors import AppError, DataCorrupt, KeyringUnavailable, UsageError, WrongPassphrase
from intimacy_desktop.messages import CONTEXT, MESSAGES, english, english_text, fill, template

PKG = Path(__file__).parents[2] / "src" / "intimacy_desktop"
ERROR_CLASSES = {
    name: cls for name, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, AppError)
}
RENDERERS = {"english", "translated"}  # english(code, {...}) / translated(code, {...}): labels, not errors
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _uses() -> dict[str, list[tuple[str, set[str]]]]:
    """Every code made anywhere in src/, with where and the parameter names passed there."""
    found: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for path in PKG.rglob("*.py"):
        if "_generated" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            where = f"{path.relative_to(PKG)}:{node.lineno}"
            if name in ERROR_CLASSES:
                first = node.args[0] if node.args else None
                if first is not None and not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    found["<not a literal code>"].append((where, set()))
                    continue
                code = str(first.value) if isinstance(first, ast.Constant) else ERROR_CLASSES[name].code
                found[code].append((where, {k.arg for k in node.keywords if k.arg}))
            elif (name in RENDERERS and node.args and isinstance(node.args[0], ast.Constant)
                  and isinstance(node.args[0].value, str)):  # not Qt's QRectF.translated(0, y)
                params: set[str] = set()
                if len(node.args) > 1 and isinstance(node.args[1], ast.Dict):
                    params = {str(k.value) for k in node.args[1].keys if isinstance(k, ast.Constant)}
                found[str(node.args[0].value)].append((where, params))
    return found


USES = _uses()


def test_every_raise_site_passes_a_literal_code() -> None:
    assert "<not a literal code>" not in USES, USES.get("<not a literal code>")


def test_the_scan_sees_the_raise_sites() -> None:
    """The checker must find real sites, or the tests below would pass on nothing."""
    assert any(where.startswith("core/journal.py") for where, _ in USES["title_too_long"])
    assert USES["title_too_long"][0][1] == {"max"}
    assert any(where.startswith("storage/vault.py") for where, _ in USES["wrong_passphrase"])  # WrongPassphrase()


@pytest.mark.parametrize("code", sorted(c for c in USES if not c.startswith("<")))
def test_every_code_used_has_a_template_with_the_same_placeholders(code: str) -> None:
    assert code in MESSAGES, f"{code} is used at {USES[code]} but has no template in messages.py"
    for where, params in USES[code]:
        assert params == placeholders(MESSAGES[code]), f"{where} passes {params} to {code!r}"


def test_every_template_is_used_and_every_class_default_has_one() -> None:
    assert set(MESSAGES) - set(USES) <= {"unexpected"} | {cls.code for cls in ERROR_CLASSES.values()}
    for cls in ERROR_CLASSES.values():
        assert cls.code in MESSAGES, cls


@pytest.mark.parametrize("code", sorted(c for c in USES if c in MESSAGES))
def test_each_error_renders_as_one_filled_sentence(code: str) -> None:
    params = dict.fromkeys(placeholders(MESSAGES[code]), 7)
    error = AppError(code, **params)
    text = english_text(error)
    assert text and "{" not in text and "}" not in text
    assert error.message == text  # the transitional property says the same as the CLI
    assert "\n" not in text  # the CLI prints one line


def test_an_error_carries_its_code_and_params_and_no_sentence() -> None:
    error = UsageError("title_too_long", max=300)
    assert (error.code, error.params, str(error)) == ("title_too_long", {"max": 300}, "title_too_long")
    assert error.message == "A title can be at most 300 characters."
    assert WrongPassphrase().code == "wrong_passphrase"
    assert DataCorrupt("database_empty").exit_code == DataCorrupt().exit_code == errors.EXIT_DATA
    assert "Sam" not in repr(errors.ProfileNotFound(name="Sam"))  # what a person named stays out of logs


def test_exit_codes_are_unchanged() -> None:
    expected = {
        "AppError": 2, "UsageError": 2, "ProfileNotFound": 2, "ProfileExists": 2, "EntryDataInvalid": 2,
        "VaultLocked": 2, "AlreadyRunning": 2, "WrongPassphrase": 3, "WrongRecoveryCode": 3,
        "KeyringUnavailable": 4, "KeyringLocked": 4, "KeyringSecretMissing": 4, "KeyringMismatch": 4,
        "KeyringBackendChanged": 4, "DataCorrupt": 5, "HeaderCorrupt": 5, "SchemaTooNew": 5, "DiskFull": 5,
        "ImportRefused": 5,
    }
    assert {name: cls.exit_code for name, cls in ERROR_CLASSES.items()} == expected


def test_reporting_an_error_never_raises() -> None:
    assert english("no_such_code") == MESSAGES["unexpected"]
    assert english("title_too_long") == "A title can be at most {max} characters."  # a missing value stays visible
    assert fill("broken {translation", {"x": 1}) == "broken {translation"
    assert fill("{name} and {0}", {"name": "{x}"}) == "{x} and {0}"  # values are not templates


def test_no_english_sentence_is_passed_to_an_error_in_core_storage_or_services() -> None:
    """The grep of the issue, done on the ast: an error's first argument is a code (snake_case), never prose."""
    code = re.compile(r"^[a-z][a-z0-9_]*$")
    for path in [*PKG.glob("core/*.py"), *PKG.glob("storage/*.py"), *PKG.glob("services/*.py"), PKG / "cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _call_name(node) in ERROR_CLASSES:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    if isinstance(arg, ast.JoinedStr):
                        pytest.fail(f"{path.name}:{node.lineno} builds an f-string")
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg in node.args:
                        assert code.match(arg.value), f"{path.name}:{node.lineno}: {arg.value!r}"


def test_keyring_errors_keep_their_cli_wording() -> None:
    """Scripts and the Secret Service test look for these words; the table kept them."""
    assert english_text(KeyringUnavailable("keyring_unavailable_new_profile")).startswith(
        "No system keyring is available"
    )
    assert template("keyring_unavailable_new_profile").startswith(template("keyring_unavailable_setup"))


def test_the_translation_tool_extracts_every_template_under_errors(tmp_path: Path) -> None:
    """QT_TRANSLATE_NOOP is only a marker: prove pyside6-lupdate really finds each template, whole, in "Errors"."""
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    tool = str(exe) if exe.exists() else shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path / "errors.ts"
    tables = [str(PKG / name) for name in ("messages.py", "messages_vault.py", "messages_features.py")]
    subprocess.run([tool, *tables, "-ts", str(ts)], check=True, capture_output=True, timeout=60)
    contexts = ET.parse(ts).getroot().findall("context")  # noqa: S314 - a file lupdate just wrote from our source
    extracted = {
        (ctx.findtext("name"), msg.findtext("source")) for ctx in contexts for msg in ctx.findall("message")
    }
    assert extracted == {(CONTEXT, text) for text in MESSAGES.values()}


def test_each_code_has_its_words_in_one_of_the_two_tables_only() -> None:
    from intimacy_desktop.messages_features import FEATURE_MESSAGES
    from intimacy_desktop.messages_vault import VAULT_MESSAGES

    assert not VAULT_MESSAGES.keys() & FEATURE_MESSAGES.keys()
    assert len(MESSAGES) == len(VAULT_MESSAGES) + len(FEATURE_MESSAGES)
