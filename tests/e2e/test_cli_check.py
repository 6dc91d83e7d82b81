"""``profile check`` (issue 8): the full check of every page that a normal open no longer runs, and the way back
from a rollback report for an older copy restored on purpose (``--accept-older``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from cli_run import cli

from intimacy_desktop.paths import profiles_dir
from intimacy_desktop.storage.database import DB_NAME, SEQ_FILE

PAGE = 4096


def _made(env: dict[str, str], *titles: str) -> Path:
    assert cli(env, "profile", "create", "--name", "Kit").returncode == 0
    for title in titles:
        body = " ".join(f"word{i}{title}" for i in range(300))  # a few pages each
        assert cli(env, "journal", "add", "--profile", "Kit", stdin=f"{title}\n{body}\n").returncode == 0
    [folder] = [p for p in profiles_dir(Path(env["INTIMACY_DESKTOP_DATA_DIR"])).iterdir() if p.is_dir()]
    return folder


def test_a_healthy_profile_checks_out(cli_env: dict[str, str]) -> None:
    _made(cli_env, "one", "two")
    checked = cli(cli_env, "profile", "check", "--name", "Kit")
    assert checked.returncode == 0, checked.stderr
    assert "no damage found" in checked.stderr and checked.stdout == ""


def test_damage_past_the_first_page_opens_but_the_check_names_it(cli_env: dict[str, str]) -> None:
    folder = _made(cli_env, *(f"entry{i}" for i in range(6)))
    db = folder / DB_NAME
    data = bytearray(db.read_bytes())
    assert len(data) // PAGE >= 8
    data[(len(data) // PAGE - 2) * PAGE + 50] ^= 0xFF
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    checked = cli(cli_env, "profile", "check", "--name", "Kit")
    assert checked.returncode == 5, checked.stderr
    assert "Traceback" not in checked.stderr and checked.stderr.count("\n") == 1
    assert "check found damage" in checked.stderr
    assert db.read_bytes() == before  # the check reads; it never repairs or rewrites


def test_an_older_copy_is_reported_then_accepted_on_purpose(cli_env: dict[str, str], tmp_path: Path) -> None:
    folder = _made(cli_env, "first")
    saved = tmp_path / "saved"
    saved.mkdir()
    for name in (DB_NAME, SEQ_FILE):
        shutil.copy2(folder / name, saved / name)
    assert cli(cli_env, "journal", "add", "--profile", "Kit", stdin="second\n").returncode == 0
    for name in (DB_NAME, SEQ_FILE):
        shutil.copy2(saved / name, folder / name)

    refused = cli(cli_env, "journal", "list", "--profile", "Kit")
    assert refused.returncode == 5 and "latest changes are missing" in refused.stderr
    assert "profile check --name NAME --accept-older" in refused.stderr
    accepted = cli(cli_env, "profile", "check", "--name", "Kit", "--accept-older")
    assert accepted.returncode == 0, accepted.stderr
    listed = cli(cli_env, "journal", "list", "--profile", "Kit")
    assert listed.returncode == 0 and "first" in listed.stdout and "second" not in listed.stdout
