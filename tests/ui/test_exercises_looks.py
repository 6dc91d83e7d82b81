"""The Exercises page at the window's minimum size (900x620) and its default size, light and dark: the library, the
runner on each kind of step, a result with its history and a profile keep every button's text and every wrapped
label whole."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from looks_support import OFFSCREEN_LIMITS, assert_whole, clipped_labels, cut_texts, settle_layouts, themed
from practice_support import sample_practice_fixture  # noqa: F401  (a fixture)
from pytestqt.qtbot import QtBot
from ui_support import settle, unlock

from intimacy_desktop.core.exercise_run import RunState
from intimacy_desktop.services.practice import Run

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
NOW = dt.datetime(2026, 12, 3, 20, 0)
SIZES = pytest.mark.parametrize("size", [(900, 620), (1200, 780)], ids=["minimum", "default"])
THEMES = pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])


@SIZES
@THEMES
def test_the_exercises_page_keeps_its_text_whole(qtbot: QtBot, make_window: Any, existing_profile: Any,
                                                 sample_practice: Any, size: tuple[int, int], dark: bool) -> None:
    with themed(dark):
        window = make_window()
        unlock(qtbot, window)
        window.resize(*size)
        practice = window.profile.practice
        practice.take("growth-scorecard", {"greet": True, "phones": False, "ask": False, "cold": True})
        practice.start_program("gentle-restart")
        practice.move(practice.start_run("digital-phone-free-dinner").id)  # a run to continue
        page: Any = window.show_page("exercises")
        settle(qtbot, window)
        assert_whole(window, page)
        assert page.library.rows[0].status_label.isVisibleTo(page)
        page.act("exercise:emotional-evening-check-in")
        settle(qtbot, window)
        r = page.runner
        for move in ({}, {}, {}, {}, {"option": 0}, {}, {"rating": 3}):
            assert_whole(window, page)
            assert r.run is not None
            if r.reflection_edit.isVisibleTo(page):
                r.reflection_edit.setPlainText("A few words.")
            r.next_step(**move)
            settle(qtbot, window)
        assert r.faces.currentIndex() == 1
        assert_whole(window, page)
        page.act("assessment:growth-scorecard")
        page.form.show_item(0)
        assert_whole(window, page)
        for value in (0, 0, 1, 1):
            page.form.pick(value)
            page.form.forward()
        settle(qtbot, window)
        assert page.views.currentWidget() is page.result
        assert_whole(window, page)
        page.act("assessment:ways-of-love")
        page.form.show_item(0)
        for _ in range(4):
            page.form.pick(3)
            page.form.forward()
        settle(qtbot, window)
        assert_whole(window, page)
        page.act("program:gentle-restart")
        settle(qtbot, window)
        assert_whole(window, page)
        page.show_library()  # rebuilt while the runner showed: a second run to continue now
        settle(qtbot, window)
        assert_whole(window, page)


def test_every_shipped_step_and_question_fits_the_smallest_window(qtbot: QtBot, make_window: Any,
                                                                  existing_profile: Any) -> None:
    """The real content, at 900x620: each step of every exercise (choices take their first option) and each
    question of every assessment shows whole."""
    with themed(False):
        window = make_window()
        unlock(qtbot, window)
        window.resize(900, 620)
        page: Any = window.show_page("exercises")
        settle(qtbot, window)
        content = window.profile.practice.content
        assert_whole(window, page)
        page.act(f"exercise:{content.exercises[0].id}")
        settle(qtbot, window)
        r = page.runner
        for exercise in content.exercises:  # each step shown as a saved run at that step would show it
            for position, step in enumerate(exercise.steps):
                r.show_run(Run(0, exercise, RunState(exercise.id, position, tuple(range(position))), NOW, NOW, None))
                settle_layouts()
                assert cut_texts(r) == [] and clipped_labels(r) == [], (exercise.id, step.id)
        r.leave()
        for assessment in content.assessments:
            page.act(f"assessment:{assessment.id}")
            form = page.reveal.form if assessment.mode.value == "together" else page.form
            longest = max(range(len(assessment.items)), key=lambda i: len(assessment.items[i].text))
            form.show_item(longest)
            form.pick(0)
            assert_whole(window, page)
