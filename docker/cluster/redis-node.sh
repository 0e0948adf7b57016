#!/bin/sh
# A Redis data node of docker/compose.cluster.yml: AOF on, noeviction (BullMQ must never lose a key),
# the password for clients and for its own replication. With an argument: start as that host's replica
# (the sentinels move the roles afterwards).
set -eu
set -- "$@"
exec redis-server --appendonly yes --maxmemory-policy noeviction \
  --requirepass "$REDIS_PASSWORD" --masterauth "$REDIS_PASSWORD" \
  ${1:+--replicaof "$1" 6379}
