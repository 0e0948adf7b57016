import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import type { Role } from '../../src/auth/domain/roles.js';
import { Clock } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { EnforcementService } from '../../src/enforcement/enforcement.service.js';
import { NotificationsService } from '../../src/notifications/notifications.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

const MARK = '[đã ẩn]';
const NBSP = '\u00a0';
const ZWSP = '\u200b';

/** The denouncer of issue 14. */
const person = {
  fullName: 'Yyqw Edgemarker',
  address: 'Số 45 hẻm Zxkwq, phường Tân Định, tỉnh Đồng Nai',
  idNumber: '079301004455',
  phone: '0973516284',
  email: 'yyqw.edge@thu-nghiem.vn',
};

/** The spellings the issue found missed on main, each as a reader would see it. */
const SPELLINGS: Array<[string, string]> = [
  ['two spaces', 'Yyqw  Edgemarker'],
  ['a line break', 'Yyqw\nEdgemarker'],
  ['a tab', 'Yyqw\tEdgemarker'],
  ['a no-break space', `Yyqw${NBSP}Edgemarker`],
  ['the reversed name', 'Edgemarker Yyqw'],
  ['a partial address', '45 hẻm Zxkwq'],
  ['(+84) 973 516 284', '(+84) 973 516 284'],
  ['(0973) 516 284', '(0973) 516 284'],
  ['slashes', '0973/516/284'],
  ['underscores', '0973_516_284'],
  ['full-width digits', '０９７３５１６２８４'],
  ['Ð (U+00D0) for Đ', '\u00d0ặng Thị Ngoqz'],
  ['zero-width characters', `Yy${ZWSP}qw Edge${ZWSP}marker`],
  ['name[at]domain', 'yyqw.edge[at]thu-nghiem.vn'],
];
/** Ð: a second petitioner (a co-signer) whose name begins with Đ. */
const coSigner = { fullName: 'Đặng Thị Ngoqz', address: 'Tổ 3, phường Tân Định' };
const singleLine = (s: string) => !/[\n\t]/.test(s);

/**
 * Issue 14 (findings 1 and 4): the denouncer stays protected however people write them — in the letter's
 * redacted copy, an officer's own redacted text, the case subject, step notes, enforcement titles and
 * reports, notification and e-mail bodies, and attachment names. Each check fails on the old matcher.
 */
