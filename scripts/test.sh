#!/usr/bin/env bash
# The whole test suite, from a fresh clone: Node 24 and dependencies, MariaDB and Redis, then lint,
# type-check, build, the migration gate, and every jest tier (unit, integration, e2e).
# Its last line is `jest: N passed, N failed` (read by CI).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
# Whatever fails before jest, CI still gets a closing line.
trap 'status=$?; [ "$status" -ne 0 ] && [ ! -f test-output/jest.json ] && echo "jest: 0 passed, 1 failed"; exit $status' EXIT
rm -f "$ROOT/test-output/jest.json"
ensure_toolchain
# Settings only now: with the dependencies installed dotenv reads .env as the application does, and a
# NODE_ENV=production from .env cannot make `npm ci` leave out the build tools.
load_env
bash scripts/services.sh up
ensure_chromium

log "lint (ESLint, Prettier)"
npx eslint --max-warnings=0 .
npx prettier --check --log-level=warn .
log "type-check"
npx tsc --noEmit -p tsconfig.json
log "build"
node scripts/run-built.cjs build
log "migrations"
node scripts/check-migrations.cjs
log "console: API types up to date, type-check, build"
node web/scripts/api-types.mjs --check
(cd web && node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json)
build_console

log "jest"
mkdir -p test-output
rm -f test-output/jest.json
# In Vietnam's time zone unless TZ says otherwise: a test that only passes in UTC (a server's usual
# zone) would hide a deadline moved by a day.
export TZ="${TZ:-Asia/Ho_Chi_Minh}"
set +e
node --experimental-vm-modules node_modules/jest/bin/jest.js --ci --maxWorkers=2 \
  --json --outputFile=test-output/jest.json "$@"
status=$?
set -e
node -e '
  const fs = require("node:fs");
  const file = "test-output/jest.json";
  if (!fs.existsSync(file)) { console.log("jest: 0 passed, 1 failed"); process.exit(0); }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  console.log(`jest: ${r.numPassedTests} passed, ${failed} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
'
exit $status
