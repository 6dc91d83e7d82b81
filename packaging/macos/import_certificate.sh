#!/usr/bin/env bash
# CI only: puts the Developer ID certificate from the repository's secrets into a temporary keychain that codesign
# searches, so that sign.sh and make_dmg.sh can sign with it. Without the secrets it changes nothing and exits 0:
# the build goes on unsigned.
#
# Usage: packaging/macos/import_certificate.sh
# Env:   MACOS_CERTIFICATE_P12_BASE64  the "Developer ID Application" certificate with its private key, as a .p12
#                                      file, base64-encoded (base64 -i cert.p12 | pbcopy)
#        MACOS_CERTIFICATE_PASSWORD    the .p12 file's password
#        RUNNER_TEMP                   where the keychain goes (GitHub Actions sets it); else TMPDIR, else /tmp
# When GITHUB_ENV is set, it gets MACOS_KEYCHAIN_PATH for the workflow's clean-up step.
set -euo pipefail

me="import_certificate.sh"
say() { printf '%s: %s\n' "$me" "$*"; }
die() { printf '%s: error: %s\n' "$me" "$*" >&2; exit 1; }

if [ -z "${MACOS_CERTIFICATE_P12_BASE64:-}" ] || [ -z "${MACOS_CERTIFICATE_PASSWORD:-}" ]; then
  say "MACOS_CERTIFICATE_P12_BASE64 and MACOS_CERTIFICATE_PASSWORD are not both set; skipping the certificate import (the build will not be signed)"
  exit 0
fi
command -v security >/dev/null || die "security(1) is missing: this script runs on macOS only"

tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
tmp="${tmp%/}"
keychain="$tmp/intimacy-desktop-signing.keychain-db"
cert="$(mktemp "$tmp/certificate.XXXXXX")"
trap 'rm -f "$cert"' EXIT

# The keychain's password protects nothing beyond this job (the keychain is deleted after it), so a random one.
keychain_password="$(openssl rand -base64 32)"

printf '%s' "$MACOS_CERTIFICATE_P12_BASE64" | base64 --decode >"$cert" ||
  die "MACOS_CERTIFICATE_P12_BASE64 is not valid base64"
[ -s "$cert" ] || die "MACOS_CERTIFICATE_P12_BASE64 decodes to nothing"

security delete-keychain "$keychain" >/dev/null 2>&1 || true   # left over from an earlier run on this machine
security create-keychain -p "$keychain_password" "$keychain"
# Stay unlocked for 6 hours and through sleep: the default locks after 5 minutes, mid-build.
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p "$keychain_password" "$keychain"
security import "$cert" -k "$keychain" -f pkcs12 -P "$MACOS_CERTIFICATE_PASSWORD" \
  -T /usr/bin/codesign -T /usr/bin/security >/dev/null ||
  die "could not import the certificate (wrong MACOS_CERTIFICATE_PASSWORD?)"
# Let Apple's tools use the private key without the "allow access" dialog that nobody in CI could answer.
security set-key-partition-list -S apple-tool:,apple:,codesign: -s -k "$keychain_password" "$keychain" >/dev/null

# Put the new keychain first in the user's search list, keeping the ones already there (the login keychain).
keychains=()
while IFS= read -r line; do
  line="$(printf '%s' "$line" | sed -e 's/^[[:space:]]*"//' -e 's/"[[:space:]]*$//')"
  if [ -n "$line" ] && [ "$line" != "$keychain" ]; then
    keychains+=("$line")
  fi
done < <(security list-keychains -d user)
# ${a[@]+"${a[@]}"}: an empty array expands to nothing, not to an unbound-variable error, in macOS's bash 3.2.
security list-keychains -d user -s "$keychain" ${keychains[@]+"${keychains[@]}"}

identities="$(security find-identity -v -p codesigning "$keychain")"
printf '%s\n' "$identities"
printf '%s\n' "$identities" | grep -Eq '^[[:space:]]*[0-9]+\) ' ||
  die "the keychain holds no valid code-signing identity: is the .p12 a \"Developer ID Application\" certificate with its private key?"
say "imported into $keychain; set MACOS_SIGN_IDENTITY to the name in quotes above (or its SHA-1)"

if [ -n "${GITHUB_ENV:-}" ]; then
  printf 'MACOS_KEYCHAIN_PATH=%s\n' "$keychain" >>"$GITHUB_ENV"
fi
