import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

interface PreviewDeadline {
  id: string;
  purpose: string;
  currentDue: string;
  due: string;
  explanation: string[];
}

/**
 * POST /api/v1/complaint-cases/{id}/assignment-preview (issue 17): a reassignment before it is made —
 * the running deadlines on the other unit's calendar, equal to what the reassignment then writes, and
 * nothing written meanwhile.
 */
describe('a reassignment previewed (POST …/assignment-preview)', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = (who: string, r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);

  beforeAll(async () => {
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of ['admin', 'reception_officer', 'unit_head', 'case_handler'] as const) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
  });
  afterAll(() => app?.close());

  async function acceptedCase(kind: 'complaint' | 'denunciation') {
    const letter = (
      await as('reception_officer', api().post('/api/v1/letters'))
        .send({
          unitId: world.divisionA.id,
          receivedOn: '2026-11-20',
          channel: 'post',
          classification: kind,
          ...(kind === 'complaint' ? { complaintTrack: 'first_time' } : {}),
          subject: 'Khiếu nại quyết định thu hồi đất',
          content: 'Đề nghị xem xét lại quyết định thu hồi đất vì chưa được bồi thường thỏa đáng.',
          petitioners: [{ fullName: 'Nguyễn Văn Thử', address: 'Số 1, đường Lê Lợi' }],
          eligibility: ALL_PASSED,
        })
        .expect(201)
    ).body;
    const decided = await as('unit_head', api().post(`/api/v1/letters/${letter.id}/decision`))
      .send({
        decision: 'accept',
        decidedOn: '2026-11-24',
        legalBasis: 'LKN 2011 art. 27',
        version: letter.version,
      })
      .expect(201);
    return (await as('unit_head', api().get(`/api/v1/${kind}-cases/${decided.body.caseId}`)).expect(200))
      .body;
  }

  it('shows the deadlines on the other unit’s calendar, equal to what the reassignment writes, writing nothing', async () => {
    const c = await acceptedCase('complaint');
    const acceptance = c.deadlines.find((d: { purpose: string }) => d.purpose === 'acceptance');
    expect(acceptance.status).toBe('open');
    // A day off at the school only, inside the acceptance period: its calendar differs from the division's.
    await as('admin', api().put(`/api/v1/calendars/${world.schoolA.id}/entries/2026-11-30`))
      .send({ kind: 'day_off', name: 'Ngày truyền thống nhà trường' })
      .expect(200);

    const preview = (
      await as('unit_head', api().post(`/api/v1/complaint-cases/${c.id}/assignment-preview`))
        .send({ unitId: world.schoolA.id })
        .expect(200)
    ).body as { problems: unknown[]; unitId: string; moves: boolean; deadlines: PreviewDeadline[] };
    expect(preview).toMatchObject({ problems: [], unitId: world.schoolA.id, moves: true });
    const shown = preview.deadlines.find((d) => d.purpose === 'acceptance')!;
    expect(shown.currentDue).toBe(acceptance.dueDate);
    expect(shown.due).not.toBe(acceptance.dueDate); // the school's day off counts
    expect(shown.explanation.join('\n')).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);

    // Nothing was written: the same version, the same due date, no audit entry.
    const still = (await as('unit_head', api().get(`/api/v1/complaint-cases/${c.id}`)).expect(200)).body;
    expect(still.version).toBe(c.version);
    expect(still.unitId).toBe(world.divisionA.id);
    expect(still.deadlines).toEqual(c.deadlines);

    const moved = (
      await as('unit_head', api().patch(`/api/v1/complaint-cases/${c.id}/assignment`))
        .send({
          unitId: world.schoolA.id,
          reason: 'Chuyển trường giải quyết theo thẩm quyền',
          version: c.version,
        })
        .expect(200)
    ).body;
    for (const d of preview.deadlines) {
      const written = moved.deadlines.find((x: { id: string }) => x.id === d.id);
      expect({ purpose: d.purpose, due: written.dueDate, explanation: written.explanation.vi }).toEqual({
        purpose: d.purpose,
        due: d.due,
        explanation: d.explanation,
      });
    }
  });

  it('within the unit the deadlines stay; a handler who may not take it is a problem, not a write', async () => {
    const c = await acceptedCase('denunciation');
    const preview = (
      await as('unit_head', api().post(`/api/v1/denunciation-cases/${c.id}/assignment-preview`))
        .send({ handlerUserId: world.outsider.id })
        .expect(200)
    ).body as { problems: { field: string }[]; moves: boolean; deadlines: PreviewDeadline[] };
    expect(preview.moves).toBe(false);
    expect(preview.problems.map((p) => p.field)).toEqual(['handlerUserId']);
    for (const d of preview.deadlines) expect(d.due).toBe(d.currentDue);
  });

  it('refuses a unit out of scope and bad input with field errors; the handler may not preview', async () => {
    const c = await acceptedCase('complaint');
    const path = `/api/v1/complaint-cases/${c.id}/assignment-preview`;
    const out = await as('unit_head', api().post(path)).send({ unitId: world.divisionB.id }).expect(400);
    expect(out.body).toMatchObject({ code: 'CASE_INVALID', details: [{ field: 'unitId' }] });
    const bad = await as('unit_head', api().post(path)).send({ unitId: 'not-a-uuid' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['unitId']);
    await as('case_handler', api().post(path)).send({ unitId: world.schoolA.id }).expect(403);
  });
});
