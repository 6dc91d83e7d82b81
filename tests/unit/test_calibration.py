"""Argon2id calibration (DESIGN.md §4): never below the floor, about a second here. Behaviour, not a benchmark."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.header import read_header
from intimacy_desktop.storage.kdf_params import KdfParams
from intimacy_desktop.storage.vault import create_vault, rekey_access


@pytest.mark.slow
def test_calibrate_gives_floor_or_better_and_about_a_second() -> None:
    params = crypto.calibrate()
    assert params != crypto.FAST_TEST_PARAMS
    assert params.name == "argon2id"
    assert params.time_cost >= crypto.FLOOR_TIME_COST == 3
    assert params.time_cost <= crypto.MAX_TIME_COST
    assert params.memory_kib == crypto.FLOOR_MEMORY_KIB == 64 * 1024
    assert params.parallelism == crypto.FLOOR_PARALLELISM == 4

    start = time.perf_counter()
    key = crypto.argon2id("a passphrase", b"\x01" * crypto.SALT_BYTES, params)
    elapsed = time.perf_counter() - start
    assert len(key) == crypto.KEY_BYTES
    assert 0.3 <= elapsed <= 3.0, f"calibrated Argon2id took {elapsed:.2f} s with {params}"


def test_no_environment_variable_makes_calibration_go_below_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The old test switch (and anything like it) is gone: tests pass fast parameters to constructors instead."""
    for name in ("INTIMACY_DESKTOP_INSECURE_FAST_KDF_FOR_TESTS", "INTIMACY_DESKTOP_FAST_KDF"):
        monkeypatch.setenv(name, "1")
    # Calibration itself is slow; only check that the fast parameters are not handed out.
    monkeypatch.setattr(crypto, "argon2id", lambda *_a, **_k: b"\0" * 32)
    params = crypto.calibrate()
    assert params != crypto.FAST_TEST_PARAMS
    assert (params.time_cost, params.memory_kib, params.parallelism) >= (3, 64 * 1024, 4)
    assert params.memory_kib >= crypto.FLOOR_MEMORY_KIB and params.parallelism >= crypto.FLOOR_PARALLELISM


def test_calibration_clamps_to_floor_and_ceiling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "argon2id", lambda *_a, **_k: b"\0" * 32)
    clock = iter([0.0, 100.0])  # a machine where the floor takes 100 s
    monkeypatch.setattr(time, "perf_counter", lambda: next(clock))
    slow = crypto.calibrate()
    assert (slow.time_cost, slow.memory_kib, slow.parallelism) == (3, 64 * 1024, 4)

    clock = iter([0.0, 0.0])  # an impossibly fast machine
    monkeypatch.setattr(time, "perf_counter", lambda: next(clock))
    fast = crypto.calibrate()
    assert fast.time_cost == crypto.MAX_TIME_COST
    assert (fast.memory_kib, fast.parallelism) == (64 * 1024, 4)


def test_argon2id_is_deterministic_and_salted() -> None:
    p = crypto.FAST_TEST_PARAMS
    salt = b"\x02" * crypto.SALT_BYTES
    assert crypto.argon2id("pw", salt, p) == crypto.argon2id("pw", salt, p)
    assert crypto.argon2id("pw", salt, p) != crypto.argon2id("pw", b"\x03" * crypto.SALT_BYTES, p)
    assert crypto.argon2id("pw", salt, p) != crypto.argon2id("pW", salt, p)


def test_a_new_passphrase_on_a_cheap_profile_gets_calibrated_parameters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parameters below the floor (a test's profile) are never carried on by a passphrase change or a recovery;
    parameters at the floor or above are kept, and parameters passed in by code win."""
    calibrated = KdfParams(crypto.FLOOR_TIME_COST, crypto.FLOOR_MEMORY_KIB, crypto.FLOOR_PARALLELISM)
    calls: list[float] = []

    def calibrate(target_seconds: float = 1.0) -> KdfParams:
        calls.append(target_seconds)
        return calibrated

    monkeypatch.setattr(crypto, "calibrate", calibrate)
    monkeypatch.setattr(crypto, "argon2id", lambda *_a: b"\1" * crypto.KEY_BYTES)  # keep the floor's cost out
    created = create_vault(tmp_path / "v", "Cheap", "first passphrase", None, crypto.FAST_TEST_PARAMS)

    Database(created.folder, created.dek, create=True).close()
    header, dek, _code = rekey_access(created.folder, created.header, created.dek, "second passphrase", None)
    assert header.kdf == calibrated and len(calls) == 1
    header, dek, _code = rekey_access(created.folder, header, dek, "third passphrase", None)
    assert header.kdf == calibrated and len(calls) == 1  # at the floor: kept, no second calibration
    header, dek, _code = rekey_access(created.folder, header, dek, "fourth", None, crypto.FAST_TEST_PARAMS)
    assert header.kdf == crypto.FAST_TEST_PARAMS  # a constructor's choice: the tests' way in
    assert read_header(created.folder).kdf == crypto.FAST_TEST_PARAMS
