/**
 * Rewrites the stored explanations of case deadlines in the engine's current wording, where nothing but
 * the wording differs (docs/deadlines.md, "The explanation"). Run once after a release that changes the
 * wording; rerunnable.
 *
 *   npm run -s deadlines:refresh-explanations
 *
 * Prints one JSON line `{"refreshed":N,"current":N,"left":N}`; exits 0, or 1 on failure.
 */
import '../../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module.js';
import { CalendarModule } from '../../calendar/calendar.module.js';
import { CliModule } from '../../cli.module.js';
import { ClockModule } from '../../common/clock.js';
import { ConfigError, loadConfigFromEnvironment } from '../../config/load-config.js';
import { CONFIG_SECTIONS } from '../../config-sections.js';
import { CaseDeadlineEntity } from '../case-deadline.entity.js';
import { DeadlineExplanationRefresh } from '../explanation-refresh.service.js';

async function main(): Promise<void> {
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const app = await NestFactory.createApplicationContext(
    {
      module: class RefreshExplanationsCli {},
      imports: [
        CliModule.forRoot(config),
        ClockModule,
        CalendarModule,
        AuditModule,
        TypeOrmModule.forFeature([CaseDeadlineEntity]),
      ],
      providers: [DeadlineExplanationRefresh],
    },
    { logger: ['error', 'warn'] },
  );
  try {
    console.log(JSON.stringify(await app.get(DeadlineExplanationRefresh).refresh()));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  // The error's kind only: no row's content.
  const e = error as { name?: string; code?: unknown };
  console.error(
    `deadlines:refresh-explanations: ${error instanceof ConfigError ? error.message : `${e.name ?? 'Error'} ${String(e.code ?? '')}`}`,
  );
  process.exit(1);
});
