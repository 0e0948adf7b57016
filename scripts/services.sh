#!/usr/bin/env bash
# Makes sure a MySQL-compatible server and Redis are reachable at the configured addresses.
#   scripts/services.sh up      start project-local MariaDB and Redis where nothing answers
#   scripts/services.sh down    stop the project-local instances (by PID)
#   scripts/services.sh status  say what answers where
# Project-local instances listen on 127.0.0.1 only, keep their data in .services/ (git-ignored) and
# are installed from the OS packages when missing (as root, or with sudo).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_env

SERVICES_DIR="${SERVICES_DIR:-$ROOT/.services}"
case "$SERVICES_DIR" in /*) ;; *) SERVICES_DIR="$ROOT/$SERVICES_DIR" ;; esac
DB_DIR="$SERVICES_DIR/mariadb"
REDIS_DIR="$SERVICES_DIR/redis"
DB_SOCKET="$DB_DIR/mariadb.sock"
DB_PID="$DB_DIR/mariadb.pid"
REDIS_PID="$REDIS_DIR/redis.pid"

reachable() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
is_local() { case "$1" in 127.0.0.1|localhost|::1) return 0 ;; *) return 1 ;; esac; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root or sudo to run: $*"; fi
}

apt_updated=0
install_packages() {
  command -v apt-get >/dev/null 2>&1 || die "no apt-get: install $* yourself, or point DB_*/REDIS_* at running servers"
  log "installing OS packages: $*"
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

find_bin() {
  local name
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    for dir in /usr/sbin /usr/bin /sbin; do [ -x "$dir/$name" ] && { echo "$dir/$name"; return 0; }; done
  done
  return 1
}

wait_for() { # name host port seconds
  local i
  for ((i = 0; i < $4 * 10; i++)); do reachable "$2" "$3" && return 0; sleep 0.1; done
  die "$1 did not answer on $2:$3 within $4 s (see its log in $SERVICES_DIR)"
}

db_up() {
  if reachable "$DB_HOST" "$DB_PORT"; then log "database answers on $DB_HOST:$DB_PORT"; return 0; fi
  is_local "$DB_HOST" || die "nothing answers on $DB_HOST:$DB_PORT and it is not a local address"
  local mariadbd install_db client
  mariadbd="$(find_bin mariadbd mysqld)" || { install_packages mariadb-server; mariadbd="$(find_bin mariadbd mysqld)"; }
  install_db="$(find_bin mariadb-install-db mysql_install_db)" || die "mariadb-install-db not found"
  client="$(find_bin mariadb mysql)" || die "mariadb client not found"
  mkdir -p "$DB_DIR"
  if [ ! -d "$DB_DIR/data/mysql" ]; then
    log "initialising MariaDB data in $DB_DIR/data"
    "$install_db" --no-defaults --datadir="$DB_DIR/data" --user="$(id -un)" \
      --auth-root-authentication-method=normal --skip-test-db >"$DB_DIR/install.log" 2>&1 \
      || die "mariadb-install-db failed (see $DB_DIR/install.log)"
  fi
  log "starting MariaDB on 127.0.0.1:$DB_PORT"
  # UTC server time and utf8mb4 everywhere (docs/architecture.md: dates and time zones).
  nohup "$mariadbd" --no-defaults --datadir="$DB_DIR/data" --user="$(id -un)" --bind-address=127.0.0.1 \
    --port="$DB_PORT" --socket="$DB_SOCKET" --pid-file="$DB_PID" --default-time-zone=+00:00 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-name-resolve \
    --innodb-buffer-pool-size=512M --max-connections=500 --log-error="$DB_DIR/error.log" \
    >/dev/null 2>&1 &
  wait_for MariaDB 127.0.0.1 "$DB_PORT" 30
  # The application account may create databases: tests make one per jest worker.
  "$client" --no-defaults -S "$DB_SOCKET" -uroot <<SQL
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'localhost';
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SQL
}

redis_up() {
  if reachable "$REDIS_HOST" "$REDIS_PORT"; then log "Redis answers on $REDIS_HOST:$REDIS_PORT"; return 0; fi
  is_local "$REDIS_HOST" || die "nothing answers on $REDIS_HOST:$REDIS_PORT and it is not a local address"
  local server
  server="$(find_bin redis-server)" || { install_packages redis-server; server="$(find_bin redis-server)"; }
  mkdir -p "$REDIS_DIR"
  log "starting Redis on 127.0.0.1:$REDIS_PORT (AOF on)"
  # noeviction: BullMQ must never lose a key to memory pressure. AOF: jobs survive a restart.
  "$server" --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --daemonize yes \
    --pidfile "$REDIS_PID" --logfile "$REDIS_DIR/redis.log" --appendonly yes \
    --maxmemory-policy noeviction --save "" ${REDIS_PASSWORD:+--requirepass "$REDIS_PASSWORD"} >/dev/null
  wait_for Redis 127.0.0.1 "$REDIS_PORT" 10
}

stop_pid() { # name pidfile
  if pid_alive "$2"; then
    local pid i; pid="$(cat "$2")"
    log "stopping $1 (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  else
    log "$1: no project-local instance running"
  fi
  rm -f "$2"
}

status() {
  local rc=0
  if reachable "$DB_HOST" "$DB_PORT"; then echo "database  up    $DB_HOST:$DB_PORT$(pid_alive "$DB_PID" && echo " (project-local, pid $(cat "$DB_PID"))")"
  else echo "database  down  $DB_HOST:$DB_PORT"; rc=1; fi
  if reachable "$REDIS_HOST" "$REDIS_PORT"; then echo "redis     up    $REDIS_HOST:$REDIS_PORT$(pid_alive "$REDIS_PID" && echo " (project-local, pid $(cat "$REDIS_PID"))")"
  else echo "redis     down  $REDIS_HOST:$REDIS_PORT"; rc=1; fi
  return $rc
}

case "${1:-}" in
  up) db_up; redis_up ;;
  down) stop_pid MariaDB "$DB_PID"; stop_pid Redis "$REDIS_PID" ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
