"""A database written at schema 1 (committed in tests/fixtures/profile_v1) opens, migrates and keeps its data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from intimacy_desktop.core.journal import EntryFields, EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.paths import profiles_dir
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS
from intimacy_desktop.storage.device_secret import MemorySecretStore
from intimacy_desktop.storage.migrations import SCHEMA_VERSION, schema_version
from intimacy_desktop.storage.sql import Tx, connect
from intimacy_desktop.storage.vault import unlock

FIXTURE = Path(__file__).parents[1] / "fixtures" / "profile_v1"
PASSPHRASE = "fixture-passphrase"


@pytest.fixture
def old_profile(data_dir: Path) -> ProfileService:
    target = profiles_dir(data_dir) / "0f1x7ur3"
    shutil.copytree(FIXTURE, target)
    return ProfileService(data_dir, MemorySecretStore, FAST_TEST_PARAMS)


def _version(folder: Path) -> int:
    """Read user_version without migrating (Database() would migrate on open)."""
    _, dek = unlock(folder, PASSPHRASE, None)
    conn = connect(folder / "journal.db", dek, pragmas=())
    try:
        return schema_version(Tx(conn))
    finally:
        conn.close()


def test_committed_fixture_is_still_schema_1() -> None:
    assert SCHEMA_VERSION > 1, "add a newer fixture when the fixture's schema is the current one"
    assert _version(FIXTURE) == 1


def test_old_database_migrates_and_keeps_every_entry(old_profile: ProfileService) -> None:
    info = old_profile.find("Fixture v1")
    profile = old_profile.unlock(info, PASSPHRASE)
    try:
        journal = profile.journal
        rows = journal.summaries()
        assert [r.title for r in rows] == ["Café argument", "A quiet evening", "Our first device-free dinner"]
        first = journal.get(1)
        assert first.fields.tags == ("dinner", "phones")
        assert first.fields.layer is Layer.DIGITAL
        assert first.fields.kind is Kind.HIGH
        assert [r.id for r in journal.summaries(EntryFilter(text="basket"))] == [1]
        # What schema 2 added works on the migrated database: the trash and drafts.
        journal.trash(3)
        assert journal.count() == 2
        journal.save_draft(None, EntryFields(title="half-written"))
        assert [d[1].title for d in journal.drafts()] == ["half-written"]
    finally:
        profile.close()
    assert _version(info.folder) == SCHEMA_VERSION
