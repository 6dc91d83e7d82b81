"""The journal locks when the desktop's screen saver says the screen is locked (a private D-Bus session here)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtDBus import QDBusConnection
from ui_support import unlock

from intimacy_desktop.gui.session_lock import SessionLockWatcher

REQUIRED = os.environ.get("INTIMACY_DESKTOP_REQUIRE_SECRET_SERVICE_TESTS") == "1"


@pytest.fixture
def private_bus() -> Iterator[str]:
    if shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None:
        if REQUIRED:
            pytest.fail("dbus-daemon and dbus-send are required here")
        pytest.skip("needs dbus-daemon and dbus-send (installed by ./run-tests as root)")
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    try:
        yield address
    finally:
        daemon.kill()
        daemon.communicate()  # reads and closes its stdout, which would otherwise be a ResourceWarning


def _signal(address: str, path: str, interface: str, active: bool) -> None:
    subprocess.run(["dbus-send", f"--bus={address}", "--type=signal", path, f"{interface}.ActiveChanged",
                    f"boolean:{'true' if active else 'false'}"], check=True)


def test_screen_lock_locks_the_journal(qtbot, make_window, existing_profile, private_bus) -> None:  # type: ignore[no-untyped-def]
    bus = QDBusConnection.connectToBus(private_bus, f"test-{id(private_bus)}")
    assert bus.isConnected()
    w = make_window()
    watcher = SessionLockWatcher(w, session_bus=bus, system_bus=QDBusConnection("no-system-bus"))
    assert "org.gnome.ScreenSaver /org/gnome/ScreenSaver" in watcher.watching
    w.watch_session_lock(watcher)
    unlock(qtbot, w)
    _signal(private_bus, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", active=False)  # screen unlocked: no-op
    qtbot.wait(300)
    assert w.profile is not None
    _signal(private_bus, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", active=True)
    qtbot.waitUntil(lambda: w.profile is None, timeout=5_000)
    assert w.page("journal") is None
    assert w.stack.currentWidget() is w.unlock_page
    QDBusConnection.disconnectFromBus(f"test-{id(private_bus)}")
