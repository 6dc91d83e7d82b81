"""The real command line under the guessing delay (issue 8): one sentence with the seconds, exit code 3."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

ATTEMPTS = "unlock-attempts.json"  # storage/attempts.py: ATTEMPTS_NAME, beside vault.json


def cli(env: dict[str, str], *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "intimacy_desktop", *args],
        capture_output=True,
        text=True,
        env={**env, **extra},
        timeout=120,
    )


@pytest.fixture
def folder(cli_env: dict[str, str]) -> Path:
    made = cli(cli_env, "profile", "create", "--name", "Jo")
    assert made.returncode == 0, made.stderr
    return next((Path(cli_env["INTIMACY_DESKTOP_DATA_DIR"]) / "profiles").iterdir())


def test_the_fourth_wrong_passphrase_says_how_long_to_wait(cli_env: dict[str, str], folder: Path) -> None:
    for _ in range(3):
        wrong = cli(cli_env, "journal", "list", "--profile", "Jo", INTIMACY_DESKTOP_PASSPHRASE="nope")
        assert (wrong.returncode, wrong.stderr) == (
            3, "intimacy-desktop: That passphrase does not unlock this profile.\n")
    fourth = cli(cli_env, "journal", "list", "--profile", "Jo", INTIMACY_DESKTOP_PASSPHRASE="nope")
    assert (fourth.returncode, fourth.stderr) == (
        3, "intimacy-desktop: That passphrase does not unlock this profile; try again in 5 s.\n")
    assert (folder / ATTEMPTS).is_file()


def test_while_delayed_even_the_right_passphrase_gets_one_sentence_and_exit_3(
    cli_env: dict[str, str], folder: Path
) -> None:
    (folder / ATTEMPTS).write_text(json.dumps({"passphrase": {"failures": 9, "last": time.time()}}), encoding="utf-8")
    refused = cli(cli_env, "journal", "list", "--profile", "Jo")  # the right passphrase, from the environment
    assert refused.returncode == 3
    assert refused.stdout == ""
    assert refused.stderr.startswith("intimacy-desktop: Too many wrong passphrases; try again in ")
    assert refused.stderr.endswith(" s.\n") and refused.stderr.count("\n") == 1
    seconds = int(refused.stderr.rsplit(" in ", 1)[1].split()[0])
    assert 290 <= seconds <= 300

    over = {"passphrase": {"failures": 9, "last": time.time() - 301}}  # the wait is over
    (folder / ATTEMPTS).write_text(json.dumps(over), encoding="utf-8")
    assert cli(cli_env, "journal", "list", "--profile", "Jo").returncode == 0
    assert not (folder / ATTEMPTS).exists()  # the right passphrase started over


def test_the_recovery_code_is_delayed_the_same_way(cli_env: dict[str, str], folder: Path) -> None:
    record = {"version": 1, "recovery": {"failures": 5, "last": time.time()}}
    (folder / ATTEMPTS).write_text(json.dumps(record), encoding="utf-8")
    code = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"
    refused = cli(cli_env, "profile", "recover", "--name", "Jo", INTIMACY_DESKTOP_RECOVERY_CODE=code)
    assert refused.returncode == 3
    assert refused.stderr.startswith("intimacy-desktop: Too many wrong recovery codes; try again in ")
    assert refused.stderr.count("\n") == 1
