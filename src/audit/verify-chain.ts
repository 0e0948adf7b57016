import type { DataSource } from 'typeorm';
import { sha256Hex } from './audit-hash.js';
import { chainHash, GENESIS_HASH, type AuditEntryContent } from './domain/chain.js';
import type { JsonValue } from './domain/json.js';

export type ChainVerification =
  { ok: true; entries: number } | { ok: false; entries: number; firstBrokenId: string; reason: string };

export interface VerifyChainOptions {
  /** Rows read per query; memory stays bounded by one batch whatever the size of the trail. */
  batchSize: number;
}

/** An audit_log row as the driver returns it to a raw query. */
export interface AuditLogRow {
  id: string | number;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_unit_id: string | null;
  unit_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  /** MariaDB's JSON is LONGTEXT, so it arrives as text; MySQL's arrives parsed. */
  changes: string | JsonValue | null;
  request_id: string | null;
  client_ip: string | null;
  prev_hash: string;
  hash: string;
}

export const AUDIT_LOG_COLUMNS =
  'id, occurred_at, actor_user_id, actor_unit_id, unit_id, action, entity_type, entity_id, changes, ' +
  'request_id, client_ip, prev_hash, hash';

/** The hashed content of a stored row, built exactly as AuditService built it before the insert. */
export function contentOfRow(row: AuditLogRow): AuditEntryContent {
  return {
    id: String(row.id),
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorUnitId: row.actor_unit_id,
    unitId: row.unit_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: typeof row.changes === 'string' ? (JSON.parse(row.changes) as JsonValue) : row.changes,
    requestId: row.request_id,
    clientIp: row.client_ip,
  };
}

function recomputedHash(row: AuditLogRow): string | null {
  try {
    return chainHash(row.prev_hash, contentOfRow(row), sha256Hex);
  } catch {
    // Malformed stored values (a prev_hash that is not hex, unparsable JSON) are tampering too.
    return null;
  }
}

/**
 * Walks the whole trail in id order, in batches, and checks that ids follow each other without gaps,
 * that each `prev_hash` is the previous entry's `hash` (the first one's is the genesis hash), that each
 * `hash` is the SHA-256 of the entry's own content, and that the head row names the last entry. Stops at
 * the first break: everything from `firstBrokenId` on is untrusted, everything before it was checked.
 *
 * Runs in one REPEATABLE READ transaction, so the head and the entries come from one snapshot and
 * writers appending meanwhile cannot make the head look wrong; it only reads, so it blocks nobody.
 */
export async function verifyChain(
  dataSource: DataSource,
  options: VerifyChainOptions = { batchSize: 1000 },
): Promise<ChainVerification> {
  const batchSize = Math.trunc(options.batchSize);
  if (!(batchSize >= 1 && batchSize <= 100_000)) throw new RangeError('batchSize must be 1 to 100000');
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const heads: { last_id: string | number; last_hash: string }[] = await manager.query(
      'SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1',
    );
    let entries = 0;
    let prevId = 0n;
    let prevHash = GENESIS_HASH;
    const broken = (id: bigint, reason: string): ChainVerification => ({
      ok: false,
      entries,
      firstBrokenId: id.toString(),
      reason,
    });
    for (;;) {
      const rows: AuditLogRow[] = await manager.query(
        `SELECT ${AUDIT_LOG_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`,
        [prevId.toString(), batchSize],
      );
      for (const row of rows) {
        const id = BigInt(row.id);
        if (id !== prevId + 1n) {
          return broken(
            prevId + 1n,
            id === prevId + 2n
              ? `entry ${prevId + 1n} is missing`
              : `entries ${prevId + 1n} to ${id - 1n} are missing`,
          );
        }
        if (row.prev_hash !== prevHash) {
          return broken(id, 'prev_hash does not match the hash of the previous entry');
        }
        if (recomputedHash(row) !== row.hash) {
          return broken(id, 'hash does not match the entry content');
        }
        entries++;
        prevId = id;
        prevHash = row.hash;
      }
      if (rows.length < batchSize) break;
    }
    const head = heads[0];
    // A missing head is what a test truncation leaves; with no entries there is nothing to vouch for.
    if (!head) {
      return entries === 0 ? { ok: true, entries } : broken(prevId + 1n, 'the chain head row is missing');
    }
    const headId = BigInt(head.last_id);
    if (headId > prevId) {
      return broken(prevId + 1n, `the head records entry ${headId} but the trail ends at ${prevId}`);
    }
    if (headId < prevId) {
      return broken(headId + 1n, `entries after ${headId} were appended without moving the chain head`);
    }
    if (head.last_hash !== prevHash) {
      return broken(prevId, 'the chain head hash does not match the last entry');
    }
    return { ok: true, entries };
  });
}
