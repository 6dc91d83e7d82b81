"""The Exercises page over a real (fast-KDF) vault and the sample content: the library and its filters, a run
through every step kind by keyboard, resuming after leaving and after a lock, assessments with bands, profiles and
history, a program, the mutual reveal, and the lock wiping every answer and reflection."""

from __future__ import annotations

from typing import Any

import pytest
from practice_support import sample_practice_fixture, texts_of  # noqa: F401  (a fixture)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from ui_support import settle, unlock

from intimacy_desktop.core.journal import EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui.main_window import MainWindow

KEY = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot: QtBot, make_window: Any, existing_profile: Any, sample_practice: Any) -> MainWindow:
    w: MainWindow = make_window()
    unlock(qtbot, w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3_000)
    return w


def _page(qtbot: QtBot, window: MainWindow, action: str | None = None) -> Any:
    page: Any = window.show_page("exercises", action)
    settle(qtbot, window)
    assert page is not None
    return page


def _focused() -> Any:
    return QApplication.focusWidget()


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)
    settle(qtbot, window)


def test_the_library_lists_everything_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window)
    lib = page.library
    assert page.title() == "Exercises" and page.accessibleName() == "Exercises"
    assert lib.shown_titles() == ["Evening check-in", "A phone-free dinner", "One big question", "Slow hands",
                                  "Growth scorecard", "How close do we feel", "Ways you give and receive love",
                                  "Phones and closeness: what is known", "How we see us", "Screens in a day",
                                  "A gentle restart"]
    row = lib.rows[0]
    assert row.summary_label.text().startswith("Ten quiet minutes")
    assert row.meta_label.text() == "10 min · Together · Emotional · Gottman, stress-reducing conversation"
    lib.layer_combo.setCurrentIndex(lib.layer_combo.findData("digital"))
    assert lib.shown_titles() == ["A phone-free dinner", "Growth scorecard", "Phones and closeness: what is known",
                                  "Screens in a day"]
    lib.mode_combo.setCurrentIndex(lib.mode_combo.findData("together"))
    assert lib.shown_titles() == [] and lib.empty_label.text() == "Nothing here matches these filters."
    assert lib.clear_button.isVisibleTo(page)
    lib.clear_button.click()
    lib.length_combo.setCurrentIndex(3)  # longer than 20 minutes
    assert lib.shown_titles() == ["One big question"]
    lib.length_combo.setCurrentIndex(0)
    qtbot.keyClicks(lib.search_edit, "quiet minutes")
    assert lib.shown_titles() == ["Evening check-in"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_run_through_every_step_kind_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "exercise:emotional-evening-check-in")
    r = page.runner
    assert page.views.currentWidget() is r and r.title_label.text() == "Evening check-in"
    assert r.progress_label.text() == "Step 1 of 7"
    assert r.text_label.text().startswith("Sit somewhere comfortable")
    assert not r.countdown.isVisibleTo(r) and not r.previous_button.isEnabled()
    _press(qtbot, window, KEY.Key_Right, ALT)
    # timed: a countdown from the step's seconds, on a monotonic clock; pausing stops it
    assert r.progress_label.text() == "Step 2 of 7" and r.countdown.isVisibleTo(r)
    clock = FakeClock()
    r.countdown.clock = clock
    assert r.countdown.time_label.text() == "1:00" and r.countdown.start_button.text() == "Start"
    assert _focused() is r.countdown.start_button
    _press(qtbot, window, KEY.Key_Space)
    clock.now += 30.2
    r.countdown.tick()
    assert r.countdown.time_label.text() == "0:30" and r.countdown.start_button.text() == "Pause"
    _press(qtbot, window, KEY.Key_Space)
    clock.now += 500
    r.countdown.tick()
    assert r.countdown.time_label.text() == "0:30" and r.countdown.start_button.text() == "Resume"
    _press(qtbot, window, KEY.Key_Space)
    assert not r.countdown.cue_label.isVisibleTo(r)
    played: list[str] = []

    def play(name: str) -> bool:
        played.append(name)
        return True

    window.sounds.play = play  # type: ignore[method-assign]
    clock.now += 29.5
    r.countdown.tick()
    assert played == []
    clock.now += 0.5
    r.countdown.tick()
    assert r.countdown.time_label.text() == "0:00" and r.countdown.cue_label.isVisibleTo(r)
    assert played == ["chime-step"]  # the soft sound beside the visual cue, once
    r.countdown.tick()
    assert played == ["chime-step"]
    _press(qtbot, window, KEY.Key_Return, CTRL)
    # turns: whose turn, the role, and the countdown when the turn is timed
    assert r.turn_label.text() == "Partner A's turn" and r.role_label.text().startswith("You speak")
    assert r.countdown.isVisibleTo(r) and r.countdown.time_label.text() == "1:30"
    _press(qtbot, window, KEY.Key_Right, ALT)
    assert r.turn_label.text() == "Partner B's turn" and r.role_label.text().startswith("You listen")
    assert not r.countdown.isVisibleTo(r)
    _press(qtbot, window, KEY.Key_Right, ALT)
    # a choice: arrows move between the options, Return takes one; it branches to the reflection
    assert [b.text() for b in r.choices.buttons] == ["Write a few lines about it", "Just rate how close you feel"]
    assert not r.next_button.isEnabled()
    assert _focused() is r.choices.buttons[0]
    _press(qtbot, window, KEY.Key_Down)
    assert _focused() is r.choices.buttons[1]
    _press(qtbot, window, KEY.Key_Up)
    _press(qtbot, window, KEY.Key_Return)
    assert r.text_label.text() == "What did you learn about each other tonight?"
    assert _focused() is r.reflection_edit
    assert r.private_label.text().startswith("Saved privately in your encrypted journal")
    qtbot.keyClicks(r.reflection_edit, "We both miss the slow mornings.")
    _press(qtbot, window, KEY.Key_Right, ALT)
    profile = window.profile
    assert profile is not None
    [entry] = profile.journal.summaries(EntryFilter(kind=Kind.REFLECTION))
    assert entry.title == "Evening check-in: What did you learn about each other tonight?"
    assert entry.layer is Layer.EMOTIONAL
    assert profile.journal.get(entry.id).fields.body == "We both miss the slow mornings."
    # back: the reflection is shown again, as saved
    assert r.text_label.text() == "How close do you feel right now?"
    _press(qtbot, window, KEY.Key_Left, ALT)
    assert r.reflection_edit.toPlainText() == "We both miss the slow mornings."
    _press(qtbot, window, KEY.Key_Right, ALT)
    assert profile.journal.count() == 1  # the same entry, not a second one
    # a rating: 1-5 between the two labels
    assert (r.rating.low_label.text(), r.rating.high_label.text()) == ("Far apart", "Very close")
    _press(qtbot, window, KEY.Key_4)
    assert r.rating.value() == 4
    _press(qtbot, window, KEY.Key_Right, ALT)
    # the end: what was chosen, rated and written, the writing a link to the journal
    assert r.faces.currentIndex() == 1 and r.progress_label.text() == "Finished"
    shown = [label.text() for label in r.summary.labels]
    assert "How would you like to finish? — Write a few lines about it" in shown
    assert "How close do you feel right now?: 4 of 5" in shown
    [link] = [label for label in r.summary.labels if f"open:{entry.id}" in label.text()]
    assert link.accessibleName() == entry.title
    [run] = profile.practice.finished_runs()
    assert run.state.ratings == {"rate": 4} and run.state.choices == {"how": 0}
    link.linkActivated.emit(f"open:{entry.id}")
    journal: Any = window.page("journal")
    assert window.locks.app_view is not None and window.locks.app_view.current_page() is window.page("journal")
    assert journal.editor.entry_id == entry.id


