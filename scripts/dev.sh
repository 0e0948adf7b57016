#!/usr/bin/env bash
# A developer's watch mode: the Nest CLI (`nest start --watch`, the TypeScript compiler, nest-cli.json)
# compiles into dist/ and restarts the process on every saved change.
#   npm run dev            the API (src/main.ts)
#   npm run dev:worker     the worker (src/worker.ts), in a second terminal
# Node 24, the dependencies, MariaDB and Redis and the migrations first, as `npm start` has them; the
# settings come from .env (run `npm start` once: it writes .env and loads the demo data).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
case "${1:-api}" in
  api) entry=main ;;
  worker) entry=worker ;;
  *) die "usage: bash scripts/dev.sh [api|worker]" ;;
esac
shift || true
[ -f .env ] || die "no .env yet: run \`npm start\` once (it writes .env and loads the demo data)"
ensure_toolchain
load_env
bash scripts/services.sh up
log "migrations"
npm run -s migration:run >/dev/null
log "watching src/ ($entry): Ctrl-C stops"
exec node node_modules/@nestjs/cli/bin/nest.js start --watch --preserveWatchOutput --entryFile "$entry" "$@"
