"""Every file the app reads at run time from its own installation: the content TOML files, the rendered icons,
the soft sounds, the compiled translations and the licence texts.

All of it is package data of ``intimacy_desktop`` and is found through ``importlib.resources``, never through
``__file__``, so the same calls work in the source tree, the installed wheel (even imported from the zip itself)
and the PyInstaller bundle (whose loader answers with the folder beside the program; see
packaging/bundle_plan.py, which collects the same files pyproject.toml's package-data lists).

Content lives in ``content/<language>/*.toml`` (content/README.md describes the layout). A language may be
translated file by file: what a folder lacks is read from the less specific language (``pt_BR`` → ``pt``) and
then from English, so a partial translation still shows everything.

Pure standard library, no Qt: core and services may import it (tests/unit/test_architecture.py enforces that it
imports nothing of ours).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from contextlib import ExitStack
from fnmatch import fnmatch
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

PACKAGE = "intimacy_desktop"
DEFAULT_LANGUAGE = "en"
# A language folder holds this file (its own name for itself, for a language chooser); it marks the folder as one.
LANGUAGE_FILE = "language.toml"
GENERATED = ("gui", "_generated")   # written by scripts/build_ui.py and scripts/third_party.py, never edited

_extracted = ExitStack()   # files copied out of a zip import to give Qt a real path; removed at exit
atexit.register(_extracted.close)
_copies: dict[str, Path] = {}


def package_root() -> Traversable:
    """The installed package's own files, wherever and however it is installed."""
    return files(PACKAGE)


# ---- content -------------------------------------------------------------------------------------------------
def content_root() -> Traversable:
    return package_root() / "content"


def language_chain(lang: str) -> list[str]:
    """Where to look for ``lang``'s files, most specific first, English last: ``pt-BR`` → pt_BR, pt, en.

    A language is a code and optional script or region parts (en, pt_BR, pt-BR, zh_Hant_TW, sr_Latn). Anything
    else (Qt's "C" locale, an empty setting, a path) means English, so a language never names another folder.
    """
    parts = lang.replace("-", "_").split("_")
    if not (2 <= len(parts[0]) <= 3 and parts[0].isascii() and parts[0].isalpha()
            and all(2 <= len(part) <= 8 and part.isascii() and part.isalnum() for part in parts[1:])):
        return [DEFAULT_LANGUAGE]
    parts = [parts[0].lower()] + [part.title() if len(part) == 4 else part.upper() for part in parts[1:]]
    chain = ["_".join(parts[:n]) for n in range(len(parts), 0, -1)]
    return [*chain, DEFAULT_LANGUAGE] if DEFAULT_LANGUAGE not in chain else chain


def languages() -> list[str]:
    """The content languages this installation has, sorted (folders holding a language.toml)."""
    root = content_root()
    if not root.is_dir():
        return []
    return sorted(item.name for item in root.iterdir() if item.is_dir() and (item / LANGUAGE_FILE).is_file())


def content_dir(lang: str = DEFAULT_LANGUAGE) -> Traversable:
    """The most specific existing folder for ``lang``; English's when none exists (even if that is missing too,
    which content_files then reports as no files)."""
    for candidate in language_chain(lang):
        folder = content_root() / candidate
        if folder.is_dir():
            return folder
    return content_root() / DEFAULT_LANGUAGE


def content_files(lang: str = DEFAULT_LANGUAGE, pattern: str = "*.toml") -> list[Traversable]:
    """Every content file matching ``pattern`` for ``lang``, sorted by file name, each from the most specific
    language that has it (so a file not yet translated comes from English). The folder's language.toml is about
    the language, not content, so it is not among them."""
    chosen: dict[str, Traversable] = {}
    for candidate in language_chain(lang):
        folder = content_root() / candidate
        if not folder.is_dir():
            continue
        for item in folder.iterdir():
            if item.is_file() and item.name != LANGUAGE_FILE and fnmatch(item.name, pattern):
                chosen.setdefault(item.name, item)
    return [chosen[name] for name in sorted(chosen)]


def language_name(lang: str) -> str:
    """The language's own name for itself (``Deutsch``), from its language.toml; the code if it has none."""
    try:
        return str(load_toml(LANGUAGE_FILE, lang)["name"]) if lang in languages() else lang
    except (KeyError, ValueError):
        return lang


def content_file(name: str, lang: str = DEFAULT_LANGUAGE) -> Traversable:
    """One content file by name (``prompts.toml``), from the most specific language that has it."""
    _check_file_name(name)
    for candidate in language_chain(lang):
        item = content_root() / candidate / name
        if item.is_file():
            return item
    raise FileNotFoundError(f"content file {name!r} is in none of {language_chain(lang)} under {content_root()}")


def read_text(name: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return content_file(name, lang).read_text(encoding="utf-8")


def load_toml(name: str, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """A content file parsed with the standard library's tomllib (raises tomllib.TOMLDecodeError when invalid)."""
    import tomllib  # here, not at the top: the GUI imports this module at start-up for its icon (~3 ms)

    return tomllib.loads(read_text(name, lang))


# ---- files Qt loads by path ------------------------------------------------------------------------------------
def icon_path(name: str) -> Path:
    """A rendered icon (``intimacy-desktop-256.png``) as a real file Qt can open; it may not exist if the icons
    were not built, so callers check ``exists()``."""
    _check_file_name(name)
    return real_path(package_root().joinpath(*GENERATED, "icons", name))


def sound_path(name: str) -> Path:
    """A soft sound (``chime-end.wav``) as a real file QSoundEffect can open; callers check ``exists()``."""
    _check_file_name(name)
    return real_path(package_root().joinpath(*GENERATED, "sounds", name))


def translations_dir() -> Path:
    """The folder of compiled translations (``intimacy_<lang>.qm``), for QTranslator.load."""
    return real_path(package_root().joinpath(*GENERATED, "translations"))


def licence_folder() -> Path:
    """The folder holding third_party.json (the bundled components and their licences) and licenses/*.txt."""
    return real_path(package_root().joinpath(*GENERATED))


def real_path(resource: Traversable) -> Path:
    """``resource`` as a path on disk. It already is one in the source tree, an unpacked wheel and the frozen
    bundle; from a zip import it is copied out once (a folder with all its files) and removed at exit."""
    if isinstance(resource, Path):
        return resource
    key = str(resource)
    if key not in _copies:
        if resource.is_file():
            _copies[key] = _extracted.enter_context(as_file(resource))
        elif resource.is_dir():
            folder = Path(tempfile.mkdtemp(prefix="intimacy-desktop-"))
            _extracted.callback(shutil.rmtree, folder, ignore_errors=True)
            _copy_tree(resource, folder)
            _copies[key] = folder
        else:
            return Path(key)   # absent: the archive's own name for it, which exists() says is not a file
    return _copies[key]


def _copy_tree(source: Traversable, target: Path) -> None:
    for item in source.iterdir():
        if item.is_dir():
            (target / item.name).mkdir()
            _copy_tree(item, target / item.name)
        else:
            (target / item.name).write_bytes(item.read_bytes())


def _check_file_name(name: str) -> None:
    if not name or name in {".", ".."} or "/" in name or "\\" in name:
        raise ValueError(f"not a plain file name: {name!r}")
