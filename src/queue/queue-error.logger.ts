import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QUEUES } from './queues.js';

const QUIET_MS = 30_000;

/**
 * BullMQ queues print connection errors with console.error when nobody listens — multi-line stack
 * traces, several a second while Redis is down. This listener logs one structured line per queue and
 * error code every 30 s instead.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queues');
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const { name } of Object.values(QUEUES)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error: Error & { code?: string }) => this.report(name, error));
    }
  }

  private report(queue: string, error: Error & { code?: string }): void {
    const key = `${queue}/${error.code ?? error.name}`;
    const now = Date.now();
    if (now - (this.lastLogged.get(key) ?? 0) < QUIET_MS) return;
    this.lastLogged.set(key, now);
    this.logger.warn(
      { queue, code: error.code ?? error.name },
      'queue connection problem (jobs wait for the next sweep)',
    );
  }
}
