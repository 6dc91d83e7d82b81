"""Plaintext leak scan: canary words written through the app must appear nowhere on disk in readable form."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

CANARIES = ("zanzibarquokka", "Marmalade-Lighthouse-7731", "nöcturnefjörd")


def _encodings(word: str) -> list[bytes]:
    return [word.encode("utf-8"), word.encode("utf-16-le"), word.encode("utf-16-be"), word.lower().encode("utf-8")]


def scan(roots: list[Path]) -> list[str]:
    hits: list[str] = []
    for root in roots:
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in files:
            data = path.read_bytes()
            hits.extend(f"{path}: {w}" for w in CANARIES for enc in _encodings(w) if enc in data)
    return hits


def test_scanner_finds_plaintext(tmp_path: Path) -> None:
    """The scan must be able to fail: a planted UTF-16 canary is found."""
    (tmp_path / "x.log").write_bytes(b"\x00\x01" + CANARIES[2].encode("utf-16-le"))
    assert scan([tmp_path]) == [f"{tmp_path / 'x.log'}: {CANARIES[2]}"]


@pytest.mark.slow
def test_no_canary_outside_the_encrypted_database(cli_env: dict[str, str], tmp_path: Path) -> None:
    env = {**cli_env, "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path / "home")}
    (tmp_path / "home").mkdir()

    def cli(*args: str, stdin: str | None = None) -> str:
        proc = subprocess.run([sys.executable, "-m", "intimacy_desktop", *args], input=stdin, capture_output=True,
                              text=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    cli("profile", "create", "--name", "Canary")
    for i, word in enumerate(CANARIES):
        cli("journal", "add", "--profile", "Canary", "--title", f"{word} title", "--tag", word.lower(),
            stdin=f"Body {i} mentions {word} twice: {word}.\n" * 50)
    assert CANARIES[0] in cli("journal", "search", CANARIES[0], "--profile", "Canary")
    cli("journal", "show", "1", "--profile", "Canary")

    data_dir = Path(env["INTIMACY_DESKTOP_DATA_DIR"])
    roots = [data_dir, Path(env["TMPDIR"]), tmp_path / "config", tmp_path / "home"]
    assert scan([r for r in roots if r.exists()]) == []

    db = next((data_dir / "profiles").iterdir()) / "journal.db"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master").fetchall()


@pytest.mark.slow
def test_exports_and_backups_leave_plaintext_only_in_the_export_itself(cli_env: dict[str, str],
                                                                        tmp_path: Path) -> None:
    """An export is plaintext by choice, at the path chosen; its temporary files (and a backup's, and an import's)
    must leave nothing readable anywhere else: not in the data folder, the temp folder, the config or home."""
    env = {**cli_env, "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path / "home"),
           "INTIMACY_DESKTOP_BACKUP_PASSPHRASE": "a backup passphrase"}
    (tmp_path / "home").mkdir()
    exports = tmp_path / "exports"
    exports.mkdir()

    def cli(*args: str, stdin: str | None = None) -> None:
        proc = subprocess.run([sys.executable, "-m", "intimacy_desktop", *args], input=stdin, capture_output=True,
                              text=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr

    cli("profile", "create", "--name", "Canary")
    for word in CANARIES:
        cli("journal", "add", "--profile", "Canary", "--title", f"{word} title", stdin=f"About {word}.\n" * 20)
    for fmt, name in (("md", "notes"), ("json", "dayone.zip"), ("pdf", "journal.pdf")):
        cli("export", "--format", fmt, str(exports / name), "--profile", "Canary")
    cli("import", "--format", "md", str(exports / "notes"), "--profile", "Canary")
    cli("backup", "create", "--profile", "Canary", str(tmp_path / "home" / "canary.idbackup"))

    data_dir = Path(env["INTIMACY_DESKTOP_DATA_DIR"])
    roots = [data_dir, Path(env["TMPDIR"]), tmp_path / "config", tmp_path / "home"]
    assert scan([r for r in roots if r.exists()]) == []
    assert sorted(p.name for p in exports.iterdir()) == ["dayone.zip", "journal.pdf", "notes"]  # no temporaries
    assert scan([exports / "notes"])  # the scan sees the export itself: it is plaintext, as the person chose
