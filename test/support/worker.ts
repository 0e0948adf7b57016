import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from '../../src/queue/queues.js';
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
  // The escalation and enforcement-review sweeps act on today's real date: left running they would race
  // a test's own truncation and mocked clock. Tests that need them run them themselves.
  for (const name of [QUEUES.escalation.name, QUEUES.enforcement.name]) {
    const queue = worker.get<Queue>(getQueueToken(name));
    for (const scheduler of await queue.getJobSchedulers()) {
      if (scheduler.key) await queue.removeJobScheduler(scheduler.key);
    }
    await queue.drain(true);
  }
  return worker;
}
