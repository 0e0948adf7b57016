/**
 * Verifies the audit trail's hash chain against the configured database (docs/audit.md).
 *
 *   npm run -s audit:verify [-- --batch-size N] [--max-unchained-seconds S]
 *
 * Prints one JSON line — `{"ok":true,"entries":N,"unchained":U}` or `{"ok":false,…,"reason":"…"}` naming
 * the first broken entry (`firstBrokenSeq`, `firstBrokenId`) or the oldest entry left unchained for more
 * than S seconds (`unchainedId`, default 300) — and exits 0 when the chain is intact and every entry is
 * chained in time, 1 when not, 2 when it could not be checked (bad arguments, database unreachable).
 */
import '../../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfigFromEnvironment } from '../../config/load-config.js';
import { CONFIG_SECTIONS } from '../../config-sections.js';
import { databaseOptions } from '../../database/database-options.js';
import { DEFAULT_MAX_UNCHAINED_SECONDS, verifyChain } from '../verify-chain.js';

export const USAGE =
  'usage: audit:verify [--batch-size N] [--max-unchained-seconds S]   ' +
  '(N from 1 to 100000, default 1000; S from 0 to 31536000, default 300)';

interface VerifyArguments {
  batchSize: number;
  maxUnchainedSeconds: number;
}

const FLAGS = {
  '--batch-size': { key: 'batchSize', min: 1, max: 100_000 },
  '--max-unchained-seconds': { key: 'maxUnchainedSeconds', min: 0, max: 31_536_000 },
} as const;

function parseArguments(argv: readonly string[]): VerifyArguments | null {
  const parsed: VerifyArguments = { batchSize: 1000, maxUnchainedSeconds: DEFAULT_MAX_UNCHAINED_SECONDS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (!Object.hasOwn(FLAGS, flag)) return null;
    const spec = FLAGS[flag as keyof typeof FLAGS];
    const value = inline ?? argv[++i];
    if (value === undefined || !/^\d{1,8}$/.test(value)) return null;
    const n = Number(value);
    if (n < spec.min || n > spec.max) return null;
    parsed[spec.key] = n;
  }
  return parsed;
}

/** Runs the check; resolves to the exit code and never calls `process.exit`, so a test can drive it. */
export async function runVerifyAuditCli(
  argv: readonly string[],
  stdout: Writable,
  stderr: Writable,
): Promise<number> {
  const args = parseArguments(argv);
  if (args === null) {
    stderr.write(`${USAGE}\n`);
    return 2;
  }
  let dataSource: DataSource | undefined;
  try {
    const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
    // A plain DataSource, no Nest: raw SQL only, one connection is enough.
    dataSource = new DataSource({
      ...databaseOptions(config),
      poolSize: 1,
      entities: [],
      migrations: [],
    });
    await dataSource.initialize();
    const result = await verifyChain(dataSource, args);
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
