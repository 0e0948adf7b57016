import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { QUEUES } from '../queue/queues.js';

/**
 * Registers the maintenance job schedulers when the worker starts. `upsertJobScheduler` is idempotent:
 * every worker may call it, and BullMQ keeps one scheduler per id, so runs never overlap or double.
 */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.maintenance.name) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      QUEUES.maintenance.jobs.workerHeartbeat,
      { every: this.config.worker.heartbeatSeconds * 1000 },
      {
        name: QUEUES.maintenance.jobs.workerHeartbeat,
        data: {},
        opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }
}
