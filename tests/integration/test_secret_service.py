"""Against a real Secret Service (gnome-keyring in its own D-Bus session), and against no keyring at all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SUPPORT = Path(__file__).parents[1] / "support"
REQUIRED = os.environ.get("INTIMACY_DESKTOP_REQUIRE_SECRET_SERVICE_TESTS") == "1"


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "TEST_KEYRING"))}
    env.update(
        {
            "INTIMACY_DESKTOP_DATA_DIR": str(tmp_path / "data"),
            "INTIMACY_DESKTOP_PASSPHRASE": "a long shared-computer passphrase",
            "HOME": str(tmp_path / "home"),
            "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
            "XDG_RUNTIME_DIR": str(tmp_path / "run"),
        }
    )
    for d in ("home", "run"):
        (tmp_path / d).mkdir(mode=0o700, exist_ok=True)
    return env


@pytest.fixture(scope="module")
def secret_service_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    missing = [tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(tool) is None]
    if missing:
        if REQUIRED:
            pytest.fail(f"Secret Service tests are required here but {missing} are not installed")
        pytest.skip(f"needs {missing} (installed by ./run-tests when run as root)")
    tmp = tmp_path_factory.mktemp("secret-service")
    script = (
        "echo -n session-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "
        f'exec "{sys.executable}" "{SUPPORT / "secret_service_steps.py"}"'
    )
    proc = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", script],
        capture_output=True,
        text=True,
        env=_clean_env(tmp),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _step(run: dict[str, object], name: str) -> dict[str, object]:
    step = run[name]
    assert isinstance(step, dict)
    return step


@pytest.mark.secret_service
def test_self_test_passes_with_a_real_secret_service(secret_service_run: dict[str, object]) -> None:
    st = _step(secret_service_run, "self_test")
    assert st["code"] == 0, st
    assert "SecretService" in str(st["out"])


@pytest.mark.secret_service
def test_profile_key_lives_in_the_secret_service(secret_service_run: dict[str, object]) -> None:
    header = secret_service_run["header"]
    assert isinstance(header, dict)
    assert header["key_mode"] == "keyring"
    assert header["keyring_backend"] == "keyring.backends.SecretService.Keyring"
    assert secret_service_run["secret_present"] is True
    shown = json.loads(str(_step(secret_service_run, "show")["out"]))
    assert (shown["title"], shown["body"]) == ("Evening walk", "by the canal")


@pytest.mark.secret_service
def test_lost_keyring_item_then_recovery_code(secret_service_run: dict[str, object]) -> None:
    gone = _step(secret_service_run, "after_delete")
    assert gone["code"] == 4
    assert "recovery code" in str(gone["err"])
    rec = _step(secret_service_run, "recover")
    assert rec["code"] == 0, rec
    new_code = str(rec["out"]).strip()
    old_code = str(_step(secret_service_run, "create")["out"]).strip()
    assert len(new_code) == 39 and new_code != old_code
    entries = json.loads(str(_step(secret_service_run, "after_recover")["out"]))
    assert [e["title"] for e in entries] == ["Evening walk"]
    vault_id = _step(secret_service_run, "header")["vault_id"]
    assert str(secret_service_run["recovered_entry"]).startswith(f"{vault_id}.")  # a new item of its own
    assert secret_service_run["old_item_left"] is False  # and the old one removed


@pytest.mark.secret_service
def test_keyring_returning_another_secret_is_named(secret_service_run: dict[str, object]) -> None:
    swapped = _step(secret_service_run, "after_swap")
    assert swapped["code"] == 4
    assert "different device key" in str(swapped["err"])


def test_no_keyring_at_all_is_a_clear_error(tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    create = subprocess.run(
        [sys.executable, "-m", "intimacy_desktop", "profile", "create", "--name", "Kai"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert create.returncode == 4
    assert create.stderr.count("\n") == 1 and "No system keyring is available" in create.stderr
    assert not (tmp_path / "data" / "profiles").exists() or not any((tmp_path / "data" / "profiles").iterdir())
    selftest = subprocess.run(
        [sys.executable, "-m", "intimacy_desktop", "self-test"], capture_output=True, text=True, env=env, timeout=120
    )
    assert selftest.returncode == 4
    # Passphrase-only mode is there, but only when asked for explicitly.
    consented = subprocess.run(
        [sys.executable, "-m", "intimacy_desktop", "profile", "create", "--name", "Kai", "--passphrase-only"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert consented.returncode == 0, consented.stderr
