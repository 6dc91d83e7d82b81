"""The command line: the GUI by default, and subcommands that call services only.

Exit codes: see ``EXIT_CODES_HELP`` (printed by ``--help``; the README lists the same). Errors go to stderr as one
plain sentence, never a traceback, with any control character escaped; user content goes only to stdout, when asked
for. Entry text is never needed on the command line, where every user of the computer can read it (``ps``): the
title and body come from standard input, and ``--query-stdin`` does the same for a search.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from intimacy_desktop import __version__
from intimacy_desktop.cli_backup import add_parsers as add_backup_parsers
from intimacy_desktop.cli_input import (
    check_arguments,
    display_problem,
    read_stdin,
    split_entry,
    stdin_is_terminal,
)
from intimacy_desktop.cli_interchange import add_parsers as add_interchange_parsers
from intimacy_desktop.cli_profile import add_parsers as add_profile_parsers
from intimacy_desktop.cli_profile import run as run_profile_command
from intimacy_desktop.cli_profile import unlock_named
from intimacy_desktop.core.entry_codec import entry_to_dict, summary_to_dict
from intimacy_desktop.core.errors import EXIT_OK, EXIT_USAGE, AppError, UsageError
from intimacy_desktop.core.input_rules import visible
from intimacy_desktop.core.journal import Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.snippets import unmark
from intimacy_desktop.messages import english, english_text
from intimacy_desktop.paths import resolve_data_dir

if TYPE_CHECKING:
    from intimacy_desktop.core.journal import Entry, EntrySummary
    from intimacy_desktop.services.profiles import UnlockedProfile

EXIT_UNEXPECTED = 1
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a program whose reader went away

EXIT_CODES_HELP = """\
exit codes:
  0    ok
  1    an unexpected error (a bug; please report it)
  2    usage: a wrong command or option; a profile name, passphrase or text that is not allowed
       (too short, with control characters, not UTF-8); no terminal to ask for a secret on; no
       graphical display; the app already running for this data folder; the journal busy, or
       open elsewhere while its passphrase or recovery code is being replaced
  3    wrong passphrase or recovery code, or too many of them: try again after the delay it names
  4    the system keyring unavailable, locked, or not the one the profile was made with
  5    data damaged or from a newer version, or the disk full; a backup damaged or cut short; a file
       to import that cannot be read as its format (nothing was imported)
  130  interrupted (Ctrl+C)
  141  the output was closed early (as by a pipe into head)

