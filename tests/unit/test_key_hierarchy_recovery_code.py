"""The key hierarchy of DESIGN.md §4, the recovery code: every typed form unlocks; a wrong one changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from key_hierarchy_support import PASSPHRASE, make_vault, snapshot

from intimacy_desktop.core import recovery_code
from intimacy_desktop.core.errors import EXIT_WRONG_SECRET, WrongRecoveryCode
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.vault import CreatedVault, unlock_with_recovery

# ---- recovery code ------------------------------------------------------------------------------------------------


def _variants(code: str) -> list[str]:
    groups = code.split("-")
    return [
        code,
        code.lower(),
        code.replace("-", ""),
        " ".join(groups),
        " ".join(groups).lower(),
        f"  {code}  \n",
        "-".join(g.lower() for g in groups),
    ]


def test_recovery_code_format(vault: CreatedVault) -> None:
    groups = vault.recovery_code.split("-")
    assert len(groups) == 8
    assert all(len(g) == 4 for g in groups)
    assert recovery_code.parse_code(vault.recovery_code) == recovery_code.parse_code(vault.recovery_code.lower())


def test_recovery_code_unlocks_in_every_typed_form(vault: CreatedVault, store: MemorySecretStore) -> None:
    before = snapshot(vault.folder)
    store.secrets.clear()  # the recovery code does not need the keyring
    store.available = False
    for typed in _variants(vault.recovery_code):
        _, dek = unlock_with_recovery(vault.folder, typed)
        assert dek == vault.dek, typed
    assert snapshot(vault.folder) == before


@pytest.mark.parametrize(
    "wrong",
    [
        "fresh",  # a well-formed code that is not this vault's
        "",
        "AAAA",
        "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG",  # seven groups
        "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH-IIII",
        "!!!!-????-....-,,,,-;;;;-::::-////-\\\\\\\\",
        "9999-9999-9999-9999-9999-9999-9999-9999",  # 9 is not Base32
        "one",
    ],
)
def test_wrong_recovery_code_is_refused(vault: CreatedVault, wrong: str) -> None:
    if wrong == "fresh":
        wrong = recovery_code.new_code()
    before = snapshot(vault.folder)
    with pytest.raises(WrongRecoveryCode) as info:
        unlock_with_recovery(vault.folder, wrong)
    assert info.value.exit_code == EXIT_WRONG_SECRET
    assert snapshot(vault.folder) == before


def test_one_wrong_letter_in_the_recovery_code_is_refused(vault: CreatedVault) -> None:
    code = vault.recovery_code
    swapped = ("B" if code[0] != "B" else "C") + code[1:]
    with pytest.raises(WrongRecoveryCode):
        unlock_with_recovery(vault.folder, swapped)


def test_a_recovery_code_of_another_vault_is_refused(tmp_path: Path, store: MemorySecretStore) -> None:
    a = make_vault(tmp_path / "a", PASSPHRASE, store)
    b = make_vault(tmp_path / "b", PASSPHRASE, store)
    with pytest.raises(WrongRecoveryCode):
        unlock_with_recovery(a.folder, b.recovery_code)
