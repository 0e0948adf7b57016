/**
 * The retention sweep from the command line (ADR 0015, docs/personal-data.md):
 *
 *   npm run -s retention -- dry-run   how many records of each class are past retention, changing nothing
 *   npm run -s retention -- run       anonymise them now (what the worker's scheduled sweep does)
 *
 * Prints one JSON line `{"mode":…,"today":…,"classes":{"reception_visit":{"period":…,"cutoff":…,"records":N},…},
 * "splitLetters":N}`; exits 0, or 1 on failure (never a person's data in either).
 */
import '../../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../../cli.module.js';
import { ClockModule } from '../../common/clock.js';
import { ConfigError, loadConfigFromEnvironment } from '../../config/load-config.js';
import { CONFIG_SECTIONS } from '../../config-sections.js';
import { RetentionModule } from '../retention.module.js';
import { RetentionService } from '../retention.service.js';

async function main(): Promise<void> {
  const [command] = process.argv.slice(2);
  if (command !== 'run' && command !== 'dry-run') throw new Error('usage: retention run | dry-run');
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const app = await NestFactory.createApplicationContext(
    {
      module: class RetentionCli {},
      imports: [CliModule.forRoot(config), ClockModule, RetentionModule],
    },
    { logger: ['error', 'warn'] },
  );
  try {
    const retention = app.get(RetentionService);
    console.log(JSON.stringify(command === 'run' ? await retention.run() : await retention.dryRun()));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  // Never a record's data: the error's kind (and a usage or configuration message) is enough to act on.
  const e = error as { name?: string; code?: unknown; message?: string };
  const usage = e.message?.startsWith('usage:') ? e.message : undefined;
  console.error(
    `retention: ${error instanceof ConfigError ? error.message : (usage ?? `${e.name ?? 'Error'} ${String(e.code ?? '')}`)}`,
  );
  process.exit(1);
});
