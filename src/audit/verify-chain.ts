import type { DataSource, EntityManager } from 'typeorm';
import { sha256Hex } from './audit-hash.js';
import { chainHash, GENESIS_HASH, type AuditEntryContent } from './domain/chain.js';
import type { JsonValue } from './domain/json.js';

/**
 * The verdict of `verifyChain`. `entries`: chained entries checked good (before the break, if any);
 * `unchained`: entries committed but not chained yet (the sequencer chains them within seconds).
 * A broken chain names its first bad position (`firstBrokenSeq`) and, when a row is there, its `id`;
 * an intact chain with entries left unchained too long (or unchained rows that carry chain fields) names
 * the oldest such entry (`unchainedId`).
 */
export type ChainVerification =
  | { ok: true; entries: number; unchained: number }
  | {
      ok: false;
      entries: number;
      unchained: number;
      firstBrokenSeq: string;
      firstBrokenId?: string;
      reason: string;
    }
  | { ok: false; entries: number; unchained: number; unchainedId: string; reason: string };

export interface VerifyChainOptions {
  /** Rows read per query; memory stays bounded by one batch whatever the size of the trail. */
  batchSize: number;
  /** An entry unchained for longer than this (by its occurred_at) is a problem. Default 300. */
  maxUnchainedSeconds?: number;
  /** The time the age of unchained entries is measured at (default: now). */
  now?: Date;
}

export const DEFAULT_MAX_UNCHAINED_SECONDS = 300;

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
  /** null until the sequencer chains the row; likewise prev_hash and hash. */
  chain_seq: string | number | null;
  prev_hash: string | null;
  hash: string | null;
}

export const AUDIT_LOG_COLUMNS =
  'id, occurred_at, actor_user_id, actor_unit_id, unit_id, action, entity_type, entity_id, changes, ' +
  'request_id, client_ip, chain_seq, prev_hash, hash';

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
  if (row.prev_hash === null) return null;
  try {
    return chainHash(row.prev_hash, contentOfRow(row), sha256Hex);
  } catch {
    // Malformed stored values (a prev_hash that is not hex, unparsable JSON) are tampering too.
    return null;
  }
}

/**
 * Walks the chain in `chain_seq` order, in batches, and checks that positions follow each other without
 * gaps from 1, that each `prev_hash` is the previous entry's `hash` (the first one's is the genesis
 * hash), that each `hash` is the SHA-256 of the entry's own content, and that the head row names the last
 * chained entry. Stops at the first break: everything from `firstBrokenSeq` on is untrusted, everything
 * before it was checked. Then looks at the entries not chained yet: one older than
 * `maxUnchainedSeconds` (the sequencer is not running, or cannot chain it) or one that carries chain
 * fields without a position (inserted behind the service's back) is reported.
 *
 * Runs in one REPEATABLE READ transaction, so the head and the entries come from one snapshot and the
 * sequencer chaining meanwhile cannot make the head look wrong; it only reads, so it blocks nobody.
 */
