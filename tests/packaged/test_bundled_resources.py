"""The frozen bundle carries what intimacy_desktop.resources reads at run time, byte for byte as the source tree
has it: the content folder (one folder per language) and the generated icons, translations and licence texts."""

from __future__ import annotations

import sys
from pathlib import Path

import bundle_plan
import release_info


def relative_files(folder: Path, pattern: str) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.glob(pattern))}


def test_bundle_holds_the_content_folder_as_the_source_tree_has_it(bundle: Path) -> None:
    bundled = bundle / "_internal" / "intimacy_desktop" / "content"
    source = relative_files(bundle_plan.CONTENT, "*/*.toml")
    assert "en/language.toml" in source
    assert relative_files(bundled, "*/*.toml") == source
    assert sorted(p.name for p in bundled.iterdir()) == sorted({name.split("/")[0] for name in source})


def test_bundle_holds_the_generated_resources(bundle: Path) -> None:
    bundled = bundle / "_internal" / "intimacy_desktop" / "gui" / "_generated"
    for pattern in ("icons/*.png", "translations/*.qm", "third_party.json", "licenses/*.txt"):
        source = relative_files(release_info.GENERATED, pattern)
        assert source, pattern
        assert relative_files(bundled, pattern) == source, pattern
    assert bundle_plan.missing_from_bundle(bundle, sys.platform) == []
