"""A growing delay after wrong passphrases and recovery codes, per profile, kept across restarts (issue 8).

Through ProfileService with a fake clock: no test sleeps. The policy is the shipped one: three free failures, then
5, 15, 30, 60, 120 s, then 300 s at most; a correct secret starts over.
"""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from fake_clock import FakeClock

from intimacy_desktop.core import recovery_code
from intimacy_desktop.core.errors import AppError, KeyringLocked, WrongPassphrase, WrongRecoveryCode
from intimacy_desktop.core.guess_delay import GuessPolicy, wait_seconds
from intimacy_desktop.services.profiles import ProfileInfo, ProfileService
from intimacy_desktop.storage import crypto, vault
from intimacy_desktop.storage.attempts import ATTEMPTS_NAME
from intimacy_desktop.storage.device_secret import MemorySecretStore

PASSPHRASE = "correct horse battery staple"
WRONG = "not the passphrase"
SHIPPED_STEPS = [5, 15, 30, 60, 120, 300, 300, 300]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def service(data_dir: Path, secret_store: MemorySecretStore, clock: FakeClock) -> ProfileService:
    return ProfileService(data_dir, lambda: secret_store, crypto.FAST_TEST_PARAMS, clock=clock)


@pytest.fixture
def made(service: ProfileService) -> tuple[ProfileInfo, str]:
    created = service.create("Ours", PASSPHRASE)
    created.profile.close()
    return service.find("Ours"), created.recovery_code


