"""intimacy_desktop.resources: the content files, icons, translations and licence texts, found the same way in the
source tree, an unpacked wheel and a wheel imported as a zip (the frozen bundle is checked in tests/packaged)."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path

import pytest

from intimacy_desktop import resources

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "src" / "intimacy_desktop"
GENERATED = PKG / "gui" / "_generated"
PNG = b"\x89PNG\r\n\x1a\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---- the source tree -----------------------------------------------------------------------------------------
def test_source_tree_content_is_found_through_the_package() -> None:
    assert Path(str(resources.package_root())) == PKG
    assert "en" in resources.languages()
    assert resources.language_name("en") == "English"
    assert Path(str(resources.content_dir("en"))) == PKG / "content" / "en"
    assert Path(str(resources.content_file("language.toml", "de_DE"))) == PKG / "content" / "en" / "language.toml"
    on_disk = sorted(p.name for p in (PKG / "content" / "en").glob("*.toml") if p.name != "language.toml")
    assert [f.name for f in resources.content_files("en")] == on_disk


def test_every_language_folder_names_itself_and_every_content_file_parses() -> None:
    folders = sorted(p.name for p in (PKG / "content").iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == resources.languages()
    for lang in folders:
        assert resources.language_chain(lang)[0] == lang, "folder names are normalised language codes"
        assert resources.language_name(lang) != lang
        for file in resources.content_files(lang):
            tomllib.loads(file.read_text(encoding="utf-8"))


def test_source_tree_icons_translations_and_licences_are_real_files() -> None:
    icon = resources.icon_path("intimacy-desktop-256.png")
    assert icon == GENERATED / "icons" / "intimacy-desktop-256.png"
    assert icon.read_bytes().startswith(PNG)
    assert not resources.icon_path("no-such-icon.png").exists()
    assert (resources.translations_dir() / "intimacy_en.qm").is_file()
    folder = resources.licence_folder()
    components = json.loads((folder / "third_party.json").read_text(encoding="utf-8"))["components"]
    assert {c["name"] for c in components} >= {"Qt", "SQLCipher"}
    assert (folder / "licenses" / "qt.txt").stat().st_size > 150


def test_importing_resources_loads_no_qt() -> None:
    code = ("import sys, intimacy_desktop.resources as r; r.content_files('de'); r.icon_path('x.png'); "
            "r.translations_dir(); print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ---- languages and fallback, on a tree of our own -----------------------------------------------------------------
@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    content = tmp_path / "content"
    write(content / "en" / "language.toml", 'name = "English"\n')
    write(content / "en" / "prompts.toml", 'lang = "en"\n')
    write(content / "en" / "exercises.toml", 'lang = "en"\n')
    write(content / "en" / "notes.txt", "not content\n")
    write(content / "de" / "language.toml", 'name = "Deutsch"\n')
    write(content / "de" / "prompts.toml", 'lang = "de"\n')
    write(content / "pt" / "language.toml", 'name = "Português"\n')
    write(content / "pt" / "glossary.toml", 'lang = "pt"\n')
    write(content / "pt_BR" / "language.toml", 'name = "Português (Brasil)"\n')
    write(content / "pt_BR" / "prompts.toml", 'lang = "pt_BR"\n')
    (content / "scratch").mkdir()   # no language.toml: not a language
    write(tmp_path / "secret.toml", 'lang = "outside"\n')
    monkeypatch.setattr(resources, "package_root", lambda: tmp_path)
    return content


def origin(files: list[Traversable]) -> list[str]:
    return [f"{Path(str(f)).parent.name}/{f.name}" for f in files]


@pytest.mark.parametrize(
    ("lang", "chain"),
    [
        ("en", ["en"]),
        ("de", ["de", "en"]),
        ("pt_BR", ["pt_BR", "pt", "en"]),
        ("pt-br", ["pt_BR", "pt", "en"]),
        ("EN_us", ["en_US", "en"]),
        ("zh-hant-tw", ["zh_Hant_TW", "zh_Hant", "zh", "en"]),
        ("es_419", ["es_419", "es", "en"]),
        ("C", ["en"]),
        ("", ["en"]),
        ("../..", ["en"]),
        ("de/../../x", ["en"]),
    ],
)
def test_language_chain_goes_from_specific_to_english(lang: str, chain: list[str]) -> None:
    assert resources.language_chain(lang) == chain


def test_each_file_comes_from_the_most_specific_language_that_has_it(tree: Path) -> None:
    assert resources.languages() == ["de", "en", "pt", "pt_BR"]
    assert origin(resources.content_files("en")) == ["en/exercises.toml", "en/prompts.toml"]
    assert origin(resources.content_files("de_AT")) == ["en/exercises.toml", "de/prompts.toml"]
    assert origin(resources.content_files("pt-BR")) == ["en/exercises.toml", "pt/glossary.toml",
                                                        "pt_BR/prompts.toml"]
    assert origin(resources.content_files("fr")) == origin(resources.content_files("en"))
    assert origin(resources.content_files("de", "prompt*")) == ["de/prompts.toml"]
    assert origin(resources.content_files("en", "*.txt")) == ["en/notes.txt"]
    assert resources.load_toml("prompts.toml", "pt_BR") == {"lang": "pt_BR"}
    assert resources.load_toml("prompts.toml", "pt_PT") == {"lang": "en"}
    assert resources.read_text("exercises.toml", "de") == 'lang = "en"\n'
    assert resources.language_name("pt_BR") == "Português (Brasil)"
    assert resources.language_name("fr") == "fr"


def test_a_missing_language_falls_back_to_english_folder(tree: Path) -> None:
    assert Path(str(resources.content_dir("fr_CA"))) == tree / "en"
    assert Path(str(resources.content_dir("pt_PT"))) == tree / "pt"
    assert Path(str(resources.content_dir("../secret"))) == tree / "en"


def test_a_file_in_no_language_or_outside_content_is_refused(tree: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"glossary\.toml"):
        resources.content_file("glossary.toml", "de")
    for name in ("../../secret.toml", "..", "", "en/prompts.toml", "..\\secret.toml"):
        with pytest.raises(ValueError, match="plain file name"):
            resources.read_text(name)
    with pytest.raises(ValueError, match="plain file name"):
        resources.icon_path("../../content/en/prompts.toml")


def test_no_content_folder_means_no_files_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "package_root", lambda: tmp_path)
    assert resources.languages() == []
    assert resources.content_files("de") == []
    with pytest.raises(FileNotFoundError):
        resources.content_file("prompts.toml")


# ---- from inside a zip archive: Qt still gets real paths -------------------------------------------------------
def test_files_inside_a_zip_are_handed_to_qt_as_real_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "app.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("intimacy_desktop/gui/_generated/icons/intimacy-desktop-16.png", PNG + b"16")
        zf.writestr("intimacy_desktop/gui/_generated/translations/intimacy_en.qm", b"qm")
        zf.writestr("intimacy_desktop/gui/_generated/translations/intimacy_de.qm", b"de")
        zf.writestr("intimacy_desktop/gui/_generated/third_party.json", "{}")
        zf.writestr("intimacy_desktop/gui/_generated/licenses/qt.txt", "LGPL")
        zf.writestr("intimacy_desktop/content/en/language.toml", 'name = "English"\n')
        zf.writestr("intimacy_desktop/content/en/prompts.toml", "n = 1\n")
    monkeypatch.setattr(resources, "package_root", lambda: zipfile.Path(archive, "intimacy_desktop/"))
    monkeypatch.setattr(resources, "_copies", {})
    icon = resources.icon_path("intimacy-desktop-16.png")
    assert isinstance(icon, Path) and icon.read_bytes() == PNG + b"16"
    assert not icon.is_relative_to(archive)
    assert resources.icon_path("intimacy-desktop-16.png") == icon   # copied once
    assert not resources.icon_path("intimacy-desktop-99.png").exists()
    qm = resources.translations_dir()
    assert sorted(p.name for p in qm.iterdir()) == ["intimacy_de.qm", "intimacy_en.qm"]
    assert (resources.licence_folder() / "licenses" / "qt.txt").read_text(encoding="utf-8") == "LGPL"
    assert resources.languages() == ["en"]
    assert resources.load_toml("prompts.toml", "de") == {"n": 1}


# ---- the built wheel -------------------------------------------------------------------------------------------
def _setuptools_supports_this_pyproject() -> bool:
    try:
        major = int(importlib.metadata.version("setuptools").split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return major >= 77   # what [build-system] requires (PEP 639 licence fields)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the tree (so no build/ or egg-info lands in the checkout, and nothing stale
    from an earlier build can slip in). With the venv's setuptools when it is new enough, else pip fetches it."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src-copy"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    isolation = ["--no-build-isolation"] if _setuptools_supports_this_pyproject() else []
    out = work / "dist"
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", *isolation,
                           "-w", str(out), str(source)], capture_output=True, text=True, check=False, timeout=300)
    if proc.returncode != 0:
        text = proc.stdout + proc.stderr
        if not isolation and ("No matching distribution found for setuptools" in text
                              or "Could not find a version that satisfies the requirement setuptools" in text):
            pytest.skip("building the wheel needs setuptools>=77: the venv has an older one and pip's index "
                        "is unreachable (offline)")
        pytest.fail(f"pip wheel failed:\n{text}")
    (built,) = out.glob("intimacy_desktop-*.whl")
    return built


def runtime_files() -> list[str]:
    """What pyproject.toml's package-data promises the installed app, as wheel member names."""
    globs = ["content/*/*.toml", "gui/_generated/icons/*.png", "gui/_generated/translations/*.qm",
             "gui/_generated/third_party.json", "gui/_generated/licenses/*.txt"]
    found = [p for pattern in globs for p in PKG.glob(pattern)]
    return sorted(f"intimacy_desktop/{p.relative_to(PKG).as_posix()}" for p in found)


