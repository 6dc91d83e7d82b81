"""The packaging code that runs on every platform, checked here without PyInstaller: the release's names and
version, what the bundle keeps out, the Windows version resource, and the Debian package's tree and control."""

from __future__ import annotations

import ast
import gzip
import os
import shutil
import sys
import types
from pathlib import Path

import bundle_plan
import linux_packages
import pytest
import release_info

import intimacy_desktop


def test_release_names_and_version_come_from_the_app() -> None:
    assert release_info.version() == intimacy_desktop.__version__
    assert release_info.APP_ID == intimacy_desktop.APP_ID
    assert release_info.APP_NAME == intimacy_desktop.APP_NAME


def test_windows_version_numbers_are_four_integers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(release_info, "version", lambda: "1.2.0rc1")
    assert release_info.version_tuple() == (1, 2, 0, 0)
    monkeypatch.setattr(release_info, "version", lambda: "2.10")
    assert release_info.version_tuple() == (2, 10, 0, 0)


@pytest.mark.parametrize(
    ("path", "unused"),
    [
        ("/x/PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("C:\\x\\PySide6\\plugins\\imageformats\\qpdf.dll", True),
        ("/x/plugins/imageformats/libqjpeg.dylib", True),
        ("/x/plugins/platforms/libqxcb.so", False),
        ("/x/plugins/platforms/libqwayland.so", False),
        ("/x/plugins/platforms/libqoffscreen.so", False),
        ("C:\\x\\plugins\\platforms\\qwindows.dll", False),
        ("/x/plugins/platforms/libqcocoa.dylib", False),
        ("/x/plugins/platformthemes/libqxdgdesktopportal.so", False),
    ],
)
def test_only_plugins_the_app_cannot_use_are_left_out(path: str, unused: bool) -> None:
    assert bundle_plan.unused_qt_plugin(path) is unused


def test_qt_translations_are_dropped_and_the_apps_own_files_kept() -> None:
    toc = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/src/qtbase_de.qm", "DATA"),
        ("intimacy_desktop/gui/_generated/translations/intimacy_en.qm", "/src/intimacy_en.qm", "DATA"),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "/src/tls.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/core.so", "BINARY"),
    ]
    kept = [dest for dest, _src, _kind in bundle_plan.drop_unwanted(toc)]
    assert kept == ["intimacy_desktop/gui/_generated/translations/intimacy_en.qm", "PySide6/Qt/lib/libQt6Core.so.6"]


def test_printing_stays_in_the_bundle() -> None:
    """The recovery code view prints (QtPrintSupport), and a real printer needs Qt's print-support plugins."""
    assert not any(name.startswith("PySide6.QtPrintSupport") for name in bundle_plan.EXCLUDES)
    toc = [("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/src/cups.so", "BINARY"),
           ("PySide6/QtPrintSupport.abi3.so", "/src/print.so", "EXTENSION")]
    assert bundle_plan.drop_unwanted(toc) == toc


def test_the_chime_keeps_qtmultimedia_and_leaves_ffmpeg_and_the_sound_server_to_the_system() -> None:
    assert "PySide6.QtMultimedia" not in bundle_plan.EXCLUDES
    toc = [("PySide6/QtMultimedia.abi3.so", "/src/mm.so", "EXTENSION"),
           ("PySide6/Qt/lib/libQt6Multimedia.so.6", "/src/libQt6Multimedia.so.6", "BINARY"),
           ("PySide6/Qt/lib/libavcodec.so.61", "/src/libavcodec.so.61", "BINARY"),
           ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", "/src/ffmpeg.so", "BINARY"),
           ("libpulse.so.0", "/usr/lib/x86_64-linux-gnu/libpulse.so.0", "BINARY"),
           ("libsndfile.so.1", "/usr/lib/x86_64-linux-gnu/libsndfile.so.1", "BINARY"),
           ("libpng16.so.16", "/usr/lib/x86_64-linux-gnu/libpng16.so.16", "BINARY")]
    kept = [dest for dest, _src, _kind in bundle_plan.drop_unwanted(toc)]
    assert kept == ["PySide6/QtMultimedia.abi3.so", "PySide6/Qt/lib/libQt6Multimedia.so.6", "libpng16.so.16"]
    assert bundle_plan.media_backend("/venv/PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so")
    assert not bundle_plan.media_backend("/venv/PySide6/Qt/lib/libQt6Multimedia.so.6")
    assert "libpulse0" in linux_packages.RECOMMENDS


