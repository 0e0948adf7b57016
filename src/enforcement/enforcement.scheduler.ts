import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '../queue/queues.js';

/** Hourly: a review due today goes out within the hour, and a run missed while the worker was down catches up. */
export const REVIEW_SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the enforcement review sweep when the worker starts (one scheduler per id in BullMQ, however
 * many workers). A run that finds the previous one still going returns at once (its database lock).
 */
@Injectable()
export class EnforcementScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.enforcement.name) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      QUEUES.enforcement.jobs.reviewSweep,
      { every: REVIEW_SWEEP_EVERY_MS },
      {
        name: QUEUES.enforcement.jobs.reviewSweep,
        data: {},
        opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }
}
