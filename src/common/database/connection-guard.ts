import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import { databaseBusy } from './db-errors.js';

/**
 * Two rules about the connection pool that a burst of simultaneous commands depends on
 * (docs/database.md, "The pool"):
 *
 * 1. **A command never waits for a second pooled connection while it holds one.** With N pooled
 *    connections and N commands each holding one and waiting for another, nobody ever gets one: the
 *    process is wedged for good. In development and tests (`DB_CONNECTION_GUARD`) taking a pooled
 *    connection inside an open transaction's async context throws at once, naming where the transaction
 *    was opened and where the second connection was asked for. Reads inside a command go through the
 *    command's `manager`.
 * 2. **Nobody waits for a connection for ever.** Past `DB_ACQUIRE_TIMEOUT_MS` the caller gets
 *    `503 DATABASE_BUSY` (with Retry-After); a connection that turns up after the caller gave up goes
 *    straight back to the pool.
 */

interface TransactionScope {
  /** Where the transaction was opened: an Error whose `.stack` is formatted only if it is ever read. */
  readonly openedAt: Error;
  /** The transaction's own connection has been taken (the first acquisition in the scope). */
  holding: boolean;
  /** Cleared when the transaction ends, so work that outlives it may use the pool again. */
  open: boolean;
}

const transactionScopes = new AsyncLocalStorage<TransactionScope>();

/** A programming error: a command asked the pool for a second connection while holding one. */
export class SecondPooledConnectionError extends Error {
  constructor(openedAt: Error, askedAt: Error) {
    super(
      'A second pooled connection was requested inside an open transaction: use the transaction manager ' +
        `(or load outside the transaction).\n--- transaction opened at:\n${frames(openedAt.stack)}\n` +
        `--- second connection requested at:\n${frames(askedAt.stack)}`,
    );
    this.name = 'SecondPooledConnectionError';
  }
}

export interface PoolGuardOptions {
  acquireTimeoutMs: number;
  /** Throw on a second pooled connection inside a transaction (development and tests). */
  guardNestedAcquire: boolean;
}

interface PooledConnection {
  release(): void;
}

interface MysqlDriverLike {
  obtainMasterConnection(): Promise<PooledConnection>;
  obtainSlaveConnection(): Promise<PooledConnection>;
}

const installed = new WeakSet<DataSource>();

/** Installs both rules on an initialised MySQL/MariaDB DataSource (once; a second call does nothing). */
export function installPoolGuards(dataSource: DataSource, options: PoolGuardOptions): void {
  if (installed.has(dataSource)) return;
  installed.add(dataSource);
  const driver = dataSource.driver as unknown as MysqlDriverLike;
  for (const method of ['obtainMasterConnection', 'obtainSlaveConnection'] as const) {
    const obtain = driver[method].bind(driver);
    driver[method] = () => {
      if (options.guardNestedAcquire) {
        const scope = transactionScopes.getStore();
        if (scope?.open) {
          if (scope.holding) {
            return Promise.reject(new SecondPooledConnectionError(scope.openedAt, stackHere()));
          }
          scope.holding = true;
        }
      }
      return acquireWithin(obtain(), options.acquireTimeoutMs);
    };
  }
  if (!options.guardNestedAcquire) return;
  // dataSource.transaction() delegates to its manager's transaction(); managers bound to a query runner
  // (the `manager` a transaction hands its work) are other instances and keep reusing their connection.
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  (manager as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (
    ...args: unknown[]
  ) => {
    const outer = transactionScopes.getStore();
    if (outer?.open) {
      // A transaction opened from inside another one takes a second connection as well.
      return Promise.reject(new SecondPooledConnectionError(outer.openedAt, stackHere()));
    }
    const scope: TransactionScope = { openedAt: stackHere(), holding: false, open: true };
    return transactionScopes
      .run(scope, () => transaction(...args))
      .finally(() => {
        scope.open = false;
      });
  };
}

/** Waits at most `timeoutMs` for the pool; a connection that arrives later is handed straight back. */
function acquireWithin(acquiring: Promise<PooledConnection>, timeoutMs: number): Promise<PooledConnection> {
  return new Promise((resolve, reject) => {
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      reject(databaseBusy('pool'));
    }, timeoutMs);
    acquiring.then(
      (connection) => {
        if (gaveUp) connection.release();
        else {
          clearTimeout(timer);
          resolve(connection);
        }
      },
      (error: unknown) => {
        if (gaveUp) return;
        clearTimeout(timer);
        // As the driver gave it (its code says what went wrong; it may come from another realm).
        reject(error as Error);
      },
    );
  });
}

/**
 * The call site, as an Error: V8 records the frames when it is made but formats `.stack` only when it is
 * read — here, only when the guard throws. (Formatting it for every transaction cost ~0.1 ms of the
 * API's CPU a command: docs/load.md, "Intake's CPU".)
 */
function stackHere(): Error {
  return new Error('call site');
}

/** The frames of a stack, without the message line and without this file's own frames. */
function frames(stack: string | undefined): string {
  return (stack ?? '(no stack)')
    .split('\n')
    .slice(1)
    .filter((line) => !line.includes('connection-guard'))
    .slice(0, 12)
    .join('\n');
}
