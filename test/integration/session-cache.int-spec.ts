import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { CacheInvalidationBus } from '../../src/common/cache/cache-invalidation.bus.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { until } from '../support/wait.js';

/**
 * A verified session trusted for AUTH_SESSION_CACHE_MS (src/auth/verified-sessions.ts; docs/load.md,
 * "Intake's CPU"): one round trip less per request, and the bound on how late a session ended elsewhere
 * takes effect. The rest of the suite reads sessions on every request (test/support/env.ts). Only `Date`
 * is faked here, so the bound is crossed without waiting.
 */
const BOUND_MS = 1000;

describe('verified sessions (AUTH_SESSION_CACHE_MS)', () => {
  let app: NestFastifyApplication;
  /** A second instance on the same database and Redis. */
  let other: NestFastifyApplication;
  let ds: DataSource;
  let email: string;

  beforeAll(async () => {
    app = await startApi(testConfig({ AUTH_SESSION_CACHE_MS: String(BOUND_MS), INSTANCE_ID: 'api-a' }));
    other = await startApi(testConfig({ AUTH_SESSION_CACHE_MS: String(BOUND_MS), INSTANCE_ID: 'api-b' }));
    await Promise.all([app, other].map((a) => a.get(CacheInvalidationBus).subscribed()));
    ds = app.get<DataSource>(getDataSourceToken());
    await truncateAll(ds);
    email = (await twoAgencies(app)).users.reception_officer.email;
  });

  /**
   * Each test starts on a clock past everything the one before did (a sign-out keeps this instance from
   * trusting any session for the bound; ADR 0025).
   */
  let clock = Date.now();
  beforeEach(() => {
    clock = Math.max(clock, Date.now()) + 10 * BOUND_MS;
    jest.useFakeTimers({
      now: clock,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });

  afterEach(() => jest.useRealTimers());

  afterAll(async () => {
    await other?.close();
    await app?.close();
  });

  const me = (token: string) =>
    request(app.getHttpServer()).get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);

  async function sessionReads(work: () => Promise<unknown>): Promise<number> {
    let reads = 0;
    const spy = jest.spyOn(ds.logger, 'logQuery').mockImplementation((query: string) => {
      if (query.includes('auth_sessions')) reads++;
    });
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return reads;
  }

  it('reads a session once, then trusts it until the bound', async () => {
    const { accessToken } = await login(app.getHttpServer(), email);
    expect(await sessionReads(() => me(accessToken).expect(200))).toBe(1);
    expect(await sessionReads(() => me(accessToken).expect(200))).toBe(0);
    jest.setSystemTime(Date.now() + BOUND_MS);
    expect(await sessionReads(() => me(accessToken).expect(200))).toBe(1);
  });

  it('ends a session signed out through this instance at once', async () => {
    const { accessToken } = await login(app.getHttpServer(), email);
    await me(accessToken).expect(200);
    await request(app.getHttpServer())
      .post('/api/v1/auth/logout')
      .set('authorization', `Bearer ${accessToken}`)
      .expect(204);
    expect((await me(accessToken).expect(401)).body.code).toBe('AUTH_SESSION_ENDED');
  });

  it('ends a session signed out through another instance without waiting for the bound', async () => {
    const { accessToken } = await login(app.getHttpServer(), email);
    await me(accessToken).expect(200);
    expect(await sessionReads(() => me(accessToken).expect(200))).toBe(0);
    const received = app.get(CacheInvalidationBus).counts().received;
    await request(other.getHttpServer())
      .post('/api/v1/auth/logout')
      .set('authorization', `Bearer ${accessToken}`)
      .expect(204);
    // The clock does not move: only the other instance's message can make this one read the session again.
    await until(() => app.get(CacheInvalidationBus).counts().received > received);
    expect((await me(accessToken).expect(401)).body.code).toBe('AUTH_SESSION_ENDED');
  });

  it('ends a session ended in the database (no message) at most the bound later', async () => {
    const { accessToken } = await login(app.getHttpServer(), email);
    await me(accessToken).expect(200);
    const { sid: id } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as {
      sid: string;
    };
    await ds.query('UPDATE auth_sessions SET revoked_at = NOW(3), revoked_reason = ? WHERE id = ?', [
      'admin',
      id,
    ]);
    // Within the bound this instance still trusts what it read: the bound is real, and it is the only
    // staleness there is.
    jest.setSystemTime(Date.now() + BOUND_MS - 1);
    await me(accessToken).expect(200);
    jest.setSystemTime(Date.now() + 1);
    expect((await me(accessToken).expect(401)).body.code).toBe('AUTH_SESSION_ENDED');
  });
});
