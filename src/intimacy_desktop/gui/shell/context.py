"""What a profile's pages share while it is unlocked, built on unlock and torn down, whole, by the lock.

Pages get everything through this one object (Electrum's habit: pass what a view needs through its constructor,
no global registry): the profile's services, the operation runner, the change notices, the clipboard guard, the
window's sound player and its conversation in progress, and a way to ask the shell for another page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.gui.conversation.live import LiveConversation
from intimacy_desktop.gui.operations import OperationRunner
from intimacy_desktop.gui.sound import SoundPlayer

if TYPE_CHECKING:
    from intimacy_desktop.core.preferences import Preferences
    from intimacy_desktop.core.reminders import Reminder
    from intimacy_desktop.gui.clipboard import ClipboardGuard
    from intimacy_desktop.services.backups import BackupService
    from intimacy_desktop.services.conversations import ConversationService
    from intimacy_desktop.services.household import HouseholdService
    from intimacy_desktop.services.journal import JournalService
    from intimacy_desktop.services.practice import PracticeService
    from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
    from intimacy_desktop.services.prompts import PromptService

Navigate = Callable[[str, "str | None"], None]


class ChangeNotices(QObject):
    """One signal for every write of the profile. Services call ``notify`` on whatever thread wrote; Qt queues the
    signal to the GUI thread when that was a worker."""

    changed = Signal(object)  # core.changes.Changed

    def notify(self, changes: Changed) -> None:
        self.changed.emit(changes)


class ProfileContext:
    def __init__(
        self,
        profile: UnlockedProfile,
        *,
        clipboard: ClipboardGuard,
        navigate: Navigate,
        sounds: SoundPlayer | None = None,
        live: LiveConversation | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.profile = profile
        self.sounds = sounds if sounds is not None else SoundPlayer(parent)
        # the window's conversation in progress, which outlives this context (gui/conversation/live.py)
        self.live = live if live is not None else LiveConversation(self.sounds, parent)
        self.clipboard = clipboard
        self.navigate = navigate
        self.backups: BackupService | None = None  # the shell's, which knows every profile (restore adds one)
        self.household: HouseholdService | None = None  # the couple's shared space (services/household.py)
        self.profiles: ProfileService | None = None  # to open the partner's profile while both are present
        # the shell's: puts a person's saved settings into effect (idle lock, theme, sounds); Settings calls it
        self.apply_preferences: Callable[[Preferences | None], None] = lambda _prefs: None
        # the shell's: lock, then show the first-run screen for one more profile; lock, then delete this one
        self.add_profile: Callable[[], None] = lambda: None
        self.delete_profile: Callable[[], None] = lambda: None
        # the window's: the reminders' times, after Settings changed them (gui/reminders.py)
        self.set_reminders: Callable[[tuple[Reminder, ...]], None] = lambda _r: None
        self.ops = OperationRunner(parent)
        self.changes = ChangeNotices(parent)
        profile.changes.subscribe(self.changes.notify)

    @property
    def journal(self) -> JournalService:
        return self.profile.journal

    @property
    def prompts(self) -> PromptService:
        return self.profile.prompts

    @property
    def practice(self) -> PracticeService:
        return self.profile.practice

    @property
    def conversations(self) -> ConversationService:
        return self.profile.conversations

    def check_foreign_changes(self) -> None:
        """Someone else wrote (the CLI, say): tell every page that anything may have changed."""
        if self.ops.is_open and self.profile.foreign_changes():
            self.changes.notify(Changed.EXTERNAL)

    def close(self) -> None:
        """The last step of the lock: nothing more is delivered, and the vault lets go of its key."""
        self.ops.close()
        self.profile.changes.unsubscribe(self.changes.notify)
        self.profile.close()
        self.ops.deleteLater()
        self.changes.deleteLater()
