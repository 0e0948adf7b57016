import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { createHash } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import type { Role } from '../../src/auth/domain/roles.js';
import { UnitCalendarService } from '../../src/calendar/unit-calendar.service.js';
import { ComplaintCasesService } from '../../src/complaints/complaint-cases.service.js';
import { Clock } from '../../src/common/clock.js';
import { addDays, type LocalDate } from '../../src/common/domain/local-date.js';
import { computeDeadline } from '../../src/deadlines/domain/deadline-engine.js';
import { DEFAULT_DEADLINE_POLICY } from '../../src/deadlines/domain/deadline-policy.js';
import { EnforcementReviewService } from '../../src/enforcement/enforcement-review.service.js';
import { EnforcementProcessor } from '../../src/enforcement/enforcement.processor.js';
import { EnforcementService, type OpenEnforcementInput } from '../../src/enforcement/enforcement.service.js';
import { LettersService } from '../../src/letters/letters.service.js';
import { LetterDecisionsService } from '../../src/letters/letter-decisions.service.js';
import { QUEUES } from '../../src/queue/queues.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% biên bản bàn giao đất\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

interface ObligationBody {
  id: string;
  status: string;
  overdue: boolean;
  dueDate: string;
  dueSource: string;
  version: number;
  deadline: {
    ruleId: string;
    triggerDate: string;
    dueDate: string;
    rawEnd: string;
    status: string;
    calendarVersion: string;
  };
  updates: Array<{ id: string; status: string; evidence: Array<{ id: string; sha256: string }> }>;
}

/**
 * Enforcement of final decisions over HTTP: a record opened when a complaint decision became legally
 * effective, obligations due by rule (KN-11 / TC-6, compared with the engine) or by a date in the
 * decision, progress reports and the record's status, evidence files, the clock moving past a due date,
 * stale versions, the inspectorate's roll-up, and the monthly review reminders.
 */
