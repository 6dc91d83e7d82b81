"""Runs inside ``dbus-run-session`` with a fresh gnome-keyring: drives the real CLI and prints what happened as JSON.

Used by tests/integration/test_secret_service.py; each step records exit code, stdout and stderr.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys


def cli(*args: str, stdin: str | None = None, **env: str) -> dict[str, object]:
    run_env = dict(os.environ, **env)
    proc = subprocess.run(
        [sys.executable, "-m", "intimacy_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=run_env,
        timeout=120,
    )
    return {"code": proc.returncode, "out": proc.stdout, "err": proc.stderr}


def main() -> None:
    steps: dict[str, object] = {}
    steps["self_test"] = cli("self-test")
    created = cli("profile", "create", "--name", "Robin")
    steps["create"] = created
    steps["add"] = cli("journal", "add", "--profile", "Robin", "--title", "Evening walk", "--body", "by the canal")
    steps["show"] = cli("journal", "show", "1", "--profile", "Robin", "--json")

    import keyring  # the same Secret Service the app uses

    steps["backend"] = f"{type(keyring.get_keyring()).__module__}.{type(keyring.get_keyring()).__name__}"
    vault = next(p for p in os.scandir(os.path.join(os.environ["INTIMACY_DESKTOP_DATA_DIR"], "profiles")))
    with open(os.path.join(vault.path, "vault.json"), encoding="utf-8") as fh:
        header = json.load(fh)
    steps["header"] = header
    secret = keyring.get_password("desktop-vault", header["vault_id"])
    steps["secret_present"] = secret is not None

    keyring.delete_password("desktop-vault", header["vault_id"])
    steps["after_delete"] = cli("journal", "list", "--profile", "Robin")
    code = str(created["out"]).strip()
    steps["recover"] = cli("profile", "recover", "--name", "Robin", INTIMACY_DESKTOP_RECOVERY_CODE=code)
    steps["after_recover"] = cli("journal", "list", "--profile", "Robin", "--json")

    with open(os.path.join(vault.path, "vault.json"), encoding="utf-8") as fh:
        recovered = json.load(fh)  # a new device secret, in a keyring item of its own
    steps["recovered_entry"] = recovered.get("keyring_entry")
    steps["old_item_left"] = keyring.get_password("desktop-vault", header["vault_id"]) is not None
    other = "c29tZXRoaW5nIGVsc2UgZW50aXJlbHkgMzIgYnl0ZXMhIQ=="
    keyring.set_password("desktop-vault", recovered["keyring_entry"], other)
    steps["after_swap"] = cli("journal", "list", "--profile", "Robin")
    print(json.dumps(steps))


if __name__ == "__main__":
    main()
