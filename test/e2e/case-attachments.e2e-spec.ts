import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { findMarkers, markedDenouncer, needlesOf } from '../support/leak.js';
import { ALL_PASSED } from '../support/eligibility.js';

interface FileView {
  id: string;
  fileName: string;
  sha256: string | null;
  identifying: boolean;
  uploadedByName: string | null;
}

/**
 * A case's documents (issue 17): GET/POST /{complaint,denunciation}-cases/{id}/attachments — the case's
 * dossier is its letter's files. The handler adds files; a file that identifies the denouncer is listed
 * by a neutral name and served only to those who may see the writer (its receiver, not the handler).
 */
describe('a case’s documents (…-cases/{id}/attachments)', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = (who: string, r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);
  const denouncer = markedDenouncer();
  const needles = needlesOf('denouncer', denouncer);
  let caseId: string;
  let letterId: string;
  let scanId: string;
  const scan = Buffer.from(`%PDF-1.4\n% Đơn tố cáo của ${denouncer.fullName}\n%%EOF\n`, 'utf8');
  const minutes = Buffer.from('%PDF-1.4\n% Biên bản làm việc với người bị tố cáo\n%%EOF\n', 'utf8');
  const download = (who: string, path: string) =>
    as(who, api().get(path))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'unit_head', 'case_handler'] as const) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    tokens.outsider = (await login(app.getHttpServer(), world.outsider.email)).accessToken;
    const letter = (
      await as('reception_officer', api().post('/api/v1/letters'))
        .send({
          unitId: world.divisionA.id,
          receivedOn: '2026-11-20',
          channel: 'post',
          classification: 'denunciation',
          subject: 'Tố cáo cán bộ địa chính',
          content: `Tôi là ${denouncer.fullName}, tố cáo cán bộ địa chính nhận tiền khi đo đạc đất.`,
          petitioners: [{ ...denouncer, tokens: undefined }],
          eligibility: ALL_PASSED,
        })
        .expect(201)
    ).body;
    letterId = letter.id;
    // The receiver files the signed letter's scan: it identifies the denouncer (sealed, by default).
    scanId = (
      await as('reception_officer', api().post(`/api/v1/letters/${letterId}/attachments`))
        .attach('file', scan, `don-to-cao-${denouncer.tokens.fullName}.pdf`)
        .expect(201)
    ).body.id;
    caseId = (
      await as('unit_head', api().post(`/api/v1/letters/${letterId}/decision`))
        .send({
          decision: 'accept',
          decidedOn: '2026-11-24',
          legalBasis: 'LTC 2018 art. 24',
          handlerUserId: world.users.case_handler.id,
          version: letter.version,
        })
        .expect(201)
    ).body.caseId;
  });
  afterAll(() => app?.close());

  it('the handler adds a file (audited on the case) and sees the identifying one by a neutral name only', async () => {
    const path = `/api/v1/denunciation-cases/${caseId}/attachments`;
    const added = (
      await as('case_handler', api().post(path))
        .field('identifying', 'false')
        .attach('file', minutes, 'bien-ban-lam-viec.pdf')
        .expect(201)
    ).body as FileView;
    expect(added).toMatchObject({ fileName: 'bien-ban-lam-viec.pdf', identifying: false });
    expect(added.uploadedByName).toEqual(expect.any(String));

    const listed = await as('case_handler', api().get(path)).expect(200);
    const files = listed.body as FileView[];
    expect(files.map((f) => [f.fileName, f.identifying])).toEqual([
      ['tep-nhan-dang', true],
      ['bien-ban-lam-viec.pdf', false],
    ]);
    expect(files[0].sha256).toBeNull();
    expect(findMarkers(listed.text, needles)).toEqual([]);
    // The identifying file is not served to the handler; the minutes are.
    await download('case_handler', `${path}/${scanId}`).expect(404);
    expect((await download('case_handler', `${path}/${added.id}`).expect(200)).body).toEqual(minutes);

    const audit = await app
      .get<DataSource>(getDataSourceToken())
      .query(
        "SELECT entity_type, entity_id FROM audit_log WHERE action = 'attach' AND entity_id = ? LIMIT 1",
        [caseId],
      );
    expect(audit).toEqual([{ entity_type: 'denunciation_case', entity_id: caseId }]);
    // The file is the letter's too: one dossier.
    const onLetter = (await as('unit_head', api().get(`/api/v1/letters/${letterId}/attachments`)).expect(200))
      .body as FileView[];
    expect(onLetter.map((f) => f.id)).toContain(added.id);
  });

  it('the receiving officer sees and downloads the identifying file; refusals keep the API’s message', async () => {
    const path = `/api/v1/denunciation-cases/${caseId}/attachments`;
    // The head who decided the letter is not yet its accepting head (no thụ lý): the neutral name.
    const forHead = (await as('unit_head', api().get(path)).expect(200)).body as FileView[];
    expect(forHead[0].fileName).toBe('tep-nhan-dang');
    const files = (await as('reception_officer', api().get(path)).expect(200)).body as FileView[];
    expect(files[0]).toMatchObject({ id: scanId, identifying: true });
    expect(files[0].fileName).not.toBe('tep-nhan-dang');
    expect((await download('reception_officer', `${path}/${scanId}`).expect(200)).body).toEqual(scan);
    await download('unit_head', `${path}/${scanId}`).expect(404);

    const exe = await as('case_handler', api().post(path))
      .attach('file', Buffer.from('MZ\x90\x00 not a document'), 'chuong-trinh.pdf')
      .expect(415);
    expect(exe.body).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    await as('case_handler', api().post(path)).send({}).expect(400);
    // Another agency's handler does not reach the case at all.
    await as('outsider', api().get(path)).expect(404);
    await as('outsider', api().post(path)).attach('file', minutes, 'x.pdf').expect(404);
  });
});
