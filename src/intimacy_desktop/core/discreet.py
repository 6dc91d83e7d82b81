"""Discreet mode: how the app names itself where others can glance — the window title, the task bar, the icon and
any notification — when a person would rather the screen did not say "intimacy".

It hides the app from a glance, not from a search: the installed menu entry, the data folder and the program's name
in a process list still say what it is (docs/DECISIONS.md). Notifications carry no content in either mode: no
entry title, no prompt, no partner's name, only what kind of moment it is; in discreet mode not even that.
"""

from __future__ import annotations

from enum import StrEnum

from intimacy_desktop import APP_NAME

NEUTRAL_NAME = "Notes"  # a word that shows up on every computer and says nothing


class Nudge(StrEnum):
    """What a notification may be about (the reminders' kinds, and the scheduled backup)."""

    CHECK_IN = "check_in"
    TALK = "talk"
    WEEKLY = "weekly"
    PROGRAM = "program"
    BACKUP_DONE = "backup_done"
    BACKUP_FAILED = "backup_failed"


_PLAIN = {
    Nudge.CHECK_IN: "Time for your check-in.",
    Nudge.TALK: "Time for your device-free talk.",
    Nudge.WEEKLY: "Your weekly check-in is today.",
    Nudge.PROGRAM: "Today's step is ready.",
    Nudge.BACKUP_DONE: "Backup written and checked.",
    Nudge.BACKUP_FAILED: "The backup could not be written. Open the app to see why.",
}
_NEUTRAL = {
    Nudge.BACKUP_FAILED: "Something needs your attention.",
}
_NEUTRAL_DEFAULT = "A reminder you set."


def app_name(discreet: bool) -> str:
    return NEUTRAL_NAME if discreet else APP_NAME


def notification(kind: Nudge, discreet: bool) -> tuple[str, str]:
    """(title, body) of a notification: fixed words chosen by kind, never anything a person wrote."""
    if discreet:
        return NEUTRAL_NAME, _NEUTRAL.get(kind, _NEUTRAL_DEFAULT)
    return APP_NAME, _PLAIN[kind]
