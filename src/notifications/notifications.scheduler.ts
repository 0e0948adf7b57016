import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '../queue/queues.js';

const { jobs } = QUEUES.notifications;

/** How often each scheduled job of the notifications queue runs. */
export const NOTIFICATION_SCHEDULES = {
  [jobs.emailSweep]: 60_000,
  [jobs.webhookSweep]: 60_000,
  [jobs.emailDigest]: 15 * 60_000,
} as const;

/**
 * Registers the sweeps and the digest when the worker starts (idempotent: BullMQ keeps one scheduler per
 * id however many workers call it). A run that overlaps a slow previous one skips itself (database lock).
 */
@Injectable()
export class NotificationsScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.notifications.name) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, every] of Object.entries(NOTIFICATION_SCHEDULES)) {
      await this.queue.upsertJobScheduler(
        name,
        { every },
        { name, data: {}, opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
      );
    }
  }
}
