"""Render every page and dialog to docs/screenshots/<size>-<theme>/*.png (900x620 and 1200x780, light and dark).

Run offscreen: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_screenshots.py
Uses a fast (insecure) key derivation and an in-memory keyring, so nothing touches the real keyring.
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_ui

build_ui.build()

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402
from render_conversation import render_conversation  # noqa: E402
from render_insights import render_insights  # noqa: E402
from render_settings import render_settings, render_us  # noqa: E402
from sample_journal import sample_entries  # noqa: E402

from intimacy_desktop.app import PAGES  # noqa: E402
from intimacy_desktop.core.content import Depth, Mode  # noqa: E402
from intimacy_desktop.core.layers import LAYERS, Layer  # noqa: E402
from intimacy_desktop.gui import theme  # noqa: E402
from intimacy_desktop.gui.application import make_application  # noqa: E402
from intimacy_desktop.gui.main_window import MainWindow  # noqa: E402
from intimacy_desktop.services.profiles import ProfileService  # noqa: E402
from intimacy_desktop.storage.crypto import FAST_TEST_PARAMS  # noqa: E402
from intimacy_desktop.storage.device_secret import MemorySecretStore  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASSPHRASE = "river heron lemon pasta"
SIZES = ((1200, 780), (900, 620))  # comfortable, and the window's minimum size


def wait_until(check: Callable[[], bool], timeout: float = 15.0) -> None:
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


class Shots:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, widget: QWidget, name: str) -> None:
        only = os.environ.get("SCREENSHOTS_ONLY", "")  # "41,42": re-render just those, the others stay as they are
        if only and not name.startswith(tuple(only.split(","))):
            return
        settle()
        path = self.folder / f"{name}.png"
        widget.grab().save(str(path))
        print(f"wrote {path.relative_to(OUT.parent.parent)}")


def render(app: QApplication, size: tuple[int, int], dark: bool) -> None:
    shot = Shots(OUT / f"{size[0]}x{size[1]}-{'dark' if dark else 'light'}")
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        theme.apply(app, dark=dark)
        store = MemorySecretStore()
        profiles = ProfileService(Path(tmp) / "data", lambda: store, FAST_TEST_PARAMS)
        w = MainWindow(profiles, pages=PAGES)
        w.resize(*size)
        w.show()
        first_run = w.locks.first_run
        fr = first_run.ui
        fr.labelEdit.setText("Alex & Sam")
        fr.passphraseEdit.setText(PASSPHRASE)
        fr.confirmEdit.setText(PASSPHRASE)
        shot(w, "01-first-run")
        fr.createButton.click()
        wait_until(lambda: fr.steps.currentWidget() is fr.codeStep)
        code = first_run.code_view.code()
        shot(w, "02-recovery-code")
        first_run.code_view.ui.savedCheck.setChecked(True)
        first_run.code_view.ui.continueButton.click()
        assert w.profile is not None
        for fields in sample_entries():
            w.profile.journal.add(fields)
        w.lock()
        wait_until(lambda: w.profile is None)
        shot(w, "03-unlock")
        w.unlock_page.ui.passphraseEdit.setText(PASSPHRASE)
        w.unlock_page.ui.unlockButton.click()
        wait_until(lambda: w.page("journal") is not None and not w.locks.ctx.ops.busy)  # type: ignore[union-attr]
        shot(w, "04-today")
        page: Any = w.show_page("journal")
        wait_until(lambda: page.model.rowCount() > 0)
        page.list.setCurrentIndex(page.model.index(0))
        shot(w, "05-journal")
        page.filters.search.setText("walk")
        wait_until(lambda: page.model.filter.text == "walk")
        page.list.setCurrentIndex(page.model.index(0))
        shot(w, "06-journal-search")
        page.filters.clear()
        wait_until(lambda: page.model.filter.text == "" and not w.locks.ctx.ops.busy)  # type: ignore[union-attr]
        page.list.setCurrentIndex(page.model.index(0))
        page.editor.ui.tabs.setCurrentWidget(page.editor.ui.previewTab)
        shot(w, "07-markdown-preview")
        page.editor.ui.tabs.setCurrentWidget(page.editor.ui.writeTab)
        page.list.setCurrentIndex(page.model.index(4))
        page.delete_current()
        settle()
        page.list.setCurrentIndex(page.model.index(6))
        page.delete_current()
        settle()
        shot(w, "08-moved-to-trash")
        page.trash_button.setChecked(True)
        wait_until(lambda: page.model.trash and not w.locks.ctx.ops.busy)  # type: ignore[union-attr]
        page.list.setCurrentIndex(page.model.index(0))
        shot(w, "09-trash")
        page.trash_button.setChecked(False)
        settle()
        render_layers(w, shot)
        render_practice(w, shot)
        render_conversation(w, shot, wait_until)
        render_settings(w, shot, wait_until, Path(tmp), shot.folder)
        render_us(w, shot, wait_until, profiles, PASSPHRASE)
        render_insights(w, shot, wait_until)
        w.lock()
        wait_until(lambda: w.profile is None)
        if not any(p.label == "Profile 2" for p in profiles.list_profiles()):  # the partner's (made for shots 53-54)
            profiles.create("Profile 2", PASSPHRASE).profile.close()
        w.locks.show_locked()
        shot(w, "10-unlock-two-profiles")
        w.unlock_page.set_by_name(True)
        w.unlock_page.name_edit.setText("Juniper")
        shot(w, "52-open-another-profile")
        w.unlock_page.set_by_name(False)
        w.unlock_page.ui.profileCombo.setCurrentIndex(0)
        w.unlock_page.ui.recoverButton.click()
        from intimacy_desktop.gui.recovery_dialog import RecoveryDialog

        dialog = w.findChild(RecoveryDialog)
        assert dialog is not None
        shot(dialog, "11-recovery-dialog")
        dialog.code_edit.setText(code)
        dialog.new_edit.setText(PASSPHRASE)
        dialog.confirm_edit.setText(PASSPHRASE)
        dialog.recover_button.click()
        wait_until(lambda: dialog.steps.currentWidget() is dialog.code_view)
        shot(dialog, "12-recovery-dialog-new-code")
        dialog.code_view.ui.savedCheck.setChecked(True)
        dialog.code_view.ui.continueButton.click()
        wait_until(lambda: w.page("journal") is not None)
        w.lock()
        wait_until(lambda: w.profile is None)
        store.available = False  # a machine without a keyring: the plain message and the explicit consent
        w.unlock_page.new_profile_requested.emit()
        wait_until(lambda: first_run.ui.keyringProblemLabel.isVisible())
        shot(w, "13-first-run-no-keyring")
        w.show_about()
        assert w.about_dialog is not None
        w.about_dialog.resize(720, 640)
        shot(w.about_dialog, "14-about")
        w.about_dialog.close()
        store.available = True  # damage past the first page: the unlock goes through, the check after it says so
        w.locks.show_locked()
        db = profiles.find("Alex & Sam").folder / "journal.db"
        data = bytearray(db.read_bytes())
        data[(len(data) // 4096 - 2) * 4096 + 99] ^= 0xFF
        db.write_bytes(bytes(data))
        w.unlock_page.ui.profileCombo.setCurrentIndex(0)
        w.unlock_page.ui.passphraseEdit.setText(PASSPHRASE)
        w.unlock_page.ui.unlockButton.click()
        wait_until(lambda: w.locks.app_view is not None and w.locks.app_view.error_label.isVisible())
        shot(w, "15-damage-found-after-unlock")
        w.close()


def render_layers(w: MainWindow, shot: Shots) -> None:
    """The four layer pages, a card, the glossary and Today's card, over a little prompt history: two emotional
    cards talked about (one kept as a favourite), one skipped; the physical deepest cards not chosen yet."""
    ctx: Any = w.locks.ctx
    prompts = ctx.prompts

    def idle() -> bool:
        return not ctx.ops.busy

    emotional = prompts.deck(Layer.EMOTIONAL, Depth.LIGHT).left
    prompts.answer(emotional[0].id)
    prompts.set_favourite(emotional[0].id, True)
    prompts.answer(emotional[1].id)
    prompts.skip(emotional[2].id)
    wait_until(idle)
    for number, layer in enumerate(LAYERS, start=16):
        layer_page: Any = w.show_page(f"layer-{layer.value}")
        wait_until(idle)
        layer_page.overview.verticalScrollBar().setValue(0)
        shot(w, f"{number}-layer-{layer.value}")
    digital: Any = w.page("layer-digital")
    digital.overview.verticalScrollBar().setValue(digital.overview.verticalScrollBar().maximum())
    shot(w, "20-layer-digital-figures")
    physical: Any = w.show_page("layer-physical")
    physical.overview.ensureWidgetVisible(physical.overview.decks.rows[Depth.DEEPEST], 0, 40)
    shot(w, "21-layer-physical-opt-in")
    emotional_page: Any = w.show_page("layer-emotional")
    emotional_page.overview.ensureWidgetVisible(emotional_page.overview.activity, 0, 24)
    shot(w, "22-layer-emotional-activity")
    together = next(p for p in prompts.deck(Layer.EMOTIONAL, Depth.LIGHT).left if p.mode is Mode.TOGETHER)
    w.show_page("layer-emotional", f"card:{together.id}")
    wait_until(lambda: idle() and emotional_page.visit.current is not None)
    shot(w, "23-card-view")
    emotional_page.show_overview()
    emotional_page.show_glossary("love-maps")
    shot(emotional_page.glossary, "24-glossary")
    emotional_page.glossary.close()
    today: Any = w.show_page("today")
    wait_until(idle)
    shot(w, "25-today-with-a-card")
    card = today.checkin_card  # the day's rhythm: a check-in, two habits ticked, the whole page as one picture
    card.weather.button(4).click()
    for word in ("hopeful", "tired"):
        card.feeling_buttons[word].click()
    card.note.setText("Slept badly, but the walk helped.")
    card.save()
    wait_until(lambda: idle() and card.saved is not None)
    wait_until(lambda: idle() and len(today.habits_card.checks) == 7)
    for habit in ("greeting", "device_free_talk"):
        today.habits_card.checks[habit].click()
    wait_until(idle)
    shot(w, "56-today-rhythm")
    column = today.findChild(QScrollArea).widget()
    column.resize(column.width(), column.sizeHint().height())
    shot(column, "57-today-whole-page")


def _answer(form: Any, seed: int = 0) -> None:
    """Answer every question of the form on show: a spread of answers, so results and comparisons vary."""
    assessment = form.assessment
    form.show_item(0)
    for i, item in enumerate(assessment.items):
        if item.scale.value == "hours":
            form.hours_box.setValue((1.5, 3.0, 0.5, 2.0)[(i + seed) % 4])
        else:
            n = len(form.answer_buttons)
            form.pick((0 if i < (8, 4, 6)[seed % 3] else 1) if n == 2 else (i * 7 + i // 2 + seed) % n)
        form.forward()


def _run_to(practice: Any, kind: str) -> tuple[str, int] | None:
    """An exercise with a step of ``kind`` on its straight path (choices take their first option), and how many
    moves reach it."""
    for exercise in practice.content.exercises:
        position, moves = 0, 0
        while position < len(exercise.steps) and moves < 40:
            step = exercise.steps[position]
            if step.kind.value == kind:
                return exercise.id, moves
            if step.kind.value == "choice":
                position = exercise.index(step.options[0].goto)
            elif step.next:
                position = exercise.index(step.next)
            else:
                position += 1
            moves += 1
    return None


def render_practice(w: MainWindow, shot: Shots) -> None:
    """The Exercises page: the library, the runner on each kind of step, the end of a run, results (a band with
    its history, a profile), the mutual reveal and a program."""
    ctx: Any = w.locks.ctx
    practice = ctx.practice
    content = practice.content

    def idle() -> bool:
        return not ctx.ops.busy

    page: Any = w.show_page("exercises")
    banded = next(a for a in content.assessments if a.bands and a.scoring.value != "profile" and a.mode.value == "solo")
    for seed in (1, 2):  # two earlier results, so the history has a line to draw
        page.act(f"assessment:{banded.id}")
        _answer(page.form, seed)
        wait_until(idle)
    program = next((g for g in content.programs if g.care), content.programs[0])
    practice.start_program(program.id)
    practice.complete_step(program.id, program.steps[0].id)
    left = practice.start_run(content.exercises[-1].id)
    practice.move(left.id)
    page.show_library()
    wait_until(idle)
    page.library.verticalScrollBar().setValue(0)
    shot(w, "26-exercises-library")
    runner = page.runner
    for number, kind in enumerate(("instruction", "timed", "turn", "choice", "reflection", "rating"), start=27):
        found = _run_to(practice, kind)
        if found is None:
            continue
        page.act(f"exercise:{found[0]}")
        wait_until(lambda: idle() and runner.run is not None)
        for _ in range(found[1]):
            step = runner.current_step()
            runner.next_step(option=0 if step.kind.value == "choice" else None)
            wait_until(idle)
        if runner.countdown.isVisible():  # a countdown 17 seconds in, paused
            runner.countdown.clock = functools.partial(next, iter((100.0, 117.4, 117.4, 117.4)), 117.4)
            runner.countdown.start()
            runner.countdown.pause()
        if runner.reflection_edit.isVisible():
            runner.reflection_edit.setPlainText("That the mornings matter more to both of us than we said.")
        if runner.rating.isVisible():
            runner.rating.select(4)
        shot(w, f"{number}-runner-{kind}")
        if kind == "rating":
            while runner.current_step() is not None:  # on to the end of this run
                step = runner.current_step()
                if step.kind.value == "reflection" and not runner.reflection_edit.toPlainText():
                    runner.reflection_edit.setPlainText("We want more evenings like this.")
                runner.next_step(option=0 if step.kind.value == "choice" else None)
                wait_until(idle)
            shot(w, "33-run-summary")
        runner.leave()
    page.act(f"assessment:{banded.id}")
    _answer(page.form)
    wait_until(lambda: idle() and page.views.currentWidget() is page.result)
    shot(w, "34-result-band")
    page.result.ensureWidgetVisible(page.result.chart, 0, 60)
    shot(w, "35-result-history")
    profile = next((a for a in content.assessments if a.scoring.value == "profile" and a.mode.value == "solo"), None)
    if profile is not None:
        page.act(f"assessment:{profile.id}")
        _answer(page.form)
        wait_until(lambda: idle() and page.views.currentWidget() is page.result)
        shot(w, "36-result-profile")
    together = next((a for a in content.assessments if a.mode.value == "together"), None)
    if together is not None:
        page.act(f"assessment:{together.id}")
        reveal = page.reveal
        _answer(reveal.form)
        wait_until(idle)
        shot(w, "37-reveal-hand-over")
        reveal.handover_button.click()
        _answer(reveal.form, 1)
        wait_until(lambda: idle() and reveal.phase == "shown")
        shot(w, "38-reveal-side-by-side")
    page.act(f"program:{program.id}")
    wait_until(lambda: idle() and page.program.status is not None)
    settle()
    state = page.program.state_label  # the day, the buttons and the steps in view, the intro above
    page.program.verticalScrollBar().setValue(state.mapTo(page.program.widget(), state.rect().topLeft()).y() - 16)
    shot(w, "39-program")
    if together is not None:  # a question, as Partner A sees it while B looks away
        page.act(f"assessment:{together.id}")
        page.reveal.form.show_item(1)
        page.reveal.form.pick(1)
        shot(w, "40-assessment-question")
        page.reveal.cancel()


def main() -> int:
    from sample_practice import SAMPLE_PRACTICE

    from intimacy_desktop.services import practice as practice_service

    if not practice_service.shared_practice().exercises:  # until the content files land: the sample
        practice_service.shared_practice.cache_clear()
        vars(practice_service)["load_practice"] = lambda lang="en": SAMPLE_PRACTICE
    app = make_application(sys.argv)
    for size in SIZES:
        for dark in (False, True):
            render(app, size, dark)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
