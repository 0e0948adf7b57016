import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '../queue/queues.js';

/** The sweep of the national outbox runs every minute (idempotent registration). */
@Injectable()
export class NationalSyncScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.nationalSync.name) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    const name = QUEUES.nationalSync.jobs.sweep;
    await this.queue.upsertJobScheduler(
      name,
      { every: 60_000 },
      { name, data: {}, opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
    );
  }
}
