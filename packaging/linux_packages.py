"""The Linux artifacts around the onedir bundle: a .tar.gz of the folder and a .deb that installs it.

The .deb puts the bundle in /opt/intimacy-desktop, links /usr/bin/intimacy-desktop to it, and adds the desktop
entry, the icon in every hicolor size plus the SVG, the AppStream metainfo and the copyright file. It has no
maintainer scripts: dpkg's triggers refresh the menu and icon caches, and removing or purging the package touches
nothing outside what it installed, so a person's data (in their home folder) always stays.
"""

from __future__ import annotations

import datetime
import gzip
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import release_info as info

INSTALL_DIR = Path("/opt") / info.EXE_NAME
# System libraries the bundle links but PyInstaller leaves to the system (GL, EGL, Wayland, XCB): each
# graphics stack provides its own. Everything else the bundle needs travels inside it.
DEPENDS = ["libegl1", "libgl1", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1", "libxcb1"]
# The keyring that keeps the device secret, and a font; a desktop has them, a bare container may not.
# libpulse0: the chime (PulseAudio's client library, which PipeWire's pulse server also speaks).
RECOMMENDS = ["gnome-keyring | kwalletmanager | keepassxc", "fonts-dejavu-core | fonts-noto-core", "libpulse0"]
MAINTAINER = f"{info.PUBLISHER} <maintainers@intimacydesktop.org>"
_GLIBC = re.compile(rb"GLIBC_(2\.\d+)")


def deb_path() -> Path:
    return info.DIST / f"{info.EXE_NAME}_{info.version()}_{deb_architecture()}.deb"


def tarball_path() -> Path:
    return info.DIST / f"{info.EXE_NAME}-{info.version()}-linux-{os.uname().machine}.tar.gz"


def deb_architecture() -> str:
    machine = os.uname().machine
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(machine, machine)


def required_glibc(bundle: Path) -> str:
    """The newest GLIBC symbol version any file in the bundle asks for: the .deb's minimum libc6."""
    newest = (2, 17)
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) != b"\x7fELF":
                    continue
                data = fh.read()
            for match in _GLIBC.finditer(data):
                major, minor = (int(n) for n in match.group(1).split(b"."))
                newest = max(newest, (major, minor))
    return f"{newest[0]}.{newest[1]}"


def fill(template: Path, date: datetime.date | None = None) -> str:
    values = {
        "APP_NAME": info.APP_NAME, "APP_ID": info.APP_ID, "SUMMARY": info.SUMMARY, "PUBLISHER": info.PUBLISHER,
        "HOMEPAGE": info.HOMEPAGE, "VERSION": info.version(),
        "DATE": (date or datetime.date.today()).isoformat(),
    }
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    leftover = re.findall(r"@[A-Z_]+@", text)
    if leftover:
        raise ValueError(f"{template.name}: no value for {', '.join(leftover)}")
    return text


def control(bundle: Path) -> str:
    installed_kib = info.folder_size(bundle) // 1024
    return "\n".join([
        f"Package: {info.EXE_NAME}",
        f"Version: {info.version()}",
        f"Architecture: {deb_architecture()}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kib}",
        f"Depends: libc6 (>= {required_glibc(bundle)}), {', '.join(DEPENDS)}",
        f"Recommends: {', '.join(RECOMMENDS)}",
        "Section: utils",
        "Priority: optional",
        f"Homepage: {info.HOMEPAGE}",
        f"Description: {info.SUMMARY}",
        " A private, offline app that helps a couple grow intimacy on purpose:",
        " emotional, physical, intellectual and digital. Its journal is encrypted,",
        " its key is kept in the system keyring, and it never connects to the",
        " internet.",
        "",
    ])


