"""``import`` and ``export`` through the real CLI: the dry run writes nothing, a refused file exits 5 and imports
nothing, a second import adds nothing, and every export warns first that it is not encrypted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture
def env(cli_env: dict[str, str]) -> dict[str, str]:
    made = cli(cli_env, "profile", "create", "--name", "Jo")
    assert made.returncode == 0, made.stderr
    return cli_env


def _count(env: dict[str, str]) -> int:
    listed = cli(env, "journal", "list", "--profile", "Jo", "--json")
    assert listed.returncode == 0, listed.stderr
    return len(json.loads(listed.stdout))


def test_import_dry_run_then_for_real_then_again(env: dict[str, str]) -> None:
    source = str(FIXTURES / "dayone-export.json")
    dry = cli(env, "import", "--format", "dayone", source, "--profile", "Jo", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Dry run: nothing was imported." in dry.stderr and _count(env) == 0
    real = cli(env, "import", "--format", "dayone", source, "--profile", "Jo")
    assert real.returncode == 0, real.stderr
    added = _count(env)
    assert added > 0 and f"Imported {added} entries" in real.stderr
    again = cli(env, "import", "--format", "dayone", source, "--profile", "Jo")
    assert again.returncode == 0 and "Imported 0 entries" in again.stderr and _count(env) == added


def test_a_broken_file_exits_5_and_imports_nothing(env: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_bytes((FIXTURES / "jrnl-export.json").read_bytes()[:100])
    refused = cli(env, "import", "--format", "jrnl", str(broken), "--profile", "Jo")
    assert refused.returncode == 5 and "Traceback" not in refused.stderr
    assert "Nothing was imported" in refused.stderr and _count(env) == 0


@pytest.mark.parametrize(("fmt", "name"), [("md", "folder"), ("json", "journal.json"), ("pdf", "journal.pdf")])
def test_exports_warn_first_and_never_replace(env: dict[str, str], tmp_path: Path, fmt: str, name: str) -> None:
    assert cli(env, "import", "--format", "md", str(FIXTURES / "markdown"), "--profile", "Jo").returncode == 0
    out = tmp_path / name
    done = cli(env, "export", "--format", fmt, str(out), "--profile", "Jo")
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("Note: an export is NOT encrypted")
    assert out.exists() and f"Exported {_count(env)} entries" in done.stderr
    if fmt == "pdf":
        assert out.read_bytes().startswith(b"%PDF")
    again = cli(env, "export", "--format", fmt, str(out), "--profile", "Jo")
    assert again.returncode == 2 and "already there" in again.stderr
