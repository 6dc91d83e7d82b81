"""One running app per data folder: a second start hands over to the first and exits with a plain message."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def _gui(data_dir: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "intimacy_desktop", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def test_second_instance_exits_and_the_first_keeps_running(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    data = tmp_path / "data"
    first = _gui(data, env)
    try:
        deadline = time.monotonic() + 30
        while not (data / "instance.lock").exists():
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(0.3)
        second = subprocess.run(
            [sys.executable, "-m", "intimacy_desktop", "--data-dir", str(data)],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert second.returncode == 2
        assert "already running for this data folder" in second.stderr
        assert first.poll() is None  # the first was asked to come forward, not to quit
        other = tmp_path / "other"
        third = _gui(other, env)  # another data folder is another app
        try:
            deadline = time.monotonic() + 30
            while not (other / "instance.lock").exists():
                assert third.poll() is None
                assert time.monotonic() < deadline
                time.sleep(0.05)
        finally:
            third.kill()
            third.wait()
    finally:
        first.kill()
        first.wait()
