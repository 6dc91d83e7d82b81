"""What a person may type as a profile name or a new passphrase, and how text written by others is shown safely.

Both front ends use these rules: the GUI's first run and recovery dialogs and the CLI take ``MIN_PASSPHRASE`` from
here, and ``ProfileService.create`` refuses a name with hidden characters, so neither front end can let one through.

Hidden characters (refused in a name, escaped when shown in a terminal): Unicode categories Cc (C0 and C1 controls,
DEL, tab, newline), Cf (format characters: the bidi embeddings, overrides, isolates and marks U+202A-U+202E,
U+2066-U+2069, U+200E/U+200F, U+061C; zero-width space, soft hyphen, BOM, tag characters) except the two joiners
U+200C and U+200D, which Persian and Indic scripts and emoji sequences need; Cs (a lone surrogate, which is what
bytes that are not UTF-8 become); Zl and Zp (the line and paragraph separators). Every space of category Zs stays
allowed. Such characters can move a terminal's cursor, retitle or clear it, or make one name look like another.
"""

from __future__ import annotations

import unicodedata

from intimacy_desktop.core.errors import UsageError

MIN_PASSPHRASE = 8  # characters, for every new or changed passphrase (the GUI and the CLI)

_JOINERS = frozenset("\u200c\u200d")
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def is_hidden(ch: str) -> bool:
    return unicodedata.category(ch) in _HIDDEN_CATEGORIES and ch not in _JOINERS


def hidden_characters(text: str) -> list[str]:
    """The hidden characters of ``text``, in order."""
    return [ch for ch in text if is_hidden(ch)]


def has_surrogates(text: str) -> bool:
    """True when ``text`` came from bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def check_profile_label(label: str) -> str:
    """The name as it is stored (trimmed), or ``UsageError("label_hidden_characters")``. Length is the vault's."""
    label = label.strip()
    if hidden_characters(label):
        raise UsageError("label_hidden_characters")
    return label


def check_new_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UsageError("passphrase_too_short", min=MIN_PASSPHRASE)
    return passphrase


def _escape(ch: str) -> str:
    n = ord(ch)
    if n < 0x100:
        return f"\\x{n:02x}"
    return f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def visible(text: str) -> str:
    """``text`` with each hidden character written as a visible escape (``\\x1b``, ``\\u202e``): one line, safe
    for any terminal, and encodable as UTF-8 even when it came from bytes that were not."""
    return "".join(_escape(ch) if is_hidden(ch) else ch for ch in text)