def test_pass_goes_on_without_a_rating(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "exercise:emotional-evening-check-in")
    r = page.runner
    for _ in range(4):
        _press(qtbot, window, KEY.Key_Right, ALT)
    r.choices.buttons[1].setFocus()
    _press(qtbot, window, KEY.Key_Return)  # straight to the rating
    assert r.text_label.text() == "How close do you feel right now?"
    r.rating.pass_button.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    assert r.faces.currentIndex() == 1
    [run] = window.profile.practice.finished_runs()  # type: ignore[union-attr]
    assert run.state.ratings == {} and run.state.choices == {"how": 1}


def _resume_row(page: Any) -> Any:
    [row] = [row for row in page.library.rows if row.buttons and row.buttons[0].text() == "Resume"]
    return row


def test_leaving_and_a_lock_keep_the_run_at_its_step(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "exercise:emotional-evening-check-in")
    for _ in range(3):
        _press(qtbot, window, KEY.Key_Right, ALT)
    assert page.runner.turn_label.text() == "Partner B's turn"
    _press(qtbot, window, KEY.Key_Escape)
    assert page.views.currentWidget() is page.library
    assert page.notice_label.text() == "Saved, you can continue later."
    row = _resume_row(page)
    assert page.library.rows[0] is row and row.status_label.text().startswith("At step 4 of 7")
    row.buttons[0].setFocus()
    _press(qtbot, window, KEY.Key_Space)
    assert page.views.currentWidget() is page.runner and page.runner.turn_label.text() == "Partner B's turn"
    _press(qtbot, window, KEY.Key_Right, ALT)  # on to the choice, then the lock
    assert page.runner.choices.buttons
    window.lock()
    unlock(qtbot, window)
    again = _page(qtbot, window)
    assert again is not page
    row = _resume_row(again)
    row.buttons[0].click()
    settle(qtbot, window)
    assert again.runner.text_label.text() == "How would you like to finish?"
    assert again.runner.progress_label.text() == "Step 5 of 7"


