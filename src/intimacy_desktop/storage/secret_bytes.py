"""Overwrite secrets in place once they are no longer needed (issue 8: no key after lock).

Keys live in ``bytearray``s, which ``wipe`` zeroes. Some copies cannot be avoided: a library hands back ``bytes``
(cryptography's AES-GCM, argon2's raw hash), SQLCipher's key pragma must be a ``str``, a passphrase arrives as a
``str`` from the keyboard. ``wipe_immutable`` overwrites those objects' own buffers through ctypes (CPython only;
elsewhere it does nothing). Only call it on an object this code made and holds the last use of: an interned or
shared object would change under whoever else refers to it.
"""

from __future__ import annotations

import ctypes
import sys

_BYTES_HEADER = sys.getsizeof(b"") - 1  # PyBytesObject's fixed part; the data follows it
_ASCII_HEADER = sys.getsizeof("") - 1  # a compact ASCII str's fixed part (3.11: 48, 3.12+: 40)
_COMPACT_HEADER = sys.getsizeof(chr(0x100)) - 4  # any other compact str's (a fresh 1-character UCS-2 string)


def wipe(buf: bytearray | memoryview | None) -> None:
    if buf is not None and len(buf):
        buf[:] = bytes(len(buf))


def wipe_immutable(value: bytes | str | None) -> None:
    """Zero the buffer of a ``bytes`` or ``str`` in place; its length and type stay, its content is gone."""
    if value is None or len(value) < 2 or sys.implementation.name != "cpython":
        return  # the empty and the one-character objects are shared singletons: never ours to overwrite
    if isinstance(value, bytes):
        ctypes.memset(id(value) + _BYTES_HEADER, 0, len(value))
        return
    if value.isascii():
        ctypes.memset(id(value) + _ASCII_HEADER, 0, len(value))
        return
    # Non-ASCII text: a compact str of 1, 2 or 4 bytes per character after a larger header; its UTF-8 copy (if one
    # was ever made) hangs off the header and is not reached here. Overwrite the characters we can locate.
    kind = 1 if max(value) <= "\xff" else 2 if max(value) <= "\uffff" else 4
    ctypes.memset(id(value) + _COMPACT_HEADER, 0, len(value) * kind)


def hex_pragma(dek: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form ``x'<hex>'`` built in a bytearray (no immutable hex string on the way)."""
    digits = b"0123456789abcdef"
    out = bytearray(b"x'") + bytearray(2 * len(dek)) + bytearray(b"'")
    for i, byte in enumerate(dek):
        out[2 + 2 * i] = digits[byte >> 4]
        out[3 + 2 * i] = digits[byte & 15]
    return out
