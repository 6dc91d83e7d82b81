"""``intimacy-desktop self-test``: the services' checks plus one real window, drawn offscreen."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from intimacy_desktop.core.errors import EXIT_OK
from intimacy_desktop.core.input_rules import visible
from intimacy_desktop.messages import english_text
from intimacy_desktop.services.selftest import CheckResult, run_checks


def _window_check() -> CheckResult:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from intimacy_desktop.gui.selftest_window import draw_test_window

        platform, width, height = draw_test_window()
    except Exception as exc:  # a missing system library shows up here as an ImportError or a Qt abort
        return CheckResult("window", False, f"{type(exc).__name__}: {exc}", 5)
    return CheckResult("window", width >= 320, f"{platform}, {width}x{height}", 5)


def _detail(r: CheckResult) -> str:
    return english_text(r.error) if r.error is not None else r.detail


def run_self_test(data_dir: Path, as_json: bool = False) -> int:
    results = run_checks(_window_check)
    if as_json:
        checks = [{"name": r.name, "ok": r.ok, "detail": _detail(r)} for r in results]
        print(json.dumps({"checks": checks, "data_folder": str(data_dir), "frozen": bool(getattr(sys, "frozen", 0))}))
    else:
        for r in results:
            print(f"{'ok  ' if r.ok else 'FAIL'}  {r.name:<15} {_detail(r)}")
        print(f"data folder: {os.fsencode(data_dir).decode('utf-8', 'backslashreplace')}")  # any bytes, shown
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"intimacy-desktop: self-test failed: {failed[0].name}: {visible(_detail(failed[0]))}", file=sys.stderr)
        return failed[0].exit_code
    return EXIT_OK
