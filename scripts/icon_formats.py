"""Pack rendered PNG images into the icon containers Windows (.ico) and macOS (.icns) expect.

Both formats may hold PNG data directly (Windows Vista and later, macOS 10.7 and later), so no image library is
needed: this only writes the directory structures around the PNG bytes.
"""

from __future__ import annotations

import struct

# .icns types that hold PNG data, by pixel size; the @2x types reuse the bigger renders.
ICNS_TYPES: tuple[tuple[bytes, int], ...] = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if not png.startswith(PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A .ico file holding each PNG (keyed by its square size, 1–256 px)."""
    sizes = sorted(pngs)
    if not sizes or sizes[0] < 1 or sizes[-1] > 256:
        raise ValueError("an .ico holds images of 1 to 256 pixels")
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        if png_size(data) != (size, size):
            raise ValueError(f"the {size}px image is {png_size(data)}")
        # width/height 0 means 256; 0 colours; 1 plane; 32 bits per pixel
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .icns file with every PNG-capable type whose size is among ``pngs``."""
    chunks = b""
    for kind, size in ICNS_TYPES:
        data = pngs.get(size)
        if data is None:
            continue
        if png_size(data) != (size, size):
            raise ValueError(f"the {size}px image is {png_size(data)}")
        chunks += kind + struct.pack(">I", 8 + len(data)) + data
    if not chunks:
        raise ValueError("no image of a size .icns can hold")
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks
