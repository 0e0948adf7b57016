import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { Clock } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { LetterDecisionsService } from '../../src/letters/letter-decisions.service.js';
import { LettersService } from '../../src/letters/letters.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

/**
 * Issue 14, finding 3: the department head assigned a denunciation case to the head of a division below,
 * who then accepted it. Authority over the case's unit, not assignment, makes the head's decisions; and
 * only a handler (a case handler of the unit or below, or the unit's own head) may be assigned.
 */
describe('authority, not assignment, makes the head’s decisions', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = (who: string, r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);

  beforeAll(async () => {
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    const departmentHead = await world.f.user(world.agencyA.id, ['unit_head']);
    const verifier = await world.f.user(world.divisionA.id, ['case_handler']);
    ids.departmentHead = departmentHead.id;
    ids.divisionHead = world.users.unit_head.id; // the head of division A, below the department
    ids.verifier = verifier.id;
    tokens.department_head = (await login(app.getHttpServer(), departmentHead.email)).accessToken;
    tokens.division_head = (await login(app.getHttpServer(), world.users.unit_head.email)).accessToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  async function departmentCase(): Promise<{ id: string; version: number }> {
    const today = app.get(Clock).today();
    const letters = app.get(LettersService);
    const letter = await letters.create(SYSTEM_ACTOR, {
      unitId: world.agencyA.id,
      receivedOn: addDays(today, -3),
      channel: 'post',
      classification: 'denunciation',
      subject: 'Tố cáo trưởng phòng nhận tiền',
      content: 'Tôi tố cáo trưởng phòng tài chính nhận tiền của doanh nghiệp để bỏ qua sai phạm.',
      petitioners: [
        {
          fullName: 'Phan Văn Tố',
          address: 'Số 3 đường Lê Lợi',
          idNumber: '079201000123',
          phone: '0913000123',
        },
      ],
      eligibility: ALL_PASSED,
    });
    const decided = await app.get(LetterDecisionsService).decide(SYSTEM_ACTOR, letter.id, {
      decision: 'accept',
      decidedOn: addDays(today, -2),
      legalBasis: 'LTC 25/2018/QH14 art. 24',
      version: letter.version,
    });
    const c = await as('department_head', api().get(`/api/v1/denunciation-cases/${decided.caseId}`)).expect(
      200,
    );
    return { id: c.body.id, version: c.body.version };
  }

  const assign = (c: { id: string; version: number }, handlerUserId: string) =>
    as('department_head', api().patch(`/api/v1/denunciation-cases/${c.id}/assignment`)).send({
      handlerUserId,
      reason: 'Giao xác minh',
      version: c.version,
    });

  const accept = (who: string, c: { id: string; version: number }) =>
    as(who, api().post(`/api/v1/denunciation-cases/${c.id}/transitions`)).send({
      event: 'accept',
      date: app.get(Clock).today(),
      documentRef: '05/QĐ-TLTC',
      legalBasis: 'LTC 25/2018/QH14 art. 29',
      version: c.version,
    });

  it('the head of a division below cannot be assigned the department’s case', async () => {
    const c = await departmentCase();
    const res = await assign(c, ids.divisionHead);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'CASE_HANDLER_INVALID',
      details: [{ field: 'handlerUserId' }],
    });
    const after = await as('department_head', api().get(`/api/v1/denunciation-cases/${c.id}`)).expect(200);
    expect(after.body.handlerUserId).toBeNull();
  });

  it('a case handler below is assigned; the division head, not the department’s head, cannot accept', async () => {
    const c = await departmentCase();
    const assigned = await assign(c, ids.verifier).expect(200);
    expect(assigned.body.handlerUserId).toBe(ids.verifier);
    // The division head sees nothing of the department's case: it is above their unit.
    expect((await accept('division_head', assigned.body)).status).toBe(404);
    const res = await accept('department_head', assigned.body).expect(201);
    expect(res.body).toMatchObject({ state: 'accepted', acceptedByUserId: ids.departmentHead });
  });
});
