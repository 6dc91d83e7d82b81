"""How late the conversation timer notices its end and its turn switches in a real run: a Qt event loop, the real
suspend-counting clock (core/clock.py), the window's LiveConversation, no sound.

    .venv/bin/python benchmarks/conversation_drift.py            # a 10-minute talk with 2-minute turns
    .venv/bin/python benchmarks/conversation_drift.py --minutes 1

Prints, for each event, the talk time at which it was due and how much later the event loop delivered it, plus
the busy-ness of the loop (wake-ups per minute). The target (DESIGN.md §7) is under 100 ms over 60 minutes; the
core's own arithmetic cannot drift (tests/unit/test_conversation_timer.py), so what this measures is the timer.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer

from intimacy_desktop.core.clock import talk_clock
from intimacy_desktop.gui.conversation.live import LiveConversation, Talk
from intimacy_desktop.gui.sound import SoundPlayer


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--turn", type=float, default=120, help="turn length in seconds (0: no turns)")
    args = parser.parse_args()
    app = QCoreApplication(sys.argv)
    sounds = SoundPlayer(multimedia=lambda: None)
    clock = talk_clock()
    live = LiveConversation(sounds, clock=clock)
    planned = args.minutes * 60
    timer = live.new_timer(planned, args.turn or None)
    wakes = 0
    late: list[tuple[str, float, float]] = []
    started = 0.0

    def changed() -> None:
        nonlocal wakes
        wakes += 1

    def turned(_speaker: object) -> None:
        due = (timer.turns * args.turn)
        late.append(("turn", due, clock() - started - due))

    def finished() -> None:
        late.append(("end", planned, clock() - started - planned))
        QTimer.singleShot(0, app.quit)

    live.changed.connect(changed)
    live.turned.connect(turned)
    live.finished.connect(finished)
    started = clock()
    live.begin(Talk(timer, "benchmark", 0, "custom"))
    wall = time.perf_counter()
    app.exec()
    wall = time.perf_counter() - wall
    print(f"conversation of {args.minutes:g} min, turns every {args.turn:g} s, on the clock of core/clock.py")
    for kind, due, delay in late:
        print(f"  {kind:4} due at {due:8.1f} s   delivered {delay * 1000:7.2f} ms late")
    end_delay = late[-1][2] * 1000
    print(f"end drift: {end_delay:.2f} ms (target < 100 ms); worst event {max(d for *_x, d in late) * 1000:.2f} ms")
    print(f"wall time {wall:.2f} s; {wakes / max(wall / 60, 1e-9):.0f} repaints a minute")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
