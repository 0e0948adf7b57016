/**
 * Verifies the audit trail's hash chain against the configured database (docs/audit.md).
 *
 *   npm run -s audit:verify [-- --batch-size N]
 *
 * Prints one JSON line — `{"ok":true,"entries":N}` or
 * `{"ok":false,"entries":N,"firstBrokenId":"…","reason":"…"}` — and exits 0 when the chain is intact,
 * 1 when it is broken, 2 when it could not be checked (bad arguments, database unreachable).
 */
import '../../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfigFromEnvironment } from '../../config/load-config.js';
import { databaseOptions } from '../../database/database-options.js';
import { verifyChain } from '../verify-chain.js';

export const USAGE = 'usage: audit:verify [--batch-size N]   (N from 1 to 100000, default 1000)';

function parseBatchSize(argv: readonly string[]): number | null {
  let batchSize = 1000;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === '--batch-size' ? argv[++i] : arg.startsWith('--batch-size=') ? arg.slice(13) : null;
    if (value === null || value === undefined || !/^\d{1,6}$/.test(value)) return null;
    batchSize = Number(value);
    if (batchSize < 1 || batchSize > 100_000) return null;
  }
  return batchSize;
}

/** Runs the check; resolves to the exit code and never calls `process.exit`, so a test can drive it. */
export async function runVerifyAuditCli(
  argv: readonly string[],
  stdout: Writable,
  stderr: Writable,
): Promise<number> {
  const batchSize = parseBatchSize(argv);
  if (batchSize === null) {
    stderr.write(`${USAGE}\n`);
    return 2;
  }
  let dataSource: DataSource | undefined;
  try {
    const config = loadConfigFromEnvironment();
    // A plain DataSource, no Nest: raw SQL only, one connection is enough.
    dataSource = new DataSource({
      ...databaseOptions(config),
      poolSize: 1,
      entities: [],
      migrations: [],
    });
    await dataSource.initialize();
    const result = await verifyChain(dataSource, { batchSize });
    stdout.write(`${JSON.stringify(result)}\n`);
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof ConfigError) {
      stderr.write(`audit:verify: ${error.message}\n`);
      return 2;
    }
    // Driver messages can quote values; the error's name and code say enough to act on.
    const e = error as { name?: string; code?: unknown };
    stderr.write(`audit:verify: could not check the chain: ${e.name ?? 'Error'} ${String(e.code ?? '')}\n`);
    return 2;
  } finally {
    await dataSource?.destroy().catch(() => undefined);
  }
}

if (require.main === module) {
  void runVerifyAuditCli(process.argv.slice(2), process.stdout, process.stderr).then((code) => {
    process.exitCode = code;
  });
}
