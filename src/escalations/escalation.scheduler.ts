import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { QUEUES } from '../queue/queues.js';

/**
 * Registers the escalation sweep when the worker starts (one scheduler per id in BullMQ, however many
 * workers). A sweep that finds the previous one still running returns at once (its database lock).
 */
@Injectable()
export class EscalationScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.escalation.name) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      QUEUES.escalation.jobs.sweep,
      { every: this.config.escalation.sweepSeconds * 1000 },
      {
        name: QUEUES.escalation.jobs.sweep,
        data: {},
        opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }
}
