import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
