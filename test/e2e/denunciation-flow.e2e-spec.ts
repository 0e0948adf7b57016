import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../src/auth/domain/roles.js';
import { UnitCalendarService } from '../../src/calendar/unit-calendar.service.js';
import { Clock } from '../../src/common/clock.js';
import type { LocalDate } from '../../src/common/domain/local-date.js';
import { computeDeadline, type DeadlineOptions } from '../../src/deadlines/domain/deadline-engine.js';
import { DEFAULT_DEADLINE_POLICY } from '../../src/deadlines/domain/deadline-policy.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

interface DeadlineRow {
  purpose: string;
  ruleId: string;
  triggerDate: string;
  dueDate: string;
  rawEnd: string;
  status: string;
  calendarVersion: string;
}

let serial = 0;
/** A denouncer whose every identifying string is a unique marker, so a leak is unmistakable. */
function denouncer() {
  serial += 1;
  const n = String(serial).padStart(2, '0');
  return {
    fullName: `Phan Thị Mật${n}`,
    address: `Số ${n} hẻm Bí Mật, phường Tân Định`,
    idNumber: `0793010099${n}`,
    phone: `09031234${n}`,
  };
}

/**
 * Denunciations over HTTP: the denouncer's identity kept apart and shown only to those the law allows,
 * the lifecycle with extensions, suspension, conclusion and withdrawal, re-denunciation, the reveal flow
 * with its expiry — and every deadline equal to the engine's answer.
 */
