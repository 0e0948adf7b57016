import { DomainError } from '../domain/domain-error.js';

/** MySQL/MariaDB driver errors the services turn into domain errors. */
interface DriverError {
  code?: string;
  errno?: number;
  sqlMessage?: string;
  driverError?: DriverError;
}

function driverError(error: unknown): DriverError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as DriverError;
  return e.driverError ?? e;
}

/** A unique-key violation, optionally of one named constraint (every constraint is named). */
export function isDuplicateKey(error: unknown, constraint?: string): boolean {
  const e = driverError(error);
  if (e?.code !== 'ER_DUP_ENTRY' && e?.errno !== 1062) return false;
  return constraint === undefined || (e.sqlMessage ?? '').includes(constraint);
}

/** A deadlock or lock-wait timeout: the transaction may be retried as a whole. */
export function isRetryableLockError(error: unknown): boolean {
  const e = driverError(error);
  return (
    e?.code === 'ER_LOCK_DEADLOCK' ||
    e?.code === 'ER_LOCK_WAIT_TIMEOUT' ||
    e?.errno === 1213 ||
    e?.errno === 1205
  );
}

/** Socket-level and server-state codes that mean "the database cannot be reached right now". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR', // 1040 too many connections
  'ER_SERVER_SHUTDOWN', // 1053
  'ER_QUERY_INTERRUPTED', // 1317: the server is shutting down and killed the statement
  'CR_SERVER_GONE_ERROR', // 2006
  'CR_SERVER_LOST', // 2013
  // With replicas (ADR 0013) the pool is mysql2's PoolCluster: after 5 failed connections it takes the
  // primary out for `restoreNodeTimeout` and answers this instead of trying (bench:cluster found it a 500).
  'POOL_NONEONLINE',
]);

/**
 * The database server is down, unreachable or refusing connections (not a bad query): the caller gets
 * 503 DATABASE_UNAVAILABLE and may retry. mysql2 reports a closed pool or connection without a code.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const e = driverError(error);
  if (e === undefined) return false;
  if (e.code !== undefined && UNREACHABLE_CODES.has(e.code)) return true;
  if (e.errno === 1040 || e.errno === 1053 || e.errno === 2006 || e.errno === 2013) return true;
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /^(Pool is closed|Can't add new command when connection is in closed state|Connection lost)/.test(message)
  );
}

/**
 * `503 DATABASE_BUSY`: the database could not take the command now — every pooled connection in use, or
 * the lock-conflict retries spent. The client may retry (the filter adds Retry-After).
 */
export function databaseBusy(why: 'pool' | 'conflict'): DomainError {
  return new DomainError(
    'DATABASE_BUSY',
    why === 'pool'
      ? 'Every database connection is in use; try again in a moment.'
      : 'The database is busy with a conflicting change; try again.',
    'unavailable',
  );
}