def debian_changelog(when: datetime.datetime | None = None) -> str:
    """The one-entry changelog in Debian's format that dpkg tools read; the real story is in NEWS.md.gz."""
    stamp = (when or datetime.datetime.now(datetime.UTC)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    return (f"{info.EXE_NAME} ({info.version()}) stable; urgency=medium\n\n"
            f"  * Release {info.version()}. What changed: /usr/share/doc/{info.EXE_NAME}/NEWS.md.gz\n\n"
            f" -- {MAINTAINER}  {stamp}\n")


def copyright_text() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {info.APP_NAME}\n"
        f"Source: {info.HOMEPAGE}\n\n"
        "Files: *\n"
        f"Copyright: 2026 {info.PUBLISHER}\n"
        "License: GPL-3.0-or-later\n"
        " On Debian systems, the full text of the GNU General Public License version 3 can be found in\n"
        " /usr/share/common-licenses/GPL-3.\n\n"
        f"Files: opt/{info.EXE_NAME}/_internal/*\n"
        "Copyright: the authors of each bundled component\n"
        "License: various\n"
        " Qt (LGPL-3.0-only), Python (PSF-2.0) and the other bundled components, with their licence texts, are\n"
        f" listed in the app's About dialog and in {INSTALL_DIR}/_internal/intimacy_desktop/gui/_generated/licenses.\n"
    )


def stage_deb(bundle: Path, root: Path) -> None:
    """The package's file tree under ``root`` (DEBIAN/ included)."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / INSTALL_DIR.relative_to("/"), symlinks=True)
    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    (usr_bin / info.EXE_NAME).symlink_to(INSTALL_DIR / info.EXE_NAME)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{info.APP_ID}.desktop").write_text(
        fill(info.PACKAGING / "linux" / "intimacy-desktop.desktop.in"), encoding="utf-8")
    (share / "metainfo").mkdir()
    (share / "metainfo" / f"{info.APP_ID}.metainfo.xml").write_text(
        fill(info.PACKAGING / "linux" / "metainfo.xml.in"), encoding="utf-8")
    for size in info.LINUX_ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{info.APP_ID}.png"
        target.parent.mkdir(parents=True)
        shutil.copyfile(info.ICON_DIR / f"intimacy-desktop-{size}.png", target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{info.APP_ID}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(info.ICON_SVG, scalable)
    doc = share / "doc" / info.EXE_NAME
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")
    _gzip_reproducibly((info.ROOT / "CHANGELOG.md").read_bytes(), doc / "NEWS.md.gz")
    _gzip_reproducibly(debian_changelog().encode("utf-8"), doc / "changelog.gz")
    man = share / "man" / "man1"
    man.mkdir(parents=True)
    page = fill(info.PACKAGING / "linux" / "intimacy-desktop.1.in").encode("utf-8")
    _gzip_reproducibly(page, man / f"{info.EXE_NAME}.1.gz")
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(bundle), encoding="utf-8")
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        # Folders and the program are 0755; everything else, shared libraries included (Debian policy), 0644.
        program = path == root / INSTALL_DIR.relative_to("/") / info.EXE_NAME
        path.chmod(0o755 if path.is_dir() or program else 0o644)


def _gzip_reproducibly(data: bytes, target: Path) -> None:
    """gzip -9n: no name and no time stamp inside, so the same input gives the same package."""
    with target.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as fh:
        fh.write(data)


def build_deb(bundle: Path) -> Path:
    root = info.BUILD / "deb-root"
    stage_deb(bundle, root)
    target = deb_path()
    target.unlink(missing_ok=True)
    # xz at its default level: a third smaller than gzip, and every dpkg since Debian 7 reads it
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    return target


def build_tarball(bundle: Path) -> Path:
    """The onedir folder as intimacy-desktop-<version>/, owned by root:root in the archive."""
    target = tarball_path()
    target.unlink(missing_ok=True)

    def normalise(member: tarfile.TarInfo) -> tarfile.TarInfo:
        member.uid = member.gid = 0
        member.uname = member.gname = "root"
        return member

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{info.EXE_NAME}-{info.version()}", filter=normalise)
    return target
