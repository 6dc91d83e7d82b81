"""vault.json: the small plaintext header beside each encrypted database.

It holds no user content: a neutral label for the profile picker, the KDF parameters, salts, and the wrapped database
key. ``checksum`` catches accidental damage (a truncated copy, a flipped byte) so that it is reported as damage rather
than as a wrong passphrase; deliberate tampering still fails the AES-GCM tag because the rest of the header is the AAD.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from pathlib import Path
from typing import Any, NamedTuple

from intimacy_desktop.core.errors import HeaderCorrupt, SchemaTooNew
from intimacy_desktop.storage.fsutil import atomic_write_bytes
from intimacy_desktop.storage.kdf_params import SALT_BYTES, KdfParams

HEADER_NAME = "vault.json"
FORMAT = "intimacy-desktop-vault"
HEADER_VERSION = 1
MODE_KEYRING = "keyring"
MODE_PASSPHRASE_ONLY = "passphrase-only"
LABEL_MAX = 60


class VaultHeader(NamedTuple):
    vault_id: str
    label: str
    created: str
    kdf: KdfParams | None  # None: the profile has no passphrase
    salt: bytes
    key_mode: str  # MODE_KEYRING or MODE_PASSPHRASE_ONLY (the person's recorded consent)
    keyring_backend: str | None
    ds_check: bytes | None
    wrapped_dek: bytes = b""
    recovery_wrapped_dek: bytes = b""
    version: int = HEADER_VERSION

    @property
    def has_passphrase(self) -> bool:
        return self.kdf is not None

    @property
    def uses_keyring(self) -> bool:
        return self.key_mode == MODE_KEYRING

    def _public_fields(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "label": self.label,
            "created": self.created,
            "kdf": self.kdf.as_json() if self.kdf else None,
            "salt": _b64(self.salt),
            "key_mode": self.key_mode,
            "keyring_backend": self.keyring_backend,
            "ds_check": _b64(self.ds_check) if self.ds_check is not None else None,
        }

    def aad(self) -> bytes:
        """The header's canonical JSON without the sealed keys: bound to both wrapped keys as AAD."""
        return _canonical(self._public_fields())

    def with_sealed(self, wrapped_dek: bytes, recovery_wrapped_dek: bytes) -> VaultHeader:
        return self._replace(wrapped_dek=wrapped_dek, recovery_wrapped_dek=recovery_wrapped_dek)

    def to_bytes(self) -> bytes:
        body = self._public_fields()
        body["wrapped_dek"] = _b64(self.wrapped_dek)
        body["recovery_wrapped_dek"] = _b64(self.recovery_wrapped_dek)
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return json.dumps(body, indent=2, sort_keys=True).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> VaultHeader:
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HeaderCorrupt() from exc
        if not isinstance(body, dict):
            raise HeaderCorrupt()
        checksum = body.pop("checksum", None)
        if checksum != hashlib.sha256(_canonical(body)).hexdigest():
            raise HeaderCorrupt()
        if body.get("format") != FORMAT:
            raise HeaderCorrupt()
        version = body.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise HeaderCorrupt()
        if version > HEADER_VERSION:
            raise SchemaTooNew()
        try:
            header = cls(
                vault_id=_text(body["vault_id"], 64),
                label=_text(body["label"], LABEL_MAX),
                created=_text(body["created"], 40),
                kdf=KdfParams.from_json(body["kdf"]) if body["kdf"] is not None else None,
                salt=_unb64(body["salt"]),
                key_mode=_text(body["key_mode"], 20),
                keyring_backend=(
                    _text(body["keyring_backend"], 200) if body["keyring_backend"] is not None else None
                ),
                ds_check=_unb64(body["ds_check"]) if body["ds_check"] is not None else None,
                wrapped_dek=_unb64(body["wrapped_dek"]),
                recovery_wrapped_dek=_unb64(body["recovery_wrapped_dek"]),
                version=version,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise HeaderCorrupt() from exc
        if header.key_mode not in (MODE_KEYRING, MODE_PASSPHRASE_ONLY) or len(header.salt) != SALT_BYTES:
            raise HeaderCorrupt()
        if header.uses_keyring != (header.ds_check is not None and header.keyring_backend is not None):
            raise HeaderCorrupt()
        if not header.uses_keyring and header.kdf is None:
            raise HeaderCorrupt()  # neither keyring nor passphrase: such a header is never written
        return header


def read_header(folder: Path) -> VaultHeader:
    path = folder / HEADER_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise HeaderCorrupt("header_missing") from exc
    return VaultHeader.from_bytes(data)


def write_header(folder: Path, header: VaultHeader) -> None:
    atomic_write_bytes(folder / HEADER_NAME, header.to_bytes())


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise ValueError("expected base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise ValueError("bad base64") from exc


def _text(value: object, limit: int) -> str:
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ValueError("expected short text")
    return value