def _to_the_reflection(qtbot: QtBot, window: MainWindow) -> Any:
    page = _page(qtbot, window, "exercise:emotional-evening-check-in")
    for _ in range(4):
        _press(qtbot, window, KEY.Key_Right, ALT)
    _press(qtbot, window, KEY.Key_Return)  # the first option: write
    assert page.runner.reflection_edit.isVisibleTo(page)
    return page


def test_typed_reflection_is_kept_on_leaving_and_on_the_lock(qtbot: QtBot, window: MainWindow) -> None:
    page = _to_the_reflection(qtbot, window)
    qtbot.keyClicks(page.runner.reflection_edit, "Quieter, and we laughed more.")
    _press(qtbot, window, KEY.Key_Escape)  # left without Next: the words are saved, the run stays on the step
    profile = window.profile
    assert profile is not None
    [entry] = profile.journal.summaries(EntryFilter(kind=Kind.REFLECTION))
    assert profile.journal.get(entry.id).fields.body == "Quieter, and we laughed more."
    _resume_row(page).buttons[0].click()
    settle(qtbot, window)
    assert page.runner.reflection_edit.toPlainText() == "Quieter, and we laughed more."
    qtbot.keyClicks(page.runner.reflection_edit, " Next week again.")
    window.lock()  # flush: the words typed since are saved before the lock
    unlock(qtbot, window)
    assert window.profile is not None
    body = window.profile.journal.get(entry.id).fields.body
    assert body == "Quieter, and we laughed more. Next week again."
    again = _page(qtbot, window)
    _resume_row(again).buttons[0].click()
    settle(qtbot, window)
    assert again.runner.text_label.text() == "What did you learn about each other tonight?"
    assert again.runner.reflection_edit.toPlainText() == body
    assert window.profile.journal.count() == 1


def test_discard_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "exercise:physical-slow-hands")
    _press(qtbot, window, KEY.Key_Escape)
    row = _resume_row(page)
    row.buttons[1].click()
    box = page.confirm_box
    assert box is not None and box.isVisible() and "Discard this run?" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    settle(qtbot, window)
    assert window.profile is not None and len(window.profile.practice.unfinished_runs()) == 1
    _resume_row(page).buttons[1].click()
    [accept] = [b for b in page.confirm_box.buttons() if b.text() == "Discard"]
    accept.click()
    settle(qtbot, window)
    assert window.profile.practice.unfinished_runs() == []
    assert "Resume" not in [b.text() for row in page.library.rows for b in row.buttons]


