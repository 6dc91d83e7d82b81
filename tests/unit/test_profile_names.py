"""The name suggested for a new profile: neutral (it says nothing about whose journal it is) and never taken."""

from __future__ import annotations

import pytest

from intimacy_desktop.core.errors import ProfileNotFound
from intimacy_desktop.services.profiles import ProfileService


def _make(profiles: ProfileService, *labels: str) -> None:
    for label in labels:
        profiles.create(label, "a passphrase").profile.close()


def test_first_profile_is_profile_1(profiles: ProfileService) -> None:
    assert profiles.suggest_label() == "Profile 1"


def test_with_sam_the_next_is_profile_2(profiles: ProfileService) -> None:
    """Defect 7: "Profile 1" was suggested beside "Sam", as if Sam's journal were not a profile."""
    _make(profiles, "Sam")
    assert profiles.suggest_label() == "Profile 2"


def test_the_suggestion_is_never_a_taken_name(profiles: ProfileService) -> None:
    _make(profiles, "Sam", "profile 3")
    suggested = profiles.suggest_label()
    assert suggested == "Profile 4"
    assert suggested.casefold() not in {p.label.casefold() for p in profiles.list_profiles()}


def test_a_free_lower_number_is_not_reused_for_a_later_profile(profiles: ProfileService) -> None:
    _make(profiles, "Profile 2")  # one profile: the next is the second, and "Profile 2" is taken
    assert profiles.suggest_label() == "Profile 3"


def test_a_front_end_s_own_wording_is_used_and_checked_against_taken_names(profiles: ProfileService) -> None:
    _make(profiles, "Profil 2")
    assert profiles.suggest_label("Profil {n}") == "Profil 3"
    assert profiles.suggest_label("Profil") == "Profil 3"  # a wording without its number still gets one


def test_a_damaged_profile_counts_but_has_no_name_to_find(profiles: ProfileService) -> None:
    _make(profiles, "Sam")
    [sam] = profiles.list_profiles()
    (sam.folder / "vault.json").write_text("{", encoding="utf-8")
    [damaged] = profiles.list_profiles()
    assert damaged.damaged and damaged.label == "" and damaged.problem is not None
    assert damaged.problem.code == "header_corrupt"
    assert profiles.suggest_label() == "Profile 2"
    with pytest.raises(ProfileNotFound):
        profiles.find("")
