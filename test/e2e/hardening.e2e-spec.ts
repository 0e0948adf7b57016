import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { Clock } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { uuid7 } from '../../src/common/ids/uuid7.js';
import type { CreateLetterDto } from '../../src/letters/dto/letter.dto.js';
import { LetterDecisionsService } from '../../src/letters/letter-decisions.service.js';
import { LettersService } from '../../src/letters/letters.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

/** Every error answer has this shape (docs/security.md). */
const errorShape = (statusCode: number, code: string) => ({
  statusCode,
  code,
  message: expect.any(String),
  details: expect.any(Array),
});

/**
 * Issue 14, findings 6 and 8: deeply nested JSON is a 400 with a code on every route, public ones
 * included; every error answer carries `details`; API answers are not cached; audit entries show no
 * digest of a sealed file.
 */
describe('hardening of the API’s answers', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = (who: string, r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);

  beforeAll(async () => {
    app = await startApi(testConfig({ RATE_LIMIT_PUBLIC_PER_MINUTE: '25' }));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'inspectorate_leader', 'admin'] as const) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses 100,000 levels of nesting on the public status lookup with 400 REQUEST_TOO_DEEP', async () => {
    const depth = 100_000;
    const res = await api()
      .post('/api/v1/public/letter-status')
      .set('content-type', 'application/json')
      .send(`{"code":${'['.repeat(depth)}${']'.repeat(depth)},"secret":"x"}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      ...errorShape(400, 'REQUEST_TOO_DEEP'),
      details: [{ field: 'body', message: expect.stringContaining('32') }],
    });
  });

  it('refuses petitioners nested 1,000 deep on letter intake, and takes 32 levels as ordinary input', async () => {
    const nest = (depth: number): unknown => (depth === 0 ? { fullName: 'A' } : [nest(depth - 1)]);
    const body = (petitioners: unknown) => ({
      unitId: world.divisionA.id,
      receivedOn: '2026-11-20',
      channel: 'post',
      classification: 'petition',
      subject: 'Kiến nghị',
      content: 'Kiến nghị sửa đường.',
      eligibility: ALL_PASSED,
      petitioners,
    });
    const deep = await as('reception_officer', api().post('/api/v1/letters')).send(body(nest(1000)));
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe('REQUEST_TOO_DEEP');
    // Within the limit the body is parsed and validated as usual: a field error, not a depth error.
    const shallow = await as('reception_officer', api().post('/api/v1/letters')).send(body(nest(20)));
    expect(shallow.status).toBe(400);
    expect(shallow.body.code).toBe('VALIDATION_FAILED');
  });

  it('gives every error answer the same shape with details', async () => {
    const parse = await api()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": ');
    expect(parse.body).toEqual(errorShape(400, 'REQUEST_INVALID_JSON'));

    const large = await api()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'x'.repeat(1_100_000), password: 'y' }));
    expect(large.body).toEqual(errorShape(413, 'PAYLOAD_TOO_LARGE'));

    const signIn = await api()
      .post('/api/v1/auth/login')
      .send({ email: world.users.admin.email, password: 'not-the-right-password' });
    expect(signIn.body).toEqual(errorShape(401, 'AUTH_INVALID_CREDENTIALS'));

    const unknown = await as('admin', api().get('/api/v1/no-such-route'));
    expect(unknown.body).toEqual(errorShape(404, 'NOT_FOUND'));

    const notFound = await as('admin', api().get(`/api/v1/letters/${world.divisionA.id}`));
    expect(notFound.body).toEqual(errorShape(notFound.status, notFound.body.code));
    for (const res of [parse, large, signIn, unknown, notFound]) expect(res.body.details).toEqual([]);
  });

  it('marks API answers no-store, personal data and errors alike', async () => {
    const created = await as('reception_officer', api().post('/api/v1/letters'))
      .send({
        unitId: world.divisionA.id,
        receivedOn: '2026-11-20',
        channel: 'post',
        classification: 'complaint',
        complaintTrack: 'first_time',
        subject: 'Khiếu nại quyết định thu hồi đất',
        content: 'Tôi khiếu nại quyết định thu hồi đất.',
        petitioners: [{ fullName: 'Trần Văn Bình', phone: '0913111222' }],
        eligibility: ALL_PASSED,
      })
      .expect(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const read = await as('inspectorate_leader', api().get(`/api/v1/letters/${created.body.id}`)).expect(200);
    expect(read.headers['cache-control']).toBe('no-store');
    const me = await as('admin', api().get('/api/v1/users?pageSize=5')).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const refused = await api().get('/api/v1/users');
    expect(refused.status).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('shows no digest of a sealed file in the audit trail', async () => {
    const letter = await as('reception_officer', api().post('/api/v1/letters'))
      .send({
        unitId: world.divisionA.id,
        receivedOn: '2026-11-20',
        channel: 'post',
        classification: 'denunciation',
        subject: 'Tố cáo cán bộ nhận tiền',
        content: 'Tôi tố cáo cán bộ địa chính nhận tiền.',
        petitioners: [{ fullName: 'Ngô Thị Kín', phone: '0913444555' }],
        eligibility: ALL_PASSED,
      })
      .expect(201);
    const scan = Buffer.from('%PDF-1.4\n% CCCD Ngô Thị Kín\n%%EOF\n', 'utf8');
    await as('reception_officer', api().post(`/api/v1/letters/${letter.body.id}/attachments`))
      .field('identifying', 'true')
      .attach('file', scan, 'cccd.pdf')
      .expect(201);
    const { createHash } = await import('node:crypto');
    const digest = createHash('sha256').update(scan).digest('hex');
    const entries = await as(
      'inspectorate_leader',
      api().get(`/api/v1/audit-entries?entityId=${letter.body.id}&pageSize=50`),
    ).expect(200);
    const attach = entries.body.items.find((e: { action: string }) => e.action === 'attach');
    expect(attach.changes.attachment.after).toMatchObject({ identifying: true, sha256: null });
    expect(JSON.stringify(entries.body)).not.toContain(digest);
  });

  it('resolves a re-denunciation’s previousCaseId within the caller’s units, one answer for not yours and absent', async () => {
    const today = app.get(Clock).today();
    const denunciationCase = async (unitId: string) => {
      const letters = app.get(LettersService);
      const letter = await letters.create(SYSTEM_ACTOR, {
        unitId,
        receivedOn: addDays(today, -5),
        channel: 'post',
        classification: 'denunciation',
        subject: 'Tố cáo cán bộ thu tiền trái phép',
        content: 'Tôi tố cáo cán bộ thu tiền trái phép của người dân khi làm thủ tục.',
        petitioners: [{ fullName: 'Đỗ Văn Tố', phone: '0913777888' }],
        eligibility: ALL_PASSED as CreateLetterDto['eligibility'],
      });
      const decided = await app.get(LetterDecisionsService).decide(SYSTEM_ACTOR, letter.id, {
        decision: 'accept',
        decidedOn: addDays(today, -4),
        legalBasis: 'LTC 25/2018/QH14 art. 24',
        version: letter.version,
      });
      return decided.caseId!;
    };
    const mine = await denunciationCase(world.divisionA.id);
    const theirs = await denunciationCase(world.divisionB.id);
    const redenounce = (previousCaseId: string) =>
      as('reception_officer', api().post('/api/v1/letters')).send({
        unitId: world.divisionA.id,
        receivedOn: today,
        channel: 'post',
        classification: 'denunciation',
        denunciationTrack: 'redenunciation_wrong_resolution',
        previousCaseId,
        subject: 'Tố cáo tiếp vì giải quyết không đúng',
        content: 'Tôi tố cáo tiếp vì việc giải quyết tố cáo trước đây không đúng pháp luật.',
        petitioners: [{ fullName: 'Đỗ Văn Tố', phone: '0913777888' }],
        eligibility: ALL_PASSED,
      });
    const notMine = await redenounce(theirs);
    const absent = await redenounce(uuid7());
    expect(notMine.status).toBe(400);
    expect(notMine.body).toEqual({
      ...errorShape(400, 'LETTER_INVALID'),
      details: [{ field: 'previousCaseId', message: expect.any(String) }],
    });
    expect(absent.status).toBe(notMine.status);
    expect(absent.body).toEqual(notMine.body);
    expect((await redenounce(mine)).status).toBe(201);
  });

  it('answers the rate limit with the same shape', async () => {
    let limited: request.Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await api()
        .post('/api/v1/public/letter-status')
        .send({ code: 'TD-2026-0000-0000', secret: 'WRONGSECRT' });
      if (res.status === 429) limited = res;
    }
    expect(limited?.body).toEqual({ ...errorShape(429, 'RATE_LIMITED'), details: [] });
  });
});
