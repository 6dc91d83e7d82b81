"""The real command line in a subprocess, for the e2e tests."""

from __future__ import annotations

import subprocess
import sys


def cli(env: dict[str, str], *args: str, stdin: str | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "intimacy_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**env, **extra},
        timeout=120,
    )
