"""The writes of a run the runner makes besides a plain move: saving a reflection while staying on its step."""

from __future__ import annotations

from intimacy_desktop.services.practice import PracticeService, Run


def save_reflection(practice: PracticeService, run_id: int, text: str) -> Run:
    """Save what was typed on the reflection step on screen and stay on that step, even when it is the last."""
    return practice.save_reflection(run_id, text)
