"""Where the release scripts live, for the tests of tests/packaging/test_release_*.py."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
MACOS = PACKAGING / "macos"
VERSION = "1.2.3"
