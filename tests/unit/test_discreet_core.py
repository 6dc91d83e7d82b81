"""Discreet mode's words: the neutral name, and notifications that never carry content or sensitive words."""

from __future__ import annotations

import re

import pytest

from intimacy_desktop import APP_NAME
from intimacy_desktop.core.discreet import NEUTRAL_NAME, Nudge, app_name, notification

SENSITIVE = re.compile(r"intima|sex|love|partner|journal|couple|touch|desire|body", re.IGNORECASE)


def test_the_name_is_neutral_only_in_discreet_mode() -> None:
    assert app_name(False) == APP_NAME
    assert app_name(True) == NEUTRAL_NAME == "Notes"


@pytest.mark.parametrize("kind", list(Nudge))
def test_a_discreet_notification_says_nothing_about_what_the_app_is(kind: Nudge) -> None:
    title, body = notification(kind, discreet=True)
    assert title == NEUTRAL_NAME
    assert not SENSITIVE.search(title + body)
    assert "check-in" not in body and "talk" not in body  # not even which kind of moment


@pytest.mark.parametrize("kind", list(Nudge))
def test_a_plain_notification_names_the_moment_but_no_content(kind: Nudge) -> None:
    title, body = notification(kind, discreet=False)
    assert title == APP_NAME
    assert body and not SENSITIVE.search(body)


def test_every_kind_has_its_own_plain_words() -> None:
    bodies = [notification(kind, discreet=False)[1] for kind in Nudge]
    assert len(set(bodies)) == len(bodies)


def test_the_choice_is_kept_with_the_other_settings_and_off_by_default() -> None:
    from intimacy_desktop.core.preferences import Preferences

    assert Preferences().discreet is False
    stored = Preferences(discreet=True).to_text()
    assert stored["pref.discreet"] == "1"
    assert Preferences.from_text(stored).discreet is True
    assert Preferences.from_text({**stored, "pref.discreet": "0"}).discreet is False
    assert Preferences.from_text({}).discreet is False  # a vault from before the choice existed
