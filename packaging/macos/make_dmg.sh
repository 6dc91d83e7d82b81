#!/usr/bin/env bash
# Builds the disk image people download: a compressed (UDZO) read-only volume named "Intimacy Desktop" holding
# the .app and a link to /Applications to drag it onto. Signs the image too when MACOS_SIGN_IDENTITY is set (so
# that notarize.sh can notarise it and Gatekeeper checks it as a whole).
#
# Usage: packaging/macos/make_dmg.sh "<path to .app>" "<path to output .dmg>"
# Env:   MACOS_SIGN_IDENTITY  as for sign.sh; empty: the image is not signed.
set -euo pipefail

me="make_dmg.sh"
volume_name="Intimacy Desktop"   # packaging/release_info.py APP_NAME

say() { printf '%s: %s\n' "$me" "$*"; }
die() { printf '%s: error: %s\n' "$me" "$*" >&2; exit 1; }

[ "$#" -eq 2 ] || die "usage: $me <path to .app> <path to output .dmg>"
app="${1%/}"
dmg="$2"
[ -d "$app/Contents/MacOS" ] || die "$app is not an application bundle (it has no Contents/MacOS)"
case "$dmg" in
  *.dmg) ;;
  *) die "$dmg: the image's name must end in .dmg" ;;
esac
mkdir -p "$(dirname "$dmg")"

staging="$(mktemp -d "${TMPDIR:-/tmp}/intimacy-desktop-dmg.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

# ditto, not cp -R: it keeps symbolic links as links and extended attributes, which the signature relies on.
ditto "$app" "$staging/$(basename "$app")"
ln -s /Applications "$staging/Applications"

rm -f "$dmg"
# On CI machines `hdiutil create` fails now and then with "Resource busy" while something scans the new image;
# trying again a little later is the known cure.
attempt=1
until hdiutil create -volname "$volume_name" -srcfolder "$staging" -fs HFS+ -format UDZO \
  -imagekey zlib-level=9 -ov "$dmg"; do
  [ "$attempt" -lt 3 ] || die "hdiutil create failed $attempt times"
  say "hdiutil create failed; trying again in 10 s"
  attempt=$((attempt + 1))
  sleep 10
done
hdiutil verify "$dmg" || die "hdiutil verify rejects $dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
  codesign --verify --strict --verbose=2 "$dmg" || die "codesign --verify rejects $dmg"
  say "signed $dmg"
else
  say "MACOS_SIGN_IDENTITY is not set; skipping signing the disk image"
fi
say "wrote $dmg"
