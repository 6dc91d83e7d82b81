"""What the command line reads: secrets from the environment or the terminal, text from standard input, and whether
a graphical display answers. Each failure is an ``AppError`` with a code, so the CLI says it in one sentence.

- Text must be UTF-8. Python turns bytes that are not into lone surrogates (in arguments and the environment) or
  fails later while saving; both are refused here, before anything is unlocked or written.
- A secret is never read from standard input (that carries entry text and would echo): without its variable and
  without a terminal to prompt on, the command stops and says which variable to set.
- Standard input is read as bytes and decoded as strict UTF-8 whatever the locale; a leading BOM is dropped and
  Windows line ends become ``\\n``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from pathlib import Path

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.input_rules import has_surrogates

POSITIONAL = {"query", "command", "action", "id"}


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse any text argument that was not UTF-8. ``--data-dir`` is a path, where any bytes are fine."""
    for dest, value in vars(args).items():
        if dest == "data_dir":
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and has_surrogates(item):
                name = dest if dest in POSITIONAL else "--" + dest.replace("_", "-")
                raise UsageError("argument_not_utf8", argument=name)


def variable(name: str) -> str | None:
    value = os.environ.get(name)
    if value is not None and has_surrogates(value):
        raise UsageError("variable_not_utf8", variable=name)
    return value


def has_terminal() -> bool:
    """Whether getpass can prompt without echo on a terminal (not on standard input)."""
    if os.name == "nt":
        return sys.stdin is not None and sys.stdin.isatty()
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return False
    os.close(fd)
    return True


def ask_secret(prompt: str, env_name: str) -> str:
    """``env_name``'s value when set, otherwise typed at the terminal without echo ("" for Ctrl+D)."""
    value = variable(env_name)
    if value is not None:
        return value
    return ask(prompt, env_name)


def ask(prompt: str, env_name: str, *, recovery_code: bool = False) -> str:
    """Typed at the terminal without echo; ``env_name`` is the variable to name when there is no terminal."""
    if not has_terminal():
        if recovery_code:
            raise UsageError("no_terminal_for_recovery_code", variable=env_name)
        raise UsageError("no_terminal_for_passphrase", variable=env_name)
    try:
        typed = getpass.getpass(prompt)
    except EOFError:
        return ""
    except UnicodeDecodeError as exc:
        raise UsageError("typed_not_utf8") from exc
    if has_surrogates(typed):
        raise UsageError("typed_not_utf8")
    return typed


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_stdin() -> str:
    """All of standard input as text ("" when there is none)."""
    stream = sys.stdin
    if stream is None:
        return ""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # replaced by a text-only stream (in-process callers)
        text = stream.read()
    else:
        try:
            text = buffer.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UsageError("stdin_not_utf8") from exc
    if has_surrogates(text):
        raise UsageError("stdin_not_utf8")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_entry(text: str) -> tuple[str, str]:
    """An entry written as text: its first line is the title, what follows (after blank lines) the body."""
    first, _, rest = text.partition("\n")
    return first.strip(), rest.strip("\n")


# ---- the graphical display (Linux) ----------------------------------------------------------------------------------
def display_problem() -> UsageError | None:
    """Why Qt would abort for want of a display, or None. On Linux without a reachable X11 or Wayland server Qt
    aborts with a page about platform plugins; this says it in one sentence instead. Only local sockets are looked
    at (nothing is connected to); a remote X display (``host:0``) is taken on trust."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    x11 = os.environ.get("DISPLAY", "")
    wayland = os.environ.get("WAYLAND_DISPLAY", "")
    if not x11 and not wayland:
        return UsageError("no_display")
    if (x11 and _x11_answers(x11)) or (wayland and _wayland_answers(wayland)):
        return None
    return UsageError("display_unreachable", display=x11 or wayland)


def _is_socket(path: Path) -> bool:
    try:
        return stat.S_ISSOCK(path.stat().st_mode)
    except OSError:
        return False


def _x11_answers(display: str) -> bool:
    host, sep, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not sep or not number.isdigit() or host.startswith("/"):
        return True  # a form this check does not know (XQuartz paths, ...): let Qt try
    if host not in ("", "unix"):
        return True  # a remote display: not probed
    socket_path = f"/tmp/.X11-unix/X{number}"  # noqa: S108 - the X server's fixed socket location
    return _is_socket(Path(socket_path)) or _abstract_socket_listed(socket_path)


def _abstract_socket_listed(path: str) -> bool:
    """X servers on Linux also listen on the abstract socket ``@/tmp/.X11-unix/X<n>``, without any file."""
    try:
        table = Path("/proc/net/unix").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True  # cannot tell: let Qt try
    return any(line.rsplit(None, 1)[-1] == f"@{path}" for line in table.splitlines()[1:] if line.strip())


def _wayland_answers(name: str) -> bool:
    path = Path(name)
    if not path.is_absolute():
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        if not runtime:
            return False  # libwayland cannot find a relative socket without it
        path = Path(runtime) / name
    return _is_socket(path)
