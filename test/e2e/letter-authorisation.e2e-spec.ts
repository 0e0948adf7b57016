import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

/** "Today": Tuesday 5 January 2027, so letters of 31 Dec 2026 and 1 Jan 2027 can both be logged. */
const NOW = new Date('2027-01-05T03:00:00Z');

const RELATIVE = {
  fullName: 'Lê Văn Ủy Quyền',
  address: 'Số 9, đường Hùng Vương, phường Tân Phong',
  idNumber: '075301009876',
  relationship: 'con trai',
};

/**
 * Authorised representatives of a complainant (issue 20, point 3): the dated notarisation rule across
 * 31 Dec 2026 / 1 Jan 2027 (NĐ 155/2026/NĐ-CP art. 21(2)), the lawyer's and legal aid's own rule, the
 * person sealed and read on a basis.
 */
describe('an authorised representative on a complaint letter', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(who: string, r: T) => r.set('authorization', `Bearer ${tokens[who]}`);

  async function logLetter(receivedOn: string, extra: Record<string, unknown> = {}) {
    const res = await as('reception_officer', api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn,
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: 'Tôi khiếu nại Quyết định số 45/QĐ-UBND về việc thu hồi đất ở của gia đình tôi.',
      petitioners: [{ fullName: 'Đặng Thị Khiếu', address: 'tổ 7, phường Tân Phong' }],
      eligibility: ALL_PASSED,
      ...extra,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  }

  const put = (
    letter: { id: string; version: number },
    body: Record<string, unknown>,
    who = 'reception_officer',
  ) =>
    as(who, api().put(`/api/v1/letters/${letter.id}/authorisation`)).send({
      kind: 'relative',
      person: RELATIVE,
      documentRef: 'GUQ 15/2026',
      documentDate: '2026-12-30',
      notarised: false,
      version: letter.version,
      ...body,
    });

  const count = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM letter_authorisations'))[0].n);
  const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(NOW);
    ds = app.get<DataSource>(getDataSourceToken());
    await truncateAll(ds);
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'case_handler', 'inspectorate_leader'] as const) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lodged on 31 Dec 2026: an individual authorisation must be notarised or certified', async () => {
    const letter = await logLetter('2026-12-31');
    const refused = await put(letter, {}).expect(422);
    expect(refused.body.code).toBe('LETTER_AUTHORISATION_NOT_ALLOWED');
    expect(fields(refused.body)).toEqual(['notarised']);
    expect(refused.body.details[0].message).toContain('NĐ 155/2026/NĐ-CP art. 21(2)');
    expect(await count()).toBe(0);

    const ok = await put(letter, { notarised: true, certificationRef: 'CT 5521' }).expect(200);
    expect(ok.body).toMatchObject({
      kind: 'relative',
      ruleId: 'KN-AUTH-INDIVIDUAL-CERTIFIED',
      notarisationRequired: true,
      notarised: true,
      letterVersion: letter.version + 1,
    });
    expect(ok.body.person).toMatchObject({ fullName: RELATIVE.fullName, idNumber: RELATIVE.idNumber });
  });

  it('lodged on 1 Jan 2027: the same authorisation needs no notarisation', async () => {
    const letter = await logLetter('2027-01-01');
    const ok = await put(letter, {}).expect(200);
    expect(ok.body).toMatchObject({
      ruleId: 'KN-AUTH-INDIVIDUAL',
      notarisationRequired: false,
      notarised: false,
    });
  });

  it.each(['2026-12-31', '2027-01-01'])(
    'lodged on %s: a lawyer needs the practising card, legal aid also the assignment decision, never notarisation',
    async (receivedOn) => {
      const letter = await logLetter(receivedOn);
      const noCard = await put(letter, { kind: 'lawyer', person: { fullName: 'Luật sư Hồ Văn Cãi' } }).expect(
        422,
      );
      expect(fields(noCard.body)).toEqual(['practisingCardNumber']);
      const legalAid = await put(letter, {
        kind: 'legal_aid',
        person: { fullName: 'Trợ giúp viên Mai Thị Giúp', practisingCardNumber: 'TGV-778' },
      }).expect(422);
      expect(fields(legalAid.body)).toEqual(['assignmentDecisionRef']);
      const lawyer = await put(letter, {
        kind: 'lawyer',
        person: { fullName: 'Luật sư Hồ Văn Cãi', practisingCardNumber: 'LS-10203' },
      }).expect(200);
      expect(lawyer.body).toMatchObject({ ruleId: 'KN-AUTH-LAWYER', notarisationRequired: false });
    },
  );

  it('refuses bad input field by field, a stale version, and a letter that is not a complaint', async () => {
    const letter = await logLetter('2027-01-01');
    const bad = await put(letter, {
      kind: 'friend',
      person: { fullName: '', idNumber: '123' },
      documentDate: '2027-02-30',
      notarised: 'yes',
    }).expect(400);
    expect(fields(bad.body)).toEqual(
      expect.arrayContaining(['kind', 'person.fullName', 'person.idNumber', 'documentDate', 'notarised']),
    );
    const future = await put(letter, { documentDate: '2027-01-06' }).expect(422);
    expect(fields(future.body)).toEqual(['documentDate']);
    await put({ ...letter, version: letter.version + 5 }, {}).expect(409);
    const petition = await logLetter('2027-01-01', { classification: 'petition', complaintTrack: undefined });
    const notComplaint = await put(petition, {}).expect(422);
    expect(notComplaint.body.code).toBe('LETTER_AUTHORISATION_NOT_ALLOWED');
    const other = await put(letter, { documentAttachmentId: '01890a5d-ac96-774b-bcce-b302099a8057' }).expect(
      422,
    );
    expect(fields(other.body)).toEqual(['documentAttachmentId']);
  });

  it('seals the person: no plain datum in the table; read only with letters:personal_data, audited', async () => {
    const letter = await logLetter('2027-01-02');
    const set = await put(letter, { person: { ...RELATIVE, fullName: 'Vũ Thị Niêm Phong' } }).expect(200);
    const raw = JSON.stringify(await ds.query('SELECT * FROM letter_authorisations'));
    for (const datum of ['Niêm Phong', RELATIVE.idNumber, 'Hùng Vương', 'con trai'])
      expect(raw).not.toContain(datum);

    const handler = await as('case_handler', api().get(`/api/v1/letters/${letter.id}/authorisation`));
    // A case handler of the unit reads the letter but not personal data: the person is withheld.
    expect(handler.status).toBe(200);
    expect(handler.body).toMatchObject({ kind: 'relative', person: null });

    const officer = await as(
      'reception_officer',
      api().get(`/api/v1/letters/${letter.id}/authorisation`),
    ).expect(200);
    expect(officer.body.person.fullName).toBe('Vũ Thị Niêm Phong');
    expect(officer.body.letterVersion).toBe(set.body.letterVersion);
    const reads = await ds.query(
      "SELECT changes FROM audit_log WHERE action = 'read' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      [letter.id],
    );
    expect(JSON.stringify(reads[0].changes)).toContain('authorisation.idNumber');
    // The personal-data read log for a period: only `read` entries, this one among them.
    const log = await as('inspectorate_leader', api().get('/api/v1/audit-entries'))
      // Audit entries carry the real time of writing, not the test's clock.
      .query({
        action: 'read',
        from: new Date(Date.now() - 3_600_000).toISOString(),
        to: new Date(Date.now() + 3_600_000).toISOString(),
        pageSize: '200',
      })
      .expect(200);
    expect(log.body.items.length).toBeGreaterThan(0);
    expect(log.body.items.every((e: { action: string }) => e.action === 'read')).toBe(true);
    expect(log.body.items.some((e: { entityId: string }) => e.entityId === letter.id)).toBe(true);
    await as('inspectorate_leader', api().get('/api/v1/audit-entries'))
      .query({ action: 'READ!' })
      .expect(400);
    const none = await logLetter('2027-01-02');
    await as('reception_officer', api().get(`/api/v1/letters/${none.id}/authorisation`)).expect(404);
  });
});
