"""The macOS release scripts, run for real with bash on Linux, without macOS or any signing secret.

- the scripts build.py and the workflow call exist, are executable and run strict;
- they run against fake codesign/xcrun/security/hdiutil/... programs (tests/support/macos_release_support.py) that
  record how they were called: without credentials they skip and call none of them; with credentials they sign
  inside out, notarise and staple;
- the entitlements parse and stay minimal.
"""

from __future__ import annotations

import base64
import os
import plistlib
import stat
import sys
from pathlib import Path

import pytest
from macos_release_support import (
    APP_NAME,
    CREDENTIALS,
    FAKE_TOOL,
    FAKE_TOOL_NAMES,
    IDENTITY,
    FakeTools,
    assert_no_tool_called,
    make_app,
    run_script,
)
from release_support import MACOS, PACKAGING, VERSION

ENTITLEMENTS = MACOS / "entitlements.plist"


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


# --- the scripts build.py and the workflow call -------------------------------------------------------------------


def test_the_release_scripts_build_py_calls_exist_and_are_executable() -> None:
    # build.py and the workflow run them by path, so a missing execute bit breaks the release.
    for name in ("sign.sh", "make_dmg.sh", "notarize.sh", "import_certificate.sh", "smoke.sh"):
        path = MACOS / name
        assert path.is_file(), path
        assert path.stat().st_mode & stat.S_IXUSR, f"{path} is not executable (chmod +x)"
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "#!/usr/bin/env bash", path
        assert "set -euo pipefail" in lines, f"{path} does not set -euo pipefail"


# --- the scripts, run with bash against the fake tools ------------------------------------------------------------


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


# --- entitlements -------------------------------------------------------------------------------------------------


def test_entitlements_parse_and_stay_minimal() -> None:
    entitlements = plistlib.loads(ENTITLEMENTS.read_bytes())
    assert entitlements == {
        "com.apple.security.cs.allow-unsigned-executable-memory": True,
        "com.apple.security.cs.disable-library-validation": True,
    }
    # In particular never get-task-allow (a debugging entitlement notarisation refuses) nor a sandbox key.
    assert not any(key.startswith(("com.apple.security.get-task-allow", "com.apple.security.app-sandbox"))
                   for key in entitlements)
