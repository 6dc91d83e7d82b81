"""vault.json damaged or tampered with: always refused with the right error, never a DEK, never a write.

Accidental damage (anything that breaks the checksum) must read as HeaderCorrupt, never as a wrong passphrase.
Deliberate tampering (the checksum recomputed) must still be refused; there the error may be WrongPassphrase, because
the AES-GCM tag cannot tell a wrong key from altered associated data.
"""

from __future__ import annotations

import copy
import hashlib
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

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
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.header import HEADER_NAME, HEADER_VERSION, VaultHeader, read_header
from intimacy_desktop.storage.kdf_params import KdfParams
from intimacy_desktop.storage.vault import CreatedVault, create_vault, unlock, unlock_with_recovery

PASSPHRASE = "tamper test passphrase"
MODES = ["keyring+passphrase", "keyring-only", "passphrase-only"]

# Refusals acceptable when someone rewrote the header *and* its checksum.
TAMPER_REFUSALS = (
    WrongPassphrase,
    HeaderCorrupt,
    SchemaTooNew,
    KeyringSecretMissing,
    KeyringMismatch,
    KeyringBackendChanged,
)


def _real_header_keys() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "v"
        create_vault(folder, "Sample", PASSPHRASE, MemorySecretStore(), crypto.FAST_TEST_PARAMS)
        return sorted(json.loads((folder / HEADER_NAME).read_bytes()))


HEADER_KEYS = _real_header_keys()
BODY_KEYS = [k for k in HEADER_KEYS if k != "checksum"]


def test_the_header_has_the_fields_this_file_expects() -> None:
    # Guards the parametrisation: if a field is added, it is tampered with below automatically.
    assert {"checksum", "version", "kdf", "salt", "wrapped_dek", "recovery_wrapped_dek"} <= set(HEADER_KEYS)
    assert len(HEADER_KEYS) >= 13


# ---- helpers --------------------------------------------------------------------------------------------------


class Setup:
    def __init__(self, created: CreatedVault, store: MemorySecretStore | None, passphrase: str | None) -> None:
        self.created = created
        self.folder = created.folder
        self.store = store
        self.passphrase = passphrase
        self.original = (created.folder / HEADER_NAME).read_bytes()

    @property
    def body(self) -> dict[str, Any]:
        data = json.loads(self.original)
        assert isinstance(data, dict)
        return data

    def write(self, data: bytes) -> None:
        (self.folder / HEADER_NAME).write_bytes(data)

    def write_body(self, body: dict[str, Any], *, recompute: bool) -> bytes:
        body = dict(body)
        if recompute:
            body.pop("checksum", None)
            body["checksum"] = checksum(body)
        data = json.dumps(body, indent=2, sort_keys=True).encode("utf-8") + b"\n"
        self.write(data)
        return data

    def unlock(self) -> bytes:
        return unlock(self.folder, self.passphrase, self.store)[1]


@pytest.fixture(params=MODES)
def setup(request: pytest.FixtureRequest, tmp_path: Path) -> Setup:
    mode = request.param
    store = None if mode == "passphrase-only" else MemorySecretStore()
    passphrase = None if mode == "keyring-only" else PASSPHRASE
    created = create_vault(tmp_path / "v", "Sample", passphrase, store, crypto.FAST_TEST_PARAMS)
    return Setup(created, store, passphrase)


