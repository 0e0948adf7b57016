import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../../src/auth/domain/roles.js';
import { Fixtures, login, TEST_PASSWORD, uniqueEmail } from '../support/fixtures.js';

describe('units and accounts through the API', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let f: Fixtures;
  let token: string;
  let rootId: string;
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(r: T) => r.set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    f = new Fixtures(app);
    rootId = (await f.unit('Ủy ban nhân dân tỉnh', 'province')).id;
    token = (await login(app.getHttpServer(), (await f.user(rootId, ['admin'])).email)).accessToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a unit tree and keeps the closure table exact through a move', async () => {
    const agency = (
      await as(api().post('/api/v1/units'))
        .send({ code: 'sgd-1', name: 'Sở Giáo dục', kind: 'agency', parentId: rootId })
        .expect(201)
    ).body;
    expect(agency.code).toBe('SGD-1');
    const division = (
      await as(api().post('/api/v1/units'))
        .send({ code: 'SGD-1-P1', name: 'Phòng 1', kind: 'division', parentId: agency.id })
        .expect(201)
    ).body;
    const school = (
      await as(api().post('/api/v1/units'))
        .send({ code: 'SGD-1-T1', name: 'Trường 1', kind: 'public_service_unit', parentId: division.id })
        .expect(201)
    ).body;
    const other = (
      await as(api().post('/api/v1/units'))
        .send({ code: 'SGD-2', name: 'Sở Y tế', kind: 'agency', parentId: rootId })
        .expect(201)
    ).body;

    await as(api().post(`/api/v1/units/${division.id}/move`))
      .send({ version: 1, parentId: other.id })
      .expect(200);
    const ancestors = async (id: string) =>
      (
        await dataSource.query(
          'SELECT ancestor_id AS a, depth FROM unit_closure WHERE descendant_id = ? ORDER BY depth',
          [id],
        )
      ).map((r: { a: string; depth: number }) => `${r.a}@${r.depth}`);
    expect(await ancestors(school.id)).toEqual([
      `${school.id}@0`,
      `${division.id}@1`,
      `${other.id}@2`,
      `${rootId}@3`,
    ]);
    expect(await ancestors(division.id)).toEqual([`${division.id}@0`, `${other.id}@1`, `${rootId}@2`]);
    const listed = (await as(api().get('/api/v1/units').query({ parentId: other.id })).expect(200)).body;
    expect(listed.map((u: { id: string }) => u.id)).toEqual([division.id]);
  });

  it('answers a duplicate unit code with 409 UNIT_CODE_TAKEN and writes nothing', async () => {
    await as(api().post('/api/v1/units'))
      .send({ code: 'DUP-1', name: 'Phòng A', kind: 'division', parentId: rootId })
      .expect(201);
    const counts = () =>
      dataSource.query(
        'SELECT (SELECT COUNT(*) FROM units) AS units, (SELECT COUNT(*) FROM unit_closure) AS closure, (SELECT COUNT(*) FROM audit_log) AS audit',
      );
    const before = await counts();
    const res = await as(api().post('/api/v1/units')).send({
      code: 'dup-1',
      name: 'Phòng B',
      kind: 'division',
      parentId: rootId,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'UNIT_CODE_TAKEN', details: [{ field: 'code' }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses to move a unit under its own descendant (422 UNIT_MOVE_CYCLE) and under itself', async () => {
    const a = await f.unit('A', 'agency', rootId);
    const b = await f.unit('B', 'division', a.id);
    const c = await f.unit('C', 'public_service_unit', b.id);
    const res = await as(api().post(`/api/v1/units/${a.id}/move`)).send({ version: 1, parentId: c.id });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'UNIT_MOVE_CYCLE', details: [{ field: 'parentId' }] });
    const self = await as(api().post(`/api/v1/units/${a.id}/move`)).send({ version: 1, parentId: a.id });
    expect(self.body.code).toBe('UNIT_MOVE_CYCLE');
    const unchanged = (await as(api().get(`/api/v1/units/${a.id}`)).expect(200)).body;
    expect(unchanged).toMatchObject({ parentId: rootId, version: 1 });
  });

  it('answers an unknown role with 400 naming the field, and writes nothing', async () => {
    const email = uniqueEmail('role');
    const res = await as(api().post('/api/v1/users')).send({
      email,
      fullName: 'Cán bộ',
      unitId: rootId,
      roles: ['case_handler', 'superuser'],
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([
      { field: 'roles', message: expect.stringContaining('admin, inspectorate_leader') },
    ]);
    expect(await dataSource.query('SELECT id FROM users WHERE email = ?', [email])).toEqual([]);
  });

  it('answers a duplicate e-mail with 409 and a stale version with 409 and the current version', async () => {
    const user = await f.user(rootId, ['case_handler']);
    const dup = await as(api().post('/api/v1/users')).send({
      email: user.email,
      fullName: 'X Y',
      unitId: rootId,
      roles: [],
      password: TEST_PASSWORD,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('USER_EMAIL_TAKEN');
    await as(api().patch(`/api/v1/users/${user.id}`))
      .send({ version: 1, fullName: 'Tên một' })
      .expect(200);
    const stale = await as(api().patch(`/api/v1/users/${user.id}`)).send({ version: 1, fullName: 'Tên hai' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'USER_VERSION_CONFLICT', currentVersion: 2 });
    expect((await as(api().get(`/api/v1/users/${user.id}`)).expect(200)).body.fullName).toBe('Tên một');
  });

  it('never deletes a unit; deactivation waits for active sub-units and accounts', async () => {
    const parent = await f.unit('Cha', 'agency', rootId);
    const child = await f.unit('Con', 'division', parent.id);
    await f.user(child.id, ['case_handler']);
    expect((await as(api().delete(`/api/v1/units/${parent.id}`))).status).toBe(404);
    expect(
      (await as(api().post(`/api/v1/units/${parent.id}/deactivate`)).send({ version: 1 })).body.code,
    ).toBe('UNIT_HAS_ACTIVE_CHILDREN');
    expect(
      (await as(api().post(`/api/v1/units/${child.id}/deactivate`)).send({ version: 1 })).body.code,
    ).toBe('UNIT_HAS_ACTIVE_USERS');
  });

  it('audits every change in the same transaction, with before and after', async () => {
    const unit = (
      await as(api().post('/api/v1/units'))
        .send({ code: 'AUD-1', name: 'Tên cũ', kind: 'division', parentId: rootId })
        .expect(201)
    ).body;
    await as(api().patch(`/api/v1/units/${unit.id}`))
      .send({ version: 1, name: 'Tên mới' })
      .expect(200);
    const entries = (
      await as(api().get('/api/v1/audit-entries').query({ entityType: 'unit', entityId: unit.id })).expect(
        200,
      )
    ).body;
    expect(entries.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(entries.items[0].changes).toEqual({ name: { before: 'Tên cũ', after: 'Tên mới' } });
  });

  it('answers an absurd page number with 400, not a database error', async () => {
    const res = await as(api().get('/api/v1/users').query({ page: '1e300' }));
    expect(res.status).toBe(400);
    expect([...new Set(res.body.details.map((d: { field: string }) => d.field))]).toEqual(['page']);
    expect((await as(api().get('/api/v1/users').query({ page: '100001' }))).status).toBe(400);
  });

  it('ends every sign-in of an account: its next call is 401, the refresh fails, and it is audited', async () => {
    const officer = await f.user(rootId, ['case_handler']);
    const first = await login(app.getHttpServer(), officer.email);
    const second = await login(app.getHttpServer(), officer.email);
    await api().get('/api/v1/auth/me').set('authorization', `Bearer ${first.accessToken}`).expect(200);
    const ended = await as(api().post(`/api/v1/users/${officer.id}/sessions/end`)).expect(200);
    expect(ended.body).toEqual({ ended: 2 });
    for (const s of [first, second]) {
      const res = await api().get('/api/v1/auth/me').set('authorization', `Bearer ${s.accessToken}`);
      expect(res.status).toBe(401);
    }
    await api().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    const audit = (await dataSource.query(
      `SELECT action, changes FROM audit_log WHERE entity_type = 'user' AND entity_id = ? AND action = 'sessions_ended'`,
      [officer.id],
    )) as { action: string; changes: unknown }[];
    expect(audit).toHaveLength(1);
    // Nothing left to end; signing in again works.
    await as(api().post(`/api/v1/users/${officer.id}/sessions/end`)).expect(200, { ended: 0 });
    await login(app.getHttpServer(), officer.email);
  });

  it('checks a password being typed against the policy a save applies, and lists what each role may do', async () => {
    const check = (body: object) => as(api().post('/api/v1/users/password-check')).send(body).expect(200);
    expect((await check({ password: 'ngắn' })).body).toEqual({
      minLength: 12,
      maxLength: 256,
      problems: ['must be at least 12 characters'],
    });
    expect((await check({ password: 'nguyenthilan2026', fullName: 'Nguyễn Thị Lan' })).body.problems).toEqual(
      ['must not be made of your name'],
    );
    expect((await check({ password: 'đèn-sáng-ở-bến-nhà-rồng' })).body.problems).toEqual([]);
    // The same words a save answers with.
    const weak = await as(api().post('/api/v1/users')).send({
      email: uniqueEmail('weak'),
      fullName: 'Nguyễn Thị Lan',
      unitId: rootId,
      roles: ['case_handler'],
      password: 'nguyenthilan2026',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.details).toEqual([{ field: 'password', message: 'must not be made of your name' }]);
    await as(api().post('/api/v1/users/password-check')).send({}).expect(400);

    const roles = (await as(api().get('/api/v1/users/roles')).expect(200)).body as {
      role: string;
      permissions: string[];
    }[];
    expect(roles.map((r) => r.role)).toEqual([...ROLES]);
    for (const r of roles) expect(r.permissions).toEqual(ROLE_PERMISSIONS[r.role as (typeof ROLES)[number]]);
    expect(new Set(roles.flatMap((r) => r.permissions)).size).toBe(PERMISSIONS.length);
  });

  it('keeps the last active administrator an administrator', async () => {
    const [{ id: me }] = (await as(api().get('/api/v1/users').query({ role: 'admin' })).expect(200)).body
      .items;
    const others = await dataSource.query(
      "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.id <> ?",
      [me],
    );
    expect(others).toEqual([]);
    const current = (await as(api().get(`/api/v1/users/${me}`)).expect(200)).body;
    const res = await as(api().patch(`/api/v1/users/${me}`)).send({
      version: current.version,
      roles: ['case_handler'],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('USER_LAST_ADMIN');
    const second = await f.user(rootId, ['admin']);
    await as(api().patch(`/api/v1/users/${second.id}`))
      .send({ version: 1, roles: ['case_handler'] })
      .expect(200);
  });

  it('moves and creations racing on one subtree all finish cleanly and leave an exact closure table', async () => {
    const a = await f.unit('Sở đua A', 'agency', rootId);
    const b = await f.unit('Sở đua B', 'agency', rootId);
    const children = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => f.unit(`Phòng ${i}`, 'division', a.id)));
    const moves = children.map((c, i) =>
      as(api().post(`/api/v1/units/${c.id}/move`)).send({
        version: 1,
        parentId: i % 2 ? b.id : children[0].id === c.id ? b.id : a.id,
      }),
    );
    const creates = children.map((c, i) =>
      as(api().post('/api/v1/units')).send({
        code: `RACE-${i}-${Date.now() % 100000}`,
        name: `Tổ ${i}`,
        kind: 'other',
        parentId: c.id,
      }),
    );
    const outcomes = await Promise.all([...moves, ...creates]);
    expect(outcomes.filter((r) => r.status >= 500)).toEqual([]);
    // Every unit's closure rows are exactly its chain of parents.
    const rows: { id: string; parent_id: string | null }[] = await dataSource.query(
      'SELECT id, parent_id FROM units',
    );
    const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
    for (const { id } of rows) {
      const chain: string[] = [];
      for (let at: string | null = id; at; at = parent.get(at) ?? null) chain.push(at);
      const closure = await dataSource.query(
        'SELECT ancestor_id AS a FROM unit_closure WHERE descendant_id = ? ORDER BY depth',
        [id],
      );
      expect(closure.map((c: { a: string }) => c.a)).toEqual(chain);
    }
  });
});
