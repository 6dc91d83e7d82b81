"""The real CLI with awkward input: names with control codes, short passphrases, entry text kept off the command
line, no terminal, text that is not UTF-8, no display, a closed output, and the documented exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.vault import create_vault

ROOT = Path(__file__).parents[2]
LONG = "correct horse battery staple"


def run(env: dict[str, str], *args: str, stdin: bytes | str | None = b"", drop: tuple[str, ...] = (),
        **extra: str) -> subprocess.CompletedProcess[str]:
    """The CLI without a controlling terminal (a new session) and, unless given, an empty standard input."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "intimacy_desktop", *args],
        input=data,
        stdin=subprocess.DEVNULL if data is None else None,
        capture_output=True,
        env={**{k: v for k, v in env.items() if k not in drop}, **extra},
        timeout=120,
        start_new_session=True,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "backslashreplace"),
                                       proc.stderr.decode("utf-8", "backslashreplace"))


def one_sentence(proc: subprocess.CompletedProcess[str], code: int) -> str:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert proc.stderr.startswith("intimacy-desktop: ") and proc.stderr.count("\n") == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stderr


@pytest.fixture
def jo(cli_env: dict[str, str]) -> dict[str, str]:
    made = run(cli_env, "profile", "create", "--name", "Jo")
    assert made.returncode == 0, made.stderr
    return cli_env


def _entries(env: dict[str, str]) -> list[dict[str, object]]:
    listed = run(env, "journal", "list", "--profile", "Jo", "--json")
    assert listed.returncode == 0, listed.stderr
    return [json.loads(run(env, "journal", "show", str(e["id"]), "--profile", "Jo", "--json").stdout)
            for e in json.loads(listed.stdout)]


# ---- names ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Jo\x1b[31mred", "Jo\nSam", "Jo\u202eoJ", "\u2066Jo\u2069", "Jo\x7f"])
def test_create_refuses_a_name_with_control_characters(cli_env: dict[str, str], name: str) -> None:
    err = one_sentence(run(cli_env, "profile", "create", "--name", name), 2)
    assert "control" in err and "\x1b" not in err and "\u202e" not in err
    assert run(cli_env, "profile", "list").stdout == ""


