import type { DynamicModule } from '@nestjs/common';
import { CliModule } from '../cli.module.js';
import type { AppConfig } from '../config/app-config.js';
import { CacheInvalidationModule } from '../common/cache/cache-invalidation.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { DemoModule } from './demo.module.js';

/**
 * What `npm run demo:seed` runs in: the CLI's services, the demo seeders, and what the API's root module
 * gives every feature the seed uses — the queues as a producer (the citizen's e-mails enqueue) and the
 * cache invalidation bus (the public calendar's cache) — though the seed itself enqueues nothing. Tested by test/integration/demo-seed.int-spec.ts.
 */
export function demoCliModule(config: AppConfig): DynamicModule {
  class DemoCli {}
  return {
    module: DemoCli,
    imports: [
      CliModule.forRoot(config),
      QueueModule.forRoot('producer'),
      CacheInvalidationModule,
      DemoModule,
    ],
  };
}
