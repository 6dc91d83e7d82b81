"""What goes into the frozen bundle, and what stays out: the data the spec hands to PyInstaller, per platform.

Kept apart from the spec so it can be read and tested without running PyInstaller.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import release_info as info

# Imported by name at run time rather than by an import statement PyInstaller can see.
HIDDEN_IMPORTS = [
    "sqlcipher3",
    "sqlcipher3.dbapi2",
    "secretstorage",  # read directly for a Secret Service profile (storage/secret_service.py)
]
# Installed beside what the app uses (or pulled in by a library's optional code path) but never used by it.
EXCLUDES = [
    "tkinter",
    "sqlite3",   # the standard library's unencrypted driver; the app uses sqlcipher3 only
    "pydoc_data",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtSvgWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtWebEngineCore",
]
# Bundle paths (PyInstaller's "dest" names, '/'-separated) that are dropped after analysis: Qt's own
# translations (the app ships its own strings and is English-only so far) and Qt plugins the app cannot use.
UNWANTED_PREFIXES = (
    "PySide6/Qt/translations/",
    "PySide6/translations/",
    "PySide6/Qt/plugins/qmltooling/",
    "PySide6/Qt/plugins/designer/",
    "PySide6/Qt/plugins/sqldrivers/",
    "PySide6/Qt/plugins/multimedia/",
    "PySide6/Qt/plugins/tls/",   # the app never opens a network connection, so TLS backends have no use
    "PySide6/Qt/plugins/networkinformation/",
)
# Qt plugins (by file-name stem, any platform's prefix and suffix) the app never loads: Linux framebuffer, VNC
# and EGL-device platforms, image formats it does not read (it draws PNG, built into QtGui), the PDF image
# plugin (it links all of QtPdf) and the GTK 3 theme (the app has its own light and dark themes).
UNUSED_QT_PLUGINS = frozenset({
    "qgtk3", "qeglfs", "qlinuxfb", "qvnc", "qvkkhrdisplay", "qminimalegl", "qeglfs-kms-integration",
    "qeglfs-kms-egldevice-integration", "qeglfs-emu-integration", "qeglfs-x11-integration",
    "qpdf", "qtiff", "qwebp", "qtga", "qwbmp", "qgif", "qjpeg", "qicns",
})
# Libraries the chime's QtMultimedia links or its media plugin would pull in, which the bundle leaves to the
# system: the sound server's client library (libpulse0, which the .deb recommends; a machine without it imports no
# QtMultimedia and the app stays silent) with its codecs, and FFmpeg, which only the unused media plugin needs.
SYSTEM_AUDIO_LIBRARIES = ("libpulse", "libsndfile", "libFLAC", "libvorbis", "libopus", "libogg", "libmpg123",
                          "libmp3lame", "libasyncns", "libavcodec", "libavformat", "libavutil", "libswresample",
                          "libswscale", "libavdevice", "libavfilter", "libffmpegmediaplugin")
WINDOWED_NAME = "IntimacyDesktop"


@dataclass(frozen=True)
class Plan:
    datas: list[tuple[str, str]]
    hidden_imports: list[str]
    excludes: list[str]
    icon: str | None
    windowed_name: str | None
    windows_version_file: str | None
    strip: bool  # drop debug symbols: Linux only (stripping breaks macOS signatures and Windows DLLs)


# The authored content (src/intimacy_desktop/content/README.md): one folder per language, TOML files directly
# inside, the pattern pyproject.toml's package-data ships in the wheel ("content/*/*.toml").
CONTENT = info.SRC / "intimacy_desktop" / "content"
CONTENT_DEST = "intimacy_desktop/content"


def content_files() -> list[Path]:
    """Every content file, as the source tree has it."""
    return sorted(CONTENT.glob("*/*.toml"))


def generated_datas() -> list[tuple[str, str]]:
    """What the app reads from its installation at run time (intimacy_desktop/resources.py): the compiled
    translations, the rendered icons and the licence texts (run scripts/build_ui.py first), and the content."""
    package_dest = "intimacy_desktop/gui/_generated"
    pairs = [
        (info.GENERATED / "translations" / "*.qm", f"{package_dest}/translations"),
        (info.ICON_DIR / "*.png", f"{package_dest}/icons"),
        (info.GENERATED / "sounds" / "*.wav", f"{package_dest}/sounds"),
        (info.GENERATED / "third_party.json", package_dest),
        (info.GENERATED / "licenses" / "*.txt", f"{package_dest}/licenses"),
    ]
    languages = sorted({path.parent.name for path in content_files()}) or ["en"]
    pairs += [(CONTENT / lang / "*.toml", f"{CONTENT_DEST}/{lang}") for lang in languages]
    missing = [str(source) for source, _ in pairs if not list(source.parent.glob(source.name))]
    if missing:
        raise FileNotFoundError(f"run scripts/build_ui.py first; missing: {', '.join(missing)}")
    return [(str(source), dest) for source, dest in pairs]


def plan(platform: str) -> Plan:
    if platform == "win32":
        icon: str | None = str(info.ICON_DIR / "intimacy-desktop.ico")
    elif platform == "darwin":
        icon = str(info.ICON_DIR / "intimacy-desktop.icns")
    else:
        icon = None  # Linux programs carry no icon; the .desktop entry and hicolor theme give it
    windows_version = info.BUILD / "windows_version_info.txt"
    return Plan(
        datas=generated_datas(),
        hidden_imports=list(HIDDEN_IMPORTS),
        excludes=list(EXCLUDES),
        icon=icon,
        windowed_name=WINDOWED_NAME if platform in ("win32", "darwin") else None,
        windows_version_file=str(windows_version) if platform == "win32" else None,
        strip=platform.startswith("linux"),
    )


def unused_qt_plugin(path: str) -> bool:
    """Whether a Qt plugin file (``libqgtk3.so``, ``qgtk3.dll``, ``libqgtk3.dylib``) is one the app never loads."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.split(".", 1)[0]
    stem = stem.removeprefix("lib")
    return stem in UNUSED_QT_PLUGINS


