"""The recovery dialog while the journal is re-encrypted under its new key (issue 8): the busy bar becomes one that
fills with the re-key's progress, reported from the worker thread, and the dialog cannot be closed meanwhile."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QProgressBar

from intimacy_desktop.gui.recovery_dialog import RecoveryDialog
from intimacy_desktop.services.profiles import ProfileService


def test_the_bar_fills_with_the_re_key_and_the_new_code_follows(  # type: ignore[no-untyped-def]
    qtbot, make_window, profiles: ProfileService, monkeypatch
) -> None:
    created = profiles.create("Ours", "our passphrase")
    created.profile.close()
    code = created.recovery_code
    halfway, go_on = threading.Event(), threading.Event()
    real = profiles.recover

    def slow_recover(*args, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        def report(fraction: float) -> None:
            if progress is not None:
                progress(fraction)
            if fraction >= 0.4 and not halfway.is_set():
                halfway.set()
                go_on.wait(10)  # hold the re-key here while the test looks at the bar

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(profiles, "recover", slow_recover)
    w = make_window()
    w.unlock_page.ui.recoverButton.click()
    dialog = w.findChild(RecoveryDialog)
    assert dialog is not None
    dialog.code_edit.setText(code)
    dialog.new_edit.setText("a new passphrase")
    dialog.confirm_edit.setText("a new passphrase")
    dialog.recover_button.click()
    bar: QProgressBar = dialog.busy
    try:
        qtbot.waitUntil(halfway.is_set, timeout=10_000)
        qtbot.waitUntil(lambda: bar.maximum() == 100 and bar.value() >= 40, timeout=5_000)
        assert bar.isVisibleTo(dialog)
        dialog.reject()
        assert dialog.isVisible()  # not while the journal is being re-encrypted
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: dialog.profile is not None, timeout=10_000)
    assert not bar.isVisibleTo(dialog)
    assert dialog.code_view.isVisibleTo(dialog)
    dialog.profile.close()
    dialog.done(0)