describe('denunciations and the protection of the denouncer', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(who: string, r: T) => r.set('authorization', `Bearer ${tokens[who]}`);
  let now: jest.SpyInstance;
  const NOW = new Date('2026-11-25T03:00:00Z');

  async function engine(ruleId: string, trigger: LocalDate, options: DeadlineOptions = {}) {
    const calendar = await app.get(UnitCalendarService).calendarFor(world.divisionA.id);
    return computeDeadline(ruleId, trigger, options, calendar, DEFAULT_DEADLINE_POLICY);
  }

  async function expectEngine(d: DeadlineRow, options: DeadlineOptions = {}) {
    const answer = await engine(d.ruleId, d.triggerDate, options);
    expect({ purpose: d.purpose, due: d.dueDate, rawEnd: d.rawEnd }).toEqual({
      purpose: d.purpose,
      due: answer.due,
      rawEnd: answer.rawEnd,
    });
  }

  const deadline = (c: { deadlines: DeadlineRow[] }, purpose: string) => {
    const found = c.deadlines.filter((d) => d.purpose === purpose);
    expect(found.length).toBeGreaterThan(0);
    return found[found.length - 1];
  };

  async function step(who: string, c: { id: string; version: number }, body: Record<string, unknown>) {
    const res = await as(who, api().post(`/api/v1/denunciation-cases/${c.id}/transitions`)).send({
      legalBasis: 'LTC 25/2018/QH14',
      version: c.version,
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function denunciation(person: ReturnType<typeof denouncer>, receivedOn: LocalDate, extra = {}) {
    const res = await as('reception_officer', api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn,
      channel: 'post',
      classification: 'denunciation',
      subject: `Tố cáo ông Lê Văn Tham nhận tiền — người tố cáo ${person.fullName}`,
      content: `Tôi là ${person.fullName}, CCCD ${person.idNumber}, ở ${person.address}, điện thoại ${person.phone}. Tôi tố cáo ông Lê Văn Tham, cán bộ địa chính, nhận tiền để cấp giấy chứng nhận sai quy định.`,
      petitioners: [person],
      eligibility: ALL_PASSED,
      ...extra,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function acceptedCase(
    person: ReturnType<typeof denouncer>,
    receivedOn: LocalDate,
    acceptOn: LocalDate,
  ) {
    const letter = await denunciation(person, receivedOn);
    const decided = await as('reception_officer', api().post(`/api/v1/letters/${letter.id}/decision`))
      .send({ decision: 'accept', decidedOn: receivedOn, legalBasis: 'LTC art. 24', version: letter.version })
      .expect(201);
    let c = (
      await as('unit_head', api().get(`/api/v1/denunciation-cases/${decided.body.caseId}`)).expect(200)
    ).body;
    c = await step('unit_head', c, { event: 'accept', date: acceptOn, documentRef: '01/QĐ-TLTC' });
    return { letter, case: c };
  }

  beforeAll(async () => {
    app = await startApi();
    now = jest.spyOn(app.get(Clock), 'now').mockReturnValue(NOW);
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of [
      'reception_officer',
      'unit_head',
      'case_handler',
      'identity_custodian',
      'inspectorate_leader',
    ] as Role[]) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
  });
  afterEach(() => now.mockReturnValue(NOW));
  afterAll(async () => {
    await app?.close();
  });

  it('keeps the denouncer apart: a redacted copy for handlers, the identity for the receiver, the head who accepted, custodians', async () => {
    const person = denouncer();
    const letter = await denunciation(person, '2026-11-16');
    expect(letter.identityProtected).toBe(true);
    expect(letter.processingDue).toBe((await engine('XLD-2', '2026-11-16')).due);
    const markers = [person.fullName, person.idNumber, person.address, person.phone];
    for (const m of markers) expect(JSON.stringify(letter)).not.toContain(m);
    expect(letter.content).toContain('[đã ẩn]');
    expect(letter.content).toContain('Lê Văn Tham'); // the denounced person is not hidden

    // A handler and the head (before accepting) see the redacted copy and no petitioner.
    for (const who of ['case_handler', 'unit_head', 'inspectorate_leader']) {
      const seen = (await as(who, api().get(`/api/v1/letters/${letter.id}`)).expect(200)).body;
      expect(seen.petitioners).toBeNull();
      for (const m of markers) expect(JSON.stringify(seen)).not.toContain(m);
      const refused = await as(who, api().get(`/api/v1/letters/${letter.id}/identity`));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('IDENTITY_PROTECTED');
    }
    // The officer who received it, and the custodian, see who wrote it and the original text.
    for (const [who, basis] of [
      ['reception_officer', 'receiver'],
      ['identity_custodian', 'custodian'],
    ]) {
      const identity = (await as(who, api().get(`/api/v1/letters/${letter.id}/identity`)).expect(200)).body;
      expect(identity.basis).toBe(basis);
      expect(identity.petitioners[0]).toMatchObject({ fullName: person.fullName, idNumber: person.idNumber });
      expect(identity.content).toContain(person.fullName);
    }
    // Lists and searches never carry it.
    const list = (await as('reception_officer', api().get('/api/v1/letters?pageSize=200')).expect(200)).body;
    for (const m of markers) expect(JSON.stringify(list)).not.toContain(m);
    const search = (
      await as(
        'reception_officer',
        api().get(`/api/v1/letters?q=${encodeURIComponent('phan thi mat')}`),
      ).expect(200)
    ).body;
    expect(search.total).toBe(0);

    // Accepting the case lets the head who accepted it see the denouncer; the read is audited with its basis.
    const decided = await as('reception_officer', api().post(`/api/v1/letters/${letter.id}/decision`))
      .send({
        decision: 'accept',
        decidedOn: '2026-11-17',
        legalBasis: 'LTC art. 24',
        version: letter.version,
      })
      .expect(201);
    const c = (
      await as('unit_head', api().get(`/api/v1/denunciation-cases/${decided.body.caseId}`)).expect(200)
    ).body;
    expect(c).toMatchObject({ state: 'received', track: 'denunciation', deadlines: [] });
    for (const m of markers) expect(JSON.stringify(c)).not.toContain(m);
    await step('unit_head', c, { event: 'accept', date: '2026-11-18', documentRef: '02/QĐ-TLTC' });
    const head = (await as('unit_head', api().get(`/api/v1/letters/${letter.id}/identity`)).expect(200)).body;
    expect(head.basis).toBe('accepting_head');
    const reads = await app
      .get<DataSource>(getDataSourceToken())
      .query(
        "SELECT actor_user_id AS actor, changes FROM audit_log WHERE action = 'read' AND entity_type = 'letter' AND entity_id = ?",
        [letter.id],
      );
    const readers = reads.map((r: { actor: string }) => r.actor);
    expect(readers).toEqual(
      expect.arrayContaining([
        world.users.reception_officer.id,
        world.users.identity_custodian.id,
        world.users.unit_head.id,
      ]),
    );
    expect(readers).not.toContain(world.users.case_handler.id);
    expect(JSON.stringify(reads)).toContain('basis:accepting_head');
  });

  it('runs the lifecycle: notices, extensions capped by complexity, suspension across National Day, conclusion and monitoring', async () => {
    const { case: accepted } = await acceptedCase(denouncer(), '2026-08-17', '2026-08-20');
    let c = accepted;
    await expectEngine(deadline(c, 'acceptance_notice'));
    expect(deadline(c, 'resolution')).toMatchObject({ ruleId: 'TC-3', triggerDate: '2026-08-20' });
    await expectEngine(deadline(c, 'resolution'));
    c = await step('case_handler', c, { event: 'notify_acceptance', date: '2026-08-21' });
    expect(deadline(c, 'acceptance_notice').status).toBe('met');
    c = await step('case_handler', c, { event: 'start_verification', date: '2026-08-24' });

    // No extension without a complexity determination; one for complicated; two for especially complicated.
    const refused = await as('unit_head', api().post(`/api/v1/denunciation-cases/${c.id}/transitions`)).send({
      event: 'extend',
      date: '2026-08-25',
      documentRef: '03/QĐ-GH',
      note: 'Cần xác minh thêm',
      legalBasis: 'LTC art. 30',
      version: c.version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CASE_EXTENSION_NOT_ALLOWED');
    c = (
      await as('unit_head', api().patch(`/api/v1/denunciation-cases/${c.id}/complexity`))
        .send({
          complexity: 'complicated',
          reason: 'Nhiều nội dung cần xác minh (NĐ 31 Điều 3)',
          version: c.version,
        })
        .expect(200)
    ).body;
    expect(c).toMatchObject({ complexity: 'complicated', complexitySetByUserId: world.users.unit_head.id });
    c = await step('unit_head', c, {
      event: 'extend',
      date: '2026-08-25',
      documentRef: '03/QĐ-GH',
      note: 'Xác minh tại hai địa điểm',
    });
    expect(c.extensions).toBe(1);
    await expectEngine(deadline(c, 'resolution'), { extensions: 1 });
    const capped = await as('unit_head', api().post(`/api/v1/denunciation-cases/${c.id}/transitions`)).send({
      event: 'extend',
      date: '2026-08-26',
      documentRef: '04/QĐ-GH',
      note: 'Gia hạn lần hai',
      legalBasis: 'LTC art. 30',
      version: c.version,
    });
    expect(capped.status).toBe(422);
    expect(capped.body.code).toBe('CASE_EXTENSION_LIMIT');
    c = (
      await as('unit_head', api().patch(`/api/v1/denunciation-cases/${c.id}/complexity`))
        .send({ complexity: 'especially_complicated', reason: 'Liên quan nhiều cơ quan', version: c.version })
        .expect(200)
    ).body;
    c = await step('unit_head', c, {
      event: 'extend',
      date: '2026-08-26',
      documentRef: '04/QĐ-GH',
      note: 'Lần hai',
    });
    expect(c.extensions).toBe(2);
    const third = await as('unit_head', api().post(`/api/v1/denunciation-cases/${c.id}/transitions`)).send({
      event: 'extend',
      date: '2026-08-27',
      documentRef: '05/QĐ-GH',
      note: 'Lần ba',
      legalBasis: 'LTC art. 30',
      version: c.version,
    });
    expect(third.body.code).toBe('CASE_EXTENSION_LIMIT');

    // Suspended over the National Day holiday: the suspended days are added (LTC art. 34(2)).
    c = await step('unit_head', c, {
      event: 'suspend',
      date: '2026-08-28',
      documentRef: '06/QĐ-TĐC',
      note: 'Chờ kết quả giám định',
    });
    expect(deadline(c, 'resolution').status).toBe('paused');
    await expectEngine(deadline(c, 'suspension_notice'));
    expect(c.nextSteps).toContain('send_notice');
    c = await step('case_handler', c, { event: 'send_notice', date: '2026-08-31' });
    expect(deadline(c, 'suspension_notice')).toMatchObject({ status: 'met', settledOn: '2026-08-31' });
    expect(c.nextSteps).not.toContain('send_notice');
    c = await step('unit_head', c, { event: 'continue', date: '2026-09-07', documentRef: '07/QĐ-TTGQ' });
    expect(c.state).toBe('verifying');
    c = await step('case_handler', c, { event: 'send_notice', date: '2026-09-08' });
    const resolution = deadline(c, 'resolution');
    expect(resolution.status).toBe('open');
    await expectEngine(resolution, {
      extensions: 2,
      suspensions: [{ suspended: '2026-08-28', resumed: '2026-09-07' }],
    });

    // Conclusion and what follows it.
    c = await step('unit_head', c, {
      event: 'conclude',
      date: '2026-10-20',
      documentRef: '20/KL-TTr',
      outcome: 'partly_right',
    });
    expect(c).toMatchObject({
      state: 'concluded',
      concludedOn: '2026-10-20',
      conclusionRef: '20/KL-TTr',
      conclusionOutcome: 'partly_right',
    });
    const [record] = await app
      .get<DataSource>(getDataSourceToken())
      .query(
        'SELECT subject_type AS type, opened_on AS openedOn FROM enforcement_records WHERE subject_id = ?',
        [c.id],
      );
    expect(record).toEqual({ type: 'denunciation_case', openedOn: '2026-10-20' });
    for (const purpose of ['send_conclusion', 'handle_conclusion', 'publicise_conclusion']) {
      await expectEngine(deadline(c, purpose));
    }
    const early = await as('case_handler', api().post(`/api/v1/denunciation-cases/${c.id}/transitions`)).send(
      {
        event: 'start_monitoring',
        date: '2026-10-21',
        legalBasis: 'NĐ 31 art. 18',
        version: c.version,
      },
    );
    expect(early.body.code).toBe('CASE_CONCLUSION_NOT_HANDLED');
    c = await step('case_handler', c, { event: 'send_conclusion', date: '2026-10-22' });
    c = await step('case_handler', c, { event: 'handle_conclusion', date: '2026-10-23' });
    c = await step('case_handler', c, { event: 'publicise_conclusion', date: '2026-10-26' });
    c = await step('case_handler', c, { event: 'start_monitoring', date: '2026-10-27' });
    c = await step('unit_head', c, { event: 'close', date: '2026-11-20' });
    expect(c.state).toBe('closed');
    expect(c.deadlines.filter((d: DeadlineRow) => d.status === 'open')).toEqual([]);
  });

  it('withdrawal: resolution continues with signs of a violation, ends without them', async () => {
    let kept = (await acceptedCase(denouncer(), '2026-11-02', '2026-11-04')).case;
    const unassessed = await as(
      'unit_head',
      api().post(`/api/v1/denunciation-cases/${kept.id}/transitions`),
    ).send({
      event: 'withdraw',
      date: '2026-11-10',
      note: 'Đơn rút tố cáo',
      legalBasis: 'LTC art. 33',
      version: kept.version,
    });
    expect(unassessed.body.code).toBe('CASE_WITHDRAWAL_NEEDS_ASSESSMENT');
    kept = await step('unit_head', kept, {
      event: 'withdraw',
      date: '2026-11-10',
      note: 'Đơn rút tố cáo; có dấu hiệu vi phạm',
      signsOfViolation: true,
    });
    expect(kept).toMatchObject({ state: 'accepted', withdrawn: true });
    expect(deadline(kept, 'resolution').status).toBe('open');

    let ended = (await acceptedCase(denouncer(), '2026-11-02', '2026-11-04')).case;
    ended = await step('unit_head', ended, {
      event: 'withdraw',
      date: '2026-11-10',
      note: 'Đơn rút tố cáo; không có dấu hiệu vi phạm',
      signsOfViolation: false,
    });
    expect(ended).toMatchObject({ state: 'terminated', withdrawn: true });
    expect(deadline(ended, 'resolution').status).toBe('cancelled');
    const ends = await app.get<DataSource>(getDataSourceToken()).query(
      `SELECT id, terminated_on AS terminatedOn, terminated_by AS terminatedBy, withdrawn_on AS withdrawnOn,
           resolution_status AS status FROM denunciation_cases WHERE id IN (?, ?)`,
      [kept.id, ended.id],
    );
    expect(ends).toEqual(
      expect.arrayContaining([
        { id: kept.id, terminatedOn: null, terminatedBy: null, withdrawnOn: '2026-11-10', status: 'open' },
        {
          id: ended.id,
          terminatedOn: '2026-11-10',
          terminatedBy: 'withdraw',
          withdrawnOn: '2026-11-10',
          status: 'cancelled',
        },
      ]),
    );
    await expectEngine(deadline(ended, 'suspension_notice'));
  });

  it('a re-denunciation for delay is linked to the original case and runs TC-11 then TC-12', async () => {
    const { case: original } = await acceptedCase(denouncer(), '2026-09-01', '2026-09-03');
    const person = denouncer();
    const again = await denunciation(person, '2026-11-09', {
      denunciationTrack: 'redenunciation_overdue',
      previousCaseId: original.id,
    });
    const decided = await as('reception_officer', api().post(`/api/v1/letters/${again.id}/decision`))
      .send({
        decision: 'accept',
        decidedOn: '2026-11-10',
        legalBasis: 'LTC art. 38',
        version: again.version,
      })
      .expect(201);
    let c = (
      await as('unit_head', api().get(`/api/v1/denunciation-cases/${decided.body.caseId}`)).expect(200)
    ).body;
    expect(c).toMatchObject({
      track: 'redenunciation_overdue',
      originalCaseId: original.id,
      state: 'received',
    });
    expect(deadline(c, 'report_request')).toMatchObject({ ruleId: 'TC-11', triggerDate: '2026-11-09' });
    await expectEngine(deadline(c, 'report_request'));
    c = await step('unit_head', c, { event: 'request_report', date: '2026-11-12', documentRef: '09/CV-TTr' });
    expect(c.state).toBe('awaiting_report');
    expect(deadline(c, 'report')).toMatchObject({ ruleId: 'TC-12', triggerDate: '2026-11-12' });
    await expectEngine(deadline(c, 'report'));
    c = await step('case_handler', c, { event: 'report_received', date: '2026-11-18' });
    expect(c.state).toBe('closed');
  });

  it('a reveal request: refused for the requester themselves, approved for a time, then access ends by itself', async () => {
    const person = denouncer();
    const letter = await denunciation(person, '2026-11-16');
    const asked = (
      await as('case_handler', api().post(`/api/v1/letters/${letter.id}/reveal-requests`))
        .send({ reason: 'Cần liên hệ người tố cáo để bổ sung chứng cứ', hours: 2 })
        .expect(201)
    ).body;
    expect(asked).toMatchObject({ status: 'pending', active: false, hours: 2 });
    const pending = (
      await as('identity_custodian', api().get('/api/v1/reveal-requests?status=pending')).expect(200)
    ).body;
    expect(pending.items.map((r: { id: string }) => r.id)).toContain(asked.id);
    // The handler sees only their own requests and cannot decide.
    const decideSelf = await as(
      'case_handler',
      api().post(`/api/v1/reveal-requests/${asked.id}/decision`),
    ).send({
      approve: true,
      version: asked.version,
    });
    expect(decideSelf.status).toBe(403);
    const approved = (
      await as('identity_custodian', api().post(`/api/v1/reveal-requests/${asked.id}/decision`))
        .send({ approve: true, note: 'Đồng ý trong 2 giờ', version: asked.version })
        .expect(201)
    ).body;
    expect(approved).toMatchObject({
      status: 'approved',
      active: true,
      decidedByUserId: world.users.identity_custodian.id,
      expiresAt: new Date(NOW.getTime() + 2 * 3600_000).toISOString(),
    });
    const seen = (await as('case_handler', api().get(`/api/v1/letters/${letter.id}/identity`)).expect(200))
      .body;
    expect(seen).toMatchObject({ basis: 'reveal_grant', petitioners: [{ fullName: person.fullName }] });

    now.mockReturnValue(new Date(NOW.getTime() + 2 * 3600_000 + 1000));
    const expired = await as('case_handler', api().get(`/api/v1/letters/${letter.id}/identity`));
    expect(expired.status).toBe(403);
    expect(expired.body.code).toBe('IDENTITY_PROTECTED');
    const letterView = (await as('case_handler', api().get(`/api/v1/letters/${letter.id}`)).expect(200)).body;
    expect(letterView.petitioners).toBeNull();

    // A refused request grants nothing.
    const second = (
      await as('case_handler', api().post(`/api/v1/letters/${letter.id}/reveal-requests`))
        .send({ reason: 'Yêu cầu lần hai để đối chiếu' })
        .expect(201)
    ).body;
    await as('identity_custodian', api().post(`/api/v1/reveal-requests/${second.id}/decision`))
      .send({ approve: false, note: 'Không cần thiết', version: second.version })
      .expect(201);
    expect((await as('case_handler', api().get(`/api/v1/letters/${letter.id}/identity`))).status).toBe(403);
  });

  it('the console’s reads: the letter without its denouncer until opened; requests by letter, mine, named', async () => {
    const person = denouncer();
    const letter = await denunciation(person, '2026-11-17');
    const reads = async () =>
      Number(
        (
          await app
            .get<DataSource>(getDataSourceToken())
            .query(
              "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'read' AND entity_type = 'letter' AND entity_id = ?",
              [letter.id],
            )
        )[0].n,
      );
    const before = await reads();
    // on_request: the receiver and the custodian learn that they may open it, nothing is opened or audited.
    for (const [who, basis] of [
      ['reception_officer', 'receiver'],
      ['identity_custodian', 'custodian'],
      ['case_handler', null],
    ] as const) {
      const page = (await as(who, api().get(`/api/v1/letters/${letter.id}?identity=on_request`)).expect(200))
        .body;
      expect({ who, petitioners: page.petitioners, basis: page.identityBasis }).toEqual({
        who,
        petitioners: null,
        basis,
      });
      expect(JSON.stringify(page)).not.toContain(person.idNumber);
    }
    expect(await reads()).toBe(before);
    // The default still opens (and audits) for those allowed, as before.
    const full = (await as('reception_officer', api().get(`/api/v1/letters/${letter.id}`)).expect(200)).body;
    expect(full).toMatchObject({ identityBasis: 'receiver', petitioners: [{ fullName: person.fullName }] });
    expect(await reads()).toBe(before + 1);
    const bad = await as('reception_officer', api().get(`/api/v1/letters/${letter.id}?identity=all`));
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('identity');

    const mine = (
      await as('identity_custodian', api().post(`/api/v1/letters/${letter.id}/reveal-requests`))
        .send({ reason: 'Kiểm tra việc lưu giữ hồ sơ người tố cáo' })
        .expect(201)
    ).body;
    const handlers = (
      await as('case_handler', api().post(`/api/v1/letters/${letter.id}/reveal-requests`))
        .send({ reason: 'Cần liên hệ người tố cáo để bổ sung chứng cứ' })
        .expect(201)
    ).body;
    expect(handlers).toMatchObject({
      letterReceiptCode: letter.receiptCode,
      requestedByName: expect.stringContaining('case_handler'),
      decidedByName: null,
    });
    const ids = (body: { items: { id: string }[] }) => body.items.map((r) => r.id);
    const ofLetter = (
      await as('identity_custodian', api().get(`/api/v1/reveal-requests?letterId=${letter.id}`)).expect(200)
    ).body;
    expect(ids(ofLetter)).toEqual([handlers.id, mine.id]);
    const custodiansOwn = (
      await as(
        'identity_custodian',
        api().get(`/api/v1/reveal-requests?letterId=${letter.id}&requester=mine`),
      ).expect(200)
    ).body;
    expect(ids(custodiansOwn)).toEqual([mine.id]);
    const handlersView = (
      await as('case_handler', api().get(`/api/v1/reveal-requests?letterId=${letter.id}`)).expect(200)
    ).body;
    expect(ids(handlersView)).toEqual([handlers.id]);
    const own = await as(
      'identity_custodian',
      api().post(`/api/v1/reveal-requests/${mine.id}/decision`),
    ).send({ approve: true, version: mine.version });
    expect(own.status).toBe(403);
    const refused = (
      await as('identity_custodian', api().post(`/api/v1/reveal-requests/${handlers.id}/decision`))
        .send({ approve: false, note: 'Chưa đủ lý do', version: handlers.version })
        .expect(201)
    ).body;
    expect(refused).toMatchObject({
      status: 'refused',
      decidedByName: expect.stringContaining('identity_custodian'),
    });
  });

  it('a denunciation is transferred without its denouncer unless that is decided, and only once', async () => {
    const person = denouncer();
    const letter = await denunciation(person, '2026-11-16');
    await as('reception_officer', api().post(`/api/v1/letters/${letter.id}/decision`))
      .send({
        decision: 'transfer',
        decidedOn: '2026-11-17',
        legalBasis: 'LTC art. 24(2)',
        transferToUnitId: world.schoolA.id,
        transferRef: '15/CV-TTr',
        version: letter.version,
      })
      .expect(201);
    const [copy] = await app
      .get<DataSource>(getDataSourceToken())
      .query('SELECT id, petitioner_count FROM letters WHERE transferred_from_letter_id = ?', [letter.id]);
    const copied = await app
      .get<DataSource>(getDataSourceToken())
      .query('SELECT COUNT(*) AS n FROM letter_petitioners WHERE letter_id = ?', [copy.id]);
    expect(Number(copied[0].n)).toBe(0);
    const seen = (
      await as('identity_custodian', api().get(`/api/v1/letters/${copy.id}/identity`)).expect(200)
    ).body;
    expect(seen.petitioners).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain(person.fullName);

    const withIdentity = await denunciation(denouncer(), '2026-11-16');
    await as('reception_officer', api().post(`/api/v1/letters/${withIdentity.id}/decision`))
      .send({
        decision: 'transfer',
        decidedOn: '2026-11-17',
        legalBasis: 'LTC art. 24(2)',
        transferToBody: 'Công an tỉnh',
        transferRef: '16/CV-TTr',
        includeIdentity: true,
        version: withIdentity.version,
      })
      .expect(201);
    const [entry] = await app
      .get<DataSource>(getDataSourceToken())
      .query("SELECT changes FROM audit_log WHERE entity_id = ? AND action = 'decide.transfer'", [
        withIdentity.id,
      ]);
    expect(JSON.stringify(entry.changes)).toContain('identityIncluded');
  });

  it('anonymous information is inspected or forwarded, with no denunciation deadline and no petitioner', async () => {
    const res = await as('reception_officer', api().post('/api/v1/letters'))
      .send({
        unitId: world.divisionA.id,
        receivedOn: '2026-11-16',
        channel: 'post',
        classification: 'anonymous',
        subject: 'Thông tin phản ánh cán bộ thuế nhận quà',
        content: 'Ông Đinh Văn K, cán bộ thuế, nhận quà của doanh nghiệp X; kèm ảnh chụp biên nhận.',
        petitioners: [],
        eligibility: [
          'language',
          'lawful_content',
          'legible',
          'names_violator',
          'has_evidence',
          'verifiable',
        ].map((check) => ({ check, passed: true })),
      })
      .expect(201);
    const decided = await as('reception_officer', api().post(`/api/v1/letters/${res.body.id}/decision`))
      .send({
        decision: 'accept',
        decidedOn: '2026-11-17',
        legalBasis: 'LTC art. 25(2)',
        version: res.body.version,
      })
      .expect(201);
    let c = (
      await as('unit_head', api().get(`/api/v1/denunciation-cases/${decided.body.caseId}`)).expect(200)
    ).body;
    expect(c).toMatchObject({ track: 'anonymous_information', deadlines: [] });
    expect([...c.nextSteps].sort()).toEqual(['forward', 'inspect']);
    c = await step('unit_head', c, { event: 'inspect', date: '2026-11-18', legalBasis: 'NĐ 31 art. 20' });
    expect(c).toMatchObject({ state: 'inspected', deadlines: [] });
  });

  it('a mixed letter is split only by who may see its writer, and every part stays protected', async () => {
    const person = denouncer();
    const mixed = (
      await as('reception_officer', api().post('/api/v1/letters'))
        .send({
          unitId: world.divisionA.id,
          receivedOn: '2026-11-16',
          channel: 'post',
          classification: 'mixed',
          subject: `Khiếu nại và tố cáo — ${person.fullName}`,
          content: `Tôi là ${person.fullName} (${person.phone}). Tôi khiếu nại quyết định kỷ luật và tố cáo ông Lê Văn Tham.`,
          petitioners: [person],
          eligibility: ALL_PASSED,
        })
        .expect(201)
    ).body;
    expect(mixed.identityProtected).toBe(true);
    const parts = {
      version: mixed.version,
      parts: [
        {
          classification: 'complaint',
          complaintTrack: 'first_time',
          subject: 'Khiếu nại quyết định kỷ luật',
          content: `${person.fullName} khiếu nại quyết định kỷ luật.`,
          eligibility: ALL_PASSED,
        },
        {
          classification: 'denunciation',
          subject: 'Tố cáo ông Lê Văn Tham',
          content: `${person.fullName} tố cáo ông Lê Văn Tham nhận tiền.`,
          eligibility: ALL_PASSED,
        },
      ],
    };
    // The head may not see the writer: splitting would make them write from the original.
    const refused = await as('unit_head', api().post(`/api/v1/letters/${mixed.id}/split`)).send(parts);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('IDENTITY_PROTECTED');
    const split = (
      await as('reception_officer', api().post(`/api/v1/letters/${mixed.id}/split`))
        .send(parts)
        .expect(201)
    ).body;
    for (const part of split) {
      expect(part.identityProtected).toBe(true);
      expect(JSON.stringify(part)).not.toContain(person.fullName);
      const seen = (await as('unit_head', api().get(`/api/v1/letters/${part.id}`)).expect(200)).body;
      expect(seen.petitioners).toBeNull();
      // The officer who received the mixed letter is the receiver of its parts.
      const own = (
        await as('reception_officer', api().get(`/api/v1/letters/${part.id}/identity`)).expect(200)
      ).body;
      expect(own).toMatchObject({ basis: 'receiver', petitioners: [{ fullName: person.fullName }] });
    }
  });

  it('initial processing (TC-1) runs until the case is accepted; the denouncer follows it on the status page', async () => {
    const person = denouncer();
    const letter = await denunciation(person, '2026-11-16');
    const processing = async () =>
      (
        await app
          .get<DataSource>(getDataSourceToken())
          .query(
            "SELECT status, settled_on AS settledOn FROM case_deadlines WHERE subject_type = 'letter' AND subject_id = ? AND purpose = 'processing'",
            [letter.id],
          )
      )[0];
    const decided = await as('reception_officer', api().post(`/api/v1/letters/${letter.id}/decision`))
      .send({
        decision: 'accept',
        decidedOn: '2026-11-17',
        legalBasis: 'LTC art. 24',
        version: letter.version,
      })
      .expect(201);
    expect(await processing()).toMatchObject({ status: 'open' });
    const c = (
      await as('unit_head', api().get(`/api/v1/denunciation-cases/${decided.body.caseId}`)).expect(200)
    ).body;
    await step('unit_head', c, { event: 'accept', date: '2026-11-19', documentRef: '21/QĐ-TLTC' });
    expect(await processing()).toMatchObject({ status: 'met', settledOn: '2026-11-19' });

    const status = (
      await api()
        .post('/api/v1/public/letter-status')
        .send({ code: letter.receiptCode, secret: letter.receiptSecret })
        .expect(200)
    ).body;
    expect(status.stage).toBe('Đang giải quyết');
    expect(status.milestones.map((m: { text: string }) => m.text)).toEqual(
      expect.arrayContaining(['Đã nhận đơn', 'Thụ lý tố cáo']),
    );
    expect(status.currentDeadline).toMatchObject({
      step: 'Giải quyết tố cáo',
      due: (await engine('TC-3', '2026-11-19')).due,
    });
    for (const m of [person.fullName, person.idNumber, '21/QĐ-TLTC', c.caseNumber]) {
      expect(JSON.stringify(status)).not.toContain(m);
    }
  });
});
