import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../src/auth/domain/roles.js';
import { UnitCalendarService } from '../../src/calendar/unit-calendar.service.js';
import { Clock } from '../../src/common/clock.js';
import { addDays, type LocalDate } from '../../src/common/domain/local-date.js';
import { computeDeadline, type DeadlineOptions } from '../../src/deadlines/domain/deadline-engine.js';
import { DEFAULT_DEADLINE_POLICY } from '../../src/deadlines/domain/deadline-policy.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

const PETITIONER = {
  fullName: 'Trần Thị Mai',
  address: 'Tổ 5, phường Tân Phong, tỉnh Đồng Nai',
  idNumber: '075301002468',
  phone: '0912000111',
};

interface DeadlineRow {
  id: string;
  purpose: string;
  ruleId: string;
  triggerDate: string;
  dueDate: string;
  rawEnd: string;
  status: string;
  calendarVersion: string;
}

/**
 * The complaint lifecycle over HTTP, from a reception visit to a legally effective second-time decision,
 * with every deadline compared to the engine's own answer on the resolving unit's calendar.
 */
describe('a complaint from the reception desk to a legally effective decision', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(who: string, r: T) => r.set('authorization', `Bearer ${tokens[who]}`);
  let now: jest.SpyInstance;

  async function engine(unitId: string, ruleId: string, trigger: LocalDate, options: DeadlineOptions = {}) {
    const calendar = await app.get(UnitCalendarService).calendarFor(unitId);
    return computeDeadline(ruleId, trigger, options, calendar, DEFAULT_DEADLINE_POLICY);
  }

  async function expectEngine(unitId: string, d: DeadlineRow, options: DeadlineOptions = {}) {
    const answer = await engine(unitId, d.ruleId, d.triggerDate, options);
    expect({ purpose: d.purpose, due: d.dueDate, rawEnd: d.rawEnd, calendar: d.calendarVersion }).toEqual({
      purpose: d.purpose,
      due: answer.due,
      rawEnd: answer.rawEnd,
      calendar: answer.calendarVersion,
    });
  }

  const deadline = (c: { deadlines: DeadlineRow[] }, purpose: string, status?: string) => {
    const found = c.deadlines.filter((d) => d.purpose === purpose && (!status || d.status === status));
    expect(found.length).toBeGreaterThan(0);
    return found[found.length - 1];
  };

  async function step(who: string, caseId: string, version: number, body: Record<string, unknown>) {
    const res = await as(who, api().post(`/api/v1/complaint-cases/${caseId}/transitions`)).send({
      legalBasis: 'LKN 02/2011/QH13',
      version,
      ...body,
    });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function logLetter(who: string, body: Record<string, unknown>) {
    const res = await as(who, api().post('/api/v1/letters')).send({
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content:
        'Tôi khiếu nại Quyết định số 12/QĐ-UBND về việc thu hồi 200 m2 đất nông nghiệp của gia đình tôi.',
      petitioners: [PETITIONER],
      eligibility: ALL_PASSED,
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function accept(who: string, letter: { id: string; version: number }, decidedOn: LocalDate) {
    const res = await as(who, api().post(`/api/v1/letters/${letter.id}/decision`)).send({
      decision: 'accept',
      decidedOn,
      legalBasis: 'LKN 02/2011/QH13 art. 27',
      version: letter.version,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  beforeAll(async () => {
    app = await startApi();
    now = jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'unit_head', 'case_handler'] as Role[]) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    // The second level: the head and the officer of the agency above division A.
    for (const role of ['unit_head', 'reception_officer'] as Role[]) {
      const user = await world.f.user(world.agencyA.id, [role]);
      tokens[`agency_${role}`] = (await login(app.getHttpServer(), user.email)).accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs first-time and second-time resolution, every deadline being the engine’s answer', async () => {
    const unitA = world.divisionA.id;
    // 1. The citizen comes to the reception desk with a letter.
    const visit = await as('reception_officer', api().post('/api/v1/reception/visits'))
      .send({
        unitId: unitA,
        visitDate: '2026-08-03',
        visitTime: '08:30',
        receivingOfficerName: 'Lê Văn Cường',
        citizens: [PETITIONER],
        peopleCount: 1,
        summary: 'Khiếu nại quyết định thu hồi đất',
        contentKind: 'complaint',
        withinCompetence: true,
        outcome: 'letter_received',
      })
      .expect(201);

    // 2. The letter is logged from the visit: XLD-1 opens, the receipt code is issued.
    const letter = await logLetter('reception_officer', {
      unitId: unitA,
      channel: 'reception_visit',
      visitId: visit.body.id,
      receivedOn: '2026-08-03',
    });
    expect(letter).toMatchObject({ status: 'registered', classification: 'complaint', eligible: true });
    expect(letter.processingDue).toBe((await engine(unitA, 'XLD-1', '2026-08-03')).due);
    expect(letter.receiptCode).toMatch(/^TD-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(letter.receiptSecret).toMatch(/^[0-9A-Z]{10}$/);
    // The visit's pending intake is taken: the same visit cannot be logged twice.
    const again = await as('reception_officer', api().post('/api/v1/letters')).send({
      unitId: unitA,
      channel: 'reception_visit',
      visitId: visit.body.id,
      receivedOn: '2026-08-03',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại lại',
      content: 'Nội dung khác',
      petitioners: [PETITIONER],
      eligibility: ALL_PASSED,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LETTER_VISIT_ALREADY_LOGGED');

    // 3. Processing decision: accept → a case in `received`, KN-2 from the day the letter came.
    const decided = await accept('reception_officer', letter, '2026-08-05');
    expect(decided).toMatchObject({ status: 'decided', decision: 'accept', decidedOn: '2026-08-05' });
    let c = (await as('case_handler', api().get(`/api/v1/complaint-cases/${decided.caseId}`)).expect(200))
      .body;
    expect(c).toMatchObject({
      state: 'received',
      track: 'first_time',
      caseNumber: expect.stringMatching(/^KN-2026-\d{6}$/),
    });
    await expectEngine(unitA, deadline(c, 'acceptance'));
    expect(deadline(c, 'acceptance')).toMatchObject({ ruleId: 'KN-2', triggerDate: '2026-08-03' });

    // A handler may not take the head's decision.
    const forbidden = await as(
      'case_handler',
      api().post(`/api/v1/complaint-cases/${c.id}/transitions`),
    ).send({
      event: 'accept',
      date: '2026-08-07',
      documentRef: '01/TB-TL',
      legalBasis: 'LKN art. 27',
      version: c.version,
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('CASE_STEP_FORBIDDEN');

    // 4. Acceptance (thụ lý) → KN-3 from the acceptance date.
    c = await step('unit_head', c.id, c.version, {
      event: 'accept',
      date: '2026-08-07',
      documentRef: '01/TB-TL',
    });
    expect(c.state).toBe('accepted');
    expect(deadline(c, 'acceptance').status).toBe('met');
    await expectEngine(unitA, deadline(c, 'resolution'));
    expect(deadline(c, 'resolution')).toMatchObject({
      ruleId: 'KN-3',
      triggerDate: '2026-08-07',
      status: 'open',
    });

    // Complicated (written determination, who and why): KN-3 is recomputed with the flag.
    const flagged = await as('unit_head', api().patch(`/api/v1/complaint-cases/${c.id}/flags`))
      .send({
        complicated: true,
        complicatedReason: 'Xác minh tại hai địa điểm (NĐ 124 art. 3a(1)(a))',
        version: c.version,
      })
      .expect(200);
    c = flagged.body;
    expect(c).toMatchObject({ complicated: true, complicatedSetByUserId: world.users.unit_head.id });
    await expectEngine(unitA, deadline(c, 'resolution'), { complicated: true });

    // A step the lifecycle does not allow is refused with a clear code, and nothing changes.
    const wrong = await as('case_handler', api().post(`/api/v1/complaint-cases/${c.id}/transitions`)).send({
      event: 'send_decision',
      date: '2026-08-10',
      legalBasis: 'LKN art. 32',
      version: c.version,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('CASE_TRANSITION_NOT_ALLOWED');

    // 5. Verification, decision, sending.
    c = await step('case_handler', c.id, c.version, { event: 'start_verification', date: '2026-08-10' });
    c = await step('unit_head', c.id, c.version, {
      event: 'decide',
      date: '2026-08-28',
      documentRef: '125/QĐ-UBND',
      outcome: 'wrong',
    });
    expect(c).toMatchObject({
      state: 'decided',
      decidedOn: '2026-08-28',
      decisionRef: '125/QĐ-UBND',
      decisionOutcome: 'wrong',
    });
    expect(deadline(c, 'resolution').status).toBe('met');
    await expectEngine(unitA, deadline(c, 'send_decision'));
    const legal = deadline(c, 'legal_effect');
    await expectEngine(unitA, legal);
    expect(c.legalEffectFrom).toBe(addDays(legal.dueDate, 1));
    c = await step('case_handler', c.id, c.version, { event: 'send_decision', date: '2026-08-31' });
    expect(c.state).toBe('second_complaint_window');
    await expectEngine(unitA, deadline(c, 'second_complaint_window'));
    const firstCase = c;

    // 6. A second complaint to the agency above: the first case is superseded when it is accepted.
    const second = await logLetter('agency_reception_officer', {
      unitId: world.agencyA.id,
      receivedOn: '2026-09-10',
      complaintTrack: 'second_time',
      previousCaseId: firstCase.id,
      subject: 'Khiếu nại lần hai về quyết định thu hồi đất',
    });
    expect(second.duplicates.map((d: { letterId: string }) => d.letterId)).toContain(letter.id);
    const secondDecided = await accept('agency_reception_officer', second, '2026-09-11');
    const unitAgency = world.agencyA.id;
    let c2 = (
      await as('agency_unit_head', api().get(`/api/v1/complaint-cases/${secondDecided.caseId}`)).expect(200)
    ).body;
    expect(c2).toMatchObject({ track: 'second_time', previousCaseId: firstCase.id, state: 'received' });
    const superseded = (
      await as('unit_head', api().get(`/api/v1/complaint-cases/${firstCase.id}`)).expect(200)
    ).body;
    expect(superseded.state).toBe('superseded');
    expect(deadline(superseded, 'second_complaint_window').status).toBe('met');
    expect(deadline(superseded, 'legal_effect').status).toBe('cancelled');

    c2 = await step('agency_unit_head', c2.id, c2.version, {
      event: 'accept',
      date: '2026-09-14',
      documentRef: '07/TB-TL',
    });
    await expectEngine(unitAgency, deadline(c2, 'resolution'));
    expect(deadline(c2, 'resolution').ruleId).toBe('KN-6');
    c2 = await step('agency_unit_head', c2.id, c2.version, {
      event: 'start_verification',
      date: '2026-09-15',
    });
    // Dialogue is mandatory for a second-time complaint.
    const early = await as(
      'agency_unit_head',
      api().post(`/api/v1/complaint-cases/${c2.id}/transitions`),
    ).send({
      event: 'decide',
      date: '2026-09-30',
      documentRef: '200/QĐ-UBND',
      outcome: 'partly_right',
      legalBasis: 'LKN art. 40',
      version: c2.version,
    });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('CASE_DIALOGUE_REQUIRED');
    c2 = await step('agency_unit_head', c2.id, c2.version, {
      event: 'schedule_dialogue',
      date: '2026-10-05',
    });
    const invitation = deadline(c2, 'dialogue_invitation');
    expect(invitation.ruleId).toBe('KN-10');
    await expectEngine(unitAgency, invitation);
    c2 = await step('agency_unit_head', c2.id, c2.version, {
      event: 'hold_dialogue',
      date: '2026-10-05',
      documentRef: 'BB-01',
    });
    expect(c2.dialogueHeld).toBe(true);
    c2 = await step('agency_unit_head', c2.id, c2.version, {
      event: 'decide',
      date: '2026-10-12',
      documentRef: '200/QĐ-UBND',
      outcome: 'partly_right',
    });
    await expectEngine(unitAgency, deadline(c2, 'send_decision'));
    expect(deadline(c2, 'send_decision').ruleId).toBe('KN-7');
    await expectEngine(unitAgency, deadline(c2, 'legal_effect'));
    c2 = await step('agency_unit_head', c2.id, c2.version, { event: 'send_decision', date: '2026-10-15' });
    expect(c2.state).toBe('awaiting_legal_effect');

    // 7. Not effective a day early; effective from the day after KN-9.
    const tooEarly = await as(
      'agency_unit_head',
      api().post(`/api/v1/complaint-cases/${c2.id}/transitions`),
    ).send({
      event: 'become_legally_effective',
      date: addDays(c2.legalEffectFrom, -1),
      legalBasis: 'LKN art. 44',
      version: c2.version,
    });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.code).toBe('CASE_NOT_YET_EFFECTIVE');
    c2 = await step('agency_unit_head', c2.id, c2.version, {
      event: 'become_legally_effective',
      date: c2.legalEffectFrom,
    });
    expect(c2.state).toBe('legally_effective');
    // KN-11: the enforcement of the decision is followed from this day.
    const [record] = await app
      .get<DataSource>(getDataSourceToken())
      .query(
        'SELECT status, opened_on AS openedOn, decision_ref AS ref FROM enforcement_records WHERE subject_id = ?',
        [c2.id],
      );
    expect(record).toEqual({ status: 'not_started', openedOn: c2.legalEffectFrom, ref: '200/QĐ-UBND' });
    await expectEngine(unitAgency, deadline(c2, 'enforcement'));
    expect(deadline(c2, 'enforcement')).toMatchObject({ ruleId: 'KN-11', triggerDate: c2.legalEffectFrom });
    expect(c2.events.map((e: { event: string }) => e.event)).toEqual([
      'received',
      'accept',
      'start_verification',
      'schedule_dialogue',
      'hold_dialogue',
      'decide',
      'send_decision',
      'become_legally_effective',
    ]);

    // 8. The citizen's view shows milestones and no internal data.
    const status = await api()
      .post('/api/v1/public/letter-status')
      .send({ code: second.receiptCode.toLowerCase(), secret: second.receiptSecret })
      .expect(200);
    expect(status.body.stage).toBe('Quyết định có hiệu lực pháp luật');
    const text = JSON.stringify(status.body);
    for (const internal of [
      c2.id,
      c2.caseNumber,
      '200/QĐ-UBND',
      'BB-01',
      PETITIONER.fullName,
      PETITIONER.idNumber,
      world.users.unit_head.id,
      'LKN 02/2011/QH13',
    ]) {
      expect(text).not.toContain(internal);
    }
    const wrongSecret = await api()
      .post('/api/v1/public/letter-status')
      .send({ code: second.receiptCode, secret: 'ABCDEFGHJK' });
    const unknownCode = await api()
      .post('/api/v1/public/letter-status')
      .send({ code: 'TD-2026-0000-0000', secret: second.receiptSecret });
    expect(wrongSecret.status).toBe(404);
    expect(wrongSecret.body).toEqual({ ...unknownCode.body, requestId: wrongSecret.body.requestId });
  });

  it('a complaint suspended across Tết resumes with the suspended days added, as the engine counts them', async () => {
    now.mockReturnValue(new Date('2027-03-01T03:00:00Z'));
    try {
      const unitA = world.divisionA.id;
      const letter = await logLetter('reception_officer', {
        unitId: unitA,
        receivedOn: '2027-01-12',
        petitioners: [{ ...PETITIONER, idNumber: '075301009999', fullName: 'Đỗ Văn Tâm' }],
      });
      const decided = await accept('reception_officer', letter, '2027-01-13');
      let c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${decided.caseId}`)).expect(200))
        .body;
      c = await step('unit_head', c.id, c.version, {
        event: 'accept',
        date: '2027-01-15',
        documentRef: '02/TB-TL',
      });
      const before = deadline(c, 'resolution');
      c = await step('unit_head', c.id, c.version, {
        event: 'suspend',
        date: '2027-02-01',
        documentRef: '03/QĐ-TĐC',
        note: 'Chờ kết quả giám định của cơ quan có thẩm quyền',
      });
      expect(c).toMatchObject({ state: 'suspended', suspendedFrom: 'accepted' });
      expect(deadline(c, 'resolution')).toMatchObject({ status: 'paused', pausedSince: '2027-02-01' });
      expect(c.nextSteps).toEqual(expect.arrayContaining(['continue', 'withdraw', 'terminate']));
      c = await step('unit_head', c.id, c.version, {
        event: 'continue',
        date: '2027-02-22',
        documentRef: '04/QĐ-TTGQ',
      });
      expect(c.state).toBe('accepted');
      const after = deadline(c, 'resolution');
      expect(after.status).toBe('open');
      const answer = await engine(unitA, 'KN-3', '2027-01-15', {
        suspensions: [{ suspended: '2027-02-01', resumed: '2027-02-22' }],
      });
      expect(after.dueDate).toBe(answer.due);
      expect(after.dueDate > before.dueDate).toBe(true);
      // Two notices (suspension, continuation) were due within 3 working days each (KN-12).
      const notices = c.deadlines.filter((d: DeadlineRow) => d.purpose === 'suspension_notice');
      expect(notices.map((d: DeadlineRow) => d.triggerDate)).toEqual(['2027-02-01', '2027-02-22']);
      for (const n of notices) await expectEngine(unitA, n);
    } finally {
      now.mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    }
  });

  it('a complaint withdrawn in whole is terminated and its running deadlines cancelled', async () => {
    const letter = await logLetter('reception_officer', {
      unitId: world.divisionA.id,
      receivedOn: '2026-11-02',
      petitioners: [{ ...PETITIONER, idNumber: '075301001111', fullName: 'Vũ Thị Lan' }],
      content: 'Khiếu nại việc không giải quyết chế độ trợ cấp cho tôi theo quy định.',
    });
    const decided = await accept('reception_officer', letter, '2026-11-03');
    let c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${decided.caseId}`)).expect(200)).body;
    c = await step('unit_head', c.id, c.version, {
      event: 'accept',
      date: '2026-11-04',
      documentRef: '09/TB-TL',
    });
    c = await step('unit_head', c.id, c.version, {
      event: 'withdraw_partially',
      date: '2026-11-10',
      note: 'Rút nội dung thứ hai',
    });
    expect(c.state).toBe('accepted');
    c = await step('unit_head', c.id, c.version, {
      event: 'withdraw',
      date: '2026-11-12',
      note: 'Đơn rút khiếu nại ngày 12/11/2026',
    });
    expect(c.state).toBe('terminated');
    expect(deadline(c, 'resolution')).toMatchObject({ status: 'cancelled', settledOn: '2026-11-12' });
    // The reports read the end date and the resolution deadline's copy from the case row.
    const [row] = await app.get<DataSource>(getDataSourceToken()).query(
      `SELECT terminated_on AS terminatedOn, terminated_by AS terminatedBy, withdrawn_on AS withdrawnOn,
           resolution_status AS status, resolution_due AS due FROM complaint_cases WHERE id = ?`,
      [c.id],
    );
    expect(row).toEqual({
      terminatedOn: '2026-11-12',
      terminatedBy: 'withdraw',
      withdrawnOn: '2026-11-12', // withdraw_partially on 10/11 is not a withdrawal of the case
      status: 'cancelled',
      due: deadline(c, 'resolution').dueDate,
    });
    // The termination decision is to be sent within 3 working days (KN-12); then nothing is left to do.
    await expectEngine(world.divisionA.id, deadline(c, 'suspension_notice'));
    expect(c.nextSteps).toEqual(['send_notice']);
    c = await step('case_handler', c.id, c.version, { event: 'send_notice', date: '2026-11-13' });
    expect(deadline(c, 'suspension_notice').status).toBe('met');
    expect(c.nextSteps).toEqual([]);
  });

  it('two concurrent updates of one case: one wins, the other gets 409 with the current version', async () => {
    const letter = await logLetter('reception_officer', {
      unitId: world.divisionA.id,
      receivedOn: '2026-11-16',
      petitioners: [{ ...PETITIONER, idNumber: '075301003333', fullName: 'Ngô Văn Hải' }],
      content: 'Khiếu nại quyết định xử phạt vi phạm hành chính trong lĩnh vực xây dựng.',
    });
    const decided = await accept('reception_officer', letter, '2026-11-17');
    const c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${decided.caseId}`)).expect(200))
      .body;
    const [a, b] = await Promise.all([
      as('unit_head', api().post(`/api/v1/complaint-cases/${c.id}/transitions`)).send({
        event: 'accept',
        date: '2026-11-18',
        documentRef: '10/TB-TL',
        legalBasis: 'LKN art. 27',
        version: c.version,
      }),
      as('unit_head', api().post(`/api/v1/complaint-cases/${c.id}/transitions`)).send({
        event: 'refuse',
        date: '2026-11-18',
        documentRef: '11/TB-KTL',
        legalBasis: 'LKN art. 11',
        version: c.version,
      }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 409 ? b : a;
    expect(loser.body).toMatchObject({ code: 'CASE_VERSION_CONFLICT', currentVersion: winner.body.version });
    const final = (await as('unit_head', api().get(`/api/v1/complaint-cases/${c.id}`)).expect(200)).body;
    expect(final.state).toBe(winner.body.state);
    expect(final.events).toHaveLength(2);
  });

  it('a second complaint must follow a first-time decision of the same kind, or its expired period', async () => {
    const first = await logLetter('reception_officer', {
      unitId: world.divisionA.id,
      receivedOn: '2026-11-02',
      petitioners: [{ ...PETITIONER, idNumber: '075301007777', fullName: 'Lý Văn Tư' }],
      content: 'Khiếu nại quyết định cưỡng chế tháo dỡ công trình của gia đình tôi.',
    });
    const accepted = await accept('reception_officer', first, '2026-11-03');
    let c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${accepted.caseId}`)).expect(200)).body;
    c = await step('unit_head', c.id, c.version, {
      event: 'accept',
      date: '2026-11-04',
      documentRef: '12/TB-TL',
    });
    const body = (track: string) => ({
      unitId: world.agencyA.id,
      receivedOn: '2026-11-20',
      channel: 'post',
      classification: 'complaint',
      complaintTrack: track,
      previousCaseId: c.id,
      subject: 'Khiếu nại lần hai',
      content: 'Khiếu nại lần hai về quyết định cưỡng chế.',
      petitioners: [{ ...PETITIONER, idNumber: '075301007777', fullName: 'Lý Văn Tư' }],
      eligibility: ALL_PASSED,
    });
    // Still being resolved, and within its period: too early.
    const early = await as('agency_reception_officer', api().post('/api/v1/letters')).send(
      body('second_time'),
    );
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('LETTER_SECOND_COMPLAINT_TOO_EARLY');
    // A disciplinary second complaint cannot follow an administrative first one.
    const mismatched = await as('agency_reception_officer', api().post('/api/v1/letters')).send(
      body('disciplinary_second'),
    );
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.details).toEqual([expect.objectContaining({ field: 'previousCaseId' })]);
    const count = await app
      .get<DataSource>(getDataSourceToken())
      .query("SELECT COUNT(*) AS n FROM letters WHERE subject = 'Khiếu nại lần hai'");
    expect(Number(count[0].n)).toBe(0);
  });

  it('any text is accepted: letters outside the Latin alphabet and the longest subject open a case', async () => {
    const letter = await logLetter('reception_officer', {
      unitId: world.divisionA.id,
      receivedOn: '2026-11-20',
      petitioners: [{ ...PETITIONER, idNumber: '075301008888', fullName: 'Châu Mỹ Linh' }],
      subject: `Khiếu nại ${'quyết định '.repeat(60)}`.slice(0, 500),
      content: 'Khiếu nại có trích dẫn tài liệu 中文 và chữ ghép ﬁ từ tệp PDF; µ ß — không sao.',
    });
    const found = (
      await as('reception_officer', api().get(`/api/v1/letters?q=${encodeURIComponent('chu ghep')}`)).expect(
        200,
      )
    ).body;
    expect(found.items.map((l: { id: string }) => l.id)).toContain(letter.id);
    const decided = await accept('reception_officer', letter, '2026-11-21');
    const c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${decided.caseId}`)).expect(200))
      .body;
    expect(letter.subject.length).toBeGreaterThan(495);
    expect(c.subject).toBe(letter.subject);
  });
});
