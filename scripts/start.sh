#!/usr/bin/env bash
# The whole system, from a fresh clone: Node 24 and dependencies, MariaDB and Redis, migrations, demo
# data (idempotent), then the API and the worker in the foreground. Ctrl-C stops both.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
if [ ! -f .env ]; then
  log "creating .env from .env.example"
  cp .env.example .env
fi
# JWT_SECRET signs the access tokens. Outside production the application accepts the public example
# value, so a .env that lacks the variable (written before it existed) or still holds `change-me…`
# gets a random secret here, in place of that line or at the end.
declare -A dotenv=()
parse_env_file .env dotenv
if [ -z "${dotenv[JWT_SECRET]:-}" ] || [[ "${dotenv[JWT_SECRET],,}" == *change-me* ]]; then
  secret="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
  jwt_line='^[[:space:]]*(export[[:space:]]+)?JWT_SECRET[[:space:]]*='
  if grep -qE "$jwt_line" .env; then
    sed -i -E "s/$jwt_line.*/JWT_SECRET=$secret/" .env
  else
    if [ -n "$(tail -c1 .env)" ]; then echo >> .env; fi # the last line lacked its newline
    echo "JWT_SECRET=$secret" >> .env
  fi
  log "wrote a random JWT_SECRET into .env (it was missing or the example value)"
fi
# A .env written before personal data was encrypted lacks its keys: add fresh random ones (never
# replace existing keys — records sealed with them would become unreadable).
append_env() {
  if [ -n "$(tail -c1 .env)" ]; then echo >> .env; fi
  echo "$1" >> .env
}
if [ -z "${dotenv[IDENTITY_MASTER_KEYS]:-}" ]; then
  append_env "IDENTITY_MASTER_KEYS=k1:$(head -c32 /dev/urandom | base64)"
  log "wrote a random IDENTITY_MASTER_KEYS into .env"
fi
if [ -z "${dotenv[IDENTITY_INDEX_KEY]:-}" ]; then
  append_env "IDENTITY_INDEX_KEY=$(head -c32 /dev/urandom | base64)"
  log "wrote a random IDENTITY_INDEX_KEY into .env"
fi
ensure_toolchain
# Settings only now: with the dependencies installed dotenv reads .env as the application does, and a
# NODE_ENV=production from .env cannot make `npm ci` leave out the build tools.
load_env
bash scripts/services.sh up

log "build"
node scripts/run-built.cjs build
log "build the console (web/)"
build_console
log "migrations"
npm run -s migration:run >/dev/null
if [ -f dist/src/demo/seed-demo.cli.js ]; then
  log "demo data"
  node dist/src/demo/seed-demo.cli.js
fi

mkdir -p "$ROOT/.services/logs"
log "starting the API and the worker (logs: .services/logs/)"
# V8 flags: src/bootstrap/node-flags.ts (the same in docker/).
node --max-semi-space-size=16 --max-old-space-size=1024 dist/src/main.js >>"$ROOT/.services/logs/api.log" 2>&1 &
api=$!
node --max-semi-space-size=16 --max-old-space-size=1024 dist/src/worker.js >>"$ROOT/.services/logs/worker.log" 2>&1 &
worker=$!
stop() { kill -TERM "$api" "$worker" 2>/dev/null || true; wait "$api" "$worker" 2>/dev/null || true; }
trap 'stop; exit 0' INT TERM
fail() { tail -n 20 "$ROOT/.services/logs/api.log" >&2; stop; die "$1 (see .services/logs/api.log)"; }

# Ready is asked where the API listens, on this machine: PUBLIC_BASE_URL may be a public address that
# does not lead here. Up to 60 s, for a slow machine's first start.
case "$HTTP_HOST" in
  0.0.0.0 | '') probe_host=127.0.0.1 ;;
  ::) probe_host='[::1]' ;;
  *:*) probe_host="[$HTTP_HOST]" ;;
  *) probe_host="$HTTP_HOST" ;;
esac
ready_url="http://$probe_host:$HTTP_PORT/health/ready"
deadline=$((SECONDS + 60))
until node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
    .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$ready_url"; do
  kill -0 "$api" 2>/dev/null || fail "the API stopped"
  [ "$SECONDS" -lt "$deadline" ] || fail "the API was not ready at $ready_url within 60 s"
  sleep 0.3
done
# The addresses just proven to answer; PUBLIC_BASE_URL too when it is another one.
base="http://$probe_host:$HTTP_PORT"
public=""
if [ "${PUBLIC_BASE_URL%/}" != "$base" ]; then public="    Public base URL   ${PUBLIC_BASE_URL%/}"$'\n'; fi
cat <<TXT

  tiepdan is running.
    Officers' console $base/
    API health        $base/health/ready
    API documentation $base/api/docs
    OpenAPI document  $base/api/docs-json
    Public reception calendar $base/lich-tiep-cong-dan
$public
  Logs: .services/logs/api.log, .services/logs/worker.log. Ctrl-C stops the API and the worker;
  \`npm run services -- down\` stops MariaDB and Redis.

TXT
wait -n "$api" "$worker" || true
log "a process stopped; stopping the other"
stop
exit 1
