"""The encrypted backup file: a short public header, then the contents in authenticated chunks.

    magic "INTIMACY-BACKUP\\n" | u32 header length | header JSON (format, created, kdf, kdf_salt, file_salt, chunk)
    chunk*: u32 length | AES-256-GCM(file key, nonce = u88 chunk number || final flag, AAD = magic+length+header)

    passphrase key = Argon2id(passphrase, kdf_salt)     (or the derived key a profile keeps for its scheduled backups)
    file key       = HKDF(passphrase key, file_salt, "backup-file/v1")    (a new file_salt for every file)

Why chunks and not one seal: a backup of 10,000 entries is tens of megabytes, and nothing should hold all of it in
memory. Why this framing (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár): the chunk number in
the nonce refuses chunks swapped or moved, the final flag refuses a file cut at a chunk boundary, the AAD refuses a
header edited to ask for other parameters, and a fresh file key per file means two backups under the same
passphrase never share a nonce. The header says nothing about whose data is inside (no profile names: a hidden
profile must stay hidden in a backup folder too).

A wrong passphrase fails the key check in the header; after it, any failure is damage or tampering, said as such.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from intimacy_desktop.core.errors import DataCorrupt, WrongPassphrase
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.kdf_params import SALT_BYTES, KdfOutOfBounds, KdfParams

MAGIC = b"INTIMACY-BACKUP\n"
FORMAT = 1
CHUNK_BYTES = 1 << 20
MAX_CHUNK_BYTES = 16 << 20
_TAG = 16
_MAX_HEADER = 4096
_LEN = struct.Struct(">I")
FILE_KEY_INFO = b"backup-file/v1"
KEY_CHECK_INFO = b"backup-check/v1"


@dataclass(frozen=True)
class BackupHeader:
    created: str  # ISO 8601, UTC: what `backup list` shows without a passphrase
    kdf: KdfParams
    kdf_salt: bytes
    file_salt: bytes
    key_check: bytes  # tells a wrong passphrase from a damaged file before any chunk is opened
    chunk_bytes: int = CHUNK_BYTES

    def to_bytes(self) -> bytes:
        body = {
            "format": FORMAT,
            "created": self.created,
            "kdf": self.kdf.as_json(),
            "kdf_salt": self.kdf_salt.hex(),
            "file_salt": self.file_salt.hex(),
            "key_check": self.key_check.hex(),
            "chunk_bytes": self.chunk_bytes,
        }
        data = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")
        return MAGIC + _LEN.pack(len(data)) + data

    @classmethod
    def parse(cls, data: bytes) -> BackupHeader:
        try:
            body = json.loads(data.decode("ascii"))
            if not isinstance(body, dict):
                raise ValueError("not an object")
            if body.get("format") != FORMAT:
                raise DataCorrupt("backup_format_unknown")
            header = cls(
                created=str(body["created"]),
                kdf=KdfParams.from_json(body["kdf"]),  # bounded before any derivation (a header anyone can edit)
                kdf_salt=bytes.fromhex(body["kdf_salt"]),
                file_salt=bytes.fromhex(body["file_salt"]),
                key_check=bytes.fromhex(body["key_check"]),
                chunk_bytes=int(body["chunk_bytes"]),
            )
        except KdfOutOfBounds as exc:
            raise DataCorrupt("backup_damaged") from exc
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise DataCorrupt("backup_damaged") from exc
        if len(header.kdf_salt) != SALT_BYTES or len(header.file_salt) != SALT_BYTES or len(header.key_check) != 16:
            raise DataCorrupt("backup_damaged")
        if not 4096 <= header.chunk_bytes <= MAX_CHUNK_BYTES:
            raise DataCorrupt("backup_damaged")
        return header


def new_header(kdf: KdfParams, kdf_salt: bytes, pass_key: bytes | bytearray) -> BackupHeader:
    import secrets

    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    file_salt = secrets.token_bytes(SALT_BYTES)
    return BackupHeader(created, kdf, kdf_salt, file_salt, _key_check(pass_key, file_salt), CHUNK_BYTES)


def _key_check(pass_key: bytes | bytearray, file_salt: bytes) -> bytes:
    return crypto.hkdf(bytes(pass_key), file_salt, KEY_CHECK_INFO)[:16]


def check_key(header: BackupHeader, pass_key: bytes | bytearray) -> None:
    """``WrongPassphrase`` unless ``pass_key`` is the one this file was written with."""
    if not hmac.compare_digest(_key_check(pass_key, header.file_salt), header.key_check):
        raise WrongPassphrase("wrong_backup_passphrase")


def passphrase_key(passphrase: str, kdf: KdfParams, kdf_salt: bytes) -> bytearray:
    """The slow step, once per passphrase: a profile's scheduled backups keep this (encrypted) instead of asking."""
    return bytearray(crypto.argon2id(passphrase, kdf_salt, kdf))


