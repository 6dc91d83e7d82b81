"""One running app per data folder: two copies writing the same vault would fight over drafts and locks.

A QLockFile in the data folder decides who is first; a QLocalServer named after a hash of the folder lets a
second start ask the first to come to the front. The hash keeps the folder path out of the socket name.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

RAISE = b"raise"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.absolute()).encode("utf-8")).hexdigest()[:20]
    return f"intimacy-desktop-{digest}"


class SingleInstance(QObject):
    """Holds the lock and listens for "raise" requests from later starts."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / "instance.lock"))
        self._lock.setStaleLockTime(0)  # stale only when the owning process is gone
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        return bool(self._lock.tryLock(200))

    def listen(self) -> None:
        """Start answering "raise" requests; called once the first window is up (QtNetwork costs ~10 ms)."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None or not self._lock.isLocked():
            return
        QLocalServer.removeServer(self._name)  # left behind by a crash
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(self._name)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        socket = self._server.nextPendingConnection()
        if socket is None:
            return

        def read() -> None:
            if bytes(socket.readAll().data()).strip() == RAISE:
                self.raise_requested.emit()
            socket.disconnectFromServer()

        socket.readyRead.connect(read)
        socket.disconnected.connect(socket.deleteLater)


def ask_first_instance_to_raise(data_dir: Path) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(1000):
        return False
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(1000)
    socket.disconnectFromServer()
    return True
