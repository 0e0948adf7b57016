#!/usr/bin/env bash
# Makes sure a MySQL-compatible server and Redis are reachable at the configured addresses.
#   scripts/services.sh up      start project-local MariaDB and Redis where nothing answers
#   scripts/services.sh down    stop the project-local instances (by PID)
#   scripts/services.sh status  say what answers where
# With DB_REPLICA_PORT set, `up` also starts a read replica of the project-local MariaDB on that port
# (GTID replication; the primary then keeps a binary log) — for DB_REPLICAS=127.0.0.1:<port> (ADR 0013).
# Project-local instances listen on 127.0.0.1 only, keep their data in .services/ (git-ignored) and
# are installed from the OS packages when missing (as root, or with sudo).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_env

SERVICES_DIR="${SERVICES_DIR:-$ROOT/.services}"
case "$SERVICES_DIR" in /*) ;; *) SERVICES_DIR="$ROOT/$SERVICES_DIR" ;; esac
DB_DIR="$SERVICES_DIR/mariadb"
REDIS_DIR="$SERVICES_DIR/redis"
DB_PID="$DB_DIR/mariadb.pid"
REPLICA_DIR="$SERVICES_DIR/mariadb-replica"
REPLICA_PID="$REPLICA_DIR/mariadb.pid"
DB_REPLICA_PORT="${DB_REPLICA_PORT:-}"
REDIS_PID="$REDIS_DIR/redis.pid"
# A Unix socket path may hold at most 107 bytes: in a deep checkout the socket goes to the runtime
# directory instead, named after the data directory so that two checkouts never share one.
DB_SOCKET="$DB_DIR/mariadb.sock"
if [ "$(printf %s "$DB_SOCKET" | wc -c)" -gt 100 ]; then
  DB_SOCKET="${XDG_RUNTIME_DIR:-/tmp}/tiepdan-$(printf %s "$DB_DIR" | sha256sum | cut -c1-12)-mariadb.sock"
fi

reachable() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
is_local() { case "$1" in 127.0.0.1|localhost|::1) return 0 ;; *) return 1 ;; esac; }

# Prints the PID in a pid file when that process is one of ours: after a reboot the file may name an
# unrelated process that must never be killed. MariaDB: mariadbd/mysqld with our data directory on
# its command line. Redis rewrites its command line to "redis-server 127.0.0.1:<port>": redis-server
# running in our data directory (--dir is its working directory), or on our port.
our_pid() { # db|replica|redis
  local file pid cmdline
  case "$1" in db) file="$DB_PID" ;; replica) file="$REPLICA_PID" ;; redis) file="$REDIS_PID" ;; esac
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  cmdline="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" || return 1
  case "$1" in
    db) [[ "$cmdline" =~ (mariadbd|mysqld)\  && "$cmdline" == *"--datadir=$DB_DIR/data "* ]] || return 1 ;;
    replica) [[ "$cmdline" =~ (mariadbd|mysqld)\  && "$cmdline" == *"--datadir=$REPLICA_DIR/data "* ]] || return 1 ;;
    redis) [[ "$cmdline" == *redis-server* ]] || return 1
      [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$REDIS_DIR" ] \
        || [[ "$cmdline" == *":$REDIS_PORT "* ]] || return 1 ;;
  esac
  echo "$pid"
}

install_server() { # package
  command -v apt-get >/dev/null 2>&1 || die "no apt-get: install $1 yourself, or point DB_*/REDIS_* at running servers"
  apt_install "$1"
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

# DB_USER and DB_NAME go into SQL as they are: plain identifiers only, anything else is refused.
check_db_names() {
  [[ "$DB_USER" =~ ^[A-Za-z0-9_]+$ ]] || die "DB_USER must be letters, digits and _ only (it goes into SQL)"
  [[ "$DB_NAME" =~ ^[A-Za-z0-9_]+$ ]] || die "DB_NAME must be letters, digits and _ only (it goes into SQL)"
}

# A value as a SQL string literal: every \ and ' doubled (MariaDB reads \ as an escape in strings).
sql_string() {
  local s="${1//\\/\\\\}"
  printf "'%s'" "${s//\'/\'\'}"
}

