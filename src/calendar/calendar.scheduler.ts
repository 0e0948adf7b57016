import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '../queue/queues.js';
import { SWEEP_AFTER_MS } from './calendar-changes.service.js';

/**
 * Registers the calendar-change sweep when the worker starts (idempotent: BullMQ keeps one scheduler per
 * id however many workers call it). A run that overlaps a slow previous one skips itself (the sweep's
 * database lock).
 */
@Injectable()
export class CalendarScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.calendar.name) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      QUEUES.calendar.jobs.sweep,
      { every: SWEEP_AFTER_MS },
      {
        name: QUEUES.calendar.jobs.sweep,
        data: {},
        opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }
}
