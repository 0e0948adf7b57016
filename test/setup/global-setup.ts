import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

const root = join(__dirname, '..', '..');
/** One database per jest worker; the name reaches the workers through the environment they inherit. */
const workerDatabaseName = (index: number) => `${process.env.DB_NAME ?? 'tiepdan'}_test_w${index}`;

const state = globalThis as { tiepdanDatabasesReady?: boolean };

/**
 * Drops and recreates one database per jest worker, then runs the real migrations into each through the
 * migration CLI on the built code — exactly what production runs. Never `synchronize`.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  if (state.tiepdanDatabasesReady) return; // the integration and e2e projects share one setup
  process.env.TIEPDAN_TEST_DATABASE_PREFIX = workerDatabaseName(0).replace(/0$/, '');
  const workers = Math.max(1, globalConfig.maxWorkers);
  const connection = await createConnection({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USER,
    password: process.env.DB_PASSWORD,
  });
  try {
    for (let i = 1; i <= workers; i++) {
      const name = workerDatabaseName(i);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    }
  } finally {
    await connection.end();
  }
  for (let i = 1; i <= workers; i++) {
    const run = spawnSync(
      process.execPath,
      [join(root, 'scripts/run-built.cjs'), 'typeorm', 'migration:run'],
      {
        cwd: root,
        env: { ...process.env, DB_NAME: workerDatabaseName(i) },
        encoding: 'utf8',
      },
    );
    if (run.status !== 0)
      throw new Error(`migrations failed for ${workerDatabaseName(i)}:\n${run.stdout}\n${run.stderr}`);
  }
  state.tiepdanDatabasesReady = true;
}
