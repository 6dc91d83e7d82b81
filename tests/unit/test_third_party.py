"""The bundled-components list: the app's run-time dependencies as installed, never the development tools, each
with a licence and its text; Qt with the LGPL."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import third_party  # noqa: E402


def test_runtime_dependencies_are_followed_and_dev_tools_left_out() -> None:
    names = {third_party._key(d.metadata["Name"]) for d in third_party.runtime_distributions()}
    assert {"sqlcipher3", "secretstorage", "keyring", "cryptography", "argon2-cffi", "pyside6-essentials",
            "shiboken6"} <= names
    assert "cffi" in names  # transitive: argon2-cffi-bindings and cryptography need it
    assert not names & {"pytest", "mypy", "ruff", "pyinstaller", "hypothesis", "intimacy-desktop", "sqlalchemy"}


def test_written_list_has_a_licence_and_a_text_for_every_component(tmp_path: Path) -> None:
    third_party.write(tmp_path)
    data = json.loads((tmp_path / "third_party.json").read_text(encoding="utf-8"))
    assert data["app_license"] == "GPL-3.0-or-later"
    assert "GNU GENERAL PUBLIC LICENSE" in (tmp_path / "licenses" / data["app_file"]).read_text(encoding="utf-8")
    by_name = {c["name"]: c for c in data["components"]}
    assert by_name["Qt"]["license"] == "LGPL-3.0-only"
    qt_text = (tmp_path / "licenses" / by_name["Qt"]["file"]).read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt_text and "replaced" in qt_text
    assert by_name["SQLCipher"]["version"].startswith("4.")
    for component in data["components"]:
        assert component["license"] and component["license"] != "see licence text", component
        text = (tmp_path / "licenses" / component["file"]).read_text(encoding="utf-8")
        assert len(text) > 150, f"{component['name']} has no real licence text"
    assert "MIT" in by_name["keyring"]["license"]
    assert "LGPL-3.0-only" in by_name["PySide6_Essentials"]["license"]
