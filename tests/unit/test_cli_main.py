"""The CLI's last line of defence: whatever goes wrong, one sentence on stderr and a documented exit code."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from intimacy_desktop import cli


def test_an_unexpected_error_is_one_sentence_with_exit_code_1(monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    def broken(args: argparse.Namespace, data_dir: Path) -> int:
        raise RuntimeError("the words of an entry")  # a bug's message can quote what was being written

    monkeypatch.setattr(cli, "_dispatch", broken)
    code = cli.main(["--data-dir", str(tmp_path), "profile", "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "intimacy-desktop: Something unexpected went wrong (RuntimeError); please report it.\n"


def test_a_text_encoding_failure_is_never_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    def broken(args: argparse.Namespace, data_dir: Path) -> int:
        "\udcff".encode()  # what any text with a lone surrogate does deep inside a library
        return 0

    monkeypatch.setattr(cli, "_dispatch", broken)
    code = cli.main(["--data-dir", str(tmp_path), "profile", "list"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "UTF-8" in err and "Traceback" not in err
