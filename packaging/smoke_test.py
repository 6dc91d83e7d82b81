"""Smoke-test an installed or frozen Intimacy Desktop through its command line, on any operating system.

    python packaging/smoke_test.py --exe /usr/bin/intimacy-desktop [--expect-keyring] [--data-dir DIR]

Checks, in order: `--version` matches this source tree; `self-test --json` passes (the keyring may be missing
unless --expect-keyring; the error must then be the clear one with exit code 4); a profile is created (with the
real Argon2 calibration), a journal entry is written and read back; the entry's words appear nowhere in the
data folder in plain text. Prints a JSON summary as its last line, with the data folder, which it keeps: the
installers' smoke scripts check that uninstalling leaves it in place. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import release_info

EXIT_KEYRING = 4
PASSPHRASE = "smoke test: a long enough shared passphrase"
CANARY = "smoke-canary-7f3a: the evening we finally talked about it"


class SmokeFailure(Exception):
    pass


def run(exe: Path, *args: str, env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=timeout, check=False)


def expect(condition: bool, message: str, proc: subprocess.CompletedProcess[str] | None = None) -> None:
    if not condition:
        if proc is not None:
            message += f"\n  exit {proc.returncode}\n  stdout: {proc.stdout.strip()}\n  stderr: {proc.stderr.strip()}"
        raise SmokeFailure(message)


def smoke(exe: Path, data_dir: Path, expect_keyring: bool) -> dict[str, object]:
    env = dict(os.environ, INTIMACY_DESKTOP_DATA_DIR=str(data_dir), INTIMACY_DESKTOP_PASSPHRASE=PASSPHRASE)
    env.pop("INTIMACY_DESKTOP_INSECURE_FAST_KDF_FOR_TESTS", None)  # the shipped key derivation, calibrated

    proc = run(exe, "--version", env=env)
    expect(proc.returncode == 0 and proc.stdout.split()[-1:] == [release_info.version()],
           f"--version should print {release_info.version()}", proc)

    proc = run(exe, "self-test", "--json", env=env)
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    checks = {c["name"]: c for c in report["checks"]}
    expect(report.get("frozen") is True, "the program should be the frozen bundle, not a Python script", proc)
    for name in ("cipher_version", "fts5", "temp_store", "encrypted_file", "window"):
        expect(checks[name]["ok"], f"self-test check {name} failed: {checks[name]['detail']}", proc)
    keyring_ok = bool(checks["keyring"]["ok"])
    if expect_keyring:
        expect(proc.returncode == 0 and keyring_ok, "self-test should pass with the system keyring", proc)
    elif keyring_ok:
        expect(proc.returncode == 0, "self-test should pass", proc)
    else:
        expect(proc.returncode == EXIT_KEYRING and "keyring" in proc.stderr,
               "without a keyring, self-test should say so and exit 4", proc)

    create_args = ["profile", "create", "--name", "Smoke"] + ([] if keyring_ok else ["--passphrase-only"])
    proc = run(exe, *create_args, env=env)
    expect(proc.returncode == 0 and len(proc.stdout.strip()) >= 32, "profile create should print a recovery code", proc)
    proc = run(exe, "journal", "add", "--profile", "Smoke", "--title", "First evening", "--body", CANARY,
               "--mood", "4", "--layer", "emotional", env=env)
    expect(proc.returncode == 0, "journal add should succeed", proc)
    proc = run(exe, "journal", "show", "1", "--profile", "Smoke", "--json", env=env)
    expect(proc.returncode == 0, "journal show should succeed", proc)
    entry = json.loads(proc.stdout)
    expect(entry.get("title") == "First evening" and entry.get("body") == CANARY and entry.get("mood") == 4,
           f"the entry read back differs: {entry}", proc)
    proc = run(exe, "journal", "search", "finally", "--profile", "Smoke", "--json", env=env)
    expect(proc.returncode == 0 and "First evening" in proc.stdout, "search should find the entry", proc)

    leaks = [str(p) for p in data_dir.rglob("*") if p.is_file() and CANARY.encode()[:24] in p.read_bytes()]
    expect(not leaks, f"plain text of the entry found in {leaks}")
    return {
        "ok": True,
        "version": release_info.version(),
        "cipher_version": checks["cipher_version"]["detail"],
        "keyring": checks["keyring"]["detail"] if keyring_ok else None,
        "data_dir": str(data_dir),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exe", required=True, type=Path, help="the installed or frozen intimacy-desktop program")
    parser.add_argument("--expect-keyring", action="store_true", help="fail unless the system keyring works")
    parser.add_argument("--data-dir", type=Path, help="where the test profile goes (default: a new temporary folder)")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="intimacy-smoke-"))
    print(f"data-dir: {data_dir}", flush=True)
    try:
        summary = smoke(args.exe, data_dir, args.expect_keyring)
    except (SmokeFailure, OSError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
        print(f"smoke test FAILED: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
