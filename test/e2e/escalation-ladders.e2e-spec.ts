import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';

jest.setTimeout(60_000);

const ELIGIBLE = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
].map((check) => ({ check, passed: true }));

/** Escalation ladders kept as data (ADR 0017, docs/escalations.md) over HTTP on the real database. */
describe('escalation ladders as data', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let admin: string;
  let officer: string;
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(token: string, r: T) => r.set('authorization', `Bearer ${token}`);
  const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    world = await twoAgencies(app);
    admin = (await login(app.getHttpServer(), world.users.admin.email)).accessToken;
    officer = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A letter received today in division A, and its processing deadline's next escalation. */
  async function letterDeadline(subject: string) {
    const letter = await as(officer, api().post('/api/v1/letters'))
      .send({
        unitId: world.divisionA.id,
        receivedOn: today(),
        channel: 'post',
        classification: 'petition',
        subject,
        content: 'Đề nghị sửa đường liên xã bị sạt lở sau mưa lớn.',
        petitioners: [{ fullName: 'Nguyễn Văn Thử', address: 'Thôn 1' }],
        eligibility: ELIGIBLE,
      })
      .expect(201);
    const [row] = (await dataSource.query(
      `SELECT id, DATE_FORMAT(next_escalation_on, '%Y-%m-%d') AS nextOn, next_escalation_level AS nextLevel
         FROM case_deadlines WHERE subject_type = 'letter' AND subject_id = ?`,
      [letter.body.id],
    )) as { id: string; nextOn: string; nextLevel: number }[];
    return row;
  }
  const nextOf = async (id: string) =>
    (
      (await dataSource.query(
        `SELECT DATE_FORMAT(next_escalation_on, '%Y-%m-%d') AS nextOn FROM case_deadlines WHERE id = ?`,
        [id],
      )) as { nextOn: string }[]
    )[0].nextOn;

  it('refuses a ladder out of order, back in time, with an unknown recipient or key — field by field, nothing saved', async () => {
    const bad = await as(admin, api().put('/api/v1/escalation-ladders/letter'))
      .send({
        version: 0,
        reason: 'Thử',
        levels: [
          { level: 2, workingDaysFromDue: -3, recipients: ['handler'] },
          { level: 1, workingDaysFromDue: 0, recipients: ['handler'] },
          { level: 3, workingDaysFromDue: -5, recipients: ['unit_head'] },
          { level: 4, workingDaysFromDue: 5, recipients: ['mayor'] },
        ],
      })
      .expect(400);
    expect(bad.body.code).toBe('ESCALATION_LADDER_INVALID');
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual([
      'levels[1].level',
      'levels[2].workingDaysFromDue',
      'levels[3].recipients',
    ]);
    const unknown = await as(admin, api().put('/api/v1/escalation-ladders/KN-99'))
      .send({
        version: 0,
        reason: 'Thử',
        levels: [{ level: 1, workingDaysFromDue: 0, recipients: ['handler'] }],
      })
      .expect(400);
    expect(unknown.body.code).toBe('ESCALATION_LADDER_UNKNOWN_KEY');
    await as(admin, api().put('/api/v1/escalation-ladders/letter'))
      .send({ version: 0, reason: 'Thử', levels: 'ba bậc' })
      .expect(400);
    const versions = await as(admin, api().get('/api/v1/escalation-ladders/letter/versions')).expect(200);
    expect(versions.body).toEqual([]);
  });

  it('versions each change, refuses a stale version, audits it, and the next level follows the new ladder', async () => {
    const before = await letterDeadline('Kiến nghị trước khi đổi bậc nhắc');
    expect(before.nextLevel).toBe(1);
    const levels = [
      { level: 1, workingDaysFromDue: -6, recipients: ['handler'] },
      { level: 2, workingDaysFromDue: 0, recipients: ['handler', 'unit_head'] },
    ];
    const saved = await as(admin, api().put('/api/v1/escalation-ladders/letter'))
      .send({ version: 0, reason: 'Quyết định số 12/QĐ-TTr', levels })
      .expect(200);
    expect(saved.body).toMatchObject({ key: 'letter', agencyUnitId: null, version: 1, levels });
    expect(saved.body.deadlinesReexamined).toBeGreaterThanOrEqual(1);
    // Taking effect for the next level to fire: the sweep looks at it again today.
    expect(await nextOf(before.id)).toBe(before.nextOn > today() ? today() : before.nextOn);
    // A deadline armed now starts from the new first level: 6 working days before the due date, not 3.
    const after = await letterDeadline('Kiến nghị sau khi đổi bậc nhắc');
    expect(after.nextOn < before.nextOn).toBe(true);

    const stale = await as(admin, api().put('/api/v1/escalation-ladders/letter'))
      .send({ version: 0, reason: 'Lần hai', levels })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'ESCALATION_LADDER_VERSION_CONFLICT' });
    // Removed: the default applies again.
    await as(admin, api().put('/api/v1/escalation-ladders/letter'))
      .send({ version: 1, reason: 'Trở lại mặc định', levels: null })
      .expect(200);
    const again = await letterDeadline('Kiến nghị sau khi bỏ bậc nhắc riêng');
    expect(again.nextOn).toBe(before.nextOn);

    const versions = await as(admin, api().get('/api/v1/escalation-ladders/letter/versions')).expect(200);
    expect(versions.body.map((v: { version: number; levels: unknown }) => [v.version, v.levels])).toEqual([
      [2, null],
      [1, levels],
    ]);
    const overview = await as(admin, api().get('/api/v1/escalation-ladders')).expect(200);
    expect(overview.body.ladders).toEqual([]);
    expect(overview.body.keys).toEqual(expect.arrayContaining(['KN-3', 'letter']));
    const audit = (await dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'escalation_ladder' ORDER BY occurred_at, id`,
    )) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('an agency’s own ladder governs its units only, and needs the permission', async () => {
    const first = await letterDeadline('Kiến nghị ở đơn vị A trước');
    const levels = [{ level: 1, workingDaysFromDue: -8, recipients: ['handler'] }];
    const saved = await as(admin, api().put('/api/v1/escalation-ladders/letter'))
      .send({ version: 0, agencyUnitId: world.divisionB.id, reason: 'Riêng đơn vị B', levels })
      .expect(200);
    expect(saved.body).toMatchObject({ agencyUnitId: world.divisionB.id, version: 1 });
    // Division A's letters are not governed by B's ladder: nothing pulled, new ones armed as before.
    expect(saved.body.deadlinesReexamined).toBe(0);
    expect(await nextOf(first.id)).toBe(first.nextOn);
    expect((await letterDeadline('Kiến nghị ở đơn vị A sau')).nextOn).toBe(first.nextOn);
    const leader = (await login(app.getHttpServer(), world.users.inspectorate_leader.email)).accessToken;
    await as(leader, api().get('/api/v1/escalation-ladders')).expect(403);
  });
});
