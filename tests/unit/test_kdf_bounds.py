"""A tampered vault.json cannot make one unlock take minutes or gigabytes, and tampering is said as damage where the
header can tell it from a wrong passphrase (DESIGN.md §4, issue 8 "Guessing and tampering").

The bounds: memory at most 512 MiB, 1 to 16 lanes, and time cost × memory at most what calibration can ever choose
(40 passes over 64 MiB), which at the conservative rate of kdf_params.CONSERVATIVE_KIB_PER_SECOND is 10 seconds.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from header_tamper_support import PASSPHRASE, Setup, flip_b64, snapshot

from intimacy_desktop.core.errors import EXIT_DATA, HeaderCorrupt, KeyringMismatch, WrongPassphrase
from intimacy_desktop.storage import crypto, kdf_params, vault
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.header import read_header, write_header
from intimacy_desktop.storage.kdf_params import KdfParams
from intimacy_desktop.storage.vault import create_vault, rekey_access, unlock

MIB = 1024


def _kdf(t: int, m_kib: int, p: int) -> dict[str, Any]:
    return {"name": "argon2id", "time_cost": t, "memory_kib": m_kib, "parallelism": p}


TOO_COSTLY = {
    "the review's header: t=100, 1 GiB, p=16": _kdf(100, 1024 * MIB, 16),
    "memory above 512 MiB": _kdf(1, 512 * MIB + 1, 4),
    "41 passes over 64 MiB": _kdf(41, 64 * MIB, 4),
    "6 passes over 512 MiB": _kdf(6, 512 * MIB, 4),
    "17 lanes": _kdf(1, 64 * MIB, 17),
}
WITHIN = {
    "the floor": _kdf(3, 64 * MIB, 4),
    "the most calibration makes": _kdf(crypto.MAX_TIME_COST, crypto.FLOOR_MEMORY_KIB, crypto.FLOOR_PARALLELISM),
    "5 passes over 512 MiB": _kdf(5, 512 * MIB, 4),
    "16 lanes": _kdf(1, 512 * MIB, 16),
    "the tests' parameters": crypto.FAST_TEST_PARAMS.as_json(),
}


@pytest.fixture
def no_derivation(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records every Argon2id run instead of running it: the bounds must refuse before any derivation starts."""
    calls: list[object] = []

    def refuse(*args: object) -> bytes:
        calls.append(args)
        raise AssertionError("Argon2id ran with out-of-bounds parameters")

    monkeypatch.setattr(crypto, "argon2id", refuse)
    return calls


@pytest.mark.parametrize("kdf", TOO_COSTLY.values(), ids=TOO_COSTLY.keys())
def test_a_header_asking_for_too_much_work_is_refused_as_damage_before_any_derivation(
    setup: Setup, kdf: dict[str, Any], no_derivation: list[object]
) -> None:
    body = setup.body
    body["kdf"] = kdf
    setup.write_body(body, recompute=True)
    before = snapshot(setup.folder)
    start = time.perf_counter()
    with pytest.raises(HeaderCorrupt) as info:
        unlock(setup.folder, setup.passphrase or PASSPHRASE, setup.store)
    assert time.perf_counter() - start < 0.5
    assert no_derivation == []
    assert info.value.code == "kdf_out_of_bounds"
    assert info.value.params == {"seconds": 10, "mib": 512}
    assert info.value.exit_code == EXIT_DATA
    assert snapshot(setup.folder) == before
    with pytest.raises(kdf_params.KdfOutOfBounds):
        KdfParams.from_json(kdf)


@pytest.mark.parametrize("kdf", WITHIN.values(), ids=WITHIN.keys())
def test_parameters_within_the_bounds_are_accepted(kdf: dict[str, Any]) -> None:
    params = KdfParams.from_json(kdf)
    assert params.as_json() == kdf
    assert params.estimated_seconds() <= kdf_params.MAX_UNLOCK_SECONDS


def test_everything_calibration_can_choose_is_within_the_bounds() -> None:
    most = KdfParams(crypto.MAX_TIME_COST, crypto.FLOOR_MEMORY_KIB, crypto.FLOOR_PARALLELISM)
    assert KdfParams.from_json(most.as_json()) == most
    with pytest.raises(kdf_params.KdfOutOfBounds):
        KdfParams.from_json(most._replace(time_cost=most.time_cost + 1).as_json())


