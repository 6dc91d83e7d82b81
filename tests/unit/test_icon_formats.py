"""The .ico and .icns writers: read the files back as Windows and macOS would, entry by entry."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from icon_formats import ICNS_TYPES, icns_bytes, ico_bytes, png_size  # noqa: E402

ICONS = ROOT / "src" / "intimacy_desktop" / "gui" / "_generated" / "icons"


def fake_png(size: int, payload: bytes = b"") -> bytes:
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", size, size) + payload


def test_ico_directory_points_at_each_png() -> None:
    pngs = {16: fake_png(16, b"a"), 32: fake_png(32, b"bb"), 256: fake_png(256, b"ccc")}
    data = ico_bytes(pngs)
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, 3)
    for i, size in enumerate(sorted(pngs)):
        w, h, _colours, _res, planes, bpp, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        assert (w or 256, h or 256, planes, bpp) == (size, size, 1, 32)
        assert data[offset:offset + length] == pngs[size]


def test_icns_chunks_cover_every_type_with_a_matching_size() -> None:
    pngs = {size: fake_png(size, bytes([size % 251])) for size in (16, 32, 64, 128, 256, 512, 1024)}
    data = icns_bytes(pngs)
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        found[kind] = data[pos + 8:pos + length]
        pos += length
    assert set(found) == {kind for kind, _ in ICNS_TYPES}
    for kind, size in ICNS_TYPES:
        assert png_size(found[kind]) == (size, size)


def test_writers_refuse_wrong_input() -> None:
    with pytest.raises(ValueError, match="not a PNG"):
        ico_bytes({16: b"GIF89a" + b"\0" * 30})
    with pytest.raises(ValueError, match="16px image"):
        ico_bytes({16: fake_png(32)})
    with pytest.raises(ValueError, match="1 to 256"):
        ico_bytes({512: fake_png(512)})
    with pytest.raises(ValueError, match="no image"):
        icns_bytes({20: fake_png(20)})


def test_built_icons_are_real_drawings_at_every_size() -> None:
    """The rendered PNGs (scripts/build_ui.py) have their size, transparent corners and the warm centre."""
    from PySide6.QtGui import QColor, QImage

    for size in (16, 32, 48, 256, 1024):
        image = QImage(str(ICONS / f"intimacy-desktop-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert QColor(image.pixelColor(0, 0)).alpha() == 0  # rounded corner
        centre = image.pixelColor(size // 2, size // 2)
        assert centre.alpha() == 255 and centre.red() > centre.blue()  # the coral lens where the rings overlap
    assert (ICONS / "intimacy-desktop.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (ICONS / "intimacy-desktop.icns").read_bytes()[:4] == b"icns"
