import './bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { forceExitAfter } from './bootstrap/shutdown.js';
import { ConfigError, loadConfigFromEnvironment } from './config/load-config.js';
import { CONFIG_SECTIONS } from './config-sections.js';
import { assertEveryJobHasAHandler } from './queue/job-handlers.check.js';
import { PROCESSORS, WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const processors = PROCESSORS.map((p) => app.get(p));
  assertEveryJobHasAHandler(processors);
  // Decorator options are static; the configured concurrency is applied to each BullMQ worker here.
  for (const processor of processors) processor.worker.concurrency = config.worker.concurrency;
  app.enableShutdownHooks();
  forceExitAfter(config.shutdownTimeoutMs);
  await app.init();
  app.get(Logger).log(`worker started: queues ${processors.map((p) => p.queueName).join(', ')}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`tiepdan worker: ${error.message}`);
  else console.error('tiepdan worker: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
