"""``profile passphrase`` and ``profile new-recovery-code`` (issue 8): the real CLI in a subprocess; and a CLI write
while another process (the window) holds the profile goes through and is noticed, while a re-key is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import cli

from intimacy_desktop.core.errors import KeyringUnavailable
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile

OLD = "correct horse battery staple"  # cli_env's INTIMACY_DESKTOP_PASSPHRASE
NEW = "a new and longer passphrase"


def _no_keyring() -> object:
    raise KeyringUnavailable()


@pytest.fixture
def made(cli_env: dict[str, str]) -> tuple[dict[str, str], str]:
    created = cli(cli_env, "profile", "create", "--name", "Jo")
    assert created.returncode == 0, created.stderr
    added = cli(cli_env, "journal", "add", "--profile", "Jo", stdin="Before the change\nwords\n")
    assert added.returncode == 0, added.stderr
    return cli_env, created.stdout.strip()


def _titles(env: dict[str, str], **extra: str) -> tuple[int, str]:
    listed = cli(env, "journal", "list", "--profile", "Jo", **extra)
    return listed.returncode, listed.stdout


def test_change_the_passphrase_then_the_old_one_and_the_old_code_stop_working(made: tuple[dict[str, str], str]) -> None:
    env, old_code = made
    changed = cli(env, "profile", "passphrase", "--name", "Jo", INTIMACY_DESKTOP_NEW_PASSPHRASE=NEW)
    assert changed.returncode == 0, changed.stderr
    new_code = changed.stdout.strip()
    assert len(new_code.split("-")) == 8 and new_code != old_code
    assert "passphrase changed" in changed.stderr and "Traceback" not in changed.stderr

    rc, _ = _titles(env)  # the old passphrase
    assert rc == 3
    rc, out = _titles(env, INTIMACY_DESKTOP_PASSPHRASE=NEW)
    assert rc == 0 and "Before the change" in out
    old = cli(env, "profile", "recover", "--name", "Jo", INTIMACY_DESKTOP_RECOVERY_CODE=old_code)
    assert old.returncode == 3


def test_a_short_new_passphrase_is_refused_and_nothing_changes(made: tuple[dict[str, str], str]) -> None:
    env, _ = made
    short = cli(env, "profile", "passphrase", "--name", "Jo", INTIMACY_DESKTOP_NEW_PASSPHRASE="short")
    assert short.returncode == 2 and "8" in short.stderr and short.stdout == ""
    assert _titles(env)[0] == 0


def test_remove_then_set_a_passphrase(made: tuple[dict[str, str], str]) -> None:
    env, _ = made
    removed = cli(env, "profile", "passphrase", "--name", "Jo", "--remove")
    assert removed.returncode == 0, removed.stderr
    assert "anyone who uses this computer account can open this profile" in removed.stderr
    rc, out = _titles({k: v for k, v in env.items() if k != "INTIMACY_DESKTOP_PASSPHRASE"})
    assert rc == 0 and "Before the change" in out

    without = {k: v for k, v in env.items() if k != "INTIMACY_DESKTOP_PASSPHRASE"}
    set_again = cli(without, "profile", "passphrase", "--name", "Jo", INTIMACY_DESKTOP_NEW_PASSPHRASE=NEW)
    assert set_again.returncode == 0 and "passphrase set" in set_again.stderr, set_again.stderr
    assert _titles(env, INTIMACY_DESKTOP_PASSPHRASE=NEW)[0] == 0


def test_a_new_recovery_code_revokes_the_old_one(made: tuple[dict[str, str], str]) -> None:
    env, old_code = made
    fresh = cli(env, "profile", "new-recovery-code", "--name", "Jo")
    assert fresh.returncode == 0, fresh.stderr
    new_code = fresh.stdout.strip()
    assert new_code != old_code and "no longer works" in fresh.stderr
    assert cli(env, "profile", "recover", "--name", "Jo", INTIMACY_DESKTOP_RECOVERY_CODE=old_code).returncode == 3
    assert _titles(env)[0] == 0  # the passphrase is the same
    recovered = cli(env, "profile", "recover", "--name", "Jo", INTIMACY_DESKTOP_RECOVERY_CODE=new_code,
                    INTIMACY_DESKTOP_PASSPHRASE=NEW)
    assert recovered.returncode == 0, recovered.stderr


# ---- two processes: the window holds the profile, the CLI acts on it --------------------------------------------


@pytest.fixture
def window(cli_env: dict[str, str], data_dir: Path) -> Iterator[tuple[dict[str, str], UnlockedProfile]]:
    """A passphrase-only profile held open by this process, as the window would."""
    created = cli(cli_env, "profile", "create", "--name", "Jo", "--passphrase-only")
    assert created.returncode == 0, created.stderr
    service = ProfileService(data_dir, _no_keyring)  # type: ignore[arg-type]
    profile = service.unlock(service.find("Jo"), OLD)
    yield cli_env, profile
    profile.close()


def test_a_cli_write_while_the_window_holds_the_profile_goes_through_and_is_noticed(
    window: tuple[dict[str, str], UnlockedProfile],
) -> None:
    env, profile = window
    assert not profile.foreign_changes()
    added = cli(env, "journal", "add", "--profile", "Jo", stdin="From the terminal\n")
    assert added.returncode == 0, added.stderr
    assert profile.foreign_changes()  # the window's poll sees it and refreshes (change notices)
    # The CLI's close must not take itself for the last user: the window's SQLite locks are still held (an
    # os.open/close of journal.db in the window's own process used to drop them), so the log stays in place.
    assert (profile.info.folder / "journal.db-wal").exists()
    from intimacy_desktop.core.journal import EntryFilter

    assert [s.title for s in profile.journal.summaries(EntryFilter())] == ["From the terminal"]


def test_a_re_key_while_the_window_holds_the_profile_is_refused(
    window: tuple[dict[str, str], UnlockedProfile],
) -> None:
    env, profile = window
    refused = cli(env, "profile", "passphrase", "--name", "Jo", INTIMACY_DESKTOP_NEW_PASSPHRASE=NEW)
    assert refused.returncode == 2
    assert "open in the app or in another command" in refused.stderr and refused.stdout == ""
    assert len(refused.stderr.strip().splitlines()) == 1
    refused = cli(env, "profile", "new-recovery-code", "--name", "Jo")
    assert refused.returncode == 2
    from intimacy_desktop.core.journal import EntryFields

    profile.journal.add(EntryFields(title="the window still writes", body=""))
    assert _titles(env)[0] == 0  # and the old passphrase still opens it
