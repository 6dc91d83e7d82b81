"""What `./run` adds to a start: the set-up checks in scripts/bootstrap.sh (system packages, the venv, the compiled
forms) when nothing changed. Median wall time of `./run --version` minus `.venv/bin/python -m intimacy_desktop
--version`, measured interleaved in the same run. Prints figures; asserts nothing. Target (issue 7): under 50 ms.

Run: .venv/bin/python benchmarks/run_overhead.py [--runs 20]   (after one ./run, so the venv and stamps exist)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=env, timeout=600, check=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as a person runs it: with bytecode caches
    run_cmd = [str(ROOT / "run"), "--version"]
    direct_cmd = [str(ROOT / ".venv" / "bin" / "python"), "-m", "intimacy_desktop", "--version"]
    timed(run_cmd, env)  # the first may install or rebuild; warms the file cache too
    timed(direct_cmd, env)
    via_run, direct = [], []
    for _ in range(args.runs):
        via_run.append(timed(run_cmd, env))
        direct.append(timed(direct_cmd, env))
    r, d = statistics.median(via_run), statistics.median(direct)
    print(f"./run --version: median {r * 1000:.0f} ms (min {min(via_run) * 1000:.0f})")
    print(f".venv/bin/python -m intimacy_desktop --version: median {d * 1000:.0f} ms (min {min(direct) * 1000:.0f})")
    print(f"./run overhead: {(r - d) * 1000:.0f} ms (medians of {args.runs})   target < 50 ms")


if __name__ == "__main__":
    main()
