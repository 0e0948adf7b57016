import { AUDIT_SEQUENCER_LOCK } from '../../src/audit/audit-sequencer.js';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * How long a truncation waits for a table's metadata lock or the sequencer's lock before it says who holds
 * it. MariaDB's own `lock_wait_timeout` is a day: a transaction left open elsewhere would otherwise hold the
 * `TRUNCATE` (and every test after it) until the hook timeout, with nothing saying why. Shorter than the
 * 30 s hook timeout of the slowest spec, so the explanation is what the test reports.
 */
const LOCK_WAIT_SECONDS = 15;
/** A transaction idle this long on this test database is one a process left open, not a step in a test. */
const LEAKED_AFTER_SECONDS = 10;

interface Holder {
  id: number;
  command: string;
  time: number;
  state: string | null;
  info: string | null;
  trxStarted: string | null;
  trxSeconds: number | null;
}

/** The other connections on this database, with their open transaction if any: who may hold a lock. */
async function otherConnections(manager: EntityManager): Promise<Holder[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT p.ID AS id, p.COMMAND AS command, p.TIME AS time, p.STATE AS state, LEFT(p.INFO, 160) AS info,
            t.trx_started AS trxStarted, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS trxSeconds
       FROM information_schema.PROCESSLIST p
       LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID
      WHERE p.DB = DATABASE() AND p.ID <> CONNECTION_ID()`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    command: String(r.command),
    time: Number(r.time),
    state: (r.state as string | null) ?? null,
    info: (r.info as string | null) ?? null,
    trxStarted: r.trxStarted ? String(r.trxStarted) : null,
    trxSeconds: r.trxSeconds === null || r.trxSeconds === undefined ? null : Number(r.trxSeconds),
  }));
}

const describeHolders = (holders: Holder[]) =>
  holders
    .map(
      (h) =>
        `#${h.id} ${h.command} ${h.time}s ${h.state ?? ''}` +
        (h.trxStarted ? ` transaction open ${h.trxSeconds}s` : '') +
        (h.info ? ` «${h.info}»` : ''),
    )
    .join('; ') || 'none';

/** Idle connections whose transaction has been open for longer than any test step takes. */
const leaked = (holders: Holder[]) =>
  holders.filter(
    (h) => h.command === 'Sleep' && h.trxSeconds !== null && h.trxSeconds >= LEAKED_AFTER_SECONDS,
  );

const isLockWaitTimeout = (e: unknown) => (e as { errno?: number }).errno === 1205;

/**
 * Empties every table but the migrations ledger and the rows migrations seed (`mutexes`), so each test
 * starts from the freshly migrated schema.
 *
 * A `TRUNCATE` needs every table's metadata lock, which any open transaction that touched the table holds.
 * One left open by an earlier test file's process in the same jest worker (a pool its spec did not close,
 * a job stopped mid-transaction by a bounded shutdown) would hold it for ever. So the wait is bounded; then
 * idle transactions open for longer than any test step are ended, named on stderr, and the truncation is
 * tried once more; anything else holding the lock fails the hook with the list of who holds what.
 */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  try {
    await truncateOnce(dataSource);
  } catch (e) {
    if (!(e instanceof LockWaitError)) throw e;
    const stale = leaked(e.holders);
    if (stale.length === 0) throw e;
    process.stderr.write(
      `truncateAll: ending ${stale.length} transaction(s) left open on the test database: ${describeHolders(stale)}\n`,
    );
    for (const h of stale) await dataSource.query(`KILL ${h.id}`).catch(() => undefined);
    await truncateOnce(dataSource);
  }
}

class LockWaitError extends Error {
  constructor(
    what: string,
    readonly holders: Holder[],
  ) {
    super(
      `truncateAll: ${what} waited ${LOCK_WAIT_SECONDS} s for a lock; other connections: ${describeHolders(holders)}`,
    );
  }
}

async function truncateOnce(dataSource: DataSource): Promise<void> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('migrations', 'mutexes')`,
  );
  await dataSource.transaction(async (manager) => {
    const truncate = async (name: string) => {
      try {
        await manager.query(`TRUNCATE TABLE \`${name}\``);
      } catch (e) {
        if (isLockWaitTimeout(e))
          throw new LockWaitError(`TRUNCATE ${name}`, await otherConnections(manager));
        throw e;
      }
    };
    await manager.query('SET SESSION lock_wait_timeout = ?', [LOCK_WAIT_SECONDS]);
    await manager.query('SET FOREIGN_KEY_CHECKS = 0');
    try {
      // The audit trail's two tables go together while no sequencer runs (the worker a test started): this
      // connection holds the sequencer's own sweep lock meanwhile, so a run waits or skips, and never sees
      // chained rows without their head. (Not LOCK TABLES: inside a transaction it takes InnoDB table locks
      // that a running sequencer's row locks and metadata locks can hold up for the 50 s lock wait.)
      const [{ got }] = await manager.query('SELECT GET_LOCK(CONCAT(DATABASE(), ?), ?) AS got', [
        `.${AUDIT_SEQUENCER_LOCK}`,
        LOCK_WAIT_SECONDS,
      ]);
      if (Number(got) !== 1)
        throw new LockWaitError('the audit sequencer lock', await otherConnections(manager));
      try {
        await truncate('audit_log');
        await truncate('audit_chain_head');
      } finally {
        await manager.query('SELECT RELEASE_LOCK(CONCAT(DATABASE(), ?))', [`.${AUDIT_SEQUENCER_LOCK}`]);
      }
      for (const { name } of tables) {
        if (name !== 'audit_log' && name !== 'audit_chain_head') await truncate(name);
      }
    } finally {
      // The connection goes back to the pool: leave it as the pool gave it.
      await manager.query('SET FOREIGN_KEY_CHECKS = 1');
      await manager.query('SET SESSION lock_wait_timeout = DEFAULT');
    }
  });
}
