import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '../queue/queues.js';

/** Hourly: a reminder day's message goes out within the hour, and a sweep missed while the worker was down catches up. */
export const REMINDER_SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Registers the reporting reminder sweep when the worker starts (one scheduler per id in BullMQ). */
@Injectable()
export class ReportingRemindersScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.reportingReminders.name) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      QUEUES.reportingReminders.jobs.sweep,
      { every: REMINDER_SWEEP_EVERY_MS },
      {
        name: QUEUES.reportingReminders.jobs.sweep,
        data: {},
        opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }
}
