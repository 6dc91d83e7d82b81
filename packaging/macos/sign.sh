#!/usr/bin/env bash
# Signs "Intimacy Desktop.app" with a Developer ID for distribution outside the App Store: every Mach-O file in
# it, deepest first, then its frameworks, then its programs, then the bundle; each with the hardened runtime and a
# secure timestamp, both of which notarisation requires. Without MACOS_SIGN_IDENTITY it changes nothing (the app
# keeps the ad-hoc signature PyInstaller gave it) and exits 0, so unsigned builds work without any secrets.
#
# Usage: packaging/macos/sign.sh "<path to .app>"
# Env:   MACOS_SIGN_IDENTITY  "Developer ID Application: Name (TEAMID)" or the certificate's SHA-1; empty: skip.
#                             In CI, import_certificate.sh puts the certificate in a keychain codesign searches.
# Written for macOS's own bash 3.2 as well: no mapfile, no empty-array expansion under set -u.
set -euo pipefail

me="sign.sh"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
entitlements="$here/entitlements.plist"

say() { printf '%s: %s\n' "$me" "$*"; }
die() { printf '%s: error: %s\n' "$me" "$*" >&2; exit 1; }

[ "$#" -eq 1 ] || die "usage: $me <path to .app>"
app="${1%/}"
[ -d "$app/Contents/MacOS" ] || die "$app is not an application bundle (it has no Contents/MacOS)"

if [ -z "${MACOS_SIGN_IDENTITY:-}" ]; then
  say "MACOS_SIGN_IDENTITY is not set; skipping code signing (the .app stays unsigned: Gatekeeper will warn)"
  exit 0
fi
[ -f "$entitlements" ] || die "$entitlements is missing"

# Whether a file is Mach-O code, by its first four bytes: thin 32- or 64-bit in either byte order, or universal.
# Cheaper than `file` on a few thousand files, and it needs no extension to go by (Qt's framework binaries have
# none, data files can have any).
is_macho() {
  local magic
  magic="$(LC_ALL=C od -An -tx1 -N4 -- "$1" 2>/dev/null | tr -d ' \n')"
  case "$magic" in
    cffaedfe | feedfacf | cefaedfe | feedface | cafebabe | bebafeca) return 0 ;;
    *) return 1 ;;
  esac
}

# A .framework can be signed as a bundle only if it has its Info.plist; otherwise its binaries, signed one by one,
# are all there is to sign.
is_signable_framework() {
  [ -f "$1/Resources/Info.plist" ] || [ -f "$1/Versions/Current/Resources/Info.plist" ]
}

# Reads NUL-separated paths and prints them newline-separated, the deepest first (most '/'), ties by name, so
# that everything inside a folder is signed before the folder: signing a framework seals what it contains.
deepest_first() {
  tr '\0' '\n' | awk -F/ '{ print NF "\t" $0 }' | LC_ALL=C sort -t "$(printf '\t')" -k1,1nr -k2,2 | cut -f2-
}

sign() {
  codesign --force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY" "$@"
}

contents="$app/Contents"
list="$(mktemp)"
trap 'rm -f "$list"' EXIT

# 1. Libraries, extension modules and frameworks anywhere in the bundle except the programs in Contents/MacOS.
#    find -type f/-type d never follows the symbolic links PyInstaller puts between Frameworks and Resources, so
#    each file is signed once, where it really is.
{
  find "$contents" -type f ! -path "$contents/MacOS/*" -print0 | while IFS= read -r -d '' path; do
    if is_macho "$path"; then printf '%s\0' "$path"; fi
  done
  find "$contents" -type d -name '*.framework' -print0 | while IFS= read -r -d '' path; do
    if is_signable_framework "$path"; then
      printf '%s\0' "$path"
    else
      say "warning: $path has no Resources/Info.plist; signing its binaries only" >&2
    fi
  done
} | deepest_first >"$list"

count=0
while IFS= read -r path; do
  sign "$path" </dev/null   # keep codesign off the list being read
  count=$((count + 1))
done <"$list"
say "signed $count libraries and frameworks"

# 2. The programs (the windowed IntimacyDesktop and the intimacy-desktop command), with the entitlements.
programs=0
while IFS= read -r -d '' path; do
  if is_macho "$path"; then
    sign --entitlements "$entitlements" "$path"
    programs=$((programs + 1))
  fi
done < <(find "$contents/MacOS" -type f -print0)
[ "$programs" -gt 0 ] || die "no program found in $contents/MacOS"
say "signed $programs programs"

# 3. The bundle itself: seals Info.plist, the resources and the main program's signature together.
sign --entitlements "$entitlements" "$app"
say "signed $app"

codesign --verify --deep --strict --verbose=2 "$app" || die "codesign --verify rejects $app"
say "codesign --verify: the signature is valid"
# Gatekeeper accepts a Developer ID app only once it is notarised (notarize.sh runs after make_dmg.sh), so a
# rejection here is expected and only a warning.
if spctl --assess --type execute -vv "$app"; then
  say "spctl: Gatekeeper accepts $app"
else
  say "warning: spctl: Gatekeeper does not accept $app yet; expected until notarize.sh has run"
fi
