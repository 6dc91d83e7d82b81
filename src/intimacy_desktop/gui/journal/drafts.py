"""Drafts: what is being typed goes into the encrypted database, never into a temp file.

Saved 1.5 s after typing pauses, and at least every 10 s while typing goes on without a pause: someone who
writes fast and without stopping loses at most ten seconds to a crash or a power cut. A new entry that is still
empty is never saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from intimacy_desktop.core.errors import AppError
from intimacy_desktop.gui.error_text import error_text

if TYPE_CHECKING:
    from intimacy_desktop.gui.journal.editor import EntryEditor
    from intimacy_desktop.services.journal import JournalService

PAUSE_MS = 1500
MAX_WAIT_MS = 10_000


class DraftKeeper(QObject):
    def __init__(
        self,
        journal: JournalService,
        editor: EntryEditor,
        parent: QObject | None = None,
        *,
        pause_ms: int = PAUSE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._editor = editor
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(pause_ms)
        self._pause.timeout.connect(self.save_now)
        self._max_wait = QTimer(self)  # not restarted by typing: it fires while the pause timer keeps waiting
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(max_wait_ms)
        self._max_wait.timeout.connect(self.save_now)
        editor.edited.connect(self.edited)

    def set_intervals(self, pause_ms: int, max_wait_ms: int) -> None:
        self._pause.setInterval(pause_ms)
        self._max_wait.setInterval(max_wait_ms)

    def edited(self) -> None:
        self._pause.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def stop(self) -> None:
        self._pause.stop()
        self._max_wait.stop()

    def write(self) -> None:
        """Write the draft now; raises AppError when it cannot be written (the lock reports that)."""
        self.stop()
        if not self._editor.dirty:
            return
        if self._editor.entry_id is None and self._editor.is_blank():
            self._journal.discard_draft(None)
        else:
            self._journal.save_draft(self._editor.entry_id, self._editor.fields())

    def save_now(self) -> None:
        """The timers' path: a failure is said in the editor, where the person is typing."""
        try:
            self.write()
        except AppError as exc:
            self._editor.show_error(error_text(exc))

    def discard(self, entry_id: int | None) -> None:
        self.stop()
        self._journal.discard_draft(entry_id)
