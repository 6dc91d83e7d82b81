"""vault.json from a newer version, or with Argon2 parameters out of range: refused as such, before any key work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from header_tamper_support import PASSPHRASE, Setup

from intimacy_desktop.core.errors import EXIT_DATA, HeaderCorrupt, SchemaTooNew
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.header import HEADER_NAME, HEADER_VERSION, VaultHeader, read_header
from intimacy_desktop.storage.kdf_params import KdfParams
from intimacy_desktop.storage.vault import CreatedVault, create_vault, unlock_with_recovery

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
    {"name": "argon2id", "time_cost": 1, "memory_kib": 512 * 1024 + 1, "parallelism": 1},
    {"name": "argon2id", "time_cost": 100, "memory_kib": 1024 * 1024, "parallelism": 16},  # the review's: minutes
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
        {"name": "argon2id", "time_cost": 1, "memory_kib": 512 * 1024, "parallelism": 1},
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
