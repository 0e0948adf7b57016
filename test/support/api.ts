import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ThrottlerStorage } from '@nestjs/throttler';
import { RedisThrottlerStorage } from '../../src/common/http/redis-throttler.storage.js';
import { createApiApp } from '../../src/bootstrap/create-api-app.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { testConfig } from './env.js';

/** The real API application, as main.ts builds it, ready for supertest (`app.getHttpServer()`). */
export async function startApi(
  config: AppConfig = testConfig(),
  rootModule?: DynamicModule,
): Promise<NestFastifyApplication> {
  const app = await createApiApp(config, rootModule);
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    // The counters live in Redis for a minute, across test files and runs: each app starts from zero.
    await resetRateLimits(app);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

async function resetRateLimits(app: NestFastifyApplication): Promise<void> {
  let storage: unknown;
  try {
    storage = app.get(ThrottlerStorage, { strict: false });
  } catch {
    return; // a root module without rate limits
  }
  // A test that starts the API with Redis away counts in the process: nothing to reset.
  if (storage instanceof RedisThrottlerStorage) await storage.reset().catch(() => undefined);
}
