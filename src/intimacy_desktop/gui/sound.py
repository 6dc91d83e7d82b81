"""The app's soft sounds: the chime at the end of a conversation or a timed step, and the quiet note when speaker
and listener swap. One player for the whole app (built in gui/application.py), so a sound still plays while the
journal is locked.

Sound is a courtesy, never a requirement. Without QtMultimedia (no libpulse0), without a sound server, without an
output device, or with the sounds not built, ``play`` does nothing and says so only in its return value; the visual
cue always carries the message. QtMultimedia is imported on the first sound, not at start-up (about 30 ms), and its
warnings about a missing sound server are left to Qt's log, never shown to the person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl

from intimacy_desktop import resources

if TYPE_CHECKING:
    from collections.abc import Callable

END = "chime-end"  # a conversation's time is up
STEP = "chime-step"  # a timed step of an exercise is over
TURN = "chime-turn"  # speaker and listener swap
VOLUME = 0.6


def _qt_multimedia() -> Any | None:
    try:
        from PySide6 import QtMultimedia
    except ImportError:  # PySide6-Addons absent, or libpulse.so.0 missing on Linux
        return None
    return QtMultimedia


class SoundPlayer(QObject):
    """``play(name)`` returns whether the sound went to an audio output; False means silence, and that is fine."""

    def __init__(self, parent: QObject | None = None, *,
                 multimedia: Callable[[], Any | None] = _qt_multimedia) -> None:
        super().__init__(parent)
        self.enabled = True
        self._multimedia = multimedia
        self._module: Any | None = None
        self._loaded = False
        self._effects: dict[str, Any] = {}

    def _module_or_none(self) -> Any | None:
        if not self._loaded:
            self._loaded = True
            self._module = self._multimedia()
        return self._module

    def available(self) -> bool:
        """Whether a sound could be heard now: QtMultimedia loads and the system reports an audio output."""
        module = self._module_or_none()
        if module is None:
            return False
        try:
            return bool(module.QMediaDevices.audioOutputs())
        except RuntimeError:
            return False

    def play(self, name: str) -> bool:
        if not self.enabled or not self.available():
            return False
        effect = self._effects.get(name)
        if effect is None:
            path = resources.sound_path(f"{name}.wav")
            if not path.is_file():
                return False
            effect = self._module_or_none().QSoundEffect(self)  # type: ignore[union-attr]
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(VOLUME)
            self._effects[name] = effect
        if effect.status() == effect.Status.Error:
            return False
        effect.play()  # a sound still loading plays as soon as it is ready
        return True
