"""Qt applies English plural forms only through a translation: every string the GUI counts with ``%n`` must have
its forms in resources/translations/intimacy_en.ts, or it shows "1 entries". pyside6-lupdate reads the whole GUI
and says which strings are counted."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "src" / "intimacy_desktop" / "gui"
ENGLISH = ROOT / "resources" / "translations" / "intimacy_en.ts"


def _numerus(ts: Path) -> dict[tuple[str, str], list[str]]:
    root = ET.parse(ts).getroot()  # noqa: S314 - our own file, or one lupdate just wrote from our source
    found = {}
    for ctx in root.findall("context"):
        for msg in ctx.findall("message"):
            if msg.get("numerus") == "yes":
                forms = [f.text or "" for f in msg.iter("numerusform")]
                found[(ctx.findtext("name") or "", msg.findtext("source") or "")] = forms
    return found


def test_every_counted_string_of_the_gui_has_its_english_forms(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    tool = str(exe) if exe.exists() else shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    sources = [str(p) for p in sorted(GUI.rglob("*.py")) if "_generated" not in p.parts]
    ts = tmp_path / "all.ts"
    subprocess.run([tool, *sources, "-ts", str(ts)], check=True, capture_output=True, timeout=120)
    counted = _numerus(ts)
    assert len(counted) >= 7  # the check is looking at something
    english = _numerus(ENGLISH)
    missing = sorted(counted.keys() - english.keys())
    assert missing == [], f"add these to {ENGLISH.name} with one and other forms: {missing}"
    for key in counted:
        one, other = english[key]
        assert one and other, key