def checksum(body_without_checksum: dict[str, Any]) -> str:
    canonical = json.dumps(body_without_checksum, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def attempt(action: Callable[[], bytes]) -> bytes | AppError:
    """The DEK, or the AppError raised; anything else (a TypeError from a malformed field, say) propagates."""
    try:
        return action()
    except AppError as exc:
        return exc


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _flip_b64(value: str) -> str:
    import base64

    raw = bytearray(base64.b64decode(value))
    raw[len(raw) // 2] ^= 0x01
    return base64.b64encode(bytes(raw)).decode("ascii")


def changed_value(key: str, value: Any) -> Any:
    """A different value of the same shape, as plausible as possible, so the later checks are reached."""
    special: dict[str, Callable[[Any], Any]] = {
        "format": lambda v: "intimacy-desktop-vault2",
        "version": lambda v: v + 1,
        "vault_id": lambda v: "0" * 32 if v != "0" * 32 else "1" * 32,
        "label": lambda v: v + " (copy)",
        "created": lambda v: "2001-01-01T00:00:00+00:00",
        "kdf": lambda v: {**v, "time_cost": v["time_cost"] + 1} if v else crypto.FAST_TEST_PARAMS.as_json(),
        "key_mode": lambda v: "passphrase-only" if v == "keyring" else "keyring",
        "keyring_backend": lambda v: (v + ".other") if v else "memory",
        "ds_check": lambda v: _flip_b64(v) if v else "AAAAAAAAAAAAAAAAAAAAAA==",
        "checksum": lambda v: ("0" if v[0] != "0" else "1") + v[1:],
    }
    if key in special:
        return special[key](value)
    if isinstance(value, str):
        try:
            return _flip_b64(value)  # salt, wrapped_dek, recovery_wrapped_dek and any new binary field
        except ValueError:
            return value + "x"
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if value is None:
        return "x"
    return None


OTHER_TYPES: list[Any] = [None, 0, -1, True, "", "x", [], {}, 1.5, "A" * 5000]


def tamper_cases(key: str, body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    cases = []
    changed = copy.deepcopy(body)
    changed[key] = changed_value(key, body[key])
    assert changed[key] != body[key]
    cases.append(("changed", changed))
    deleted = copy.deepcopy(body)
    del deleted[key]
    cases.append(("deleted", deleted))
    for i, other in enumerate(OTHER_TYPES):
        if other == body[key] and type(other) is type(body[key]):
            continue
        variant = copy.deepcopy(body)
        variant[key] = other
        cases.append((f"type{i}", variant))
    return cases


# ---- accidental damage: the checksum breaks ---------------------------------------------------------------------


@pytest.mark.parametrize("key", HEADER_KEYS)
def test_damaged_field_reads_as_header_corrupt(setup: Setup, key: str) -> None:
    for name, body in tamper_cases(key, setup.body):
        setup.write_body(body, recompute=False)
        before = snapshot(setup.folder)
        secrets_before = dict(setup.store.secrets) if setup.store else None
        with pytest.raises(AppError) as info:
            setup.unlock()
        assert type(info.value) is HeaderCorrupt, (key, name, info.value)
        assert info.value.exit_code == EXIT_DATA
        with pytest.raises(HeaderCorrupt):
            unlock_with_recovery(setup.folder, setup.created.recovery_code)
        assert snapshot(setup.folder) == before, (key, name)
        if setup.store is not None:
            assert setup.store.secrets == secrets_before


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

        # The recovery path authenticates every public field and recovery_wrapped_dek, not wrapped_dek.
        outcome = attempt(lambda: unlock_with_recovery(setup.folder, setup.created.recovery_code)[1])
        if isinstance(outcome, bytes):
            assert key == "wrapped_dek", f"{key}/{name} was accepted by the recovery path"
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
    body["wrapped_dek"] = _flip_b64(body["wrapped_dek"])
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
    with pytest.raises(WrongPassphrase):
        unlock(s.folder, PASSPHRASE, None)


# ---- truncation and bit flips -----------------------------------------------------------------------------------


def test_every_truncation_is_header_corrupt(setup: Setup) -> None:
    data = setup.original
    assert len(data) > 300
    for n in range(len(data)):
        setup.write(data[:n])
        if data[n:].strip() == b"":
            # Only the trailing newline is gone: the JSON is complete and intact, so this is no damage.
            assert setup.unlock() == setup.created.dek
            continue
        with pytest.raises(AppError) as info:
            setup.unlock()
        assert type(info.value) is HeaderCorrupt, n
        with pytest.raises(HeaderCorrupt):
            unlock_with_recovery(setup.folder, setup.created.recovery_code)
        assert (setup.folder / HEADER_NAME).read_bytes() == data[:n]
    assert [p.name for p in setup.folder.iterdir()] == [HEADER_NAME]


def test_every_single_bit_flip_is_header_corrupt(setup: Setup) -> None:
    data = setup.original
    for offset in range(len(data)):
        for bit in (0x01, 0x80):
            damaged = bytearray(data)
            damaged[offset] ^= bit
            setup.write(bytes(damaged))
            with pytest.raises(AppError) as info:
                setup.unlock()
            assert type(info.value) is HeaderCorrupt, (offset, bit)


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00" * 4096, b"null", b"[]", b'"x"', b"{}", b"\xff\xfe{", b"{" * 100_000, b"1e999999"],
    ids=["empty", "zeros", "null", "list", "string", "empty-object", "bad-utf8", "deep", "inf"],
)
def test_garbage_headers_are_header_corrupt(setup: Setup, data: bytes) -> None:
    setup.write(data)
    with pytest.raises(AppError) as info:
        setup.unlock()
    assert type(info.value) is HeaderCorrupt
    assert (setup.folder / HEADER_NAME).read_bytes() == data


def test_missing_header_is_header_corrupt(setup: Setup) -> None:
    (setup.folder / HEADER_NAME).unlink()
    with pytest.raises(HeaderCorrupt) as info:
        setup.unlock()
    assert info.value.exit_code == EXIT_DATA
    assert list(setup.folder.iterdir()) == []


# ---- versions and KDF parameters -----------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [HEADER_VERSION + 1, 99, 2**40])
def test_newer_header_version_is_schema_too_new(setup: Setup, version: int) -> None:
    body = setup.body
    body["version"] = version
    data = setup.write_body(body, recompute=True)
    with pytest.raises(SchemaTooNew) as info:
        setup.unlock()
    assert info.value.exit_code == EXIT_DATA == 5
    with pytest.raises(SchemaTooNew):
        unlock_with_recovery(setup.folder, setup.created.recovery_code)
    with pytest.raises(SchemaTooNew):
        VaultHeader.from_bytes(data)
    assert (setup.folder / HEADER_NAME).read_bytes() == data


def test_newer_header_is_listed_as_a_problem_not_hidden(tmp_path: Path) -> None:
    store = MemorySecretStore()
    service = ProfileService(tmp_path, lambda: store, crypto.FAST_TEST_PARAMS)
    created = service.create("Sam", PASSPHRASE)
    created.profile.close()
    s = Setup(
        CreatedVault(created.profile.info.folder, created.profile.header, b"", created.recovery_code),
        store,
        PASSPHRASE,
    )
    body = s.body
    body["version"] = HEADER_VERSION + 1
    s.write_body(body, recompute=True)
    [info] = service.list_profiles()
    assert isinstance(info.problem, SchemaTooNew) and info.damaged
    assert info.label == ""  # the front ends name it ("Damaged profile (…)"): no English is built in services
    with pytest.raises(SchemaTooNew):
        service.unlock(info, PASSPHRASE)


BAD_KDFS: list[Any] = [
    {"name": "argon2id", "time_cost": 0, "memory_kib": 64, "parallelism": 1},
    {"name": "argon2id", "time_cost": -1, "memory_kib": 64, "parallelism": 1},
    {"name": "argon2id", "time_cost": 101, "memory_kib": 64, "parallelism": 1},
    {"name": "argon2id", "time_cost": 1, "memory_kib": 1024 * 1024 + 1, "parallelism": 1},
    {"name": "argon2id", "time_cost": 1, "memory_kib": 0, "parallelism": 1},
    {"name": "argon2id", "time_cost": 1, "memory_kib": 64, "parallelism": 0},
    {"name": "argon2id", "time_cost": 1, "memory_kib": 1024, "parallelism": 17},
    {"name": "argon2id", "time_cost": 1, "memory_kib": 31, "parallelism": 4},  # below 8 KiB per lane
    {"name": "argon2id", "time_cost": 1.5, "memory_kib": 64, "parallelism": 1},
    {"name": "argon2id", "time_cost": True, "memory_kib": 64, "parallelism": 1},
    {"name": "argon2id", "time_cost": "3", "memory_kib": 64, "parallelism": 1},
    {"name": "argon2id", "memory_kib": 64, "parallelism": 1},
    {"name": "argon2i", "time_cost": 1, "memory_kib": 64, "parallelism": 1},
    {"time_cost": 1, "memory_kib": 64, "parallelism": 1},
    {"name": "argon2id", "time_cost": 2**64, "memory_kib": 64, "parallelism": 1},
    [1, 64, 1],
    "argon2id",
    0,
]


@pytest.mark.parametrize("kdf", BAD_KDFS, ids=[f"kdf{i}" for i in range(len(BAD_KDFS))])
def test_kdf_params_out_of_range_are_refused(tmp_path: Path, kdf: Any) -> None:
    created = create_vault(tmp_path / "v", "Sample", PASSPHRASE, None, crypto.FAST_TEST_PARAMS)
    s = Setup(created, None, PASSPHRASE)
    body = s.body
    body["kdf"] = kdf
    data = s.write_body(body, recompute=True)
    with pytest.raises(HeaderCorrupt) as info:
        s.unlock()  # refused while parsing: no Argon2 run with absurd parameters
    assert info.value.exit_code == EXIT_DATA
    with pytest.raises(ValueError):  # noqa: PT011 - any ValueError: the header parser turns it into HeaderCorrupt
        KdfParams.from_json(kdf)
    assert (s.folder / HEADER_NAME).read_bytes() == data


@pytest.mark.parametrize(
    "kdf",
    [
        {"name": "argon2id", "time_cost": 100, "memory_kib": 64, "parallelism": 1},
        {"name": "argon2id", "time_cost": 1, "memory_kib": 1024 * 1024, "parallelism": 1},
        {"name": "argon2id", "time_cost": 1, "memory_kib": 512, "parallelism": 16},
        {"name": "argon2id", "time_cost": 1, "memory_kib": 32, "parallelism": 4},
    ],
)
def test_kdf_params_at_the_limits_are_accepted(kdf: dict[str, Any]) -> None:
    params = KdfParams.from_json(kdf)
    assert params.as_json() == kdf


def test_kdf_round_trips_through_the_header(setup: Setup) -> None:
    header = read_header(setup.folder)
    assert header.kdf == (crypto.FAST_TEST_PARAMS if setup.passphrase else None)
    assert VaultHeader.from_bytes(header.to_bytes()) == header
