"""Create and unlock vaults: the key hierarchy of DESIGN.md §4.

    DEK = random 32 bytes (the SQLCipher raw key)     DS = random 32 bytes in the OS keyring
    PK  = Argon2id(passphrase) or b"" without one      KEK = HKDF(PK || DS, salt, "kek/v1")
    wrapped_dek = AES-GCM(KEK, DEK, AAD=header)        recovery_wrapped_dek = AES-GCM(HKDF(code), DEK, AAD=header)
    with the keyring: ds_id = HKDF(DS, "ds-id/v1")       header_mac = HMAC(HKDF(DS, "header-mac/v1"), header)

A new DS and DEK for a folder that has a vault.json are made only by ``rekey_access``, after the person proved they
hold the DEK, and crash-safely (storage/rekey.py); no failure leaves a file changed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from intimacy_desktop.core import recovery_code
from intimacy_desktop.core.errors import (
    HeaderCorrupt,
    KeyringMismatch,
    KeyringSecretMissing,
    UsageError,
    WrongPassphrase,
    WrongRecoveryCode,
)
from intimacy_desktop.storage import crypto, in_use, rekey
from intimacy_desktop.storage.device_secret import SecretStore
from intimacy_desktop.storage.fsutil import ensure_private_dir
from intimacy_desktop.storage.header import (
    HEADER_NAME,
    HEADER_VERSION,
    LABEL_MAX,
    MODE_KEYRING,
    MODE_PASSPHRASE_ONLY,
    VaultHeader,
    read_header,
    write_header,
)

KEK_INFO = b"kek/v1"
RECOVERY_INFO = b"recovery/v1"
DS_CHECK_INFO = b"ds-check/v1"
DS_ID_INFO = b"ds-id/v1"
HEADER_MAC_INFO = b"header-mac/v1"
SEEN_INFO = b"seen-seq/v1"


@dataclass(frozen=True)
class CreatedVault:
    folder: Path
    header: VaultHeader
    dek: bytes = field(repr=False)  # repr()s reach logs and tracebacks: no secret in them
    recovery_code: str = field(repr=False)


def create_vault(
    folder: Path,
    label: str,
    passphrase: str | None,
    store: SecretStore | None,
    kdf: crypto.KdfParams | None = None,
) -> CreatedVault:
    """A new vault in an empty ``folder``. ``store=None`` is passphrase-only mode, which needs the person's consent."""
    label = label.strip()
    if not label or len(label) > LABEL_MAX:
        raise UsageError("label_length", max=LABEL_MAX)
    if passphrase == "":
        passphrase = None
    if store is None and passphrase is None:
        raise UsageError("passphrase_required_without_keyring")
    if (folder / HEADER_NAME).exists():
        raise UsageError("folder_has_profile")
    backend = store.backend_name() if store is not None else None  # fails before anything is written

    vault_id = secrets.token_hex(16)
    salt = secrets.token_bytes(crypto.SALT_BYTES)
    ds = b""
    ds_check = None
    if store is not None:
        ds = crypto.random_key()
        ds_check = _ds_check(ds, salt)
    params = (kdf or crypto.calibrate()) if passphrase is not None else None
    header = VaultHeader(
        vault_id=vault_id,
        label=label,
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        kdf=params,
        salt=salt,
        key_mode=MODE_KEYRING if store is not None else MODE_PASSPHRASE_ONLY,
        keyring_backend=backend,
        ds_check=ds_check,
        ds_id=_ds_id(ds) if store is not None else None,
        keyring_entry=vault_id if store is not None else None,
    )
    dek = crypto.random_key()
    code = recovery_code.new_code()
    header = with_seen(_seal(header, dek, _kek(header, passphrase, ds), code, ds), seen_key(dek), 0)
    ensure_private_dir(folder)
    if store is not None:
        store.put(header.keyring_name, ds)  # before the header: it must never point at a secret that was not stored
    write_header(folder, header)
    return CreatedVault(folder, header, dek, code)


