import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { QUEUES } from '../../src/queue/queues.js';
import { WorkerModule } from '../../src/worker.module.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { until } from '../support/wait.js';

describe('the worker process', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(testConfig({ WORKER_HEARTBEAT_SECONDS: '1' })),
      {
        logger: false,
      },
    );
    await worker.init();
    dataSource = worker.get<DataSource>(getDataSourceToken());
    queue = worker.get<Queue>(getQueueToken(QUEUES.maintenance.name));
  });
  beforeEach(() => truncateAll(dataSource));
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await worker?.close();
  });

  it('runs the scheduled heartbeat through Redis and records it in the database', async () => {
    const count = async () =>
      Number((await dataSource.query('SELECT COALESCE(SUM(beats), 0) AS n FROM worker_heartbeats'))[0].n);
    await until(async () => (await count()) >= 2, 8000);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain(QUEUES.maintenance.jobs.workerHeartbeat);
  });

  it('fails a job whose name has no handler, without retrying it', async () => {
    const job = await queue.add('no-such-job', {}, { attempts: 5 });
    await until(async () => (await job.getState()) === 'failed');
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toContain('no handler');
  });
});
