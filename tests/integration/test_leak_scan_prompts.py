"""Which cards a person answered, favoured or hid, and whether they opted in to the physical layer's deepest deck,
is theirs (issue 9): after a lock, none of those ids or settings may be readable anywhere in the profile's folder,
its journal files or the temp folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from intimacy_desktop.core.content import Depth
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.services.prompts import PHYSICAL_DEEPEST


def _encodings(word: str) -> list[bytes]:
    return [word.encode("utf-8"), word.encode("utf-16-le"), word.encode("utf-16-be")]


def _hits(roots: list[Path], needles: list[str]) -> list[str]:
    found: list[str] = []
    for root in roots:
        for path in (p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
            data = path.read_bytes()
            found.extend(f"{path.name}: {n}" for n in needles for enc in _encodings(n) if enc in data)
    return found


def test_the_scan_finds_a_planted_id(tmp_path: Path) -> None:
    (tmp_path / "history.log").write_bytes(b"\x01" + "physical-deepest-011".encode("utf-16-le"))
    assert _hits([tmp_path], ["physical-deepest-011"]) == ["history.log: physical-deepest-011"]


def test_prompt_history_is_only_inside_the_encrypted_database(
    profiles: ProfileService, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    profile = profiles.create("Ari", "a good passphrase").profile
    prompts = profile.prompts
    prompts.allow_physical_deepest(True)
    used: list[str] = []
    for layer in (Layer.PHYSICAL, Layer.DIGITAL):
        light = prompts.deck(layer, Depth.LIGHT).left
        prompts.answer(light[0].id)
        prompts.skip(light[1].id)
        deepest = prompts.deck(layer, Depth.DEEPEST).left
        prompts.set_favourite(deepest[0].id, True)
        prompts.hide(deepest[1].id)
        prompts.answer(deepest[2].id)
        used += [light[0].id, light[1].id, deepest[0].id, deepest[1].id, deepest[2].id]
    assert prompts.mark(used[3]).hidden and prompts.physical_deepest_allowed()  # the writes did happen
    profile.close()

    needles = [*used, PHYSICAL_DEEPEST, "prompt_marks"]
    assert _hits([data_dir, private_tmp], needles) == []