def _answer_all(qtbot: QtBot, window: MainWindow, form: Any, keys: list[Qt.Key]) -> None:
    """Begin, then each question by keyboard: the answer's number, then Alt+Right (on the last: the result)."""
    form.begin_button.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    for key in keys:
        _press(qtbot, window, key)
        _press(qtbot, window, KEY.Key_Right, ALT)


def test_an_assessment_is_scored_with_its_band_and_kept_in_its_history(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "assessment:growth-scorecard")
    form = page.form
    assert page.views.currentWidget() is form and form.intro_label.text().startswith("Answer for the last two")
    form.begin_button.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    assert form.position_label.text() == "Question 1 of 4"
    assert [b.text() for b in form.answer_buttons] == ["Yes", "No"]
    assert not form.next_button.isEnabled()
    _press(qtbot, window, KEY.Key_1)
    assert form.answer_buttons[0].isChecked() and form.next_button.isEnabled()
    _press(qtbot, window, KEY.Key_Right, ALT)
    for key in (KEY.Key_1, KEY.Key_2):
        _press(qtbot, window, key)
        _press(qtbot, window, KEY.Key_Right, ALT)
    _press(qtbot, window, KEY.Key_2)  # no whole days without a talk: it counts (a reversed item)
    assert form.submit_button.isVisibleTo(form) and form.submit_button.isEnabled()
    _press(qtbot, window, KEY.Key_Right, ALT)
    res = page.result
    assert page.views.currentWidget() is res
    assert res.score_label.text() == "3 of 4"
    assert res.band_title.text() == "Growing" and res.band_text.text().startswith("Several habits")
    assert [label.accessibleName() for label in res.next_links] == ["A phone-free dinner"]
    assert res.note_label.text().startswith("A self-check, not a diagnosis")
    assert res.table.rowCount() == 1 and res.table.item(0, 1).text() == "3 of 4 · Growing"
    res.next_links[0].linkActivated.emit("exercise:digital-phone-free-dinner")
    settle(qtbot, window)
    assert page.views.currentWidget() is page.runner and page.runner.title_label.text() == "A phone-free dinner"
    window.lock()
    unlock(qtbot, window)
    again = _page(qtbot, window, "assessment:growth-scorecard")
    _answer_all(qtbot, window, again.form, [KEY.Key_2, KEY.Key_2, KEY.Key_2, KEY.Key_1])
    res = again.result
    assert res.score_label.text() == "0 of 4" and res.band_title.text() == "A quiet stretch"
    assert [label.accessibleName() for label in res.next_links] == ["Evening check-in", "A gentle restart"]
    assert res.table.rowCount() == 2
    assert [res.table.item(r, 1).text() for r in range(2)] == ["0 of 4 · A quiet stretch", "3 of 4 · Growing"]
    assert res.chart.isVisibleTo(res) and res.chart.points and [v for _w, v in res.chart.points] == [3.0, 0.0]
    assert res.history_heading.text() == "Over time: taken 2 times"


def test_a_mean_and_a_true_false_quiz(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "assessment:closeness-check")
    form = page.form
    form.begin_button.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    assert [b.text() for b in form.answer_buttons] == ["Strongly disagree", "Disagree", "Neither", "Agree",
                                                       "Strongly agree"]
    for key in (KEY.Key_4, KEY.Key_5, KEY.Key_2):
        _press(qtbot, window, key)
        _press(qtbot, window, KEY.Key_Right, ALT)
    assert page.result.score_label.text() == "4.33 on a scale of 1 to 5"
    assert page.result.band_title.text() == "Close"
    page.act("assessment:phubbing-facts")
    settle(qtbot, window)
    form.begin_button.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    assert not form.explanation_label.isVisibleTo(form)
    _press(qtbot, window, KEY.Key_1)
    assert form.explanation_label.isVisibleTo(form)
    assert form.explanation_label.text().startswith("That is right. Studies found")
    _press(qtbot, window, KEY.Key_Right, ALT)
    _press(qtbot, window, KEY.Key_1)
    assert form.explanation_label.text().startswith("Not quite. Most couples")
    _press(qtbot, window, KEY.Key_Right, ALT)
    assert page.result.score_label.text() == "1 of 2 right"


