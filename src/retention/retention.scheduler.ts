import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { QUEUES } from '../queue/queues.js';

/**
 * The retention sweep every RETENTION_SWEEP_HOURS (idempotent registration: one job scheduler named after
 * the job, whatever the number of workers). With every class at `keep` a run reads nothing.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.retention.name) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const name = QUEUES.retention.jobs.sweep;
    await this.queue.upsertJobScheduler(
      name,
      { every: this.config.retention.sweepHours * 3_600_000 },
      { name, data: {}, opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
    );
  }
}
