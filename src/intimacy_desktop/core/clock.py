"""The clock a conversation is timed by: monotonic (never set back by a change of the wall clock or time zone) and
still counting while the computer sleeps, because a couple who closes the lid goes on talking.

Python's ``time.monotonic`` stops during a suspend on Linux (CLOCK_MONOTONIC) and macOS (mach_absolute_time), so
those use the clocks that count sleep: CLOCK_BOOTTIME on Linux, and on macOS clock_gettime's CLOCK_MONOTONIC,
which Apple documents as counting while asleep. Windows' ``time.monotonic`` already counts sleep. Where the
platform clock is missing the fallback is ``time.monotonic``: a conversation then pauses while the computer sleeps.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable


def talk_clock(platform: str = sys.platform) -> Callable[[], float]:
    if platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        clock_id = time.CLOCK_BOOTTIME
    elif platform == "darwin" and hasattr(time, "CLOCK_MONOTONIC"):
        clock_id = time.CLOCK_MONOTONIC
    else:
        return time.monotonic
    try:
        time.clock_gettime(clock_id)
    except OSError:
        return time.monotonic
    return lambda: time.clock_gettime(clock_id)
