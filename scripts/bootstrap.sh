# shellcheck shell=bash disable=SC2034  # (the APT_* lists are for ./run, ./run-tests and the release workflow)
# Shared set-up for ./run and ./run-tests: system packages, the virtual environment, the compiled Qt forms.
# Sourced, not executed. Idempotent, and quick when nothing changed: each step keeps a stamp in .venv/ and, when the
# stamp still holds, costs shell builtins and a few small processes (awk, stat, sha256sum; no Python, no dpkg), so
# ./run adds about 15 ms to a start (benchmarks/run_overhead.py). Deleting .venv starts everything afresh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"
# dpkg rewrites its status file on every install and removal: while its modification time is the one recorded
# with the apt stamp, the packages checked then are still installed.
DPKG_STATUS="${DPKG_STATUS:-/var/lib/dpkg/status}"
APT_STAMP="$VENV/.apt-checked"
APP_STAMP="$VENV/.installed"       # the app's dependencies (pip install -e .[forms]); scripts/build_ui.py reads it
DEV_STAMP="$VENV/.installed-dev"   # the development set (pip install -e .[dev]), which holds the app's too
FORMS_STAMP="$VENV/.forms"

# What Qt needs on a bare Debian/Ubuntu (DESIGN.md §8), what a real window needs, and the Secret Service for tests.
APT_QT="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-dejavu-core libpulse0"
APT_WINDOW="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1"
APT_TESTS="gnome-keyring dbus dbus-x11 xvfb xauth procps pulseaudio"

# The venv's Python version, read from its pyvenv.cfg (starting an interpreter, or a pyenv shim, costs 20-80 ms);
# before the venv exists, the version of the Python that will make it.
PY_VERSION=""
if [ -f "$VENV/pyvenv.cfg" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ "$line" =~ ^version(_info)?[[:space:]]*=[[:space:]]*([0-9]+)\.([0-9]+) ]]; then
      PY_VERSION="${BASH_REMATCH[2]}.${BASH_REMATCH[3]}"
      break
    fi
  done <"$VENV/pyvenv.cfg"
fi
[ -n "$PY_VERSION" ] || PY_VERSION="$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo 3)"
# Building and checking the Linux packages: Python's shared library (PyInstaller bundles it; Debian's python3 ships
# it separately), strip (binutils), and the .desktop and AppStream validators.
APT_PACKAGING="libpython$PY_VERSION binutils desktop-file-utils appstream"

say() { printf '[set-up] %s\n' "$*" >&2; }

# read_stamp VAR FILE: the first line of FILE into VAR ("" when there is none), without starting a process.
read_stamp() {
  local line=""
  [ -f "$2" ] && { IFS= read -r line <"$2" || true; }
  printf -v "$1" '%s' "$line"
}

missing_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  echo "${missing[@]:-}"
}

ensure_apt() {
  command -v dpkg-query >/dev/null || return 0   # not Debian-like: the packages' names would differ anyway
  local pkg missing todo=() checked=()
  local -A known=()
  # The stamp lists packages found installed; it holds while its mtime equals the dpkg status file's.
  if [ -f "$APT_STAMP" ] && [ -f "$DPKG_STATUS" ] && ! [ "$DPKG_STATUS" -nt "$APT_STAMP" ] \
      && ! [ "$APT_STAMP" -nt "$DPKG_STATUS" ]; then
    mapfile -t checked <"$APT_STAMP"
    for pkg in "${checked[@]}"; do known[$pkg]=1; done
  else
    checked=()
  fi
  for pkg in "$@"; do [ -n "${known[$pkg]:-}" ] || todo+=("$pkg"); done
  [ "${#todo[@]}" -eq 0 ] && return 0
  # The status file's mtime before the check: a change during it leaves the stamp stale, never wrongly fresh.
  local ref=""
  if [ -f "$DPKG_STATUS" ]; then
    mkdir -p "$VENV"
    ref="$APT_STAMP.ref"
    touch -r "$DPKG_STATUS" "$ref"
  fi
  missing="$(missing_apt "${todo[@]}")"
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
      say "installing system packages: $missing"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null
      # shellcheck disable=SC2086
      apt-get install -y -qq --no-install-recommends $missing >/dev/null
      [ -z "$ref" ] || touch -r "$DPKG_STATUS" "$ref"
    else
      [ -z "$ref" ] || rm -f "$ref"
      say "these system packages are missing; install them with:"
      say "  sudo apt-get install $missing"
      return 1
    fi
  fi
  [ -n "$ref" ] || return 0
  printf '%s\n' "${checked[@]}" "${todo[@]}" >"$APT_STAMP.new"
  touch -r "$ref" "$APT_STAMP.new"
  mv -f "$APT_STAMP.new" "$APT_STAMP"
  rm -f "$ref"
}

