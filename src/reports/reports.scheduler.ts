import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '../queue/queues.js';

/** Every minute: a run whose job was lost waits at most about two minutes. */
export const REPORT_RUN_SWEEP_EVERY_MS = 60_000;

/**
 * Registers the report-run sweep when the worker starts (one scheduler per id in BullMQ, however many
 * workers). A run that overlaps a slow previous one skips itself (database lock).
 */
@Injectable()
export class ReportsScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.reports.name) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      QUEUES.reports.jobs.sweep,
      { every: REPORT_RUN_SWEEP_EVERY_MS },
      {
        name: QUEUES.reports.jobs.sweep,
        data: {},
        opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }
}
