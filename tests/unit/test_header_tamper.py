"""vault.json tampered with deliberately, the checksum recomputed: still refused, never a DEK, never a write.

There the error may be WrongPassphrase, because the AES-GCM tag cannot tell a wrong key from altered associated
data. (Accidental damage: test_header_damage.py.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from header_tamper_support import BODY_KEYS, HEADER_KEYS, PASSPHRASE, Setup, flip_b64, snapshot, tamper_cases

from intimacy_desktop.core.errors import (
    EXIT_DATA,
    AppError,
    HeaderCorrupt,
    KeyringBackendChanged,
    KeyringMismatch,
    KeyringSecretMissing,
    SchemaTooNew,
    WrongPassphrase,
    WrongRecoveryCode,
)
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.vault import create_vault, unlock, unlock_with_recovery

# Refusals acceptable when someone rewrote the header *and* its checksum.
TAMPER_REFUSALS = (
    WrongPassphrase,
    HeaderCorrupt,
    SchemaTooNew,
    KeyringSecretMissing,
    KeyringMismatch,
    KeyringBackendChanged,
)


def test_the_header_has_the_fields_this_file_expects() -> None:
    # Guards the parametrisation: if a field is added, it is tampered with below automatically.
    assert {"checksum", "version", "kdf", "salt", "wrapped_dek", "recovery_wrapped_dek"} <= set(HEADER_KEYS)
    assert len(HEADER_KEYS) >= 13


def attempt(action: Callable[[], bytes]) -> bytes | AppError:
    """The DEK, or the AppError raised; anything else (a TypeError from a malformed field, say) propagates."""
    try:
        return action()
    except AppError as exc:
        return exc


# ---- deliberate tampering: the checksum recomputed ----------------------------------------------------------------


@pytest.mark.parametrize("key", BODY_KEYS)
def test_tampered_field_with_recomputed_checksum_never_yields_a_dek(setup: Setup, key: str) -> None:
    true_dek = setup.created.dek
    for name, body in tamper_cases(key, setup.body):
        setup.write_body(body, recompute=True)
        before = snapshot(setup.folder)

        # The passphrase/keyring path authenticates every public field and wrapped_dek; recovery_wrapped_dek is
        # not its business, so a different (well-formed) one may still give the true DEK, and only that.
        outcome = attempt(setup.unlock)
        if isinstance(outcome, bytes):
            assert key == "recovery_wrapped_dek", f"{key}/{name} was accepted"
            assert outcome == true_dek
        else:
            assert isinstance(outcome, TAMPER_REFUSALS), f"{key}/{name}: {type(outcome).__name__}"
            assert outcome.exit_code in (3, 4, 5)
            if setup.passphrase is None and key != "kdf":
                # No passphrase was set, so none can be wrong: only a header that now claims one may ask for it.
                assert not isinstance(outcome, WrongPassphrase), f"{key}/{name}"
        if key == "recovery_wrapped_dek" and name == "changed":
            assert setup.unlock() == true_dek  # proves the refusals above are not blanket failures

        # The recovery path authenticates every public field and recovery_wrapped_dek, not wrapped_dek, nor the
        # header_mac, which needs the device secret the recovery path does without.
        outcome = attempt(lambda: unlock_with_recovery(setup.folder, setup.created.recovery_code)[1])
        if isinstance(outcome, bytes):
            assert key in ("wrapped_dek", "header_mac"), f"{key}/{name} was accepted by the recovery path"
            assert outcome == true_dek
        else:
            assert isinstance(outcome, (WrongRecoveryCode, HeaderCorrupt, SchemaTooNew)), f"{key}/{name}: {outcome!r}"
            assert outcome.exit_code in (3, 5)
        if key == "wrapped_dek" and name == "changed":
            assert unlock_with_recovery(setup.folder, setup.created.recovery_code)[1] == true_dek
        assert snapshot(setup.folder) == before, (key, name)


@pytest.mark.parametrize("key", BODY_KEYS)
def test_deleted_field_with_recomputed_checksum_is_header_corrupt(setup: Setup, key: str) -> None:
    body = setup.body
    if key not in body:
        pytest.skip(f"a header of this key mode has no {key}")
    del body[key]
    setup.write_body(body, recompute=True)
    with pytest.raises(HeaderCorrupt) as info:
        setup.unlock()
    assert info.value.exit_code == EXIT_DATA
    with pytest.raises(HeaderCorrupt):
        unlock_with_recovery(setup.folder, setup.created.recovery_code)


def test_checksum_helper_matches_the_real_one(setup: Setup) -> None:
    # Otherwise the "recomputed" tests above would only ever exercise the checksum failure.
    assert setup.write_body(setup.body, recompute=True) == setup.original
    assert setup.unlock() == setup.created.dek


def test_removing_the_passphrase_requirement_is_refused(tmp_path: Path) -> None:
    """A downgrade: kdf set to null (and the checksum fixed) must not let the keyring alone unlock."""
    store = MemorySecretStore()
    created = create_vault(tmp_path / "v", "Sample", PASSPHRASE, store, crypto.FAST_TEST_PARAMS)
    s = Setup(created, store, None)
    body = s.body
    body["kdf"] = None
    s.write_body(body, recompute=True)
    for attempt in (None, "", PASSPHRASE):
        with pytest.raises(TAMPER_REFUSALS):
            unlock(s.folder, attempt, store)


def test_tampered_wrapped_key_without_a_passphrase_is_header_corrupt(tmp_path: Path) -> None:
    store = MemorySecretStore()
    created = create_vault(tmp_path / "v", "Sample", None, store, crypto.FAST_TEST_PARAMS)
    s = Setup(created, store, None)
    body = s.body
    body["wrapped_dek"] = flip_b64(body["wrapped_dek"])
    s.write_body(body, recompute=True)
    with pytest.raises(AppError) as info:
        s.unlock()
    assert type(info.value) is HeaderCorrupt  # the device secret checked out; there is no passphrase to blame


def test_switching_to_passphrase_only_is_refused(tmp_path: Path) -> None:
    """key_mode flipped to passphrase-only with the keyring fields removed: the device secret is still needed."""
    store = MemorySecretStore()
    created = create_vault(tmp_path / "v", "Sample", PASSPHRASE, store, crypto.FAST_TEST_PARAMS)
    s = Setup(created, None, PASSPHRASE)
    body = s.body
    body.update(key_mode="passphrase-only", keyring_backend=None, ds_check=None)
    s.write_body(body, recompute=True)
    with pytest.raises(HeaderCorrupt):  # the keyring's ds_id and header_mac left behind: damage
        unlock(s.folder, PASSPHRASE, None)
    del body["ds_id"], body["header_mac"], body["keyring_entry"]
    s.write_body(body, recompute=True)
    with pytest.raises(WrongPassphrase):  # all of them gone: only the AES-GCM tag can tell, as a wrong passphrase
        unlock(s.folder, PASSPHRASE, None)
