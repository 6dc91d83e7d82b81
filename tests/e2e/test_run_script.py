"""./run and ./run-tests set-up (scripts/bootstrap.sh) in a copy of the tree, with every program it calls replaced by
a shim that records its arguments: the system Python, the venv's Python (pip, the form compiler, the app), ruff,
mypy, dpkg-query and id. What is checked is which of them ran, so nothing here is timed and nothing is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# One shim for every program: logs "<name> <args>" and acts just enough for bootstrap.sh to go on.
SHIM = r"""#!/usr/bin/env bash
name="$(basename "$0")"
printf '%s %s\n' "$name" "$*" >>"$SHIM_LOG"
case "$name" in
  dpkg-query)
    pkg="${*: -1}"
    state='install ok installed'
    grep -qx "$pkg" "$SHIM_REMOVED" 2>/dev/null && state='deinstall ok config-files'
    printf '%s' "$state"
    exit 0 ;;
  id) echo 1000; exit 0 ;;
esac
case "${1:-} ${2:-}" in
  "-m venv")
    mkdir -p "$3/bin"
    for tool in python ruff mypy; do cp "$0" "$3/bin/$tool"; done
    printf 'home = /nowhere\nversion = 3.11.7\n' >"$3/pyvenv.cfg" ;;
  "-m intimacy_desktop") echo "intimacy-desktop (shim)" ;;
  "-c "*) case "$2" in *version_info*) echo 3.11 ;; esac ;;
  *build_ui.py*)
    tree="$(dirname "$(dirname "$1")")"
    gen="$tree/src/intimacy_desktop/gui/_generated"
    mkdir -p "$gen"
    for form in "$tree"/ui/*.ui; do echo "# $RANDOM" >"$gen/ui_$(basename "$form" .ui).py"; done ;;
esac
exit 0
"""


@dataclass
class Tree:
    root: Path
    env: dict[str, str]
    log: Path
    dpkg_status: Path
    removed: Path

    def run(self, script: str = "run", *args: str, expect: int = 0) -> list[str]:
        """Run ``script`` (a file in the tree, or a bash snippet after ``source scripts/bootstrap.sh``); returns
        the calls the shims recorded during it."""
        self.log.write_text("", encoding="utf-8")
        cmd = [str(self.root / script), *args] if (self.root / script).is_file() else [
            "bash", "-c", f'source "{self.root}/scripts/bootstrap.sh" && {script}']
        proc = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=60, check=False)
        assert proc.returncode == expect, proc.stderr
        self.last_stderr = proc.stderr
        return self.log.read_text(encoding="utf-8").splitlines()

    def bump(self, path: Path, seconds: float = 10) -> None:
        """Give ``path`` a newer modification time, as an edit (or dpkg) would."""
        stat = path.stat()
        os.utime(path, (stat.st_atime + seconds, stat.st_mtime + seconds))


def names(calls: list[str]) -> list[str]:
    return [call.split(" ", 1)[0] for call in calls]


def compiled(calls: list[str]) -> bool:
    return any("scripts/build_ui.py" in call and call.startswith("python ") for call in calls)


def pip_installs(calls: list[str]) -> list[str]:
    return [call for call in calls if " -m pip install" in call and "--upgrade pip" not in call]


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    root = tmp_path / "tree"
    root.mkdir()
    for name in ("run", "run-tests", "pyproject.toml", "LICENSE"):
        shutil.copy2(ROOT / name, root / name)
    for name in ("scripts", "ui", "resources"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shims = tmp_path / "shims"
    shims.mkdir()
    for name in ("python3", "dpkg-query", "id"):
        (shims / name).write_text(SHIM, encoding="utf-8")
        (shims / name).chmod(0o755)
    log, status, removed = tmp_path / "calls.log", tmp_path / "dpkg-status", tmp_path / "removed"
    status.write_text("Package: fake\n", encoding="utf-8")
    env = {
        "PATH": f"{shims}:{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "PYTHON": str(shims / "python3"),
        "SHIM_LOG": str(log),
        "SHIM_REMOVED": str(removed),
        "DPKG_STATUS": str(status),
    }
    return Tree(root, env, log, status, removed)


def test_fresh_tree_creates_the_venv_with_the_apps_dependencies_only(tree: Tree) -> None:
    calls = tree.run("run", "--version")
    assert any(call.startswith("python3 -m venv") for call in calls)
    assert pip_installs(calls) == [f"python -m pip install -q -e {tree.root}[forms]"]  # not [dev]
    assert compiled(calls)
    assert "dpkg-query" in names(calls)
    assert calls[-1] == "python -m intimacy_desktop --version"


def test_second_run_calls_neither_the_form_compiler_nor_dpkg(tree: Tree) -> None:
    tree.run("run", "--version")
    calls = tree.run("run", "--version")
    assert not compiled(calls)
    assert "dpkg-query" not in names(calls)
    assert pip_installs(calls) == []
    assert calls == ["python -m intimacy_desktop --version"]  # nothing else runs a program: not even python3 -c


def test_a_changed_form_is_compiled_on_the_next_run(tree: Tree) -> None:
    tree.run("run", "--version")
    form = next((tree.root / "ui").glob("*.ui"))
    tree.bump(form)
    assert compiled(tree.run("run", "--version"))
    assert not compiled(tree.run("run", "--version"))
    # A deleted output is noticed too.
    generated = tree.root / "src" / "intimacy_desktop" / "gui" / "_generated" / f"ui_{form.stem}.py"
    generated.unlink()
    assert compiled(tree.run("run", "--version"))


def test_a_changed_resource_or_compiler_is_compiled_on_the_next_run(tree: Tree) -> None:
    tree.run("run", "--version")
    tree.bump(tree.root / "scripts" / "build_ui.py")
    assert compiled(tree.run("run", "--version"))
    tree.bump(next((tree.root / "resources" / "translations").glob("*.ts")))
    assert compiled(tree.run("run", "--version"))


def test_a_removed_system_package_is_noticed(tree: Tree) -> None:
    tree.run("run", "--version")
    tree.removed.write_text("libegl1\n", encoding="utf-8")
    tree.bump(tree.dpkg_status)  # dpkg rewrites its status file on every install and removal
    calls = tree.run("run", "--version", expect=1)
    assert "dpkg-query" in names(calls)
    assert "sudo apt-get install libegl1" in tree.last_stderr
    tree.removed.write_text("", encoding="utf-8")
    tree.bump(tree.dpkg_status)
    assert "dpkg-query" in names(tree.run("run", "--version"))
    assert "dpkg-query" not in names(tree.run("run", "--version"))


def test_run_tests_installs_the_development_set_and_run_keeps_it(tree: Tree) -> None:
    tree.run("run", "--version")
    calls = tree.run("run-tests", "--suite", "-q")
    assert pip_installs(calls) == [f"python -m pip install -q -e {tree.root}[dev]"]
    assert any(call.startswith("python -m pytest") for call in calls)
    assert pip_installs(tree.run("run-tests", "--suite", "-q")) == []
    # ./run after ./run-tests: the development set already holds the app's dependencies; nothing is reinstalled
    # (so nothing can be downgraded) and the forms are not recompiled.
    calls = tree.run("run", "--version")
    assert pip_installs(calls) == []
    assert not compiled(calls)
    assert calls == ["python -m intimacy_desktop --version"]


def test_only_a_dependency_change_reinstalls(tree: Tree) -> None:
    tree.run("run", "--version")
    pyproject = tree.root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text.replace("[tool.ruff]\n", "[tool.ruff]\n# a comment\n"), encoding="utf-8")
    assert pip_installs(tree.run("run", "--version")) == []
    pyproject.write_text(text.replace('"keyring>=25",', '"keyring>=25.1",'), encoding="utf-8")
    assert pip_installs(tree.run("run", "--version")) == [f"python -m pip install -q -e {tree.root}[forms]"]
    assert pip_installs(tree.run("run", "--version")) == []


def test_packaging_build_gets_the_development_set(tree: Tree) -> None:
    # packaging/build.py sets up a fresh clone with `ensure_venv` alone: it needs PyInstaller.
    calls = tree.run("ensure_venv")
    assert pip_installs(calls) == [f"python -m pip install -q -e {tree.root}[dev]"]
