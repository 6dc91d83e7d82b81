"""The app's three soft sounds, synthesised here (original work, no samples): a small bell for the end of a
conversation, a shorter one for the end of a timed step, and one quiet note when speaker and listener swap.

scripts/build_ui.py writes them into gui/_generated/sounds/ as 16-bit mono WAV (QSoundEffect plays WAV without
any media backend). Pure standard library and deterministic: the same bytes on every machine.

Each note is a struck bell: a few inharmonic partials, each fading exponentially, with a short raised-cosine
attack so nothing clicks. Peaks stay near -12 dBFS: a chime, never an alarm.
"""

from __future__ import annotations

import math
import struct
import wave
from dataclasses import dataclass
from pathlib import Path

RATE = 22050
PEAK = 0.25  # of full scale, about -12 dBFS
ATTACK_S = 0.012
# (ratio to the note, relative loudness, decay time constant as a share of the note's own)
PARTIALS = ((1.0, 1.0, 1.0), (2.0, 0.32, 0.55), (2.76, 0.16, 0.4), (5.4, 0.05, 0.22))


@dataclass(frozen=True)
class Sound:
    name: str
    notes: tuple[tuple[float, float], ...]  # (start in seconds, frequency in Hz)
    length_s: float
    decay_s: float  # the fundamental's time constant


SOUNDS = (
    Sound("chime-end", ((0.0, 523.25), (0.42, 659.25), (0.84, 783.99)), 3.6, 0.9),  # C5 E5 G5, unhurried
    Sound("chime-step", ((0.0, 659.25), (0.36, 523.25)), 2.2, 0.6),
    Sound("chime-turn", ((0.0, 587.33),), 1.0, 0.28),
)


def samples(sound: Sound) -> list[float]:
    count = int(sound.length_s * RATE)
    out = [0.0] * count
    for start, freq in sound.notes:
        first = int(start * RATE)
        for i in range(count - first):
            t = i / RATE
            envelope = 0.5 - 0.5 * math.cos(math.pi * t / ATTACK_S) if t < ATTACK_S else 1.0
            value = 0.0
            for ratio, loudness, decay_share in PARTIALS:
                value += loudness * math.exp(-t / (sound.decay_s * decay_share)) * math.sin(2 * math.pi * freq
                                                                                              * ratio * t)
            out[first + i] += envelope * value
    tail = int(0.05 * RATE)  # the last 50 ms fade to silence, so the end never clicks either
    for i in range(tail):
        out[count - tail + i] *= 1 - i / tail
    top = max(abs(v) for v in out) or 1.0
    return [PEAK * v / top for v in out]


def wav_bytes(sound: Sound) -> bytes:
    frames = b"".join(struct.pack("<h", round(v * 32767)) for v in samples(sound))
    import io

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return buffer.getvalue()


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for sound in SOUNDS:
        path = folder / f"{sound.name}.wav"
        path.write_bytes(wav_bytes(sound))
        written.append(path)
    return written
