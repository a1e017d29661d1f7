#!/usr/bin/env bash
# Headless Chromium for the graph page's browser tests (tests/test_html.py), from Debian
# packages. Idempotent: does nothing when /usr/bin/chromium is already there. Run as root.
# The Python side is the `playwright` package (test extras); no `playwright install` needed,
# the tests launch /usr/bin/chromium.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "browser.sh: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "browser.sh: need root to apt-get install chromium (the browser tests will skip)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version
