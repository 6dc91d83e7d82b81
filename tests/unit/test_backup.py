"""Backups: a round trip restores every entry byte for byte, on an empty keyring too; a tampered, truncated,
reordered or extended file is refused; a wrong passphrase is told apart from damage; nothing is ever replaced."""

from __future__ import annotations

import datetime as dt
import os
import struct
from pathlib import Path

import pytest

from intimacy_desktop.core.errors import DataCorrupt, ProfileExists, UsageError, WrongPassphrase
from intimacy_desktop.core.journal import EntryFields, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.backups import STAGING, BackupService
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.storage import backup_stream as bs
from intimacy_desktop.storage import crypto
from intimacy_desktop.storage.device_secret import MemorySecretStore

PW = "backup passphrase"
CANARY = "zebra-canary-4471"


def _entries(profile: UnlockedProfile, n: int) -> list[dict[str, object]]:
    for i in range(n):
        profile.journal.add(EntryFields(
            title=f"Day {i} {CANARY}", body=f"Ünïcode body {i}\n\nline two\r\nwith CRLF " + "x" * (i % 7) * 300,
            entry_date=dt.date(2025, 1, 1) + dt.timedelta(days=i), mood=(i % 5) + 1, layer=Layer.EMOTIONAL,
            kind=Kind.HIGH if i % 2 else Kind.ENTRY, tags=(f"t{i % 3}", "shared-tag"), shared=bool(i % 2)))
    return _dump(profile)


def _dump(profile: UnlockedProfile) -> list[dict[str, object]]:
    from intimacy_desktop.core.entry_codec import fields_to_dict
    from intimacy_desktop.core.journal import EntryFilter

    rows = profile.journal.summaries(EntryFilter(), offset=0, limit=100_000)
    return sorted((fields_to_dict(profile.journal.get(r.id).fields) for r in rows), key=lambda d: str(d["title"]))


@pytest.fixture
def service(profiles: ProfileService) -> BackupService:
    return BackupService(profiles, crypto.FAST_TEST_PARAMS)


@pytest.fixture
def written(profiles: ProfileService, service: BackupService, tmp_path: Path) -> tuple[Path, list[dict[str, object]]]:
    created = profiles.create("Sam", "pw")
    expected = _entries(created.profile, 40)
    out = tmp_path / "out" / "sam.idbackup"
    out.parent.mkdir()
    service.create(out, PW, created.profile)
    created.profile.close()
    return out, expected


def test_round_trip_on_an_empty_keyring_restores_every_entry(written: tuple[Path, list[dict[str, object]]],
                                                             tmp_path: Path) -> None:
    out, expected = written
    empty_keyring = MemorySecretStore()
    fresh = ProfileService(tmp_path / "fresh-machine", lambda: empty_keyring, crypto.FAST_TEST_PARAMS)
    restored = BackupService(fresh, crypto.FAST_TEST_PARAMS).restore(out, PW, new_passphrase="new pw")
    assert restored.recovery_code
    assert [p.label for p in fresh.list_profiles()] == ["Sam"]
    profile = fresh.unlock(restored.info, "new pw")
    try:
        assert _dump(profile) == expected  # every field of every entry, byte for byte
        profile.journal.add(EntryFields(title="written after the restore"))
    finally:
        profile.close()


def test_the_backup_holds_no_plaintext_and_names_no_profile(written: tuple[Path, list[dict[str, object]]]) -> None:
    out, _ = written
    data = out.read_bytes()
    assert CANARY.encode() not in data and b"Sam" not in data
    assert data.startswith(bs.MAGIC)
    assert os.stat(out).st_mode & 0o077 == 0


def test_wrong_passphrase_is_not_damage(written: tuple[Path, list[dict[str, object]]], service: BackupService) -> None:
    out, _ = written
    with pytest.raises(WrongPassphrase):
        service.verify(out, "not it")
    assert service.verify(out, PW).items[0].entries == 40


def _chunks(data: bytes) -> tuple[bytes, list[bytes]]:
    """Split a backup into its header bytes and its framed chunks (length prefix included)."""
    (hlen,) = struct.unpack(">I", data[len(bs.MAGIC):len(bs.MAGIC) + 4])
    head_end = len(bs.MAGIC) + 4 + hlen
    pos, chunks = head_end, []
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        chunks.append(data[pos:pos + 4 + n])
        pos += 4 + n
    return data[:head_end], chunks


