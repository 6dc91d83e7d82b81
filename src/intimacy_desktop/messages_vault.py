"""The words for the error codes of profiles and the vault: profiles, passphrases and recovery codes, the keyring,
damaged or newer data. Part of the one table messages.py puts together (its docstring says how they are used)."""

from __future__ import annotations

CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Marks ``text`` for extraction into the translation files; returns it unchanged."""
    return text


VAULT_MESSAGES: dict[str, str] = {
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
}
