"""Locks the journal when the operating system locks the screen or goes to sleep, where that can be detected.

On Linux desktops the screen saver announces itself on the session bus (freedesktop and GNOME names) and logind
announces session locks and suspends on the system bus. Where neither bus answers, nothing happens and the idle
timer and the lock button remain. (Windows and macOS report these events differently; not wired yet.)
"""

from __future__ import annotations

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

_SCREEN_SAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE Plasma also uses this path
)
_LOGIN1 = "org.freedesktop.login1"


def _slot(signature: str) -> bytes:
    """Qt's SLOT() form ("1name(args)"). PySide6 accepts it as text at run time; its stubs say bytes."""
    return SLOT(signature)  # type: ignore[return-value]


class SessionLockWatcher(QObject):
    locked = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
    ) -> None:
        super().__init__(parent)
        self.watching: list[str] = []
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        if session.isConnected():
            for path, interface in _SCREEN_SAVERS:
                if session.connect("", path, interface, "ActiveChanged", self, _slot("_screen_saver(bool)")):
                    self.watching.append(f"{interface} {path}")
        if system.isConnected():
            if system.connect(_LOGIN1, "", f"{_LOGIN1}.Session", "Lock", self, _slot("_session_locked()")):
                self.watching.append("logind Lock")
            if system.connect(_LOGIN1, "/org/freedesktop/login1", f"{_LOGIN1}.Manager", "PrepareForSleep", self,
                              _slot("_sleeping(bool)")):
                self.watching.append("logind PrepareForSleep")

    @Slot(bool)
    def _screen_saver(self, active: bool) -> None:
        if active:
            self.locked.emit()

    @Slot()
    def _session_locked(self) -> None:
        self.locked.emit()

    @Slot(bool)
    def _sleeping(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.locked.emit()