def test_profile_list_escapes_control_codes_in_a_header_written_by_someone_else(cli_env: dict[str, str]) -> None:
    folder = Path(cli_env["INTIMACY_DESKTOP_DATA_DIR"]) / "profiles" / "0123456789abcdef"
    folder.parent.mkdir(mode=0o700)
    create_vault(folder, "Jo\x1b]0;owned\x07\x1b[2J\u202eevil\u2066", LONG, None, FAST_TEST_PARAMS)
    listed = run(cli_env, "profile", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == "Jo\\x1b]0;owned\\x07\\x1b[2J\\u202eevil\\u2066\n"


# ---- passphrases ----------------------------------------------------------------------------------------------------
def test_the_cli_refuses_a_passphrase_shorter_than_the_gui_s_minimum(cli_env: dict[str, str]) -> None:
    short = run(cli_env, "profile", "create", "--name", "Jo", INTIMACY_DESKTOP_PASSPHRASE="7 chars")
    assert "at least 8 characters" in one_sentence(short, 2)
    assert run(cli_env, "profile", "list").stdout == ""
    made = run(cli_env, "profile", "create", "--name", "Jo", INTIMACY_DESKTOP_PASSPHRASE="8 chars!")
    assert made.returncode == 0, made.stderr
    code = made.stdout.strip()
    change = run(cli_env, "profile", "recover", "--name", "Jo", INTIMACY_DESKTOP_PASSPHRASE="short",
                 INTIMACY_DESKTOP_RECOVERY_CODE=code)
    assert "at least 8 characters" in one_sentence(change, 2)
    again = run(cli_env, "profile", "recover", "--name", "Jo", INTIMACY_DESKTOP_PASSPHRASE=LONG,
                INTIMACY_DESKTOP_RECOVERY_CODE=code)
    assert again.returncode == 0, again.stderr  # the refused change used nothing up: the old code still works
    assert run(cli_env, "journal", "list", "--profile", "Jo", INTIMACY_DESKTOP_PASSPHRASE=LONG).returncode == 0


@pytest.mark.parametrize("args", [("journal", "list", "--profile", "Jo"), ("profile", "create", "--name", "Sam")])
def test_no_terminal_and_no_passphrase_variable_is_one_sentence(jo: dict[str, str], args: tuple[str, ...]) -> None:
    for stdin in (None, b""):  # standard input closed, or empty
        err = one_sentence(run(jo, *args, stdin=stdin, drop=("INTIMACY_DESKTOP_PASSPHRASE",)), 2)
        assert "INTIMACY_DESKTOP_PASSPHRASE" in err and "terminal" in err


def test_no_terminal_and_no_recovery_code_variable_is_one_sentence(jo: dict[str, str]) -> None:
    err = one_sentence(run(jo, "profile", "recover", "--name", "Jo", stdin=None), 2)
    assert "INTIMACY_DESKTOP_RECOVERY_CODE" in err


# ---- entry text off the command line --------------------------------------------------------------------------------
def test_journal_add_reads_the_title_from_the_first_line_of_standard_input(jo: dict[str, str]) -> None:
    added = run(jo, "journal", "add", "--profile", "Jo", "--mood", "4",
                stdin="Walk by the river\r\n\r\nCold hands.\r\nWarm tea.\r\n")
    assert added.returncode == 0, added.stderr
    title_only = run(jo, "journal", "add", "--profile", "Jo", stdin="\ufeffJust a title\n")
    assert title_only.returncode == 0, title_only.stderr
    with_body = run(jo, "journal", "add", "--profile", "Jo", "--body", "from the option", stdin="Titled\n")
    assert with_body.returncode == 0, with_body.stderr
    entries = {e["title"]: e["body"] for e in _entries(jo)}
    assert entries == {"Walk by the river": "Cold hands.\nWarm tea.", "Just a title": "",
                       "Titled": "from the option"}
    assert "needs a title" in one_sentence(run(jo, "journal", "add", "--profile", "Jo", stdin="\n\nbody\n"), 2)
    twice = run(jo, "journal", "add", "--profile", "Jo", "--body", "b", stdin="Title\nand a body\n")
    assert "--body" in one_sentence(twice, 2)
    assert len(_entries(jo)) == 3


def test_journal_search_reads_the_query_from_standard_input(jo: dict[str, str]) -> None:
    assert run(jo, "journal", "add", "--profile", "Jo", stdin="Pancakes\nThe burnt one.\n").returncode == 0
    assert run(jo, "journal", "add", "--profile", "Jo", stdin="Walk\nBy the river.\n").returncode == 0
    found = run(jo, "journal", "search", "--query-stdin", "--profile", "Jo", "--json", stdin="burnt\n")
    assert found.returncode == 0, found.stderr
    assert [e["title"] for e in json.loads(found.stdout)] == ["Pancakes"]
    both = run(jo, "journal", "search", "river", "--query-stdin", "--profile", "Jo", stdin="burnt\n")
    one_sentence(both, 2)
    one_sentence(run(jo, "journal", "search", "--profile", "Jo"), 2)


# ---- text that is not UTF-8 -----------------------------------------------------------------------------------------
def test_arguments_that_are_not_utf8_are_one_sentence_and_change_nothing(jo: dict[str, str]) -> None:
    bad = "\udcff\udcfe"  # subprocess passes it as the bytes ff fe: what a Latin-1 terminal sends for "ÿþ"
    err = one_sentence(run(jo, "journal", "add", "--profile", "Jo", "--title", bad, "--body", "x"), 2)
    assert "--title" in err and "UTF-8" in err
    assert "--tag" in one_sentence(run(jo, "journal", "add", "--profile", "Jo", "--title", "t", "--tag", bad), 2)
    assert "UTF-8" in one_sentence(run(jo, "journal", "search", bad, "--profile", "Jo"), 2)
    assert "UTF-8" in one_sentence(run(jo, "profile", "create", "--name", f"Sam{bad}"), 2)
    assert "UTF-8" in one_sentence(run(jo, "journal", "list", "--profile", "Jo",
                                       INTIMACY_DESKTOP_PASSPHRASE=f"{LONG}{bad}"), 2)
    assert _entries(jo) == []


@pytest.mark.parametrize("locale", [{}, {"LC_ALL": "C.UTF-8", "PYTHONUTF8": "0"}, {"PYTHONUTF8": "1"}])
def test_standard_input_that_is_not_utf8_is_one_sentence_and_changes_nothing(jo: dict[str, str],
                                                                           locale: dict[str, str]) -> None:
    for args in (("--title", "t"), ()):
        proc = run({**jo, **locale}, "journal", "add", "--profile", "Jo", *args, stdin=b"Title\nab\xff\xfe cd\n")
        assert "Standard input" in one_sentence(proc, 2)
    search = run({**jo, **locale}, "journal", "search", "--query-stdin", "--profile", "Jo", stdin=b"\xff")
    assert "UTF-8" in one_sentence(search, 2)
    assert _entries(jo) == []


# ---- no display, a closed output ------------------------------------------------------------------------------------
def test_a_display_that_does_not_answer_is_one_sentence(cli_env: dict[str, str]) -> None:
    n = next(n for n in range(120, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    if not sys.platform.startswith("linux"):
        pytest.skip("X11 and Wayland are Linux's")
    proc = run(cli_env, drop=("QT_QPA_PLATFORM", "WAYLAND_DISPLAY"), DISPLAY=f":{n}")
    assert f":{n}" in one_sentence(proc, 2)
    wayland = run(cli_env, drop=("QT_QPA_PLATFORM", "DISPLAY"), WAYLAND_DISPLAY="wayland-nowhere",
                  XDG_RUNTIME_DIR=cli_env["TMPDIR"])
    assert "wayland-nowhere" in one_sentence(wayland, 2)


def test_output_closed_early_is_quiet_with_exit_code_141(jo: dict[str, str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `intimacy-desktop profile list | head -0`
    try:
        proc = subprocess.run([sys.executable, "-m", "intimacy_desktop", "profile", "list"], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, env=jo, timeout=120)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (141, "")


# ---- the exit codes, documented -------------------------------------------------------------------------------------
def _codes(text: str) -> dict[int, str]:
    return {int(m[1]): m[2].strip() for m in re.finditer(r"(?m)^\s*(\d{1,3})\s{2,}(.+)$", text)}


def test_every_exit_code_is_documented_in_help_and_the_readme(cli_env: dict[str, str]) -> None:
    helped = run(cli_env, "--help")
    assert helped.returncode == 0
    documented = _codes(helped.stdout.split("exit codes:", 1)[1])
    assert set(documented) == {0, 1, 2, 3, 4, 5, 130, 141}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"Exit codes: (.+?)\n\n", readme, re.S)
    assert listed is not None
    assert [int(c) for c in re.findall(r"(?:^|; )(\d{1,3}) ", listed[1].replace("\n", " "))] == sorted(documented)


def test_a_terminal_that_cannot_show_the_text_is_one_sentence(cli_env: dict[str, str]) -> None:
    assert run(cli_env, "profile", "create", "--name", "Zoë").returncode == 0
    listed = run(cli_env, "profile", "list", PYTHONIOENCODING="ascii")
    assert "LANG=C.UTF-8" in one_sentence(listed, 2)
