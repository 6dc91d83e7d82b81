"""The real command line in a subprocess: outputs, exit codes and one-sentence errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import cli

from intimacy_desktop import __version__


@pytest.fixture
def with_profile(cli_env: dict[str, str]) -> dict[str, str]:
    made = cli(cli_env, "profile", "create", "--name", "Jo")
    assert made.returncode == 0, made.stderr
    return cli_env


def _db(env: dict[str, str]) -> Path:
    return next((Path(env["INTIMACY_DESKTOP_DATA_DIR"]) / "profiles").iterdir()) / "journal.db"


def test_version_and_usage(cli_env: dict[str, str]) -> None:
    assert cli(cli_env, "--version").stdout.strip() == f"intimacy-desktop {__version__}"
    untitled = cli(cli_env, "journal", "add", "--profile", "Jo", stdin="")  # no --title, nothing on stdin
    assert untitled.returncode == 2 and "needs a title" in untitled.stderr
    assert cli(cli_env, "journal").returncode == 2
    bad_date = cli(cli_env, "journal", "add", "--profile", "Jo", "--title", "t", "--date", "27/11/2026")
    assert bad_date.returncode == 2


def test_create_prints_a_recovery_code_once(cli_env: dict[str, str]) -> None:
    made = cli(cli_env, "profile", "create", "--name", "Jo")
    assert made.returncode == 0
    code = made.stdout.strip()
    assert len(code.split("-")) == 8 and all(len(g) == 4 for g in code.split("-"))
    assert code not in made.stderr
    again = cli(cli_env, "profile", "create", "--name", "jo")
    assert again.returncode == 2 and "already exists" in again.stderr


def test_write_list_search_show(with_profile: dict[str, str]) -> None:
    env = with_profile
    first = cli(env, "journal", "add", "--profile", "Jo", "--title", "Sunday pancakes", "--mood", "5",
                "--layer", "emotional", "--tag", "Breakfast", "--tag", "kids", "--date", "2026-11-01",
                stdin="We laughed about the burnt one.\n")
    assert first.returncode == 0, first.stderr
    second = cli(env, "journal", "add", "--profile", "Jo", "--title", "Late talk", "--body", "About moving north.")
    assert second.returncode == 0
    listed = json.loads(cli(env, "journal", "list", "--profile", "Jo", "--json").stdout)
    assert [e["title"] for e in listed] == ["Late talk", "Sunday pancakes"]
    found = json.loads(cli(env, "journal", "search", "burn", "--profile", "Jo", "--json").stdout)
    assert [e["title"] for e in found] == ["Sunday pancakes"]
    assert "burnt" in found[0]["snippet"] and "\x02" not in found[0]["snippet"]
    shown = json.loads(cli(env, "journal", "show", first.stdout.strip(), "--profile", "Jo", "--json").stdout)
    assert shown["body"] == "We laughed about the burnt one."
    assert shown["tags"] == ["breakfast", "kids"]
    assert (shown["mood"], shown["layer"], shown["date"]) == (5, "emotional", "2026-11-01")
    missing = cli(env, "journal", "show", "999", "--profile", "Jo")
    assert missing.returncode == 2


def test_exit_codes_for_each_failure(with_profile: dict[str, str]) -> None:
    env = with_profile
    wrong = cli(env, "journal", "list", "--profile", "Jo", INTIMACY_DESKTOP_PASSPHRASE="nope")
    assert (wrong.returncode, wrong.stderr.strip()) == (
        3, "intimacy-desktop: That passphrase does not unlock this profile.")
    locked = cli(env, "journal", "list", "--profile", "Jo", TEST_KEYRING_STATE="locked")
    assert locked.returncode == 4 and "locked" in locked.stderr
    gone = cli(env, "journal", "list", "--profile", "Jo", TEST_KEYRING_STATE="unavailable")
    assert gone.returncode == 4
    assert cli(env, "journal", "list", "--profile", "Nobody").returncode == 2
    db = _db(env)
    saved = db.read_bytes()
    db.write_bytes(b"")
    empty = cli(env, "journal", "list", "--profile", "Jo")
    assert empty.returncode == 5 and "empty" in empty.stderr
    assert db.read_bytes() == b""  # never re-initialised
    db.write_bytes(saved)
    assert cli(env, "journal", "list", "--profile", "Jo").returncode == 0
    for line in (wrong.stderr, locked.stderr, empty.stderr):
        assert line.count("\n") == 1  # one plain sentence, no traceback


def test_no_passphrase_profile_warns_and_opens_without_one(cli_env: dict[str, str]) -> None:
    made = cli(cli_env, "profile", "create", "--name", "Shared", "--no-passphrase")
    assert made.returncode == 0 and "anyone who uses this computer" in made.stderr
    env = {k: v for k, v in cli_env.items() if k != "INTIMACY_DESKTOP_PASSPHRASE"}
    assert cli(env, "journal", "add", "--profile", "Shared", "--title", "t", "--body", "b").returncode == 0
    assert cli(env, "journal", "list", "--profile", "Shared").stdout.split()[-1] == "t"


def test_data_dir_option_beats_the_environment(cli_env: dict[str, str], tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    assert cli(cli_env, "--data-dir", str(other), "profile", "create", "--name", "Jo").returncode == 0
    assert (other / "profiles").is_dir()
    assert not (Path(cli_env["INTIMACY_DESKTOP_DATA_DIR"]) / "profiles").exists()
    assert oct((other / "profiles").stat().st_mode & 0o777) == "0o700"
    vault = next((other / "profiles").iterdir())
    assert {oct(p.stat().st_mode & 0o777) for p in vault.iterdir()} == {"0o600"}


def test_no_display_is_said_plainly(cli_env: dict[str, str]) -> None:
    env = {k: v for k, v in cli_env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = cli(env)
    assert proc.returncode == 2
    assert "no graphical display" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_errors_and_a_damaged_profile_are_said_in_the_message_table_s_words(with_profile: dict[str, str]) -> None:
    env = with_profile
    no_action = cli(env, "journal")
    assert (no_action.returncode, no_action.stderr) == (
        2, "intimacy-desktop: Say what to do with journal; see intimacy-desktop journal --help.\n")
    nobody = cli(env, "journal", "list", "--profile", "Nobody")
    assert nobody.stderr == "intimacy-desktop: There is no profile named “Nobody”.\n"
    folder = _db(env).parent
    (folder / "vault.json").write_text("{", encoding="utf-8")
    listed = cli(env, "profile", "list")
    assert listed.returncode == 0
    assert listed.stdout == (
        f"Damaged profile ({folder.name[:8]})  (This profile's key file (vault.json) is damaged or incomplete. "
        "Nothing was changed or deleted; restore it from a backup.)\n"
    )