def test_a_profile_is_bars_per_dimension_and_never_a_type(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "assessment:ways-of-love")
    _answer_all(qtbot, window, page.form, [KEY.Key_4, KEY.Key_5, KEY.Key_2, KEY.Key_3])
    res = page.result
    assert res.bars.texts() == ["Words: giving 4 of 5", "Words: receiving 5 of 5", "Touch: giving 2 of 5",
                                "Touch: receiving 3 of 5"]
    assert [bar.value for _n, bar, _f in res.bars.rows] == [4.0, 5.0, 2.0, 3.0]
    assert not res.score_label.isVisibleTo(res) and not res.band_title.isVisibleTo(res)
    shown = " ".join(texts_of(res)).casefold()
    assert "your type" not in shown and "you are a" not in shown
    assert "not a type" in shown  # the one mention says it is not one
    res.done_button.setFocus()
    _press(qtbot, window, KEY.Key_Escape)
    assert page.views.currentWidget() is page.library


def test_a_program_started_marked_paused_and_resumed(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "program:gentle-restart")
    view = page.program
    assert page.views.currentWidget() is view
    assert view.care_label.isVisibleTo(view) and view.care_label.text().startswith("If either of you feels unsafe")
    assert [r.day_label.text() for r in view.rows] == ["Day 1", "Day 3", "Day 7"]
    assert not view.rows[0].mark_button.isVisibleTo(view)
    view.start_button.click()
    settle(qtbot, window)
    assert view.state_label.text() == "Day 1 of 14. Next: Check in with each other"
    assert [r.day_label.text() for r in view.rows] == ["Day 1 · Next", "Day 3", "Day 7"]
    view.rows[0].mark_button.click()
    settle(qtbot, window)
    assert [r.day_label.text() for r in view.rows] == ["Day 1 · Done", "Day 3 · Next", "Day 7"]
    assert view.rows[0].mark_button.text() == "Undo"
    view.pause_button.click()
    settle(qtbot, window)
    assert view.pause_button.text() == "Resume" and view.state_label.text().startswith("Paused on day 1")
    assert window.profile is not None and window.profile.practice.program("gentle-restart").paused  # type: ignore
    page.show_library()
    [row] = [r for r in page.library.rows if r.item_title == "A gentle restart"]
    assert row.status_label.text() == "Paused · Day 1 · next: See where you stand"
    row.buttons[0].click()
    settle(qtbot, window)
    view.pause_button.click()
    settle(qtbot, window)
    assert view.pause_button.text() == "Pause"
    shown = " ".join(texts_of(view)).casefold()
    assert "streak" not in shown and "missed" not in shown
    assert view.rows[1].open_button is not None
    view.rows[1].open_button.click()
    settle(qtbot, window)
    assert page.views.currentWidget() is page.form and page.form.title_label.text() == "How close do we feel"
    page.act("program:gentle-restart")
    settle(qtbot, window)
    view.quit_button.click()
    [leave] = [b for b in page.confirm_box.buttons() if b.text() == "Leave"]
    leave.click()
    settle(qtbot, window)
    assert window.profile.practice.program("gentle-restart") is None
    assert view.start_button.isVisibleTo(view)


