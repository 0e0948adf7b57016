import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';

/**
 * Runs `work` under a database lock named per database (`GET_LOCK`); a run that finds the lock taken does
 * nothing and returns null — the overlap guard of the scheduled sweeps.
 *
 * The lock is held on a connection of its own, opened for the run and outside the pool. A sweep's work
 * takes pooled connections (its per-item transactions); were the lock held on a pooled one too, as many
 * sweeps starting together as the pool has connections would each hold one and wait for a second for
 * ever (seen: five sweeps firing at a worker's start with a pool of five).
 */
export async function withSweepLock<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<T | null> {
  // The MySQL options of the data source (database-options.ts); typeorm does not export their type.
  const options = dataSource.options as {
    host?: string;
    port?: number;
    socketPath?: string;
    username?: string;
    password?: string;
    database?: string;
    ssl?: mysql.ConnectionOptions['ssl'];
    connectTimeout?: number;
  };
  const connection = await mysql.createConnection({
    host: options.host,
    port: options.port,
    socketPath: options.socketPath,
    user: options.username,
    password: options.password,
    database: options.database,
    ssl: options.ssl,
    connectTimeout: options.connectTimeout,
  });
  // Outside the pool nothing else listens: a connection dropped while `work` runs (a server restart, an
  // idle kill) must not become an unhandled 'error' that ends the process. The lock goes with it.
  connection.on('error', () => undefined);
  try {
    const [rows] = await connection.query('SELECT GET_LOCK(CONCAT(DATABASE(), ?), 0) AS got', [`.${name}`]);
    if (Number((rows as { got: number | string | null }[])[0].got) !== 1) return null;
    try {
      return await work();
    } finally {
      // A failed release (the connection lost) must not hide the work's outcome: ending the connection
      // below drops the lock anyway.
      await connection
        .query('SELECT RELEASE_LOCK(CONCAT(DATABASE(), ?))', [`.${name}`])
        .catch(() => undefined);
    }
  } finally {
    // Ending the connection also drops the lock if the release above failed.
    await connection.end().catch(() => connection.destroy());
  }
}
