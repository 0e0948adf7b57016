import type { DataSource, EntityManager } from 'typeorm';
import { withSweepLock } from '../common/database/sweep-lock.js';
import { AuditError } from './audit-error.js';
import { sha256Hex } from './audit-hash.js';
import { chainHash, GENESIS_HASH } from './domain/chain.js';
import { AUDIT_LOG_COLUMNS, contentOfRow, type AuditLogRow } from './verify-chain.js';

/**
 * The audit chain's sequencer (docs/audit.md, docs/adr/0007-audit-chain-sequencer.md).
 *
 * Commands insert their entry unchained (no chain_seq, prev_hash, hash) and take no shared lock. The
 * sequencer then chains committed entries in the order it finds them: each gets the next `chain_seq`
 * (1, 2, 3… without gaps), the previous entry's hash as `prev_hash`, and its own `hash`. One batch is one
 * transaction that also moves the chain head, so a crash leaves each batch either fully chained or not
 * at all, and the next run continues from the head.
 *
 * Two sequencers never chain at once: the scheduled run takes a sweep lock, and every batch locks the
 * head row (`SELECT … FOR UPDATE`) before reading it, so even a run that bypasses the sweep lock (the CLI
 * next to the worker) waits and then continues from the head the other one left. The unique index on
 * `chain_seq` and the UPDATE trigger (only null → value) make a double chaining fail rather than fork.
 */

export interface ChainPendingOptions {
  /** Entries chained per transaction (1 to 10000). */
  batchSize: number;
  /** Batches per run at most (a scheduled run stays short; the next one continues). Default: no limit. */
  maxBatches?: number;
  /**
   * Called inside a batch's transaction after each group of rows is updated, with the number updated so
   * far in that batch. A test seam: throwing here is a crash in the middle of a batch.
   */
  afterUpdate?: (chainedInBatch: number) => Promise<void> | void;
}

export interface ChainPendingResult {
  /** Entries chained by this run. */
  chained: number;
  /** The chain position of the last entry chained so far (0: nothing chained yet). */
  lastSeq: string;
}

/** Rows per UPDATE statement: one round trip for many rows, statements of bounded length. */
const ROWS_PER_UPDATE = 200;

/** The sweep lock's name: one scheduled sequencer at a time across every worker. */
export const AUDIT_SEQUENCER_LOCK = 'audit-chain-sequencer';

/**
 * Chains every entry committed and not yet chained, a batch per transaction, until none is left (or
 * `maxBatches`). Safe to run beside another sequencer (it waits on the head row); see the file comment.
 */
export async function chainPendingEntries(
  dataSource: DataSource,
  options: ChainPendingOptions,
): Promise<ChainPendingResult> {
  const batchSize = Math.trunc(options.batchSize);
  if (!(batchSize >= 1 && batchSize <= 10_000)) throw new RangeError('batchSize must be 1 to 10000');
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  let chained = 0;
  let lastSeq = '0';
  for (let batch = 0; batch < maxBatches; batch++) {
    // READ COMMITTED: the plain reads see what is committed now (a row of a command still open is simply
    // not there yet), and no gap locks are taken that would hold up commands inserting entries.
    const result = await dataSource.transaction('READ COMMITTED', (manager) =>
      chainBatch(manager, batchSize, options.afterUpdate),
    );
    chained += result.chained;
    lastSeq = result.lastSeq;
    if (result.chained < batchSize) break;
  }
  return { chained, lastSeq };
}

/**
 * The scheduled run: `chainPendingEntries` under the sweep lock. Null when another run holds the lock
 * (it is chaining already; this one has nothing to add).
 */
export function runAuditSequencer(
  dataSource: DataSource,
  options: ChainPendingOptions,
): Promise<ChainPendingResult | null> {
  return withSweepLock(dataSource, AUDIT_SEQUENCER_LOCK, () => chainPendingEntries(dataSource, options));
}

interface HeadRow {
  last_seq: string | number;
  last_hash: string;
}

async function chainBatch(
  manager: EntityManager,
  batchSize: number,
  afterUpdate: ChainPendingOptions['afterUpdate'],
): Promise<ChainPendingResult> {
  const head = await lockHead(manager);
  const rows: AuditLogRow[] = await manager.query(
    `SELECT ${AUDIT_LOG_COLUMNS} FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT ?`,
    [batchSize],
  );
  let seq = BigInt(head.last_seq);
  let prevHash = head.last_hash;
  const links = rows.map((row) => {
    seq += 1n;
    const hash = chainHash(prevHash, contentOfRow(row), sha256Hex);
    const link = { id: String(row.id), seq: seq.toString(), prevHash, hash };
    prevHash = hash;
    return link;
  });
  for (let start = 0; start < links.length; start += ROWS_PER_UPDATE) {
    const group = links.slice(start, start + ROWS_PER_UPDATE);
    const cases = (pick: (link: (typeof group)[number]) => string) => ({
      sql: `CASE id ${group.map(() => 'WHEN ? THEN ?').join(' ')} END`,
      params: group.flatMap((link) => [link.id, pick(link)]),
    });
    const seqs = cases((link) => link.seq);
    const prevs = cases((link) => link.prevHash);
    const hashes = cases((link) => link.hash);
    const result: { affectedRows?: number } = await manager.query(
      `UPDATE audit_log SET chain_seq = ${seqs.sql}, prev_hash = ${prevs.sql}, hash = ${hashes.sql}
       WHERE id IN (${group.map(() => '?').join(', ')}) AND chain_seq IS NULL`,
      [...seqs.params, ...prevs.params, ...hashes.params, ...group.map((link) => link.id)],
    );
    // Under the head lock nobody else chains; a row already chained means the invariant broke.
    if (result.affectedRows !== group.length) {
      throw new Error(
        `audit sequencer: chained ${result.affectedRows} of ${group.length} rows; the batch is undone`,
      );
    }
    await afterUpdate?.(start + group.length);
  }
  if (links.length > 0) {
    await manager.query('UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1', [
      seq.toString(),
      prevHash,
    ]);
  }
  return { chained: links.length, lastSeq: seq.toString() };
}

/**
 * Locks the chain head for the batch and returns it. The upsert comes first so the lock is always taken
 * on an existing row: the migration seeds it, but `truncateAll` in tests empties it, and two sequencers
 * that both found it missing with `SELECT … FOR UPDATE` would deadlock on re-inserting it.
 */
async function lockHead(manager: EntityManager): Promise<HeadRow> {
  await manager.query(
    'INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, ?) ON DUPLICATE KEY UPDATE id = id',
    [GENESIS_HASH],
  );
  const [head]: HeadRow[] = await manager.query(
    'SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE',
  );
  if (BigInt(head.last_seq) === 0n) {
    // At genesis nothing may be chained yet. If something is, the head row was deleted: restarting the
    // chain would collide with position 1 and hide the deletion, so stop chaining until someone looks.
    const chained: unknown[] = await manager.query(
      'SELECT chain_seq FROM audit_log WHERE chain_seq IS NOT NULL LIMIT 1',
    );
    if (chained.length > 0) {
      throw new AuditError(
        'AUDIT_CHAIN_HEAD_MISSING',
        'The audit trail cannot be chained: its chain head is missing. Run audit:verify.',
        'unavailable',
      );
    }
  }
  return head;
}