describe('the denouncer is protected however people write them (issue 14)', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(who: string, r: T) => r.set('authorization', `Bearer ${tokens[who]}`);
  const today = () => app.get(Clock).today();

  function letterBody(spelling: string, extra: Record<string, unknown> = {}) {
    return {
      unitId: world.divisionA.id,
      receivedOn: addDays(today(), -1),
      channel: 'post',
      classification: 'denunciation',
      subject: singleLine(spelling)
        ? `Tố cáo ông Lê Văn Tham (${spelling}) nhận tiền`
        : 'Tố cáo ông Lê Văn Tham nhận tiền',
      content: `Người tố cáo: (${spelling}). Tôi tố cáo ông Lê Văn Tham nhận 1.250.000.000 đồng theo Quyết định số 123/QĐ-UBND.`,
      petitioners: [person, coSigner],
      eligibility: ALL_PASSED,
      ...extra,
    };
  }

  async function created(res: request.Response) {
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A denunciation whose subject names the denouncer with two spaces, accepted: its case. */
  async function acceptedCase(subjectSpelling = 'Yyqw  Edgemarker') {
    const letter = await created(
      await as('reception_officer', api().post('/api/v1/letters')).send(letterBody(subjectSpelling)),
    );
    const decided = await created(
      await as('reception_officer', api().post(`/api/v1/letters/${letter.id}/decision`)).send({
        decision: 'accept',
        decidedOn: addDays(today(), -1),
        legalBasis: 'LTC 25/2018/QH14 art. 24',
        version: letter.version,
      }),
    );
    const c = (await as('unit_head', api().get(`/api/v1/denunciation-cases/${decided.caseId}`)).expect(200))
      .body;
    return { letter, case: c };
  }

  beforeAll(async () => {
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'unit_head', 'case_handler'] as Role[]) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(SPELLINGS)(
    'the redacted copy of a letter cuts out %s, and keeps the rest',
    async (_what, spelling) => {
      const letter = await created(
        await as('reception_officer', api().post('/api/v1/letters')).send(letterBody(spelling)),
      );
      const shown = (await as('case_handler', api().get(`/api/v1/letters/${letter.id}`)).expect(200)).body;
      expect(shown.petitioners).toBeNull();
      expect(shown.content).toBe(
        `Người tố cáo: (${MARK}). Tôi tố cáo ông Lê Văn Tham nhận 1.250.000.000 đồng theo Quyết định số 123/QĐ-UBND.`,
      );
      if (singleLine(spelling)) expect(shown.subject).toBe(`Tố cáo ông Lê Văn Tham (${MARK}) nhận tiền`);
      // The original stays sealed, whole, for those who may see it.
      const original = (
        await as('reception_officer', api().get(`/api/v1/letters/${letter.id}/identity`)).expect(200)
      ).body;
      expect(original.content).toContain(spelling);
    },
  );

  it.each(SPELLINGS)(
    'an officer’s own redacted text that still has %s is refused',
    async (_what, spelling) => {
      const res = await as('reception_officer', api().post('/api/v1/letters')).send(
        letterBody('Yyqw Edgemarker', {
          redactedContent: `Người tố cáo: ${spelling}. Tố cáo ông Lê Văn Tham.`,
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'redactedContent' })]);
      expect(JSON.stringify(res.body)).not.toContain('Edgemarker');
    },
  );

  it('an officer’s redacted text with most of the phone is refused rather than stored (cannot be sure)', async () => {
    const res = await as('reception_officer', api().post('/api/v1/letters')).send(
      letterBody('Yyqw Edgemarker', {
        redactedContent: 'Người tố cáo gọi từ số 0973 516 2xx. Tố cáo ông Tham.',
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'redactedContent' })]);
  });

  it('a processing decision whose legal basis names the denouncer is refused with a field error', async () => {
    const letter = await created(
      await as('reception_officer', api().post('/api/v1/letters')).send(letterBody('Lê Văn Tham')),
    );
    const res = await as('reception_officer', api().post(`/api/v1/letters/${letter.id}/decision`)).send({
      decision: 'accept',
      decidedOn: addDays(today(), -1),
      legalBasis: `LTC art. 24 — đơn của Edgemarker${NBSP}Yyqw`,
      version: letter.version,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'IDENTITY_IN_TEXT', details: [{ field: 'legalBasis' }] });
  });

  it('the case subject is the redacted one (the name was typed with two spaces)', async () => {
    const { case: c } = await acceptedCase();
    expect(c.subject).toBe(`Tố cáo ông Lê Văn Tham (${MARK}) nhận tiền`);
    const found = (
      await as('unit_head', api().get('/api/v1/denunciation-cases?q=Edgemarker&pageSize=200')).expect(200)
    ).body;
    expect(found.items).toEqual([]);
  });

  it('a step note naming the denouncer (any spelling) is refused with a field error; a clean one is kept (finding 4)', async () => {
    const { case: c } = await acceptedCase();
    const step = (note: string, version = c.version) =>
      as('unit_head', api().post(`/api/v1/denunciation-cases/${c.id}/transitions`)).send({
        event: 'accept',
        date: today(),
        documentRef: '01/QĐ-TLTC',
        legalBasis: 'LTC 25/2018/QH14 art. 29',
        note,
        version,
      });
    for (const note of [
      'Đã xác minh với ông Yyqw Edgemarker, điện thoại 0973516284.',
      'Đã gọi cho người tố cáo theo số (+84) 973 516 284.',
      `Người tố cáo Edgemarker${NBSP}Yyqw đồng ý cung cấp thêm tài liệu.`,
    ]) {
      const res = await step(note);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'IDENTITY_IN_TEXT',
        details: [expect.objectContaining({ field: 'note' })],
      });
      expect(JSON.stringify(res.body)).not.toContain('Edgemarker');
    }
    const ok = await created(
      await step('Thụ lý tố cáo đối với ông Lê Văn Tham về việc nhận 1.250.000.000 đồng.'),
    );
    const rows: Array<{ note: string | null }> = await dataSource.query(
      'SELECT note FROM denunciation_case_events WHERE case_id = ? ORDER BY sequence',
      [c.id],
    );
    expect(rows.map((r) => r.note)).toContain(
      'Thụ lý tố cáo đối với ông Lê Văn Tham về việc nhận 1.250.000.000 đồng.',
    );
    expect(JSON.stringify(ok)).not.toContain('Edgemarker');
  });

  it('enforcement: the record’s title is cut, and descriptions and reports naming the denouncer are refused', async () => {
    const { case: c } = await acceptedCase('Lê Văn Tham');
    const record = await dataSource.transaction((manager) =>
      app.get(EnforcementService).openFor(manager, SYSTEM_ACTOR, {
        subjectType: 'denunciation_case',
        subjectId: c.id,
        unitId: world.divisionA.id,
        title: `${c.caseNumber} — tố cáo của Yyqw  Edgemarker (0973_516_284)`,
        decisionRef: '20/KL-TTr',
        openedOn: today(),
      }),
    );
    expect(record.title).toBe(`${c.caseNumber} — tố cáo của ${MARK} (${MARK})`);
    const obligation = (description: string) =>
      as('unit_head', api().post(`/api/v1/enforcement-records/${record.id}/obligations`)).send({
        kind: 'restore_rights',
        description,
        owningUnitId: world.divisionA.id,
        due: { date: addDays(today(), 30) },
        version: record.version,
      });
    const refused = await obligation('Trả lời người tố cáo Edgemarker Yyqw bằng văn bản');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'IDENTITY_IN_TEXT', details: [{ field: 'description' }] });
    const withObligation = await created(await obligation('Xử lý kỷ luật ông Lê Văn Tham'));
    const o = withObligation.obligations[0];
    const update = await as(
      'unit_head',
      api().post(`/api/v1/enforcement-records/obligations/${o.id}/updates`),
    ).send({
      note: 'Đã gửi kết quả cho yyqw.edge (at) thu-nghiem dot vn',
      reportedOn: today(),
      status: 'in_progress',
      version: o.version,
    });
    expect(update.status).toBe(400);
    expect(update.body).toMatchObject({ code: 'IDENTITY_IN_TEXT', details: [{ field: 'note' }] });
  });

  it('notification and e-mail bodies about a protected case are cut, whatever the caller wrote', async () => {
    const { case: c } = await acceptedCase('Lê Văn Tham');
    await dataSource.transaction((manager) =>
      app.get(NotificationsService).notify(manager, {
        userIds: [world.users.unit_head.id],
        kind: 'escalation',
        sourceKey: `identity-spellings-${c.id}`,
        title: `Sắp đến hạn: ${c.caseNumber} — Yyqw\tEdgemarker`,
        body: `Vụ việc ${c.caseNumber} — tố cáo của Edgemarker Yyqw, ĐT (0973) 516 284.`,
        link: `/api/v1/denunciation-cases/${c.id}`,
        subjectType: 'denunciation_case',
        subjectId: c.id,
        unitId: world.divisionA.id,
        webhookPayload: { caseId: c.id },
      }),
    );
    const inbox = (await as('unit_head', api().get('/api/v1/notifications?pageSize=50')).expect(200)).body;
    const mine = (inbox.items as Array<{ title: string; body: string }>).filter((n) =>
      n.body.includes(c.caseNumber),
    );
    expect(mine).toEqual([
      expect.objectContaining({
        title: `Sắp đến hạn: ${c.caseNumber} — ${MARK}`,
        body: `Vụ việc ${c.caseNumber} — tố cáo của ${MARK}, ĐT ${MARK}.`,
      }),
    ]);
    const cells: Array<{ t: string }> = await dataSource.query(
      'SELECT CONCAT(title, body) AS t FROM notifications WHERE subject_id = ?',
      [c.id],
    );
    expect(cells.map((r) => r.t).join('\n')).not.toMatch(/Edgemarker|516 284/);
  });

  it('the name of a file handed in with a protected letter is cut, even when not marked identifying', async () => {
    const { letter } = await acceptedCase('Lê Văn Tham');
    const pdf = Buffer.from('%PDF-1.4\n% bản chụp\n%%EOF\n', 'utf8');
    const up = await created(
      await as('reception_officer', api().post(`/api/v1/letters/${letter.id}/attachments`))
        .field('identifying', 'false')
        .attach('file', pdf, 'Đơn của Yyqw  Edgemarker 0973_516_284.pdf'),
    );
    expect(up.fileName).toBe(`Đơn của ${MARK} ${MARK}.pdf`);
  });

  it('a letter whose text cannot be cleaned with confidence (most of the phone) is refused, not stored', async () => {
    const before = await dataSource.query('SELECT COUNT(*) AS n FROM letters');
    const res = await as('reception_officer', api().post('/api/v1/letters')).send({
      ...letterBody('Lê Văn Tham'),
      content: 'Người tố cáo gọi từ số 0973.516.28x. Tố cáo ông Lê Văn Tham nhận tiền.',
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'redactedContent' })]);
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM letters')).toEqual(before);
  });

  it('a denouncer’s reception visit: texts naming them refused; the label to the unit head, in the visit and the export', async () => {
    const visitor = {
      fullName: person.fullName,
      address: person.address,
      idNumber: person.idNumber,
      phone: person.phone,
    };
    const body = (summary: string) => ({
      unitId: world.divisionA.id,
      visitDate: today(),
      visitTime: '08:30',
      receivingOfficerName: 'Lê Văn Cường',
      citizens: [visitor],
      peopleCount: 1,
      summary,
      contentKind: 'denunciation',
      withinCompetence: true,
      outcome: 'letter_received',
    });
    const refused = await as('reception_officer', api().post('/api/v1/reception/visits')).send(
      body(`Ông Edgemarker${NBSP}Yyqw tố cáo cán bộ địa chính`),
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'IDENTITY_IN_TEXT', details: [{ field: 'summary' }] });
    const visit = await created(
      await as('reception_officer', api().post('/api/v1/reception/visits')).send(
        body('Công dân tố cáo cán bộ địa chính xã nhận tiền'),
      ),
    );
    expect(visit.citizens).toEqual([{ ...visitor, representative: false }]);
    const head = (await as('unit_head', api().get(`/api/v1/reception/visits/${visit.id}`)).expect(200)).body;
    expect(head).toMatchObject({
      citizens: null,
      identityProtected: true,
      visitorsLabel: 'người tố cáo — thông tin được bảo vệ',
    });
    const exportAs = async (who: string) =>
      (
        await as(
          who,
          api().get(
            `/api/v1/reception/book/export?unitId=${world.divisionA.id}&from=${today()}&to=${today()}&format=csv`,
          ),
        ).expect(200)
      ).text;
    const headCsv = await exportAs('unit_head');
    expect(headCsv).toContain('người tố cáo — thông tin được bảo vệ');
    expect(headCsv).not.toContain(person.idNumber);
    expect(headCsv).not.toContain('Edgemarker');
    expect(await exportAs('reception_officer')).toContain(person.idNumber);
  });

  it('ordinary text about the case is kept as written', async () => {
    const content =
      'Tố cáo ông Lê Văn Tham, Phó Chủ tịch UBND xã Tân Định, nhận 1.250.000.000 đồng theo Quyết định số 123/QĐ-UBND ngày 12/3/2026 tại thửa đất số 45, tờ bản đồ số 7.';
    const letter = await created(
      await as('reception_officer', api().post('/api/v1/letters')).send({ ...letterBody('x'), content }),
    );
    const shown = (await as('case_handler', api().get(`/api/v1/letters/${letter.id}`)).expect(200)).body;
    expect(shown.content).toBe(content);
  });
});
