"""Test-only: a Python started with this folder on PYTHONPATH makes new profiles with tiny Argon2 parameters.

tests/conftest.py puts the folder on PYTHONPATH for every subprocess the suite starts (the CLI, the window, the kill -9
writer), KeePassXC's ``fastKdf()`` idea for a program run from outside. It lives under tests/, so neither the wheel nor
the frozen bundle has it (a frozen program does not read sitecustomize or PYTHONPATH either): the shipped program has
no switch that goes below the floor (DESIGN.md §4). Opening profiles made this way needs nothing: the parameters are
in their headers.

The patch is applied when ``intimacy_desktop.storage.crypto`` is first imported, so a command that never loads the
crypto (``--version``, the profile list) loads nothing more than it would without it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

TARGET = "intimacy_desktop.storage.crypto"


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self._inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._inner.exec_module(module)
        fast = module.FAST_TEST_PARAMS

        def calibrate(target_seconds: float = 1.0) -> Any:
            return fast

        setattr(module, "calibrate", calibrate)  # noqa: B010 - a module attribute mypy does not know of


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _PatchingLoader(spec.loader)
        return spec


sys.meta_path.insert(0, _Finder())
