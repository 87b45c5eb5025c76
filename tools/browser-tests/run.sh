#!/usr/bin/env bash
# Runs one browser test script against a running app, in Debian's headless Chromium.
#
#   tools/browser-tests/run.sh tasklist.mjs --base http://127.0.0.1:8080
#   tools/browser-tests/run.sh cockpit.mjs  --base http://127.0.0.1:8080
#
# Needs: node + npm, `apt-get install chromium fonts-noto-cjk` (never a browser downloaded by npm:
# only playwright-core is installed). Runs `npm ci` in tools/browser-tests when node_modules is
# missing or does not match package-lock.json. Screenshots go to target/browser-screenshots/.
# The JUnit classes in src/test/java/org/hotline12345/browser run it against the test app.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"

die() { echo "run.sh: $*" >&2; exit 2; }
(( $# >= 1 )) || die "usage: run.sh <script.mjs> --base <url>"
command -v node >/dev/null || die "node is not installed (Node.js 20+ with npm is needed)"
command -v npm >/dev/null || die "npm is not installed"
[[ -x "$chromium" ]] || die "$chromium not found: install it with 'apt-get install chromium fonts-noto-cjk'"

lock_hash="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
stamp="$here/node_modules/.run-sh-lock-sha256"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" || ! -d "$here/node_modules/playwright-core" ]]; then
  echo "run.sh: installing npm dependencies in tools/browser-tests (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund >&2)
  echo "$lock_hash" > "$stamp"
fi

script="$1"; shift
exec env CHROMIUM="$chromium" node "$here/$script" "$@"
