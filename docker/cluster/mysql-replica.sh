#!/bin/bash
# First start of a replica (docker-entrypoint-initdb.d): replicate the primary from its first GTID.
# The primary is new as well (compose starts it first), so its whole binary log is still there. A replica
# added to a primary that has run for a while is seeded from a dump instead (docs/deployment.md).
set -euo pipefail
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
RESET BINARY LOGS AND GTIDS;
CHANGE REPLICATION SOURCE TO SOURCE_HOST='mysql', SOURCE_PORT=3306, SOURCE_USER='replication',
  SOURCE_PASSWORD='${REPLICATION_PASSWORD}', SOURCE_AUTO_POSITION=1, GET_SOURCE_PUBLIC_KEY=1,
  SOURCE_CONNECT_RETRY=5;
START REPLICA;
SQL
