"""Build the installable artifact for this operating system, in one command:

    python3 packaging/build.py           # on a fresh clone: makes .venv first (Linux, macOS), then builds

Linux:   dist/intimacy-desktop/ (onedir), dist/intimacy-desktop_<v>_<arch>.deb,
         dist/intimacy-desktop-<v>-linux-<machine>.tar.gz
Windows: dist/intimacy-desktop/, dist/IntimacyDesktop-Setup-<v>.exe (Inno Setup's iscc must be on PATH)
macOS:   dist/Intimacy Desktop.app, dist/IntimacyDesktop-<v>.dmg (signed and notarised when credentials are set)

Steps: compile forms, translations, icons and the licence list (scripts/build_ui.py); run PyInstaller on
packaging/intimacy-desktop.spec; check the bundle holds what the app loads by name; package; print sizes.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle_plan
import release_info as info

MB = 1_000_000
ONEDIR_BUDGET_MB = 200   # DESIGN.md §7
ARCHIVE_BUDGET_MB = 90


def step(message: str) -> None:
    print(f"[build] {message}", flush=True)


def ensure_build_environment(argv: list[str]) -> None:
    """Run from the project's venv. Started by another Python (a fresh clone's python3), make the venv the way
    ./run-tests does (scripts/bootstrap.sh: system packages as root, then pip) and start again inside it."""
    needed = ("PyInstaller", "PySide6", "intimacy_desktop", "sqlcipher3")
    if all(importlib.util.find_spec(name) is not None for name in needed):
        return
    venv_python = info.ROOT / ".venv" / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if Path(sys.executable).resolve() == venv_python.resolve() or sys.platform == "win32":
        raise SystemExit("[build] this Python lacks the build tools: run  python -m pip install -e \".[dev]\"  first")
    step("setting up .venv (scripts/bootstrap.sh)")
    bootstrap = info.ROOT / "scripts" / "bootstrap.sh"
    setup = subprocess.run(["bash", "-c", f'source "{bootstrap}" && ensure_apt $APT_QT $APT_PACKAGING && ensure_venv'],
                           check=False)
    if setup.returncode != 0:
        raise SystemExit("[build] could not set up .venv; see the lines above")
    os.execv(str(venv_python), [str(venv_python), str(Path(__file__).resolve()), *argv])  # noqa: S606 - no shell


def compile_resources() -> None:
    step("forms, translations, icons and licences (scripts/build_ui.py)")
    subprocess.run([sys.executable, str(info.ROOT / "scripts" / "build_ui.py")], check=True, stdout=subprocess.DEVNULL)


def run_pyinstaller() -> Path:
    step(f"PyInstaller {info.version()} onedir bundle")
    if sys.platform == "win32":
        bundle_plan.write_windows_version_file()
    shutil.rmtree(info.onedir(), ignore_errors=True)
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(info.DIST), "--workpath", str(info.BUILD / "pyinstaller"),
         str(info.PACKAGING / "intimacy-desktop.spec")],
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"[build] PyInstaller failed (exit {proc.returncode}); its message is above")
    return info.onedir()


def verify_bundle(bundle: Path) -> None:
    """What the app imports lazily or by name must be inside: the encrypted driver, the keyring backends."""
    problems = bundle_plan.missing_from_bundle(bundle, sys.platform)
    if problems:
        raise SystemExit("[build] the bundle is incomplete:\n  " + "\n  ".join(problems))
    step("bundle holds sqlcipher3 and the keyring backends")


def package(bundle: Path) -> list[Path]:
    if sys.platform.startswith("linux"):
        import linux_packages

        step("Debian package and .tar.gz")
        return [linux_packages.build_deb(bundle), linux_packages.build_tarball(bundle)]
    if sys.platform == "win32":
        return [windows_installer(bundle)]
    if sys.platform == "darwin":
        return [macos_dmg()]
    raise SystemExit(f"[build] no installer is defined for {sys.platform}")


def windows_installer(bundle: Path) -> Path:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        raise SystemExit("[build] Inno Setup's iscc is not on PATH (install it: choco install innosetup)")
    step("Inno Setup installer")
    subprocess.run([
        iscc, f"/DAppVersion={info.version()}", f"/DSourceDir={bundle}", f"/DOutputDir={info.DIST}",
        f"/DIconFile={info.ICON_DIR / 'intimacy-desktop.ico'}", f"/DLicenseFile={info.ROOT / 'LICENSE'}",
        str(info.PACKAGING / "windows" / "installer.iss"),
    ], check=True)
    return info.DIST / f"IntimacyDesktop-Setup-{info.version()}.exe"


def macos_dmg() -> Path:
    app = info.DIST / f"{info.APP_NAME}.app"
    dmg = info.DIST / f"IntimacyDesktop-{info.version()}.dmg"
    scripts = info.PACKAGING / "macos"
    step("sign the .app (skipped without credentials)")
    subprocess.run(["bash", str(scripts / "sign.sh"), str(app)], check=True)
    step(".dmg")
    subprocess.run(["bash", str(scripts / "make_dmg.sh"), str(app), str(dmg)], check=True)
    step("notarise the .dmg (skipped without credentials)")
    subprocess.run(["bash", str(scripts / "notarize.sh"), str(dmg)], check=True)
    return dmg


def report(bundle: Path, artifacts: list[Path], seconds: float) -> int:
    onedir_mb = info.folder_size(bundle) / MB
    print(f"[build] onedir   {bundle.relative_to(info.ROOT)}: {onedir_mb:.1f} MB (budget {ONEDIR_BUDGET_MB} MB)")
    over = onedir_mb > ONEDIR_BUDGET_MB
    for artifact in artifacts:
        size_mb = artifact.stat().st_size / MB
        print(f"[build] artifact {artifact.relative_to(info.ROOT)}: {size_mb:.1f} MB (budget {ARCHIVE_BUDGET_MB} MB)")
        over = over or size_mb > ARCHIVE_BUDGET_MB
    print(f"[build] done in {seconds:.0f} s")
    if over:
        print("[build] over the size budget (DESIGN.md §7)", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the installable artifact for this operating system.")
    parser.add_argument("--bundle-only", action="store_true", help="stop after the PyInstaller onedir bundle")
    args = parser.parse_args(argv)
    ensure_build_environment(sys.argv[1:] if argv is None else argv)
    started = time.monotonic()
    compile_resources()
    bundle = run_pyinstaller()
    verify_bundle(bundle)
    artifacts = [] if args.bundle_only else package(bundle)
    return report(bundle, artifacts, time.monotonic() - started)


if __name__ == "__main__":
    raise SystemExit(main())
