import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { login, twoAgencies, TEST_PASSWORD } from '../support/fixtures.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/**
 * A database that cannot be reached is a 503 with its own code on every route, never a 500; when it
 * comes back, so does the API, by itself. The API talks to MariaDB through a proxy whose cable the test
 * cuts (open connections reset, new ones refused) and plugs back.
 */
describe('an unreachable database', () => {
  let proxy: TcpProxy;
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let token: string;

  beforeAll(async () => {
    proxy = await TcpProxy.start({
      host: process.env.DB_HOST ?? '127.0.0.1',
      port: Number(process.env.DB_PORT),
    });
    app = await startApi(testConfig({ DB_HOST: '127.0.0.1', DB_PORT: String(proxy.port) }));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    token = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
  });
  afterAll(async () => {
    await proxy?.restore();
    await app?.close();
    await proxy?.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After on every route while it is gone, then recovers', async () => {
    const server = app.getHttpServer();
    await proxy.cut();

    const signIn = await request(server)
      .post('/api/v1/auth/login')
      .send({ email: world.users.reception_officer.email, password: TEST_PASSWORD });
    expect({ status: signIn.status, code: signIn.body.code }).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
    });
    expect(signIn.headers['retry-after']).toBe('1');
    expect(JSON.stringify(signIn.body)).not.toContain(world.users.reception_officer.email);

    const letters = await request(server).get('/api/v1/letters').set('authorization', `Bearer ${token}`);
    expect({ status: letters.status, code: letters.body.code }).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
    });

    // Every documented route, as the signed-in officer and with a minimal body: whatever it answers
    // (400 for a bad body, 404, 403…), it is never a 500, and a 503 says which dependency.
    const doc = (await request(server).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const seen: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      const url = path.replace(/\{[^}]+\}/g, '01890000-0000-7000-8000-000000000000');
      for (const method of Object.keys(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const answer = await request(server)
          [method as 'get'](url)
          .set('authorization', `Bearer ${token}`)
          .send(method === 'get' || method === 'delete' ? undefined : {});
        seen.push(`${method.toUpperCase()} ${path} ${answer.status}`);
        expect({ route: `${method} ${path}`, status: answer.status < 500 || answer.status === 503 }).toEqual({
          route: `${method} ${path}`,
          status: true,
        });
        if (answer.status === 503) {
          expect(['DATABASE_UNAVAILABLE', 'DATABASE_BUSY', 'HEALTH_NOT_READY']).toContain(answer.body.code);
        }
      }
    }
    expect(seen.filter((s) => s.endsWith(' 503')).length).toBeGreaterThan(20);

    await proxy.restore();
    const deadline = Date.now() + 10000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (
        await request(server).post('/api/v1/auth/login').send({
          email: world.users.reception_officer.email,
          password: TEST_PASSWORD,
        })
      ).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    await request(server).get('/health/ready').expect(200);
  });
});

/**
 * With replicas configured the pool is mysql2's PoolCluster, which after five failed connections takes
 * the primary out for a while and answers "Pool does Not have online node." (POOL_NONEONLINE) without
 * trying: that too is a 503, and the API is back within seconds of the database (bench:cluster, where a
 * primary restart under load gave 500s).
 */
describe('an unreachable primary, with a replica configured', () => {
  let proxy: TcpProxy;
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;

  beforeAll(async () => {
    const db = { host: process.env.DB_HOST ?? '127.0.0.1', port: Number(process.env.DB_PORT) };
    proxy = await TcpProxy.start(db);
    // The "replica" is the database itself, reached directly: only the primary's cable is cut.
    app = await startApi(
      testConfig({
        DB_HOST: '127.0.0.1',
        DB_PORT: String(proxy.port),
        DB_REPLICAS: `${db.host === 'localhost' ? '127.0.0.1' : db.host}:${db.port}`,
      }),
    );
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
  });
  afterAll(async () => {
    await proxy?.restore();
    await app?.close();
    await proxy?.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE, never 500, once the pool has taken the primary out; then recovers', async () => {
    const server = app.getHttpServer();
    const signIn = () =>
      request(server)
        .post('/api/v1/auth/login')
        .send({ email: world.users.reception_officer.email, password: TEST_PASSWORD });
    await proxy.cut();
    // Enough attempts for the cluster to take the primary out (5 failed connections).
    const answers = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const res = await signIn();
      answers.add(`${res.status} ${res.body.code}`);
    }
    expect([...answers]).toEqual(['503 DATABASE_UNAVAILABLE']);

    await proxy.restore();
    const from = Date.now();
    let status = 0;
    while (Date.now() - from < 10000 && status !== 200) {
      status = (await signIn()).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
  });
});
