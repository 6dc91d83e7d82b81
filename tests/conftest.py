"""Shared fixtures. Qt runs offscreen for every test; Argon2 uses tiny parameters so unlocks take milliseconds.

In this process the fixtures pass ``FAST_TEST_PARAMS`` to ``ProfileService``; every subprocess the tests start gets
the test-only module tests/support/fast_kdf on its PYTHONPATH (see fast_kdf_env.py), which the shipped program lacks.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SUPPORT = Path(__file__).parent / "support"
sys.path.insert(0, str(SUPPORT))
from fast_kdf_env import with_fast_kdf  # noqa: E402

os.environ.update(with_fast_kdf(os.environ))  # inherited by every subprocess: cheap profiles there too
# The tests of the built packages need `python packaging/build.py` first: `./run-tests` runs them last.
PACKAGED = os.environ.get("INTIMACY_DESKTOP_PACKAGED_TESTS") == "1"
collect_ignore = [] if PACKAGED else ["packaged"]

from intimacy_desktop.services.profiles import ProfileService  # noqa: E402
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS  # noqa: E402
from intimacy_desktop.storage.device_secret import MemorySecretStore  # noqa: E402


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir(mode=0o700)
    return d


@pytest.fixture
def secret_store() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def profiles(data_dir: Path, secret_store: MemorySecretStore) -> ProfileService:
    return ProfileService(data_dir, lambda: secret_store, FAST_TEST_PARAMS)


@pytest.fixture
def cli_env(tmp_path: Path, data_dir: Path) -> dict[str, str]:
    """Environment for running the real CLI in a subprocess with a file-backed test keyring."""
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join([with_fast_kdf(env)["PYTHONPATH"], str(SUPPORT)]),
            "PYTHON_KEYRING_BACKEND": "file_keyring.FileKeyring",
            "TEST_KEYRING_FILE": str(tmp_path / "keyring.json"),
            "INTIMACY_DESKTOP_DATA_DIR": str(data_dir),
            "INTIMACY_DESKTOP_PASSPHRASE": "correct horse battery staple",
            "TMPDIR": str(tmp_path / "tmp"),
        }
    )
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return env
