"""The dependency rule of DESIGN.md §3, checked on the import statements themselves (not by grep on text)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).parents[2] / "src" / "intimacy_desktop"
ENTRY_POINTS = {"app.py", "cli.py", "__main__.py"}
# The message table (messages.py) is data that imports nothing: AppError.message reads its English from there.
# The resources module (resources.py) finds the content files core loads; it is standard library only.
CORE_MAY_USE = {"core", "messages", "resources"}
# Leaf modules: no Qt and nothing of ours but other leaves, so every layer may import them.
LEAVES = {"messages.py", "messages_vault.py", "messages_features.py", "resources.py"}
NETWORK = {"socket", "urllib", "http", "requests", "httpx", "ftplib", "smtplib", "aiohttp"}


def _imports(path: Path, root: Path = PKG) -> set[str]:
    """Every module ``path`` imports by absolute name. ``from intimacy_desktop import resources`` counts as
    intimacy_desktop.resources (a module of ours); ``from intimacy_desktop import APP_NAME`` as the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "intimacy_desktop" and node.level == 0:
            found.update(f"intimacy_desktop.{alias.name}"
                         if (root / alias.name).is_dir() or (root / f"{alias.name}.py").is_file()
                         else "intimacy_desktop" for alias in node.names)
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
        for name in _imports(path, root):
            top = name.split(".")[0]
            ours = name.split(".")[1] if name.startswith("intimacy_desktop.") else None
            if rule == "qt" and top in {"PySide6", "shiboken6"} and layer != "gui" and layer not in ENTRY_POINTS:
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "driver" and top in {"sqlalchemy", "sqlcipher3", "secretstorage"} and layer != "storage":
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "core" and layer == "core" and ours and ours not in CORE_MAY_USE:
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "storage" and layer == "storage" and ours in {"services", "gui"}:
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "services" and layer == "services" and ours == "gui":
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "leaves" and layer in LEAVES and ((ours and f"{ours}.py" not in LEAVES)
                                                         or top in {"PySide6", "shiboken6"}):
                bad.append(f"{path.relative_to(root)} imports {name}")
            if rule == "network" and top in NETWORK:
                bad.append(f"{path.relative_to(root)} imports {name}")
    return bad


@pytest.mark.parametrize("rule", ["qt", "driver", "core", "storage", "services", "leaves", "network"])
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
    assert violations("driver", fake) == ["core/worse.py imports sqlalchemy"]
    assert violations("core", fake) == ["core/worse.py imports intimacy_desktop.storage"]


def test_core_may_load_resources_but_resources_imports_nothing_of_ours(tmp_path: Path) -> None:
    fake = tmp_path / "intimacy_desktop"
    (fake / "core").mkdir(parents=True)
    (fake / "gui").mkdir()
    (fake / "core" / "content.py").write_text("from intimacy_desktop import APP_NAME, resources\n"
                                              "from intimacy_desktop.resources import content_files\n")
    (fake / "resources.py").write_text("import importlib.resources\nfrom intimacy_desktop.gui import theme\n"
                                       "from PySide6.QtGui import QIcon\n")
    assert violations("core", fake) == []
    assert sorted(violations("leaves", fake)) == ["resources.py imports PySide6.QtGui",
                                                  "resources.py imports intimacy_desktop.gui"]
    # The other spelling of an import of ours is seen too.
    (fake / "core" / "ui.py").write_text("from intimacy_desktop import gui\n")
    (fake / "resources.py").write_text("from intimacy_desktop import core\n")
    (fake / "core" / "__init__.py").write_text("")
    assert violations("core", fake) == ["core/ui.py imports intimacy_desktop.gui"]
    assert violations("leaves", fake) == ["resources.py imports intimacy_desktop.core"]
