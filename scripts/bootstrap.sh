# Shared set-up for ./run and ./run-tests: system packages, the virtual environment, the compiled Qt forms.
# Sourced, not executed. Idempotent and quick when nothing changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

# What Qt needs on a bare Debian/Ubuntu (DESIGN.md §8), what a real window needs, and the Secret Service for tests.
APT_QT="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-dejavu-core"
APT_WINDOW="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1"
APT_TESTS="gnome-keyring dbus dbus-x11 xvfb xauth procps"
# Building and checking the Linux packages: Python's shared library (PyInstaller bundles it; Debian's python3 ships
# it separately), strip (binutils), and the .desktop and AppStream validators.
PY_VERSION="$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo 3)"
APT_PACKAGING="libpython$PY_VERSION binutils desktop-file-utils appstream"

say() { printf '[set-up] %s\n' "$*" >&2; }

missing_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  echo "${missing[@]:-}"
}

ensure_apt() {
  command -v dpkg-query >/dev/null || return 0   # not Debian-like: the packages' names would differ anyway
  local missing
  missing="$(missing_apt "$@")"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    say "installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    say "these system packages are missing; install them with:"
    say "  sudo apt-get install $missing"
    return 1
  fi
}

ensure_venv() {
  local want stamp
  if ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
    ensure_apt python3-venv || exit 1
  fi
  stamp="$VENV/.installed"
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
  if [ -x "$VENV/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  [ -x "$VENV/bin/python" ] || { say "creating the virtual environment in .venv"; "$PY" -m venv "$VENV"; }
  say "installing Python packages (first run only; a minute or two)"
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q -e "$ROOT[dev]"
  echo "$want" >"$stamp"
}

build_forms() {
  "$VENV/bin/python" "$ROOT/scripts/build_ui.py" >/dev/null
}
