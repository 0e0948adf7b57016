import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { QUEUES } from '../queue/queues.js';

/** Hourly: a reminder day's message goes out within the hour, and a sweep missed while the worker was down catches up. */
export const REMINDER_SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Registers the reporting reminder sweep when the worker starts (one scheduler per id in BullMQ). */
@Injectable()
export class ReportingRemindersScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.reportingReminders.name) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.reports.remindersScheduled) {
      // REPORTING_REMINDERS=false: a schedule registered by an earlier start goes too.
      await this.queue.removeJobScheduler(QUEUES.reportingReminders.jobs.sweep);
      return;
    }
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