def unlock(folder: Path, passphrase: str | None, store: SecretStore | None) -> tuple[VaultHeader, bytes]:
    """The DEK, or the precise reason it cannot be had. Reads only; never writes."""
    header = read_header(folder)
    ds = _device_secret(header, store)
    if header.has_passphrase and not passphrase:
        raise WrongPassphrase("passphrase_needed")
    dek = crypto.open_sealed(_kek(header, passphrase, ds), header.wrapped_dek, header.aad())
    if dek is None:
        if not header.has_passphrase:
            raise HeaderCorrupt()  # the device secret checked out, so only the header can be wrong
        raise WrongPassphrase()
    if not seen_checks_out(header, seen_key(dek)):
        raise HeaderCorrupt("header_tampered")
    return header, dek


def unlock_with_recovery(folder: Path, code: str) -> tuple[VaultHeader, bytes]:
    header = read_header(folder)
    dek = crypto.open_sealed(_recovery_key(code, header.salt), header.recovery_wrapped_dek, header.aad())
    if dek is None:
        raise WrongRecoveryCode()
    if not seen_checks_out(header, seen_key(dek)):
        raise HeaderCorrupt("header_tampered")
    return header, dek


def rekey_access(
    folder: Path,
    header: VaultHeader,
    dek: bytes | bytearray,
    new_passphrase: str | None,
    store: SecretStore | None,
    kdf: crypto.KdfParams | None = None,
    *,
    progress: rekey.Progress | None = None,
) -> tuple[VaultHeader, bytes, str]:
    """Replace every secret: a new DEK with the database re-encrypted under it, a new salt, device secret and
    recovery code, wrapped for ``new_passphrase``. Returns the new header, the new DEK and the new recovery code.

    For recovery, a passphrase change and a new recovery code alike (DESIGN.md §4): whoever kept a copy of the old
    vault.json and knows the old code or passphrase opens only the database as it was, never what is written after.
    The caller has closed its own connection to the database; nobody else may have it open (``profile_in_use``).
    Crash-safe: see storage/rekey.py. The new device secret goes to a keyring item of its own, so that until the new
    header is in place the old item still opens the old header; the old item is deleted afterwards.
    """
    if new_passphrase == "":
        new_passphrase = None
    if store is None and new_passphrase is None:
        raise UsageError("passphrase_required_without_keyring")
    salt = secrets.token_bytes(crypto.SALT_BYTES)
    ds = b""
    backend = ds_check = entry = None
    if store is not None:
        backend = store.backend_name()
        ds = crypto.random_key()
        ds_check = _ds_check(ds, salt)
        entry = f"{header.vault_id}.{secrets.token_hex(4)}"
    # The header's parameters are kept only when they are at the floor or above: what was made with cheap ones
    # (by a test, through a constructor) is calibrated anew, never carried on by the shipped program.
    kept = header.kdf if header.kdf is not None and header.kdf.at_or_above_floor() else None
    params = (kdf or kept or crypto.calibrate()) if new_passphrase is not None else None
    fresh = header._replace(
        kdf=params,
        salt=salt,
        key_mode=MODE_KEYRING if store is not None else MODE_PASSPHRASE_ONLY,
        keyring_backend=backend,
        ds_check=ds_check,
        wrapped_dek=b"",
        recovery_wrapped_dek=b"",
        version=HEADER_VERSION,
        ds_id=_ds_id(ds) if store is not None else None,
        header_mac=None,
        keyring_entry=entry,
    )
    new_dek = crypto.random_key()
    code = recovery_code.new_code()
    fresh = _seal(fresh, new_dek, _kek(fresh, new_passphrase, ds), code, ds)
    with in_use.exclusively(folder):
        if entry is not None and store is not None:
            store.put(entry, ds)  # a new item: the old header's own item stays until the new header is in place
        try:
            seq = rekey.export(folder, dek, new_dek, progress)
            fresh = with_seen(fresh, seen_key(new_dek), seq)
            write_header(folder, fresh)  # the moment of the change
        except BaseException:
            rekey.abandon(folder)
            if entry is not None and store is not None:
                with contextlib.suppress(Exception):
                    store.delete(entry)
            raise
        rekey.finish(folder)
    if store is not None and header.uses_keyring and header.keyring_name != entry:
        with contextlib.suppress(Exception):  # best effort: the old item opens only the old header
            store.delete(header.keyring_name)
    return fresh, new_dek, code


