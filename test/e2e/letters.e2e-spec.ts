import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UnitCalendarService } from '../../src/calendar/unit-calendar.service.js';
import { AppConfig } from '../../src/config/app-config.js';
import { Clock } from '../../src/common/clock.js';
import { addDays, weekday, type LocalDate } from '../../src/common/domain/local-date.js';
import { uuid7 } from '../../src/common/ids/uuid7.js';
import { computeDeadline } from '../../src/deadlines/domain/deadline-engine.js';
import { DEFAULT_DEADLINE_POLICY } from '../../src/deadlines/domain/deadline-policy.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

/** "Today" for the whole file: Wednesday 25 November 2026, 10:00 in Hà Nội. */
const NOW = new Date('2026-11-25T03:00:00Z');
const TODAY = '2026-11-25';

const ANONYMOUS_PASSED = [
  'language',
  'lawful_content',
  'legible',
  'names_violator',
  'has_evidence',
  'verifiable',
].map((check) => ({ check, passed: true }));

interface Petitioner {
  fullName: string;
  address?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
}

let personSeq = 0;
/** A petitioner no other test uses (unique name, address and căn cước number). */
function person(extra: Partial<Petitioner> = {}): Petitioner {
  personSeq += 1;
  const n = String(personSeq).padStart(4, '0');
  return {
    fullName: `Nguyễn Văn Thử Số ${n}`,
    address: `Số ${n}, đường Lê Lợi, phường Bến Thành`,
    idNumber: `07920000${n}`,
    ...extra,
  };
}

const LAND_COMPLAINT =
  'Tôi khiếu nại Quyết định số 45/QĐ-UBND ngày 02/10/2026 của Chủ tịch Ủy ban nhân dân phường về việc thu hồi 150 m2 đất ở của gia đình tôi tại tổ 7 mà không bồi thường.';
const LAND_COMPLAINT_ASCII =
  'Toi khieu nai Quyet dinh so 45/QD-UBND ngay 02/10/2026 cua Chu tich Uy ban nhan dan phuong ve viec thu hoi 150 m2 dat o cua gia dinh toi tai to 7 ma khong boi thuong.';
const UNRELATED =
  'Đề nghị sửa chữa mái nhà lớp học của Trường Tiểu học Tân Tiến trước mùa mưa bão năm nay vì đã dột nhiều chỗ.';

