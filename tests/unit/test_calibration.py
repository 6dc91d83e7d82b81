"""Argon2id calibration (DESIGN.md §4): never below the floor, about a second here. Behaviour, not a benchmark."""

from __future__ import annotations

import time

import pytest

from intimacy_desktop.storage import crypto


@pytest.mark.slow
def test_calibrate_gives_floor_or_better_and_about_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(crypto.FAST_KDF_ENV, raising=False)
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


def test_fast_switch_only_when_exactly_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(crypto.FAST_KDF_ENV, "1")
    assert crypto.calibrate() == crypto.FAST_TEST_PARAMS
    for value in ("0", "true", "yes", ""):
        monkeypatch.setenv(crypto.FAST_KDF_ENV, value)
        # Calibration itself is slow; only check that the fast parameters are not handed out.
        monkeypatch.setattr(crypto, "argon2id", lambda *_a, **_k: b"\0" * 32)
        assert crypto.calibrate() != crypto.FAST_TEST_PARAMS


def test_calibration_clamps_to_floor_and_ceiling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(crypto.FAST_KDF_ENV, raising=False)
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
