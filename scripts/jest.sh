#!/usr/bin/env bash
# jest with the project's settings loaded (.env, then .env.example defaults), as `npm test` runs it.
#   npm run -s jest -- <path-pattern> --selectProjects unit|integration|e2e
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_node
load_env
cd "$ROOT"
export TZ="${TZ:-Asia/Ho_Chi_Minh}" # as scripts/test.sh runs jest
exec node --experimental-vm-modules node_modules/jest/bin/jest.js "$@"
