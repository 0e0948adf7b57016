import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { CliModule } from '../../src/cli.module.js';
import { truncateAll } from '../support/database.js';
import { testConfig, workerDatabaseName } from '../support/env.js';
import { Fixtures, TEST_PASSWORD } from '../support/fixtures.js';
import { duplicateKeys } from '../support/log-lines.js';
import { freePort, waitForPort } from '../support/redis-server.js';

const root = join(__dirname, '..', '..');

/** Values that must never reach a log line, whatever the request does with them. */
const MARKERS = {
  fullName: 'Lưu Thị Markerhoa',
  address: 'Ấp Markerap, xã Tân Lập',
  idNumber: '079301004242',
  phone: '0911224466',
  password: TEST_PASSWORD,
  badPassword: 'wrong-Markerpass-9',
};

/**
 * The real API process with the most talkative logs (`trace`), driven through requests that carry a
 * citizen's personal data and secrets — valid, invalid and failing ones. Not one of them may appear in
 * what the process writes.
 */
describe('logs carry no personal data', () => {
  let context: INestApplicationContext;
  let api: ChildProcess;
  let output = '';
  let origin = '';

  beforeAll(async () => {
    context = await NestFactory.createApplicationContext(CliModule.forRoot(testConfig()), { logger: false });
    await truncateAll(context.get<DataSource>(getDataSourceToken()));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
      cwd: '/tmp',
      env: {
        ...process.env,
        DB_NAME: workerDatabaseName(),
        HTTP_PORT: String(port),
        LOG_LEVEL: 'trace',
        LOG_PRETTY: 'false',
        QUEUE_PREFIX: `${workerDatabaseName()}-logs`,
        ARGON2_MEMORY_KIB: '8192',
        ARGON2_TIME_COST: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await waitForPort(port, 20000);
  });
  afterAll(async () => {
    api?.kill('SIGTERM');
    await new Promise((resolve) => (api?.exitCode !== null ? resolve(null) : api.once('exit', resolve)));
    await context?.close();
  });

  const call = (method: string, path: string, body?: unknown, token?: string) =>
    fetch(`${origin}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('keeps names, addresses, ID numbers, phones and passwords out of every log line', async () => {
    const f = new Fixtures(context);
    const unit = await f.unit('Phòng tiếp công dân', 'agency');
    const officer = await f.user(unit.id, ['reception_officer']);
    const signIn = await call('POST', '/api/v1/auth/login', {
      email: officer.email,
      password: MARKERS.password,
    });
    const token = ((await signIn.json()) as { accessToken: string }).accessToken;
    expect(token).toBeTruthy();
    await call('POST', '/api/v1/auth/login', { email: officer.email, password: MARKERS.badPassword });

    const citizen = {
      fullName: MARKERS.fullName,
      address: MARKERS.address,
      idNumber: MARKERS.idNumber,
      phone: MARKERS.phone,
    };
    const visit = {
      unitId: unit.id,
      visitDate: '2026-11-24',
      visitTime: '09:00',
      receivingOfficerName: 'Cán bộ tiếp',
      citizens: [citizen],
      peopleCount: 1,
      summary: `Khiếu nại của ${MARKERS.fullName}`,
      contentKind: 'complaint',
      withinCompetence: true,
      outcome: 'letter_received',
    };
    const created = await call('POST', '/api/v1/reception/visits', visit, token);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await call('GET', `/api/v1/reception/visits/${id}`, undefined, token)).status).toBe(200);
    // Invalid input echoing the data back, malformed JSON, a lookup in the query string, a wrong route.
    expect(
      (
        await call(
          'POST',
          '/api/v1/reception/visits',
          { ...visit, citizens: [{ ...citizen, idNumber: `${MARKERS.idNumber}x` }] },
          token,
        )
      ).status,
    ).toBe(400);
    expect(
      (await call('POST', '/api/v1/reception/visits', `{"summary": "${MARKERS.fullName}"`, token)).status,
    ).toBe(400);
    await call(
      'GET',
      `/api/v1/reception/visits?unitId=${encodeURIComponent(MARKERS.phone)}&q=${encodeURIComponent(MARKERS.fullName)}`,
      undefined,
      token,
    );
    await call('GET', `/api/v1/no-such-route/${encodeURIComponent(MARKERS.idNumber)}`, undefined, token);
    await call('POST', '/api/v1/reception/matters/lookup', { idNumber: MARKERS.idNumber }, token);
    await call(
      'GET',
      `/api/v1/reception/book/export?unitId=${unit.id}&from=2026-11-01&to=2026-11-30&format=csv`,
      undefined,
      token,
    );
    // The public calendar, logged by its lean hook rather than pino-http (src/common/logging).
    expect((await call('GET', '/lich-tiep-cong-dan.json')).status).toBe(200);
    expect((await call('GET', `/lich-tiep-cong-dan?thang=${encodeURIComponent(MARKERS.phone)}`)).status).toBe(
      400,
    );

    await new Promise((r) => setTimeout(r, 300)); // let the last lines flush
    expect(output).toContain('request completed'); // the logs were really captured
    // Requests are named by their route's pattern (what an operator needs), never by the raw path.
    expect(output).toContain('"route":"/api/v1/reception/visits/:id"');
    const leaked = Object.entries(MARKERS).filter(([, value]) => output.includes(value));
    expect(leaked).toEqual([]);
  });

  // Runs on what the test above made the process write.
  it('writes every line as one JSON object with each key once, the matched route as `route`', () => {
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    const completed = lines.filter((line) => line.includes('"request completed"'));
    expect(completed.length).toBeGreaterThanOrEqual(8);
    const repeated = lines
      .map((line) => ({ line, keys: duplicateKeys(line) }))
      .filter(({ keys }) => keys.length > 0)
      .map(({ line, keys }) => `${keys.join(', ')} twice in: ${line.slice(0, 200)}`);
    expect(repeated).toEqual([]);
    const routes = completed.map((line) => (JSON.parse(line) as { route: string }).route);
    expect(routes).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/reception/visits/:id']));
    // An unmatched path is not a pattern: it is named as such, never echoed.
    expect(routes).toContain('(no route)');
    expect(routes.filter((route) => route === '(no route)')).toHaveLength(1);
  });

  it('logs the public calendar as every other route: one line a request, the same keys', () => {
    const completed = output
      .split('\n')
      .filter((line) => line.includes('"request completed"'))
      .map((line) => JSON.parse(line) as Record<string, unknown> & { route: string });
    const of = (route: string) => completed.filter((line) => line.route === route);
    const [json] = of('/lich-tiep-cong-dan.json');
    const [page] = of('/lich-tiep-cong-dan');
    expect(of('/lich-tiep-cong-dan.json')).toHaveLength(1);
    expect(of('/lich-tiep-cong-dan')).toHaveLength(1);
    expect(json).toMatchObject({
      process: 'api',
      requestId: expect.any(String),
      req: { id: json.requestId, method: 'GET' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(page).toMatchObject({ res: { statusCode: 400 } });
    const keys = (line: object) => Object.keys(line).sort();
    expect(keys(json)).toEqual(keys(of('/api/v1/reception/visits/:id')[0]));
  });
});
