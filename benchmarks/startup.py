"""Start to first window: the app's unlock screen against a bare PySide6 window, measured in the same run.

Target (DESIGN.md §7): at most 2× the bare window. Prints figures; asserts nothing.
Run: .venv/bin/python benchmarks/startup.py [--runs 9] (offscreen unless DISPLAY is set and --real is given)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
w = QLabel("bare")
w.resize(900, 640)
w.show()
QTimer.singleShot(0, lambda: (print("first-window", time.time(), flush=True), app.quit()))
app.exec()
"""


def make_bench_profile(data: Path) -> None:
    """A passphrase-only profile made here with cheap Argon2 parameters (the shipped program has no switch for
    them); only its unlock screen is measured, so the parameters do not change the figures."""
    from intimacy_desktop.services.profiles import ProfileService
    from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
    from intimacy_desktop.storage.device_secret import MemorySecretStore

    ProfileService(data, MemorySecretStore, FAST_TEST_PARAMS).create(
        "Bench", "bench passphrase", passphrase_only=True
    ).profile.close()


def first_window(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60).stdout
    for line in out.splitlines():
        if line.startswith("first-window "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first-window line from {cmd}: {out!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--real", action="store_true", help="use the real display (e.g. under xvfb-run)")
    args = ap.parse_args()
    env = dict(os.environ, INTIMACY_DESKTOP_STARTUP_PROBE="1")
    # As installed: Python keeps its bytecode caches. Without them (PYTHONDONTWRITEBYTECODE=1, set on some build
    # machines) every start recompiles every module and the figures measure the compiler, not the app.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not args.real:
        env["QT_QPA_PLATFORM"] = "offscreen"
    data = tempfile.mkdtemp(prefix="bench-start-")
    # The screen a returning person sees: the unlock screen of an existing profile.
    make_bench_profile(Path(data))
    app_cmd = [sys.executable, "-m", "intimacy_desktop", "--data-dir", data]
    bare_cmd = [sys.executable, "-c", BARE]
    first_window(app_cmd, env)  # warm the file cache for both
    first_window(bare_cmd, env)
    bare, app = [], []
    for _ in range(args.runs):
        bare.append(first_window(bare_cmd, env))
        app.append(first_window(app_cmd, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window: median {b * 1000:.0f} ms (min {min(bare) * 1000:.0f})")
    print(f"Intimacy Desktop unlock window: median {a * 1000:.0f} ms (min {min(app) * 1000:.0f})")
    print(f"ratio {a / b:.2f}x   target ≤ 2.0x")


if __name__ == "__main__":
    main()
