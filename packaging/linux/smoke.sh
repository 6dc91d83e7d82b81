#!/usr/bin/env bash
# Smoke-test the built Linux packages (the release workflow runs this after `python packaging/build.py`):
# the same tests as the last part of `./run-tests` (`./run-tests --packaged`): install the .deb (as root, or with sudo -n on a CI runner), run the
# installed app against a real Secret Service and without a keyring, open its real window under Xvfb, check the
# .tar.gz, then uninstall and check the person's data stayed. Needs the apt packages in scripts/bootstrap.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-python}"
if [ -x .venv/bin/python ] && [ -z "${VIRTUAL_ENV:-}" ] && [ "$PYTHON" = python ]; then PYTHON=.venv/bin/python; fi
export INTIMACY_DESKTOP_PACKAGED_TESTS=1
exec "$PYTHON" -m pytest tests/packaged -q -ra
