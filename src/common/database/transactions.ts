import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { databaseBusy, isRetryableLockError } from './db-errors.js';

const logger = new Logger('Transactions');

/** The named mutexes seeded by migrations (table `mutexes`). */
export type MutexName = 'unit_tree';

/** Takes a named mutex for the rest of the transaction (released at commit or rollback). */
export async function lockMutex(manager: EntityManager, name: MutexName): Promise<void> {
  const rows: unknown[] = await manager.query('SELECT name FROM mutexes WHERE name = ? FOR UPDATE', [name]);
  if (rows.length === 0) throw new Error(`mutex ${name} is missing: run the migrations`);
}

/**
 * Locks rows of one table by id, in id order (every locker takes them in the same order), for the rest
 * of the transaction. Missing ids are skipped. `table` is a constant of the caller, never input.
 */
export async function lockRowsById(
  manager: EntityManager,
  table: string,
  ids: readonly string[],
): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  for (let i = 0; i < sorted.length; i += 500) {
    const chunk = sorted.slice(i, i + 500);
    await manager.query(
      `SELECT id FROM \`${table}\` WHERE id IN (${chunk.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`,
      chunk,
    );
  }
}

/** The before-commit hooks of each open `transactionWithRetry` transaction, by its manager. */
const beforeCommitHooks = new WeakMap<EntityManager, Array<() => Promise<void>>>();

/**
 * Runs `hook` in the caller's transaction after its work is done, as its last statements before the
 * commit (hooks in the order they were added; a hook may add another). For a lock every writer in the
 * system needs — the case-number counter — so that it is held only for the commit, not for the
 * transaction (docs/database.md, "Locks: one order"; ADR 0019). Not run if the work throws; a retried
 * transaction runs only the hooks its new attempt adds. Only inside `transactionWithRetry`.
 */
export function beforeCommit(manager: EntityManager, hook: () => Promise<void>): void {
  const hooks = beforeCommitHooks.get(manager);
  if (!hooks) throw new Error('beforeCommit needs a transaction opened by transactionWithRetry');
  hooks.push(hook);
}

/**
 * One transaction, retried from the start when the database chose it as a deadlock victim or a lock
 * wait timed out; after the last try the caller gets a 503 to retry, never a raw 500. Its `beforeCommit`
 * hooks run after `work`, before the commit.
 */
export async function transactionWithRetry<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  tries = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(async (manager) => {
        const hooks: Array<() => Promise<void>> = [];
        beforeCommitHooks.set(manager, hooks);
        try {
          const result = await work(manager);
          for (let i = 0; i < hooks.length; i++) await hooks[i]();
          return result;
        } finally {
          beforeCommitHooks.delete(manager);
        }
      });
    } catch (error) {
      if (!isRetryableLockError(error)) throw error;
      if (attempt >= tries) {
        throw databaseBusy('conflict');
      }
      logger.warn({ attempt }, 'transaction retried after a lock conflict');
      // Exponential backoff with jitter, so the transactions that collided do not collide again in step.
      const ceiling = 25 * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
    }
  }
}