@pytest.fixture
def info(made: tuple[ProfileInfo, str]) -> ProfileInfo:
    return made[0]


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts Argon2 runs: a delayed attempt must cost none."""
    calls: list[int] = []
    real = crypto.argon2id

    def counting(*args: object, **kwargs: object) -> bytes:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(crypto, "argon2id", counting)
    return calls


def _fails(service: ProfileService, info: ProfileInfo, secret: str = WRONG) -> AppError:
    with pytest.raises(AppError) as err:
        service.unlock(info, secret)
    assert err.value.exit_code == 3
    return err.value


def _opens(service: ProfileService, info: ProfileInfo) -> None:
    service.unlock(info, PASSPHRASE).close()


def test_three_free_failures_then_the_delay_grows_to_five_minutes(
    service: ProfileService, info: ProfileInfo, clock: FakeClock
) -> None:
    for _ in range(3):
        assert _fails(service, info).code == "wrong_passphrase"  # a few slips cost nothing
    seen = []
    for expected in SHIPPED_STEPS:
        failed = _fails(service, info)
        assert isinstance(failed, WrongPassphrase) and failed.code == "wrong_passphrase_wait"
        assert failed.params == {"seconds": expected}  # the failure itself says how long to wait
        seen.append(wait_seconds(failed))
        clock.advance(expected)
    assert seen == SHIPPED_STEPS


def test_a_delayed_attempt_is_refused_before_any_derivation_even_with_the_right_passphrase(
    service: ProfileService, info: ProfileInfo, clock: FakeClock, derivations: list[int]
) -> None:
    for _ in range(4):
        _fails(service, info)
    assert len(derivations) == 4
    for left in (5, 4, 2, 1):
        refused = _fails(service, info, PASSPHRASE)
        assert isinstance(refused, WrongPassphrase)
        assert (refused.code, refused.params) == ("passphrase_wait", {"seconds": left})
        assert refused.message == f"Too many wrong passphrases; try again in {left} s."
        clock.advance({5: 1, 4: 2, 2: 1, 1: 0.5}[left])
    assert len(derivations) == 4, "a refused attempt ran Argon2"
    clock.advance(0.5)
    _opens(service, info)
    assert len(derivations) == 5


def test_refused_attempts_do_not_make_the_delay_longer(
    service: ProfileService, info: ProfileInfo, clock: FakeClock
) -> None:
    for _ in range(4):
        _fails(service, info)
    for _ in range(50):  # a script hammering during the delay
        assert _fails(service, info).code == "passphrase_wait"
    clock.advance(5)
    assert _fails(service, info).params == {"seconds": 15}  # the next step, not the fiftieth


def test_the_right_passphrase_starts_over(service: ProfileService, info: ProfileInfo, clock: FakeClock) -> None:
    for _ in range(6):
        _fails(service, info)
    clock.advance(30)
    _opens(service, info)
    assert not (info.folder / ATTEMPTS_NAME).exists()  # nothing is kept once the person is back in
    for _ in range(3):
        assert _fails(service, info).code == "wrong_passphrase"
    assert _fails(service, info).params == {"seconds": 5}


def test_the_delay_survives_a_restart(
    service: ProfileService, info: ProfileInfo, clock: FakeClock, data_dir: Path, secret_store: MemorySecretStore
) -> None:
    for _ in range(4):
        _fails(service, info)
    clock.advance(5)
    assert _fails(service, info).params == {"seconds": 15}
    restarted = ProfileService(data_dir, lambda: secret_store, crypto.FAST_TEST_PARAMS, clock=clock)
    clock.advance(3)
    refused = _fails(restarted, restarted.find("Ours"), PASSPHRASE)
    assert (refused.code, refused.params) == ("passphrase_wait", {"seconds": 12})
    clock.advance(12)
    _opens(restarted, restarted.find("Ours"))


def test_the_delay_is_per_profile(service: ProfileService, info: ProfileInfo) -> None:
    service.create("Theirs", "their passphrase").profile.close()
    for _ in range(4):
        _fails(service, info)
    service.unlock(service.find("Theirs"), "their passphrase").close()  # the other profile is not held up


def test_the_file_holds_counts_and_times_only_private_and_never_a_symlink_target(
    service: ProfileService, info: ProfileInfo, tmp_path: Path
) -> None:
    for _ in range(4):
        _fails(service, info)
    path = info.folder / ATTEMPTS_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) <= {"version", "passphrase", "recovery"}
    assert set(data["passphrase"]) == {"failures", "last"}
    assert data["passphrase"]["failures"] == 4
    assert WRONG not in path.read_text(encoding="utf-8") and PASSPHRASE not in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in info.folder.iterdir() if p.name.startswith(".")) == []  # no temporary left

    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    path.unlink()
    path.symlink_to(outside)
    _fails(service, info)
    assert outside.read_text() == "keep me"  # the planted link was replaced, not followed
    assert not path.is_symlink()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff garbage",
        b"{not json",
        b"[]",
        b'{"passphrase": {"failures": "many", "last": 0}}',
        b'{"passphrase": {"failures": -4, "last": 0}}',
        b'{"passphrase": {"failures": true, "last": 0}}',
        b'{"passphrase": {"failures": 9, "last": "yesterday"}}',
        b'{"passphrase": {"failures": 9, "last": 1e999}}',
        b'{"passphrase": 7}',
        b" " * 100_000,
    ],
)
def test_a_damaged_file_counts_as_no_record_and_never_crashes(
    service: ProfileService, info: ProfileInfo, content: bytes
) -> None:
    (info.folder / ATTEMPTS_NAME).write_bytes(content)
    assert _fails(service, info).code == "wrong_passphrase"  # counted from the start again, no crash
    _opens(service, info)


def test_a_folder_or_unwritable_place_never_locks_anyone_out(service: ProfileService, info: ProfileInfo) -> None:
    (info.folder / ATTEMPTS_NAME).mkdir()
    for _ in range(6):
        _fails(service, info)
    _opens(service, info)


def test_a_valid_record_beside_a_damaged_one_is_kept(
    service: ProfileService, info: ProfileInfo, clock: FakeClock
) -> None:
    record = {"passphrase": {"failures": 9, "last": clock.now}, "recovery": "damaged"}
    (info.folder / ATTEMPTS_NAME).write_text(json.dumps(record))
    refused = _fails(service, info, PASSPHRASE)
    assert refused.params == {"seconds": 300}  # the larger delay stands


def test_a_huge_count_is_capped_at_five_minutes(service: ProfileService, info: ProfileInfo, clock: FakeClock) -> None:
    record = {"version": 1, "passphrase": {"failures": 10**30, "last": clock.now}}
    (info.folder / ATTEMPTS_NAME).write_text(json.dumps(record))
    assert _fails(service, info, PASSPHRASE).params == {"seconds": 300}
    clock.advance(300)
    _opens(service, info)


def test_a_time_in_the_future_is_capped_to_the_policy_maximum(
    service: ProfileService, info: ProfileInfo, clock: FakeClock
) -> None:
    """A clock set back (or an edited file) must not turn a delay into years."""
    ten_years = 10 * 365 * 24 * 3600
    record = {"version": 1, "passphrase": {"failures": 20, "last": clock.now + ten_years}}
    (info.folder / ATTEMPTS_NAME).write_text(json.dumps(record))
    refused = _fails(service, info, PASSPHRASE)
    assert 0 < refused.params["seconds"] <= 300  # type: ignore[operator]
    clock.advance(300)
    _opens(service, info)


def test_failures_that_are_not_guesses_are_not_counted(
    service: ProfileService, info: ProfileInfo, secret_store: MemorySecretStore
) -> None:
    secret_store.locked = True
    for _ in range(8):
        with pytest.raises(KeyringLocked):
            service.unlock(info, WRONG)
    assert not (info.folder / ATTEMPTS_NAME).exists()  # nothing written, nothing left behind
    secret_store.locked = False
    assert _fails(service, info).code == "wrong_passphrase"


def test_a_profile_without_passphrase_keeps_no_record(service: ProfileService) -> None:
    service.create("Open", None).profile.close()
    info = service.find("Open")
    service.unlock(info, None).close()
    assert not (info.folder / ATTEMPTS_NAME).exists()


def test_changing_the_passphrase_is_guarded_too(service: ProfileService, info: ProfileInfo) -> None:
    """An unlocked window left alone must not let someone find the passphrase by trying the change form."""
    profile = service.unlock(info, PASSPHRASE)
    try:
        for _ in range(4):
            with pytest.raises(WrongPassphrase):
                service.change_passphrase(profile, WRONG, "a new passphrase")
        with pytest.raises(WrongPassphrase) as err:
            service.change_passphrase(profile, PASSPHRASE, "a new passphrase")
        assert err.value.code == "passphrase_wait"
    finally:
        profile.close()


# ---- the recovery code ---------------------------------------------------------------------------------------------


def _recover_fails(service: ProfileService, info: ProfileInfo, code: str) -> AppError:
    with pytest.raises(WrongRecoveryCode) as err:
        service.recover(info, code, "a new passphrase").profile.close()
    assert err.value.exit_code == 3
    return err.value


def test_wrong_recovery_codes_grow_their_own_delay_before_any_work(
    service: ProfileService,
    made: tuple[ProfileInfo, str],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    info, code = made
    tries: list[int] = []
    real = vault.unlock_with_recovery

    def counting(*args: object) -> object:
        tries.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(vault, "unlock_with_recovery", counting)
    for _ in range(3):
        assert _recover_fails(service, info, recovery_code.new_code()).code == "wrong_recovery_code"
    fourth = _recover_fails(service, info, recovery_code.new_code())
    assert (fourth.code, fourth.params) == ("wrong_recovery_code_wait", {"seconds": 5})
    refused = _recover_fails(service, info, code)
    assert (refused.code, refused.params) == ("recovery_code_wait", {"seconds": 5})
    assert refused.message == "Too many wrong recovery codes; try again in 5 s."
    assert len(tries) == 4
    clock.advance(5)
    service.recover(info, code, "a new passphrase").profile.close()
    assert not (info.folder / ATTEMPTS_NAME).exists()


def test_a_mistyped_recovery_code_is_not_a_guess(service: ProfileService, info: ProfileInfo) -> None:
    for _ in range(6):
        assert _recover_fails(service, info, "ABCD-EFGH").code == "recovery_code_format"
    assert _recover_fails(service, info, recovery_code.new_code()).code == "wrong_recovery_code"


def test_forgetting_the_passphrase_never_holds_up_the_recovery_code(
    service: ProfileService, made: tuple[ProfileInfo, str]
) -> None:
    """The person who forgot the passphrase is the one who needs the code: the two counts are separate."""
    info, code = made
    for _ in range(9):
        _fails(service, info)
    assert _fails(service, info, PASSPHRASE).code == "passphrase_wait"
    recovered = service.recover(info, code, "a new passphrase")
    recovered.profile.close()
    service.unlock(service.find("Ours"), "a new passphrase").close()  # and the passphrase delay is gone with it


# ---- the policy itself ---------------------------------------------------------------------------------------------


def test_the_policy_never_locks_out_for_good() -> None:
    policy = GuessPolicy()
    assert [policy.delay_after(n) for n in range(10)] == [0, 0, 0, 0, *SHIPPED_STEPS[:6]]
    assert policy.delay_after(10**12) == policy.maximum == 300
    assert policy.remaining(failures=10**12, last=1e12, now=0.0) == 300  # a future time: never more than the cap
    assert policy.remaining(failures=4, last=100.0, now=103.0) == 2
    assert policy.remaining(failures=4, last=100.0, now=105.0) == 0


def test_the_clock_is_real_by_default(data_dir: Path, secret_store: MemorySecretStore) -> None:
    real = ProfileService(data_dir, lambda: secret_store, crypto.FAST_TEST_PARAMS)
    real.create("Now", PASSPHRASE).profile.close()
    info = real.find("Now")
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            real.unlock(info, WRONG)
    last = json.loads((info.folder / ATTEMPTS_NAME).read_text())["passphrase"]["last"]
    assert abs(last - time.time()) < 60
    assert os.stat(info.folder / ATTEMPTS_NAME).st_size < 200
