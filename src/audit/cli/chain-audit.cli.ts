/**
 * Runs the audit sequencer once against the configured database (docs/audit.md): chains every audit
 * entry committed and not yet chained, then exits. The worker does the same every AUDIT_CHAIN_SECONDS;
 * this is for an operator (after a long worker outage, before a verification) and for scripts.
 *
 *   npm run -s audit:chain [-- --batch-size N]
 *
 * Prints one JSON line — `{"chained":N,"lastSeq":"…"}`, or `{"skipped":true}` when the worker's
 * sequencer holds the lock at that moment — and exits 0; 2 when it could not run (bad arguments,
 * database unreachable, the chain head missing).
 */
import '../../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfigFromEnvironment } from '../../config/load-config.js';
import { CONFIG_SECTIONS } from '../../config-sections.js';
import { databaseOptions } from '../../database/database-options.js';
import { AuditError } from '../audit-error.js';
import { runAuditSequencer } from '../audit-sequencer.js';

export const USAGE = 'usage: audit:chain [--batch-size N]   (N from 1 to 10000, default 1000)';

function parseBatchSize(argv: readonly string[]): number | null {
  let batchSize = 1000;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === '--batch-size' ? argv[++i] : arg.startsWith('--batch-size=') ? arg.slice(13) : null;
    if (value === null || value === undefined || !/^\d{1,5}$/.test(value)) return null;
    batchSize = Number(value);
    if (batchSize < 1 || batchSize > 10_000) return null;
  }
  return batchSize;
}

/** Runs the sequencer; resolves to the exit code and never calls `process.exit`, so a test can drive it. */
export async function runChainAuditCli(
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
    const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
    // A plain DataSource, no Nest: raw SQL only; the sweep lock has a connection of its own.
    dataSource = new DataSource({
      ...databaseOptions(config),
      poolSize: 1,
      entities: [],
      migrations: [],
    });
    await dataSource.initialize();
    const result = await runAuditSequencer(dataSource, { batchSize });
    stdout.write(`${JSON.stringify(result ?? { skipped: true })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof AuditError) {
      stderr.write(`audit:chain: ${error.message}\n`);
      return 2;
    }
    // Driver messages can quote values; the error's name and code say enough to act on.
    const e = error as { name?: string; code?: unknown };
    stderr.write(`audit:chain: could not chain: ${e.name ?? 'Error'} ${String(e.code ?? '')}\n`);
    return 2;
  } finally {
    await dataSource?.destroy().catch(() => undefined);
  }
}

if (require.main === module) {
  void runChainAuditCli(process.argv.slice(2), process.stdout, process.stderr).then((code) => {
    process.exitCode = code;
  });
}
