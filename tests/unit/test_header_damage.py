"""vault.json damaged by accident (anything that breaks the checksum): HeaderCorrupt, never a wrong passphrase.

Never a DEK, never a write. Deliberate tampering, the checksum recomputed: test_header_tamper.py.
"""

from __future__ import annotations

import pytest
from header_tamper_support import HEADER_KEYS, Setup, snapshot, tamper_cases

from intimacy_desktop.core.errors import EXIT_DATA, AppError, HeaderCorrupt
from intimacy_desktop.storage.header import HEADER_NAME
from intimacy_desktop.storage.vault import unlock_with_recovery

# ---- accidental damage: the checksum breaks ---------------------------------------------------------------------


@pytest.mark.parametrize("key", HEADER_KEYS)
def test_damaged_field_reads_as_header_corrupt(setup: Setup, key: str) -> None:
    for name, body in tamper_cases(key, setup.body):
        setup.write_body(body, recompute=False)
        before = snapshot(setup.folder)
        secrets_before = dict(setup.store.secrets) if setup.store else None
        with pytest.raises(AppError) as info:
            setup.unlock()
        assert type(info.value) is HeaderCorrupt, (key, name, info.value)
        assert info.value.exit_code == EXIT_DATA
        with pytest.raises(HeaderCorrupt):
            unlock_with_recovery(setup.folder, setup.created.recovery_code)
        assert snapshot(setup.folder) == before, (key, name)
        if setup.store is not None:
            assert setup.store.secrets == secrets_before


# ---- truncation and bit flips -----------------------------------------------------------------------------------


def test_every_truncation_is_header_corrupt(setup: Setup) -> None:
    data = setup.original
    assert len(data) > 300
    for n in range(len(data)):
        setup.write(data[:n])
        if data[n:].strip() == b"":
            # Only the trailing newline is gone: the JSON is complete and intact, so this is no damage.
            assert setup.unlock() == setup.created.dek
            continue
        with pytest.raises(AppError) as info:
            setup.unlock()
        assert type(info.value) is HeaderCorrupt, n
        with pytest.raises(HeaderCorrupt):
            unlock_with_recovery(setup.folder, setup.created.recovery_code)
        assert (setup.folder / HEADER_NAME).read_bytes() == data[:n]
    assert [p.name for p in setup.folder.iterdir()] == [HEADER_NAME]


def test_every_single_bit_flip_is_header_corrupt(setup: Setup) -> None:
    data = setup.original
    for offset in range(len(data)):
        for bit in (0x01, 0x80):
            damaged = bytearray(data)
            damaged[offset] ^= bit
            setup.write(bytes(damaged))
            with pytest.raises(AppError) as info:
                setup.unlock()
            assert type(info.value) is HeaderCorrupt, (offset, bit)


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00" * 4096, b"null", b"[]", b'"x"', b"{}", b"\xff\xfe{", b"{" * 100_000, b"1e999999"],
    ids=["empty", "zeros", "null", "list", "string", "empty-object", "bad-utf8", "deep", "inf"],
)
def test_garbage_headers_are_header_corrupt(setup: Setup, data: bytes) -> None:
    setup.write(data)
    with pytest.raises(AppError) as info:
        setup.unlock()
    assert type(info.value) is HeaderCorrupt
    assert (setup.folder / HEADER_NAME).read_bytes() == data


def test_missing_header_is_header_corrupt(setup: Setup) -> None:
    (setup.folder / HEADER_NAME).unlink()
    with pytest.raises(HeaderCorrupt) as info:
        setup.unlock()
    assert info.value.exit_code == EXIT_DATA
    assert list(setup.folder.iterdir()) == []
