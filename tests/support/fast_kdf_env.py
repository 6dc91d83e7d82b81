"""The test-only fast key derivation for the subprocesses the tests start (see fast_kdf/sitecustomize.py).

A Python started with ``FAST_KDF_DIR`` on its PYTHONPATH makes new profiles with ``crypto.FAST_TEST_PARAMS``.
Nothing of the shipped program can do that: the folder lives under tests/, outside the wheel and the bundle.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

FAST_KDF_DIR = Path(__file__).parent / "fast_kdf"


def _entries(env: Mapping[str, str]) -> list[str]:
    return [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]


def with_fast_kdf(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` with the fast KDF module first on PYTHONPATH."""
    rest = [p for p in _entries(env) if Path(p) != FAST_KDF_DIR]
    return {**env, "PYTHONPATH": os.pathsep.join([str(FAST_KDF_DIR), *rest])}


def without_fast_kdf(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` as the shipped program meets it: the calibrated key derivation."""
    out = dict(env)
    rest = [p for p in _entries(env) if Path(p) != FAST_KDF_DIR]
    if rest:
        out["PYTHONPATH"] = os.pathsep.join(rest)
    else:
        out.pop("PYTHONPATH", None)
    return out
