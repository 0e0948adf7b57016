#!/usr/bin/env bash
# A logical backup of the application database, and its restore (docs/deployment.md, "Backups").
#   scripts/db-backup.sh dump FILE.sql.gz              a consistent copy while the API and worker run
#   scripts/db-backup.sh restore FILE.sql.gz [DB_NAME]  into DB_NAME (default: the configured one),
#                                                      which must not exist yet
# Reads DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME like the application (.env, then the environment).
# --single-transaction reads one InnoDB snapshot without locking writers; the GTID position of that
# snapshot is written as a comment (--master-data=2 --gtid) so a replica can be started from the copy.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_env

client_bin() { local n; for n in "$@"; do command -v "$n" >/dev/null 2>&1 && { command -v "$n"; return 0; }; done
  die "none of $* found (install mariadb-client or mysql-client)"; }

[[ "${DB_NAME:-}" =~ ^[A-Za-z0-9_]+$ ]] || die "DB_NAME must be letters, digits and _ only"
# The password goes to the client in a file only we can read, never on a command line (ps shows those).
credentials="$(mktemp)"
trap 'rm -f "$credentials"' EXIT
chmod 600 "$credentials"
printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword="%s"\n' "$DB_HOST" "$DB_PORT" "$DB_USER" \
  "$(printf %s "$DB_PASSWORD" | sed 's/\\/\\\\/g; s/"/\\"/g')" > "$credentials"

case "${1:-}" in
  dump)
    [ -n "${2:-}" ] || die "usage: $0 dump FILE.sql.gz"
    dump="$(client_bin mariadb-dump mysqldump)"; client="$(client_bin mariadb mysql)"
    # The snapshot's binary-log position only where there is a binary log (a replicated primary).
    position=()
    [ "$("$client" --defaults-extra-file="$credentials" -N -e 'SELECT @@log_bin')" = "1" ] \
      && position=(--master-data=2 --gtid)
    log "dumping $DB_NAME from $DB_HOST:$DB_PORT to $2"
    "$dump" --defaults-extra-file="$credentials" --single-transaction --quick --routines --events \
      --triggers --hex-blob --default-character-set=utf8mb4 "${position[@]}" "$DB_NAME" \
      | gzip -c > "$2.partial" || die "the dump failed"
    mv "$2.partial" "$2"
    log "done: $(du -h "$2" | cut -f1)"
    ;;
  restore)
    [ -f "${2:-}" ] || die "usage: $0 restore FILE.sql.gz [DB_NAME]"
    target="${3:-$DB_NAME}"
    [[ "$target" =~ ^[A-Za-z0-9_]+$ ]] || die "the target database name must be letters, digits and _ only"
    client="$(client_bin mariadb mysql)"
    exists="$("$client" --defaults-extra-file="$credentials" -N -e "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '$target'")"
    [ "$exists" = "0" ] || die "database $target exists: restore into a new one, then switch DB_NAME"
    log "restoring $2 into $target on $DB_HOST:$DB_PORT"
    "$client" --defaults-extra-file="$credentials" -e \
      "CREATE DATABASE \`$target\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    gzip -dc "$2" | "$client" --defaults-extra-file="$credentials" "$target" || die "the restore failed"
    log "done"
    ;;
  *) echo "usage: $0 dump FILE.sql.gz | restore FILE.sql.gz [DB_NAME]" >&2; exit 2 ;;
esac
