"""The frozen program has no switch below the Argon2 floor (DESIGN.md §4, issue 8): with the old test variable
set, and the test-only module on PYTHONPATH, it still makes a calibrated profile. The bundle carries no such module.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import release_info
from fast_kdf_env import FAST_KDF_DIR, with_fast_kdf

from intimacy_desktop.storage.header import read_header
from intimacy_desktop.storage.kdf_params import FLOOR_MEMORY_KIB, FLOOR_PARALLELISM, FLOOR_TIME_COST


def test_the_frozen_program_creates_profiles_at_or_above_the_floor_whatever_the_environment(
    bundle: Path, clean_env: dict[str, str], tmp_path: Path
) -> None:
    env = with_fast_kdf(clean_env)  # a frozen program reads neither PYTHONPATH nor sitecustomize: no effect
    env.update(INTIMACY_DESKTOP_INSECURE_FAST_KDF_FOR_TESTS="1", INTIMACY_DESKTOP_PASSPHRASE="a floor test phrase")
    data = tmp_path / "data"
    proc = subprocess.run(
        [str(bundle / release_info.EXE_NAME), "--data-dir", str(data), "profile", "create", "--name", "Floor",
         "--passphrase-only"],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    [folder] = (data / "profiles").iterdir()
    kdf = read_header(folder).kdf
    assert kdf is not None
    assert kdf.time_cost >= FLOOR_TIME_COST and kdf.memory_kib >= FLOOR_MEMORY_KIB, kdf
    assert kdf.parallelism >= FLOOR_PARALLELISM, kdf


def test_the_bundle_carries_no_test_only_module(bundle: Path) -> None:
    names = {p.name for p in bundle.rglob("*")}
    assert "sitecustomize.py" not in names and "sitecustomize.pyc" not in names
    assert FAST_KDF_DIR.name not in names and "fast_kdf_env.py" not in names
