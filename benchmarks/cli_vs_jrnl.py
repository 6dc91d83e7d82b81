"""Our command line against jrnl 4.6 on the same corpus: search for a rare word, and add an entry (issue 8).

Targets (DESIGN.md §7): at least 5x faster than jrnl at 10,000 entries and 20x at 50,000; our time at 50,000
within 15% of our time at 10,000. Ours: a keyring-only profile (the device secret in a real Secret Service keyring,
gnome-keyring in a private D-Bus session). jrnl: an encrypted journal, its password in the same keyring. A
passphrase profile of ours is reported separately: it pays the deliberate Argon2id cost on every command.

jrnl lives in its own venv (benchmarks/.jrnl-venv, made on first run from PyPI; never a dependency of the app).
Needs the gnome-keyring and dbus-x11 (dbus-run-session) apt packages. Prints figures; asserts nothing.
Run: .venv/bin/python benchmarks/cli_vs_jrnl.py [--entries 10000 50000] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from journal_10k import WORDS, body, vocabulary

HERE = Path(__file__).resolve().parent
JRNL_VENV = HERE / ".jrnl-venv"
JRNL = JRNL_VENV / "bin" / "jrnl"
RARE = "zanzibarquill"  # in three entries of the corpus, nowhere else
JRNL_PASSWORD = "jrnl benchmark password"
PASSPHRASE = "benchmark passphrase"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, nargs="+", default=[10_000, 50_000])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if os.environ.get("_BENCH_IN_KEYRING") != "1":
        _reexec_in_keyring_session()
    _ensure_jrnl()
    results: dict[int, dict[str, float]] = {}
    for n in args.entries:
        tmp = Path(tempfile.mkdtemp(prefix="bench-cli-"))
        try:
            results[n] = _one_size(tmp, n, args.runs)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    _report(results)


def _reexec_in_keyring_session() -> None:
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise SystemExit(f"needs {tool} (apt-get install dbus-x11 gnome-keyring)")
    script = ('echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; '
              'exec "$0" "$@"')
    env = dict(os.environ, _BENCH_IN_KEYRING="1")
    code = subprocess.call(["dbus-run-session", "--", "bash", "-c", script, sys.executable, *sys.argv], env=env)
    raise SystemExit(code)


def _ensure_jrnl() -> None:
    if JRNL.exists():
        return
    print("installing jrnl 4.6 into benchmarks/.jrnl-venv (first run only)", flush=True)
    subprocess.check_call([sys.executable, "-m", "venv", str(JRNL_VENV)])
    subprocess.check_call([str(JRNL_VENV / "bin" / "pip"), "install", "-q", "jrnl==4.6"])


def corpus(n: int) -> list[tuple[dt.datetime, str, str]]:
    rng = random.Random(7)
    vocab = vocabulary(rng)
    start = dt.datetime(2001, 1, 1, 21, 0)
    out = []
    for i in range(n):
        text = body(rng, vocab).replace("\n", " ")
        if i in (n // 7, n // 2, n - 3):
            text += f" {RARE}"
        out.append((start + dt.timedelta(hours=11 * i), f"{rng.choice(WORDS).title()} {i}", text))
    return out


# ---- ours -------------------------------------------------------------------------------------------------------
def _fill_ours(data_dir: Path, entries: list[tuple[dt.datetime, str, str]], name: str, passphrase: str | None) -> None:
    from intimacy_desktop.app import build_profile_service
    from intimacy_desktop.core.journal import EntryFields
    from intimacy_desktop.storage.journal_repo import JournalRepository

    service = build_profile_service(data_dir)
    created = service.create(name, passphrase, passphrase_only=passphrase is not None)
    db = created.profile._db
    assert db is not None
    with db.session() as s:
        repo = JournalRepository(s)
        for when, title, text in entries:
            repo.add(EntryFields(title=title, body=text, entry_date=when.date()))
    created.profile.close()


def _ours(data_dir: Path, name: str, *args: str, stdin: str | None = None, passphrase: str = "") -> float:
    env = dict(os.environ, INTIMACY_DESKTOP_DATA_DIR=str(data_dir))
    if passphrase:
        env["INTIMACY_DESKTOP_PASSPHRASE"] = passphrase
    return _timed([sys.executable, "-m", "intimacy_desktop", "journal", *args, "--profile", name], env, stdin)


# ---- jrnl -------------------------------------------------------------------------------------------------------
def _fill_jrnl(home: Path, entries: list[tuple[dt.datetime, str, str]]) -> dict[str, str]:
    """A jrnl journal encrypted with jrnl's own code, its password in the keyring where jrnl looks for it."""
    journal = home / "journal.txt"
    config = home / ".config" / "jrnl"
    config.mkdir(parents=True)
    (config / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\ndefault_minute: 0\n"
        "editor: ''\nencrypt: true\nhighlight: false\nindent_character: '|'\n"
        f"journals:\n  default:\n    encrypt: true\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%F %r'\nversion: v4.6\n",
        encoding="utf-8",
    )
    plain = "".join(f"[{when:%Y-%m-%d %I:%M:%S %p}] {title}\n{text}\n\n" for when, title, text in entries)
    encrypt = (
        "import sys\nfrom jrnl.encryption import determine_encryption_method_for_writing as m\n"
        "e = m(True)('default', {'encrypt': True})\ne.password = sys.argv[1]\n"
        "open(sys.argv[2], 'wb').write(e.encrypt(sys.stdin.read()))\n"
        "import keyring\nkeyring.set_password('jrnl', 'default', sys.argv[1])\n"
    )
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    subprocess.run([str(JRNL_VENV / "bin" / "python"), "-c", encrypt, JRNL_PASSWORD, str(journal)],
                   input=plain, text=True, check=True, env=env)
    return env