# The application account, with the password of the settings even when it changed since the account
# was made, and the database. The account may create databases: tests make one per jest worker.
# ALTER USER rather than CREATE OR REPLACE: the account never disappears under running clients.
ensure_account() { # client socket
  local password host
  password="$(sql_string "$DB_PASSWORD")"
  {
    for host in 127.0.0.1 localhost; do
      echo "CREATE USER IF NOT EXISTS '$DB_USER'@'$host' IDENTIFIED BY $password;"
      echo "ALTER USER '$DB_USER'@'$host' IDENTIFIED BY $password;"
      echo "GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'$host';"
    done
    echo "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  } | "$1" --no-defaults -S "$2" -uroot || die "could not set up the account $DB_USER in MariaDB"
}

db_up() {
  check_db_names
  local mariadbd install_db client pid socket
  if reachable "$DB_HOST" "$DB_PORT"; then
    log "database answers on $DB_HOST:$DB_PORT"
    # Ours: apply the account settings (a changed DB_PASSWORD), through the socket it was started with.
    if pid="$(our_pid db)" && client="$(find_bin mariadb mysql)"; then
      socket="$(tr '\0' '\n' < "/proc/$pid/cmdline" | sed -n 's/^--socket=//p')"
      ensure_account "$client" "${socket:-$DB_SOCKET}"
    fi
    return 0
  fi
  is_local "$DB_HOST" || die "nothing answers on $DB_HOST:$DB_PORT and it is not a local address"
  mariadbd="$(find_bin mariadbd mysqld)" || { install_server mariadb-server; mariadbd="$(find_bin mariadbd mysqld)"; }
  install_db="$(find_bin mariadb-install-db mysql_install_db)" || die "mariadb-install-db not found"
  client="$(find_bin mariadb mysql)" || die "mariadb client not found"
  mkdir -p "$DB_DIR"
  if [ ! -d "$DB_DIR/data/mysql" ]; then
    log "initialising MariaDB data in $DB_DIR/data"
    "$install_db" --no-defaults --datadir="$DB_DIR/data" --user="$(id -un)" \
      --auth-root-authentication-method=normal --skip-test-db >"$DB_DIR/install.log" 2>&1 \
      || die "mariadb-install-db failed (see $DB_DIR/install.log)"
  fi
  log "starting MariaDB on 127.0.0.1:$DB_PORT${DB_REPLICA_PORT:+ (binary log on, for its replica)}"
  # UTC server time and utf8mb4 everywhere (docs/architecture.md: dates and time zones). A replica
  # needs the primary's binary log in row format; without one nobody pays for it.
  local binlog=()
  [ -n "$DB_REPLICA_PORT" ] && binlog=(--server-id=1 --log-bin="$DB_DIR/data/binlog" --binlog-format=ROW
    --binlog-expire-logs-seconds=86400)
  nohup "$mariadbd" --no-defaults --datadir="$DB_DIR/data" --user="$(id -un)" --bind-address=127.0.0.1 \
    --port="$DB_PORT" --socket="$DB_SOCKET" --pid-file="$DB_PID" --default-time-zone=+00:00 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-name-resolve \
    --innodb-buffer-pool-size="${DB_BUFFER_POOL:-512M}" --max-connections=500 --log-error="$DB_DIR/error.log" \
    "${binlog[@]}" >/dev/null 2>&1 &
  wait_for MariaDB 127.0.0.1 "$DB_PORT" 30
  ensure_account "$client" "$DB_SOCKET"
}

# A read replica of the project-local primary on DB_REPLICA_PORT: a consistent copy of the primary
# (mariadb-dump --single-transaction with its GTID position, so no write is missed or applied twice),
# then GTID replication from there with the application account (it holds REPLICATION SLAVE).
# Read-only for everyone but root. `down` stops it with the rest.
replica_up() {
  [ -n "$DB_REPLICA_PORT" ] || return 0
  local mariadbd install_db client dump pid socket replica_socket
  if reachable 127.0.0.1 "$DB_REPLICA_PORT"; then log "replica answers on 127.0.0.1:$DB_REPLICA_PORT"; return 0; fi
  pid="$(our_pid db)" || die "a replica is made of the project-local primary only: nothing of ours runs on $DB_PORT"
  socket="$(tr '\0' '\n' < "/proc/$pid/cmdline" | sed -n 's/^--socket=//p')"
  tr '\0' '\n' < "/proc/$pid/cmdline" | grep -q '^--log-bin' \
    || die "the primary on $DB_PORT runs without a binary log: stop it (scripts/services.sh down) and start again with DB_REPLICA_PORT set"
  mariadbd="$(find_bin mariadbd mysqld)"; install_db="$(find_bin mariadb-install-db mysql_install_db)"
  client="$(find_bin mariadb mysql)"; dump="$(find_bin mariadb-dump mysqldump)" || die "mariadb-dump not found"
  replica_socket="${socket%.sock}-replica.sock"
  mkdir -p "$REPLICA_DIR"
  rm -rf "$REPLICA_DIR/data"
  "$install_db" --no-defaults --datadir="$REPLICA_DIR/data" --user="$(id -un)" \
    --auth-root-authentication-method=normal --skip-test-db >"$REPLICA_DIR/install.log" 2>&1 \
    || die "mariadb-install-db failed for the replica (see $REPLICA_DIR/install.log)"
  log "starting a MariaDB replica on 127.0.0.1:$DB_REPLICA_PORT"
  nohup "$mariadbd" --no-defaults --datadir="$REPLICA_DIR/data" --user="$(id -un)" --bind-address=127.0.0.1 \
    --port="$DB_REPLICA_PORT" --socket="$replica_socket" --pid-file="$REPLICA_PID" --default-time-zone=+00:00 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-name-resolve \
    --innodb-buffer-pool-size="${DB_BUFFER_POOL:-512M}" --max-connections=500 \
    --log-error="$REPLICA_DIR/error.log" --server-id=2 --read-only=1 --skip-slave-start \
    >/dev/null 2>&1 &
  wait_for "MariaDB replica" 127.0.0.1 "$DB_REPLICA_PORT" 30
  # --gtid with --master-data: the copy carries SET GLOBAL gtid_slave_pos of the instant it was taken.
  "$dump" --no-defaults -S "$socket" -uroot --all-databases --single-transaction --master-data=1 --gtid \
    --routines --events --quick 2>"$REPLICA_DIR/dump.log" \
    | "$client" --no-defaults -S "$replica_socket" -uroot \
    || die "could not copy the primary to the replica (see $REPLICA_DIR/dump.log)"
  "$client" --no-defaults -S "$replica_socket" -uroot -e "
    CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$DB_PORT, MASTER_USER='$DB_USER',
      MASTER_PASSWORD=$(sql_string "$DB_PASSWORD"), MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1;
    FLUSH PRIVILEGES; START SLAVE;" || die "could not start replication on the replica"
}

redis_up() {
  if reachable "$REDIS_HOST" "$REDIS_PORT"; then log "Redis answers on $REDIS_HOST:$REDIS_PORT"; return 0; fi
  is_local "$REDIS_HOST" || die "nothing answers on $REDIS_HOST:$REDIS_PORT and it is not a local address"
  local server
  server="$(find_bin redis-server)" || { install_server redis-server; server="$(find_bin redis-server)"; }
  mkdir -p "$REDIS_DIR"
  log "starting Redis on 127.0.0.1:$REDIS_PORT (AOF on)"
  # noeviction: BullMQ must never lose a key to memory pressure. AOF: jobs survive a restart.
  "$server" --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --daemonize yes \
    --pidfile "$REDIS_PID" --logfile "$REDIS_DIR/redis.log" --appendonly yes \
    --maxmemory-policy noeviction --save "" ${REDIS_PASSWORD:+--requirepass "$REDIS_PASSWORD"} >/dev/null
  wait_for Redis 127.0.0.1 "$REDIS_PORT" 10
}

stop_server() { # name db|redis pidfile
  local pid i
  if pid="$(our_pid "$2")"; then
    log "stopping $1 (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  elif [ -f "$3" ]; then
    log "$1: stale pid file (pid $(cat "$3") is not our $1), nothing stopped"
  else
    log "$1: no project-local instance running"
  fi
  rm -f "$3"
}

status() {
  local rc=0 pid
  if reachable "$DB_HOST" "$DB_PORT"; then echo "database  up    $DB_HOST:$DB_PORT$(pid="$(our_pid db)" && echo " (project-local, pid $pid)")"
  else echo "database  down  $DB_HOST:$DB_PORT"; rc=1; fi
  if [ -n "$DB_REPLICA_PORT" ]; then
    if reachable 127.0.0.1 "$DB_REPLICA_PORT"; then echo "replica   up    127.0.0.1:$DB_REPLICA_PORT"
    else echo "replica   down  127.0.0.1:$DB_REPLICA_PORT"; rc=1; fi
  fi
  if reachable "$REDIS_HOST" "$REDIS_PORT"; then echo "redis     up    $REDIS_HOST:$REDIS_PORT$(pid="$(our_pid redis)" && echo " (project-local, pid $pid)")"
  else echo "redis     down  $REDIS_HOST:$REDIS_PORT"; rc=1; fi
  return $rc
}

case "${1:-}" in
  up) db_up; replica_up; redis_up ;;
  down)
    [ -f "$REPLICA_PID" ] && stop_server "MariaDB replica" replica "$REPLICA_PID"
    stop_server MariaDB db "$DB_PID"; stop_server Redis redis "$REDIS_PID" ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
