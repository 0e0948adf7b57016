import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startApi } from '../support/api.js';
import { testConfig } from '../support/env.js';
import { DisposableRedis } from '../support/redis-server.js';
import { eventually } from '../support/wait.js';

describe('readiness when Redis goes away and comes back', () => {
  let redis: DisposableRedis;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    redis = await DisposableRedis.start();
    app = await startApi(testConfig({ REDIS_PORT: String(redis.port) }));
  });
  afterAll(async () => {
    await app?.close();
    await redis?.dispose();
  });

  it('reports 503 while Redis is down, keeps serving, and recovers when Redis returns', async () => {
    const ready = () => request(app.getHttpServer()).get('/health/ready');
    // The health connection to Redis is made asynchronously at boot.
    expect((await eventually(ready, (r) => r.status === 200)).status).toBe(200);

    await redis.kill();
    const down = await eventually(ready, (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      statusCode: 503,
      code: 'HEALTH_NOT_READY',
      checks: { database: { status: 'up' }, redis: { status: 'down' } },
    });
    expect(down.body.message).toContain('redis');
    // The process is alive and answering the rest.
    await request(app.getHttpServer()).get('/health/live').expect(200);

    await redis.start();
    const back = await eventually(ready, (r) => r.status === 200);
    expect(back.status).toBe(200);
    expect(back.body.details.redis.status).toBe('up');
  });
});
