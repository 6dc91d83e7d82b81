"""Failures a person can meet, each with its own plain sentence and CLI exit code.

The GUI shows ``message``; the CLI prints it to stderr and exits with ``exit_code``. Keeping both here means the two
front ends never disagree about what went wrong.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_WRONG_SECRET = 3
EXIT_KEYRING = 4
EXIT_DATA = 5


class AppError(Exception):
    """Base of every error that is shown to a person."""

    exit_code = EXIT_USAGE
    default_message = "Something went wrong."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class UsageError(AppError):
    exit_code = EXIT_USAGE
    default_message = "That request is not valid."


class ProfileNotFound(UsageError):
    default_message = "There is no profile with that name."


class ProfileExists(UsageError):
    default_message = "A profile with that name already exists."


class WrongPassphrase(AppError):
    exit_code = EXIT_WRONG_SECRET
    default_message = "That passphrase does not unlock this profile."


class WrongRecoveryCode(AppError):
    exit_code = EXIT_WRONG_SECRET
    default_message = "That recovery code does not unlock this profile."


class KeyringUnavailable(AppError):
    exit_code = EXIT_KEYRING
    default_message = (
        "No system keyring is available, so the profile's device key cannot be read. "
        "Start your desktop's keyring (for example GNOME Keyring or KWallet), or unlock with your recovery code."
    )


class KeyringLocked(AppError):
    exit_code = EXIT_KEYRING
    default_message = "The system keyring is locked. Unlock it (usually by logging in again) and try once more."


class KeyringSecretMissing(AppError):
    exit_code = EXIT_KEYRING
    default_message = (
        "This profile's device key is not in the system keyring (a new computer or a reinstalled system?). "
        "Unlock with your recovery code."
    )


class KeyringMismatch(AppError):
    exit_code = EXIT_KEYRING
    default_message = (
        "The system keyring returned a different device key than the one this profile was made with. "
        "Nothing was changed. Unlock with your recovery code."
    )


class KeyringBackendChanged(AppError):
    exit_code = EXIT_KEYRING
    default_message = (
        "The system keyring in use is not the one this profile was made with. "
        "Nothing was changed. Switch back to that keyring, or unlock with your recovery code."
    )


class DataCorrupt(AppError):
    exit_code = EXIT_DATA
    default_message = (
        "This profile's data is damaged and cannot be opened. Nothing was changed or deleted; "
        "restore it from a backup, or keep the folder for recovery."
    )


class HeaderCorrupt(DataCorrupt):
    default_message = (
        "This profile's key file (vault.json) is damaged or incomplete. Nothing was changed or deleted; "
        "restore it from a backup."
    )


class SchemaTooNew(AppError):
    exit_code = EXIT_DATA
    default_message = (
        "This profile was written by a newer version of Intimacy Desktop. Install the newer version to open it; "
        "nothing was changed."
    )


class DiskFull(AppError):
    exit_code = EXIT_DATA
    default_message = "The disk is full, so the last change could not be saved. Free some space and try again."


class VaultLocked(UsageError):
    default_message = "The journal is locked. Unlock it to go on."


class AlreadyRunning(AppError):
    exit_code = EXIT_USAGE
    default_message = "Intimacy Desktop is already running for this data folder."
