"""The recovery code: 160 random bits written as eight groups of four Base32 letters.

Base32 avoids 0/O and 1/I confusions when the code is copied by hand from paper; parsing forgives case, spaces and
dashes so that what a person types back in is accepted if the letters are right.
"""

from __future__ import annotations

import base64
import secrets

from intimacy_desktop.core.errors import WrongRecoveryCode

CODE_BYTES = 20
GROUP = 4


def new_code() -> str:
    return format_code(secrets.token_bytes(CODE_BYTES))


def format_code(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_code(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != CODE_BYTES * 8 // 5:
        raise WrongRecoveryCode("recovery_code_format")
    try:
        return base64.b32decode(cleaned)
    except ValueError as exc:
        raise WrongRecoveryCode("recovery_code_invalid") from exc
