import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { CacheInvalidationBus } from '../../src/common/cache/cache-invalidation.bus.js';
import { ThrottlerStorage } from '@nestjs/throttler';
import { RedisThrottlerStorage } from '../../src/common/http/redis-throttler.storage.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig, workerDatabaseName } from '../support/env.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { until } from '../support/wait.js';

/** A weekday at least four days ahead (not 1 January), as a YYYY-MM-DD string. */
function comingWeekday(): string {
  const day = new Date(Date.now() + 4 * 86_400_000);
  while ([0, 6].includes(day.getUTCDay()) || day.toISOString().slice(5, 10) === '01-01')
    day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Two API instances in one process, against the same database and Redis, as behind a load balancer
 * (issue 19 point 1, ADR 0012): one set of rate-limit counters, one public calendar, each its own
 * metrics label.
 */
describe('two API instances behind one load balancer', () => {
  // Counters outlive a run by a minute: a prefix of this run's own keeps reruns apart.
  const prefix = `${workerDatabaseName()
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')}-i${Date.now().toString(36)}`;
  const settings = {
    QUEUE_PREFIX: prefix.slice(-40),
    RATE_LIMIT_PUBLIC_PER_MINUTE: '3',
    RATE_LIMIT_DEFAULT_PER_MINUTE: '3',
    TRUST_PROXY: 'true',
  };
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let officer: string;
  let caseHandler: string;
  let unitCode: string;
  let redis: Redis;
  // Each public request below comes from an address of its own (X-Forwarded-For), except where a test
  // counts one address's requests.
  let nextAddress = 1;
  const freshAddress = () => `10.77.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

  beforeAll(async () => {
    a = await startApi(testConfig({ ...settings, INSTANCE_ID: 'api-a' }));
    b = await startApi(testConfig({ ...settings, INSTANCE_ID: 'api-b' }));
    await truncateAll(a.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(a);
    officer = (await login(a.getHttpServer(), world.users.reception_officer.email)).accessToken;
    caseHandler = (await login(b.getHttpServer(), world.users.case_handler.email)).accessToken;
    const [unit] = await a
      .get<DataSource>(getDataSourceToken())
      .query('SELECT code FROM units WHERE id = ?', [world.divisionA.id]);
    unitCode = unit.code;
    const config = testConfig();
    redis = new Redis({ host: config.redis.host, port: config.redis.port, db: config.redis.db });
    await Promise.all([a, b].map((app) => app.get(CacheInvalidationBus).subscribed()));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (redis) {
      const keys = await redis.keys(`${settings.QUEUE_PREFIX}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('keeps the rate-limit counters in Redis', () => {
    expect(a.get(ThrottlerStorage)).toBeInstanceOf(RedisThrottlerStorage);
  });

  it('counts in the process, and never fails a request, while Redis cannot be reached', async () => {
    const storage = new RedisThrottlerStorage(testConfig({ ...settings, REDIS_PORT: '1' }));
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await storage.increment('k', 60_000, 3, 60_000, 'default'));
      expect(answers.map((x) => x.isBlocked)).toEqual([false, false, false, true]);
    } finally {
      storage.onApplicationShutdown();
    }
  });

  it('refuses a client over the limit in memory, Redis keeping the block for the other instance', async () => {
    const config = testConfig(settings);
    const [one, other] = [new RedisThrottlerStorage(config), new RedisThrottlerStorage(config)];
    const key = `in-memory-block-${Date.now()}`;
    const counted = async () => Number(await redis.get(`${config.queue.prefix}:rate:default:${key}`));
    try {
      await Promise.all([one.connected(), other.connected()]);
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await one.increment(key, 60_000, 3, 60_000, 'default'));
      expect(answers.map((x) => x.isBlocked)).toEqual([false, false, false, true]);
      const before = await counted();
      expect(before).toBeGreaterThanOrEqual(4);
      // Refused again without a command to Redis: the counter there does not move.
      for (let i = 0; i < 5; i++)
        expect((await one.increment(key, 60_000, 3, 60_000, 'default')).isBlocked).toBe(true);
      expect(await counted()).toBe(before);
      // The other instance has no copy in memory: Redis refuses it.
      expect((await other.increment(key, 60_000, 3, 60_000, 'default')).isBlocked).toBe(true);
    } finally {
      one.onApplicationShutdown();
      other.onApplicationShutdown();
    }
  });

  it('counts a client address once across both instances on public routes', async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (const app of [a, b, a, b]) {
      const res = await request(app.getHttpServer())
        .get('/lich-tiep-cong-dan.json')
        .set('x-forwarded-for', address);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Another citizen, behind the same proxy, is not held up.
    await request(b.getHttpServer())
      .get('/lich-tiep-cong-dan.json')
      .set('x-forwarded-for', freshAddress())
      .expect(200);
  });

  it('counts signed-in requests per account, not per address, across both instances', async () => {
    const me = (app: NestFastifyApplication, token: string) =>
      request(app.getHttpServer()).get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);
    const statuses: number[] = [];
    for (const app of [a, b, a, b]) statuses.push((await me(app, officer)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // A colleague in the same office (the same address) still has the whole limit.
    await me(a, caseHandler).expect(200);
    await me(b, caseHandler).expect(200);
  });

  it('shows a session created on one instance on the other at once, not after its cache expires', async () => {
    const date = comingWeekday();
    const calendar = () =>
      request(b.getHttpServer())
        .get('/lich-tiep-cong-dan.json')
        .set('x-forwarded-for', freshAddress())
        .query({ 'don-vi': unitCode, thang: date.slice(0, 7) });
    const before = await calendar().expect(200);
    expect(before.body.sessions).toEqual([]);
    // b now serves that month from its cache (30 s); a takes the change.
    const sentBefore = a.get(CacheInvalidationBus).counts().sent;
    const receivedBefore = b.get(CacheInvalidationBus).counts().received;
    const auth = { authorization: `Bearer ${officer}` };
    const place = await request(a.getHttpServer())
      .post('/api/v1/reception/places')
      .set(auth)
      .send({ unitId: world.divisionA.id, name: 'Phòng tiếp công dân', address: '1 Lê Lợi' })
      .expect(201);
    const session = await request(a.getHttpServer())
      .post('/api/v1/reception/sessions')
      .set(auth)
      .send({
        unitId: world.divisionA.id,
        kind: 'periodic',
        placeId: place.body.id,
        date,
        startTime: '07:30',
        endTime: '11:30',
        receiverName: 'Trần Văn Bình',
        receiverTitle: 'Trưởng phòng',
        topics: 'Chế độ chính sách',
      })
      .expect(201);
    expect(a.get(CacheInvalidationBus).counts().sent).toBeGreaterThan(sentBefore);
    await until(() => b.get(CacheInvalidationBus).counts().received >= receivedBefore + 2, 3000, 10);
    const after = await calendar().expect(200);
    expect(after.body.sessions.map((s: { id: string }) => s.id)).toEqual([session.body.session.id]);
  });

  it('labels every metric with its instance', async () => {
    const scrape = async (app: NestFastifyApplication) =>
      (await request(app.getHttpServer()).get('/metrics')).text;
    const [textA, textB] = await Promise.all([scrape(a), scrape(b)]);
    expect(textA).toMatch(/^process_cpu_seconds_total\{instance_id="api-a"\} /m);
    expect(textB).toMatch(/^process_cpu_seconds_total\{instance_id="api-b"\} /m);
    expect(textA).not.toContain('instance_id="api-b"');
  });
});
