import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

/**
 * The console's letters list (docs/console.md): by channel, undecided letters due by a day, and the
 * nearest processing deadline first.
 */
describe('the letters list by channel, due date and nearest deadline', () => {
  let app: NestFastifyApplication;
  let token: string;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const letters: Record<string, { id: string; processingDue: string }> = {};

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    token = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
    const log = async (
      name: string,
      receivedOn: string,
      channel: string,
      extra: Record<string, unknown> = {},
    ) => {
      const res = await request(app.getHttpServer())
        .post('/api/v1/letters')
        .set('authorization', `Bearer ${token}`)
        .send({
          unitId: world.divisionA.id,
          receivedOn,
          channel,
          classification: 'complaint',
          complaintTrack: 'first_time',
          subject: `Khiếu nại ${name}`,
          content: 'Nội dung khiếu nại về quyết định hành chính trong lĩnh vực đất đai.',
          petitioners: [{ fullName: `Nguyễn Văn ${name}`, address: 'Số 1, đường Lê Lợi' }],
          eligibility: ALL_PASSED,
          ...extra,
        });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      letters[name] = res.body;
    };
    await log('Một', '2026-11-20', 'post');
    await log('Hai', '2026-10-01', 'email');
    await log('Ba', '2026-11-24', 'post');
    await log('Bốn', '2026-11-10', 'press', { forwardedBy: 'Báo Nhân Dân' });
  });
  afterAll(async () => {
    await app?.close();
  });

  const list = async (query: string) => {
    const res = await request(app.getHttpServer())
      .get(`/api/v1/letters?${query}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    return (res.body.items as { id: string }[]).map((l) =>
      Object.keys(letters).find((k) => letters[k].id === l.id),
    );
  };

  it('sorts by the nearest processing deadline first with sort=due, newest received first by default', async () => {
    const byDue = Object.keys(letters).sort((a, b) =>
      letters[a].processingDue.localeCompare(letters[b].processingDue),
    );
    expect(await list('sort=due')).toEqual(byDue);
    expect(await list('')).toEqual(['Ba', 'Một', 'Bốn', 'Hai']);
  });

  it('filters by channel', async () => {
    expect(await list('channel=post&sort=due')).toEqual(['Một', 'Ba']);
    expect(await list('channel=press')).toEqual(['Bốn']);
  });

  it('keeps undecided letters due on or before a day (dueTo)', async () => {
    const cut = letters['Một'].processingDue;
    const expected = Object.keys(letters)
      .filter((k) => letters[k].processingDue <= cut)
      .sort((a, b) => letters[a].processingDue.localeCompare(letters[b].processingDue));
    expect(expected).toContain('Một');
    expect(expected).not.toContain('Ba');
    expect(await list(`dueTo=${cut}&sort=due`)).toEqual(expected);
  });

  it('refuses a bad sort, channel or day with field errors', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/v1/letters?sort=soon&channel=pigeon&dueTo=2026-13-01')
      .set('authorization', `Bearer ${token}`)
      .expect(400);
    expect([...new Set(res.body.details.map((d: { field: string }) => d.field))].sort()).toEqual([
      'channel',
      'dueTo',
      'sort',
    ]);
  });
});
