"""What a person does in exercises, assessments and programs is theirs (issue 10): after a lock, no reflection
text, no id of what they ran, answered or started, and no answer is readable in the profile's folder or the temp
folder; all of it lives inside the encrypted database."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.practice import (
    Assessment,
    Band,
    Exercise,
    Item,
    Practice,
    Program,
    ProgramStep,
    Scale,
    Scoring,
    Step,
    StepKind,
)
from intimacy_desktop.services.practice import PracticeService
from intimacy_desktop.services.profiles import ProfileService

CANARY = "zanzibarquokka-reflection-4417"
EXERCISE = Exercise("physical-canary-exercise", Layer.PHYSICAL, "Canary", "x", 5, Mode.SOLO, "src", (
    Step("open", StepKind.INSTRUCTION, "Begin."), Step("write", StepKind.REFLECTION, "Write."),
    Step("rate", StepKind.RATING, "How?", low="Low", high="High")))
ASSESSMENT = Assessment("canary-assessment-answers", "A", "x", (Layer.PHYSICAL,), 5, Mode.SOLO, "src", Scale.YES_NO,
                        Scoring.COUNT, "intro", tuple(Item(f"canary-item-{i}", "?", Scale.YES_NO) for i in range(3)),
                        (Band(0, 3, "All", "x"),))
PROGRAM = Program("canary-program-progress", "P", "x", 10, "src", "intro",
                  (ProgramStep("canary-step-one", 1, "a", "x"), ProgramStep("canary-step-two", 5, "b", "y")))


def _hits(roots: list[Path], needles: list[str]) -> list[str]:
    found: list[str] = []
    for root in roots:
        for path in (p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
            data = path.read_bytes()
            for needle in needles:
                if any(enc in data for enc in (needle.encode(), needle.encode("utf-16-le"),
                                               needle.encode("utf-16-be"))):
                    found.append(f"{path.name}: {needle}")
    return found


def test_the_scan_finds_a_planted_canary(tmp_path: Path) -> None:
    (tmp_path / "run.json").write_text(f'{{"reflection": "{CANARY}"}}')
    assert _hits([tmp_path], [CANARY]) == [f"run.json: {CANARY}"]


def test_runs_answers_and_progress_are_only_inside_the_encrypted_database(
    profiles: ProfileService, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    profile = profiles.create("Ari", "a good passphrase").profile
    assert profile._db is not None
    service = PracticeService(profile._db, profile.changes, content=lambda: Practice((EXERCISE,), (ASSESSMENT,),
                                                                                     (PROGRAM,)))
    run = service.start_run(EXERCISE.id)
    run = service.move(service.move(run.id).id, reflection=f"I wrote {CANARY} here.")
    service.move(run.id, rating=3)
    service.take(ASSESSMENT.id, {f"canary-item-{i}": True for i in range(3)})
    service.start_program(PROGRAM.id)
    service.complete_step(PROGRAM.id, "canary-step-two")
    assert profile.journal.count() == 1 and service.finished_runs()  # the writes did happen
    profile.close()

    needles = [CANARY, EXERCISE.id, ASSESSMENT.id, "canary-item-1", PROGRAM.id, "canary-step-two"]
    assert _hits([data_dir, private_tmp], needles) == []