def _jrnl(env: dict[str, str], *args: str) -> float:
    return _timed([str(JRNL), *args], env, None)


# ---- measuring --------------------------------------------------------------------------------------------------
def _timed(cmd: list[str], env: dict[str, str], stdin: str | None) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, input=stdin, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])}... failed ({proc.returncode}): {proc.stderr.strip()[-400:]}")
    return elapsed


def _median(fn: Callable[[], float], runs: int) -> float:
    fn()  # warm the page cache, as a person's second command would find it
    return statistics.median(fn() for _ in range(runs))


def _one_size(tmp: Path, n: int, runs: int) -> dict[str, float]:
    entries = corpus(n)
    data_dir = tmp / "ours"
    t0 = time.perf_counter()
    _fill_ours(data_dir, entries, "Bench", None)
    _fill_ours(data_dir, entries, "Bench with passphrase", PASSPHRASE)
    env = _fill_jrnl(tmp / "jrnl-home", entries)
    print(f"{n} entries: corpora built in {time.perf_counter() - t0:.0f} s", flush=True)
    add_text = "A quiet walk\nwe talked about the garden and the rain"
    figures = {
        "ours search": _median(lambda: _ours(data_dir, "Bench", "search", RARE), runs),
        "ours add": _median(lambda: _ours(data_dir, "Bench", "add", stdin=add_text), runs),
        "passphrase search": _median(
            lambda: _ours(data_dir, "Bench with passphrase", "search", RARE, passphrase=PASSPHRASE), runs),
        "passphrase add": _median(
            lambda: _ours(data_dir, "Bench with passphrase", "add", stdin=add_text, passphrase=PASSPHRASE), runs),
        "jrnl search": _median(lambda: _jrnl(env, "-contains", RARE), runs),
        "jrnl add": _median(lambda: _jrnl(env, "A quiet walk. we talked about the garden and the rain"), runs),
    }
    for what, secs in figures.items():
        print(f"  {what:<18} {secs * 1000:7.0f} ms", flush=True)
    return figures


def _report(results: dict[int, dict[str, float]]) -> None:
    print("\nsummary (median wall time per command, a fresh process each time)")
    for n, f in results.items():
        for op in ("search", "add"):
            ratio = f[f"jrnl {op}"] / f[f"ours {op}"]
            target = 5 if n <= 10_000 else 20
            print(f"  {n:>6} entries, {op:<6}: ours {f[f'ours {op}'] * 1000:5.0f} ms, jrnl "
                  f"{f[f'jrnl {op}'] * 1000:6.0f} ms: {ratio:5.1f}x (target {target}x); passphrase profile "
                  f"{f[f'passphrase {op}'] * 1000:5.0f} ms ({f[f'jrnl {op}'] / f[f'passphrase {op}']:.1f}x)")
    sizes = sorted(results)
    if len(sizes) >= 2:
        small, large = results[sizes[0]], results[sizes[-1]]
        for op in ("search", "add"):
            growth = large[f"ours {op}"] / small[f"ours {op}"] - 1
            print(f"  ours {op} at {sizes[-1]} vs {sizes[0]}: {growth * 100:+.0f}% (target within 15%)")


if __name__ == "__main__":
    main()
