"""The words for the error codes of what a person does with the app: the journal and the check-in, import and
export, prompts, exercises, conversations, backups, the shared space and the command line. Part of the one table
messages.py puts together."""

from __future__ import annotations

from intimacy_desktop.messages_vault import QT_TRANSLATE_NOOP

FEATURE_MESSAGES: dict[str, str] = {
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
    ),}