describe('enforcement of a final decision', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(who: string, r: T) => r.set('authorization', `Bearer ${tokens[who]}`);
  let now: jest.SpyInstance;
  const setToday = (day: LocalDate) => now.mockReturnValue(new Date(`${day}T03:00:00Z`));

  async function engine(unitId: string, ruleId: string, trigger: LocalDate) {
    const calendar = await app.get(UnitCalendarService).calendarFor(unitId);
    return computeDeadline(ruleId, trigger, {}, calendar, DEFAULT_DEADLINE_POLICY);
  }

  /** A complaint case of division A (its letter accepted), standing in for one legally effective. */
  async function complaintCase() {
    const letter = await app.get(LettersService).create(SYSTEM_ACTOR, {
      unitId: world.divisionA.id,
      receivedOn: '2026-08-03',
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: 'Tôi khiếu nại Quyết định số 12/QĐ-UBND về việc thu hồi đất nông nghiệp của gia đình tôi.',
      petitioners: [
        {
          fullName: 'Trần Thị Mai',
          address: 'Tổ 5, phường Tân Phong',
          idNumber: '075301002468',
          phone: '0912000111',
        },
      ],
      eligibility: ALL_PASSED,
    } as Parameters<LettersService['create']>[1]);
    const decided = await app.get(LetterDecisionsService).decide(SYSTEM_ACTOR, letter.id, {
      decision: 'accept',
      decidedOn: '2026-08-05',
      legalBasis: 'LKN 02/2011/QH13 art. 27',
      version: letter.version,
    });
    return app.get(ComplaintCasesService).get(SYSTEM_ACTOR, decided.caseId!);
  }

  /** What the case service will call in the transaction that makes the decision final. */
  function open(input: OpenEnforcementInput) {
    return dataSource.transaction((manager) =>
      app.get(EnforcementService).openFor(manager, SYSTEM_ACTOR, input),
    );
  }

  const openSimple = (
    unitId: string,
    openedOn: LocalDate,
    subjectType: OpenEnforcementInput['subjectType'] = 'complaint_case',
  ) =>
    open({
      subjectType,
      subjectId: crypto.randomUUID(),
      unitId,
      title: `${subjectType === 'complaint_case' ? 'KN' : 'TC'}-2026-0000xx — vụ việc thử nghiệm`,
      decisionRef: '01/QĐ',
      openedOn,
    });

  async function obligation(who: string, recordId: string, version: number, body: Record<string, unknown>) {
    return as(who, api().post(`/api/v1/enforcement-records/${recordId}/obligations`)).send({
      kind: 'restore_rights',
      description: 'Hoàn trả diện tích đất đã thu hồi',
      version,
      ...body,
    });
  }

  async function report(who: string, o: { id: string; version: number }, body: Record<string, unknown>) {
    return as(who, api().post(`/api/v1/enforcement-records/obligations/${o.id}/updates`)).send({
      note: 'Báo cáo tiến độ thi hành',
      version: o.version,
      ...body,
    });
  }

  const created = (res: request.Response) => {
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    app = await startApi();
    now = jest.spyOn(app.get(Clock), 'now');
    setToday('2026-11-25');
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    world = await twoAgencies(app);
    for (const role of ['unit_head', 'case_handler', 'inspectorate_leader', 'reception_officer'] as Role[]) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    // A handler of the school that must carry out an obligation, and one of agency B.
    const schoolHandler = await world.f.user(world.schoolA.id, ['case_handler']);
    tokens.school = (await login(app.getHttpServer(), schoolHandler.email)).accessToken;
    tokens.outsider = (await login(app.getHttpServer(), world.outsider.email)).accessToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  let recordId: string;
  let engineObligation: ObligationBody;
  let fixedObligation: ObligationBody;

  it('opens one record per final decision, idempotently, with its first review a month on', async () => {
    const c = await complaintCase();
    const input: OpenEnforcementInput = {
      subjectType: 'complaint_case',
      subjectId: c.id,
      unitId: c.unitId,
      title: `${c.caseNumber} — ${c.subject}`,
      decisionRef: '125/QĐ-UBND',
      openedOn: '2026-11-24',
    };
    const first = await open(input);
    const again = await open({ ...input, openedOn: '2026-11-25' });
    expect(again.id).toBe(first.id);
    expect(again.openedOn).toBe('2026-11-24');
    recordId = first.id;

    const r = (await as('case_handler', api().get(`/api/v1/enforcement-records/${recordId}`)).expect(200))
      .body;
    expect(r).toMatchObject({
      subjectType: 'complaint_case',
      subjectId: c.id,
      unitId: world.divisionA.id,
      status: 'not_started',
      openedOn: '2026-11-24',
      nextReviewOn: '2026-12-24',
      closedOn: null,
      obligations: [],
      version: 1,
    });
    // A case's page finds its record by the case (subjectId); another case has none.
    const bySubject = (
      await as('case_handler', api().get(`/api/v1/enforcement-records?subjectId=${c.id}`)).expect(200)
    ).body;
    expect(bySubject).toMatchObject({ total: 1, items: [{ id: recordId, subjectId: c.id }] });
    const other = await as(
      'case_handler',
      api().get(`/api/v1/enforcement-records?subjectId=${crypto.randomUUID()}`),
    ).expect(200);
    expect(other.body.total).toBe(0);
    const bad = await as('case_handler', api().get('/api/v1/enforcement-records?subjectId=KN-1'));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'subjectId' })]);
    const audit = await dataSource.query(
      "SELECT action FROM audit_log WHERE entity_type = 'enforcement_record' AND entity_id = ? ORDER BY id",
      [recordId],
    );
    expect(audit).toEqual([{ action: 'create' }]);
    // The national database hears of it in the same transaction, once (NĐ 55/2022 art. 8; ADR 0014).
    const national = await dataSource.query(
      "SELECT event, sequence, occurred_on, payload FROM national_sync_outbox WHERE record_type = 'enforcement_record' AND record_id = ?",
      [recordId],
    );
    expect(national).toHaveLength(1);
    expect(national[0]).toMatchObject({
      event: 'enforcement.opened',
      sequence: 1,
      occurred_on: '2026-11-24',
    });
    const payload =
      typeof national[0].payload === 'string' ? JSON.parse(national[0].payload) : national[0].payload;
    expect(payload).toEqual({
      caseType: 'complaint_case',
      caseId: c.id,
      decisionRef: '125/QĐ-UBND',
      openedOn: '2026-11-24',
      recordStatus: 'not_started',
      nextReviewOn: '2026-12-24',
    });

    // Outside the record's units it does not exist.
    const outside = await as('outsider', api().get(`/api/v1/enforcement-records/${recordId}`));
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('ENFORCEMENT_NOT_FOUND');
  });

  it('sets obligations due by the statutory rule (the engine’s answer) or by a date of the decision', async () => {
    let r = (await as('unit_head', api().get(`/api/v1/enforcement-records/${recordId}`)).expect(200)).body;

    // Field by field: every problem of the request at once.
    const bad = await obligation('unit_head', recordId, r.version, {
      owningUnitId: world.divisionB.id,
      due: { rule: 'TC-6' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('ENFORCEMENT_INVALID');
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'due.rule',
      'owningUnitId',
    ]);
    const both = await obligation('unit_head', recordId, r.version, {
      owningUnitId: world.schoolA.id,
      due: { rule: 'KN-11', date: '2026-12-31' },
    });
    expect(both.status).toBe(400);
    expect(both.body.details).toEqual([{ field: 'due', message: expect.stringContaining('exactly one') }]);
    const early = await obligation('unit_head', recordId, r.version, {
      owningUnitId: world.schoolA.id,
      due: { date: '2026-11-01' },
    });
    expect(early.status).toBe(400);
    expect(early.body.details[0].field).toBe('due.date');
    const malformed = await as(
      'unit_head',
      api().post(`/api/v1/enforcement-records/${recordId}/obligations`),
    ).send({
      kind: 'repaint',
      description: 'x',
      owningUnitId: world.schoolA.id,
      due: { rule: 'KN-99' },
      version: r.version,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    expect(malformed.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'description',
      'due.rule',
      'kind',
    ]);
    // The school carries obligations out; it does not set them.
    const notResolver = await obligation('school', recordId, r.version, {
      owningUnitId: world.schoolA.id,
      due: { rule: 'KN-11' },
    });
    expect(notResolver.status).toBe(404);

    // KN-11: 05 working days from legal effect, on the owning unit's calendar (NĐ 124 art. 31).
    r = created(
      await obligation('unit_head', recordId, r.version, {
        kind: 'revoke_decision',
        description: 'Hủy Quyết định số 12/QĐ-UBND',
        owningUnitId: world.schoolA.id,
        due: { rule: 'KN-11' },
      }),
    );
    engineObligation = r.obligations[0];
    const kn11 = await engine(world.schoolA.id, 'KN-11', '2026-11-24');
    expect(engineObligation).toMatchObject({ dueSource: 'engine', status: 'not_started', dueDate: kn11.due });
    expect(engineObligation.deadline).toMatchObject({
      ruleId: 'KN-11',
      triggerDate: '2026-11-24',
      dueDate: kn11.due,
      rawEnd: kn11.rawEnd,
      calendarVersion: kn11.calendarVersion,
      status: 'open',
    });

    // A date of the decision: a fixed deadline row, so the escalation ladder applies all the same.
    const stale = await obligation('unit_head', recordId, r.version - 1, {
      owningUnitId: world.divisionA.id,
      due: { date: '2026-12-31' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'ENFORCEMENT_VERSION_CONFLICT', currentVersion: r.version });
    r = created(
      await obligation('case_handler', recordId, r.version, {
        kind: 'pay',
        description: 'Bồi thường thiệt hại về cây trồng',
        owningUnitId: world.divisionA.id,
        due: { date: '2026-12-31' },
      }),
    );
    fixedObligation = r.obligations[1];
    expect(fixedObligation).toMatchObject({ dueSource: 'resolver', dueDate: '2026-12-31' });
    expect(fixedObligation.deadline).toMatchObject({ ruleId: 'SET', dueDate: '2026-12-31', status: 'open' });
    const rows = await dataSource.query(
      "SELECT subject_id, purpose, unit_id FROM case_deadlines WHERE subject_type = 'enforcement_obligation' ORDER BY subject_id",
    );
    expect(rows).toEqual(
      [
        { subject_id: engineObligation.id, purpose: 'obligation', unit_id: world.schoolA.id },
        { subject_id: fixedObligation.id, purpose: 'obligation', unit_id: world.divisionA.id },
      ].sort((a, b) => a.subject_id.localeCompare(b.subject_id)),
    );
    expect(r.status).toBe('not_started');
  });

  it('TC-6 for a denunciation conclusion, compared with the engine', async () => {
    const d = await openSimple(world.schoolA.id, '2026-11-19', 'denunciation_case');
    const kn = await obligation('unit_head', d.id, d.version, {
      owningUnitId: world.schoolA.id,
      due: { rule: 'KN-11' },
    });
    expect(kn.status).toBe(400);
    expect(kn.body.details[0]).toMatchObject({ field: 'due.rule', message: expect.stringContaining('TC-6') });
    const r = created(
      await obligation('unit_head', d.id, d.version, {
        kind: 'discipline',
        description: 'Xử lý kỷ luật cán bộ vi phạm',
        owningUnitId: world.schoolA.id,
        due: { rule: 'TC-6' },
      }),
    );
    const tc6 = await engine(world.schoolA.id, 'TC-6', '2026-11-19');
    expect(r.obligations[0].deadline).toMatchObject({ ruleId: 'TC-6', dueDate: tc6.due, rawEnd: tc6.rawEnd });
  });

  it('derives the record’s status from the reports; the owning unit reports on its own obligation only', async () => {
    const future = await report('case_handler', engineObligation, {
      reportedOn: '2026-11-26',
      status: 'in_progress',
    });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([{ field: 'reportedOn', message: 'must not be in the future' }]);
    const before = await report('case_handler', engineObligation, {
      reportedOn: '2026-11-20',
      status: 'in_progress',
    });
    expect(before.status).toBe(400);
    expect(before.body.details[0].field).toBe('reportedOn');

    // The school's handler sees the record through its obligation and reports on it…
    let r = created(
      await report('school', engineObligation, { reportedOn: '2026-11-25', status: 'in_progress' }),
    );
    expect(r.status).toBe('in_progress');
    engineObligation = r.obligations[0];
    expect(engineObligation).toMatchObject({ status: 'in_progress', version: 2 });
    // …but not on the division's.
    const notTheirs = await report('school', fixedObligation, { reportedOn: '2026-11-25', status: 'done' });
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.body.code).toBe('ENFORCEMENT_OBLIGATION_NOT_FOUND');
    // Seeing the record through an obligation does not make one the resolver.
    const setting = await obligation('school', recordId, r.version, {
      owningUnitId: world.schoolA.id,
      due: { date: '2026-12-31' },
    });
    expect(setting.status).toBe(403);
    expect(setting.body.code).toBe('ENFORCEMENT_NOT_RESOLVER');

    const stale = await report(
      'case_handler',
      { ...engineObligation, version: 1 },
      {
        reportedOn: '2026-11-25',
        status: 'done',
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'ENFORCEMENT_VERSION_CONFLICT', currentVersion: 2 });

    r = created(
      await report('case_handler', fixedObligation, { reportedOn: '2026-11-25', status: 'blocked' }),
    );
    expect(r.status).toBe('blocked');
    fixedObligation = r.obligations[1];
    const list = (
      await as('inspectorate_leader', api().get('/api/v1/enforcement-records?status=blocked')).expect(200)
    ).body;
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([recordId]);
  });

  it('keeps evidence files with their checksum and serves them back', async () => {
    const update = engineObligation.updates[0];
    const up = created(
      await as('school', api().post(`/api/v1/enforcement-records/updates/${update.id}/evidence`)).attach(
        'file',
        PDF,
        'biên bản bàn giao.pdf',
      ),
    );
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(up).toMatchObject({ mediaType: 'application/pdf', sizeBytes: PDF.length, sha256 });

    const down = await as('inspectorate_leader', api().get(`/api/v1/enforcement-records/evidence/${up.id}`))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(down.headers['content-type']).toMatch(/^application\/pdf/);
    expect(
      createHash('sha256')
        .update(down.body as Buffer)
        .digest('hex'),
    ).toBe(sha256);
    expect(decodeURIComponent(String(down.headers['content-disposition']))).toContain(
      'biên bản bàn giao.pdf',
    );

    const exe = await as(
      'case_handler',
      api().post(`/api/v1/enforcement-records/updates/${update.id}/evidence`),
    ).attach('file', Buffer.from('MZ\x90\x00binary'), 'bien-ban.pdf');
    expect(exe.status).toBe(415);
    const hidden = await as('outsider', api().get(`/api/v1/enforcement-records/evidence/${up.id}`));
    expect(hidden.status).toBe(404);

    const r = (await as('unit_head', api().get(`/api/v1/enforcement-records/${recordId}`)).expect(200)).body;
    expect(r.obligations[0].updates[0].evidence).toEqual([expect.objectContaining({ id: up.id, sha256 })]);
  });

  it('turns overdue the day after a due date, and done when the last obligation is carried out', async () => {
    const due = engineObligation.dueDate;
    setToday(due);
    let r = (await as('unit_head', api().get(`/api/v1/enforcement-records/${recordId}`)).expect(200)).body;
    expect(r.obligations[0]).toMatchObject({ status: 'in_progress', overdue: false });

    const dayAfter = addDays(due, 1);
    setToday(dayAfter);
    r = (await as('unit_head', api().get(`/api/v1/enforcement-records/${recordId}`)).expect(200)).body;
    expect(r.obligations[0]).toMatchObject({ status: 'overdue', overdue: true });
    // Blocked outranks overdue…
    expect(r).toMatchObject({ status: 'blocked', overdueObligations: 1 });
    // …until the block is lifted.
    r = created(
      await report('case_handler', fixedObligation, { reportedOn: dayAfter, status: 'in_progress' }),
    );
    expect(r.status).toBe('overdue');
    fixedObligation = r.obligations[1];
    const overdue = (
      await as(
        'unit_head',
        api().get(`/api/v1/enforcement-records?status=overdue&unitId=${world.divisionA.id}`),
      ).expect(200)
    ).body;
    expect(overdue).toMatchObject({ total: 1, items: [{ id: recordId, status: 'overdue', nextDue: due }] });

    // Done late: the deadline is settled as missed; the record stays open while the other runs.
    r = created(await report('school', r.obligations[0], { reportedOn: dayAfter, status: 'done' }));
    expect(r.obligations[0]).toMatchObject({ status: 'done', doneOn: dayAfter, overdue: false });
    expect(r.obligations[0].deadline).toMatchObject({ status: 'missed', settledOn: dayAfter });
    expect(r.status).toBe('in_progress');
    const doneAgain = await report('school', r.obligations[0], { reportedOn: dayAfter, status: 'blocked' });
    expect(doneAgain.status).toBe(422);
    expect(doneAgain.body.code).toBe('ENFORCEMENT_OBLIGATION_DONE');

    r = created(await report('case_handler', r.obligations[1], { reportedOn: dayAfter, status: 'done' }));
    expect(r).toMatchObject({ status: 'done', closedOn: dayAfter, nextReviewOn: null });
    expect(r.obligations[1].deadline).toMatchObject({ status: 'met', settledOn: dayAfter });
    const closed = await obligation('unit_head', recordId, r.version, {
      owningUnitId: world.divisionA.id,
      due: { date: '2027-01-31' },
    });
    expect(closed.status).toBe(422);
    expect(closed.body.code).toBe('ENFORCEMENT_CLOSED');

    const audit: { action: string }[] = await dataSource.query(
      "SELECT action FROM audit_log WHERE entity_type = 'enforcement_record' AND entity_id = ? ORDER BY id",
      [recordId],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'enforcement.obligation',
      'enforcement.obligation',
      'enforcement.update',
      'enforcement.update',
      'enforcement.evidence',
      'enforcement.update',
      'enforcement.update',
      'enforcement.update',
    ]);
    setToday('2026-11-25');
  });

  it('rolls the backlog up the unit tree inside the viewer’s scope', async () => {
    setToday('2026-12-10');
    // Agency A: one record of its own; division A: the done record above plus one not started; school A:
    // the denunciation record (TC-6 overdue by now) and one blocked. Agency B: one, outside the view.
    await openSimple(world.agencyA.id, '2026-12-01');
    await openSimple(world.divisionA.id, '2026-12-01');
    const blocked = await openSimple(world.schoolA.id, '2026-12-01');
    const withObligation = await app.get(EnforcementService).addObligation(SYSTEM_ACTOR, blocked.id, {
      kind: 'other',
      description: 'Công khai kết quả thực hiện',
      owningUnitId: world.schoolA.id,
      due: { date: '2026-12-20' },
      version: blocked.version,
    });
    await app.get(EnforcementService).addUpdate(SYSTEM_ACTOR, withObligation.obligations[0].id, {
      reportedOn: '2026-12-05',
      note: 'Chưa có kinh phí',
      status: 'blocked',
      version: 1,
    });
    await openSimple(world.divisionB.id, '2026-12-01');

    const body = (
      await as('inspectorate_leader', api().get('/api/v1/enforcement-records/backlog')).expect(200)
    ).body as {
      asOf: string;
      units: Array<{
        unitId: string;
        parentId: string | null;
        own: Record<string, number>;
        total: Record<string, number>;
      }>;
    };
    expect(body.asOf).toBe('2026-12-10');
    const byId = new Map(body.units.map((u) => [u.unitId, u]));
    expect([...byId.keys()].sort()).toEqual([world.agencyA.id, world.divisionA.id, world.schoolA.id].sort());
    // Every parent's totals are its own plus its children's totals.
    for (const u of body.units) {
      const children = body.units.filter((c) => c.parentId === u.unitId);
      for (const key of Object.keys(u.total)) {
        expect(u.total[key]).toBe(u.own[key] + children.reduce((sum, c) => sum + c.total[key], 0));
      }
    }
    expect(byId.get(world.schoolA.id)!.own).toEqual({
      not_started: 0,
      in_progress: 0,
      overdue: 1,
      blocked: 1,
      done: 0,
      overdueObligations: 1,
    });
    expect(byId.get(world.divisionA.id)!.own).toMatchObject({ done: 1, not_started: 1 });
    expect(byId.get(world.agencyA.id)!.total).toEqual({
      not_started: 2,
      in_progress: 0,
      overdue: 1,
      blocked: 1,
      done: 1,
      overdueObligations: 1,
    });
    // The division's head sees its subtree only: the agency's own record is not counted.
    const division = (await as('unit_head', api().get('/api/v1/enforcement-records/backlog')).expect(200))
      .body;
    expect(division.units.map((u: { unitId: string }) => u.unitId).sort()).toEqual(
      [world.divisionA.id, world.schoolA.id].sort(),
    );
    setToday('2026-11-25');
  });

  it('reminds the heads once a month, however often the sweep runs', async () => {
    setToday('2026-11-25');
    const r = await openSimple(world.divisionA.id, '2026-10-20');
    expect(r.nextReviewOn).toBe('2026-11-20');
    const reviews = app.get(EnforcementReviewService);
    const notes = () =>
      dataSource.query(
        'SELECT user_id, source_key, kind, link FROM notifications WHERE subject_id = ? ORDER BY source_key',
        [r.id],
      );

    const first = await reviews.sweep();
    expect(first.ran).toBe(true);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect(await notes()).toEqual([
      {
        user_id: world.users.unit_head.id,
        source_key: `enforcement-review-${r.id}-2026-11`,
        kind: 'enforcement_review',
        link: `/api/v1/enforcement-records/${r.id}`,
      },
    ]);
    let view = await app.get(EnforcementService).get(SYSTEM_ACTOR, r.id);
    expect(view).toMatchObject({ nextReviewOn: '2026-12-20', version: r.version });

    // Run twice, and even with the review day put back: still one notification for November.
    await reviews.sweep();
    await dataSource.query("UPDATE enforcement_records SET next_review_on = '2026-11-20' WHERE id = ?", [
      r.id,
    ]);
    // Through the worker's processor, as the hourly job runs it.
    await new EnforcementProcessor(reviews).process({ name: QUEUES.enforcement.jobs.reviewSweep } as Job);
    expect(await notes()).toHaveLength(1);
    view = await app.get(EnforcementService).get(SYSTEM_ACTOR, r.id);
    expect(view.nextReviewOn).toBe('2026-12-20');

    // Next month: the next reminder.
    setToday('2026-12-20');
    await reviews.sweep();
    expect((await notes()).map((n: { source_key: string }) => n.source_key)).toEqual([
      `enforcement-review-${r.id}-2026-11`,
      `enforcement-review-${r.id}-2026-12`,
    ]);
    const audit = await dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'enforcement.review_reminder'",
      [r.id],
    );
    expect(Number(audit[0].n)).toBe(3);
    setToday('2026-11-25');
  });

  it('a sweep that finds another one running does nothing', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query("SELECT GET_LOCK(CONCAT(DATABASE(), '.enforcement-review-sweep'), 0)");
      expect(await app.get(EnforcementReviewService).sweep()).toEqual({ ran: false, reminded: 0 });
    } finally {
      await runner.query("SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.enforcement-review-sweep'))");
      await runner.release();
    }
    expect((await app.get(EnforcementReviewService).sweep()).ran).toBe(true);
  });
});
