"""The key hierarchy of DESIGN.md §4: every way an unlock can fail has its own error, and no failure writes a file."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy_desktop.core import recovery_code
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
    WrongRecoveryCode,
)
from intimacy_desktop.core.journal import EntryFields, EntryFilter
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.header import HEADER_NAME, read_header
from intimacy_desktop.storage.vault import CreatedVault, create_vault, unlock, unlock_with_recovery

PASSPHRASE = "correct horse battery staple"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (recursively) with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_vault(
    folder: Path, passphrase: str | None, store: MemorySecretStore | None, label: str = "Profile 1"
) -> CreatedVault:
    return create_vault(folder, label, passphrase, store, crypto.FAST_TEST_PARAMS)


@pytest.fixture
def store() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def vault(tmp_path: Path, store: MemorySecretStore) -> CreatedVault:
    """Keyring + passphrase: the default mode."""
    return make_vault(tmp_path / "v", PASSPHRASE, store)


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


# ---- recovery code ------------------------------------------------------------------------------------------------


def _variants(code: str) -> list[str]:
    groups = code.split("-")
    return [
        code,
        code.lower(),
        code.replace("-", ""),
        " ".join(groups),
        " ".join(groups).lower(),
        f"  {code}  \n",
        "-".join(g.lower() for g in groups),
    ]


def test_recovery_code_format(vault: CreatedVault) -> None:
    groups = vault.recovery_code.split("-")
    assert len(groups) == 8
    assert all(len(g) == 4 for g in groups)
    assert recovery_code.parse_code(vault.recovery_code) == recovery_code.parse_code(vault.recovery_code.lower())


def test_recovery_code_unlocks_in_every_typed_form(vault: CreatedVault, store: MemorySecretStore) -> None:
    before = snapshot(vault.folder)
    store.secrets.clear()  # the recovery code does not need the keyring
    store.available = False
    for typed in _variants(vault.recovery_code):
        _, dek = unlock_with_recovery(vault.folder, typed)
        assert dek == vault.dek, typed
    assert snapshot(vault.folder) == before


@pytest.mark.parametrize(
    "wrong",
    [
        "fresh",  # a well-formed code that is not this vault's
        "",
        "AAAA",
        "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG",  # seven groups
        "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH-IIII",
        "!!!!-????-....-,,,,-;;;;-::::-////-\\\\\\\\",
        "9999-9999-9999-9999-9999-9999-9999-9999",  # 9 is not Base32
        "one",
    ],
)
def test_wrong_recovery_code_is_refused(vault: CreatedVault, wrong: str) -> None:
    if wrong == "fresh":
        wrong = recovery_code.new_code()
    before = snapshot(vault.folder)
    with pytest.raises(WrongRecoveryCode) as info:
        unlock_with_recovery(vault.folder, wrong)
    assert info.value.exit_code == EXIT_WRONG_SECRET
    assert snapshot(vault.folder) == before


def test_one_wrong_letter_in_the_recovery_code_is_refused(vault: CreatedVault) -> None:
    code = vault.recovery_code
    swapped = ("B" if code[0] != "B" else "C") + code[1:]
    with pytest.raises(WrongRecoveryCode):
        unlock_with_recovery(vault.folder, swapped)


def test_a_recovery_code_of_another_vault_is_refused(tmp_path: Path, store: MemorySecretStore) -> None:
    a = make_vault(tmp_path / "a", PASSPHRASE, store)
    b = make_vault(tmp_path / "b", PASSPHRASE, store)
    with pytest.raises(WrongRecoveryCode):
        unlock_with_recovery(a.folder, b.recovery_code)


# ---- ProfileService: recover and change passphrase ----------------------------------------------------------------


def _titles(profile: UnlockedProfile) -> list[str]:
    return sorted(s.title for s in profile.journal.summaries(EntryFilter(), limit=10_000))


def _seed(profiles: ProfileService, passphrase: str | None = PASSPHRASE) -> tuple[str, list[str]]:
    created = profiles.create("Alex", passphrase)
    titles = [f"entry {i}" for i in range(5)]
    for i, title in enumerate(titles):
        created.profile.journal.add(
            EntryFields(title=title, body=f"body {i} ünïcode", entry_date=dt.date(2024, 1, i + 1), mood=i % 5 + 1)
        )
    created.profile.close()
    return created.recovery_code, titles


def test_recover_after_the_keyring_item_is_lost(profiles: ProfileService, secret_store: MemorySecretStore) -> None:
    old_code, titles = _seed(profiles)
    info = profiles.find("Alex")
    vault_id = read_header(info.folder).vault_id
    secret_store.delete(vault_id)  # new computer / reinstalled OS
    assert vault_id not in secret_store.secrets

    before = snapshot(info.folder)
    with pytest.raises(KeyringSecretMissing) as err:
        profiles.unlock(info, PASSPHRASE)
    assert err.value.exit_code == 4
    assert snapshot(info.folder) == before
    with pytest.raises(WrongRecoveryCode):
        profiles.recover(info, recovery_code.new_code(), "new passphrase")
    assert snapshot(info.folder) == before

    recovered = profiles.recover(info, old_code.lower(), "new passphrase")
    try:
        new_code = recovered.recovery_code
        assert new_code != old_code
        assert recovery_code.parse_code(new_code) != recovery_code.parse_code(old_code)
        assert vault_id in secret_store.secrets  # fresh keyring access
        assert _titles(recovered.profile) == titles
    finally:
        recovered.profile.close()

    info = profiles.find("Alex")
    assert read_header(info.folder).vault_id == vault_id  # same vault, re-wrapped, not re-created
    with pytest.raises(WrongRecoveryCode) as wrong:
        unlock_with_recovery(info.folder, old_code)
    assert wrong.value.exit_code == 3
    assert unlock_with_recovery(info.folder, new_code)[1] == unlock(info.folder, "new passphrase", secret_store)[1]
    with pytest.raises(WrongPassphrase):
        profiles.unlock(info, PASSPHRASE)

    profile = profiles.unlock(info, "new passphrase")
    try:
        assert _titles(profile) == titles
        assert profile.journal.get(1).fields.body == "body 0 ünïcode"
    finally:
        profile.close()


def test_recover_into_passphrase_only_mode(profiles: ProfileService, secret_store: MemorySecretStore) -> None:
    old_code, titles = _seed(profiles)
    info = profiles.find("Alex")
    secret_store.secrets.clear()
    secret_store.available = False
    recovered = profiles.recover(info, old_code, "pp", passphrase_only=True)
    recovered.profile.close()
    info = profiles.find("Alex")
    assert not info.uses_keyring
    profile = profiles.unlock(info, "pp")  # the keyring is still unavailable: not needed any more
    try:
        assert _titles(profile) == titles
    finally:
        profile.close()


def test_change_passphrase(profiles: ProfileService, secret_store: MemorySecretStore) -> None:
    old_code, titles = _seed(profiles)
    info = profiles.find("Alex")
    profile = profiles.unlock(info, PASSPHRASE)
    try:
        before = snapshot(info.folder)
        with pytest.raises(WrongPassphrase):
            profiles.change_passphrase(profile, "not the old one", "new one")
        assert snapshot(info.folder) == before
        new_code = profiles.change_passphrase(profile, PASSPHRASE, "new one")
        assert new_code != old_code
        profile.journal.add(EntryFields(title="after change"))
        assert _titles(profile) == sorted([*titles, "after change"])
    finally:
        profile.close()

    with pytest.raises(WrongPassphrase) as err:
        profiles.unlock(info, PASSPHRASE)
    assert err.value.exit_code == 3
    with pytest.raises(WrongRecoveryCode):
        unlock_with_recovery(info.folder, old_code)
    profile = profiles.unlock(info, "new one")
    try:
        assert _titles(profile) == sorted([*titles, "after change"])
    finally:
        profile.close()
    assert unlock_with_recovery(info.folder, new_code)[1] == unlock(info.folder, "new one", secret_store)[1]


def test_change_passphrase_to_none_and_back(profiles: ProfileService) -> None:
    _, titles = _seed(profiles)
    info = profiles.find("Alex")
    profile = profiles.unlock(info, PASSPHRASE)
    profiles.change_passphrase(profile, PASSPHRASE, None)
    profile.close()
    info = profiles.find("Alex")
    assert not info.has_passphrase
    profile = profiles.unlock(info, None)
    try:
        assert _titles(profile) == titles
        profiles.change_passphrase(profile, None, "back again")
    finally:
        profile.close()
    info = profiles.find("Alex")
    with pytest.raises(WrongPassphrase):
        profiles.unlock(info, None)
    profile = profiles.unlock(info, "back again")
    try:
        assert _titles(profile) == titles
    finally:
        profile.close()


def test_failed_passphrase_change_leaves_the_old_access_working(
    profiles: ProfileService, secret_store: MemorySecretStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the new vault.json is written: the old passphrase must still open the profile."""
    from intimacy_desktop.core.errors import DiskFull
    from intimacy_desktop.storage import vault as vault_module

    old_code, titles = _seed(profiles)
    info = profiles.find("Alex")
    vault_id = read_header(info.folder).vault_id
    secrets_before = dict(secret_store.secrets)
    before = snapshot(info.folder)

    def disk_full(*_args: object) -> None:
        raise DiskFull()

    profile = profiles.unlock(info, PASSPHRASE)
    try:
        monkeypatch.setattr(vault_module, "write_header", disk_full)
        with pytest.raises(DiskFull):
            profiles.change_passphrase(profile, PASSPHRASE, "new one")
        monkeypatch.undo()
    finally:
        profile.close()
    assert snapshot(info.folder) == before
    assert secret_store.secrets[vault_id] == secrets_before[vault_id]  # the keyring item was put back
    profile = profiles.unlock(info, PASSPHRASE)
    try:
        assert _titles(profile) == titles
    finally:
        profile.close()
    assert unlock_with_recovery(info.folder, old_code)[1] == unlock(info.folder, PASSPHRASE, secret_store)[1]


def test_failed_recovery_rewrite_leaves_the_recovery_code_working(
    profiles: ProfileService, secret_store: MemorySecretStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intimacy_desktop.core.errors import DiskFull
    from intimacy_desktop.storage import vault as vault_module

    old_code, titles = _seed(profiles)
    info = profiles.find("Alex")
    secret_store.secrets.clear()
    before = snapshot(info.folder)

    def disk_full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(vault_module, "write_header", disk_full)
    with pytest.raises(DiskFull) as err:
        profiles.recover(info, old_code, "new passphrase")
    assert err.value.exit_code == 5
    monkeypatch.undo()
    assert snapshot(info.folder) == before  # the database was opened to prove it, and closed cleanly again
    assert secret_store.secrets == {}  # no orphaned device secret left behind
    recovered = profiles.recover(info, old_code, "new passphrase")
    try:
        assert _titles(recovered.profile) == titles
    finally:
        recovered.profile.close()
