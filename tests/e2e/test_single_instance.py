"""One running app per data folder: a second start hands over to the first and exits with a plain message."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

SUPPORT = Path(__file__).parents[1] / "support"


def _gui(data_dir: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "intimacy_desktop", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def _stop(proc: subprocess.Popen[str]) -> None:
    """Kill it, and read and close its pipes (a killed process's open pipes are a ResourceWarning)."""
    proc.kill()
    proc.communicate()


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
        assert (second.returncode, second.stderr) == (2, "intimacy-desktop: Intimacy Desktop is already running for "
                                                         "this data folder; its window was brought to the front.\n")
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
            _stop(third)
    finally:
        _stop(first)


def test_every_file_the_app_makes_is_private(tmp_path: Path) -> None:
    """After a GUI start and CLI use: folders 0700 and files 0600 under the data folder, whatever the umask."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "INTIMACY_DESKTOP_PASSPHRASE": "long enough",  # a cheap KDF: tests/conftest.py, fast_kdf_env
           "CRASH_WRITER_PASSPHRASE": "long enough"}  # the CLI refuses a new passphrase under 8 characters
    data = tmp_path / "data"
    old = os.umask(0o022)  # a common, permissive default
    try:
        made = subprocess.run([sys.executable, "-m", "intimacy_desktop", "--data-dir", str(data), "profile", "create",
                               "--name", "P", "--passphrase-only"], capture_output=True, text=True, env=env, timeout=60)
        assert made.returncode == 0, made.stderr
        gui = _gui(data, env)
        try:
            deadline = time.monotonic() + 30
            while not (data / "instance.lock").exists():
                assert gui.poll() is None and time.monotonic() < deadline
                time.sleep(0.05)
            # A writer holding the vault open, so the live -wal and -shm are among the files checked.
            writer = subprocess.Popen([sys.executable, str(SUPPORT / "crash_writer.py"), str(data), "P"],
                                      stdout=subprocess.PIPE, text=True, env=env)
            try:
                assert writer.stdout is not None
                acks = 0
                while acks < 5:
                    line = writer.stdout.readline()
                    assert line, "the writer stopped"
                    acks += line.startswith("ACK")
                paths = [data, *data.rglob("*")]
                modes = {str(p.relative_to(tmp_path)): oct(p.stat().st_mode & 0o777) for p in paths}
            finally:
                _stop(writer)
        finally:
            _stop(gui)
    finally:
        os.umask(old)
    assert any(name.endswith("journal.db-wal") for name in modes)  # the live log is among the checked files
    assert {m for name, m in modes.items() if (tmp_path / name).is_dir()} == {"0o700"}, modes
    assert {m for name, m in modes.items() if (tmp_path / name).is_file()} == {"0o600"}, modes
