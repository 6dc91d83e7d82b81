"""``intimacy-desktop profile …``: create, list, recover, change the passphrase, make a new recovery code.

Secrets come from variables or a prompt without echo, never from the command line (``ps`` shows it to everyone):
the current passphrase from ``INTIMACY_DESKTOP_PASSPHRASE``, a new one from ``INTIMACY_DESKTOP_NEW_PASSPHRASE``
(for ``profile create`` and ``recover`` still ``INTIMACY_DESKTOP_PASSPHRASE``, as before), the recovery code from
``INTIMACY_DESKTOP_RECOVERY_CODE``. A new recovery code is printed on standard output, everything else on stderr.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from intimacy_desktop.cli_input import ask, ask_secret, variable
from intimacy_desktop.core.errors import EXIT_OK, UsageError, WrongPassphrase
from intimacy_desktop.core.input_rules import check_new_passphrase, check_profile_label, visible
from intimacy_desktop.messages import english, english_text

if TYPE_CHECKING:
    from intimacy_desktop.services.profiles import ProfileInfo, ProfileService, UnlockedProfile

ENV_PASSPHRASE = "INTIMACY_DESKTOP_PASSPHRASE"
ENV_NEW_PASSPHRASE = "INTIMACY_DESKTOP_NEW_PASSPHRASE"
ENV_RECOVERY_CODE = "INTIMACY_DESKTOP_RECOVERY_CODE"
NO_PASSPHRASE_WARNING = "Warning: without a passphrase, anyone who uses this computer account can open this profile."


def add_parsers(prof: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    create = prof.add_parser("create", help="create a profile and print its recovery code once")
    create.add_argument("--name", required=True)
    create.add_argument("--no-passphrase", action="store_true", help="protect with the keyring alone (not advised)")
    create.add_argument("--passphrase-only", action="store_true",
                        help="do not use the system keyring (for machines without one); needs a passphrase")
    create.add_argument("--hidden", action="store_true",
                        help="never listed (not by `profile list`, not on the unlock screen); opened by its name")
    prof.add_parser("list", help="list profile names")
    rec = prof.add_parser("recover", help="unlock with the recovery code and set up access again")
    rec.add_argument("--name", required=True)
    rec.add_argument("--no-passphrase", action="store_true")
    rec.add_argument("--passphrase-only", action="store_true")
    pw = prof.add_parser("passphrase", help="change, set or remove a profile's passphrase",
                         description="Change, set or remove the passphrase. The journal is re-encrypted under a new "
                                     "key and a new recovery code is printed: the old passphrase and the old code "
                                     "stop working, even with a copy of the old key file.")
    pw.add_argument("--name", required=True)
    pw.add_argument("--remove", action="store_true", help="protect with the keyring alone (not advised)")
    code = prof.add_parser("new-recovery-code", help="replace the recovery code (the old one stops working)",
                           description="Make a new recovery code. The journal is re-encrypted under a new key, so "
                                       "the old code opens nothing, even with a copy of the old key file.")
    code.add_argument("--name", required=True)
    check = prof.add_parser("check", help="check every page of a profile's journal for damage (exit 5 if damaged)",
                            description="Read and check every page of the journal and its structure. Opening a "
                                        "profile checks only the first page, so commands cost the same at any size; "
                                        "the window runs this check after each unlock.")
    check.add_argument("--name", required=True)
    check.add_argument("--accept-older", action="store_true",
                       help="accept an older copy of the database restored on purpose (its latest changes are "
                            "missing) as the profile from now on")


def run(args: argparse.Namespace, service: ProfileService) -> int:
    if args.action == "list":
        for info in service.list_profiles():  # a header may have been written by anyone: its name is escaped
            print(visible(profile_label(info) + (f"  ({english_text(info.problem)})" if info.problem else "")))
        return EXIT_OK
    if args.action == "check":
        return _check(args, service)
    if args.action == "passphrase":
        return _change_passphrase(args, service)
    if args.action == "new-recovery-code":
        return _new_recovery_code(args, service)
    if args.action == "create":
        check_profile_label(args.name)  # before the passphrase is asked for; the service checks it again
    passphrase = None if args.no_passphrase else new_passphrase(ENV_PASSPHRASE)
    if args.no_passphrase:
        print(NO_PASSPHRASE_WARNING, file=sys.stderr)
    if args.action == "create":
        created = service.create(args.name, passphrase, passphrase_only=args.passphrase_only,
                                 hidden=args.hidden)
        what = "created"
    else:
        info = service.find(args.name)
        code = variable(ENV_RECOVERY_CODE) or ask("Recovery code: ", ENV_RECOVERY_CODE, recovery_code=True)
        created = service.recover(info, code, passphrase, passphrase_only=args.passphrase_only,
                                  progress=_progress())
        what = "recovered; the old recovery code no longer works"
    created.profile.close()
    print(f"Profile “{visible(created.profile.info.label)}” {what}.", file=sys.stderr)
    print_code(created.recovery_code)
    return EXIT_OK


def _change_passphrase(args: argparse.Namespace, service: ProfileService) -> int:
    info = service.find(args.name)
    if args.remove and not info.uses_keyring:
        raise UsageError("passphrase_required_without_keyring")
    current = _current_passphrase(info)
    new = None if args.remove else new_passphrase(ENV_NEW_PASSPHRASE)
    profile = service.unlock(info, current)
    try:
        code = service.change_passphrase(profile, current, new, progress=_progress())
    finally:
        profile.close()
    if new is None:
        print(NO_PASSPHRASE_WARNING, file=sys.stderr)
    what = "passphrase removed" if new is None else "passphrase changed" if current else "passphrase set"
    print(f"Profile “{visible(info.label)}”: {what}; the old recovery code no longer works.", file=sys.stderr)
    print_code(code)
    return EXIT_OK


def _new_recovery_code(args: argparse.Namespace, service: ProfileService) -> int:
    info = service.find(args.name)
    current = _current_passphrase(info)
    profile = service.unlock(info, current)
    try:
        code = service.new_recovery_code(profile, current, progress=_progress())
    finally:
        profile.close()
    print(f"Profile “{visible(info.label)}”: a new recovery code; the old one no longer works.", file=sys.stderr)
    print_code(code)
    return EXIT_OK


def _check(args: argparse.Namespace, service: ProfileService) -> int:
    profile = unlock_named(service, args.name, accept_older=args.accept_older)
    try:
        profile.check_integrity()  # DataCorrupt: exit 5 with its sentence
    finally:
        profile.close()
    accepted = " (the older copy is now this profile's journal)" if args.accept_older else ""
    print(f"Profile “{visible(profile.info.label)}”: every page checked, no damage found{accepted}.", file=sys.stderr)
    return EXIT_OK


def print_code(code: str) -> None:
    print("Recovery code (shown once; write it down and keep it somewhere safe):", file=sys.stderr)
    print(code)


def _current_passphrase(info: ProfileInfo) -> str | None:
    if not info.has_passphrase:
        return None
    passphrase = ask_secret(f"Passphrase for {visible(info.label)}: ", ENV_PASSPHRASE)
    if not passphrase:
        raise WrongPassphrase("passphrase_needed")
    return passphrase


def unlock_named(service: ProfileService, name: str, *, accept_older: bool = False) -> UnlockedProfile:
    info = service.find(name)
    return service.unlock(info, _current_passphrase(info), accept_older=accept_older)


def new_passphrase(env_name: str) -> str:
    """A new or changed passphrase, at least ``MIN_PASSPHRASE`` characters like the GUI's."""
    env = variable(env_name)
    if env is not None:
        if not env:
            raise UsageError("passphrase_env_empty", variable=env_name)
        return check_new_passphrase(env)
    first = ask("New passphrase: ", env_name)
    if not first:
        raise UsageError("passphrase_empty")
    check_new_passphrase(first)
    if ask("Repeat the passphrase: ", env_name) != first:
        raise UsageError("passphrases_differ")
    return first


def profile_label(info: ProfileInfo) -> str:
    """A profile's name in a list: its own, or for a damaged one the words that say so."""
    return english("damaged_profile", {"folder": info.short_id}) if info.damaged else info.label


class _Progress:
    """``Re-encrypting the journal… 40%`` on a terminal's stderr, in steps of 10%; nothing when stderr is a file."""

    def __init__(self, label: str = "Re-encrypting the journal…") -> None:
        self.shown = -1
        self.label = label

    def __call__(self, fraction: float) -> None:
        step = int(fraction * 10)
        if step == self.shown:
            return
        self.shown = step
        end = "\n" if step >= 10 else ""
        print(f"\r{self.label} {step * 10}%", end=end, file=sys.stderr, flush=True)


def _progress(label: str | None = None) -> _Progress | None:
    if sys.stderr is None or not sys.stderr.isatty():
        return None
    return _Progress(label) if label else _Progress()


terminal_progress = _progress
