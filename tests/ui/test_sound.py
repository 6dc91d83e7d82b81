"""The soft sounds: built as quiet, click-free WAV files, played when an output exists, and silent (never an
error) without QtMultimedia, without a sound server or without the files. Nothing here needs a speaker: the one
test with a real audio device starts its own PulseAudio with a null sink."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import wave
from pathlib import Path
from typing import Any, ClassVar

import pytest
from pytestqt.qtbot import QtBot

from intimacy_desktop import resources
from intimacy_desktop.gui.sound import END, STEP, TURN, SoundPlayer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import sound_synth  # noqa: E402


class FakeEffect:
    class Status:
        Error = "error"
        Ready = "ready"

    made: ClassVar[list[FakeEffect]] = []

    def __init__(self, _parent: Any) -> None:
        self.source = ""
        self.volume = 1.0
        self.plays = 0
        FakeEffect.made.append(self)

    def setSource(self, url: Any) -> None:
        self.source = url.toLocalFile()

    def setVolume(self, volume: float) -> None:
        self.volume = volume

    def status(self) -> str:
        return self.Status.Ready

    def play(self) -> None:
        self.plays += 1


class FakeMultimedia:
    def __init__(self, outputs: list[str]) -> None:
        outer = self

        class Devices:
            @staticmethod
            def audioOutputs() -> list[str]:
                return outer.outputs

        self.outputs = outputs
        self.QMediaDevices = Devices
        self.QSoundEffect = FakeEffect


@pytest.mark.parametrize("name", [END, STEP, TURN])
def test_each_sound_is_a_quiet_wav_that_starts_and_ends_in_silence(name: str) -> None:
    path = resources.sound_path(f"{name}.wav")
    assert path.is_file(), "scripts/build_ui.py builds the sounds"
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, sound_synth.RATE)
        frames = wav.readframes(wav.getnframes())
    values = [int.from_bytes(frames[i:i + 2], "little", signed=True) for i in range(0, len(frames), 2)]
    assert 0.2 * 32767 <= max(abs(v) for v in values) <= 0.26 * 32767  # about -12 dBFS: a chime, not an alarm
    assert abs(values[0]) < 200 and max(abs(v) for v in values[-20:]) < 200  # no click at either end
    assert path.read_bytes() == sound_synth.wav_bytes(next(s for s in sound_synth.SOUNDS if s.name == name))


def test_a_sound_plays_once_loaded_and_reuses_its_effect(qtbot: QtBot) -> None:
    FakeEffect.made.clear()
    player = SoundPlayer(multimedia=lambda: FakeMultimedia(["speakers"]))
    assert player.play(END) and player.play(END)
    assert len(FakeEffect.made) == 1 and FakeEffect.made[0].plays == 2
    assert Path(FakeEffect.made[0].source) == resources.sound_path("chime-end.wav")
    assert FakeEffect.made[0].volume < 1


def test_no_output_no_module_no_file_or_switched_off_is_silence(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    FakeEffect.made.clear()
    assert not SoundPlayer(multimedia=lambda: FakeMultimedia([])).play(END)
    assert not SoundPlayer(multimedia=lambda: None).play(END)
    off = SoundPlayer(multimedia=lambda: FakeMultimedia(["speakers"]))
    off.enabled = False
    assert not off.play(END)
    monkeypatch.setattr(resources, "sound_path", lambda name: tmp_path / name)
    assert not SoundPlayer(multimedia=lambda: FakeMultimedia(["speakers"])).play(END)
    assert FakeEffect.made == []


def test_the_real_qtmultimedia_without_a_sound_server_is_silent(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/nothing-here")
    assert SoundPlayer().play(END) is False


CHILD = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication(sys.argv)
from intimacy_desktop.gui.sound import END, SoundPlayer
player = SoundPlayer()
print("available", player.available())
print("played", player.play(END))
effect = player._effects.get(END)
states = []
if effect is not None:
    effect.playingChanged.connect(lambda: states.append(effect.isPlaying()))
QTimer.singleShot(6000, app.quit)
def check():
    if states[-2:] == [True, False]:
        app.quit()
    else:
        QTimer.singleShot(100, check)
check()
app.exec()
print("states", states)
"""


@pytest.mark.skipif(shutil.which("pulseaudio") is None, reason="PulseAudio is not installed (./run-tests installs it)")
def test_a_real_audio_device_plays_the_chime_to_the_end(tmp_path: Path) -> None:
    """PulseAudio with a null sink, as a desktop's sound server: the chime starts and finishes playing."""
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path), "HOME": str(tmp_path), "PULSE_RUNTIME_PATH": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PULSE_SERVER", None)
    server = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n", "--disable-shm", "--log-target=stderr",
         "--load=module-null-sink", "--load=module-native-protocol-unix"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            if (tmp_path / "native").exists():
                break
            subprocess.run(["sleep", "0.1"], check=True)
        result = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60)
    finally:
        server.terminate()
        server.wait(10)
    assert "available True" in result.stdout and "played True" in result.stdout, result.stdout + result.stderr
    assert "states [True, False]" in result.stdout, result.stdout + result.stderr
