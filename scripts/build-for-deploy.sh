#!/usr/bin/env bash
# The build that is published (.github/workflows/deploy.yml): `make build`'s
# commands, run with the build's own requirements only. Every file pip installs
# must match a hash in requirements.txt (--require-hashes), comes as a wheel (no
# package's setup code runs) and brings nothing unlisted (--no-deps). None of the
# test tools (requirements-dev.txt), no npm, no browser.
set -euo pipefail
cd "$(dirname "$0")/.."

# Python with venv is all the build needs from Debian.
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-venv
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  --require-hashes --no-deps --only-binary=:all: -r requirements.txt

# Our package (wales_site/) is imported from the checkout rather than installed:
# installing it would fetch its build backend, which no hash covers.
export PYTHONPATH="$PWD"
export PATH="$work/venv/bin:$PATH"
# The same commands as `make build` (tests/test_workflows.py holds them equal):
# site/ is replaced only by a build that passed (wales_site/atomic_build.py).
python -m wales_site build
chmod -R a+rX site
