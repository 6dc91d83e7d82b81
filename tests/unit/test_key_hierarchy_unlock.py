"""The key hierarchy of DESIGN.md §4, unlocking: every failure has its own error, and no failure writes a file."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from key_hierarchy_support import PASSPHRASE, make_vault, snapshot

from intimacy_desktop.core.errors import (
    EXIT_KEYRING,
    EXIT_USAGE,
    EXIT_WRONG_SECRET,
    AppError,
    KeyringBackendChanged,
    KeyringLocked,
    KeyringMismatch,
    KeyringSecretMissing,
    KeyringUnavailable,
    UsageError,
    WrongPassphrase,
)
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.header import HEADER_NAME
from intimacy_desktop.storage.vault import CreatedVault, create_vault, unlock

# ---- wrong passphrases (property) --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_vaults(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[CreatedVault, MemorySecretStore | None]]:
    """One vault per mode, made once: Hypothesis re-runs the test body, not function-scoped fixtures."""
    root = tmp_path_factory.mktemp("hyp")
    keyring_store = MemorySecretStore()
    return {
        "keyring": (make_vault(root / "keyring", PASSPHRASE, keyring_store), keyring_store),
        "passphrase-only": (make_vault(root / "ponly", PASSPHRASE, None), None),
    }


@pytest.mark.parametrize("mode", ["keyring", "passphrase-only"])
@settings(max_examples=100, deadline=None)
@given(wrong=st.text(max_size=64).filter(lambda s: s != PASSPHRASE))
def test_wrong_passphrases_are_refused_and_change_nothing(
    shared_vaults: dict[str, tuple[CreatedVault, MemorySecretStore | None]], mode: str, wrong: str
) -> None:
    created, store = shared_vaults[mode]
    before = snapshot(created.folder)
    secrets_before = dict(store.secrets) if store else None
    with pytest.raises(WrongPassphrase) as info:
        unlock(created.folder, wrong, store)
    assert info.value.exit_code == EXIT_WRONG_SECRET == 3
    assert snapshot(created.folder) == before
    if store is not None:
        assert store.secrets == secrets_before


def test_wrong_passphrase_none_or_empty(vault: CreatedVault, store: MemorySecretStore) -> None:
    before = snapshot(vault.folder)
    for attempt in (None, ""):
        with pytest.raises(WrongPassphrase) as info:
            unlock(vault.folder, attempt, store)
        assert info.value.exit_code == 3
    assert snapshot(vault.folder) == before


# ---- right secrets ------------------------------------------------------------------------------------------------


def test_right_passphrase_returns_the_same_dek(vault: CreatedVault, store: MemorySecretStore) -> None:
    before = snapshot(vault.folder)
    header, dek = unlock(vault.folder, PASSPHRASE, store)
    assert dek == vault.dek
    assert len(dek) == 32
    assert header == vault.header
    assert snapshot(vault.folder) == before  # unlocking only reads


def test_two_vaults_have_different_deks_and_secrets(tmp_path: Path, store: MemorySecretStore) -> None:
    a = make_vault(tmp_path / "a", PASSPHRASE, store)
    b = make_vault(tmp_path / "b", PASSPHRASE, store)
    assert a.dek != b.dek
    assert a.header.vault_id != b.header.vault_id
    assert a.header.salt != b.header.salt
    assert store.secrets[a.header.vault_id] != store.secrets[b.header.vault_id]
    assert a.recovery_code != b.recovery_code


def test_header_holds_no_dek_or_device_secret_in_clear(vault: CreatedVault, store: MemorySecretStore) -> None:
    raw = (vault.folder / HEADER_NAME).read_bytes()
    ds = store.secrets[vault.header.vault_id]
    for secret in (vault.dek, ds):
        assert secret not in raw
        assert secret.hex().encode() not in raw
        assert base64.b64encode(secret) not in raw
    assert vault.recovery_code.encode() not in raw


def test_no_passphrase_vault_unlocks_with_none(tmp_path: Path, store: MemorySecretStore) -> None:
    created = make_vault(tmp_path / "v", None, store)
    assert not created.header.has_passphrase
    assert created.header.kdf is None
    _, dek = unlock(created.folder, None, store)
    assert dek == created.dek
    _, dek = unlock(created.folder, "", store)
    assert dek == created.dek


def test_empty_passphrase_means_no_passphrase(tmp_path: Path, store: MemorySecretStore) -> None:
    created = make_vault(tmp_path / "v", "", store)
    assert not created.header.has_passphrase
    assert unlock(created.folder, None, store)[1] == created.dek


def test_passphrase_only_vault_needs_the_passphrase(tmp_path: Path) -> None:
    created = make_vault(tmp_path / "v", PASSPHRASE, None)
    assert not created.header.uses_keyring
    assert created.header.ds_check is None
    assert created.header.keyring_backend is None
    before = snapshot(created.folder)
    for attempt in (None, "", "wrong"):
        with pytest.raises(WrongPassphrase) as info:
            unlock(created.folder, attempt, None)
        assert info.value.exit_code == 3
    assert snapshot(created.folder) == before
    assert unlock(created.folder, PASSPHRASE, None)[1] == created.dek
    # a keyring on the machine plays no part in a passphrase-only vault
    other = MemorySecretStore()
    other.available = False
    assert unlock(created.folder, PASSPHRASE, other)[1] == created.dek


def test_passphrase_only_needs_a_passphrase_at_creation(tmp_path: Path) -> None:
    for attempt in (None, ""):
        with pytest.raises(UsageError) as info:
            make_vault(tmp_path / "v", attempt, None)
        assert info.value.exit_code == EXIT_USAGE
    assert not (tmp_path / "v" / HEADER_NAME).exists()


# ---- keyring failures -----------------------------------------------------------------------------------------------


def _keyring_unavailable(store: MemorySecretStore, _vault: CreatedVault) -> MemorySecretStore:
    store.available = False
    return store


def _keyring_locked(store: MemorySecretStore, _vault: CreatedVault) -> MemorySecretStore:
    store.locked = True
    return store


def _secret_missing(store: MemorySecretStore, vault: CreatedVault) -> MemorySecretStore:
    del store.secrets[vault.header.vault_id]
    return store


def _another_secret(store: MemorySecretStore, vault: CreatedVault) -> MemorySecretStore:
    store.secrets[vault.header.vault_id] = crypto.random_key()
    return store


def _empty_secret(store: MemorySecretStore, vault: CreatedVault) -> MemorySecretStore:
    store.secrets[vault.header.vault_id] = b""  # what KeyringSecretStore returns for an item that is not base64
    return store


def _backend_changed(store: MemorySecretStore, _vault: CreatedVault) -> MemorySecretStore:
    other = MemorySecretStore(name="other")
    other.secrets = dict(store.secrets)  # even the right secret, from another backend, is refused
    return other


@pytest.mark.parametrize(
    ("breakage", "error"),
    [
        (_keyring_unavailable, KeyringUnavailable),
        (_keyring_locked, KeyringLocked),
        (_secret_missing, KeyringSecretMissing),
        (_another_secret, KeyringMismatch),
        (_empty_secret, KeyringMismatch),
        (_backend_changed, KeyringBackendChanged),
    ],
)
@pytest.mark.parametrize("passphrase", [PASSPHRASE, None], ids=["with-passphrase", "no-passphrase"])
def test_keyring_failures_have_their_own_error_and_change_nothing(
    tmp_path: Path,
    store: MemorySecretStore,
    breakage: Callable[[MemorySecretStore, CreatedVault], MemorySecretStore],
    error: type[AppError],
    passphrase: str | None,
) -> None:
    created = make_vault(tmp_path / "v", passphrase, store)
    before = snapshot(created.folder)
    broken = breakage(store, created)
    secrets_before = dict(broken.secrets)
    for attempt in (passphrase, "wrong passphrase"):  # the keyring is checked before the passphrase
        with pytest.raises(error) as info:
            unlock(created.folder, attempt, broken)
        assert type(info.value) is error
        assert info.value.exit_code == EXIT_KEYRING == 4
        assert not isinstance(info.value, WrongPassphrase)
    assert snapshot(created.folder) == before
    assert broken.secrets == secrets_before  # never "repaired" by writing a new device secret


def test_keyring_vault_without_a_store_is_refused(vault: CreatedVault) -> None:
    before = snapshot(vault.folder)
    with pytest.raises(KeyringSecretMissing) as info:
        unlock(vault.folder, PASSPHRASE, None)
    assert info.value.exit_code == 4
    assert snapshot(vault.folder) == before


def test_creating_without_a_keyring_fails_cleanly(tmp_path: Path) -> None:
    store = MemorySecretStore()
    store.available = False
    with pytest.raises(KeyringUnavailable) as info:
        make_vault(tmp_path / "v", PASSPHRASE, store)
    assert info.value.exit_code == 4
    assert not (tmp_path / "v" / HEADER_NAME).exists()
    assert store.secrets == {}


# ---- never re-initialise -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("passphrase", "with_store"),
    [(PASSPHRASE, True), (None, True), ("another passphrase", True), (PASSPHRASE, False), ("other", False)],
)
def test_create_vault_refuses_an_existing_vault(
    vault: CreatedVault, store: MemorySecretStore, passphrase: str | None, with_store: bool
) -> None:
    before = snapshot(vault.folder)
    secrets_before = dict(store.secrets)
    with pytest.raises(UsageError) as info:
        create_vault(vault.folder, "Another", passphrase, store if with_store else None, crypto.FAST_TEST_PARAMS)
    assert info.value.exit_code == EXIT_USAGE
    assert snapshot(vault.folder) == before
    assert store.secrets == secrets_before
    assert unlock(vault.folder, PASSPHRASE, store)[1] == vault.dek
