"""The command line: the GUI by default, and subcommands that call services only.

Exit codes: 0 ok, 2 usage, 3 wrong passphrase or recovery code, 4 keyring unavailable or locked, 5 data corrupt or
from a newer version. Errors go to stderr as one plain sentence; user content goes only to stdout, when asked for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from intimacy_desktop import __version__
from intimacy_desktop.core.entry_codec import entry_to_dict, summary_to_dict
from intimacy_desktop.core.errors import EXIT_OK, EXIT_USAGE, AppError, UsageError, WrongPassphrase
from intimacy_desktop.core.journal import Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.snippets import unmark
from intimacy_desktop.messages import english, english_text
from intimacy_desktop.paths import resolve_data_dir

if TYPE_CHECKING:
    from intimacy_desktop.core.journal import Entry, EntrySummary
    from intimacy_desktop.services.profiles import ProfileInfo, ProfileService, UnlockedProfile

ENV_PASSPHRASE = "INTIMACY_DESKTOP_PASSPHRASE"
ENV_RECOVERY_CODE = "INTIMACY_DESKTOP_RECOVERY_CODE"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="intimacy-desktop", description="A private, offline journal for two.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--data-dir", metavar="DIR", help="where profiles live (default: the platform's data folder)")
    sub = p.add_subparsers(dest="command")
    selftest = sub.add_parser("self-test", help="check the keyring, SQLCipher, FTS5 and a window; exit 0 when all pass")
    selftest.add_argument("--json", action="store_true", help="machine-readable output")

    prof = sub.add_parser("profile", help="create, list or recover profiles").add_subparsers(dest="action")
    create = prof.add_parser("create", help="create a profile and print its recovery code once")
    create.add_argument("--name", required=True)
    create.add_argument("--no-passphrase", action="store_true", help="protect with the keyring alone (not advised)")
    create.add_argument("--passphrase-only", action="store_true",
                        help="do not use the system keyring (for machines without one); needs a passphrase")
    prof.add_parser("list", help="list profile names")
    rec = prof.add_parser("recover", help="unlock with the recovery code and set up access again")
    rec.add_argument("--name", required=True)
    rec.add_argument("--no-passphrase", action="store_true")
    rec.add_argument("--passphrase-only", action="store_true")

    jr = sub.add_parser("journal", help="write and read journal entries").add_subparsers(dest="action")
    add = jr.add_parser("add", help="add an entry (body from --body or standard input)")
    add.add_argument("--title", required=True)
    add.add_argument("--body")
    add.add_argument("--date", type=_date, help="YYYY-MM-DD (default: today)")
    add.add_argument("--mood", type=int, choices=range(1, 6), metavar="1-5")
    add.add_argument("--layer", choices=[layer.value for layer in Layer], default=Layer.NONE.value)
    add.add_argument("--kind", choices=[kind.value for kind in Kind], default=Kind.ENTRY.value)
    add.add_argument("--tag", action="append", default=[])
    lst = jr.add_parser("list", help="list entries, newest first")
    search = jr.add_parser("search", help="full-text search")
    search.add_argument("query")
    show = jr.add_parser("show", help="show one entry")
    show.add_argument("id", type=int)
    for cmd in (add, lst, search, show):
        cmd.add_argument("--profile", required=True, metavar="NAME")
        cmd.add_argument("--json", action="store_true", help="machine-readable output")
    return p


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("use YYYY-MM-DD") from exc


def main(argv: Sequence[str] | None = None) -> int:
    # Everything this process creates (vault files, the database's -wal and -shm, the lock file, settings) is
    # private to the person's account: a shared computer has other accounts too.
    os.umask(0o077)
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command is None:
        if _no_display():
            print("intimacy-desktop: there is no graphical display here (DISPLAY and WAYLAND_DISPLAY are unset). "
                  "Start it from your desktop session; `intimacy-desktop self-test` checks this machine.",
                  file=sys.stderr)
            return EXIT_USAGE
        from intimacy_desktop.app import run_gui

        return run_gui(data_dir, [sys.argv[0]])
    try:
        return _dispatch(args, data_dir)
    except AppError as exc:
        print(f"intimacy-desktop: {english_text(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("intimacy-desktop: interrupted; nothing was changed.", file=sys.stderr)
        return 130


def _no_display() -> bool:
    """On Linux without X11 or Wayland, Qt would abort with a message about platform plugins; say it plainly."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _dispatch(args: argparse.Namespace, data_dir: Path) -> int:
    from intimacy_desktop.app import build_profile_service

    if args.command == "self-test":
        from intimacy_desktop.cli_selftest import run_self_test

        return run_self_test(data_dir, as_json=args.json)
    if args.action is None:
        raise UsageError("missing_action", command=args.command)
    service = build_profile_service(data_dir)
    if args.command == "profile":
        return _profile(args, service)
    profile = _unlock(service, args.profile)
    try:
        return _journal(args, profile)
    finally:
        profile.close()


