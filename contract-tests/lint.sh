#!/usr/bin/env bash
# Lints Qiao's committed contracts with pinned tools (package.json / package-lock.json):
#   Redocly    recommended-strict (= `recommended` with every warning raised to an error)
#   Spectral   spectral:oas (spectral.yaml), failing on errors
#   Spectral   OWASP API Security Top 10 2023 (spectral-owasp.yaml), failing on errors
#   AsyncAPI   `asyncapi validate`, failing on errors and warnings
# Called by ./mvnw verify (exec-maven-plugin in pom.xml); runs by hand as well:
#   contract-tests/lint.sh                         every committed document
#   OPENAPI_ROOT=DIR contract-tests/lint.sh        DIR/*/src/main/openapi/openapi.json instead
#   OPENAPI_DOCS="a.json b.json" ASYNCAPI_DOC=x.yaml contract-tests/lint.sh
# The tools are installed with `npm ci` into target/lint (again only when the lock file changes).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
tools="$here/target/lint"

# Offline-friendly and quiet: no telemetry, update checks or analytics (only the npm registry is
# reachable on CI machines).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export SCARF_ANALYTICS=false DO_NOT_TRACK=1 NO_UPDATE_NOTIFIER=1
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export ASYNCAPI_METRICS_CONFIG_PATH="$tools/asyncapi-analytics.json"
# node-config inside the AsyncAPI CLI: no warnings about its (absent) config directory.
export SUPPRESS_NO_CONFIG_WARNING=1 SUPPRESS_STRICTNESS_CHECK=1

if [[ -n "${OPENAPI_DOCS:-}" ]]; then
  read -r -a openapi <<<"$OPENAPI_DOCS"
else
  openapi=("${OPENAPI_ROOT:-$root}"/*/src/main/openapi/openapi.json)
fi
asyncapi_doc="${ASYNCAPI_DOC:-$root/contracts/asyncapi.yaml}"
# The tools run from this directory (no stray redocly.yaml / .spectral.yaml): absolute paths.
absolute() { realpath -e "$1" 2>/dev/null || { echo "lint.sh: no such document: $1" >&2; exit 1; }; }
for i in "${!openapi[@]}"; do
  openapi[i]="$(absolute "${openapi[i]}")" || exit 1
done
asyncapi_doc="$(absolute "$asyncapi_doc")" || exit 1

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "lint.sh needs Node.js 20+ with npm on PATH (or skip it: -Dqiao.lint.skip=true)" >&2
  exit 1
fi
mkdir -p "$tools"
if ! cmp -s "$here/package-lock.json" "$tools/package-lock.json" \
  || [[ ! -f "$tools/node_modules/.package-lock.json" ]]; then
  echo "Installing the linters (npm ci) into $tools ..."
  rm -rf "$tools/node_modules" "$tools/package-lock.json"
  cp "$here/package.json" "$tools/package.json"
  cp "$here/package-lock.json" "$tools/package-lock.json.new"
  mv "$tools/package-lock.json.new" "$tools/package-lock.json"
  # --ignore-scripts: the tools need no install scripts (one of them only reports analytics).
  if ! (cd "$tools" && npm ci --no-audit --no-fund --ignore-scripts --prefer-offline --loglevel=error); then
    rm -f "$tools/package-lock.json"
    echo "npm ci failed" >&2
    exit 1
  fi
fi
echo '{"analyticsEnabled":"false","infoMessageShown":"true"}' >"$ASYNCAPI_METRICS_CONFIG_PATH"
bin="$tools/node_modules/.bin"

failed=()
rel() { for f in "$@"; do printf '%s\n' "${f#"$root"/}"; done; }

echo
echo "== redocly lint --extends recommended-strict $(rel "${openapi[@]}" | tr '\n' ' ')"
# Redocly exits non-zero on errors only; recommended-strict is `recommended` with warnings as errors.
# Its Node.js 20 end-of-life banner is cut down to one line.
(cd "$here" && "$bin/redocly" lint --extends recommended-strict --format stylish \
  --max-problems 1000 "${openapi[@]}" 2>&1) \
  | sed -e '/Deprecation warning: Node.js 20/{s/[║ ]*$//;s/^[ ║]*/redocly: /;b' -e '}' -e '/[╔║╚]/d'
[[ ${PIPESTATUS[0]} -eq 0 ]] || failed+=("redocly")

echo
echo "== spectral lint -r contract-tests/spectral.yaml --fail-severity error $(rel "${openapi[@]}" | tr '\n' ' ')"
(cd "$here" && "$bin/spectral" lint -r "$here/spectral.yaml" --fail-severity error \
  --format stylish "${openapi[@]}") || failed+=("spectral")

echo
echo "== spectral lint -r contract-tests/spectral-owasp.yaml --fail-severity error $(rel "${openapi[@]}" | tr '\n' ' ')"
# Warnings (e.g. a string without a pattern) are shown, errors fail the build.
(cd "$here" && "$bin/spectral" lint -r "$here/spectral-owasp.yaml" --fail-severity error \
  --format stylish "${openapi[@]}") || failed+=("spectral-owasp")

echo
echo "== asyncapi validate $(rel "$asyncapi_doc") --fail-severity warn"
(cd "$here" && "$bin/asyncapi" validate "$asyncapi_doc" --fail-severity warn \
  --diagnostics-format stylish) || failed+=("asyncapi")

echo
if ((${#failed[@]})); then
  echo "Contract lint FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "Contract lint passed: Redocly (0 errors, 0 warnings), Spectral (0 errors), Spectral OWASP (0 errors), AsyncAPI."
