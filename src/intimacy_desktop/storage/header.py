"""vault.json: the small plaintext header beside each encrypted database.

It holds no user content: a neutral label for the profile picker, the KDF parameters, salts, and the wrapped database
key. ``checksum`` catches accidental damage (a truncated copy, a flipped byte) so that it is reported as damage rather
than as a wrong passphrase; deliberate tampering still fails the AES-GCM tag because the rest of the header is the AAD.

In the keyring modes (version 2 on) the device secret also tells tampering from a wrong passphrase, before any key
derivation: ``ds_id`` says whether the keyring holds this profile's secret (it depends on nothing else), and
``header_mac``, an HMAC under that secret over the same canonical JSON, says whether anything public was rewritten —
a salt, the KDF parameters — even with the checksum recomputed. A passphrase-only header has nothing but the
passphrase to check it, so there a rewrite still reads as a wrong passphrase (docs/DECISIONS.md).
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
from intimacy_desktop.storage.kdf_params import (
    MAX_MEMORY_KIB,
    MAX_UNLOCK_SECONDS,
    SALT_BYTES,
    KdfOutOfBounds,
    KdfParams,
)

HEADER_NAME = "vault.json"
FORMAT = "intimacy-desktop-vault"
HEADER_VERSION = 3  # 2: ds_id and header_mac (keyring modes); 3: keyring_entry, seen_seq and seen_mac
# Versions 1 and 2 open as they always did; the next write of the header (a re-key) makes it version 3.
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
    ds_id: bytes | None = None  # keyring modes: identifies the device secret, independent of every other field
    header_mac: bytes | None = None  # keyring modes: HMAC under the device secret over aad()
    keyring_entry: str | None = None  # version 3, keyring modes: the keyring item's name (before: the vault id)
    # Version 3: the highest commit counter this profile's database was seen to reach, and an HMAC over it under a
    # key derived from the DEK. Outside the AAD, so that a close can raise it without re-wrapping any key; a
    # database older than it was put in place (a rollback, DESIGN.md §4).
    seen_seq: int = 0
    seen_mac: bytes | None = None

    @property
    def has_passphrase(self) -> bool:
        return self.kdf is not None

    @property
    def uses_keyring(self) -> bool:
        return self.key_mode == MODE_KEYRING

    @property
    def keyring_name(self) -> str:
        """The name of this profile's item in the keyring."""
        return self.keyring_entry or self.vault_id

    def __repr__(self) -> str:  # the wrapped keys and MACs are not secrets, but a log has no use for them either
        return f"VaultHeader(vault_id={self.vault_id!r}, version={self.version}, key_mode={self.key_mode!r})"

    def _public_fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
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
        if self.ds_id is not None:  # absent from version 1 headers, whose AAD was made without it
            fields["ds_id"] = _b64(self.ds_id)
        if self.keyring_entry is not None:
            fields["keyring_entry"] = self.keyring_entry
        return fields

    def aad(self) -> bytes:
        """The header's canonical JSON without the sealed keys: bound to both wrapped keys as AAD."""
        return _canonical(self._public_fields())

    def with_sealed(self, wrapped_dek: bytes, recovery_wrapped_dek: bytes) -> VaultHeader:
        return self._replace(wrapped_dek=wrapped_dek, recovery_wrapped_dek=recovery_wrapped_dek)

    def to_bytes(self) -> bytes:
        body = self._public_fields()
        body["wrapped_dek"] = _b64(self.wrapped_dek)
        body["recovery_wrapped_dek"] = _b64(self.recovery_wrapped_dek)
        if self.header_mac is not None:
            body["header_mac"] = _b64(self.header_mac)
        if self.seen_mac is not None:
            body["seen_seq"] = self.seen_seq
            body["seen_mac"] = _b64(self.seen_mac)
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
            kdf = KdfParams.from_json(body["kdf"]) if body["kdf"] is not None else None
        except KdfOutOfBounds as exc:
            raise HeaderCorrupt("kdf_out_of_bounds", seconds=MAX_UNLOCK_SECONDS, mib=MAX_MEMORY_KIB // 1024) from exc
        except (KeyError, TypeError, ValueError) as exc:
            raise HeaderCorrupt() from exc
        try:
            header = cls(
                vault_id=_text(body["vault_id"], 64),
                label=_text(body["label"], LABEL_MAX),
                created=_text(body["created"], 40),
                kdf=kdf,
                salt=_unb64(body["salt"]),
                key_mode=_text(body["key_mode"], 20),
                keyring_backend=(
                    _text(body["keyring_backend"], 200) if body["keyring_backend"] is not None else None
                ),
                ds_check=_unb64(body["ds_check"]) if body["ds_check"] is not None else None,
                wrapped_dek=_unb64(body["wrapped_dek"]),
                recovery_wrapped_dek=_unb64(body["recovery_wrapped_dek"]),
                version=version,
                ds_id=_unb64(body["ds_id"]) if "ds_id" in body else None,
                header_mac=_unb64(body["header_mac"]) if "header_mac" in body else None,
                keyring_entry=_text(body["keyring_entry"], 100) if "keyring_entry" in body else None,
                seen_seq=_count(body["seen_seq"]) if "seen_seq" in body else 0,
                seen_mac=_unb64(body["seen_mac"]) if "seen_mac" in body else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise HeaderCorrupt() from exc
        if header.key_mode not in (MODE_KEYRING, MODE_PASSPHRASE_ONLY) or len(header.salt) != SALT_BYTES:
            raise HeaderCorrupt()
        if header.uses_keyring != (header.ds_check is not None and header.keyring_backend is not None):
            raise HeaderCorrupt()
        if not header.uses_keyring and header.kdf is None:
            raise HeaderCorrupt()  # neither keyring nor passphrase: such a header is never written
        if (header.ds_id is None) != (header.header_mac is None) or (header.ds_id is not None) != (
            header.uses_keyring and version >= 2
        ):
            raise HeaderCorrupt()  # version 2 writes both in the keyring modes, and neither otherwise
        if ("seen_seq" in body) != ("seen_mac" in body):
            raise HeaderCorrupt()
        if (header.seen_mac is not None) != (version >= 3) or (header.keyring_entry is not None) != (
            header.uses_keyring and version >= 3
        ):
            raise HeaderCorrupt()  # version 3 writes seen_seq and seen_mac always, keyring_entry with the keyring
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


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**62:
        raise ValueError("expected a count")
    return value


def _text(value: object, limit: int) -> str:
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ValueError("expected short text")
    return value