The passphrase comes from INTIMACY_DESKTOP_PASSPHRASE when set, otherwise a prompt that does not echo;
a changed one (profile passphrase) from INTIMACY_DESKTOP_NEW_PASSPHRASE; the recovery code likewise from
INTIMACY_DESKTOP_RECOVERY_CODE; a backup's passphrase from INTIMACY_DESKTOP_BACKUP_PASSPHRASE.
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="intimacy-desktop", description="A private, offline journal for two.",
                                epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--data-dir", metavar="DIR", help="where profiles live (default: the platform's data folder)")
    sub = p.add_subparsers(dest="command")
    selftest = sub.add_parser("self-test", help="check the keyring, SQLCipher, FTS5 and a window; exit 0 when all pass")
    selftest.add_argument("--json", action="store_true", help="machine-readable output")

    prof = sub.add_parser("profile", help="create, list, recover profiles; change passphrases and recovery codes")
    add_profile_parsers(prof.add_subparsers(dest="action"))

    add_backup_parsers(sub)
    add_interchange_parsers(sub)

    jr = sub.add_parser("journal", help="write and read journal entries").add_subparsers(dest="action")
    add = jr.add_parser("add", help="add an entry: standard input's first line is the title, the rest the body",
                        description="Add an entry. Without --title, the first line of standard input is the title "
                                    "and the rest the body; with --title, all of standard input is the body. Text on "
                                    "the command line can be read by every user of this computer.")
    add.add_argument("--title", help="the title (default: the first line of standard input)")
    add.add_argument("--body", help="the body (default: standard input)")
    add.add_argument("--date", type=_date, help="YYYY-MM-DD (default: today)")
    add.add_argument("--mood", type=int, choices=range(1, 6), metavar="1-5")
    add.add_argument("--layer", choices=[layer.value for layer in Layer], default=Layer.NONE.value)
    add.add_argument("--kind", choices=[kind.value for kind in Kind], default=Kind.ENTRY.value)
    add.add_argument("--tag", action="append", default=[])
    lst = jr.add_parser("list", help="list entries, newest first")
    search = jr.add_parser("search", help="full-text search")
    search.add_argument("query", nargs="?", help="the words to look for")
    search.add_argument("--query-stdin", action="store_true",
                        help="read the words from standard input, off the command line")
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
    try:
        code = _main(argv)
        if sys.stdout is not None:
            sys.stdout.flush()  # here, so that a reader that went away is noticed here and not at exit
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    return code


def _main(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse has already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        check_arguments(args)
        data_dir = resolve_data_dir(args.data_dir)
        if args.command is not None:
            return _dispatch(args, data_dir)
        problem = display_problem()
        if problem is not None:
            raise problem
    except AppError as exc:
        _say(english_text(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _say("interrupted; nothing was changed.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        raise
    except UnicodeError as exc:  # a last resort: the checks above refuse text that is not UTF-8 before this
        _say(english_text(_unicode_problem(exc)))
        return EXIT_USAGE
    except Exception as exc:
        _say(english("unexpected_kind", {"kind": type(exc).__name__}))  # its message could quote an entry
        return EXIT_UNEXPECTED
    from intimacy_desktop.app import run_gui

    return run_gui(data_dir, [sys.argv[0]])


def _say(text: str) -> None:
    print(f"intimacy-desktop: {visible(text)}", file=sys.stderr)


def _unicode_problem(exc: UnicodeError) -> UsageError:
    encoding = exc.encoding if isinstance(exc, UnicodeEncodeError) else "utf-8"
    if encoding.lower().replace("-", "").replace("_", "") not in ("utf8", "utf8surrogatepass"):
        return UsageError("output_encoding", encoding=encoding)
    return UsageError("text_not_utf8")


def _discard_stdout() -> None:
    """After the reader of our output went away: send the rest nowhere, so the exit's flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _dispatch(args: argparse.Namespace, data_dir: Path) -> int:
    from intimacy_desktop.app import build_profile_service

    if args.command == "self-test":
        from intimacy_desktop.cli_selftest import run_self_test

        return run_self_test(data_dir, as_json=args.json)
    if getattr(args, "action", "") is None:
        raise UsageError("missing_action", command=args.command)
    service = build_profile_service(data_dir)
    if args.command == "profile":
        return run_profile_command(args, service)
    if args.command == "backup":
        from intimacy_desktop.cli_backup import run as run_backup_command
        from intimacy_desktop.services.backups import BackupService

        return run_backup_command(args, service, BackupService(service))
    if args.command in ("import", "export"):
        from intimacy_desktop.cli_interchange import run as run_interchange_command

        profile = unlock_named(service, args.profile)
        try:
            return run_interchange_command(args, profile)
        finally:
            profile.close()
    given = _journal_input(args)  # read and checked before the slow unlock
    profile = unlock_named(service, args.profile)
    try:
        return _journal(args, profile, given)
    finally:
        profile.close()


def _journal_input(args: argparse.Namespace) -> tuple[str, str] | None:
    """What ``journal add`` writes, ``(title, body)``, or what ``journal search`` looks for, ``(query, "")``.
    None: the entry is to be typed at the terminal, after the unlock (so that a wrong passphrase loses nothing)."""
    if args.action == "search":
        if args.query_stdin == (args.query is not None):
            raise UsageError("query_source")
        return (read_stdin().strip() if args.query_stdin else args.query), ""
    if args.action != "add":
        return None
    if args.title is not None:
        if args.body is not None or stdin_is_terminal():
            return args.title, args.body or ""
        return args.title, read_stdin().rstrip("\n")
    if stdin_is_terminal():
        return None
    return _title_and_body(read_stdin(), args.body)


def _title_and_body(text: str, body_option: str | None) -> tuple[str, str]:
    title, body = split_entry(text)
    if not title:
        raise UsageError("title_missing")
    if body_option is not None:
        if body:
            raise UsageError("body_given_twice")
        body = body_option
    return title, body


def _journal(args: argparse.Namespace, profile: UnlockedProfile, given: tuple[str, str] | None) -> int:
    from intimacy_desktop.core.journal import EntryFields, EntryFilter

    journal = profile.journal
    if args.action == "add":
        if given is None:
            print("Write the entry: its first line is the title. End with Ctrl+D (Ctrl+Z, Enter on Windows).",
                  file=sys.stderr)
            given = _title_and_body(read_stdin(), args.body)
        title, body = given
        fields = EntryFields(
            title=title,
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
    flt = EntryFilter(text=given[0]) if args.action == "search" and given is not None else EntryFilter()
    rows: list[EntrySummary] = []
    while batch := journal.summaries(flt, offset=len(rows), limit=1000):
        rows.extend(batch)
    _print_summaries(rows, args.json)
    return EXIT_OK


def _print_summaries(rows: list[EntrySummary], as_json: bool) -> None:
    if as_json:
        print(json.dumps([summary_to_dict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        mood = f"mood {r.mood}" if r.mood else "      "
        print(f"{r.id:>6}  {r.entry_date.isoformat()}  {mood}  {visible(unmark(r.title))}")


def _print_entry(entry: Entry, as_json: bool) -> None:
    f = entry.fields
    if as_json:
        print(json.dumps(entry_to_dict(entry), ensure_ascii=False, indent=2))
        return
    print(visible(f"# {f.title}") + f"\n{f.entry_date.isoformat()} · {f.kind.value} · layer {f.layer.value}"
          + (f" · mood {f.mood}" if f.mood else "") + (f" · tags {visible(', '.join(f.tags))}" if f.tags else ""))
    print()
    print(f.body)


if __name__ == "__main__":
    raise SystemExit(main())
