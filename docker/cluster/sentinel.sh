#!/bin/sh
# A sentinel of docker/compose.cluster.yml watching the master "tiepdan" (REDIS_SENTINEL_MASTER), quorum
# 2 of 3. A sentinel rewrites its configuration file, so it is written fresh into a writable place.
set -eu
conf=/tmp/sentinel.conf
cat > "$conf" <<CONF
port 26379
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel monitor tiepdan redis-1 6379 2
sentinel auth-pass tiepdan $REDIS_PASSWORD
requirepass $REDIS_PASSWORD
sentinel down-after-milliseconds tiepdan 3000
sentinel failover-timeout tiepdan 15000
sentinel parallel-syncs tiepdan 1
CONF
exec redis-server "$conf" --sentinel