@pytest.mark.slow
def test_the_cost_model_is_conservative_on_this_machine() -> None:
    """The model's rate is slower than this machine really is, so "10 s by the model" is at most 10 s here."""
    floor = KdfParams(crypto.FLOOR_TIME_COST, crypto.FLOOR_MEMORY_KIB, crypto.FLOOR_PARALLELISM)
    start = time.perf_counter()
    crypto.argon2id("cost model", b"\x05" * crypto.SALT_BYTES, floor)
    elapsed = time.perf_counter() - start
    assert elapsed <= floor.estimated_seconds(), f"the floor took {elapsed:.2f} s, the model says less"


# ---- a changed salt or changed parameters: damage, where the header can tell ---------------------------------------


@pytest.mark.parametrize("field", ["salt", "kdf"])
def test_with_the_keyring_a_changed_salt_or_kdf_is_damage_not_a_wrong_passphrase(
    setup: Setup, field: str, no_derivation: list[object]
) -> None:
    """In the keyring modes the device secret authenticates the whole public header before any derivation, so a
    rewritten salt (or a downgraded or raised cost) is told apart from a wrong passphrase or another device key."""
    if setup.store is None:
        return  # passphrase-only: the next test
    body = setup.body
    if field == "salt":
        body["salt"] = flip_b64(body["salt"])
    elif body["kdf"] is None:
        body["kdf"] = crypto.FAST_TEST_PARAMS.as_json()  # a passphrase claimed where none was set
    else:
        body["kdf"] = {**body["kdf"], "time_cost": body["kdf"]["time_cost"] + 1}
    setup.write_body(body, recompute=True)
    with pytest.raises(HeaderCorrupt) as info:
        unlock(setup.folder, setup.passphrase or PASSPHRASE, setup.store)
    assert info.value.code == "header_tampered"
    assert no_derivation == []


def test_without_a_keyring_only_the_passphrase_can_check_the_salt(tmp_path: Any) -> None:
    """Passphrase-only: nothing secret-free can vouch for the salt, so a rewrite reads as a wrong passphrase
    (docs/DECISIONS.md "Tampered headers: damage where the header can tell"). Refused all the same."""
    created = create_vault(tmp_path / "v", "Sample", PASSPHRASE, None, crypto.FAST_TEST_PARAMS)
    s = Setup(created, None, PASSPHRASE)
    body = s.body
    body["salt"] = flip_b64(body["salt"])
    s.write_body(body, recompute=True)
    with pytest.raises(WrongPassphrase):
        s.unlock()


def test_with_the_keyring_a_wrong_passphrase_and_another_device_key_keep_their_own_words(tmp_path: Any) -> None:
    store = MemorySecretStore()
    created = create_vault(tmp_path / "v", "Sample", PASSPHRASE, store, crypto.FAST_TEST_PARAMS)
    with pytest.raises(WrongPassphrase):
        unlock(created.folder, "not the passphrase", store)
    store.put(created.header.vault_id, b"\x07" * 32)
    with pytest.raises(KeyringMismatch):
        unlock(created.folder, PASSPHRASE, store)


def test_a_version_1_keyring_header_opens_as_before_and_a_new_passphrase_makes_it_version_3(tmp_path: Any) -> None:
    store = MemorySecretStore()
    created = create_vault(tmp_path / "v", "Old", PASSPHRASE, store, crypto.FAST_TEST_PARAMS)
    ds = store.get(created.header.vault_id)
    assert ds is not None
    Database(created.folder, created.dek, create=True).close()
    old = created.header._replace(version=1, ds_id=None, header_mac=None, keyring_entry=None, seen_mac=None)
    old = vault._seal(old, created.dek, vault._kek(old, PASSPHRASE, ds), created.recovery_code, ds)
    write_header(created.folder, old)
    assert (read_header(created.folder).version, read_header(created.folder).ds_id) == (1, None)

    header, dek = unlock(created.folder, PASSPHRASE, store)
    assert dek == created.dek
    _, new_dek, _ = rekey_access(created.folder, header, dek, "a new passphrase", store, crypto.FAST_TEST_PARAMS)
    now = read_header(created.folder)
    assert now.version == 3 and now.ds_id is not None and now.header_mac is not None and now.seen_mac is not None
    assert unlock(created.folder, "a new passphrase", store)[1] == new_dek != created.dek
    Database(created.folder, new_dek).close()