@pytest.mark.slow
def test_the_wheel_carries_the_content_and_the_generated_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = runtime_files()
    assert "intimacy_desktop/content/en/language.toml" in expected
    assert "intimacy_desktop/gui/_generated/icons/intimacy-desktop-256.png" in expected
    assert "intimacy_desktop/gui/_generated/translations/intimacy_en.qm" in expected
    assert [name for name in expected if name not in names] == []
    assert "intimacy_desktop/resources.py" in names
    assert "intimacy_desktop/content/README.md" not in names   # documentation for authors, not shipped


PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from intimacy_desktop import resources as r
icon = r.icon_path("intimacy-desktop-256.png")
print(json.dumps({
    "module": r.__file__, "root": str(r.package_root()), "languages": r.languages(),
    "english": r.language_name("en"), "fallback": str(r.content_file("language.toml", "de_DE")),
    "icon": icon.read_bytes()[:8].hex() if icon.is_file() else None,
    "qm": sorted(p.name for p in r.translations_dir().iterdir()),
    "licences": (r.licence_folder() / "third_party.json").is_file(),
}))
"""


def probe(location: Path) -> dict[str, object]:
    """The resources module as imported from ``location`` alone: -I -S, so neither the checkout nor the venv's
    editable install can answer instead."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    proc = subprocess.run([sys.executable, "-I", "-S", "-c", PROBE, str(location)], capture_output=True, text=True,
                          env=env, check=True, timeout=60)
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def expected_probe() -> Iterator[tuple[str, object]]:
    yield "languages", resources.languages()
    yield "english", "English"
    yield "icon", PNG.hex()
    yield "qm", sorted(p.name for p in (GENERATED / "translations").glob("*.qm"))
    yield "licences", True


@pytest.mark.slow
def test_resources_work_from_the_unpacked_wheel(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    found = probe(site)
    assert Path(str(found["module"])).is_relative_to(site)
    assert Path(str(found["root"])) == site / "intimacy_desktop"
    assert Path(str(found["fallback"])) == site / "intimacy_desktop" / "content" / "en" / "language.toml"
    for key, value in expected_probe():
        assert found[key] == value, key


@pytest.mark.slow
def test_resources_work_with_the_wheel_imported_as_a_zip(wheel: Path) -> None:
    found = probe(wheel)
    assert str(found["module"]).startswith(str(wheel))
    for key, value in expected_probe():
        assert found[key] == value, key
