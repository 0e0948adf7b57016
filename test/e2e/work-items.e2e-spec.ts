import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../src/auth/domain/actor.js';
import { permissionsOf } from '../../src/auth/domain/roles.js';
import { ListCasesQueryDto } from '../../src/complaints/dto/complaint-case.dto.js';
import { ComplaintCasesService } from '../../src/complaints/complaint-cases.service.js';
import { ListWorkItemsQueryDto } from '../../src/work-items/dto/work-items.dto.js';
import { WorkItemsService } from '../../src/work-items/work-items.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { findMarkers, markedDenouncer, needlesOf } from '../support/leak.js';
import { ALL_PASSED } from '../support/eligibility.js';

interface WorkItem {
  kind: string;
  id: string;
  ref: string;
  title: string;
  nextDue: string | null;
  mine: boolean;
}

/**
 * GET /api/v1/work-items (issue 17): one list of a unit's open work — letters awaiting a decision, open
 * complaint and denunciation cases, unfinished obligations — nearest due first, with counts per filter,
 * searched without diacritics, "mine" per role, never a denouncer.
 */
describe('work lists (GET /api/v1/work-items)', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = (who: string, r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);
  const denouncer = markedDenouncer();
  let complaintCase: { id: string; nextDue: string };
  let denunciationCase: { id: string; nextDue: string | null; letterDue: string };
  let waiting: { id: string; processingDue: string };

  async function logLetter(body: Record<string, unknown>) {
    const res = await as('reception_officer', api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn: '2026-11-20',
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: 'Ông đề nghị xem xét lại quyết định thu hồi đất vì chưa được bồi thường thỏa đáng.',
      petitioners: [{ fullName: 'Nguyễn Văn Thử', address: 'Số 1, đường Lê Lợi', idNumber: '079200001234' }],
      eligibility: ALL_PASSED,
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; processingDue: string };
  }

  async function accept(letter: { id: string; version: number }, decidedOn = '2026-11-24') {
    const res = await as('unit_head', api().post(`/api/v1/letters/${letter.id}/decision`))
      .send({
        decision: 'accept',
        decidedOn,
        legalBasis: 'LKN 2011 art. 27',
        version: letter.version,
      })
      .expect(201);
    return res.body.caseId as string;
  }

  beforeAll(async () => {
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'unit_head', 'case_handler', 'identity_custodian'] as const) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    const complaintId = await accept(await logLetter({ subject: 'Khiếu nại việc cấp giấy chứng nhận' }));
    const denunciationLetter = await logLetter({
      classification: 'denunciation',
      complaintTrack: undefined,
      subject: 'Tố cáo cán bộ địa chính',
      content: `Tôi là ${denouncer.fullName}, tố cáo cán bộ địa chính nhận tiền khi đo đạc đất.`,
      petitioners: [{ ...denouncer, tokens: undefined }],
    });
    const denunciationId = await accept(denunciationLetter);
    waiting = await logLetter({ receivedOn: '2026-12-01', subject: 'Khiếu nại về tiền bồi thường' });
    const c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${complaintId}`)).expect(200)).body;
    await as('unit_head', api().patch(`/api/v1/complaint-cases/${complaintId}/assignment`))
      .send({ handlerUserId: world.users.case_handler.id, reason: 'Phân công xác minh', version: c.version })
      .expect(200);
    complaintCase = { id: complaintId, nextDue: c.nextDue };
    const d = (await as('unit_head', api().get(`/api/v1/denunciation-cases/${denunciationId}`)).expect(200))
      .body;
    denunciationCase = {
      id: denunciationId,
      nextDue: d.nextDue,
      letterDue: denunciationLetter.processingDue,
    };
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('lists the unit’s open work nearest due first, with the due dates of each kind’s own routes', async () => {
    const res = await as('unit_head', api().get('/api/v1/work-items')).expect(200);
    const items = res.body.items as WorkItem[];
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(complaintCase.id)).toMatchObject({ kind: 'complaint', nextDue: complaintCase.nextDue });
    // A denunciation not yet accepted: its letter's initial processing (TC-1) is still its nearest deadline.
    expect(denunciationCase.nextDue).toBeNull();
    expect(byId.get(denunciationCase.id)).toMatchObject({
      kind: 'denunciation',
      nextDue: denunciationCase.letterDue,
    });
    expect(byId.get(waiting.id)).toMatchObject({ kind: 'letter', nextDue: waiting.processingDue });
    // The two decided letters are no longer waiting.
    expect(items.filter((i) => i.kind === 'letter')).toHaveLength(1);
    const dues = items.map((i) => i.nextDue ?? '9999-12-31');
    expect(dues).toEqual([...dues].sort());
    expect(res.body.counts.byKind).toEqual({ letter: 1, complaint: 1, denunciation: 1, obligation: 0 });
    expect(res.body.total).toBe(3);
    const overdue = items.filter((i) => i.nextDue !== null && i.nextDue < res.body.today).length;
    expect(res.body.counts.overdue).toBe(overdue);
    const only = await as('unit_head', api().get('/api/v1/work-items?due=overdue')).expect(200);
    expect(only.body.total).toBe(overdue);
    expect((only.body.items as WorkItem[]).every((i) => i.nextDue! < res.body.today)).toBe(true);
  });

  it('searches without diacritics and filters by kind, keeping the counts of every kind', async () => {
    const res = await as('unit_head', api().get('/api/v1/work-items?q=giay%20chung%20NHAN')).expect(200);
    expect((res.body.items as WorkItem[]).map((i) => i.id)).toEqual([complaintCase.id]);
    const kind = await as('unit_head', api().get('/api/v1/work-items?kind=letter')).expect(200);
    expect((kind.body.items as WorkItem[]).map((i) => i.id)).toEqual([waiting.id]);
    expect(kind.body.total).toBe(1);
    expect(kind.body.counts.all).toBe(3);
  });

  it('"mine": the handler’s assigned case, the head’s letters to decide', async () => {
    const handler = await as('case_handler', api().get('/api/v1/work-items?scope=mine')).expect(200);
    expect((handler.body.items as WorkItem[]).map((i) => i.id)).toEqual([complaintCase.id]);
    const head = await as('unit_head', api().get('/api/v1/work-items?scope=mine')).expect(200);
    expect((head.body.items as WorkItem[]).map((i) => i.id)).toEqual([waiting.id]);
  });

  it('shows an assignee their case outside the units they may read, found by its handler', async () => {
    // The same person seen from another unit (agency B): the case of division A is theirs, not B's.
    const actor: Actor = {
      userId: world.users.case_handler.id,
      unitId: world.agencyB.id,
      roles: ['case_handler'],
      permissions: permissionsOf(['case_handler']),
      scopeRootUnitIds: [world.agencyB.id],
      requestId: null,
      clientIp: null,
    };
    const service = app.get(WorkItemsService);
    const query = (filter: Partial<ListWorkItemsQueryDto>) =>
      Object.assign(new ListWorkItemsQueryDto(), { page: 1, pageSize: 50 }, filter);
    const all = await service.list(actor, query({}));
    expect(all.items.map((i) => [i.id, i.mine])).toEqual([[complaintCase.id, true]]);
    const mine = await service.list(actor, query({ scope: 'mine' }));
    expect(mine.items.map((i) => i.id)).toEqual([complaintCase.id]);
    // Someone else in agency B sees none of division A's work.
    const other = await service.list({ ...actor, userId: world.outsider.id }, query({}));
    expect(other.total).toBe(0);
    // The complaint cases' own list finds it the same way (its unit's range and the handler's, UNIONed).
    const cases = app.get(ComplaintCasesService);
    const caseQuery = (filter: Partial<ListCasesQueryDto>) =>
      Object.assign(new ListCasesQueryDto(), { page: 1, pageSize: 50, sort: 'due', order: 'asc' }, filter);
    for (const filter of [{}, { scope: 'mine' as const }]) {
      const listed = await cases.list(actor, caseQuery(filter));
      expect([listed.total, listed.items.map((c) => c.id)]).toEqual([1, [complaintCase.id]]);
    }
    expect((await cases.list({ ...actor, userId: world.outsider.id }, caseQuery({}))).total).toBe(0);
  });

  it('refuses bad filters field by field and never shows a denouncer', async () => {
    const bad = await as('unit_head', api().get('/api/v1/work-items?kind=x&due=soon&pageSize=0')).expect(400);
    expect(new Set((bad.body.details as { field: string }[]).map((d) => d.field))).toEqual(
      new Set(['kind', 'due', 'pageSize']),
    );
    const res = await as('unit_head', api().get('/api/v1/work-items')).expect(200);
    expect(findMarkers(JSON.stringify(res.body), needlesOf('denouncer', denouncer))).toEqual([]);
    // A custodian holds no cases:read: no work list.
    await as('identity_custodian', api().get('/api/v1/work-items')).expect(403);
  });

  it('previews a decision: what it settles and opens is what the decision then writes; nothing written', async () => {
    const letter = await logLetter({ receivedOn: '2026-12-02', subject: 'Khiếu nại về lệ phí trước bạ' });
    const preview = (
      await as('unit_head', api().post(`/api/v1/letters/${letter.id}/decision-preview`))
        .send({ decision: 'accept', decidedOn: '2026-12-03' })
        .expect(200)
    ).body;
    expect(preview.problems).toEqual([]);
    expect(preview.settles).toEqual({ purpose: 'processing', due: letter.processingDue, outcome: 'met' });
    expect(preview.opens).toHaveLength(1);
    expect(preview.opens[0]).toMatchObject({ purpose: 'acceptance', ruleId: 'KN-2', trigger: '2026-12-02' });
    expect(preview.opens[0].explanation.join(' ')).toContain('ngày');
    const still = (await as('unit_head', api().get(`/api/v1/letters/${letter.id}`)).expect(200)).body;
    expect(still).toMatchObject({ status: 'registered', version: letter.version });

    const caseId = await accept(letter, '2026-12-03');
    const c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${caseId}`)).expect(200)).body;
    const acceptance = (c.deadlines as { purpose: string; dueDate: string }[]).find(
      (d) => d.purpose === 'acceptance',
    );
    expect(acceptance?.dueDate).toBe(preview.opens[0].due);
    const decided = await as('unit_head', api().post(`/api/v1/letters/${letter.id}/decision-preview`))
      .send({ decision: 'guide', decidedOn: '2026-12-03' })
      .expect(200);
    expect(decided.body.problems[0]).toMatchObject({ field: 'decision' });
  });

  it('shows the transfer chain and refuses a loop before anything is sent', async () => {
    const letter = await logLetter({ subject: 'Khiếu nại chuyển xuống trường' });
    await as('unit_head', api().post(`/api/v1/letters/${letter.id}/decision`))
      .send({
        decision: 'transfer',
        transferToUnitId: world.schoolA.id,
        transferRef: '15/CV-P.A1',
        decidedOn: '2026-11-24',
        legalBasis: 'TT 05/2021/TT-TTCP art. 8',
        version: letter.version,
      })
      .expect(201);
    const there = (await as('unit_head', api().get(`/api/v1/letters?unitId=${world.schoolA.id}`)).expect(200))
      .body.items[0];
    const preview = (
      await as('unit_head', api().post(`/api/v1/letters/${there.id}/decision-preview`))
        .send({ decision: 'transfer', decidedOn: '2026-11-25', transferToUnitId: world.divisionA.id })
        .expect(200)
    ).body;
    expect(preview.chain).toEqual([
      { unitId: world.schoolA.id, unitName: world.schoolA.name },
      { unitId: world.divisionA.id, unitName: world.divisionA.name },
    ]);
    expect(preview.transferRefusal).toMatchObject({ code: 'LETTER_TRANSFER_LOOP' });
    expect(preview.opens).toEqual([]);
  });
});
