"""Helpers shared by the packaged-app fixtures and tests: where things are, and how to install as root."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Installed:
    exe: Path            # the command a person runs
    prefix: Path         # "/" for a real install, else the scratch root
    system: bool         # installed with dpkg (and so removable with it)


def privileged() -> list[str] | None:
    """The prefix that runs a command as root: [] when we are root, ["sudo", "-n"] when that works, else None."""
    if os.geteuid() == 0:
        return []
    sudo_works = shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0
    if sudo_works:
        return ["sudo", "-n"]
    return None


def apt_install(sudo: list[str], deb: Path) -> None:
    """apt resolves the package's Depends, which proves they exist under those names."""
    command = [*sudo, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq",
               "--no-install-recommends", str(deb)]
    if subprocess.run(command, capture_output=True, check=False).returncode != 0:
        subprocess.run([*sudo, "apt-get", "update", "-qq"], capture_output=True, check=True)
        proc = subprocess.run(command, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, f"apt-get install {deb.name} failed:\n{proc.stdout}\n{proc.stderr}"
