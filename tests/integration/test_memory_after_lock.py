"""No key after lock (issue 8): a same-user process reads the locked window's memory (/proc/<pid>/mem over its
writable mappings, as a curious person on the same account could) and finds no copy of the database key (raw, hex,
or as the ``x'<hex>'`` key string), the key-encryption key, the device secret or the passphrase (UTF-8, UTF-16 as
Qt keeps text, UCS-4 as Python may)."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fast_kdf_env import with_fast_kdf

from intimacy_desktop.paths import profiles_dir
from intimacy_desktop.storage import vault
from intimacy_desktop.storage.header import read_header

SUPPORT = Path(__file__).parents[1] / "support"
PASSPHRASE = "memory-scan passphrase 7"

pytestmark = pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")


class _FileStore:
    """The test keyring's file, read the way the subject's keyring reads it."""

    def __init__(self, path: Path) -> None:
        self._data = json.loads(path.read_text(encoding="utf-8"))

    def read(self, backend: str, vault_id: str) -> bytes | None:
        for key, value in self._data.items():
            if key.endswith(vault_id):
                return base64.b64decode(value)
        return None


def _writable_memory(pid: int) -> bytes:
    chunks = []
    with open(f"/proc/{pid}/maps", encoding="ascii") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
        for line in maps:
            fields = line.split()
            start, end = (int(x, 16) for x in fields[0].split("-"))
            if "w" not in fields[1] or (len(fields) > 5 and fields[5] in ("[vvar]", "[vsyscall]")):
                continue
            try:
                mem.seek(start)
                chunks.append(mem.read(end - start))
            except (OSError, ValueError, OverflowError):
                continue
    return b"\0".join(chunks)


def _needles(dek: bytes, kek: bytes, ds: bytes) -> dict[str, bytes]:
    hexed = dek.hex()
    out = {
        "DEK raw": dek, "DEK hex": hexed.encode(), "DEK hex upper": hexed.upper().encode(),
        "DEK key string": f"x'{hexed}'".encode(), "KEK raw": kek, "device secret raw": ds,
        "device secret base64": base64.b64encode(ds),
    }
    for name, text in (("passphrase", PASSPHRASE), ("DEK hex", hexed)):
        out[f"{name} UTF-16"] = text.encode("utf-16-le")
        out[f"{name} UCS-4"] = text.encode("utf-32-le")
    out["passphrase UTF-8"] = PASSPHRASE.encode()
    # A freed block keeps most of its bytes: the allocator writes its own pointer over the first 8 or 16. Look for
    # the tails too, so a copy that was only freed, not wiped, is still found.
    for name, value in list(out.items()):
        for start in (8, 16):
            if len(value) - start >= 16:
                out[f"{name} from byte {start}"] = value[start:]
    return out


@pytest.mark.parametrize("state", ["unlocked", "locked"])
def test_a_locked_window_holds_no_key_and_no_passphrase(tmp_path: Path, data_dir: Path, state: str) -> None:
    """``unlocked`` is the control: the same scan of the same window before the lock finds the key."""
    env = with_fast_kdf(dict(os.environ))
    env.update({
        "PYTHONPATH": os.pathsep.join([env["PYTHONPATH"], str(SUPPORT)]),
        "PYTHON_KEYRING_BACKEND": "file_keyring.FileKeyring", "TEST_KEYRING_FILE": str(tmp_path / "keyring.json"),
        "QT_QPA_PLATFORM": "offscreen",
    })
    made = subprocess.run([sys.executable, "-m", "intimacy_desktop", "--data-dir", str(data_dir), "profile", "create",
                           "--name", "Scan"], env={**env, "INTIMACY_DESKTOP_PASSPHRASE": PASSPHRASE},
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    masked = bytes(b ^ 0x5A for b in PASSPHRASE.encode()).hex()
    extra = ["--stay-unlocked"] if state == "unlocked" else []
    child = subprocess.Popen([sys.executable, str(SUPPORT / "memory_subject.py"), str(data_dir), masked, *extra],
                             env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == state.upper()
        memory = _writable_memory(child.pid)
        [folder] = [p for p in profiles_dir(data_dir).iterdir() if p.is_dir()]
        header = read_header(folder)
        store = _FileStore(tmp_path / "keyring.json")
        ds = store.read("", header.keyring_name) or b""
        _, dek = vault.unlock(folder, PASSPHRASE, store)  # type: ignore[arg-type]
        kek = vault._kek(header, PASSPHRASE, ds)
        assert len(memory) > 10_000_000 and b"QApplication" in memory  # the scan read a real, living process
        needles = _needles(bytes(dek), kek, ds)
        found = {name: n for name, needle in needles.items() if (n := len(re.findall(re.escape(needle), memory)))}
        if state == "unlocked":
            assert found.get("DEK raw") or found.get("DEK key string"), found  # the scan can see a key
        else:
            assert found == {}
    finally:
        with child:  # closes the pipes
            if child.stdin:
                child.stdin.write("\n")
                child.stdin.flush()
            child.wait(timeout=30)