describe('letters over HTTP: intake, splitting, duplicates, decisions, personal data, files, work lists', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(who: string, r: T) => r.set('authorization', `Bearer ${tokens[who]}`);

  function letterBody(body: Record<string, unknown> = {}) {
    return {
      unitId: world.divisionA.id,
      receivedOn: '2026-11-20',
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: LAND_COMPLAINT,
      petitioners: [person()],
      eligibility: ALL_PASSED,
      ...body,
    };
  }

  async function logLetter(body: Record<string, unknown> = {}, who = 'reception_officer') {
    const res = await as(who, api().post('/api/v1/letters')).send(letterBody(body));
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  function decide(who: string, letter: { id: string; version: number }, body: Record<string, unknown>) {
    return as(who, api().post(`/api/v1/letters/${letter.id}/decision`)).send({
      decidedOn: '2026-11-24',
      legalBasis: 'LKN 2011 art. 27; TT 05/2021/TT-TTCP',
      version: letter.version,
      ...body,
    });
  }

  async function getLetter(who: string, id: string) {
    return (await as(who, api().get(`/api/v1/letters/${id}`)).expect(200)).body;
  }

  const fieldsOf = (body: { details?: { field: string }[] }) =>
    [...new Set((body.details ?? []).map((d) => d.field))].sort();

  async function rowCounts() {
    const out: Record<string, number> = {};
    for (const table of ['letters', 'letter_petitioners', 'case_deadlines', 'complaint_cases', 'audit_log']) {
      const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
      out[table] = Number(n);
    }
    return out;
  }

  async function auditEntries(query: Record<string, string>) {
    const res = await as('inspectorate_leader', api().get('/api/v1/audit-entries'))
      .query({ pageSize: '200', ...query })
      .expect(200);
    return res.body.items as Array<{
      action: string;
      actorUserId: string | null;
      entityType: string;
      entityId: string;
      changes: Record<string, unknown> | null;
    }>;
  }

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(NOW);
    ds = app.get<DataSource>(getDataSourceToken());
    await truncateAll(ds);
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'unit_head', 'case_handler', 'inspectorate_leader'] as const) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  // ── 1. bad input ──────────────────────────────────────────────────────────────────────────────

  describe('a letter with bad input is refused field by field and nothing is written', () => {
    const cases: Array<{
      name: string;
      patch: () => Record<string, unknown>;
      code: string;
      fields: string[];
    }> = [
      {
        name: 'a complaint without petitioners',
        patch: () => ({ petitioners: [] }),
        code: 'LETTER_INVALID',
        fields: ['petitioners'],
      },
      {
        name: 'anonymous information naming a petitioner',
        patch: () => ({
          classification: 'anonymous',
          complaintTrack: undefined,
          eligibility: ANONYMOUS_PASSED,
        }),
        code: 'LETTER_INVALID',
        fields: ['petitioners'],
      },
      {
        name: 'a complaint without its track',
        patch: () => ({ complaintTrack: undefined }),
        code: 'LETTER_INVALID',
        fields: ['complaintTrack'],
      },
      {
        name: 'a letter forwarded by the press without the forwarder',
        patch: () => ({ channel: 'press' }),
        code: 'LETTER_INVALID',
        fields: ['forwardedBy'],
      },
      {
        name: 'a posted letter with a visit',
        patch: () => ({ visitId: uuid7() }),
        code: 'LETTER_INVALID',
        fields: ['visitId'],
      },
      {
        name: 'a letter received tomorrow',
        patch: () => ({ receivedOn: '2026-11-26' }),
        code: 'LETTER_INVALID',
        fields: ['receivedOn'],
      },
      {
        name: 'an eligibility check left unanswered',
        patch: () => ({ eligibility: ALL_PASSED.filter((c) => c.check !== 'legible') }),
        code: 'LETTER_INVALID',
        fields: ['eligibility'],
      },
      {
        name: 'a căn cước number of 11 digits',
        patch: () => ({ petitioners: [person({ idNumber: '07920000123' })] }),
        code: 'VALIDATION_FAILED',
        fields: ['petitioners[0].idNumber'],
      },
      {
        name: 'more signers than the register holds',
        patch: () => ({ petitionerCount: 70000 }),
        code: 'VALIDATION_FAILED',
        fields: ['petitionerCount'],
      },
    ];

    it.each(cases)('$name → 400 $code naming $fields', async ({ patch, code, fields }) => {
      const before = await rowCounts();
      const res = await as('reception_officer', api().post('/api/v1/letters')).send(letterBody(patch()));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(fieldsOf(res.body)).toEqual(fields);
      for (const d of res.body.details) expect(d.message).toEqual(expect.any(String));
      expect(await rowCounts()).toEqual(before);
    });

    it('several problems at once are all listed, and nothing is written', async () => {
      const before = await rowCounts();
      const res = await as('reception_officer', api().post('/api/v1/letters')).send(
        letterBody({
          channel: 'press',
          complaintTrack: undefined,
          receivedOn: '2026-12-01',
          eligibility: ALL_PASSED.slice(1),
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('LETTER_INVALID');
      expect(fieldsOf(res.body)).toEqual(['complaintTrack', 'eligibility', 'forwardedBy', 'receivedOn']);
      expect(res.body.details.find((d: { field: string }) => d.field === 'eligibility').message).toContain(
        'language',
      );
      expect(await rowCounts()).toEqual(before);
    });
  });

  // ── 2. mixed letters ──────────────────────────────────────────────────────────────────────────

  it('a mixed letter is split before any decision: two letters, own receipt codes, same petitioners', async () => {
    const people = [person(), person({ phone: '0912345678' })];
    const mixed = await logLetter({
      classification: 'mixed',
      complaintTrack: undefined,
      subject: 'Khiếu nại và kiến nghị về đất đai',
      content: `${LAND_COMPLAINT} Đồng thời kiến nghị sửa đường ngõ 12.`,
      petitioners: people,
    });
    expect(mixed).toMatchObject({ classification: 'mixed', status: 'registered', version: 1 });

    const early = await decide('reception_officer', mixed, { decision: 'accept' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('LETTER_DECISION_NOT_ALLOWED');
    expect(fieldsOf(early.body)).toEqual(['decision']);

    const parts = [
      {
        classification: 'complaint',
        complaintTrack: 'first_time',
        subject: 'Khiếu nại quyết định thu hồi đất',
        content: LAND_COMPLAINT,
        eligibility: ALL_PASSED,
      },
      {
        classification: 'petition',
        subject: 'Kiến nghị sửa đường ngõ 12',
        content: 'Kiến nghị sửa đường ngõ 12 bị hư hỏng nặng.',
        eligibility: ALL_PASSED,
      },
    ];
    const wrongVersion = await as('reception_officer', api().post(`/api/v1/letters/${mixed.id}/split`)).send({
      parts,
      version: 5,
    });
    expect(wrongVersion.status).toBe(409);
    expect(wrongVersion.body).toMatchObject({ code: 'LETTER_VERSION_CONFLICT', currentVersion: 1 });

    const split = await as('reception_officer', api().post(`/api/v1/letters/${mixed.id}/split`))
      .send({ parts, version: mixed.version })
      .expect(201);
    expect(split.body).toHaveLength(2);
    const [complaint, petition] = split.body;
    expect(complaint).toMatchObject({
      classification: 'complaint',
      complaintTrack: 'first_time',
      parentLetterId: mixed.id,
      status: 'registered',
      unitId: world.divisionA.id,
      receivedOn: mixed.receivedOn,
    });
    expect(petition).toMatchObject({ classification: 'petition', parentLetterId: mixed.id });
    const codes = [mixed.receiptCode, complaint.receiptCode, petition.receiptCode];
    expect(new Set(codes).size).toBe(3);
    for (const part of split.body) {
      expect(part.receiptCode).toMatch(/^TD-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(part.receiptSecret).toMatch(/^[0-9A-Z]{10}$/);
    }

    // The same petitioners, decrypted, for whoever may see them.
    const expected = people.map((p) =>
      expect.objectContaining({ fullName: p.fullName, idNumber: p.idNumber }),
    );
    expect((await getLetter('reception_officer', mixed.id)).petitioners).toEqual(expected);
    expect((await getLetter('reception_officer', complaint.id)).petitioners).toEqual(expected);
    expect((await getLetter('reception_officer', petition.id)).petitioners).toEqual(expected);

    // The parent is split and its processing deadline cancelled; the parts have their own.
    const parent = await getLetter('reception_officer', mixed.id);
    expect(parent).toMatchObject({ status: 'split', version: 2 });
    const deadlines: Array<{ subject_id: string; status: string }> = await ds.query(
      "SELECT subject_id, status FROM case_deadlines WHERE subject_type = 'letter' AND purpose = 'processing' AND subject_id IN (?, ?, ?)",
      [mixed.id, complaint.id, petition.id],
    );
    const statusOf = (id: string) => deadlines.filter((d) => d.subject_id === id).map((d) => d.status);
    expect(statusOf(mixed.id)).toEqual(['cancelled']);
    expect(statusOf(complaint.id)).toEqual(['open']);
    expect(statusOf(petition.id)).toEqual(['open']);

    // A stale version is refused with the current one; the split parent takes no decision.
    const stale = await as('reception_officer', api().post(`/api/v1/letters/${mixed.id}/split`)).send({
      parts,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'LETTER_VERSION_CONFLICT', currentVersion: 2 });
    const onParent = await decide('reception_officer', parent, { decision: 'accept' });
    expect(onParent.status).toBe(422);
    expect(onParent.body.code).toBe('LETTER_DECISION_NOT_ALLOWED');

    // Each part is decided on its own: the complaint opens a case.
    const accepted = await decide('reception_officer', complaint, { decision: 'accept' }).expect(201);
    expect(accepted.body).toMatchObject({
      status: 'decided',
      decision: 'accept',
      caseId: expect.any(String),
    });
  });

  // ── 3. duplicate suggestions ──────────────────────────────────────────────────────────────────

  describe('duplicate suggestions', () => {
    const hoa = {
      fullName: 'Phạm Thị Hoà',
      address: 'Thôn Đông Hưng, xã Quỳnh Hồng, tỉnh Nghệ An',
      idNumber: '040195000777',
    };
    let first: { id: string };

    beforeAll(async () => {
      first = await logLetter({ petitioners: [hoa], receivedOn: '2026-11-10' });
      expect(first).toMatchObject({ flags: [] });
    });

    it('the same căn cước number, the name typed without diacritics, similar content → id_number', async () => {
      const second = await logLetter({
        petitioners: [{ fullName: 'Pham Thi Hoa', idNumber: '0401 9500 0777' }],
        subject: 'Khieu nai quyet dinh thu hoi dat',
        content: LAND_COMPLAINT_ASCII,
      });
      expect(second.duplicates).toEqual([
        expect.objectContaining({ letterId: first.id, matchedOn: 'id_number', unitId: world.divisionA.id }),
      ]);
      expect(second.duplicates[0].similarity).toBeGreaterThanOrEqual(0.9);
      expect(second.flags).toContain('possible_duplicate');
      // Flagging is part of creation: the version handed back is the one stored.
      expect(await getLetter('reception_officer', second.id)).toMatchObject({
        version: second.version,
        flags: second.flags,
      });
      const listed = await as('case_handler', api().get(`/api/v1/letters/${second.id}/duplicates`)).expect(
        200,
      );
      expect(listed.body).toEqual(second.duplicates);
    });

    it('no căn cước number, the same name and address → name_and_address', async () => {
      const third = await logLetter({
        petitioners: [{ fullName: 'PHAM THI HOA', address: 'thon Dong Hung, xa Quynh Hong, tinh Nghe An' }],
        content: `${LAND_COMPLAINT} Kính đề nghị xem xét.`,
      });
      expect(third.duplicates).toEqual([
        expect.objectContaining({ letterId: first.id, matchedOn: 'name_and_address' }),
      ]);
      const listed = await as(
        'reception_officer',
        api().get(`/api/v1/letters/${third.id}/duplicates`),
      ).expect(200);
      expect(listed.body.map((d: { letterId: string }) => d.letterId)).toEqual([first.id]);
    });

    it('the same person on an unrelated matter is not suggested', async () => {
      const other = await logLetter({
        classification: 'petition',
        complaintTrack: undefined,
        subject: 'Kiến nghị sửa mái trường',
        content: UNRELATED,
        petitioners: [hoa],
      });
      expect(other.duplicates).toEqual([]);
      expect(other.flags).toEqual([]);
    });

    it('another person with the same content is not suggested', async () => {
      const stranger = await logLetter({ petitioners: [person()] });
      expect(stranger.duplicates).toEqual([]);
    });

    it('a namesake at the same address with a different căn cước number is another person, not suggested', async () => {
      // petitioner-match.ts: "two different ID numbers are two people even with the same name and address".
      const namesake = await logLetter({ petitioners: [{ ...hoa, idNumber: '040195000999' }] });
      const suggested = namesake.duplicates.map((d: { letterId: string }) => d.letterId);
      expect(suggested).not.toContain(first.id);
      // Only the letter written without a căn cước number may still match, by name and address.
      expect(
        namesake.duplicates.every((d: { matchedOn: string }) => d.matchedOn === 'name_and_address'),
      ).toBe(true);
    });
  });

  // ── 4. transfers ──────────────────────────────────────────────────────────────────────────────

  describe('transfers', () => {
    async function lettersAt(unitId: string) {
      const res = await as('reception_officer', api().get('/api/v1/letters'))
        .query({ unitId, pageSize: '200' })
        .expect(200);
      return res.body.items as Array<Record<string, unknown> & { id: string; version: number }>;
    }

    it('a transfer makes a letter at the receiving unit; sending it back is a loop; a repeat is flagged', async () => {
      const citizen = person();
      const letter = await logLetter({ petitioners: [citizen] });
      const transferred = await decide('reception_officer', letter, {
        decision: 'transfer',
        transferToUnitId: world.schoolA.id,
        transferRef: '15/CV-PA1',
      }).expect(201);
      expect(transferred.body).toMatchObject({
        status: 'decided',
        decision: 'transfer',
        transferToUnitId: world.schoolA.id,
        transferRef: '15/CV-PA1',
        version: 2,
      });

      const arrived = (await lettersAt(world.schoolA.id)).filter(
        (l) => l.transferredFromLetterId === letter.id,
      );
      expect(arrived).toHaveLength(1);
      const copy = arrived[0];
      expect(copy).toMatchObject({
        unitId: world.schoolA.id,
        channel: 'agency',
        forwardedBy: world.divisionA.name,
        forwardedRef: '15/CV-PA1',
        receivedOn: '2026-11-24',
        status: 'registered',
        classification: 'complaint',
        subject: letter.subject,
      });
      expect(copy.receiptCode).not.toBe(letter.receiptCode);
      expect((await getLetter('reception_officer', copy.id)).petitioners).toEqual([
        expect.objectContaining({ fullName: citizen.fullName, idNumber: citizen.idNumber }),
      ]);

      const back = await decide('reception_officer', copy, {
        decision: 'transfer',
        transferToUnitId: world.divisionA.id,
        transferRef: '16/CV-TA1',
      });
      expect(back.status).toBe(422);
      expect(back.body.code).toBe('LETTER_TRANSFER_LOOP');
      expect(await getLetter('reception_officer', copy.id)).toMatchObject({
        status: 'registered',
        version: 1,
      });
      expect(
        (await lettersAt(world.divisionA.id)).filter((l) => l.transferredFromLetterId === copy.id),
      ).toEqual([]);

      const again = await logLetter({ petitioners: [citizen] });
      expect(again.flags).toEqual(expect.arrayContaining(['possible_duplicate', 'already_transferred']));
      expect(again.duplicates.map((d: { letterId: string }) => d.letterId)).toContain(letter.id);
      await decide('reception_officer', again, {
        decision: 'archive',
        archiveReason: 'sent_to_competent_body',
      }).expect(201);
    });

    it('a denunciation is transferred once only, and without the denouncer', async () => {
      const denunciation = await logLetter({
        classification: 'denunciation',
        complaintTrack: undefined,
        subject: 'Tố cáo cán bộ địa chính nhận tiền',
        content: 'Tôi tố cáo ông Trần Văn B, cán bộ địa chính xã, nhận tiền để làm sổ đỏ trái phép.',
      });
      await decide('reception_officer', denunciation, {
        decision: 'transfer',
        transferToUnitId: world.schoolA.id,
        transferRef: '17/CV-PA1',
      }).expect(201);
      const [copy] = (await lettersAt(world.schoolA.id)).filter(
        (l) => l.transferredFromLetterId === denunciation.id,
      );
      expect(copy).toMatchObject({ classification: 'denunciation', channel: 'agency' });
      expect((await getLetter('reception_officer', copy.id)).petitioners).toEqual([]);

      const twice = await decide('reception_officer', copy, {
        decision: 'transfer',
        transferToUnitId: world.agencyA.id,
        transferRef: '18/CV-TA1',
      });
      expect(twice.status).toBe(422);
      expect(twice.body.code).toBe('LETTER_ALREADY_TRANSFERRED');
      expect(await getLetter('reception_officer', copy.id)).toMatchObject({
        status: 'registered',
        version: 1,
      });
    });

    it('a transfer to a body outside the system records it and makes no letter', async () => {
      const letter = await logLetter();
      const both = await decide('reception_officer', letter, {
        decision: 'transfer',
        transferToUnitId: world.schoolA.id,
        transferToBody: 'Tòa án nhân dân tỉnh Thử nghiệm',
        transferRef: '19/CV-PA1',
      });
      expect(both.status).toBe(422);
      expect(fieldsOf(both.body)).toEqual(['transferToUnitId']);

      const before = await rowCounts();
      const out = await decide('reception_officer', letter, {
        decision: 'transfer',
        transferToBody: 'Tòa án nhân dân tỉnh Thử nghiệm',
        transferRef: '19/CV-PA1',
      }).expect(201);
      expect(out.body).toMatchObject({
        decision: 'transfer',
        transferToBody: 'Tòa án nhân dân tỉnh Thử nghiệm',
        transferToUnitId: null,
        transferRef: '19/CV-PA1',
      });
      expect((await rowCounts()).letters).toBe(before.letters);
      const status = await api()
        .post('/api/v1/public/letter-status')
        .send({ code: letter.receiptCode, secret: letter.receiptSecret })
        .expect(200);
      expect(status.body.competentBody).toBe('Tòa án nhân dân tỉnh Thử nghiệm');
    });
  });

  // ── 5. other decisions ────────────────────────────────────────────────────────────────────────

  it('guide, return and archive need their own fields; a decided letter is not decided again', async () => {
    const letter = await logLetter();
    const guide = await decide('reception_officer', letter, { decision: 'guide' });
    expect(guide.status).toBe(422);
    expect(guide.body.code).toBe('LETTER_DECISION_NOT_ALLOWED');
    expect(fieldsOf(guide.body)).toEqual(['guidanceBody', 'guidanceRef']);

    const ret = await decide('reception_officer', letter, { decision: 'return', returnRef: '20/CV-PA1' });
    expect(ret.status).toBe(422);
    expect(ret.body.code).toBe('LETTER_DECISION_NOT_ALLOWED');
    expect(fieldsOf(ret.body)).toEqual(['decision']);

    const archive = await decide('reception_officer', letter, {
      decision: 'archive',
      archiveReason: 'duplicate',
    });
    expect(archive.status).toBe(422);
    expect(fieldsOf(archive.body)).toEqual(['duplicateOfLetterId']);
    expect(await getLetter('reception_officer', letter.id)).toMatchObject({
      status: 'registered',
      version: 1,
    });

    const guided = await decide('reception_officer', letter, {
      decision: 'guide',
      guidanceRef: '21/HD-PA1',
      guidanceBody: 'Ủy ban nhân dân tỉnh Thử nghiệm',
    }).expect(201);
    expect(guided.body).toMatchObject({
      status: 'decided',
      decision: 'guide',
      guidanceRef: '21/HD-PA1',
      decidedByUserId: world.users.reception_officer.id,
      version: 2,
    });

    const again = await decide('reception_officer', guided.body, {
      decision: 'archive',
      archiveReason: 'sent_to_competent_body',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LETTER_ALREADY_DECIDED');
    const stale = await decide('reception_officer', letter, {
      decision: 'archive',
      archiveReason: 'sent_to_competent_body',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'LETTER_VERSION_CONFLICT', currentVersion: 2 });

    // A forwarded letter can be returned; a duplicate is archived naming the original.
    const forwarded = await logLetter({ channel: 'press', forwardedBy: 'Báo Thử nghiệm' });
    await decide('reception_officer', forwarded, { decision: 'return', returnRef: '22/CV-PA1' }).expect(201);
    const repeat = await logLetter();
    const archived = await decide('reception_officer', repeat, {
      decision: 'archive',
      archiveReason: 'duplicate',
      duplicateOfLetterId: letter.id,
    }).expect(201);
    expect(archived.body).toMatchObject({ archiveReason: 'duplicate', duplicateOfLetterId: letter.id });
  });

  it('accepting a complaint opens a case whose first step carries the decision’s date and legal basis', async () => {
    const letter = await logLetter({ receivedOn: '2026-11-18' });
    const accepted = await decide('reception_officer', letter, {
      decision: 'accept',
      decidedOn: '2026-11-23',
      legalBasis: 'LKN 2011 art. 27(1)',
    }).expect(201);
    expect(accepted.body).toMatchObject({
      decisionLegalBasis: 'LKN 2011 art. 27(1)',
      caseId: expect.any(String),
    });
    const c = (
      await as('unit_head', api().get(`/api/v1/complaint-cases/${accepted.body.caseId}`)).expect(200)
    ).body;
    expect(c).toMatchObject({ letterId: letter.id, receivedOn: '2026-11-18', state: 'received' });
    expect(c.events).toEqual([
      expect.objectContaining({
        event: 'received',
        date: '2026-11-23',
        legalBasis: 'LKN 2011 art. 27(1)',
        actorUserId: world.users.reception_officer.id,
      }),
    ]);
  });

  // ── 6. personal data ──────────────────────────────────────────────────────────────────────────

  it('petitioners: hidden from a case handler, shown (and audited) to the officer, never stored in clear', async () => {
    const marker = {
      fullName: 'Lưu Thị Ngọc Quyên',
      address: 'Xóm Bãi Sậy Quyên Thịnh, xã Hải Lựu, tỉnh Phú Thọ',
      idNumber: '026187654321',
      phone: '0987654321',
      email: 'ngoc.quyen.luu@example.vn',
    };
    const letter = await logLetter({ petitioners: [marker] });

    const asHandler = await getLetter('case_handler', letter.id);
    expect(asHandler.petitioners).toBeNull();
    expect(asHandler.subject).toBe(letter.subject);
    const asOfficer = await getLetter('reception_officer', letter.id);
    expect(asOfficer.petitioners).toEqual([{ ...marker, representative: false }]);
    const list = await as('reception_officer', api().get('/api/v1/letters'))
      .query({ pageSize: '200' })
      .expect(200);
    const listed = list.body.items.find((l: { id: string }) => l.id === letter.id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain(marker.idNumber);

    const reads = (await auditEntries({ entityType: 'letter', entityId: letter.id })).filter(
      (e) => e.action === 'read',
    );
    expect(reads).toHaveLength(1);
    expect(reads[0].actorUserId).toBe(world.users.reception_officer.id);
    expect(reads[0].changes).toEqual({ fields: expect.arrayContaining(['petitioners.idNumber']) });

    // Every table, every row, as text (binary columns read as UTF-8 and Latin-1; JSON re-serialised).
    const tables: { name: string }[] = await ds.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['letter_petitioners', 'audit_log']));
    const textOf = (v: unknown): string => {
      if (Buffer.isBuffer(v)) return `${v.toString('utf8')}\n${v.toString('latin1')}`;
      if (v instanceof Date) return v.toISOString();
      if (typeof v === 'string') {
        try {
          return `${v}\n${JSON.stringify(JSON.parse(v))}`;
        } catch {
          return v;
        }
      }
      return JSON.stringify(v) ?? '';
    };
    let dump = '';
    for (const { name } of tables) {
      const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM \`${name}\``);
      for (const row of rows) dump += `${Object.values(row).map(textOf).join('\n')}\n`;
    }
    const petitionerRows = await ds.query('SELECT * FROM letter_petitioners WHERE letter_id = ?', [
      letter.id,
    ]);
    expect(petitionerRows).toHaveLength(1);
    expect(dump).toContain(letter.id); // the dump does hold this letter's rows
    for (const secret of [
      marker.fullName,
      'luu thi ngoc quyen',
      marker.address,
      marker.idNumber,
      marker.phone,
      marker.email,
    ]) {
      expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });

  // ── 7. attachments ────────────────────────────────────────────────────────────────────────────

  describe('attachments', () => {
    let letter: { id: string };
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      'latin1',
    );
    const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const download = (who: string, attachmentId: string) =>
      as(who, api().get(`/api/v1/letters/${letter.id}/attachments/${attachmentId}`))
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const upload = (who: string, bytes: Buffer, name: string, identifying?: boolean) => {
      const r = as(who, api().post(`/api/v1/letters/${letter.id}/attachments`));
      if (identifying !== undefined) r.field('identifying', String(identifying));
      return r.attach('file', bytes, name);
    };
    const attachmentRows = async () =>
      Number(
        (await ds.query('SELECT COUNT(*) AS n FROM letter_attachments WHERE letter_id = ?', [letter.id]))[0]
          .n,
      );

    beforeAll(async () => {
      letter = await logLetter();
    });

    it('a PDF is stored with its SHA-256 and comes back byte for byte', async () => {
      const res = await upload('reception_officer', pdf, 'Đơn khiếu nại.pdf');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        fileName: 'Đơn khiếu nại.pdf',
        mediaType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256: sha256(pdf),
        identifying: false,
      });
      const file = await download('case_handler', res.body.id).expect(200);
      expect(file.headers['content-type']).toMatch(/^application\/pdf/);
      expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
      expect(file.headers['content-disposition']).toContain(encodeURIComponent('Đơn khiếu nại.pdf'));
    });

    it('an executable, a .txt with a NUL byte → 415; over 20 MiB → 413; nothing recorded or left on disk', async () => {
      const before = await attachmentRows();
      // Every file under the store, temp files included (the store is per test worker).
      const filesOnDisk = async () =>
        (await readdir(app.get(AppConfig).attachments.dir, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
          .sort();
      const onDiskBefore = await filesOnDisk();
      const exe = await upload(
        'reception_officer',
        // Unique bytes each run: the store is content-addressed and outlives a run.
        Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00PE', 'latin1'), Buffer.from(uuid7())]),
        'don.pdf',
      );
      expect(exe.status).toBe(415);
      expect(exe.body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
      const nul = await upload(
        'reception_officer',
        Buffer.from(`Nội dung\u0000đơn ${uuid7()}`, 'utf8'),
        'ghi-chu.txt',
      );
      expect(nul.status).toBe(415);
      expect(nul.body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
      const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
      pdf.copy(big);
      const tooBig = await upload('reception_officer', big, 'scan.pdf');
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.code).toBe('ATTACHMENT_TOO_LARGE');
      expect(await attachmentRows()).toBe(before);
      expect(await filesOnDisk()).toEqual(onDiskBefore);
    });

    it('a file that identifies its author is hidden from a case handler, open to the officer (audited)', async () => {
      const scan = Buffer.from('%PDF-1.4\n% căn cước của người khiếu nại\n%%EOF\n', 'utf8');
      const res = await upload('reception_officer', scan, 'CCCD Nguyễn Văn A.pdf', true).expect(201);
      // The stored name is neutral: the handed-in one may name the writer.
      expect(res.body).toMatchObject({
        identifying: true,
        fileName: expect.stringMatching(/^tai-lieu-niem-phong-[0-9a-f]{8}\.pdf$/),
      });
      expect(JSON.stringify(res.body)).not.toContain('Nguyễn Văn A');

      const handlerList = await as(
        'case_handler',
        api().get(`/api/v1/letters/${letter.id}/attachments`),
      ).expect(200);
      const hidden = handlerList.body.find((a: { id: string }) => a.id === res.body.id);
      expect(hidden).toMatchObject({ identifying: true });
      expect(hidden.fileName).not.toContain('Nguyễn');
      expect(JSON.stringify(handlerList.body)).toContain('Đơn khiếu nại.pdf'); // the others keep their names
      const refused = await as(
        'case_handler',
        api().get(`/api/v1/letters/${letter.id}/attachments/${res.body.id}`),
      );
      expect(refused.status).toBe(404);

      const officerList = await as(
        'reception_officer',
        api().get(`/api/v1/letters/${letter.id}/attachments`),
      );
      expect(officerList.body.find((a: { id: string }) => a.id === res.body.id).fileName).toBe(
        res.body.fileName,
      );
      const file = await download('reception_officer', res.body.id).expect(200);
      expect(Buffer.compare(file.body as Buffer, scan)).toBe(0);
      const reads = await auditEntries({ entityType: 'letter_attachment', entityId: res.body.id });
      expect(reads.map((e) => [e.action, e.actorUserId])).toEqual([
        ['read', world.users.reception_officer.id],
      ]);
    });
  });

  // ── 8. work lists ─────────────────────────────────────────────────────────────────────────────

  describe('complaint-case work lists', () => {
    // A division of its own, so the lists hold only this block's cases.
    const who: Record<string, { id: string; email: string }> = {};
    const cases: Record<'overdue' | 'thisWeek' | 'later', { id: string; nextDue: string | null }> =
      {} as never;

    async function kn2(unitId: string, trigger: LocalDate) {
      const calendar = await app.get(UnitCalendarService).calendarFor(unitId);
      return computeDeadline('KN-2', trigger, {}, calendar, DEFAULT_DEADLINE_POLICY).due;
    }

    const list = (role: string, query: Record<string, string> = {}) =>
      as(role, api().get('/api/v1/complaint-cases')).query(query).expect(200);

    beforeAll(async () => {
      const unit = await world.f.unit('Phòng A2', 'division', world.agencyA.id);
      for (const role of ['reception_officer', 'unit_head'] as const)
        who[`a2_${role}`] = await world.f.user(unit.id, [role]);
      who.a2_handler1 = await world.f.user(unit.id, ['case_handler']);
      who.a2_handler2 = await world.f.user(unit.id, ['case_handler']);
      for (const [key, user] of Object.entries(who)) {
        tokens[key] = (await login(app.getHttpServer(), user.email)).accessToken;
      }
      // Received dates whose acceptance deadline (KN-2) is long past, later this week, and next week.
      const monday = addDays(TODAY, 1 - weekday(TODAY));
      const sunday = addDays(monday, 6);
      let thisWeek: LocalDate | null = null;
      for (let back = 0; back < 30 && !thisWeek; back++) {
        const due = await kn2(unit.id, addDays(TODAY, -back));
        if (due > TODAY && due <= sunday) thisWeek = addDays(TODAY, -back);
      }
      if (!thisWeek) throw new Error('no received date gives a KN-2 due later this week');
      const plan = {
        overdue: { receivedOn: '2026-10-01', subject: 'Khiếu nại quyết định xử phạt hành chính' },
        thisWeek: { receivedOn: thisWeek, subject: 'Khiếu nại việc cưỡng chế tháo dỡ công trình' },
        later: { receivedOn: TODAY, subject: 'Khiếu nại việc cấp giấy chứng nhận' },
      };
      for (const [key, p] of Object.entries(plan) as Array<[keyof typeof plan, (typeof plan)['overdue']]>) {
        const letter = await logLetter({ unitId: unit.id, ...p }, 'a2_reception_officer');
        const decided = await decide('a2_reception_officer', letter, {
          decision: 'accept',
          decidedOn: TODAY,
        }).expect(201);
        const c = (
          await as('a2_unit_head', api().get(`/api/v1/complaint-cases/${decided.body.caseId}`)).expect(200)
        ).body;
        expect(c.nextDue).toBe(await kn2(unit.id, p.receivedOn));
        cases[key] = c;
      }
      expect(cases.overdue.nextDue! < monday).toBe(true);
      expect(cases.later.nextDue! > sunday).toBe(true);
    });

    it('a search typed without diacritics finds the subject written with them', async () => {
      const res = await list('a2_unit_head', { q: 'cuong che thao do' });
      expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([cases.thisWeek.id]);
      expect(res.body.total).toBe(1);
      const none = await list('a2_unit_head', { q: 'cuong che xu phat' });
      expect(none.body.items).toEqual([]);
    });

    it('due=overdue and due=this_week pick by the nearest open deadline', async () => {
      const overdue = await list('a2_unit_head', { due: 'overdue' });
      expect(overdue.body.items.map((c: { id: string }) => c.id)).toEqual([cases.overdue.id]);
      const week = await list('a2_unit_head', { due: 'this_week' });
      expect(week.body.items.map((c: { id: string }) => c.id)).toEqual([cases.thisWeek.id]);
    });

    it('pages carry page, pageSize and total; sort=due asc puts the earliest nextDue first', async () => {
      const p1 = await list('a2_unit_head', { page: '1', pageSize: '2', sort: 'due', order: 'asc' });
      const p2 = await list('a2_unit_head', { page: '2', pageSize: '2', sort: 'due', order: 'asc' });
      expect(p1.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(p2.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(p1.body.items).toHaveLength(2);
      expect(p2.body.items).toHaveLength(1);
      const ids = [...p1.body.items, ...p2.body.items].map((c: { id: string }) => c.id);
      expect(ids).toEqual([cases.overdue.id, cases.thisWeek.id, cases.later.id]);
      const dues = [...p1.body.items, ...p2.body.items].map((c: { nextDue: string }) => c.nextDue);
      expect(dues).toEqual([...dues].sort());
      const desc = await list('a2_unit_head', { sort: 'due', order: 'desc' });
      expect(desc.body.items.map((c: { id: string }) => c.id)).toEqual([
        cases.later.id,
        cases.thisWeek.id,
        cases.overdue.id,
      ]);
    });

    it('scope=mine lists only the caller’s cases; every (re)assignment is audited', async () => {
      const assign = async (caseId: string, handlerUserId: string | null, reason: string) => {
        const c = (await as('a2_unit_head', api().get(`/api/v1/complaint-cases/${caseId}`)).expect(200)).body;
        return as('a2_unit_head', api().patch(`/api/v1/complaint-cases/${caseId}/assignment`))
          .send({ handlerUserId, reason, version: c.version })
          .expect(200);
      };
      await assign(cases.thisWeek.id, who.a2_handler1.id, 'Giao xác minh');
      await assign(cases.later.id, who.a2_handler2.id, 'Giao xác minh');
      const mine1 = await list('a2_handler1', { scope: 'mine' });
      expect(mine1.body.items.map((c: { id: string }) => c.id)).toEqual([cases.thisWeek.id]);
      expect(mine1.body.total).toBe(1);
      expect((await list('a2_handler1')).body.total).toBe(3);

      const moved = await assign(cases.thisWeek.id, who.a2_handler2.id, 'Cán bộ được giao đi công tác');
      expect(moved.body.handlerUserId).toBe(who.a2_handler2.id);
      expect((await list('a2_handler1', { scope: 'mine' })).body.items).toEqual([]);
      const mine2 = await list('a2_handler2', { scope: 'mine', sort: 'due' });
      expect(mine2.body.items.map((c: { id: string }) => c.id)).toEqual([cases.thisWeek.id, cases.later.id]);

      const entries = (
        await auditEntries({ entityType: 'complaint_case', entityId: cases.thisWeek.id })
      ).filter((e) => e.action === 'assign');
      expect(entries).toHaveLength(2);
      // Newest first.
      expect(entries[0].actorUserId).toBe(who.a2_unit_head.id);
      expect(entries[0].changes).toMatchObject({
        handlerUserId: { before: who.a2_handler1.id, after: who.a2_handler2.id },
        reason: { before: null, after: 'Cán bộ được giao đi công tác' },
      });
      expect(entries[1].changes).toMatchObject({
        handlerUserId: { before: null, after: who.a2_handler1.id },
      });
    });
  });

  // ── 9. the citizen's status lookup ────────────────────────────────────────────────────────────

  it('receipt status: a wrong secret, an unknown code and a malformed code answer the same 404', async () => {
    const letter = await logLetter();
    const ok = await api()
      .post('/api/v1/public/letter-status')
      .send({ code: letter.receiptCode.toLowerCase(), secret: letter.receiptSecret })
      .expect(200);
    expect(ok.body).toMatchObject({ receiptCode: letter.receiptCode, stage: 'Đang xử lý đơn' });

    const lookup = (code: string, secret: string) =>
      api().post('/api/v1/public/letter-status').send({ code, secret });
    const wrongSecret = await lookup(letter.receiptCode, 'ABCDEFGHJK');
    const unknownCode = await lookup('TD-2026-0000-0000', letter.receiptSecret);
    const malformed = await lookup('XX-20-NOT-A-CODE', letter.receiptSecret);
    for (const res of [wrongSecret, unknownCode, malformed]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('RECEIPT_NOT_FOUND');
    }
    const withoutRequestId = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(withoutRequestId(wrongSecret.body)).toEqual(withoutRequestId(unknownCode.body));
    expect(withoutRequestId(malformed.body)).toEqual(withoutRequestId(unknownCode.body));
    expect(wrongSecret.headers['x-request-id']).not.toBe(unknownCode.headers['x-request-id']);
  });

  it('receipt status: a code too short to be one answers the same 404 as an unknown code', async () => {
    // The documented contract (letter-status.controller.ts, LettersService.byReceipt): a malformed code
    // answers exactly like an unknown one.
    const unknownCode = await api()
      .post('/api/v1/public/letter-status')
      .send({ code: 'TD-2026-0000-0000', secret: 'ABCDEFGHJK' });
    const short = await api()
      .post('/api/v1/public/letter-status')
      .send({ code: 'TD-26', secret: 'ABCDEFGHJK' });
    expect(short.status).toBe(404);
    expect(short.body).toEqual(unknownCode.body);
  });
});
