#!/usr/bin/env bash
# Sends the signed .dmg to Apple's notary service, waits for its verdict and staples the ticket to the image, so
# Gatekeeper opens the app without a warning even offline. Without Apple credentials it changes nothing and exits 0.
#
# Usage: packaging/macos/notarize.sh "<path to .dmg>"
# Env:   APPLE_ID            the Apple Account of the developer-programme member
#        APPLE_TEAM_ID       the ten-character team id of the Developer ID certificate
#        APPLE_APP_PASSWORD  an app-specific password for APPLE_ID (account.apple.com > Sign-In and Security)
# Needs python3 (to read notarytool's JSON answer): macOS has it with the command line tools, CI from setup-python.
set -euo pipefail

me="notarize.sh"
say() { printf '%s: %s\n' "$me" "$*"; }
die() { printf '%s: error: %s\n' "$me" "$*" >&2; exit 1; }

[ "$#" -eq 1 ] || die "usage: $me <path to .dmg>"
dmg="$1"
[ -f "$dmg" ] || die "$dmg does not exist"

missing=""
for var in APPLE_ID APPLE_TEAM_ID APPLE_APP_PASSWORD; do
  if [ -z "${!var:-}" ]; then missing="$missing $var"; fi
done
if [ -n "$missing" ]; then
  say "not set:$missing; skipping notarisation (Gatekeeper will refuse to open the app until the user allows it)"
  exit 0
fi

answer="$(mktemp)"
trap 'rm -f "$answer"' EXIT

# One field of notarytool's JSON answer, or nothing if the answer is not JSON (notarytool failed before it).
json_field() {
  python3 - "$answer" "$1" <<'PY'
import json
import sys

try:
    with open(sys.argv[1], encoding="utf-8") as fh:
        data = json.load(fh)
except ValueError:
    data = {}
print(data.get(sys.argv[2], "") if isinstance(data, dict) else "")
PY
}

credentials=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")

say "submitting $dmg to Apple's notary service and waiting for the result (usually a few minutes)"
submitted=0
xcrun notarytool submit "$dmg" "${credentials[@]}" --wait --output-format json >"$answer" || submitted=$?
status="$(json_field status)"
id="$(json_field id)"
say "notarytool: submission ${id:-(none)}, status ${status:-(none)}"

if [ "$status" != "Accepted" ]; then
  cat "$answer" >&2
  if [ -n "$id" ]; then
    # The log lists each file Apple objected to and why (unsigned binary, no hardened runtime, no timestamp...).
    say "the notary service's log:" >&2
    xcrun notarytool log "$id" "${credentials[@]}" >&2 || say "could not fetch the log" >&2
  fi
  die "notarisation of $dmg ended with status '${status:-unknown}' (notarytool exit code $submitted)"
fi

xcrun stapler staple "$dmg"
xcrun stapler validate "$dmg"
say "notarised and stapled $dmg"
