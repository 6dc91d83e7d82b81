"""What a person may name a profile, how long a new passphrase must be, and how foreign text is shown safely.

Decision (issue 8): a profile name may not hold a character of Unicode category Cc (C0 and C1 controls, DEL, tab,
newline), Cf (format characters: bidi embeddings, overrides, isolates and marks, zero-width space, soft hyphen, BOM,
tag characters) except the two joiners U+200C and U+200D (Persian and Indic scripts and emoji sequences need them),
Cs (lone surrogates, which is what bytes that are not UTF-8 become) or Zl/Zp (line and paragraph separators).
Every space of category Zs (the ordinary one, no-break, ideographic) stays allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from intimacy_desktop.core import input_rules
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.input_rules import MIN_PASSPHRASE, check_profile_label, hidden_characters, visible
from intimacy_desktop.paths import profiles_dir
from intimacy_desktop.services.profiles import ProfileService

REFUSED = [
    "Jo\nSam", "Jo\rSam", "Jo\tSam", "\x1b[31mJo", "Jo\x00", "Jo\x7f", "Jo\x85Sam", "Jo\x9b2J",
    "Jo\u202eoJ", "Jo\u202a", "Jo\u202c", "\u2066Jo\u2069", "\u2067Jo", "\u2068Jo", "Jo\u200e", "Jo\u200f",
    "Jo\u061c", "Jo\u200b", "Jo\u00ad", "Jo\ufeff", "Jo\U000e0041", "Jo\u2028Sam", "Jo\u2029Sam", "Jo\udcff",
]
ALLOWED = [
    "Ana María", "Sam\u00a0Lee", "山田\u3000花子", "می\u200cخواهم", "👩\u200d❤️\u200d👨 us", "Zoë", "Profile 1",
]


@pytest.mark.parametrize("name", REFUSED, ids=[f"U+{ord(hidden_characters(n)[0]):04X}" for n in REFUSED])
def test_a_name_with_a_control_or_invisible_format_character_is_refused(profiles: ProfileService,
                                                                         name: str) -> None:
    with pytest.raises(UsageError) as caught:
        profiles.create(name, "a long passphrase")
    assert caught.value.code == "label_hidden_characters"
    assert profiles.list_profiles() == []
    root = profiles_dir(profiles.data_dir)
    assert not root.exists() or list(root.iterdir()) == []  # refused before any folder was made


@pytest.mark.parametrize("name", ALLOWED)
def test_names_in_every_script_with_spaces_and_joiners_are_kept(profiles: ProfileService, name: str) -> None:
    profiles.create(name, "a long passphrase").profile.close()
    assert [p.label for p in profiles.list_profiles()] == [name]


def test_surrounding_spaces_are_trimmed_not_refused() -> None:
    assert check_profile_label("  Sam \n") == "Sam"


def test_visible_escapes_exactly_the_hidden_characters() -> None:
    assert visible("Jo\x1b[2J\u202eevil\n\udcff") == "Jo\\x1b[2J\\u202eevil\\x0a\\udcff"
    assert visible("Jo\U000e0041") == "Jo\\U000e0041"
    for name in ALLOWED:
        assert visible(name) == name
    for name in REFUSED:
        shown = visible(name)
        assert hidden_characters(shown) == []
        assert shown.encode("utf-8")  # printable anywhere: no lone surrogate survives


def test_the_gui_and_the_cli_share_one_minimum_passphrase_length() -> None:
    assert MIN_PASSPHRASE == 8
    gui = Path(input_rules.__file__).parents[1] / "gui"
    for module in ("first_run.py", "recovery_dialog.py"):
        tree = ast.parse((gui / module).read_text(encoding="utf-8"))
        own = [n for n in ast.walk(tree) if isinstance(n, ast.Assign)
               and any(isinstance(t, ast.Name) and t.id == "MIN_PASSPHRASE" for t in n.targets)]
        assert own == [], f"gui/{module} defines its own minimum"
    from intimacy_desktop.gui import first_run

    assert first_run.MIN_PASSPHRASE == MIN_PASSPHRASE
