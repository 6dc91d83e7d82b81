"""Fixtures for the tests of the built Linux artifacts: the onedir bundle, the .deb (installed for real when
this runs as root or with password-less sudo, otherwise unpacked into a scratch root) and the .tar.gz.

Run by `./run-tests` (last) or `./run-tests --packaged`, which build them first with `python packaging/build.py`.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import linux_packages
import pytest
import release_info
from fast_kdf_env import without_fast_kdf
from packaged_support import Installed, apt_install, privileged


def _built(path: Path, marker: Path | None = None) -> Path:
    if not (marker or path).exists():
        pytest.fail(f"{path.name} is missing from dist/: run `python packaging/build.py` (./run-tests does)")
    return path


@pytest.fixture(scope="session")
def bundle() -> Path:
    return _built(release_info.onedir(), release_info.onedir() / release_info.EXE_NAME)


@pytest.fixture(scope="session")
def deb(bundle: Path) -> Path:
    return _built(linux_packages.deb_path())


@pytest.fixture(scope="session")
def tarball(bundle: Path) -> Path:
    return _built(linux_packages.tarball_path())


@pytest.fixture(scope="session")
def installed(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    sudo = privileged()
    if sudo is None:
        scratch = tmp_path_factory.mktemp("scratch-root")
        subprocess.run(["dpkg-deb", "-x", str(deb), str(scratch)], check=True)
        yield Installed(scratch / "opt" / release_info.EXE_NAME / release_info.EXE_NAME, scratch, system=False)
        return
    apt_install(sudo, deb)
    yield Installed(Path("/usr/bin") / release_info.EXE_NAME, Path("/"), system=True)
    if Path("/usr/bin", release_info.EXE_NAME).exists():
        subprocess.run([*sudo, "dpkg", "-r", release_info.EXE_NAME], capture_output=True, check=False)


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    """No D-Bus session (so no keyring), a private HOME, and none of the test suite's shortcuts."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DBUS_", "PYTHON_KEYRING", "TEST_KEYRING", "INTIMACY_DESKTOP_", "QT_QPA"))}
    env = without_fast_kdf(env)  # the frozen program reads no PYTHONPATH, but say so: it pays the calibrated KDF
    home = tmp_path / "home"
    (home / ".local" / "share").mkdir(parents=True)
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    env.update({"HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"), "XDG_RUNTIME_DIR": str(run),
                "XDG_CONFIG_HOME": str(home / ".config"), "TMPDIR": str(tmp_path)})
    return env
