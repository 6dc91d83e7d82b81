"""The Windows release files, checked without Windows: packaging/windows/installer.iss and smoke.ps1.

The Inno Setup script installs per user, never deletes the user's data, and defines every name it uses (a small
walk through its preprocessor directives checks that on every way through them); the smoke script stays strict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from release_support import PACKAGING

INSTALLER_ISS = PACKAGING / "windows" / "installer.iss"
SMOKE_PS1 = PACKAGING / "windows" / "smoke.ps1"


# --- reading the Inno Setup script --------------------------------------------------------------------------------


def iss_sections(text: str) -> dict[str, list[str]]:
    """Each [Section]'s lines, without comments, blank lines and preprocessor directives."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#", "//")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = sections.setdefault(header.group(1).lower(), [])
        elif current is not None:
            current.append(line)
    return sections


def setup_directives(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_sections(text)["setup"])


def entry_params(line: str) -> dict[str, str]:
    """Parameters of a section entry: `Name: "x"; Flags: a b`."""
    params = {}
    for part in re.findall(r'(\w+):\s*("[^"]*"|[^;]*)', line):
        params[part[0].lower()] = part[1].strip().strip('"')
    return params


@dataclass
class PreprocessorResult:
    defined: set[str]     # names defined on every way through the script
    redefined: set[str]   # names given from outside (/D) that the script defines again anyway, on some way


IF_LIKE = ("if", "ifdef", "ifndef")


def preprocess(text: str, given: frozenset[str]) -> PreprocessorResult:
    """Follows ISPP's #define, #if/#ifdef/#ifndef/#else/#endif and #error on every path; an #if may go either way."""
    directives = [line.strip()[1:].split() for line in text.splitlines() if line.strip().startswith("#")]
    # Where each conditional's #else and #endif are.
    else_of: dict[int, int] = {}
    endif_of: dict[int, int] = {}
    open_ifs: list[int] = []
    for i, (directive, *_) in enumerate(directives):
        if directive in IF_LIKE:
            open_ifs.append(i)
        elif directive == "else":
            else_of[open_ifs[-1]] = i
        elif directive == "endif":
            endif_of[open_ifs.pop()] = i
        elif directive in {"elif", "ifexist", "ifnexist", "undef"}:
            pytest.fail(f"the test does not understand #{directive} yet; teach it")
    assert not open_ifs, "an #if without #endif"

    State = tuple[frozenset[str], frozenset[str]]   # (defined, redefined)

    def run(start: int, end: int, states: list[State]) -> list[State]:
        i = start
        while i < end:
            directive, *words = directives[i]
            if directive == "define":
                name = words[0]
                states = [(d | {name}, r | ({name} & given)) for d, r in states]
            elif directive == "error":
                return []   # compilation stops: not a way through
            elif directive in IF_LIKE:
                endif = endif_of[i]
                otherwise = else_of.get(i)
                then_part = (i + 1, otherwise if otherwise is not None else endif)
                else_part = (otherwise + 1, endif) if otherwise is not None else (endif, endif)
                after: list[State] = []
                for state in states:
                    # An #if's condition is not evaluated: both ways are followed.
                    choices = [True, False] if directive == "if" else [(words[0] in state[0]) == (directive == "ifdef")]
                    for choice in choices:
                        after += run(*(then_part if choice else else_part), [state])
                states = after
                i = endif
            i += 1
        return states

    paths = run(0, len(directives), [(given, frozenset())])
    assert paths, "every way through the preprocessor ends in #error"
    return PreprocessorResult(
        defined=set.intersection(*(set(d) for d, _ in paths)),
        redefined=set().union(*(r for _, r in paths)),
    )


ISS_GIVEN = frozenset({"AppVersion", "SourceDir", "OutputDir", "IconFile", "LicenseFile"})   # build.py's /D names
ISPP_BUILTINS = {"VER", "SourcePath", "CompilerPath"}


def used_names(text: str) -> set[str]:
    """Names that {#...} inline expressions read (function names and string literals left out)."""
    names = set()
    for expression in re.findall(r"\{#(.*?)\}", text):
        expression = re.sub(r"'[^']*'|\"[^\"]*\"", "", expression)
        names |= {m.group(1) for m in re.finditer(r"\b([A-Za-z_]\w*)\b(?!\s*\()", expression)}
    return names


# --- the Inno Setup script ----------------------------------------------------------------------------------------


def test_installer_is_per_user_and_named_for_build_py() -> None:
    text = INSTALLER_ISS.read_text(encoding="utf-8")
    setup = setup_directives(text)
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == "{autopf}\\{#AppName}"   # %LOCALAPPDATA%\Programs\... in per-user mode
    assert re.search(r'^#define AppName "Intimacy Desktop"$', text, re.MULTILINE)
    assert setup["OutputBaseFilename"] == "IntimacyDesktop-Setup-{#AppVersion}"
    assert setup["OutputDir"] == "{#OutputDir}"
    assert setup["Compression"] == "lzma2"
    assert setup["ArchitecturesAllowed"] == setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"]), setup["AppId"]
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["LicenseFile"] == "{#LicenseFile}"
    assert setup["SetupIconFile"] == "{#IconFile}"
    assert setup["Uninstallable"] == "yes"
    assert setup["UninstallDisplayIcon"] == "{app}\\{#GuiExe}"
    assert text.isascii()   # read the same whatever the compiling machine's code page


