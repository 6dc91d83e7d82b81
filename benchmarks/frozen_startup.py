"""Start to first window of the frozen app (PyInstaller onedir, or the installed .deb) against the source tree
and a bare PySide6 window, measured in the same run. Prints figures; asserts nothing.

Run after `python packaging/build.py`:
    .venv/bin/python benchmarks/frozen_startup.py [--exe dist/intimacy-desktop/intimacy-desktop] [--runs 9]
Offscreen unless --real (then the DISPLAY it is given, e.g. under Xvfb). Also times `--version`, the start-up
cost of the frozen program before Qt.
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

from startup import BARE, first_window, make_bench_profile

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=env, timeout=60, check=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", type=Path, default=ROOT / "dist" / "intimacy-desktop" / "intimacy-desktop")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--real", action="store_true", help="use the real display (e.g. under Xvfb)")
    args = ap.parse_args()
    if not args.exe.exists():
        raise SystemExit(f"{args.exe} does not exist: run `python packaging/build.py` first")
    env = dict(os.environ, INTIMACY_DESKTOP_STARTUP_PROBE="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the source tree as installed: with bytecode caches
    if not args.real:
        env["QT_QPA_PLATFORM"] = "offscreen"
    data = tempfile.mkdtemp(prefix="bench-frozen-")
    make_bench_profile(Path(data))  # the frozen program can make only calibrated profiles; this one is cheap
    commands = {
        "bare PySide6 window": [sys.executable, "-c", BARE],
        "source tree, unlock window": [sys.executable, "-m", "intimacy_desktop", "--data-dir", data],
        "frozen onedir, unlock window": [str(args.exe), "--data-dir", data],
    }
    for cmd in commands.values():  # warm the file cache
        first_window(cmd, env)
    results: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            results[name].append(first_window(cmd, env))
    bare = statistics.median(results["bare PySide6 window"])
    for name, values in results.items():
        median = statistics.median(values)
        print(f"{name:<30} median {median * 1000:4.0f} ms  min {min(values) * 1000:4.0f} ms  "
              f"({median / bare:.2f}x bare)")
    version = [timed([str(args.exe), "--version"], env) for _ in range(args.runs)]
    print(f"{'frozen --version':<30} median {statistics.median(version) * 1000:4.0f} ms")


if __name__ == "__main__":
    main()