# A hash of what pip installs from pyproject.toml: all of it but the tools' own settings, so that a ruff, mypy or
# pytest setting does not reinstall the venv.
deps_hash() {
  local sum
  sum="$(awk '/^\[/ { skip = /^\[+tool\.(pytest|ruff|mypy)([].]|$)/ } !skip' "$ROOT/pyproject.toml" | sha256sum)"
  echo "${sum:0:16}"
}

# ensure_venv [app|dev]: the venv with the app's dependencies (./run: pip install -e .[forms], the "forms" extra
# being what scripts/build_ui.py needs besides them) or the development set (./run-tests and packaging/build.py:
# -e .[dev]: pytest, mypy, ruff, PyInstaller...). Each has its stamp; the development set satisfies the app's too,
# so ./run after ./run-tests installs nothing (and so downgrades nothing).
ensure_venv() {
  local set="${1:-dev}" want have_app have_dev
  want="$(deps_hash)"
  read_stamp have_app "$APP_STAMP"
  read_stamp have_dev "$DEV_STAMP"
  if [ -x "$VENV/bin/python" ]; then
    [ "$have_dev" = "$want" ] && return 0
    [ "$set" = app ] && [ "$have_app" = "$want" ] && return 0
  else
    if ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
      ensure_apt python3-venv || exit 1
    fi
    say "creating the virtual environment in .venv"
    "$PY" -m venv "$VENV"
  fi
  say "installing Python packages (first run only; a minute or two)"
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  if [ "$set" = app ]; then
    "$VENV/bin/python" -m pip install -q -e "${ROOT}[forms]"
  else
    "$VENV/bin/python" -m pip install -q -e "${ROOT}[dev]"
    echo "$want" >"$DEV_STAMP"
  fi
  echo "$want" >"$APP_STAMP"
}

# The name, size and modification time (ns) of every file scripts/build_ui.py reads (forms, translations, icon,
# licence texts, itself and its helpers, the dependencies) and writes. build_ui.py decides what to rebuild by
# modification times, so the stamp does too: a form edited and then restored is still rebuilt, and so is a deleted
# output. The inputs are taken before the build, so an edit made while it runs is seen the next time.
forms_files() {
  local f
  FORMS_IN=()
  FORMS_OUT=()
  for f in "$ROOT"/ui/*.ui "$ROOT"/resources/* "$ROOT"/resources/*/* "$ROOT"/resources/*/*/* "$ROOT"/scripts/*.py \
      "$ROOT/LICENSE" "$ROOT/pyproject.toml" "$APP_STAMP" "$DEV_STAMP"; do
    [ -f "$f" ] && FORMS_IN+=("$f")
  done
  for f in "$ROOT"/src/intimacy_desktop/gui/_generated/* "$ROOT"/src/intimacy_desktop/gui/_generated/*/*; do
    [ -f "$f" ] && [[ "$f" != */__pycache__/* ]] && FORMS_OUT+=("$f")
  done
  return 0
}

file_states() { stat -c '%n %s %.9Y' "$@"; }

build_forms() {
  local have want="" inputs
  read_stamp have "$FORMS_STAMP"
  forms_files
  # (Not GNU stat, or no sha256sum: no stamp, the compiler runs and decides.)
  want="$(file_states "${FORMS_IN[@]}" "${FORMS_OUT[@]}" 2>/dev/null | sha256sum 2>/dev/null)" || want=""
  [ -n "$want" ] && [ "$have" = "$want" ] && return 0
  inputs="$(file_states "${FORMS_IN[@]}" 2>/dev/null)" || inputs=""
  "$VENV/bin/python" "$ROOT/scripts/build_ui.py" >/dev/null
  [ -n "$inputs" ] || return 0
  forms_files
  { printf '%s\n' "$inputs"; file_states "${FORMS_OUT[@]}"; } 2>/dev/null | sha256sum >"$FORMS_STAMP" || rm -f "$FORMS_STAMP"
}