def test_the_mutual_reveal_keeps_a_sealed_until_both_are_done(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "assessment:how-we-see-us")
    reveal = page.reveal
    assert page.views.currentWidget() is reveal
    form = reveal.form
    assert form.banner_label.text().startswith("Partner A answers; Partner B, please look away")
    _answer_all(qtbot, window, form, [KEY.Key_5, KEY.Key_1, KEY.Key_3])
    assert reveal.currentIndex() == 1 and reveal.handover_title.text() == "Thank you, Partner A"
    a_words = {"Strongly agree", "Strongly disagree", "Neither"}

    def nothing_of_a_shown() -> None:
        assert not a_words & set(texts_of(page)) - {b.text() for b in form.answer_buttons}
        assert not any(b.isChecked() for b in form.answer_buttons)

    nothing_of_a_shown()
    reveal.handover_button.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    assert form.banner_label.text().startswith("Partner B answers")
    form.begin_button.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    for key in (KEY.Key_5, KEY.Key_4, KEY.Key_1):
        nothing_of_a_shown()  # while B answers: no widget shows or holds A's answer
        _press(qtbot, window, key)
        _press(qtbot, window, KEY.Key_Right, ALT)
    assert reveal.currentIndex() == 2
    cells = [c.text() for c in reveal.cells]
    assert cells[:4] == ["Question", "Partner A", "Partner B", ""]
    assert cells[4:] == ["We have enough fun together.", "Strongly agree", "Strongly agree", "same",
                         "I feel heard when I bring up something hard.", "Strongly disagree", "Agree", "apart",
                         "We spend enough time just the two of us.", "Neither", "Strongly disagree", "apart"]
    roles = [c.property("role") for c in reveal.cells[5:7]] + [c.property("role") for c in reveal.cells[9:11]]
    assert roles == ["notice", "notice", "warning", "warning"]
    assert reveal.match_label.text() == ("You answered 1 of 3 the same way: start with the one where you were "
                                         "furthest apart.")
    assert "I feel heard when I bring up something hard." in reveal.talk_label.text()
    assert "far apart" not in reveal.results_label.text()  # a mean of 3.0 beside 3.33 is no cause for concern
    history = window.profile.practice.history("how-we-see-us")  # type: ignore[union-attr]
    assert [(partner, answers) for _w, _r, answers, partner in history] == [
        ("a", {"fun": 5, "heard": 1, "time": 3}), ("b", {"fun": 5, "heard": 4, "time": 1})]
    assert _focused() is reveal.done_button
    _press(qtbot, window, KEY.Key_Escape)
    assert page.views.currentWidget() is page.library and not page.notice_label.isVisibleTo(page)


def test_results_that_stay_low_for_weeks_suggest_outside_help_kindly(qtbot: QtBot, window: MainWindow) -> None:
    import datetime as dt
    import functools

    from intimacy_desktop.services.practice import PracticeService, shared_practice

    profile = window.profile
    assert profile is not None and profile._db is not None
    low = {"greet": False, "phones": False, "ask": False, "cold": True}  # 0 of 4: the lowest band
    for weeks_ago in (4, 2):
        then = dt.datetime.now() - dt.timedelta(weeks=weeks_ago)
        PracticeService(profile._db, content=shared_practice, clock=functools.partial(lambda t: t, then)).take(
            "growth-scorecard", low)
    page = _page(qtbot, window, "assessment:growth-scorecard")
    _answer_all(qtbot, window, page.form, [KEY.Key_2, KEY.Key_2, KEY.Key_2, KEY.Key_1])  # a third low one, today
    res = page.result
    assert page.views.currentWidget() is res and res.band_title.text() == "A quiet stretch"
    assert res.care_label.isVisibleTo(res) and "counsellor" in res.care_label.text()
    res.again_requested.emit("growth-scorecard")
    settle(qtbot, window)
    _answer_all(qtbot, window, page.form, [KEY.Key_1, KEY.Key_1, KEY.Key_1, KEY.Key_2])
    assert page.result.band_title.text() == "Well rooted" and not page.result.care_label.isVisibleTo(page.result)


def test_results_far_apart_are_named_kindly_with_a_pointer_to_a_counsellor(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "assessment:how-we-see-us")
    reveal = page.reveal
    _answer_all(qtbot, window, reveal.form, [KEY.Key_5, KEY.Key_5, KEY.Key_5])
    reveal.handover_button.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    _answer_all(qtbot, window, reveal.form, [KEY.Key_1, KEY.Key_1, KEY.Key_1])
    assert reveal.currentIndex() == 2
    assert "far apart" in reveal.results_label.text() and "counsellor" in reveal.results_label.text()


def test_leaving_the_reveal_half_way_saves_nothing(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "assessment:how-we-see-us")
    _answer_all(qtbot, window, page.reveal.form, [KEY.Key_5, KEY.Key_1, KEY.Key_3])
    _press(qtbot, window, KEY.Key_Escape)  # on the hand-over screen
    assert page.views.currentWidget() is page.library
    assert page.notice_label.text() == "Stopped: nothing was saved."
    assert window.profile is not None and window.profile.practice.history("how-we-see-us") == []