@pytest.fixture
def multi_chunk(profiles: ProfileService, tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> tuple[Path, BackupService]:
    monkeypatch.setattr(bs, "CHUNK_BYTES", 4096)
    service = BackupService(profiles, crypto.FAST_TEST_PARAMS)
    created = profiles.create("Chunks", "pw")
    _entries(created.profile, 30)
    out = tmp_path / "chunks.idbackup"
    service.create(out, PW, created.profile)
    created.profile.close()
    return out, service


@pytest.mark.parametrize("damage", ["flip", "truncate_bytes", "drop_last_chunk", "swap_chunks", "append",
                                    "duplicate_chunk", "header_edit"])
def test_damaged_backups_are_refused(multi_chunk: tuple[Path, BackupService], damage: str) -> None:
    out, service = multi_chunk
    data = out.read_bytes()
    head, chunks = _chunks(data)
    assert len(chunks) >= 4
    if damage == "flip":
        mutated = bytearray(data)
        mutated[len(head) + 4 + len(chunks[0]) + 50] ^= 1
        bad = bytes(mutated)
    elif damage == "truncate_bytes":
        bad = data[: len(data) - 100]
    elif damage == "drop_last_chunk":
        bad = head + b"".join(chunks[:-1])
    elif damage == "swap_chunks":
        bad = head + chunks[0] + chunks[2] + chunks[1] + b"".join(chunks[3:])
    elif damage == "append":
        bad = data + chunks[-1]
    elif damage == "duplicate_chunk":
        bad = head + chunks[0] + chunks[1] + chunks[1] + b"".join(chunks[2:])
    else:
        bad = head.replace(b'"chunk_bytes":4096', b'"chunk_bytes":4097') + b"".join(chunks)
        assert bad != data
    out.write_bytes(bad)
    with pytest.raises(DataCorrupt):
        service.verify(out, PW)
    with pytest.raises(DataCorrupt):
        service.restore(out, PW, label="Restored", new_passphrase="pw2")
    assert [p.label for p in service._profiles.list_profiles()] == ["Chunks"]  # nothing was made


def test_not_a_backup_and_a_hostile_header(tmp_path: Path, service: BackupService) -> None:
    junk = tmp_path / "junk.idbackup"
    junk.write_bytes(b"PK\x03\x04 not ours")
    with pytest.raises(DataCorrupt, match="backup_not_a_backup"):
        service.verify(junk, PW)
    huge = bs.MAGIC + struct.pack(">I", 200) + (
        b'{"chunk_bytes":4096,"created":"x","file_salt":"00","format":1,"kdf":{"memory_kib":4194304,'
        b'"name":"argon2id","parallelism":1,"time_cost":100},"kdf_salt":"00","key_check":"00"}').ljust(200)
    junk.write_bytes(huge)
    with pytest.raises(DataCorrupt):  # refused before any derivation: no 4 GiB Argon2 run
        service.verify(junk, PW)


def test_restore_never_replaces_a_profile(written: tuple[Path, list[dict[str, object]]], service: BackupService,
                                          profiles: ProfileService) -> None:
    out, expected = written
    with pytest.raises(ProfileExists):
        service.restore(out, PW, new_passphrase="x")
    restored = service.restore(out, PW, label="Sam (restored)", new_passphrase="x")
    assert sorted(p.label for p in profiles.list_profiles()) == ["Sam", "Sam (restored)"]
    original = profiles.unlock(profiles.find("Sam"), "pw")
    try:
        assert _dump(original) == expected
    finally:
        original.close()
    assert restored.info.label == "Sam (restored)"
    assert not any((profiles.data_dir / STAGING).iterdir())


def test_an_existing_file_is_never_overwritten(written: tuple[Path, list[dict[str, object]]],
                                               service: BackupService, profiles: ProfileService) -> None:
    out, _ = written
    before = out.read_bytes()
    profile = profiles.unlock(profiles.find("Sam"), "pw")
    try:
        with pytest.raises(UsageError, match="backup_exists"):
            service.create(out, PW, profile)
    finally:
        profile.close()
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_backup_of_every_vault_restores_sealed_vaults_with_their_recovery_code(
        profiles: ProfileService, service: BackupService, tmp_path: Path) -> None:
    sam = profiles.create("Sam", "pw-sam")
    alex = profiles.create("Alex", "pw-alex")
    sam_entries = _entries(sam.profile, 5)
    alex_entries = _entries(alex.profile, 3)
    alex.profile.close()
    out = tmp_path / "all.idbackup"
    manifest = service.create_all(out, PW, open_profile=sam.profile)  # Sam is open; Alex's files are copied
    sam.profile.close()
    assert sorted((i.label, i.kind) for i in manifest.items) == [("Alex", "sealed"), ("Sam", "sealed")]

    empty_keyring = MemorySecretStore()
    fresh = ProfileService(tmp_path / "fresh", lambda: empty_keyring, crypto.FAST_TEST_PARAMS)
    fresh_backups = BackupService(fresh, crypto.FAST_TEST_PARAMS)
    with pytest.raises(UsageError, match="backup_choose_item"):
        fresh_backups.restore(out, PW)
    for name, code, expected in (("Sam", sam.recovery_code, sam_entries), ("Alex", alex.recovery_code, alex_entries)):
        restored = fresh_backups.restore(out, PW, item=name)
        assert restored.recovery_code is None
        recovered = fresh.recover(restored.info, code, "new pw")  # the keyring here has never seen these vaults
        try:
            assert _dump(recovered.profile) == expected
        finally:
            recovered.profile.close()
    with pytest.raises(UsageError, match="backup_vault_present"):
        fresh_backups.restore(out, PW, item="Sam")


def test_listing_reads_only_public_headers(written: tuple[Path, list[dict[str, object]]]) -> None:
    out, _ = written
    (out.parent / "notes.txt").write_text("not a backup")
    (out.parent / "broken.idbackup").write_bytes(b"garbage")
    found = BackupService.list_backups(out.parent)
    assert [f.path for f in found] == [out]
    assert found[0].size == out.stat().st_size
