#!/usr/bin/env bash
# Renders every processes/<key>.bpmn to docs/<key>.svg and docs/<key>.png with the
# bpmn-js viewer in Debian's headless Chromium (no network access needed).
#
#   tools/diagram/render.sh           # (re)write docs/<key>.svg and docs/<key>.png
#   tools/diagram/render.sh --check   # exit 1 if a committed docs/<key>.svg is stale
#
# Needs: node + npm, `apt-get install chromium fonts-noto-cjk`.
# Works from any directory; runs `npm ci` in tools/diagram when node_modules is
# missing or does not match package-lock.json.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
processes="$root/processes"
docs="$root/docs"
chromium="${CHROMIUM:-/usr/bin/chromium}"

check=false
case "${1:-}" in
  "") ;;
  --check) check=true ;;
  -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "render.sh: unknown argument '$1' (use --check or nothing)" >&2; exit 2 ;;
esac

die() { echo "render.sh: $*" >&2; exit 1; }

command -v node >/dev/null || die "node is not installed (Node.js 18+ with npm is needed)"
command -v npm >/dev/null || die "npm is not installed"
[[ -x "$chromium" ]] || die "$chromium not found: install it with 'apt-get install chromium' (Debian package; do not let npm download a browser)"
command -v fc-list >/dev/null || die "fc-list not found: install it with 'apt-get install fontconfig'"
# The labels are Chinese and their wrapping is measured with this exact font, so
# the pictures (and --check) are only reproducible with it installed.
fc-list ':lang=zh' family | grep -q 'Noto Sans CJK SC' \
  || die "font 'Noto Sans CJK SC' not found, Chinese labels would render as boxes or wrap differently: install it with 'apt-get install fonts-noto-cjk'"

# npm ci when node_modules is missing or was installed from another lockfile.
lock_hash="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
stamp="$here/node_modules/.render-sh-lock-sha256"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" \
      || ! -f "$here/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js" \
      || ! -d "$here/node_modules/playwright-core" ]]; then
  echo "render.sh: installing npm dependencies in tools/diagram (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund >&2)
  echo "$lock_hash" > "$stamp"
fi

shopt -s nullglob
models=("$processes"/*.bpmn)
(( ${#models[@]} > 0 )) || die "no *.bpmn files in $processes"

if ! $check; then
  node "$here/render.mjs" --processes "$processes" --out "$docs" --chromium "$chromium"
  echo "render.sh: wrote ${#models[@]} diagram(s) to docs/"
  exit 0
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/bpmn-render-check-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
node "$here/render.mjs" --processes "$processes" --out "$tmp" --chromium "$chromium" >/dev/null

stale=()
for model in "${models[@]}"; do
  key="$(basename "$model" .bpmn)"
  if [[ ! -f "$docs/$key.svg" ]]; then
    stale+=("docs/$key.svg (missing; model processes/$key.bpmn)")
  elif ! cmp -s "$tmp/$key.svg" "$docs/$key.svg"; then
    stale+=("docs/$key.svg (differs from processes/$key.bpmn)")
  fi
  [[ -f "$docs/$key.png" ]] || stale+=("docs/$key.png (missing; model processes/$key.bpmn)")
done

if (( ${#stale[@]} > 0 )); then
  echo "render.sh --check: stale process picture(s):" >&2
  printf '  %s\n' "${stale[@]}" >&2
  echo "Run tools/diagram/render.sh and commit docs/." >&2
  exit 1
fi
echo "render.sh --check: ${#models[@]} picture(s) in docs/ match processes/*.bpmn"
