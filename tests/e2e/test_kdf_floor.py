"""No variable or flag of the shipped program makes a profile below the Argon2 floor (DESIGN.md §4, issue 8).

Tests get cheap profiles through constructors (``ProfileService(..., kdf=FAST_TEST_PARAMS)``) or, for the CLI in a
subprocess, through the test-only module tests/support/fast_kdf, which the wheel and the bundle leave out.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from fast_kdf_env import FAST_KDF_DIR, with_fast_kdf, without_fast_kdf

from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.header import read_header

SRC = Path(__file__).parents[2] / "src" / "intimacy_desktop"
OLD_SWITCH = "INTIMACY_DESKTOP_INSECURE_FAST_KDF_FOR_TESTS"


def _create(env: dict[str, str], data_dir: Path, name: str) -> crypto.KdfParams:
    proc = subprocess.run(
        [sys.executable, "-m", "intimacy_desktop", "profile", "create", "--name", name, "--passphrase-only"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    [folder] = [p for p in (data_dir / "profiles").iterdir() if read_header(p).label == name]
    kdf = read_header(folder).kdf
    assert kdf is not None
    return kdf


def _at_or_above_floor(kdf: crypto.KdfParams) -> bool:
    return (kdf.time_cost >= crypto.FLOOR_TIME_COST and kdf.memory_kib >= crypto.FLOOR_MEMORY_KIB
            and kdf.parallelism >= crypto.FLOOR_PARALLELISM)


@pytest.mark.slow
def test_the_cli_with_every_old_switch_set_still_creates_at_or_above_the_floor(
    cli_env: dict[str, str], data_dir: Path
) -> None:
    env = without_fast_kdf(cli_env)
    for name in (OLD_SWITCH, "INTIMACY_DESKTOP_FAST_KDF", "INTIMACY_DESKTOP_KDF"):
        env[name] = "1"
    kdf = _create(env, data_dir, "Floor")
    assert _at_or_above_floor(kdf), kdf


def test_the_test_only_module_is_what_makes_subprocess_profiles_cheap(cli_env: dict[str, str], data_dir: Path) -> None:
    """The other side: the suite's subprocesses stay fast, and only because of the module under tests/."""
    assert FAST_KDF_DIR.is_dir() and not FAST_KDF_DIR.is_relative_to(SRC)
    env = with_fast_kdf(without_fast_kdf(cli_env))
    env.pop(OLD_SWITCH, None)
    assert _create(env, data_dir, "Cheap") == crypto.FAST_TEST_PARAMS


def test_the_shipped_package_reads_no_kdf_switch() -> None:
    """The source the wheel and the bundle are built from names no such switch and reads no KDF setting from the
    environment: any environment read whose name mentions the KDF or the word INSECURE is refused."""
    env_read = re.compile(r"""(?:environ(?:\.get)?|getenv)\s*[(\[]\s*["']([A-Z0-9_]+)["']""")
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert OLD_SWITCH not in text and "FAST_KDF" not in text, path
        for name in env_read.findall(text):
            assert "KDF" not in name and "INSECURE" not in name and "ARGON" not in name, (path, name)
