"""The dependency rule of DESIGN.md §3, checked on the import statements themselves (not by grep on text)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).parents[2] / "src" / "intimacy_desktop"
ENTRY_POINTS = {"app.py", "cli.py", "__main__.py"}
NETWORK = {"socket", "urllib", "http", "requests", "httpx", "ftplib", "smtplib", "aiohttp"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules(root: Path) -> list[Path]:
    return [p for p in root.rglob("*.py") if "_generated" not in p.parts]


def _layer(path: Path, root: Path) -> str:
    rel = path.relative_to(root)
    return rel.parts[0] if len(rel.parts) > 1 else rel.name


def violations(rule: str, root: Path = PKG) -> list[str]:
    bad: list[str] = []
    for path in _modules(root):
        layer = _layer(path, root)
        for name in _imports(path):
            top = name.split(".")[0]
            ours = name.split(".")[1] if name.startswith("intimacy_desktop.") else None
            if rule == "qt" and top in {"PySide6", "shiboken6"} and layer != "gui" and layer not in ENTRY_POINTS:
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "sqlalchemy" and top in {"sqlalchemy", "sqlcipher3"} and layer != "storage":
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "core" and layer == "core" and ours and ours != "core":
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "storage" and layer == "storage" and ours in {"services", "gui"}:
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "services" and layer == "services" and ours == "gui":
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "network" and top in NETWORK:
                bad.append(f"{path.relative_to(root)} imports {name}")
    return bad


@pytest.mark.parametrize("rule", ["qt", "sqlalchemy", "core", "storage", "services", "network"])
def test_dependency_rule(rule: str) -> None:
    assert violations(rule) == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The rule must be able to fail: a PySide6 import planted in services/ is caught."""
    fake = tmp_path / "intimacy_desktop"
    (fake / "services").mkdir(parents=True)
    (fake / "services" / "bad.py").write_text("from PySide6.QtCore import QObject\n")
    (fake / "core").mkdir()
    (fake / "core" / "worse.py").write_text("import sqlalchemy\nfrom intimacy_desktop.storage import x\n")
    assert violations("qt", fake) == ["services/bad.py imports PySide6.QtCore"]
    assert violations("sqlalchemy", fake) == ["core/worse.py imports sqlalchemy"]
    assert violations("core", fake) == ["core/worse.py imports intimacy_desktop.storage"]
