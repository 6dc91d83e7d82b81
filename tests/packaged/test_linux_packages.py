"""The Linux artifacts as a person gets them: the .deb installed with apt, the installed program run for real
(against a real Secret Service, without any keyring, in a real window under Xvfb), uninstalled without touching
the person's data; and the .tar.gz unpacked and run from wherever it lands."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

import linux_packages
import pytest
import release_info
from packaged_support import ROOT, Installed, apt_install, privileged

SUPPORT = ROOT / "tests" / "support"
SMOKE = ROOT / "packaging" / "smoke_test.py"
SHOTS = ROOT / "build" / "smoke"
MB = 1_000_000
APP_ID = release_info.APP_ID


def deb_files(deb: Path) -> dict[str, str]:
    """Path in the package → the line dpkg-deb prints for it (type, mode, link target)."""
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    files = {}
    for line in listing.splitlines():
        name = line.split(None, 5)[5].split(" -> ")[0]
        files[name.removeprefix(".")] = line
    return files


# ---- the package itself ----------------------------------------------------------------------------------------
def test_sizes_are_within_budget(bundle: Path, deb: Path, tarball: Path) -> None:
    onedir = release_info.folder_size(bundle)
    print(f"\nonedir {onedir / MB:.1f} MB, .tar.gz {tarball.stat().st_size / MB:.1f} MB, "
          f".deb {deb.stat().st_size / MB:.1f} MB")
    assert onedir <= 200 * MB
    assert tarball.stat().st_size <= 90 * MB
    assert deb.stat().st_size <= 90 * MB


def test_deb_control_declares_what_apt_needs(deb: Path) -> None:
    fields = {}
    for line in subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True).stdout \
            .splitlines():
        if not line.startswith(" "):
            key, _, value = line.partition(": ")
            fields[key] = value
    assert fields["Package"] == "intimacy-desktop"
    assert fields["Version"] == release_info.version()
    assert fields["Architecture"] == linux_packages.deb_architecture()
    assert fields["Depends"].startswith("libc6 (>= 2.")
    assert "libgl1" in fields["Depends"]
    assert "gnome-keyring" in fields["Recommends"]
    assert int(fields["Installed-Size"]) > 50_000  # KiB: the whole bundle is inside


def test_deb_holds_program_menu_entry_icons_and_metainfo(deb: Path) -> None:
    files = deb_files(deb)
    assert files["/usr/bin/intimacy-desktop"].startswith("l")
    assert files["/usr/bin/intimacy-desktop"].endswith("-> /opt/intimacy-desktop/intimacy-desktop")
    assert files["/opt/intimacy-desktop/intimacy-desktop"].startswith("-rwxr-xr-x root/root")
    assert f"/usr/share/applications/{APP_ID}.desktop" in files
    assert f"/usr/share/metainfo/{APP_ID}.metainfo.xml" in files
    assert "/usr/share/doc/intimacy-desktop/copyright" in files
    assert "/usr/share/man/man1/intimacy-desktop.1.gz" in files
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in files
    assert f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg" in files
    owners = {line.split()[1] for line in files.values()}
    assert owners == {"root/root"}
    assert not [name for name in files if name.startswith("/DEBIAN") or "/home" in name or "/etc" in name]


def test_desktop_entry_and_metainfo_validate(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    desktop = tmp_path / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    proc = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout
    text = desktop.read_text(encoding="utf-8")
    assert "Exec=intimacy-desktop\n" in text and f"Icon={APP_ID}\n" in text
    metainfo = tmp_path / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    proc = subprocess.run(["appstreamcli", "validate", "--no-net", "--explain", str(metainfo)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f'<release version="{release_info.version()}"' in metainfo.read_text(encoding="utf-8")


def test_hicolor_icons_have_the_size_their_folder_names(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    for png in (tmp_path / "usr" / "share" / "icons" / "hicolor").glob("*x*/apps/*.png"):
        width, height = int.from_bytes(png.read_bytes()[16:20], "big"), int.from_bytes(png.read_bytes()[20:24], "big")
        assert f"{width}x{height}" == png.parent.parent.name


# ---- the installed program --------------------------------------------------------------------------------------
def test_installed_command_is_on_path_and_is_the_frozen_program(installed: Installed, clean_env: dict[str, str]) \
        -> None:
    if installed.system:
        # The system's own PATH: a CI runner's Python may put a pip-installed intimacy-desktop earlier on it.
        assert shutil.which("intimacy-desktop", path="/usr/local/bin:/usr/bin:/bin") == "/usr/bin/intimacy-desktop"
        desktop = Path("/usr/share/applications") / f"{APP_ID}.desktop"
        assert desktop.exists()
        assert list(Path("/usr/share/icons/hicolor").glob(f"*/apps/{APP_ID}.*"))
    proc = subprocess.run([str(installed.exe), "--version"], capture_output=True, text=True, env=clean_env,
                          check=False)
    assert proc.stdout.strip() == f"intimacy-desktop {release_info.version()}"
    assert not (installed.prefix / "opt" / "intimacy-desktop" / "_internal" / "intimacy_desktop" / "cli.py").exists()


def test_installed_app_carries_its_licences_and_icon(installed: Installed) -> None:
    """What the About dialog and the window icon read, as installed (the copyright file points here)."""
    generated = installed.prefix / "opt" / "intimacy-desktop" / "_internal" / "intimacy_desktop" / "gui" / "_generated"
    listing = json.loads((generated / "third_party.json").read_text(encoding="utf-8"))
    by_name = {c["name"]: c for c in listing["components"]}
    assert by_name["Qt"]["license"] == "LGPL-3.0-only"
    assert {"SQLCipher", "OpenSSL", "Python", "keyring", "SecretStorage"} <= set(by_name)
    for component in listing["components"]:
        assert (generated / "licenses" / component["file"]).stat().st_size > 150, component["name"]
    assert (generated / "icons" / "intimacy-desktop-256.png").exists()
    assert (generated / "translations" / "intimacy_en.qm").exists()


def test_installed_app_with_a_real_secret_service_matches_the_source_tree(
    installed: Installed, clean_env: dict[str, str], tmp_path: Path
) -> None:
    """The installed program's self-test, profile and journal against gnome-keyring; then the source tree's
    self-test in the same session: same SQLCipher, same keyring backend."""
    if shutil.which("dbus-run-session") is None or shutil.which("gnome-keyring-daemon") is None:
        pytest.fail("needs dbus-run-session and gnome-keyring (./run-tests installs them as root)")
    script = (
        "echo -n session-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "
        f'"{sys.executable}" "{SMOKE}" --exe "{installed.exe}" --expect-keyring --data-dir "{tmp_path / "data"}" '
        f'> "{tmp_path / "frozen.out"}" 2>&1; echo "smoke=$?"; '
        f'"{sys.executable}" -m intimacy_desktop --data-dir "{tmp_path / "src-data"}" self-test --json'
    )
    env = dict(clean_env, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run(["dbus-run-session", "--", "bash", "-c", script], capture_output=True, text=True, env=env,
                          timeout=600, check=False)
    frozen_out = (tmp_path / "frozen.out").read_text(encoding="utf-8")
    assert "smoke=0" in proc.stdout, frozen_out
    assert proc.stdout.strip().splitlines()[-1].startswith("{"), proc.stderr
    frozen = json.loads(frozen_out.strip().splitlines()[-1])
    source = {c["name"]: c for c in json.loads(proc.stdout.strip().splitlines()[-1])["checks"]}
    print(f"\nfrozen: {frozen}\nsource: keyring {source['keyring']['detail']}, "
          f"cipher {source['cipher_version']['detail']}")
    assert frozen["keyring"] == source["keyring"]["detail"] == "keyring.backends.SecretService.Keyring"
    assert frozen["cipher_version"] == source["cipher_version"]["detail"]
    assert frozen["cipher_version"].startswith("4.")


def test_installed_app_without_a_keyring_says_so_and_still_keeps_a_journal(
    installed: Installed, clean_env: dict[str, str], tmp_path: Path
) -> None:
    proc = subprocess.run([str(installed.exe), "self-test"], capture_output=True, text=True, env=clean_env,
                          timeout=120, check=False)
    assert proc.returncode == 4
    assert proc.stderr.strip().count("\n") == 0  # one sentence, no traceback
    assert "no system keyring answers" in proc.stderr
    proc = subprocess.run([sys.executable, str(SMOKE), "--exe", str(installed.exe), "--data-dir", str(tmp_path / "d")],
                          capture_output=True, text=True, env=clean_env, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1])["keyring"] is None


@pytest.mark.parametrize("keyring", [True, False], ids=["real-keyring", "no-keyring"])
def test_installed_app_opens_a_real_window_under_xvfb(installed: Installed, clean_env: dict[str, str],
                                                      keyring: bool, tmp_path: Path) -> None:
    """The installed program's own window on a real X server, photographed from outside. With gnome-keyring in
    its D-Bus session the first-run page offers the keyring; without one it shows its plain warning."""
    from PySide6.QtGui import QColor, QImage

    from intimacy_desktop.gui.theme import DARK, LIGHT

    missing = [tool for tool in ("Xvfb", "dbus-run-session", "gnome-keyring-daemon") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"needs {missing} (./run-tests installs them as root)")
    read_fd, write_fd = os.pipe()
    xvfb_log = tmp_path / "xvfb.log"
    with open(xvfb_log, "wb") as log:
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,), stderr=log,
        )
    os.close(write_fd)
    # Read up to the newline: Xvfb may write the number and the newline separately, and a pipe closed in between
    # kills it ("Fatal server error: Cannot write display number to fd"), which is what made this test flaky.
    said = b""
    while not said.endswith(b"\n"):
        chunk = os.read(read_fd, 16)
        if not chunk:
            break
        said += chunk
    number = said.decode().strip()
    display = ":" + number
    # And wait for its socket, so a slow X server is not taken for a broken app.
    socket_file = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 20
    while not socket_file.exists() and xvfb.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert socket_file.exists(), f"Xvfb did not come up on {display}: {xvfb_log.read_text(errors='replace')}"
    env = dict(clean_env, DISPLAY=display)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"installed-window-xvfb-{'keyring' if keyring else 'no-keyring'}.png"
    shot.unlink(missing_ok=True)
    command = [str(installed.exe)]
    if keyring:
        start_keyring = 'echo -n session-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1'
        command = ["dbus-run-session", "--", "bash", "-c", f'{start_keyring}; exec "$0"', str(installed.exe)]
    app = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)  # its own process group: the app, D-Bus and the keyring
    try:
        for _attempt in range(3):  # a Qt client that reaches Xvfb in its first instant can abort; try again
            taken = subprocess.run([sys.executable, str(SUPPORT / "x11_screenshot.py"), str(shot), "60"], env=env,
                                   capture_output=True, text=True, timeout=120, check=False)
            if taken.returncode >= 0:
                break
            time.sleep(1)
        still_running = app.poll() is None
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(app.pid, signal.SIGTERM)
        _out, err = app.communicate(timeout=30)
        xvfb.terminate()
        xvfb.wait(timeout=30)
        os.close(read_fd)
    xvfb_said = xvfb_log.read_text(errors="replace")
    assert taken.returncode == 0, f"no window appeared: {taken.stderr}\n{err}\nXvfb: {xvfb_said}"
    assert still_running, err
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    samples = [image.pixel(x, y) & 0xFFFFFF for y in range(0, 800, 4) for x in range(0, 1280, 4)]
    counts = Counter(samples)

    def share(colours: set[int]) -> float:
        return sum(counts[c] for c in colours) / len(samples)

    def rgb(*names: str) -> set[int]:
        return {QColor(getattr(theme, name)).rgb() & 0xFFFFFF for theme in (LIGHT, DARK) for name in names}

    most_common, _ = counts.most_common(1)[0]
    assert most_common in rgb("window"), f"the app's background should fill its window; saw #{most_common:06x}"
    assert share(rgb("card")) > 0.05, "the first-run card should be drawn"
    if keyring:
        assert share(rgb("warning_bg")) == 0, "with a keyring there is nothing to warn about"
    else:
        assert share(rgb("warning_bg")) > 0.005, "without a keyring the first-run page should say so"
    assert share({0}) < 0.2, "the window should cover most of the screen"


def test_installed_first_window_appears_fast(installed: Installed, clean_env: dict[str, str]) -> None:
    """Behaviour, not a time budget: the start-up probe reports a first painted window and exits 0
    (benchmarks/frozen_startup.py measures how fast)."""
    env = dict(clean_env, QT_QPA_PLATFORM="offscreen", INTIMACY_DESKTOP_STARTUP_PROBE="1")
    proc = subprocess.run([str(installed.exe)], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("first-window ")


# ---- the .tar.gz ------------------------------------------------------------------------------------------------
def test_tarball_unpacks_anywhere_and_runs(tarball: Path, tmp_path: Path, clean_env: dict[str, str]) -> None:
    with tarfile.open(tarball) as tar:
        names = tar.getnames()
        assert {m.uname for m in tar.getmembers()} == {"root"}
    (tmp_path / "anywhere").mkdir()
    subprocess.run(["tar", "-xzf", str(tarball), "-C", str(tmp_path / "anywhere")], check=True)  # as a person would
    top = f"intimacy-desktop-{release_info.version()}"
    assert all(name == top or name.startswith(top + "/") for name in names)
    exe = tmp_path / "anywhere" / top / "intimacy-desktop"
    proc = subprocess.run([str(exe), "self-test", "--json"], capture_output=True, text=True, env=clean_env,
                          timeout=120, check=False)
    report = json.loads(proc.stdout)
    assert report["frozen"] is True
    assert {c["name"]: c["ok"] for c in report["checks"]}["cipher_version"]


# ---- uninstalling (last: it removes the package) ----------------------------------------------------------------
def test_installed_app_backs_up_restores_and_exports(installed: Installed, clean_env: dict[str, str],
                                                     tmp_path: Path) -> None:
    """The frozen program's backup, restore and PDF export (QtPdf is not in the bundle; the PDF writer is)."""
    env = {**clean_env, "INTIMACY_DESKTOP_PASSPHRASE": "frozen passphrase",
           "INTIMACY_DESKTOP_NEW_PASSPHRASE": "restored passphrase",
           "INTIMACY_DESKTOP_BACKUP_PASSPHRASE": "the backup passphrase"}

    def run(*args: str, data: str = "one", stdin: str | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([str(installed.exe), "--data-dir", str(tmp_path / data), *args], input=stdin,
                              capture_output=True, text=True, env={**env, **extra}, timeout=300, check=False)
        assert proc.returncode == 0, proc.stderr
        return proc

    run("profile", "create", "--name", "Jo", "--passphrase-only")
    run("journal", "add", "--profile", "Jo", stdin="Frozen words\nstill here\n")
    run("export", "--format", "pdf", str(tmp_path / "jo.pdf"), "--profile", "Jo")
    assert (tmp_path / "jo.pdf").read_bytes().startswith(b"%PDF")
    run("backup", "create", "--profile", "Jo", str(tmp_path / "jo.idbackup"))
    run("backup", "restore", str(tmp_path / "jo.idbackup"), "--passphrase-only", data="two")
    listed = run("journal", "list", "--profile", "Jo", data="two", INTIMACY_DESKTOP_PASSPHRASE="restored passphrase")
    assert "Frozen words" in listed.stdout


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_zz_uninstall_removes_the_program_and_keeps_the_data(
    installed: Installed, deb: Path, clean_env: dict[str, str]
) -> None:
    if not installed.system:
        pytest.skip("needs root or password-less sudo to install and remove the .deb")
    sudo = privileged()
    assert sudo is not None
    env = dict(clean_env, INTIMACY_DESKTOP_PASSPHRASE="a passphrase for the uninstall test")
    exe = str(installed.exe)
    for args in (["profile", "create", "--name", "Kept", "--passphrase-only"],
                 ["journal", "add", "--profile", "Kept", "--title", "Still here", "--body", "after uninstalling"]):
        proc = subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr
    data = Path(env["XDG_DATA_HOME"]) / "intimacy-desktop"
    before = _tree_digest(data)
    assert any(name.endswith("journal.db") for name in before)

    for action in ("-r", "-P"):  # remove, then purge what is left
        subprocess.run([*sudo, "dpkg", action, "intimacy-desktop"], capture_output=True, check=True)
        assert not Path("/usr/bin/intimacy-desktop").exists()
        assert not Path("/opt/intimacy-desktop").exists()
        assert not (Path("/usr/share/applications") / f"{APP_ID}.desktop").exists()
        assert not list(Path("/usr/share/icons/hicolor").glob(f"*/apps/{APP_ID}.*"))
        assert _tree_digest(data) == before

    apt_install(sudo, deb)  # and a reinstalled app opens the kept journal
    proc = subprocess.run([exe, "journal", "list", "--profile", "Kept", "--json"], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert [e["title"] for e in json.loads(proc.stdout)] == ["Still here"]

