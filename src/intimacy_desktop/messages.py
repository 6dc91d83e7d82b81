"""The words for every error code: one table, shared by the GUI (translated) and the CLI (English).

Core, storage and services raise ``AppError(code, **params)`` and never write a sentence; a front end looks the code
up here. Each template is marked with ``QT_TRANSLATE_NOOP("Errors", ...)`` so that pyside6-lupdate extracts it into
resources/translations/*.ts under the context "Errors"; the GUI (``gui/error_text.py``) passes the template through
``QCoreApplication.translate("Errors", template)`` and then fills the ``{name}`` placeholders. The CLI fills the
English template directly, so this module imports neither Qt nor anything else of ours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Marks ``text`` for extraction into the translation files; returns it unchanged."""
    return text


MESSAGES: dict[str, str] = {
    # ---- general ----------------------------------------------------------------------------------------------
    "unexpected": QT_TRANSLATE_NOOP("Errors", "Something went wrong."),
    "invalid_request": QT_TRANSLATE_NOOP("Errors", "That request is not valid."),
    "already_running": QT_TRANSLATE_NOOP("Errors", "Intimacy Desktop is already running for this data folder."),
    "disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full, so the last change could not be saved. Free some space and try again."
    ),
    "already_running_raised": QT_TRANSLATE_NOOP(
        "Errors", "Intimacy Desktop is already running for this data folder; its window was brought to the front."
    ),
    "unexpected_kind": QT_TRANSLATE_NOOP("Errors", "Something unexpected went wrong ({kind}); please report it."),
    # ---- profiles ---------------------------------------------------------------------------------------------
    "profile_not_found": QT_TRANSLATE_NOOP("Errors", "There is no profile named “{name}”."),
    "profile_exists": QT_TRANSLATE_NOOP("Errors", "A profile named “{name}” already exists."),
    "hidden_needs_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "A hidden profile needs a passphrase: without one, knowing its name would be enough to open it."
    ),
    "profile_move_failed": QT_TRANSLATE_NOOP(
        "Errors", "The profile's folder could not be moved (is another program using it?). Nothing was changed."
    ),
    "delete_name_mismatch": QT_TRANSLATE_NOOP("Errors", "The name typed is not this profile's name."),
    "damaged_profile": QT_TRANSLATE_NOOP("Errors", "Damaged profile ({folder})"),
    "label_length": QT_TRANSLATE_NOOP("Errors", "A profile name needs 1 to {max} characters."),
    "label_hidden_characters": QT_TRANSLATE_NOOP(
        "Errors",
        "A profile name cannot contain control or invisible formatting characters "
        "(such as a line break, an escape or a text-direction mark).",
    ),
    "passphrase_required_without_keyring": QT_TRANSLATE_NOOP(
        "Errors", "Without a keyring, a profile needs a passphrase."
    ),
    "folder_has_profile": QT_TRANSLATE_NOOP("Errors", "That folder already holds a profile; it was left untouched."),
    # ---- passphrase and recovery code -------------------------------------------------------------------------
    "wrong_passphrase": QT_TRANSLATE_NOOP("Errors", "That passphrase does not unlock this profile."),
    "passphrase_needed": QT_TRANSLATE_NOOP("Errors", "This profile needs its passphrase."),
    "passphrase_env_empty": QT_TRANSLATE_NOOP(
        "Errors", "{variable} is empty; use --no-passphrase to go without one."
    ),
    "passphrase_empty": QT_TRANSLATE_NOOP(
        "Errors", "An empty passphrase is not allowed; use --no-passphrase to go without one."
    ),
    "passphrases_differ": QT_TRANSLATE_NOOP("Errors", "The two passphrases differ; nothing was created."),
    "passphrase_too_short": QT_TRANSLATE_NOOP("Errors", "A passphrase needs at least {min} characters."),
    "no_terminal_for_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "There is no terminal to ask for the passphrase on; set {variable} or run the command in a terminal."
    ),
    "no_terminal_for_recovery_code": QT_TRANSLATE_NOOP(
        "Errors",
        "There is no terminal to ask for the recovery code on; set {variable} or run the command in a terminal.",
    ),
    "wrong_recovery_code": QT_TRANSLATE_NOOP("Errors", "That recovery code does not unlock this profile."),
    "recovery_code_format": QT_TRANSLATE_NOOP(
        "Errors", "A recovery code has 32 letters and digits in eight groups of four."
    ),
    "recovery_code_invalid": QT_TRANSLATE_NOOP("Errors", "That is not a valid recovery code."),
    # The delay after wrong guesses (core/guess_delay.py): the front ends count {seconds} down.
    "wrong_passphrase_wait": QT_TRANSLATE_NOOP(
        "Errors", "That passphrase does not unlock this profile; try again in {seconds} s."
    ),
    "passphrase_wait": QT_TRANSLATE_NOOP("Errors", "Too many wrong passphrases; try again in {seconds} s."),
    "wrong_recovery_code_wait": QT_TRANSLATE_NOOP(
        "Errors", "That recovery code does not unlock this profile; try again in {seconds} s."
    ),
    "recovery_code_wait": QT_TRANSLATE_NOOP("Errors", "Too many wrong recovery codes; try again in {seconds} s."),
    # ---- the system keyring -----------------------------------------------------------------------------------
    "keyring_unavailable": QT_TRANSLATE_NOOP(
        "Errors",
        "No system keyring is available, so the profile's device key cannot be read. "
        "Start your desktop's keyring (for example GNOME Keyring or KWallet), or unlock with your recovery code.",
    ),
    # Two templates, not one built from the other: the extractor reads literal text only.
    "keyring_unavailable_setup": QT_TRANSLATE_NOOP(
        "Errors",
        "No system keyring is available on this computer (such as GNOME Keyring, KWallet, the macOS Keychain or "
        "the Windows Credential Manager). The keyring keeps half of the key, so that a copied folder is useless on "
        "its own.",
    ),
    "keyring_unavailable_new_profile": QT_TRANSLATE_NOOP(
        "Errors",
        "No system keyring is available on this computer (such as GNOME Keyring, KWallet, the macOS Keychain or "
        "the Windows Credential Manager). The keyring keeps half of the key, so that a copied folder is useless on "
        "its own. Start your keyring and try again, or choose to protect the profile with a passphrase only.",
    ),
    "keyring_no_answer": QT_TRANSLATE_NOOP(
        "Errors", "The system keyring did not answer ({error}). Nothing was changed."
    ),
    "keyring_locked": QT_TRANSLATE_NOOP(
        "Errors", "The system keyring is locked. Unlock it (usually by logging in again) and try once more."
    ),
    "keyring_secret_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "This profile's device key is not in the system keyring (a new computer or a reinstalled system?). "
        "Unlock with your recovery code.",
    ),
    "keyring_mismatch": QT_TRANSLATE_NOOP(
        "Errors",
        "The system keyring returned a different device key than the one this profile was made with. "
        "Nothing was changed. Unlock with your recovery code.",
    ),
    "keyring_backend_changed": QT_TRANSLATE_NOOP(
        "Errors",
        "The system keyring in use is not the one this profile was made with. "
        "Nothing was changed. Switch back to that keyring, or unlock with your recovery code.",
    ),
    "selftest_no_keyring": QT_TRANSLATE_NOOP(
        "Errors",
        "no system keyring answers (such as GNOME Keyring, KWallet, the macOS Keychain or the Windows Credential "
        "Manager); profiles can still be made with a passphrase only",
    ),
    "selftest_keyring_roundtrip": QT_TRANSLATE_NOOP("Errors", "{backend} returned a different secret"),
    # ---- damaged or newer data --------------------------------------------------------------------------------
    "data_corrupt": QT_TRANSLATE_NOOP(
        "Errors",
        "This profile's data is damaged and cannot be opened. Nothing was changed or deleted; "
        "restore it from a backup, or keep the folder for recovery.",
    ),
    "damage_found": QT_TRANSLATE_NOOP(
        "Errors",
        "A check found damage in part of this profile's data. What still reads is shown as before and nothing was "
        "changed; copy the profile's folder somewhere safe now, or restore it from a backup.",
    ),
    "header_corrupt": QT_TRANSLATE_NOOP(
        "Errors",
        "This profile's key file (vault.json) is damaged or incomplete. Nothing was changed or deleted; "
        "restore it from a backup.",
    ),
    "header_missing": QT_TRANSLATE_NOOP(
        "Errors", "This profile's key file (vault.json) is missing. Nothing was changed."
    ),
    "kdf_out_of_bounds": QT_TRANSLATE_NOOP(
        "Errors",
        "This profile's key file (vault.json) asks for more work per unlock than Intimacy Desktop ever sets "
        "(more than about {seconds} seconds or {mib} MiB), so it was damaged or altered. Nothing was tried and "
        "nothing was changed; restore the key file from a backup, or unlock with your recovery code.",
    ),
    "header_tampered": QT_TRANSLATE_NOOP(
        "Errors",
        "This profile's key file (vault.json) was altered after it was written (its salt or its key settings), "
        "although it still looks whole. Nothing was tried and nothing was changed; restore the key file from a "
        "backup.",
    ),
    "link_refused": QT_TRANSLATE_NOOP(
        "Errors",
        "“{name}” in this profile's data folder is a link to another place, and Intimacy Desktop does not write "
        "through links. Nothing was changed; put the real file or folder back in its place.",
    ),
    "database_missing": QT_TRANSLATE_NOOP(
        "Errors", "This profile's database file is missing. Nothing was created in its place."
    ),
    "database_empty": QT_TRANSLATE_NOOP(
        "Errors", "This profile's database file is empty (0 bytes). Nothing was created in its place."
    ),
    "wal_lost": QT_TRANSLATE_NOOP(
        "Errors",
        "This profile's latest changes are missing from its database: its write-ahead log "
        "(journal.db-wal) was deleted or lost after the app stopped unexpectedly. Nothing was changed; "
        "restore the profile folder from a backup, including journal.db-wal if you still have it.",
    ),
    "schema_too_new": QT_TRANSLATE_NOOP(
        "Errors",
        "This profile was written by a newer version of Intimacy Desktop. Install the newer version to open it; "
        "nothing was changed.",
    ),
    "database_exists": QT_TRANSLATE_NOOP("Errors", "A database already exists here; it was left untouched."),
    "database_busy": QT_TRANSLATE_NOOP("Errors", "The journal is busy in another window; try again in a moment."),
    "vault_locked": QT_TRANSLATE_NOOP("Errors", "The journal is locked. Unlock it to go on."),
    "profile_in_use": QT_TRANSLATE_NOOP(
        "Errors",
        "This profile is open in the app or in another command. Lock it or let that finish, then try again; "
        "nothing was changed.",
    ),
    "rekey_unverified": QT_TRANSLATE_NOOP(
        "Errors",
        "The journal could not be re-encrypted under its new key: the new copy did not match the old one. "
        "Nothing was changed; the old passphrase and recovery code still work.",
    ),
    "rolled_back": QT_TRANSLATE_NOOP(
        "Errors",
        "This profile's latest changes are missing: its database is older than the last time it was used here "
        "(an older copy was put in its place). Nothing was changed; if you restored it on purpose, "
        "run “intimacy-desktop profile check --name NAME --accept-older” for it.",
    ),
    # ---- journal entries --------------------------------------------------------------------------------------
    "title_too_long": QT_TRANSLATE_NOOP("Errors", "A title can be at most {max} characters."),
    "entry_too_long": QT_TRANSLATE_NOOP("Errors", "That entry is too long to save in one piece."),
    "mood_out_of_range": QT_TRANSLATE_NOOP("Errors", "Mood is a number from {low} (stormy) to {high} (sunny)."),
    "tag_too_long": QT_TRANSLATE_NOOP("Errors", "A tag can be at most {max} characters."),
    # ---- the daily check-in -----------------------------------------------------------------------------------
    "feeling_unknown": QT_TRANSLATE_NOOP("Errors", "That feeling is not one of the words to choose from."),
    "feeling_repeated": QT_TRANSLATE_NOOP("Errors", "Each feeling can be chosen once."),
    "too_many_feelings": QT_TRANSLATE_NOOP("Errors", "Choose at most {max} feelings."),
    "note_too_long": QT_TRANSLATE_NOOP("Errors", "A note can be at most {max} characters."),
    "habit_unknown": QT_TRANSLATE_NOOP("Errors", "That is not one of the seven daily habits."),
    "gratitude_empty": QT_TRANSLATE_NOOP("Errors", "Write the one thing first: a few words are plenty."),
    "entry_not_found": QT_TRANSLATE_NOOP("Errors", "There is no journal entry number {id}."),
    "entry_data_invalid": QT_TRANSLATE_NOOP("Errors", "This entry's data is not in the expected form."),
    "entry_field_invalid": QT_TRANSLATE_NOOP(
        "Errors", "This entry's data is not in the expected form: its “{field}” is missing or not valid."
    ),
    # ---- import and export ------------------------------------------------------------------------------------
    "import_refused": QT_TRANSLATE_NOOP("Errors", "This file cannot be imported. Nothing was imported."),
    "import_not_json": QT_TRANSLATE_NOOP(
        "Errors", "This file is not a JSON export that can be read. Nothing was imported."
    ),
    "import_truncated": QT_TRANSLATE_NOOP(
        "Errors", "This file ends too early: it was probably cut off while it was copied. Nothing was imported."
    ),
    "import_json_not_utf8": QT_TRANSLATE_NOOP(
        "Errors", "This file is not UTF-8 text, the encoding JSON exports use. Nothing was imported."
    ),
    "import_not_utf8": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is not UTF-8 text; save it as UTF-8 and try again. Nothing was imported."
    ),
    "import_wrong_shape": QT_TRANSLATE_NOOP(
        "Errors", "This file is not in the expected form: its “{field}” is missing or not valid. Nothing was imported."
    ),
    "import_too_large": QT_TRANSLATE_NOOP(
        "Errors", "This import holds more than {mib} MiB of data, more than one import can take. Nothing was imported."
    ),
    "import_file_too_large": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is larger than {mib} MiB, too large for one journal entry. Nothing was imported."
    ),
    "import_too_many_entries": QT_TRANSLATE_NOOP(
        "Errors", "This file holds more than {max} entries, more than one import can take. Nothing was imported."
    ),
    "import_too_many_files": QT_TRANSLATE_NOOP(
        "Errors", "This folder holds more than {max} files, more than one import can take. Nothing was imported."
    ),
    "import_field_too_large": QT_TRANSLATE_NOOP(
        "Errors", "“{field}” in this file is longer than a journal entry can be. Nothing was imported."
    ),
    "import_bad_date": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” (at {field}) is not a date that can be read. Nothing was imported."
    ),
    "import_no_date": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” says nothing about its date. Nothing was imported."
    ),
    "import_empty": QT_TRANSLATE_NOOP(
        "Errors", "There is nothing to import: this file holds no entry with a title or any text."
    ),
    "import_unsafe_path": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is not a plain file name inside the chosen folder. Nothing was imported."
    ),
    "import_too_deep": QT_TRANSLATE_NOOP(
        "Errors",
        "“{name}” lies more than {max} folders deep inside the chosen folder; choose a folder nearer to it. "
        "Nothing was imported.",
    ),
    "import_zip_bomb": QT_TRANSLATE_NOOP(
        "Errors",
        "The archive's “{name}” would unpack to far more than its size, as an attack would, so the archive was "
        "not opened. Nothing was imported.",
    ),
    "import_zip_unsafe_name": QT_TRANSLATE_NOOP(
        "Errors",
        "The archive holds “{name}”, a link or a name that leads outside the archive, so it was not opened. "
        "Nothing was imported.",
    ),
    "import_zip_encrypted": QT_TRANSLATE_NOOP(
        "Errors", "The archive is protected by a password; export it again without one. Nothing was imported."
    ),
    "import_zip_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The archive is damaged or incomplete; export it again. Nothing was imported."
    ),
    "import_zip_too_many_files": QT_TRANSLATE_NOOP(
        "Errors", "The archive holds more than {max} files, more than an export has. Nothing was imported."
    ),
    "import_zip_no_journal": QT_TRANSLATE_NOOP(
        "Errors", "The archive holds no journal file (.json); is it a Day One JSON export? Nothing was imported."
    ),
    # ---- prompt cards ------------------------------------------------------------------------------------------
    "prompt_not_found": QT_TRANSLATE_NOOP(
        "Errors", "That card is not in this version of the app any more; its place in your history is kept."
    ),
    # ---- exercises and assessments ------------------------------------------------------------------------------
    "answer_invalid": QT_TRANSLATE_NOOP("Errors", "The answer to question “{item}” is not one this question allows."),
    "exercise_not_found": QT_TRANSLATE_NOOP("Errors", "That exercise is not in this version of the app."),
    "assessment_not_found": QT_TRANSLATE_NOOP("Errors", "That self-assessment is not in this version of the app."),
    "program_not_found": QT_TRANSLATE_NOOP(
        "Errors", "That program, or that step of it, is not in this version of the app."
    ),
    "run_not_found": QT_TRANSLATE_NOOP("Errors", "That exercise run is no longer saved."),
    "choice_missing": QT_TRANSLATE_NOOP("Errors", "Choose one of the options to go on."),
    "run_outdated": QT_TRANSLATE_NOOP(
        "Errors", "This exercise has changed since it was paused, so it starts again from the beginning; what you "
        "wrote is still in your journal."
    ),
    "assessment_incomplete": QT_TRANSLATE_NOOP(
        "Errors", "Question “{item}” has no answer yet; every question needs one before the result is shown."
    ),
    # ---- conversations -----------------------------------------------------------------------------------------
    "conversation_not_found": QT_TRANSLATE_NOOP("Errors", "That conversation is no longer in your log."),
    "conversation_invalid": QT_TRANSLATE_NOOP(
        "Errors", "A conversation lasts from 1 minute to 4 hours, and its feeling is one of the five words."
    ),
    "goal_invalid": QT_TRANSLATE_NOOP("Errors", "A daily goal is from {low} to {high} minutes."),
    # ---- backups ----------------------------------------------------------------------------------------------
    "backup_exists": QT_TRANSLATE_NOOP(
        "Errors", "A file named “{name}” is already there; choose another name (a backup never replaces a file)."
    ),
    "backup_not_a_backup": QT_TRANSLATE_NOOP("Errors", "That file is not an Intimacy Desktop backup."),
    "backup_format_unknown": QT_TRANSLATE_NOOP(
        "Errors", "That backup was made by a newer version of Intimacy Desktop; update the app to restore it."
    ),
    "backup_truncated": QT_TRANSLATE_NOOP(
        "Errors", "That backup is incomplete: the file was cut short (an interrupted copy?). Nothing was restored."
    ),
    "backup_damaged": QT_TRANSLATE_NOOP(
        "Errors", "That backup is damaged or was changed after it was made, so it cannot be trusted. "
        "Nothing was restored."
    ),
    "wrong_backup_passphrase": QT_TRANSLATE_NOOP("Errors", "That is not the passphrase of this backup."),
    "backup_source_changed": QT_TRANSLATE_NOOP(
        "Errors", "A profile's files changed while the backup was being written; try again."
    ),
    "backup_schedule_no_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "Scheduled backups need their passphrase first (Settings, Backups)."
    ),
    "backup_item_missing": QT_TRANSLATE_NOOP("Errors", "That backup holds no profile of that name."),
    "backup_choose_item": QT_TRANSLATE_NOOP(
        "Errors", "That backup holds several profiles ({names}); say which one to restore."
    ),
    "backup_vault_present": QT_TRANSLATE_NOOP(
        "Errors", "That profile is already on this computer (as “{name}”); it was not restored a second time."
    ),
    "backup_sealed_name": QT_TRANSLATE_NOOP(
        "Errors", "A profile from a backup of every profile keeps its own name; rename it after restoring."
    ),
    # ---- reading an import, writing an export ---------------------------------------------------------------------
    "import_not_a_file": QT_TRANSLATE_NOOP("Errors", "That is not a file that can be imported. Nothing was imported."),
    "import_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "That file or folder cannot be read (is it there, and may you open it?). Nothing was imported."
    ),
    "import_format_unknown": QT_TRANSLATE_NOOP("Errors", "“{format}” is not a format that can be imported."),
    "export_format_unknown": QT_TRANSLATE_NOOP("Errors", "“{format}” is not a format that can be exported."),
    "export_exists": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is already there; choose a new name (an export never replaces a file or a folder)."
    ),
    "export_folder_missing": QT_TRANSLATE_NOOP("Errors", "The folder to export into does not exist."),
    "export_not_writable": QT_TRANSLATE_NOOP("Errors", "That folder cannot be written to; choose another one."),
    "picture_failed": QT_TRANSLATE_NOOP("Errors", "The picture of the chart could not be made; nothing was written."),
    # ---- the shared space -------------------------------------------------------------------------------------
    "space_missing": QT_TRANSLATE_NOOP("Errors", "The shared space is not on this computer."),
    "space_damaged": QT_TRANSLATE_NOOP("Errors", "The shared space's files are damaged."),
    "space_none": QT_TRANSLATE_NOOP("Errors", "This profile has no shared space yet."),
    "space_already": QT_TRANSLATE_NOOP("Errors", "“{name}” already shares a space."),
    "space_same_profile": QT_TRANSLATE_NOOP("Errors", "A shared space needs two different profiles."),
    "space_not_member": QT_TRANSLATE_NOOP("Errors", "This profile is not part of that shared space."),
    "space_removed": QT_TRANSLATE_NOOP(
        "Errors", "This profile is no longer part of the shared space, so it cannot open what is written there now."
    ),
    "space_partner_not_opened": QT_TRANSLATE_NOOP(
        "Errors", "That name and passphrase do not open a profile; check both with your partner."
    ),
    "space_not_yours": QT_TRANSLATE_NOOP(
        "Errors", "Only the partner who shared an entry can take it back from the space."
    ),
    "space_member_unknown": QT_TRANSLATE_NOOP("Errors", "That profile is not a member of this shared space."),
    "preference_invalid": QT_TRANSLATE_NOOP("Errors", "That setting ({name}) has no such choice."),
    # ---- the command line -------------------------------------------------------------------------------------
    "missing_action": QT_TRANSLATE_NOOP(
        "Errors", "Say what to do with {command}; see intimacy-desktop {command} --help."
    ),
    "title_missing": QT_TRANSLATE_NOOP(
        "Errors", "An entry needs a title: give --title, or write the title on the first line of standard input."
    ),
    "body_given_twice": QT_TRANSLATE_NOOP(
        "Errors", "The body came from both --body and standard input; give it in one place."
    ),
    "query_source": QT_TRANSLATE_NOOP(
        "Errors",
        "Give the search words on the command line or, with --query-stdin, on standard input (one of the two).",
    ),
    "argument_not_utf8": QT_TRANSLATE_NOOP(
        "Errors", "The {argument} given on the command line is not valid UTF-8 text; nothing was changed."
    ),
    "variable_not_utf8": QT_TRANSLATE_NOOP("Errors", "{variable} is not valid UTF-8 text; nothing was changed."),
    "stdin_not_utf8": QT_TRANSLATE_NOOP("Errors", "Standard input is not valid UTF-8 text; nothing was changed."),
    "typed_not_utf8": QT_TRANSLATE_NOOP("Errors", "What was typed is not valid UTF-8 text; nothing was changed."),
    "text_not_utf8": QT_TRANSLATE_NOOP("Errors", "Some of the text given is not valid UTF-8; nothing was changed."),
    "output_encoding": QT_TRANSLATE_NOOP(
        "Errors",
        "The output cannot be written in this terminal's character encoding ({encoding}); "
        "use a UTF-8 locale, for example LANG=C.UTF-8.",
    ),
    "no_display": QT_TRANSLATE_NOOP(
        "Errors",
        "There is no graphical display here (DISPLAY and WAYLAND_DISPLAY are unset); start the app from your "
        "desktop session, or check this machine with intimacy-desktop self-test.",
    ),
    "display_unreachable": QT_TRANSLATE_NOOP(
        "Errors",
        "The graphical display {display} does not answer; start the app from your desktop session, "
        "or check this machine with intimacy-desktop self-test.",
    ),
}


class Coded(Protocol):
    """What an error offers this module: ``AppError`` has both (the table imports nothing of ours)."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> Mapping[str, str | int]: ...


def template(code: str) -> str:
    """The English template for ``code``; an unknown code (a bug) still yields a sentence, never a crash."""
    return MESSAGES.get(code, MESSAGES["unexpected"])


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, params: Mapping[str, object]) -> str:
    """Put ``params`` into the ``{name}`` placeholders of ``text``.

    Reporting an error must not raise one: a placeholder without a value stays as written, and any other brace
    (a slip in a translation) is left alone. Values are inserted as they are, never read as templates themselves.
    """
    return _PLACEHOLDER.sub(lambda m: str(params[m[1]]) if m[1] in params else m[0], text)


def english(code: str, params: Mapping[str, object] | None = None) -> str:
    return fill(template(code), params or {})


def english_text(error: Coded) -> str:
    """The error as one English sentence: what the CLI prints."""
    return english(error.code, error.params)
