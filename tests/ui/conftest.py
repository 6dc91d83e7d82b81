"""Fixtures for GUI tests: compiled forms, settings in a temp folder, and windows over the fast-KDF profiles."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build_forms() -> None:
    spec = importlib.util.spec_from_file_location("build_ui", ROOT / "scripts" / "build_ui.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build()


_build_forms()

from PySide6.QtCore import QSettings  # noqa: E402
from ui_support import PASSPHRASE  # noqa: E402

from intimacy_desktop.app import PAGES  # noqa: E402
from intimacy_desktop.gui.main_window import MainWindow  # noqa: E402
from intimacy_desktop.services.profiles import ProfileService  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _translations(qapp):  # type: ignore[no-untyped-def]
    """As the app does at start: English plural forms (and the system language, when there is one)."""
    from intimacy_desktop.gui import translations

    return translations.install(qapp)


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def make_window(qtbot, profiles: ProfileService) -> Callable[..., MainWindow]:  # type: ignore[no-untyped-def]
    def make(**kwargs: int) -> MainWindow:
        window = MainWindow(profiles, pages=PAGES, **kwargs)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture
def existing_profile(profiles: ProfileService) -> ProfileService:
    """A profile named 'Ours' with PASSPHRASE, created and closed before the window opens."""
    profiles.create("Ours", PASSPHRASE).profile.close()
    return profiles
