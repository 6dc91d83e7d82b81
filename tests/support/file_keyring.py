"""A keyring backend that keeps secrets in a JSON file: for subprocess tests only, never shipped.

Selected with PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring (tests/support on PYTHONPATH); the file is named by
TEST_KEYRING_FILE. TEST_KEYRING_STATE=locked or =unavailable simulates a locked or missing keyring.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError


class FileKeyring(KeyringBackend):
    priority = 1

    def _path(self) -> Path:
        return Path(os.environ["TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        state = os.environ.get("TEST_KEYRING_STATE", "")
        if state == "locked":
            raise KeyringLocked("test keyring is locked")
        if state == "unavailable":
            raise NoKeyringError("test keyring is unavailable")
        try:
            return dict(json.loads(self._path().read_text()))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self._path().write_text(json.dumps(data))
