"""Create and unlock vaults: the key hierarchy of DESIGN.md §4.

    DEK = random 32 bytes (the SQLCipher raw key)     DS = random 32 bytes in the OS keyring
    PK  = Argon2id(passphrase) or b"" without one      KEK = HKDF(PK || DS, salt, "kek/v1")
    wrapped_dek = AES-GCM(KEK, DEK, AAD=header)        recovery_wrapped_dek = AES-GCM(HKDF(code), DEK, AAD=header)
    with the keyring: ds_id = HKDF(DS, "ds-id/v1")       header_mac = HMAC(HKDF(DS, "header-mac/v1"), header)

Nothing here ever creates a new DS or DEK for a folder that already has a vault.json, and no failure writes a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from intimacy_desktop.core import recovery_code
from intimacy_desktop.core.errors import (
    HeaderCorrupt,
    KeyringBackendChanged,
    KeyringMismatch,
    KeyringSecretMissing,
    UsageError,
    WrongPassphrase,
    WrongRecoveryCode,
)
from intimacy_desktop.storage import crypto
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


@dataclass(frozen=True)
class CreatedVault:
    folder: Path
    header: VaultHeader
    dek: bytes
    recovery_code: str


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
    )
    dek = crypto.random_key()
    code = recovery_code.new_code()
    header = _seal(header, dek, _kek(header, passphrase, ds), code, ds)
    ensure_private_dir(folder)
    if store is not None:
        store.put(vault_id, ds)  # before the header: a header must never point at a secret that was not stored
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
    return header, dek


def unlock_with_recovery(folder: Path, code: str) -> tuple[VaultHeader, bytes]:
    header = read_header(folder)
    dek = crypto.open_sealed(_recovery_key(code, header.salt), header.recovery_wrapped_dek, header.aad())
    if dek is None:
        raise WrongRecoveryCode()
    return header, dek


def rekey_access(
    folder: Path,
    header: VaultHeader,
    dek: bytes,
    new_passphrase: str | None,
    store: SecretStore | None,
    kdf: crypto.KdfParams | None = None,
) -> tuple[VaultHeader, str]:
    """Wrap the same DEK anew: a passphrase change, or fresh access after a recovery-code unlock.

    The data is never re-encrypted; a new device secret is made only here, when the person has proved they hold
    the DEK. A new recovery code is issued too, because the old one is bound to the old header.
    """
    if new_passphrase == "":
        new_passphrase = None
    if store is None and new_passphrase is None:
        raise UsageError("passphrase_required_without_keyring")
    salt = secrets.token_bytes(crypto.SALT_BYTES)
    ds = b""
    backend = ds_check = None
    if store is not None:
        backend = store.backend_name()
        ds = crypto.random_key()
        ds_check = _ds_check(ds, salt)
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
    )
    code = recovery_code.new_code()
    fresh = _seal(fresh, dek, _kek(fresh, new_passphrase, ds), code, ds)
    previous = None
    if store is not None:
        previous = store.get(header.vault_id)
        store.put(header.vault_id, ds)
    try:
        write_header(folder, fresh)
    except BaseException:
        if store is not None:  # the old header is still in place: give it back the secret it was made with
            with contextlib.suppress(Exception):
                if previous is None:
                    store.delete(header.vault_id)
                else:
                    store.put(header.vault_id, previous)
        raise
    return fresh, code


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
    if store.backend_name() != header.keyring_backend:
        raise KeyringBackendChanged()
    ds = store.get(header.vault_id)
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
