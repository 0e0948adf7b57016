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
