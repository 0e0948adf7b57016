import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

/** A writer whose every identifying string is a unique marker, so a leak is unmistakable. */
const DENOUNCER = {
  fullName: 'Trịnh Thị Kín Đáo',
  address: 'Số 17 hẻm Riêng Tư, phường Đa Kao',
  idNumber: '079301887766',
  phone: '0903887766',
};
const COMPLAINANT = {
  fullName: 'Đoàn Văn Khiếu Nại',
  address: 'Số 9 đường Nguyễn Du, phường Bến Nghé',
  idNumber: '079201554433',
  phone: '0903554433',
};
const markersOf = (p: typeof DENOUNCER) => [p.fullName, p.idNumber, p.address, p.phone];

/**
 * The assigned handler of a case reads the letter the case was made from, even when the letter's unit
 * is outside their scope (src/letters/letter-reach.ts) — its redacted view only, and nothing else.
 */
describe('the handler of a case reads its letter from outside the letter’s unit', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(who: string, r: T) => r.set('authorization', `Bearer ${tokens[who]}`);
  const NOW = new Date('2026-11-25T03:00:00Z');

  async function logLetter(body: Record<string, unknown>) {
    const res = await as('reception_officer', api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn: '2026-11-20',
      channel: 'post',
      eligibility: ALL_PASSED,
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  }

  async function accept(letter: { id: string; version: number }): Promise<string> {
    const res = await as('reception_officer', api().post(`/api/v1/letters/${letter.id}/decision`))
      .send({
        decision: 'accept',
        decidedOn: '2026-11-23',
        legalBasis: 'LTC art. 24',
        version: letter.version,
      })
      .expect(201);
    return res.body.caseId as string;
  }

  async function assign(
    who: string,
    kind: 'complaint-cases' | 'denunciation-cases',
    caseId: string,
    body: { handlerUserId?: string | null; unitId?: string },
  ) {
    const c = (await as(who, api().get(`/api/v1/${kind}/${caseId}`)).expect(200)).body;
    await as(who, api().patch(`/api/v1/${kind}/${caseId}/assignment`))
      .send({ ...body, reason: 'Giao xác minh', version: c.version })
      .expect(200);
  }

  async function upload(letterId: string, bytes: Buffer, name: string, identifying: boolean) {
    const res = await as('reception_officer', api().post(`/api/v1/letters/${letterId}/attachments`))
      .field('identifying', String(identifying))
      .attach('file', bytes, name)
      .expect(201);
    return res.body.id as string;
  }

  const download = (who: string, letterId: string, attachmentId: string) =>
    as(who, api().get(`/api/v1/letters/${letterId}/attachments/${attachmentId}`))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  /** The status of each read route of the letter for `who`. */
  async function reads(who: string, letterId: string) {
    const [page, files] = await Promise.all([
      as(who, api().get(`/api/v1/letters/${letterId}`)),
      as(who, api().get(`/api/v1/letters/${letterId}/attachments`)),
    ]);
    return { page: page.status, files: files.status };
  }

  const scan = Buffer.from(
    `%PDF-1.4\n% Đơn tố cáo của ${DENOUNCER.fullName}, CCCD ${DENOUNCER.idNumber}\n%%EOF\n`,
    'utf8',
  );
  const minutes = Buffer.from('%PDF-1.4\n% Biên bản làm việc với người bị tố cáo\n%%EOF\n', 'utf8');

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(NOW);
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    // A verifier of the school under division A: the letter's unit (division A) is above their scope.
    // They also hold the custodian's and the reception officer's roles — of their school, not of the
    // letter's unit — so a widened identity rule or write rule would show.
    const below = await world.f.user(world.schoolA.id, [
      'case_handler',
      'identity_custodian',
      'reception_officer',
    ]);
    // A verifier of a school under agency B's division: another branch of the tree entirely (with
    // letters:personal_data for their own school's letters).
    const elsewhere = await world.f.user(world.schoolB.id, ['case_handler', 'reception_officer']);
    ids.below = below.id;
    ids.elsewhere = elsewhere.id;
    const server = app.getHttpServer();
    // The province's head may move a case anywhere in the province.
    const provinceHead = await world.f.user(world.province.id, ['unit_head']);
    tokens.province_head = (await login(app.getHttpServer(), provinceHead.email)).accessToken;
    for (const role of ['reception_officer', 'unit_head'] as const) {
      tokens[role] = (await login(server, world.users[role].email)).accessToken;
    }
    tokens.below = (await login(server, below.email)).accessToken;
    tokens.elsewhere = (await login(server, elsewhere.email)).accessToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a denunciation: 404 before the assignment, the redacted view while assigned, 404 again once reassigned', async () => {
    const letter = await logLetter({
      classification: 'denunciation',
      subject: `Tố cáo ông Lê Văn Tham nhận tiền — người tố cáo ${DENOUNCER.fullName}`,
      content: `Tôi là ${DENOUNCER.fullName}, CCCD ${DENOUNCER.idNumber}, ở ${DENOUNCER.address}, điện thoại ${DENOUNCER.phone}. Tôi tố cáo ông Lê Văn Tham, cán bộ địa chính, nhận tiền.`,
      petitioners: [DENOUNCER],
    });
    const scanId = await upload(letter.id, scan, `CCCD ${DENOUNCER.fullName}.pdf`, true);
    const minutesId = await upload(letter.id, minutes, 'bien-ban.pdf', false);
    const other = await logLetter({
      classification: 'denunciation',
      subject: 'Tố cáo bà Nguyễn Thị Lan',
      content: 'Tôi tố cáo bà Nguyễn Thị Lan, kế toán, lập chứng từ khống để rút tiền ngân sách.',
      petitioners: [{ ...DENOUNCER, fullName: 'Người Tố Cáo Khác', idNumber: '079301000111' }],
    });
    const caseId = await accept(letter);

    expect(await reads('below', letter.id)).toEqual({ page: 404, files: 404 });

    await assign('unit_head', 'denunciation-cases', caseId, { handlerUserId: ids.below });
    expect(await reads('below', letter.id)).toEqual({ page: 200, files: 200 });

    const page = (await as('below', api().get(`/api/v1/letters/${letter.id}`)).expect(200)).body;
    expect(page).toMatchObject({ id: letter.id, caseId, identityProtected: true, petitioners: null });
    expect(page.content).toContain('[đã ẩn]');
    expect(page.content).toContain('Lê Văn Tham');
    for (const m of markersOf(DENOUNCER)) expect(JSON.stringify(page)).not.toContain(m);

    const files = (await as('below', api().get(`/api/v1/letters/${letter.id}/attachments`)).expect(200))
      .body as { id: string; fileName: string; sha256: string | null }[];
    expect(files.map((f) => f.id).sort()).toEqual([scanId, minutesId].sort());
    expect(files.find((f) => f.id === scanId)).toMatchObject({ fileName: 'tep-nhan-dang', sha256: null });
    for (const m of markersOf(DENOUNCER)) expect(JSON.stringify(files)).not.toContain(m);
    const file = await download('below', letter.id, minutesId).expect(200);
    expect(Buffer.compare(file.body as Buffer, minutes)).toBe(0);
    expect((await download('below', letter.id, scanId)).status).toBe(404);

    // Nothing else widens: the identity, the other letters of the unit, lists, duplicates, writes.
    for (const path of [`/letters/${letter.id}/identity`, `/letters/${letter.id}/duplicates`]) {
      expect((await as('below', api().get(`/api/v1${path}`))).status).toBe(404);
    }
    expect(await reads('below', other.id)).toEqual({ page: 404, files: 404 });
    const list = (await as('below', api().get('/api/v1/letters?pageSize=200')).expect(200)).body;
    expect(list.items.map((l: { id: string }) => l.id)).not.toContain(letter.id);
    const write = await as('below', api().post(`/api/v1/letters/${letter.id}/decision`)).send({
      decision: 'archive',
      archiveReason: 'not_eligible',
      decidedOn: '2026-11-24',
      legalBasis: 'LTC art. 27',
      version: page.version,
    });
    expect(write.status).toBe(404);
    const attach = await as('below', api().post(`/api/v1/letters/${letter.id}/attachments`)).attach(
      'file',
      minutes,
      'them.pdf',
    );
    expect(attach.status).toBe(404);

    await assign('unit_head', 'denunciation-cases', caseId, { handlerUserId: world.users.unit_head.id });
    expect(await reads('below', letter.id)).toEqual({ page: 404, files: 404 });
    expect((await download('below', letter.id, minutesId)).status).toBe(404);
  });

  it('a complaint moved to a school of another agency: its handler reads the letter, without the complainant', async () => {
    const letter = await logLetter({
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: 'Tôi khiếu nại Quyết định số 45/QĐ-UBND về việc thu hồi 150 m2 đất ở mà không bồi thường.',
      petitioners: [COMPLAINANT],
    });
    const caseId = await accept(letter);
    expect(await reads('elsewhere', letter.id)).toEqual({ page: 404, files: 404 });

    await assign('province_head', 'complaint-cases', caseId, {
      unitId: world.schoolB.id,
      handlerUserId: ids.elsewhere,
    });
    const page = (await as('elsewhere', api().get(`/api/v1/letters/${letter.id}`)).expect(200)).body;
    expect(page).toMatchObject({ id: letter.id, caseId, unitId: world.divisionA.id, petitioners: null });
    for (const m of markersOf(COMPLAINANT)) expect(JSON.stringify(page)).not.toContain(m);
    expect((await as('elsewhere', api().get(`/api/v1/letters/${letter.id}/attachments`))).status).toBe(200);

    // Unassigned (the case stays with the school): the letter is out of reach again.
    await assign('province_head', 'complaint-cases', caseId, { handlerUserId: null });
    expect(await reads('elsewhere', letter.id)).toEqual({ page: 404, files: 404 });
  });
});
