#!/usr/bin/env bash
# Debian packages the build and tests need and pip/npm cannot provide.
# Installs only what is missing, so it is quick on a machine that has them.
set -euo pipefail

missing=()
command -v make >/dev/null || missing+=(make)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
# Spelling (hooks/spelling.py): Hunspell with its en-GB dictionary; Welsh comes from npm.
command -v hunspell >/dev/null || missing+=(hunspell)
[ -f /usr/share/hunspell/en_GB.dic ] || missing+=(hunspell-en-gb)
command -v npm >/dev/null || missing+=(nodejs npm)
command -v java >/dev/null || missing+=(default-jre-headless)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