def _file_key(pass_key: bytes | bytearray, header: BackupHeader) -> AESGCM:
    return AESGCM(crypto.hkdf(bytes(pass_key), header.file_salt, FILE_KEY_INFO))


def _nonce(n: int, final: bool) -> bytes:
    return n.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


class StreamWriter:
    """Plaintext in, sealed chunks out. ``close()`` seals the last (final) chunk; without it the file is refused."""

    def __init__(self, out: BinaryIO, header: BackupHeader, pass_key: bytes | bytearray) -> None:
        self._out = out
        self._header_bytes = header.to_bytes()
        self._aead = _file_key(pass_key, header)
        self._size = header.chunk_bytes
        self._buf = bytearray()
        self._n = 0
        out.write(self._header_bytes)

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self._buf += data
        while len(self._buf) > self._size:  # strictly more: the last full chunk may turn out to be the final one
            self._seal(bytes(self._buf[: self._size]), final=False)
            del self._buf[: self._size]

    def close(self) -> None:
        self._seal(bytes(self._buf), final=True)
        self._buf.clear()

    def _seal(self, chunk: bytes, *, final: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._n, final), chunk, self._header_bytes)
        self._out.write(_LEN.pack(len(sealed)))
        self._out.write(sealed)
        self._n += 1


def read_header(src: BinaryIO) -> tuple[BackupHeader, bytes]:
    """The header and its exact bytes (the AAD). Anything that is not one of our backups says so."""
    magic = src.read(len(MAGIC))
    if magic != MAGIC:
        raise DataCorrupt("backup_not_a_backup")
    raw_len = src.read(_LEN.size)
    if len(raw_len) != _LEN.size:
        raise DataCorrupt("backup_truncated")
    (length,) = _LEN.unpack(raw_len)
    if length > _MAX_HEADER:
        raise DataCorrupt("backup_damaged")
    data = src.read(length)
    if len(data) != length:
        raise DataCorrupt("backup_truncated")
    return BackupHeader.parse(data), magic + raw_len + data


def chunks(src: BinaryIO, header: BackupHeader, header_bytes: bytes, pass_key: bytes | bytearray) -> Iterator[bytes]:
    """The plaintext, chunk by chunk, each checked before it is given out; refuses a file that is cut short,
    reordered, edited or extended."""
    check_key(header, pass_key)
    aead = _file_key(pass_key, header)
    limit = header.chunk_bytes + _TAG
    n = 0
    while True:
        raw_len = src.read(_LEN.size)
        if len(raw_len) != _LEN.size:
            raise DataCorrupt("backup_truncated")  # no final chunk came
        (length,) = _LEN.unpack(raw_len)
        if not _TAG <= length <= limit:
            raise DataCorrupt("backup_damaged")
        sealed = src.read(length)
        if len(sealed) != length:
            raise DataCorrupt("backup_truncated")
        plain, final = _open_chunk(aead, n, sealed, header_bytes)
        yield plain
        n += 1
        if final:
            break
    if src.read(1):
        raise DataCorrupt("backup_damaged")  # something was added after the end


def _open_chunk(aead: AESGCM, n: int, sealed: bytes, aad: bytes) -> tuple[bytes, bool]:
    for final in (False, True):
        try:
            return aead.decrypt(_nonce(n, final), sealed, aad), final
        except InvalidTag:
            continue
    raise DataCorrupt("backup_damaged")  # the key checked out: the chunk was changed, moved or cut


class PlainReader:
    """The checked plaintext as a file-like ``read(n)``: exact reads or ``DataCorrupt`` (the inner framing)."""

    def __init__(self, source: Iterator[bytes]) -> None:
        self._source = source
        self._buf = bytearray()

    def read(self, n: int) -> bytes:
        while len(self._buf) < n:
            try:
                self._buf += next(self._source)
            except StopIteration:
                raise DataCorrupt("backup_damaged") from None
        out = bytes(self._buf[:n])
        del self._buf[:n]
        return out

    def at_end(self) -> bool:
        if self._buf:
            return False
        for more in self._source:  # runs the checks of the chunks that are left, final flag and trailing bytes
            if more:
                self._buf += more
                return False
        return True
