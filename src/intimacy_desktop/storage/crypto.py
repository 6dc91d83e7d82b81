"""The key hierarchy's primitives (DESIGN.md §4): Argon2id, HKDF-SHA256 and AES-256-GCM, nothing home-made."""

from __future__ import annotations

import secrets
import time

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from intimacy_desktop.storage.kdf_params import FLOOR_MEMORY_KIB as FLOOR_MEMORY_KIB
from intimacy_desktop.storage.kdf_params import FLOOR_PARALLELISM as FLOOR_PARALLELISM
from intimacy_desktop.storage.kdf_params import FLOOR_TIME_COST as FLOOR_TIME_COST
from intimacy_desktop.storage.kdf_params import MAX_TIME_COST as MAX_TIME_COST
from intimacy_desktop.storage.kdf_params import SALT_BYTES as SALT_BYTES
from intimacy_desktop.storage.kdf_params import KdfParams as KdfParams
from intimacy_desktop.storage.secret_bytes import wipe_immutable

KEY_BYTES = 32
NONCE_BYTES = 12
TARGET_SECONDS = 1.0

# Tests and the kill -9 harness create hundreds of profiles with these. Only code passes them, to a constructor
# (``ProfileService(..., kdf=FAST_TEST_PARAMS)``); no variable or flag of the program reaches them (DESIGN.md §4).
FAST_TEST_PARAMS = KdfParams(time_cost=1, memory_kib=64, parallelism=1)


def argon2id(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    encoded = passphrase.encode("utf-8")  # a copy of our own: overwritten once hashed (no key after lock)
    try:
        return hash_secret_raw(
            encoded,
            salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
    finally:
        wipe_immutable(encoded)


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Pick Argon2id parameters that take about ``target_seconds`` on this machine, never below the floor."""
    floor = KdfParams(FLOOR_TIME_COST, FLOOR_MEMORY_KIB, FLOOR_PARALLELISM)
    start = time.perf_counter()
    argon2id("calibration", b"\0" * SALT_BYTES, floor)
    elapsed = max(time.perf_counter() - start, 1e-3)
    time_cost = round(FLOOR_TIME_COST * target_seconds / elapsed)
    return KdfParams(max(FLOOR_TIME_COST, min(MAX_TIME_COST, time_cost)), FLOOR_MEMORY_KIB, FLOOR_PARALLELISM)


def hkdf(material: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(material)


def random_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, sealed: bytes, aad: bytes) -> bytes | None:
    """The plaintext, or None when the key is wrong or anything (ciphertext, nonce, AAD) was altered."""
    if len(sealed) < NONCE_BYTES + 16:
        return None
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag:
        return None