def media_backend(path: str) -> bool:
    """Whether a file is QtMultimedia's media plugin or one of the audio libraries the system provides."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return "/plugins/multimedia/" in path.replace("\\", "/") or name.startswith(SYSTEM_AUDIO_LIBRARIES)


def unwanted(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    return dest.startswith(UNWANTED_PREFIXES) or dest.rsplit("/", 1)[-1].startswith(SYSTEM_AUDIO_LIBRARIES)


def drop_unwanted(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [entry for entry in toc if not unwanted(entry[0])]


def macos_info_plist() -> dict[str, object]:
    return {
        "CFBundleName": info.APP_NAME,
        "CFBundleDisplayName": info.APP_NAME,
        "CFBundleShortVersionString": info.version(),
        "CFBundleVersion": info.version(),
        "LSMinimumSystemVersion": info.MACOS_MINIMUM,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSApplicationCategoryType": "public.app-category.lifestyle",
        "NSHumanReadableCopyright": f"© {info.PUBLISHER}. GPL-3.0-or-later.",
    }


def windows_version_resource() -> str:
    """PyInstaller's version-file text: the version-info resource Windows shows in the file's properties."""
    v = info.version_tuple()
    text_version = info.version()
    fields = {
        "CompanyName": info.PUBLISHER,
        "FileDescription": info.APP_NAME,
        "FileVersion": text_version,
        "InternalName": info.EXE_NAME,
        "LegalCopyright": f"© {info.PUBLISHER}. GPL-3.0-or-later.",
        "OriginalFilename": f"{info.EXE_NAME}.exe",
        "ProductName": info.APP_NAME,
        "ProductVersion": text_version,
    }
    strings = ",\n            ".join(f"StringStruct({k!r}, {val!r})" for k, val in fields.items())
    return f"""# Generated by packaging/bundle_plan.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(filevers={v}, prodvers={v}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0,
                    date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
            {strings}])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_windows_version_file() -> Path:
    path = info.BUILD / "windows_version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(windows_version_resource(), encoding="utf-8")
    return path


# Modules the app (or keyring, through its entry points) loads by name at run time, per platform.
REQUIRED_MODULES = ["sqlcipher3", "sqlcipher3.dbapi2", "argon2",
                    "cryptography.hazmat.primitives.ciphers.aead", "keyring.backends.chainer"]
REQUIRED_KEYRING_MODULES = {
    "linux": ["keyring.backends.SecretService", "secretstorage", "jeepney"],
    "win32": ["keyring.backends.Windows", "win32ctypes"],
    "darwin": ["keyring.backends.macOS", "keyring.backends.macOS.api"],
}


def executable(bundle: Path, platform: str) -> Path:
    return bundle / (f"{info.EXE_NAME}.exe" if platform == "win32" else info.EXE_NAME)


def bundled_modules(bundle: Path, platform: str) -> set[str]:
    """Every module in the program's embedded PYZ archive."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable(bundle, platform)))
    return set(archive.open_embedded_archive("PYZ.pyz").toc)


def missing_from_bundle(bundle: Path, platform: str) -> list[str]:
    """What the frozen app would miss at run time; empty when the bundle is complete."""
    key = "linux" if platform.startswith("linux") else platform
    modules = bundled_modules(bundle, platform)
    problems = [f"module {name}" for name in REQUIRED_MODULES + REQUIRED_KEYRING_MODULES.get(key, [])
                if name not in modules]
    internal = bundle / "_internal"   # PyInstaller 6's onedir layout on every platform
    package_data = internal / "intimacy_desktop" / "gui" / "_generated"
    file_patterns = {
        "the SQLCipher extension (sqlcipher3/_sqlite3.*)": (internal / "sqlcipher3", "_sqlite3*"),
        "keyring's entry points (keyring-*.dist-info)": (internal, "keyring-*.dist-info/entry_points.txt"),
        "the compiled translations": (package_data / "translations", "*.qm"),
        "the app icon": (package_data / "icons", "intimacy-desktop-256.png"),
        "the chime": (package_data / "sounds", "chime-end.wav"),
        "the licence list": (package_data, "third_party.json"),
        "the licence texts": (package_data / "licenses", "qt.txt"),
        "the content (intimacy_desktop/content/en/*.toml)": (internal / CONTENT_DEST / "en", "*.toml"),
    }
    problems += [what for what, (folder, pattern) in file_patterns.items() if not list(folder.glob(pattern))]
    problems += [f"content file {path.relative_to(CONTENT).as_posix()}" for path in content_files()
                 if not (internal / CONTENT_DEST / path.relative_to(CONTENT)).is_file()]
    return problems