def test_installer_installs_the_whole_bundle_with_a_start_menu_entry() -> None:
    text = INSTALLER_ISS.read_text(encoding="utf-8")
    sections = iss_sections(text)
    files = [entry_params(line) for line in sections["files"]]
    assert any(
        f["source"] == "{#SourceDir}\\*" and f["destdir"] == "{app}" and {"recursesubdirs", "createallsubdirs"}
        <= set(f["flags"].split())
        for f in files
    ), files
    gui = re.search(r'^#define GuiExe "([^"]+)"$', text, re.MULTILINE)
    assert gui is not None
    assert gui.group(1) == "IntimacyDesktop.exe"
    icons = [entry_params(line) for line in sections["icons"]]
    start_menu = [i for i in icons if i["name"].startswith("{autoprograms}")]
    assert len(start_menu) == 1
    assert start_menu[0]["filename"] == "{app}\\{#GuiExe}"
    assert "tasks" not in start_menu[0]
    tasks = [entry_params(line) for line in sections["tasks"]]
    desktop = [i for i in icons if i["name"].startswith("{autodesktop}")]
    assert len(desktop) == 1
    assert [t["flags"] for t in tasks if t["name"] == desktop[0]["tasks"]] == ["unchecked"]
    runs = [entry_params(line) for line in sections["run"]]
    assert any(r["filename"] == "{app}\\{#GuiExe}" and {"postinstall", "skipifsilent"} <= set(r["flags"].split())
               for r in runs)


def test_installer_never_deletes_user_data() -> None:
    text = INSTALLER_ISS.read_text(encoding="utf-8")
    sections = iss_sections(text)
    # An [UninstallDelete] (or [InstallDelete]) entry may only name something inside the install folder.
    for section in ("uninstalldelete", "installdelete"):
        for line in sections.get(section, []):
            name = entry_params(line)["name"]
            assert name.startswith("{app}\\"), f"[{section}] deletes {name}, outside the install folder"
            assert "IntimacyDesktop" not in name
    # No code that deletes folders either, and the comment that says why.
    assert "deltree" not in "\n".join(sections.get("code", [])).lower()
    code_lines = "\n".join(line for lines in sections.values() for line in lines).lower()
    for constant in ("{userappdata}", "{localappdata}", "{commonappdata}", "{userdocs}"):
        assert constant not in code_lines, f"the script touches {constant}"
    assert "USER DATA IS NEVER TOUCHED" in text


def test_installer_defines_every_name_it_uses_with_defaults() -> None:
    text = INSTALLER_ISS.read_text(encoding="utf-8")
    used = used_names(text) - ISPP_BUILTINS
    assert {"AppVersion", "SourceDir", "OutputDir", "IconFile", "LicenseFile", "AppName"} <= used
    standalone = preprocess(text, frozenset())   # `iscc installer.iss` with no /D at all
    assert used - standalone.defined == set(), "used in {#...} but not defined when compiled on its own"
    from_build = preprocess(text, ISS_GIVEN)     # as build.py calls it
    assert from_build.redefined == set(), "defines that ignore build.py's /D value (missing #ifndef)"
    assert used - from_build.defined == set()


def test_the_preprocessor_walk_catches_what_it_should() -> None:
    # The checker above must be able to fail: a name without a default, and a /D name overwritten.
    assert "B" not in preprocess("#ifdef X\n#define B 1\n#endif\n", frozenset()).defined
    assert "B" in preprocess("#if Y\n#define B 1\n#else\n#define B 2\n#endif\n", frozenset()).defined
    assert "B" not in preprocess("#if Y\n#define B 1\n#endif\n", frozenset()).defined
    assert preprocess('#define AppVersion "1"\n', ISS_GIVEN).redefined == {"AppVersion"}
    assert preprocess('#ifndef AppVersion\n#define AppVersion "1"\n#endif\n', ISS_GIVEN).redefined == set()
    assert "A" in preprocess("#if V\n#error old\n#endif\n#define A\n", frozenset()).defined
    assert used_names("x={#StringChange(AppName, '&', '&&')} {#AppVersion}") == {"AppName", "AppVersion"}


# --- the smoke script ---------------------------------------------------------------------------------------------


def test_windows_smoke_script_installs_per_user_and_is_strict() -> None:
    # No PowerShell here to run it; hold on to the parts that make it a real test.
    text = SMOKE_PS1.read_text(encoding="utf-8")
    assert "Set-StrictMode -Version Latest" in text
    assert "$ErrorActionPreference = 'Stop'" in text
    for flag in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/CURRENTUSER", "/NORESTART", "/LOG="):
        assert flag in text
    assert "Programs\\$AppName" in text and "$AppName = 'Intimacy Desktop'" in text
    assert "unins000.exe" in text and "smoke_test.py" in text and "--exe" in text
    assert "data-dir:" in text
    assert "$LASTEXITCODE" in text and ".ExitCode" in text
