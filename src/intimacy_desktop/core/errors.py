"""Failures a person can meet: each is a stable ``code`` with its ``params``, and a CLI exit code.

No sentence is written here or at a raise site: the words live in one table, ``intimacy_desktop.messages``, keyed by
the code. The GUI turns an error into text with ``gui.error_text.error_text`` (through Qt's translator); the CLI with
``messages.english_text``. Keeping the codes and exit codes here means the two front ends never disagree about what
went wrong, and a second language is a translation file, not a change to this code.

A subclass names its usual code; a raise site may pass a more precise one (``DataCorrupt("database_empty")``) with
the values its message needs as keyword parameters (``UsageError("title_too_long", max=300)``).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_WRONG_SECRET = 3
EXIT_KEYRING = 4
EXIT_DATA = 5

Params = dict[str, str | int]


class AppError(Exception):
    """Base of every error that is shown to a person."""

    exit_code = EXIT_USAGE
    code = "unexpected"

    def __init__(self, code: str | None = None, /, **params: str | int) -> None:
        self.code = code or type(self).code
        self.params: Params = params
        super().__init__(self.code)  # str(error) is the code: tracebacks and logs never hold the person's words

    @property
    def message(self) -> str:
        """The English text, as the CLI prints it. GUI code shows ``gui.error_text.error_text(error)`` instead."""
        from intimacy_desktop.messages import english_text  # the table imports nothing of ours: no cycle

        return english_text(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, params={sorted(self.params)})"


class UsageError(AppError):
    exit_code = EXIT_USAGE
    code = "invalid_request"


class ProfileNotFound(UsageError):
    code = "profile_not_found"  # params: name


class ProfileExists(UsageError):
    code = "profile_exists"  # params: name


class EntryDataInvalid(UsageError):
    """An entry given as data (a saved draft, an import file) that does not have the expected form."""

    code = "entry_data_invalid"  # or "entry_field_invalid", params: field


class WrongPassphrase(AppError):
    exit_code = EXIT_WRONG_SECRET
    code = "wrong_passphrase"


class WrongRecoveryCode(AppError):
    exit_code = EXIT_WRONG_SECRET
    code = "wrong_recovery_code"


class KeyringUnavailable(AppError):
    exit_code = EXIT_KEYRING
    code = "keyring_unavailable"


class KeyringLocked(AppError):
    exit_code = EXIT_KEYRING
    code = "keyring_locked"


class KeyringSecretMissing(AppError):
    exit_code = EXIT_KEYRING
    code = "keyring_secret_missing"


class KeyringMismatch(AppError):
    exit_code = EXIT_KEYRING
    code = "keyring_mismatch"


class KeyringBackendChanged(AppError):
    exit_code = EXIT_KEYRING
    code = "keyring_backend_changed"


class DataCorrupt(AppError):
    exit_code = EXIT_DATA
    code = "data_corrupt"


class HeaderCorrupt(DataCorrupt):
    code = "header_corrupt"


class SchemaTooNew(AppError):
    exit_code = EXIT_DATA
    code = "schema_too_new"


class DiskFull(AppError):
    exit_code = EXIT_DATA
    code = "disk_full"


class VaultLocked(UsageError):
    code = "vault_locked"


class AlreadyRunning(AppError):
    exit_code = EXIT_USAGE
    code = "already_running"


class ImportRefused(AppError):
    """A file offered for import that is refused as a whole (core/interchange.py): nothing of it is imported."""

    exit_code = EXIT_DATA
    code = "import_refused"  # or a precise "import_..." code with its params
