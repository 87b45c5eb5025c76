#!/usr/bin/env bash
# Lints the BPMN/DMN models the way Camunda Modeler lints them.
#
#   processes/*.bpmn  -> bpmnlint with <repo>/.bpmnlintrc
#                        (bpmnlint:correctness + plugin:camunda-compat/camunda-platform-7-24)
#   dmn/*.dmn         -> dmnlint  with <repo>/.dmnlintrc (dmnlint:recommended)
#
# Exit status is non-zero if any file has a lint ERROR (parse errors and
# unresolved references are reported as errors too). Warnings and infos
# (e.g. camunda-compat/history-time-to-live) are printed but do not fail,
# same as in the Modeler's problems panel.
#
# Usage: tools/model-lint/lint.sh          (from any directory)
# Env:   MODEL_LINT_STRICT=1   also apply bpmnlint:recommended (stricter than the
#                              Modeler: no-bpmndi, no-implicit-end, ...), opt-in
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd "${script_dir}/../.." && pwd -P)"
node_modules="${script_dir}/node_modules"
stamp_file="${node_modules}/.model-lint-install.sha256"

for tool in node npm; do
  if ! command -v "${tool}" >/dev/null 2>&1; then
    echo "model-lint: '${tool}' not found on PATH (Node.js >= 20 is required)" >&2
    exit 2
  fi
done

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "${node_major}" -lt 20 ]; then
  echo "model-lint: Node.js >= 20 required, found $(node --version)" >&2
  exit 2
fi

# Fingerprint of the dependency declaration; node_modules is (re)installed with
# `npm ci` when it is missing or was installed from a different package*.json.
install_hash="$(node -e '
  const fs = require("fs"), h = require("crypto").createHash("sha256");
  for (const f of process.argv.slice(1)) h.update(fs.readFileSync(f));
  h.update(process.version);
  console.log(h.digest("hex"));
' "${script_dir}/package.json" "${script_dir}/package-lock.json")"

if [ ! -d "${node_modules}" ] || [ ! -f "${stamp_file}" ] \
   || [ "$(cat "${stamp_file}")" != "${install_hash}" ]; then
  echo "model-lint: installing lint tools (npm ci) in ${script_dir}"
  (cd "${script_dir}" && npm ci --no-audit --no-fund)
  echo "${install_hash}" > "${stamp_file}"
fi

bpmnlint="${node_modules}/.bin/bpmnlint"
dmnlint="${node_modules}/.bin/dmnlint"

# The rc files live in the repo root (shared with Modeler users), the plugins in
# tools/model-lint/node_modules: bpmnlint/dmnlint resolve `plugin:` / config
# packages from the current directory, so NODE_PATH makes them findable.
export NODE_PATH="${node_modules}${NODE_PATH:+:${NODE_PATH}}"
cd "${repo_root}"

shopt -s nullglob
bpmn_files=(processes/*.bpmn)
dmn_files=(dmn/*.dmn)
shopt -u nullglob

status=0

if [ "${#bpmn_files[@]}" -gt 0 ]; then
  echo "model-lint: bpmnlint ${#bpmn_files[@]} file(s): ${bpmn_files[*]}"

  # The Modeler only lints a diagram that declares its execution platform.
  for f in "${bpmn_files[@]}"; do
    if ! grep -q 'executionPlatformVersion="7\.24' "${f}"; then
      echo "model-lint: WARNING ${f} lacks modeler:executionPlatform=\"Camunda Platform\" modeler:executionPlatformVersion=\"7.24.x\" (Modeler would not lint it)" >&2
    fi
  done

  bpmn_config="${repo_root}/.bpmnlintrc"
  tmp_config=""
  if [ "${MODEL_LINT_STRICT:-0}" = "1" ]; then
    tmp_config="$(mktemp "${TMPDIR:-/tmp}/bpmnlintrc.strict.XXXXXX")"
    trap 'rm -f "${tmp_config}"' EXIT
    printf '%s\n' '{ "extends": [ "bpmnlint:recommended", "plugin:camunda-compat/camunda-platform-7-24" ] }' > "${tmp_config}"
    bpmn_config="${tmp_config}"
    echo "model-lint: MODEL_LINT_STRICT=1 -> bpmnlint:recommended instead of bpmnlint:correctness"
  fi

  "${bpmnlint}" --config "${bpmn_config}" "${bpmn_files[@]}" || status=1
else
  echo "model-lint: no processes/*.bpmn files"
fi

if [ "${#dmn_files[@]}" -gt 0 ]; then
  echo "model-lint: dmnlint ${#dmn_files[@]} file(s): ${dmn_files[*]}"
  "${dmnlint}" --config "${repo_root}/.dmnlintrc" "${dmn_files[@]}" || status=1
else
  echo "model-lint: no dmn/*.dmn files"
fi

if [ "${status}" -ne 0 ]; then
  echo "model-lint: FAILED - lint errors found (see above)" >&2
else
  echo "model-lint: OK - no lint errors"
fi
exit "${status}"
