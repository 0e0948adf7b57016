import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { QueueErrorLogger } from './queue-error.logger.js';
import { QUEUES } from './queues.js';
import { redisConnection } from './redis-connection.js';

/** BullMQ on the configured Redis, with every queue registered for producers and processors alike. */
@Module({})
export class QueueModule {
  static forRoot(role: 'producer' | 'worker'): DynamicModule {
    const queues = Object.values(QUEUES).map((q) => ({ name: q.name }));
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: redisConnection(config, role),
            prefix: config.queue.prefix,
            defaultJobOptions: {
              attempts: 8,
              backoff: { type: 'exponential', delay: 2000 },
              // Failed jobs stay for inspection; completed ones are trimmed.
              removeOnComplete: { age: 24 * 3600, count: 10000 },
              removeOnFail: false,
            },
          }),
        }),
        BullModule.registerQueue(...queues),
      ],
      providers: [QueueErrorLogger],
      exports: [BullModule],
    };
  }
}
