#!/usr/bin/env bash
# Prepares the browser the portal's end-to-end tests drive (PortalJourneysTest), from the npm
# registry, since Playwright's own browser download is not reachable from these machines:
#   @sparticuz/chromium  a headless Chromium, unpacked on first use (to /tmp/chromium)
#   axe-core             the accessibility checks, injected into each page
# pinned in browser/package.json and browser/package-lock.json, installed with `npm ci` into
# target/browser (again only when the lock file changes). Writes the Chromium to use into
# target/browser/chromium-path: $QIAO_CHROMIUM if set (e.g. /usr/bin/chromium from Debian's
# chromium package), else @sparticuz/chromium's. Called by ./mvnw verify (exec-maven-plugin,
# before the tests; skipped with -Dqiao.browser.skip=true, which also skips the browser tests).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dir="$here/target/browser"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "browser.sh needs Node.js 20+ with npm on PATH (or skip the browser tests: -Dqiao.browser.skip=true)" >&2
  exit 1
fi
mkdir -p "$dir"
if ! cmp -s "$here/browser/package-lock.json" "$dir/package-lock.json" \
  || [[ ! -f "$dir/node_modules/.package-lock.json" ]]; then
  echo "Installing @sparticuz/chromium and axe-core (npm ci) into $dir ..."
  rm -rf "$dir/node_modules" "$dir/package-lock.json"
  cp "$here/browser/package.json" "$dir/package.json"
  cp "$here/browser/package-lock.json" "$dir/package-lock.json.new"
  mv "$dir/package-lock.json.new" "$dir/package-lock.json"
  if ! (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error); then
    rm -f "$dir/package-lock.json"
    echo "npm ci failed" >&2
    exit 1
  fi
fi
if [[ -n "${QIAO_CHROMIUM:-}" ]]; then
  chromium="$QIAO_CHROMIUM"
else
  chromium="$(cd "$dir" && node -e "require('@sparticuz/chromium').default.executablePath().then(p => console.log(p))")"
fi
"$chromium" --version >/dev/null 2>&1 || { echo "browser.sh: $chromium does not run" >&2; exit 1; }
printf '%s' "$chromium" >"$dir/chromium-path"
echo "Browser tests use $("$chromium" --version 2>/dev/null) at $chromium"
