#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit and contract tests (inside a throwaway gnome-keyring session
# when one can be started, so the keychain tests use a real Secret Service), build, then e2e.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent typecheck
npm run --silent lint
npx prettier --check . --log-level warn

mkdir -p test-results
VITEST_REPORTS="--reporter=default --reporter=json --outputFile.json=test-results/vitest.json"

if command -v gnome-keyring-daemon >/dev/null && command -v dbus-run-session >/dev/null && [ -z "${FLEETDECK_IN_KEYRING:-}" ]; then
  keyring=$(mktemp -d)
  # Removed however the run ends (a failing test stops the script at once).
  trap 'rm -rf "$keyring"' EXIT
  mkdir -m 700 "$keyring/run"
  XDG_DATA_HOME="$keyring/data" XDG_RUNTIME_DIR="$keyring/run" FLEETDECK_IN_KEYRING=1 FLEETDECK_KEYRING=real \
    dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && npx vitest run $0' "$VITEST_REPORTS"
else
  # shellcheck disable=SC2086
  npx vitest run $VITEST_REPORTS
fi

npx electron-vite build
npx playwright test
node scripts/summarize-tests.mjs
