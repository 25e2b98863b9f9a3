#!/usr/bin/env bash
# The README's test command: everything a fresh machine needs for the whole suite, then the suite.
#   ./deploy/test.sh                 # = ./mvnw -B verify, after the set-up below
#   ./deploy/test.sh -pl deploy -Dit.test=ResidentAppIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
# The browser tests of the web pages need headless Chromium and its driver (Debian's `chromium` and
# `chromium-driver`, installed with apt-get when absent) and axe-core (from the npm registry, the
# version pinned in deploy/src/test/web/package-lock.json). Nothing comes from anywhere else; Maven
# Central gives the rest. A browser test fails, never skips, when either is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "[test.sh] $*"; }
fail() { echo "[test.sh] $*" >&2; exit 1; }

# apt-get as root, else through sudo when there is one; anything else is a clear failure.
apt_get() {
  if [ "$(id -u)" = 0 ]; then
    apt-get "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get "$@"
  else
    fail "need to run apt-get $* but this is not root and there is no sudo; install them and run again"
  fi
}

install_debian() {
  say "installing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine's package lists may be missing or stale: refresh once and try again.
  apt_get install -y --no-install-recommends "$@" || { apt_get update && apt_get install -y --no-install-recommends "$@"; } \
    || fail "could not install $* with apt-get"
}

command -v apt-get >/dev/null 2>&1 || {
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
    || fail "chromium and chromedriver are missing and there is no apt-get to install them (Debian's chromium, chromium-driver)"
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# Japanese text in the pages' screenshots (without a CJK font Chromium draws boxes).
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] || install_debian "${missing[@]}"
command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromedriver ] || fail "chromium or /usr/bin/chromedriver is still missing"

web=deploy/src/test/web
if [ ! -f "$web/node_modules/axe-core/axe.min.js" ] \
  || ! cmp -s "$web/package-lock.json" "$web/node_modules/.installed-from-lock" 2>/dev/null; then
  say "installing axe-core from the npm registry (npm ci in $web)"
  (cd "$web" && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.installed-from-lock) \
    || fail "npm ci in $web failed"
fi

say "$(chromium --version 2>/dev/null | tail -1 || echo chromium) / $(/usr/bin/chromedriver --version | head -1)"
exec ./mvnw -B verify "$@"