def _profile(args: argparse.Namespace, service: ProfileService) -> int:
    if args.action == "list":
        for info in service.list_profiles():
            print(profile_label(info) + (f"  ({english_text(info.problem)})" if info.problem else ""))
        return EXIT_OK
    passphrase = None if args.no_passphrase else _new_passphrase()
    if args.no_passphrase:
        print("Warning: without a passphrase, anyone who uses this computer account can open this profile.",
              file=sys.stderr)
    if args.action == "create":
        created = service.create(args.name, passphrase, passphrase_only=args.passphrase_only)
        what = "created"
    else:
        code = os.environ.get(ENV_RECOVERY_CODE) or getpass.getpass("Recovery code: ")
        created = service.recover(service.find(args.name), code, passphrase, passphrase_only=args.passphrase_only)
        what = "recovered; the old recovery code no longer works"
    created.profile.close()
    print(f"Profile {created.profile.info.label!r} {what}.", file=sys.stderr)
    print("Recovery code (shown once; write it down and keep it somewhere safe):", file=sys.stderr)
    print(created.recovery_code)
    return EXIT_OK


def _new_passphrase() -> str:
    env = os.environ.get(ENV_PASSPHRASE)
    if env is not None:
        if not env:
            raise UsageError("passphrase_env_empty", variable=ENV_PASSPHRASE)
        return env
    first = getpass.getpass("New passphrase: ")
    if not first:
        raise UsageError("passphrase_empty")
    if getpass.getpass("Repeat the passphrase: ") != first:
        raise UsageError("passphrases_differ")
    return first


def _unlock(service: ProfileService, name: str) -> UnlockedProfile:
    info = service.find(name)
    passphrase = None
    if info.has_passphrase:
        passphrase = os.environ.get(ENV_PASSPHRASE)
        if passphrase is None:
            passphrase = getpass.getpass(f"Passphrase for {info.label}: ")
        if not passphrase:
            raise WrongPassphrase("passphrase_needed")
    return service.unlock(info, passphrase)


def _journal(args: argparse.Namespace, profile: UnlockedProfile) -> int:
    from intimacy_desktop.core.journal import EntryFields, EntryFilter

    journal = profile.journal
    if args.action == "add":
        body = args.body
        if body is None:
            body = "" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.read().rstrip("\n")
        fields = EntryFields(
            title=args.title,
            body=body,
            entry_date=args.date or dt.date.today(),
            mood=args.mood,
            layer=args.layer,
            kind=args.kind,
            tags=tuple(args.tag),
        )
        entry = journal.add(fields)
        _print_entry(entry, args.json) if args.json else print(entry.id)
        return EXIT_OK
    if args.action == "show":
        _print_entry(journal.get(args.id), args.json)
        return EXIT_OK
    flt = EntryFilter(text=args.query) if args.action == "search" else EntryFilter()
    rows: list[EntrySummary] = []
    while batch := journal.summaries(flt, offset=len(rows), limit=1000):
        rows.extend(batch)
    _print_summaries(rows, args.json)
    return EXIT_OK


def profile_label(info: ProfileInfo) -> str:
    """A profile's name in a list: its own, or for a damaged one the words that say so."""
    return english("damaged_profile", {"folder": info.short_id}) if info.damaged else info.label


def _print_summaries(rows: list[EntrySummary], as_json: bool) -> None:
    if as_json:
        print(json.dumps([summary_to_dict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        mood = f"mood {r.mood}" if r.mood else "      "
        print(f"{r.id:>6}  {r.entry_date.isoformat()}  {mood}  {unmark(r.title)}")


def _print_entry(entry: Entry, as_json: bool) -> None:
    f = entry.fields
    if as_json:
        print(json.dumps(entry_to_dict(entry), ensure_ascii=False, indent=2))
        return
    print(f"# {f.title}\n{f.entry_date.isoformat()} · {f.kind.value} · layer {f.layer.value}"
          + (f" · mood {f.mood}" if f.mood else "") + (f" · tags {', '.join(f.tags)}" if f.tags else ""))
    print()
    print(f.body)


if __name__ == "__main__":
    raise SystemExit(main())
