import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '../queue/queues.js';

/**
 * Every minute: the dashboard's figures are at most about a minute behind the cases while the worker runs
 * (the page shows "Số liệu tính đến hh:mm"). One scheduler id, so BullMQ makes one job per interval
 * however many workers start; the state row makes a second concurrent run skip.
 */
export const DASHBOARD_REFRESH_EVERY_MS = 60 * 1000;

@Injectable()
export class DashboardCountsScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.dashboard.name) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      QUEUES.dashboard.jobs.refresh,
      { every: DASHBOARD_REFRESH_EVERY_MS },
      {
        name: QUEUES.dashboard.jobs.refresh,
        data: {},
        opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }
}