export async function verifyChain(
  dataSource: DataSource,
  options: VerifyChainOptions = { batchSize: 1000 },
): Promise<ChainVerification> {
  const batchSize = Math.trunc(options.batchSize);
  if (!(batchSize >= 1 && batchSize <= 100_000)) throw new RangeError('batchSize must be 1 to 100000');
  const maxUnchainedSeconds = options.maxUnchainedSeconds ?? DEFAULT_MAX_UNCHAINED_SECONDS;
  if (!(maxUnchainedSeconds >= 0)) throw new RangeError('maxUnchainedSeconds must be 0 or more');
  const now = options.now ?? new Date();
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const heads: { last_seq: string | number; last_hash: string }[] = await manager.query(
      'SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1',
    );
    const [{ n: unchainedCount }]: { n: string | number }[] = await manager.query(
      'SELECT COUNT(*) AS n FROM audit_log WHERE chain_seq IS NULL',
    );
    const unchained = Number(unchainedCount);
    let entries = 0;
    let prevSeq = 0n;
    let prevHash = GENESIS_HASH;
    const broken = (seq: bigint, reason: string, id?: string | number): ChainVerification => ({
      ok: false,
      entries,
      unchained,
      firstBrokenSeq: seq.toString(),
      ...(id === undefined ? {} : { firstBrokenId: String(id) }),
      reason,
    });
    for (;;) {
      const rows: AuditLogRow[] = await manager.query(
        `SELECT ${AUDIT_LOG_COLUMNS} FROM audit_log WHERE chain_seq > ? ORDER BY chain_seq LIMIT ?`,
        [prevSeq.toString(), batchSize],
      );
      for (const row of rows) {
        const seq = BigInt(row.chain_seq as string | number);
        if (seq !== prevSeq + 1n) {
          return broken(
            prevSeq + 1n,
            seq === prevSeq + 2n
              ? `entry ${prevSeq + 1n} is missing`
              : `entries ${prevSeq + 1n} to ${seq - 1n} are missing`,
          );
        }
        if (row.prev_hash !== prevHash) {
          return broken(seq, 'prev_hash does not match the hash of the previous entry', row.id);
        }
        const hash = recomputedHash(row);
        if (hash === null || hash !== row.hash) {
          return broken(seq, 'hash does not match the entry content', row.id);
        }
        entries++;
        prevSeq = seq;
        prevHash = hash;
      }
      if (rows.length < batchSize) break;
    }
    const head = heads[0];
    if (!head) {
      // A missing head is what a test truncation leaves; with nothing chained there is nothing to vouch for.
      if (entries > 0) return broken(prevSeq + 1n, 'the chain head row is missing');
    } else {
      const headSeq = BigInt(head.last_seq);
      if (headSeq > prevSeq) {
        return broken(prevSeq + 1n, `the head records entry ${headSeq} but the trail ends at ${prevSeq}`);
      }
      if (headSeq < prevSeq) {
        return broken(headSeq + 1n, `entries after ${headSeq} were chained without moving the chain head`);
      }
      if (head.last_hash !== prevHash) {
        return broken(prevSeq, 'the chain head hash does not match the last entry');
      }
    }
    if (unchained > 0) {
      const problem = await unchainedProblem(manager, now, maxUnchainedSeconds);
      if (problem) return { ok: false, entries, unchained, ...problem };
    }
    return { ok: true, entries, unchained };
  });
}

/** The oldest unchained entry that is a problem: one with chain fields, else one left too long. */
async function unchainedProblem(
  manager: EntityManager,
  now: Date,
  maxUnchainedSeconds: number,
): Promise<{ unchainedId: string; reason: string } | null> {
  const forged: { id: string | number }[] = await manager.query(
    `SELECT id FROM audit_log WHERE chain_seq IS NULL AND (prev_hash IS NOT NULL OR hash IS NOT NULL)
     ORDER BY id LIMIT 1`,
  );
  if (forged.length > 0) {
    return {
      unchainedId: String(forged[0].id),
      reason: 'an unchained entry carries chain fields (written behind the sequencer)',
    };
  }
  const cutoff = new Date(now.getTime() - maxUnchainedSeconds * 1000);
  const stale: { id: string | number; n: string | number }[] = await manager.query(
    `SELECT (SELECT id FROM audit_log WHERE chain_seq IS NULL AND occurred_at < ? ORDER BY id LIMIT 1) AS id,
            (SELECT COUNT(*) FROM audit_log WHERE chain_seq IS NULL AND occurred_at < ?) AS n`,
    [cutoff, cutoff],
  );
  if (stale[0].id === null) return null;
  return {
    unchainedId: String(stale[0].id),
    reason:
      `${stale[0].n} ${Number(stale[0].n) === 1 ? 'entry' : 'entries'} unchained for more than ` +
      `${maxUnchainedSeconds} s (is the worker's audit sequencer running?)`,
  };
}
