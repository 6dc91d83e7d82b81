"""Fake macOS tools and a fake app bundle, so that packaging/macos/*.sh run for real with bash on Linux.

One program is installed under each tool's name (codesign, xcrun, security, hdiutil, ...). It records how it was
called and acts just enough like the real tool for the scripts to go on. tests/packaging/test_release_macos_scripts.py
puts them first on PATH.
"""

from __future__ import annotations

import json
import plistlib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from release_support import MACOS, VERSION

BASH = shutil.which("bash") or "/bin/bash"

APP_NAME = "Intimacy Desktop"
APP_ID = "org.intimacydesktop.IntimacyDesktop"
IDENTITY = "Developer ID Application: Example (TEAMID1234)"
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
