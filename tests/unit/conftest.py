"""Fixtures shared by the unit tests of one subject across several modules: the journal, the vault, the header."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from header_tamper_support import MODES, Setup
from header_tamper_support import PASSPHRASE as TAMPER_PASSPHRASE
from key_hierarchy_support import PASSPHRASE, make_vault

from intimacy_desktop.core.journal import EntryFields, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.journal import JournalService
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.vault import CreatedVault, create_vault

D = dt.date

# ---- JournalService (test_journal_*.py) -----------------------------------------------------------------------------


@pytest.fixture
def profile(profiles: ProfileService) -> Iterator[UnlockedProfile]:
    created = profiles.create("Journal test", "pw")
    yield created.profile
    created.profile.close()


@pytest.fixture
def journal(profile: UnlockedProfile) -> JournalService:
    return profile.journal


@pytest.fixture
def corpus(journal: JournalService) -> dict[str, int]:
    rows = {
        "holiday": EntryFields(
            title="Holiday by the sea",
            body="The beach was warm.",
            entry_date=D(2024, 7, 10),
            mood=5,
            layer=Layer.PHYSICAL,
            kind=Kind.HIGH,
            tags=("travel",),
        ),
        "cafe": EntryFields(
            title="Café crème",
            body="Naïve coffee talk at the café.",
            entry_date=D(2024, 7, 12),
            mood=4,
            layer=Layer.INTELLECTUAL,
            kind=Kind.ENTRY,
            tags=("coffee",),
        ),
        "dont": EntryFields(
            title="Apostrophes",
            body="We don't argue; it's fine.",
            entry_date=D(2024, 8, 1),
            mood=3,
            layer=Layer.EMOTIONAL,
            kind=Kind.REFLECTION,
            tags=("travel", "talk"),
        ),
        "fight": EntryFields(
            title="Rough day",
            body="An argument about the holiday plans.",
            entry_date=D(2024, 8, 2),
            mood=1,
            layer=Layer.EMOTIONAL,
            kind=Kind.LOW,
            tags=("conflict",),
        ),
        "texts": EntryFields(
            title="Messages",
            body="Sent funny texts all day.",
            entry_date=D(2024, 9, 1),
            mood=None,
            layer=Layer.DIGITAL,
            kind=Kind.ENTRY,
        ),
    }
    return {name: journal.add(f).id for name, f in rows.items()}


# ---- the key hierarchy (test_key_hierarchy_*.py) --------------------------------------------------------------------


@pytest.fixture
def store() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def vault(tmp_path: Path, store: MemorySecretStore) -> CreatedVault:
    """Keyring + passphrase: the default mode."""
    return make_vault(tmp_path / "v", PASSPHRASE, store)


# ---- vault.json damaged or tampered with (test_header_*.py) ---------------------------------------------------------


@pytest.fixture(params=MODES)
def setup(request: pytest.FixtureRequest, tmp_path: Path) -> Setup:
    mode = request.param
    store = None if mode == "passphrase-only" else MemorySecretStore()
    passphrase = None if mode == "keyring-only" else TAMPER_PASSPHRASE
    created = create_vault(tmp_path / "v", "Sample", passphrase, store, crypto.FAST_TEST_PARAMS)
    return Setup(created, store, passphrase)


# ---- the shared space (test_household.py, test_share_cards.py) ------------------------------------------------------


@pytest.fixture
def couple(profiles: ProfileService) -> Iterator[tuple[UnlockedProfile, UnlockedProfile, UnlockedProfile]]:
    sam = profiles.create("Sam", "sam passphrase").profile
    alex = profiles.create("Alex", "alex passphrase").profile
    guest = profiles.create("Guest", "guest passphrase").profile
    yield sam, alex, guest
    for p in (sam, alex, guest):
        p.close()
