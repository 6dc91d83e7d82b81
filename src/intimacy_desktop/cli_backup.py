"""``intimacy-desktop backup …``: create, verify, list and restore encrypted backups.

The backup passphrase comes from ``INTIMACY_DESKTOP_BACKUP_PASSPHRASE`` when set, otherwise a prompt without echo
(asked twice for a new backup); the profile's own passphrase as for every command (``INTIMACY_DESKTOP_PASSPHRASE``),
a restored profile's new one from ``INTIMACY_DESKTOP_NEW_PASSPHRASE``. Messages go to stderr; a restored profile's
new recovery code alone goes to stdout.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from intimacy_desktop.cli_input import ask, variable
from intimacy_desktop.cli_profile import (
    ENV_NEW_PASSPHRASE,
    NO_PASSPHRASE_WARNING,
    new_passphrase,
    print_code,
    terminal_progress,
    unlock_named,
)
from intimacy_desktop.core.errors import EXIT_OK, UsageError
from intimacy_desktop.core.input_rules import check_new_passphrase, visible

if TYPE_CHECKING:
    from intimacy_desktop.services.backups import BackupService
    from intimacy_desktop.services.profiles import ProfileService
    from intimacy_desktop.storage.backup import Manifest

ENV_BACKUP_PASSPHRASE = "INTIMACY_DESKTOP_BACKUP_PASSPHRASE"
BACKUPS_FOLDER = "backups"  # the default folder of `backup list`, inside the data folder (scheduled backups)


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bk = sub.add_parser("backup", help="encrypted backups: create, verify, list, restore").add_subparsers(
        dest="action")
    create = bk.add_parser("create", help="write an encrypted backup file (never replaces a file)",
                           description="Write an encrypted backup. With --profile, that profile (its passphrase is "
                                       "asked); it restores anywhere with the backup passphrase alone. With --all, "
                                       "every profile on this computer as its sealed files, without anyone's "
                                       "passphrase; each restores as it was and opens with its own passphrase, or "
                                       "on a new computer with its recovery code.")
    which = create.add_mutually_exclusive_group(required=True)
    which.add_argument("--profile", metavar="NAME")
    which.add_argument("--all", action="store_true")
    create.add_argument("file", type=Path, metavar="FILE")
    verify = bk.add_parser("verify", help="read a backup through and check every part of it")
    verify.add_argument("file", type=Path, metavar="FILE")
    lst = bk.add_parser("list", help="backup files in a folder, newest first (no passphrase needed)")
    lst.add_argument("folder", type=Path, nargs="?", metavar="FOLDER",
                     help="default: the scheduled backups' folder in the data folder")
    restore = bk.add_parser("restore", help="restore a profile from a backup as a new profile (never replaces one)")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--profile", metavar="NAME", help="which profile of the backup (when it holds several)")
    restore.add_argument("--as", dest="new_name", metavar="NEW_NAME", help="the restored profile's name")
    restore.add_argument("--no-passphrase", action="store_true", help="protect with the keyring alone (not advised)")
    restore.add_argument("--passphrase-only", action="store_true", help="do not use the system keyring")


def run(args: argparse.Namespace, profiles: ProfileService, backups: BackupService) -> int:
    if args.action == "list":
        folder = args.folder if args.folder is not None else profiles.data_dir / BACKUPS_FOLDER
        for found in backups.list_backups(folder):
            print(f"{found.created}  {found.size / 1e6:>9.1f} MB  {visible(str(found.path))}")
        return EXIT_OK
    if args.action == "create":
        return _create(args, profiles, backups)
    passphrase = _backup_passphrase(new=False)
    if args.action == "verify":
        manifest = backups.verify(args.file, passphrase, progress=terminal_progress("Checking the backup…"))
        print(f"The backup is complete and undamaged: {_describe(manifest)}.", file=sys.stderr)
        return EXIT_OK
    contents = backups.contents(args.file, passphrase)
    chosen = [i for i in contents.items if args.profile is None or i.label.casefold() == args.profile.casefold()]
    sealed = len(chosen) == 1 and chosen[0].kind == "sealed"
    new = None
    if not sealed:
        new = None if args.no_passphrase else new_passphrase(ENV_NEW_PASSPHRASE)
        if args.no_passphrase:
            print(NO_PASSPHRASE_WARNING, file=sys.stderr)
    restored = backups.restore(args.file, passphrase, item=args.profile, label=args.new_name, new_passphrase=new,
                               passphrase_only=args.passphrase_only)
    label = visible(restored.info.label)
    if restored.recovery_code is None:
        print(f"Profile “{label}” restored as it was: open it with its passphrase, or with its recovery code "
              "(intimacy-desktop profile recover) where its keyring secret is missing.", file=sys.stderr)
        return EXIT_OK
    print(f"Profile “{label}” restored, with a new key and a new recovery code.", file=sys.stderr)
    print_code(restored.recovery_code)
    return EXIT_OK


def _create(args: argparse.Namespace, profiles: ProfileService, backups: BackupService) -> int:
    if args.file.exists():
        raise UsageError("backup_exists", name=args.file.name)  # before any passphrase is asked for
    if args.all:
        passphrase = _backup_passphrase(new=True)
        manifest = backups.create_all(args.file, passphrase, progress=terminal_progress("Writing the backup…"))
    else:
        profile = unlock_named(profiles, args.profile)
        try:
            passphrase = _backup_passphrase(new=True)
            manifest = backups.create(args.file, passphrase, profile,
                                      progress=terminal_progress("Writing the backup…"))
        finally:
            profile.close()
    print(f"Backup written and checked: {_describe(manifest)}. Keep its passphrase: without it the backup cannot "
          "be opened.", file=sys.stderr)
    return EXIT_OK


def _backup_passphrase(*, new: bool) -> str:
    env = variable(ENV_BACKUP_PASSPHRASE)
    if env is not None:
        if not env:
            raise UsageError("passphrase_env_empty", variable=ENV_BACKUP_PASSPHRASE)
        return check_new_passphrase(env) if new else env
    first = ask("Backup passphrase: ", ENV_BACKUP_PASSPHRASE)
    if not first:
        raise UsageError("passphrase_empty")
    if new:
        check_new_passphrase(first)
        if ask("Repeat the backup passphrase: ", ENV_BACKUP_PASSPHRASE) != first:
            raise UsageError("passphrases_differ")
    return first


def _describe(manifest: Manifest) -> str:
    parts = []
    for item in manifest.items:
        count = f", {item.entries} entries" if item.entries is not None else ""
        parts.append(f"“{visible(item.label)}”{count}")
    return f"{len(manifest.items)} profile{'s' if len(manifest.items) != 1 else ''} ({'; '.join(parts)})"