def test_each_platform_gets_its_icon_programs_and_stripping() -> None:
    linux, windows, mac = bundle_plan.plan("linux"), bundle_plan.plan("win32"), bundle_plan.plan("darwin")
    assert linux.icon is None and linux.windowed_name is None and linux.strip
    assert windows.icon is not None and windows.icon.endswith(".ico") and windows.windowed_name == "IntimacyDesktop"
    assert windows.windows_version_file is not None and not windows.strip
    assert mac.icon is not None and mac.icon.endswith(".icns") and not mac.strip
    for source, _dest in linux.datas:
        assert list(Path(source).parent.glob(Path(source).name)), source
    assert "sqlite3" in linux.excludes and "sqlcipher3" in linux.hidden_imports


def test_windows_version_resource_is_what_pyinstaller_evaluates() -> None:
    text = bundle_plan.windows_version_resource()
    tree = ast.parse(text, mode="exec")
    statement = tree.body[0]
    assert isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)
    call = statement.value
    assert isinstance(call.func, ast.Name) and call.func.id == "VSVersionInfo"
    names = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert {"FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct"} <= names
    strings = {ast.literal_eval(node.args[0]): ast.literal_eval(node.args[1]) for node in ast.walk(tree)
               if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"}
    assert strings["ProductVersion"] == release_info.version()
    assert strings["OriginalFilename"] == "intimacy-desktop.exe"
    assert f"filevers={release_info.version_tuple()}" in text


def test_pyinstallers_own_parser_reads_the_version_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """PyInstaller's loader and the binary resource it packs; its module imports Windows-only helpers it does not
    need for this, so those are stubbed."""
    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    import PyInstaller.compat

    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32 import versioninfo

    monkeypatch.setattr(release_info, "BUILD", tmp_path)
    info = versioninfo.load_version_info_from_text_file(str(bundle_plan.write_windows_version_file()))
    major, minor, patch, build = release_info.version_tuple()
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == ((major << 16) | minor, (patch << 16) | build)
    strings = {s.name: s.val for s in info.kids[0].kids[0].kids}
    assert strings["ProductName"] == "Intimacy Desktop"
    assert strings["FileVersion"] == release_info.version()
    assert len(info.toRaw()) > 500  # the VS_VERSIONINFO resource PyInstaller writes into the .exe


def test_macos_bundle_declares_id_version_and_minimum_system() -> None:
    plist = bundle_plan.macos_info_plist()
    assert plist["CFBundleShortVersionString"] == release_info.version()
    assert plist["LSMinimumSystemVersion"] == release_info.MACOS_MINIMUM
    assert plist["NSHighResolutionCapable"] is True


def test_newest_glibc_symbol_is_the_minimum_libc(tmp_path: Path) -> None:
    (tmp_path / "a.so").write_bytes(b"\x7fELF" + b"\0GLIBC_2.17\0GLIBC_2.34\0")
    (tmp_path / "b").write_bytes(b"\x7fELF" + b"\0GLIBC_2.9\0GLIBC_2.28\0")
    (tmp_path / "notes.txt").write_bytes(b"GLIBC_2.99 is only text")
    assert linux_packages.required_glibc(tmp_path) == "2.34"


def fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "intimacy-desktop"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "intimacy-desktop"
    exe.write_bytes(b"\x7fELF" + b"\0GLIBC_2.31\0" * 10)
    exe.chmod(0o700)
    (bundle / "_internal" / "data.bin").write_bytes(b"x" * 4096)
    (bundle / "_internal" / "data.bin").chmod(0o600)
    (bundle / "_internal" / "libfoo.so.1").write_bytes(b"\x7fELF")
    (bundle / "_internal" / "libfoo.so.1").chmod(0o755)
    return bundle


def test_staged_deb_tree_has_every_file_and_public_modes(tmp_path: Path) -> None:
    root = tmp_path / "root"
    linux_packages.stage_deb(fake_bundle(tmp_path), root)
    app_id = release_info.APP_ID
    link = root / "usr" / "bin" / "intimacy-desktop"
    assert link.is_symlink() and os.readlink(link) == "/opt/intimacy-desktop/intimacy-desktop"
    assert (root / "opt" / "intimacy-desktop" / "intimacy-desktop").stat().st_mode & 0o777 == 0o755
    assert (root / "opt" / "intimacy-desktop" / "_internal" / "data.bin").stat().st_mode & 0o777 == 0o644
    assert (root / "opt" / "intimacy-desktop" / "_internal" / "libfoo.so.1").stat().st_mode & 0o777 == 0o644
    page = gzip.decompress((root / "usr" / "share" / "man" / "man1" / "intimacy-desktop.1.gz").read_bytes())
    assert page.startswith(b".TH INTIMACY-DESKTOP 1") and release_info.version().encode() in page
    changelog = gzip.decompress((root / "usr" / "share" / "doc" / "intimacy-desktop" / "changelog.gz").read_bytes())
    assert changelog.startswith(f"intimacy-desktop ({release_info.version()}) ".encode())
    desktop = (root / "usr" / "share" / "applications" / f"{app_id}.desktop").read_text(encoding="utf-8")
    assert f"Icon={app_id}" in desktop and "@" not in desktop
    metainfo = (root / "usr" / "share" / "metainfo" / f"{app_id}.metainfo.xml").read_text(encoding="utf-8")
    assert f"<id>{app_id}</id>" in metainfo and "@" not in metainfo.replace("@intimacydesktop", "")
    for size in release_info.LINUX_ICON_SIZES:
        assert (root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png").exists()
    control = (root / "DEBIAN" / "control").read_text(encoding="utf-8")
    assert "Depends: libc6 (>= 2.31), libegl1" in control
    assert f"Version: {release_info.version()}\n" in control
    assert not (root / "DEBIAN" / "postrm").exists()  # nothing runs on removal, so nothing can touch data


def test_templates_fail_loudly_on_an_unknown_placeholder(tmp_path: Path) -> None:
    template = tmp_path / "x.in"
    template.write_text("Name=@APP_NAME@ @NOPE@", encoding="utf-8")
    with pytest.raises(ValueError, match="@NOPE@"):
        linux_packages.fill(template)


# ---- the files the app reads at run time: the same in the bundle as in the wheel --------------------------------
PACKAGE = release_info.SRC / "intimacy_desktop"


def package_data_files() -> list[Path]:
    """Every file pyproject.toml's package-data ships in the wheel, except the generated forms (modules, which
    PyInstaller puts in its archive)."""
    patterns = release_info._pyproject()["tool"]["setuptools"]["package-data"]["intimacy_desktop"]  # type: ignore[index]
    return sorted({path for pattern in patterns if not pattern.endswith(".py") for path in PACKAGE.glob(pattern)})


def test_the_bundle_collects_every_file_the_wheel_ships() -> None:
    datas = bundle_plan.plan("linux").datas
    assert (str(bundle_plan.CONTENT / "en" / "*.toml"), "intimacy_desktop/content/en") in datas
    files = package_data_files()
    assert PACKAGE / "content" / "en" / "language.toml" in files
    uncovered = []
    for path in files:
        dest = f"intimacy_desktop/{path.parent.relative_to(PACKAGE).as_posix()}"
        if not any(Path(source).parent == path.parent and path.match(Path(source).name) and to == dest
                   for source, to in datas):
            uncovered.append(str(path.relative_to(PACKAGE)))
    assert uncovered == []


def complete_bundle(root: Path) -> Path:
    """A bundle tree with every file missing_from_bundle() looks for (its modules are faked separately)."""
    internal = root / "_internal"
    generated = internal / "intimacy_desktop" / "gui" / "_generated"
    for path in (internal / "sqlcipher3" / "_sqlite3.abi3.so", internal / "keyring-25.0.dist-info" / "entry_points.txt",
                 generated / "translations" / "intimacy_en.qm", generated / "icons" / "intimacy-desktop-256.png",
                 generated / "third_party.json", generated / "licenses" / "qt.txt",
                 generated / "sounds" / "chime-end.wav"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    for source in bundle_plan.content_files():
        target = internal / "intimacy_desktop" / "content" / source.relative_to(bundle_plan.CONTENT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    return root


def test_a_bundle_without_the_content_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    modules = set(bundle_plan.REQUIRED_MODULES + bundle_plan.REQUIRED_KEYRING_MODULES["linux"])
    monkeypatch.setattr(bundle_plan, "bundled_modules", lambda _bundle, _platform: modules)
    bundle = complete_bundle(tmp_path / "intimacy-desktop")
    assert bundle_plan.missing_from_bundle(bundle, "linux") == []
    (bundle / "_internal" / "intimacy_desktop" / "content" / "en" / "language.toml").unlink()
    assert "content file en/language.toml" in bundle_plan.missing_from_bundle(bundle, "linux")
    shutil.rmtree(bundle / "_internal" / "intimacy_desktop" / "content")
    problems = bundle_plan.missing_from_bundle(bundle, "linux")
    assert "the content (intimacy_desktop/content/en/*.toml)" in problems
    assert [p for p in problems if not p.startswith(("the content", "content file"))] == []
    (bundle / "_internal" / "intimacy_desktop" / "gui" / "_generated" / "sounds" / "chime-end.wav").unlink()
    assert "the chime" in bundle_plan.missing_from_bundle(bundle, "linux")
