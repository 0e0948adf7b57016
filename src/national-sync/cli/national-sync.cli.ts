/**
 * The national database sync from the command line (docs/national-database.md):
 *
 *   npm run -s national-sync -- backfill              outbox rows for every record that has none (resumable)
 *   npm run -s national-sync -- deliver               deliver everything due now through the transport
 *   npm run -s national-sync -- reconcile [acks.jsonl] apply the national side's acknowledgements, then
 *                                                     print what exists against what it acknowledged
 *
 * Prints one JSON line; exits 0, or 1 on failure (never a person's data in either).
 */
import '../../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../../cli.module.js';
import { ClockModule } from '../../common/clock.js';
import { ConfigError, loadConfigFromEnvironment } from '../../config/load-config.js';
import { CONFIG_SECTIONS } from '../../config-sections.js';
import { QueueModule } from '../../queue/queue.module.js';
import { NationalSyncDelivery } from '../national-sync-delivery.service.js';
import { NationalSyncModule } from '../national-sync.module.js';
import { NationalSyncReports } from '../national-sync-reports.service.js';

/** The acknowledgement lines of a file: `{ "idempotencyKey": …, "reference": … }` per line. */
export function parseAcknowledgements(
  text: string,
): Array<{ idempotencyKey: string; reference: string | null }> {
  const out: Array<{ idempotencyKey: string; reference: string | null }> = [];
  for (const [n, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const value = JSON.parse(line) as { idempotencyKey?: unknown; reference?: unknown };
    if (typeof value.idempotencyKey !== 'string') throw new Error(`line ${n + 1}: no idempotencyKey`);
    out.push({
      idempotencyKey: value.idempotencyKey,
      reference: typeof value.reference === 'string' ? value.reference.slice(0, 100) : null,
    });
  }
  return out;
}

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if (!['backfill', 'deliver', 'reconcile'].includes(command ?? '')) {
    throw new Error('usage: national-sync backfill | deliver | reconcile [acks.jsonl]');
  }
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const app = await NestFactory.createApplicationContext(
    {
      module: class NationalSyncCli {},
      imports: [CliModule.forRoot(config), ClockModule, QueueModule.forRoot('producer'), NationalSyncModule],
    },
    { logger: ['error', 'warn'] },
  );
  try {
    const reports = app.get(NationalSyncReports);
    if (command === 'backfill') console.log(JSON.stringify({ backfilled: await reports.backfill() }));
    else if (command === 'deliver')
      console.log(JSON.stringify({ delivered: await app.get(NationalSyncDelivery).drain() }));
    else {
      const acks = file
        ? await reports.applyAcknowledgements(parseAcknowledgements(await readFile(file, 'utf8')))
        : null;
      console.log(
        JSON.stringify({
          acknowledged: acks?.acknowledged ?? 0,
          ...(await reports.reconcile(acks?.unknown ?? [])),
        }),
      );
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  const e = error as { name?: string; code?: unknown; message?: string };
  console.error(
    `national-sync: ${error instanceof ConfigError || e.message?.startsWith('usage') || e.message?.startsWith('line') ? e.message : `${e.name ?? 'Error'} ${String(e.code ?? '')}`}`,
  );
  process.exit(1);
});
