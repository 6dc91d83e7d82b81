"""``backup create | verify | list | restore`` through the real CLI: the round trip onto a fresh machine (another
data folder, an empty keyring), the exit codes, and that nothing is replaced or shown on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import cli

BACKUP_PW = "the backup passphrase"


@pytest.fixture
def env(cli_env: dict[str, str]) -> dict[str, str]:
    for name in ("Jo", "Ari"):
        made = cli(cli_env, "profile", "create", "--name", name)
        assert made.returncode == 0, made.stderr
        for i in range(3):
            added = cli(cli_env, "journal", "add", "--profile", name, stdin=f"{name} entry {i}\nbody {i}\n")
            assert added.returncode == 0, added.stderr
    return {**cli_env, "INTIMACY_DESKTOP_BACKUP_PASSPHRASE": BACKUP_PW}


def _fresh(env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    return {**env, "INTIMACY_DESKTOP_DATA_DIR": str(tmp_path / "new-machine"),
            "TEST_KEYRING_FILE": str(tmp_path / "new-keyring.json")}


def _titles(env: dict[str, str], name: str, **extra: str) -> list[str]:
    listed = cli(env, "journal", "list", "--profile", name, "--json", **extra)
    assert listed.returncode == 0, listed.stderr
    return sorted(row["title"] for row in json.loads(listed.stdout))


def test_a_profile_backup_restores_on_a_new_machine(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "jo.idbackup"
    made = cli(env, "backup", "create", "--profile", "Jo", str(out))
    assert made.returncode == 0, made.stderr
    assert "written and checked" in made.stderr and "3 entries" in made.stderr
    again = cli(env, "backup", "create", "--profile", "Jo", str(out))
    assert again.returncode == 2 and "already there" in again.stderr

    verified = cli(env, "backup", "verify", str(out))
    assert verified.returncode == 0 and "undamaged" in verified.stderr
    wrong = cli(env, "backup", "verify", str(out), INTIMACY_DESKTOP_BACKUP_PASSPHRASE="not the one")
    assert wrong.returncode == 3 and "not the passphrase of this backup" in wrong.stderr

    new_machine = _fresh(env, tmp_path)
    restored = cli(new_machine, "backup", "restore", str(out), INTIMACY_DESKTOP_NEW_PASSPHRASE="a new passphrase")
    assert restored.returncode == 0, restored.stderr
    assert len(restored.stdout.strip().split("-")) == 8  # the new recovery code, alone on stdout
    assert _titles(new_machine, "Jo", INTIMACY_DESKTOP_PASSPHRASE="a new passphrase") == [
        "Jo entry 0", "Jo entry 1", "Jo entry 2"]
    twice = cli(new_machine, "backup", "restore", str(out), INTIMACY_DESKTOP_NEW_PASSPHRASE="a new passphrase")
    assert twice.returncode == 2 and "already exists" in twice.stderr


def test_a_backup_of_everything_and_a_damaged_file(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "all.idbackup"
    made = cli(env, "backup", "create", "--all", str(out))
    assert made.returncode == 0, made.stderr
    assert "2 profiles" in made.stderr
    listed = cli(env, "backup", "list", str(tmp_path))
    assert listed.returncode == 0 and str(out) in listed.stdout and "Jo" not in listed.stdout

    here = cli(env, "backup", "restore", str(out), "--profile", "Jo")
    assert here.returncode == 2 and "already on this computer" in here.stderr

    data = bytearray(out.read_bytes())
    data[-40] ^= 0x55
    out.write_bytes(bytes(data))
    damaged = cli(_fresh(env, tmp_path), "backup", "restore", str(out), "--profile", "Jo")
    assert damaged.returncode == 5 and "damaged" in damaged.stderr and "Traceback" not in damaged.stderr
    assert not (tmp_path / "new-machine" / "profiles").exists() or not any(
        (tmp_path / "new-machine" / "profiles").iterdir())
