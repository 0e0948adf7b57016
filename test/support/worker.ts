import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { RawEnvironment } from '../../src/config/load-config.js';
import { WorkerModule } from '../../src/worker.module.js';
import { testConfig } from './env.js';

/** The real worker process's module, started in the test process (queues, processors, schedulers). */
export async function startWorker(overrides: RawEnvironment = {}): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(overrides)), {
    logger: false,
  });
  await worker.init();
  return worker;
}