def seen_key(dek: bytes | bytearray) -> bytearray:
    """The key of the header's ``seen_mac``, derived from the DEK: what an open profile keeps instead of the DEK
    to raise ``seen_seq`` on close. A bytearray, for the caller to wipe."""
    return bytearray(crypto.hkdf(bytes(dek), b"", SEEN_INFO))


def with_seen(header: VaultHeader, key: bytes | bytearray, seq: int) -> VaultHeader:
    """The header, saying the database was seen at commit ``seq`` (authenticated under ``seen_key``)."""
    return header._replace(seen_seq=seq, seen_mac=_seen_mac(key, header.vault_id, seq))


def seen_checks_out(header: VaultHeader, key: bytes | bytearray) -> bool:
    if header.seen_mac is None:
        return header.version < 3
    return hmac.compare_digest(_seen_mac(key, header.vault_id, header.seen_seq), header.seen_mac)


def record_seen(folder: Path, key: bytes | bytearray, seq: int, *, lower: bool = False) -> VaultHeader | None:
    """Raise the header's ``seen_seq`` to ``seq`` (on close); the header written, or None when nothing changed.
    ``lower``: set it even when smaller (an older copy accepted on purpose). Only a header whose ``seen_mac`` is
    under ``key``: one re-keyed since is left alone. Version 1 and 2 headers have no place for it."""
    current = read_header(folder)
    if current.version < 3 or not seen_checks_out(current, key):
        return None
    if seq == current.seen_seq or (seq < current.seen_seq and not lower):
        return None
    fresh = with_seen(current, key, seq)
    write_header(folder, fresh)
    return fresh


def _seen_mac(key: bytes | bytearray, vault_id: str, seq: int) -> bytes:
    return hmac.new(bytes(key), f"{vault_id}:{seq}".encode("ascii"), "sha256").digest()


def _seal(header: VaultHeader, dek: bytes, kek: bytes, code: str, ds: bytes) -> VaultHeader:
    aad = header.aad()
    sealed = header.with_sealed(
        crypto.seal(kek, dek, aad),
        crypto.seal(_recovery_key(code, header.salt), dek, aad),
    )
    return sealed._replace(header_mac=_header_mac(ds, header)) if header.ds_id is not None else sealed


def _device_secret(header: VaultHeader, store: SecretStore | None) -> bytes:
    if not header.uses_keyring:
        return b""
    if store is None:
        raise KeyringSecretMissing()
    assert header.keyring_backend is not None  # read_header makes sure a keyring header names its backend
    ds = store.read(header.keyring_backend, header.keyring_name)  # KeyringBackendChanged when it is another
    if ds is None:
        raise KeyringSecretMissing()
    if header.ds_id is not None:  # version 2: tell another secret from a rewritten header, before any derivation
        if not hmac.compare_digest(_ds_id(ds), header.ds_id):
            raise KeyringMismatch()
        assert header.header_mac is not None  # read_header makes sure of both or neither
        if not hmac.compare_digest(_header_mac(ds, header), header.header_mac):
            raise HeaderCorrupt("header_tampered")
    assert header.ds_check is not None
    if not hmac.compare_digest(_ds_check(ds, header.salt), header.ds_check):
        raise KeyringMismatch()
    return ds


def _kek(header: VaultHeader, passphrase: str | None, ds: bytes) -> bytes:
    pk = crypto.argon2id(passphrase, header.salt, header.kdf) if header.kdf and passphrase else b""
    return crypto.hkdf(pk + ds, header.salt, KEK_INFO)


def _ds_check(ds: bytes, salt: bytes) -> bytes:
    return crypto.hkdf(ds, salt, DS_CHECK_INFO)[:16]


def _ds_id(ds: bytes) -> bytes:
    return crypto.hkdf(ds, b"", DS_ID_INFO)[:16]


def _header_mac(ds: bytes, header: VaultHeader) -> bytes:
    return hmac.new(crypto.hkdf(ds, b"", HEADER_MAC_INFO), header.aad(), "sha256").digest()


def _recovery_key(code: str, salt: bytes) -> bytes:
    return crypto.hkdf(recovery_code.parse_code(code), salt, RECOVERY_INFO)
