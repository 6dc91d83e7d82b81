"""Where a person's data lives: ``--data-dir``, else ``INTIMACY_DESKTOP_DATA_DIR``, else the platform's standard place.

Pure Python on purpose: the CLI resolves the same folder as the GUI without starting Qt. The locations match what
QStandardPaths.AppDataLocation gives for this app on each platform.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_DATA_DIR = "INTIMACY_DESKTOP_DATA_DIR"
APP_DIR_NAME = "IntimacyDesktop"
PROFILES = "profiles"


def default_data_dir() -> Path:
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        return base / APP_DIR_NAME
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_DIR_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "intimacy-desktop"


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    if option:
        return Path(option).expanduser().absolute()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().absolute()
    return default_data_dir()


def profiles_dir(data_dir: Path) -> Path:
    return data_dir / PROFILES
