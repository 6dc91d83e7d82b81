#!/usr/bin/env bash
# CI on macOS: installs the .dmg as a person would (open it, copy the app into an Applications folder), checks the
# bundle's Info.plist and, in a signed build, its signature, then runs packaging/smoke_test.py against the
# installed command-line program. Exits non-zero, saying what failed, on any problem.
#
# Usage: packaging/macos/smoke.sh <path to .dmg> <expected version> [more smoke_test.py options, e.g. --expect-keyring]
# Env:   MACOS_SIGN_IDENTITY, APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD: as for the build. When set, the app must
#        be signed (and notarised), and that is checked too. PYTHON: the interpreter for smoke_test.py (python3).
set -euo pipefail

me="smoke.sh"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# packaging/release_info.py: APP_NAME, APP_ID, and the programs the spec builds (bundle_plan.WINDOWED_NAME, EXE_NAME).
app_name="Intimacy Desktop"
app_id="org.intimacydesktop.IntimacyDesktop"
windowed="IntimacyDesktop"
cli="intimacy-desktop"

say() { printf '%s: %s\n' "$me" "$*"; }
die() { printf '%s: error: %s\n' "$me" "$*" >&2; exit 1; }

[ "$#" -ge 2 ] || die "usage: $me <path to .dmg> <expected version> [smoke_test.py options]"
dmg="$1"
version="$2"
shift 2
[ -f "$dmg" ] || die "$dmg does not exist"

work="$(mktemp -d "${TMPDIR:-/tmp}/intimacy-desktop-smoke.XXXXXX")"
volume="$work/volume"
applications="$work/Applications"
mkdir "$volume" "$applications"
attached=0
cleanup() {
  if [ "$attached" = 1 ]; then hdiutil detach "$volume" -force >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- install: open the image, copy the app out, close the image --------------------------------------------------
hdiutil attach "$dmg" -nobrowse -readonly -noautoopen -mountpoint "$volume" >/dev/null
attached=1
if [ ! -L "$volume/Applications" ] || [ "$(readlink "$volume/Applications")" != "/Applications" ]; then
  die "the image has no link to /Applications to drag the app onto"
fi
if [ ! -d "$volume/$app_name.app" ]; then
  die "the image has no $app_name.app; it holds: $(find "$volume" -mindepth 1 -maxdepth 1 | tr '\n' ' ')"
fi
ditto "$volume/$app_name.app" "$applications/$app_name.app"
hdiutil detach "$volume" >/dev/null
attached=0
app="$applications/$app_name.app"
say "installed $app"

# --- the bundle -------------------------------------------------------------------------------------------------
plist="$app/Contents/Info.plist"
[ -f "$plist" ] || die "$plist is missing"
plist_value() { plutil -extract "$1" raw -o - "$plist" 2>/dev/null || true; }
expect() {
  local got
  got="$(plist_value "$1")"
  [ "$got" = "$2" ] || die "Info.plist: $1 is '$got', expected '$2'"
  say "Info.plist: $1 = $got"
}
expect CFBundleIdentifier "$app_id"
expect CFBundleShortVersionString "$version"
expect CFBundleExecutable "$windowed"
minimum="$(plist_value LSMinimumSystemVersion)"
[ -n "$minimum" ] || die "Info.plist has no LSMinimumSystemVersion"
say "Info.plist: LSMinimumSystemVersion = $minimum"
for program in "$windowed" "$cli"; do
  [ -x "$app/Contents/MacOS/$program" ] || die "$app/Contents/MacOS/$program is missing or not executable"
done

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --verify --deep --strict --verbose=2 "$app" || die "the installed app's signature is not valid"
  if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    xcrun stapler validate "$dmg" || die "$dmg carries no notarisation ticket"
    spctl --assess --type execute -vv "$app" || die "Gatekeeper does not accept the installed app"
  else
    say "not notarised (no Apple credentials): Gatekeeper is not checked"
  fi
else
  say "MACOS_SIGN_IDENTITY is not set: an unsigned build, so its signature is not checked"
fi

# --- run it -----------------------------------------------------------------------------------------------------
"${PYTHON:-python3}" "$here/../smoke_test.py" --exe "$app/Contents/MacOS/$cli" "$@"
say "passed"
