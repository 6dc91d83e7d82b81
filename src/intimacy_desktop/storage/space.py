"""The couple's shared space on disk: a vault of its own, whose key no file holds.

    <data>/spaces/<space id>/space.json   {"version": 1, "space_id", "created", "generation"}   (no names, no keys)
    <data>/spaces/<space id>/journal.db   SQLCipher under the space's DEK

The DEK is kept inside each member's own encrypted vault (its settings table, ``space_key``), so either partner
opens the space with their own passphrase and nobody else can: no other file, header or keyring item can give it
out (DESIGN.md §4's second option, chosen for that reason; DECISIONS.md). ``generation`` counts re-keys: a member's
copy of the key names the generation it was given at, so a key from before a re-key is known to be stale before it
is tried.

A re-key (a member removed) uses the same crash-safe copy as a profile's (storage/rekey.py), then writes the new
generation; a crash in between leaves a database that one of the two keys opens, and ``open_space`` tells which.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from intimacy_desktop.core.errors import DataCorrupt, UsageError
from intimacy_desktop.storage import crypto, rekey
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.fsutil import atomic_write_bytes, ensure_private_dir, refuse_link

SPACES = "spaces"
SPACE_FILE = "space.json"
VERSION = 1


@dataclass(frozen=True)
class SpaceFile:
    folder: Path
    space_id: str
    created: str
    generation: int


def spaces_dir(data_dir: Path) -> Path:
    return data_dir / SPACES


def read_space(folder: Path) -> SpaceFile:
    refuse_link(folder / SPACE_FILE)
    try:
        body = json.loads((folder / SPACE_FILE).read_text(encoding="utf-8"))
        if body.get("version") != VERSION:
            raise DataCorrupt("space_damaged")
        found = SpaceFile(folder, str(body["space_id"]), str(body["created"]), int(body["generation"]))
    except FileNotFoundError as exc:
        raise UsageError("space_missing") from exc
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataCorrupt("space_damaged") from exc
    if found.space_id != folder.name or found.generation < 1:
        raise DataCorrupt("space_damaged")
    return found


def _write(space: SpaceFile) -> None:
    body = {"version": VERSION, "space_id": space.space_id, "created": space.created, "generation": space.generation}
    atomic_write_bytes(space.folder / SPACE_FILE, json.dumps(body, sort_keys=True).encode("utf-8"))


def create_space(data_dir: Path) -> tuple[SpaceFile, bytes]:
    """A new, empty space and its key (which the caller hands to each member at once)."""
    root = ensure_private_dir(spaces_dir(ensure_private_dir(data_dir, allow_link=True)))
    space_id = secrets.token_hex(16)
    folder = ensure_private_dir(root / space_id)
    dek = crypto.random_key()
    Database(folder, dek, create=True).close()
    space = SpaceFile(folder, space_id, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), 1)
    _write(space)
    return space, dek


def open_space(folder: Path, dek: bytes | bytearray) -> Database:
    return Database(folder, dek)


def rekey_space(folder: Path, old_dek: bytes | bytearray,
                keep_new_key: Callable[[bytes, int], None]) -> SpaceFile:
    """Re-encrypt the space under a new key (nobody may have it open). ``keep_new_key(dek, generation)`` must store
    the new key where the remaining member will find it, and runs after the copy is made and before it takes the
    old one's place: a crash at any point leaves the data under a key someone holds. The old key opens nothing
    written afterwards."""
    from intimacy_desktop.storage import in_use

    space = read_space(folder)
    new_dek = crypto.random_key()
    generation = space.generation + 1
    with in_use.exclusively(folder):
        rekey.export(folder, old_dek, new_dek, None)
        keep_new_key(new_dek, generation)
        rekey.finish(folder)
    space = SpaceFile(folder, space.space_id, space.created, generation)
    _write(space)
    return space
