"""``repr()`` of every object that carries a secret shows none of it (issue 8): reprs end up in logs, tracebacks
and debuggers."""

from __future__ import annotations

from pathlib import Path

from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.secret_bytes import hex_pragma, wipe, wipe_immutable
from intimacy_desktop.storage.vault import create_vault


def test_created_vault_and_profile_reprs_hold_no_key_and_no_code(tmp_path: Path,
                                                                 profiles: ProfileService) -> None:
    made = create_vault(tmp_path / "v", "Sam", "a good passphrase", None, FAST_TEST_PARAMS)
    text = repr(made)
    assert made.dek.hex() not in text and repr(made.dek) not in text and made.recovery_code not in text
    assert made.header.wrapped_dek.hex() not in text

    created = profiles.create("Robin", "a good passphrase")
    try:
        assert created.recovery_code not in repr(created) and created.recovery_code not in str(created)
        assert "Robin" not in repr(created.profile.header)
    finally:
        created.profile.close()


def test_wiping_overwrites_in_place() -> None:
    key = bytearray(b"\x01" * 32)
    wipe(key)
    assert key == bytearray(32)
    text = "".join(["a secret ", "passphrase"])  # a fresh object, not a shared constant
    wipe_immutable(text)
    assert text == "\0" * 19
    non_ascii = "".join(["pässwörd ", "€uro"])
    wipe_immutable(non_ascii)
    assert set(non_ascii) == {"\0"}
    data = bytes(bytearray(b"raw key bytes"))
    wipe_immutable(data)
    assert data == bytes(13)
    single = "x"
    wipe_immutable(single)  # a shared one-character object is left alone
    assert single == "x" and chr(120) == "x"
    assert hex_pragma(bytes([0, 171, 255])) == bytearray(b"x'00abff'")
