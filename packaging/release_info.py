"""What every packaging step needs to know about the release: names, ids, version and where things are.

The version comes from pyproject.toml: either its static ``project.version`` or, as now, the attribute that its
``tool.setuptools.dynamic`` table names (read from the source file, without importing the app). Nothing here
imports PySide6 or the app, so the spec, build.py, the per-OS scripts and the tests can all use it.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SRC = ROOT / "src"
GENERATED = SRC / "intimacy_desktop" / "gui" / "_generated"
ICON_DIR = GENERATED / "icons"
ICON_SVG = ROOT / "resources" / "icons" / "intimacy-desktop.svg"
DIST = ROOT / "dist"
BUILD = ROOT / "build"

EXE_NAME = "intimacy-desktop"   # the program, the onedir folder, the Debian package and the command
PUBLISHER = "Intimacy Desktop contributors"
HOMEPAGE = "https://github.com/intimacy-desktop/intimacy-desktop"
SUMMARY = "Grow closeness as a couple, privately and offline"
MACOS_MINIMUM = "12.0"   # Qt 6.8+ supports macOS 12 and later
LINUX_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _app_constant(name: str) -> str:
    """A string constant from the app's own __init__.py, read without importing the app."""
    source = SRC / "intimacy_desktop" / "__init__.py"
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return str(ast.literal_eval(node.value))
    raise LookupError(f"{source} does not assign {name}")


APP_NAME = _app_constant("APP_NAME")
APP_ID = _app_constant("APP_ID")   # reverse-DNS id: desktop file, icons, AppStream, macOS bundle id


def _pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)


def version() -> str:
    """The release version, as pyproject.toml declares it."""
    data = _pyproject()
    project = data["project"]
    assert isinstance(project, dict)
    if "version" in project:
        return str(project["version"])
    dynamic = data["tool"]["setuptools"]["dynamic"]["version"]  # type: ignore[index]
    module, _, attr = str(dynamic["attr"]).rpartition(".")
    if module != "intimacy_desktop":
        raise LookupError(f"pyproject.toml reads the version from {module}; expected intimacy_desktop")
    return _app_constant(attr)


def version_tuple() -> tuple[int, int, int, int]:
    """The version as four numbers, for Windows' version resource (pre-release tags dropped)."""
    numbers: list[int] = []
    for part in version().split(".")[:4]:
        leading = re.match(r"\d+", part)  # "0rc1" -> 0
        numbers.append(int(leading.group()) if leading else 0)
    while len(numbers) < 4:
        numbers.append(0)
    return numbers[0], numbers[1], numbers[2], numbers[3]


def folder_size(path: Path) -> int:
    """Bytes in the files under ``path`` (links not followed, not counted twice)."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def onedir() -> Path:
    """The PyInstaller onedir bundle (on macOS, PyInstaller also writes the .app next to it)."""
    return DIST / EXE_NAME