def test_the_lock_leaves_no_answer_or_reflection_in_any_widget(qtbot: QtBot, window: MainWindow) -> None:
    page = _to_the_reflection(qtbot, window)
    qtbot.keyClicks(page.runner.reflection_edit, "Something only we know.")
    _press(qtbot, window, KEY.Key_Right, ALT)
    _press(qtbot, window, KEY.Key_Left, ALT)
    assert page.runner.reflection_edit.toPlainText() == "Something only we know."
    page.act("assessment:how-we-see-us")
    settle(qtbot, window)
    _answer_all(qtbot, window, page.reveal.form, [KEY.Key_5, KEY.Key_1, KEY.Key_3])
    assert page.reveal._first
    view = window.locks.app_view
    assert view is not None
    view.wipe_all()
    shown = texts_of(page)
    assert not any("Something only we know" in t for t in shown)
    assert not any("Evening check-in" in t for t in shown)
    assert page.reveal._first == {} and page.runner.run is None
    assert not page.runner.countdown._timer.isActive()
    window.lock()


def test_an_empty_library_says_so_kindly(qtbot: QtBot, make_window: Any, existing_profile: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from intimacy_desktop.core.content import ContentProblem
    from intimacy_desktop.core.practice import Practice
    from intimacy_desktop.services import practice as practice_service

    for practice, start in ((Practice(), "There are no exercises in this version yet"),
                            (Practice(problems=(ContentProblem("exercises.toml", "-", "-", "unreadable"),)),
                             "The exercises could not be read")):
        practice_service.shared_practice.cache_clear()
        monkeypatch.setattr(practice_service, "load_practice", lambda lang="en", p=practice: p)
        window = make_window()
        unlock(qtbot, window)
        page = _page(qtbot, window)
        assert page.library.rows == [] and page.library.empty_label.text().startswith(start)
        assert page.library.empty_label.isVisibleTo(page) and not page.library.clear_button.isVisibleTo(page)
        window.lock()
    practice_service.shared_practice.cache_clear()


def test_back_from_a_last_step_reflection_keeps_the_words_without_finishing(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "exercise:digital-phone-free-dinner")
    r = page.runner
    _press(qtbot, window, KEY.Key_Right, ALT)
    qtbot.keyClicks(r.reflection_edit, "Quieter.")
    _press(qtbot, window, KEY.Key_Left, ALT)
    assert r.text_label.text().startswith("Choose one dinner")
    assert window.profile is not None and window.profile.journal.count() == 1  # kept, in the journal, at once
    assert len(window.profile.practice.unfinished_runs()) == 1  # and the run is not finished by it
    _press(qtbot, window, KEY.Key_Right, ALT)
    qtbot.waitUntil(lambda: r.reflection_edit.toPlainText() == "Quieter.", timeout=3_000)
    _press(qtbot, window, KEY.Key_Right, ALT)
    assert r.faces.currentIndex() == 1 and window.profile.journal.count() == 1  # the same entry, not a second


def test_hours_are_answered_in_half_hours_and_shown_as_hours(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(qtbot, window, "assessment:screen-hours")
    form = page.form
    form.begin_button.setFocus()
    _press(qtbot, window, KEY.Key_Space)
    assert _focused() is form.hours_box and form.answer_buttons == []
    for _ in range(3):
        _press(qtbot, window, KEY.Key_Up)
    assert form.hours_box.value() == 1.5 and form.next_button.isEnabled()
    _press(qtbot, window, KEY.Key_Right, ALT)
    _press(qtbot, window, KEY.Key_2)
    _press(qtbot, window, KEY.Key_Right, ALT)
    assert page.result.bars.texts() == ["Phone outside work 1.5 h a day", "At peace with it 2 of 5"]
    beside = page.result.reference_label
    assert beside.isVisibleTo(page.result)  # the hours set beside the article's table row the item names
    assert "Phone outside work: you 1.5 h a day" in beside.text() and "2.1 hours" in beside.text()
    assert "42%" in beside.text()
    assert window.profile is not None
    [(_when, _result, answers, _p)] = window.profile.practice.history("screen-hours")
    assert answers == {"phone": 1.5, "ok": 2}
