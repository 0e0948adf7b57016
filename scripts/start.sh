#!/usr/bin/env bash
# The whole system, from a fresh clone: Node 24 and dependencies, MariaDB and Redis, migrations, demo
# data (idempotent), then the API and the worker in the foreground. Ctrl-C stops both.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
if [ ! -f .env ]; then
  log "creating .env from .env.example, with a random JWT_SECRET"
  secret="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
  sed "s/^JWT_SECRET=.*/JWT_SECRET=$secret/" .env.example > .env
fi
load_env
ensure_toolchain
bash scripts/services.sh up

log "build"
node scripts/run-built.cjs build
log "migrations"
npm run -s migration:run >/dev/null
if [ -f dist/src/demo/seed-demo.cli.js ]; then
  log "demo data"
  node dist/src/demo/seed-demo.cli.js
fi

mkdir -p "$ROOT/.services/logs"
log "starting the API and the worker (logs: .services/logs/)"
node dist/src/main.js >>"$ROOT/.services/logs/api.log" 2>&1 &
api=$!
node dist/src/worker.js >>"$ROOT/.services/logs/worker.log" 2>&1 &
worker=$!
stop() { kill -TERM "$api" "$worker" 2>/dev/null || true; wait "$api" "$worker" 2>/dev/null || true; }
trap 'stop; exit 0' INT TERM

base="${PUBLIC_BASE_URL%/}"
for _ in $(seq 1 100); do
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$base/health/ready" && break
  kill -0 "$api" 2>/dev/null || { tail -n 20 "$ROOT/.services/logs/api.log" >&2; die "the API stopped (see .services/logs/api.log)"; }
  sleep 0.2
done
cat <<TXT

  tiepdan is running.
    API health        $base/health/ready
    API documentation $base/api/docs
    OpenAPI document  $base/api/docs-json

  Logs: .services/logs/api.log, .services/logs/worker.log. Ctrl-C stops the API and the worker;
  \`npm run services -- down\` stops MariaDB and Redis.

TXT
wait -n "$api" "$worker" || true
log "a process stopped; stopping the other"
stop
exit 1
