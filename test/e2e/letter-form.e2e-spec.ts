import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../../src/auth/domain/actor.js';
import type { Permission } from '../../src/auth/domain/roles.js';
import { Clock } from '../../src/common/clock.js';
import { AppConfig } from '../../src/config/app-config.js';
import { LetterDecisionsService } from '../../src/letters/letter-decisions.service.js';
import { LetterEmailsService } from '../../src/letters/public/letter-emails.service.js';
import { QUEUES } from '../../src/queue/queues.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures, login } from '../support/fixtures.js';
import { markedDenouncer } from '../support/leak.js';

const FORM = 'application/x-www-form-urlencoded';

/** An SMTP server on 127.0.0.1 keeping what it accepts. */
function smtpSink() {
  const messages: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  return {
    messages,
    start: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The plain text of a quoted-printable part, roughly (soft breaks joined, =XX decoded as UTF-8). */
function unquote(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}
const LIMIT = 25;
const MiB = 1024 * 1024;

type Upload = { name: string; content: Buffer; type?: string };

/** A multipart/form-data body as a browser sends the form: the text fields, then the files. */
function multipartBody(fields: Record<string, string>, files: readonly Upload[]) {
  const boundary = `----tiepdanFormBoundary${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  // No file chosen: the browser still sends the input, with no name and no bytes.
  const parts = files.length > 0 ? files : [{ name: '', content: Buffer.alloc(0) }];
  for (const file of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="tep"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Files of accepted types, each different (a random tail): the store keeps one copy of equal files. */
const pdf = (bytes: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes - 25, 0x41), randomBytes(16)]);
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(8)]);

/**
 * The public online form (issue 21) over HTTP against the real application, MariaDB and migrations: a
 * complaint, a named denunciation and anonymous information filed (proof of work, and the no-JavaScript
 * ticket), each becoming a letter of channel online_form that the unit's officer finds "chưa kiểm tra";
 * the denouncer's markers nowhere but the receipt; and the refusals — validation, honeypot, a replayed
 * proof, a ticket sent too early, a flood from one address — storing nothing.
 */
describe('the online letter form (/gui-don)', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let unitId: string;
  let otherUnitId: string;
  let officerToken: string;
  let custodianToken: string;
  // 2026-11-24T18:30Z is already 25 Nov in Asia/Ho_Chi_Minh: the letter's received date is the local one.
  let now = new Date('2026-11-24T18:30:00Z').getTime();
  const sink = smtpSink();
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'tiepdan-letter-form-'));

  beforeAll(async () => {
    const port = await sink.start();
    app = await startApi(
      testConfig({
        ONLINE_FORM_PER_ADDRESS_PER_HOUR: String(LIMIT),
        ONLINE_FORM_NOJS_WAIT_SECONDS: '30',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        // A folder of this suite's own: the files in it are compared before and after refusals.
        ATTACHMENTS_DIR: attachmentsDir,
      }),
    );
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    ds = app.get<DataSource>(getDataSourceToken());
    await truncateAll(ds);
    const f = new Fixtures(app);
    const province = await f.unit('Ủy ban nhân dân tỉnh Đồng Nai', 'province');
    const commune = await f.unit('Ủy ban nhân dân xã Tân Lập', 'commune', province.id);
    const other = await f.unit('Ủy ban nhân dân xã Phú Hòa', 'commune', province.id);
    unitId = commune.id;
    otherUnitId = other.id;
    const officer = await f.user(commune.id, ['reception_officer']);
    const custodian = await f.user(commune.id, ['identity_custodian']);
    officerToken = (await login(app.getHttpServer(), officer.email)).accessToken;
    custodianToken = (await login(app.getHttpServer(), custodian.email)).accessToken;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await sink.close();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  const letterCount = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM letters'))[0].n);

  async function proof(): Promise<string> {
    const res = await request(app.getHttpServer()).get('/gui-don/thu-thach');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const challenge = res.body as Challenge;
    const solution = await solveChallenge({ challenge, deriveKey });
    return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
  }

  function post(fields: Record<string, string>, remoteAddress = '127.0.0.1') {
    return app.inject({
      method: 'POST',
      url: '/gui-don',
      headers: { 'content-type': FORM },
      payload: new URLSearchParams(fields).toString(),
      remoteAddress,
    });
  }

  const complaint = (extra: Record<string, string> = {}) => ({
    coQuan: unitId,
    loai: 'khieu-nai',
    lan: 'lan-dau',
    quyetDinh: 'Quyết định số 12/QĐ-UBND ngày 02/10/2026 của Ủy ban nhân dân xã Tân Lập',
    tieuDe: 'Khiếu nại quyết định thu hồi đất',
    noiDung:
      'Tôi khiếu nại quyết định thu hồi 200 m2 đất nông nghiệp của gia đình tôi vì không đúng diện tích.',
    hoTen: 'Trần Thị Mai',
    diaChi: 'Tổ 5, xã Tân Lập, tỉnh Đồng Nai',
    canCuoc: '075 301 002 468',
    dienThoai: '0912 000 111',
    email: 'mai.tran@example.vn',
    dongY: 'co',
    trangWeb: '',
    ...extra,
  });

  function postFiles(
    fields: Record<string, string>,
    files: readonly Upload[],
    opts: { streamed?: boolean; remoteAddress?: string } = {},
  ) {
    const { body, contentType } = multipartBody(fields, files);
    // Streamed: sent in 64 KiB chunks with no Content-Length, so the cap is met while the body streams.
    const chunks: Buffer[] = [];
    for (let i = 0; i < body.length; i += 64 * 1024) chunks.push(body.subarray(i, i + 64 * 1024));
    return app.inject({
      method: 'POST',
      url: '/gui-don',
      headers: { 'content-type': contentType },
      payload: opts.streamed ? Readable.from(chunks) : body,
      remoteAddress: opts.remoteAddress ?? '198.51.100.9',
    });
  }

  /** Every file under the attachments' folder (its temporary folder included), by path. */
  async function storedFiles(): Promise<string[]> {
    const dir = app.get(AppConfig).attachments.dir;
    expect(dir).toBe(attachmentsDir);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .sort();
  }

  function receipt(html: string): { code: string; secret: string } {
    const codes = [...html.matchAll(/<dd class="ma">([^<]+)<\/dd>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(2);
    return { code: codes[0], secret: codes[1] };
  }

  async function officerFinds(code: string) {
    const res = await request(app.getHttpServer())
      .get('/api/v1/letters?channel=online_form&unchecked=true&pageSize=100')
      .set('authorization', `Bearer ${officerToken}`);
    expect(res.status).toBe(200);
    return {
      list: res,
      letter: (res.body.items as { receiptCode: string }[]).find((l) => l.receiptCode === code),
    };
  }

  it('serves the form in Vietnamese with the agencies, the links and no inline script', async () => {
    const res = await request(app.getHttpServer()).get('/gui-don');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).toContain('<html lang="vi">');
    expect(res.text).toContain('Ủy ban nhân dân xã Tân Lập');
    expect(res.text).toContain('href="/tra-cuu-don"');
    expect(res.text).toContain('href="/lich-tiep-cong-dan"');
    expect(res.text).toContain('Luật Tố cáo, Điều 25');
    expect(res.text).toMatch(/name="phieu" value="\d+\.[\w-]+\.[\w-]+"/);
    // Every script is a file of ours: none inline.
    expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    for (const file of ['altcha.js', 'altcha-vi.js', 'altcha-sha.js', 'altcha.css', 'form.js']) {
      const asset = await request(app.getHttpServer()).get(`/gui-don/tai-nguyen/${file}`);
      expect(asset.status).toBe(200);
    }
    expect((await request(app.getHttpServer()).get('/gui-don/tai-nguyen/..%2Fpackage.json')).status).toBe(
      404,
    );

    // The agency search narrows the list, diacritics and case ignored.
    const searched = await request(app.getHttpServer()).get('/gui-don').query({ tim: 'phu hoa' });
    expect(searched.text).toContain(`value="${otherUnitId}"`);
    expect(searched.text).not.toContain(`value="${unitId}"`);
  });

  it('files a complaint with a proof of work: the officer finds it unchecked, received on the local date', async () => {
    const before = await letterCount();
    const res = await post(complaint({ altcha: await proof() }));
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { code, secret } = receipt(res.body);
    expect(code).toMatch(/^TD-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(res.body).toContain('25/11/2026');
    expect(await letterCount()).toBe(before + 1);

    const { letter } = await officerFinds(code);
    expect(letter).toMatchObject({
      channel: 'online_form',
      classification: 'complaint',
      complaintTrack: 'first_time',
      receivedOn: '2026-11-25',
      eligibilityChecked: false,
      eligible: false,
      eligibility: [],
      status: 'registered',
    });
    expect((letter as unknown as { content: string }).content).toContain('Quyết định số 12/QĐ-UBND');
    // The processing deadline opened as for any letter (XLD-1).
    const deadlines = await ds.query(
      `SELECT rule_id FROM case_deadlines WHERE subject_type = 'letter' AND subject_id = ? AND purpose = 'processing'`,
      [(letter as unknown as { id: string }).id],
    );
    expect(deadlines.map((d: { rule_id: string }) => d.rule_id)).toEqual(['XLD-1']);

    // The citizen's receipt opens the status page.
    const status = await request(app.getHttpServer())
      .post('/api/v1/public/letter-status')
      .send({ code, secret });
    expect(status.status).toBe(200);

    // The officer answers the checks once; a second time is refused.
    const id = (letter as unknown as { id: string; version: number }).id;
    const version = (letter as unknown as { version: number }).version;
    const checks = [
      'language',
      'dated',
      'identified_and_signed',
      'content_complete',
      'lawful_content',
      'legible',
    ];
    const checked = await request(app.getHttpServer())
      .post(`/api/v1/letters/${id}/eligibility`)
      .set('authorization', `Bearer ${officerToken}`)
      .send({ version, eligibility: checks.map((check) => ({ check, passed: true })) });
    expect(checked.status).toBe(201);
    expect(checked.body).toMatchObject({ eligibilityChecked: true, eligible: true });
    const again = await request(app.getHttpServer())
      .post(`/api/v1/letters/${id}/eligibility`)
      .set('authorization', `Bearer ${officerToken}`)
      .send({ version: checked.body.version ?? version + 1, eligibility: [] });
    expect([409, 422]).toContain(again.status);
    const { letter: gone } = await officerFinds(code);
    expect(gone).toBeUndefined();
  });

  it('e-mails the citizen who opted in: one signed message per new milestone, then stops on unsubscribing', async () => {
    const address = 'nhan.thu@example.vn';
    const res = await post(complaint({ email: address, nhanThu: 'co', altcha: await proof() }));
    expect(res.statusCode).toBe(201);
    const { code } = receipt(res.body);
    const { letter } = await officerFinds(code);
    const { id, version } = letter as unknown as { id: string; version: number };
    const emails = app.get(LetterEmailsService);
    // The receipt already said "received": nothing to send yet.
    expect((await emails.sweep()).recorded).toBe(0);

    const officer: Actor = { ...SYSTEM_ACTOR, permissions: new Set<Permission>(['letters:write']) };
    await app.get(LetterDecisionsService).decide(officer, id, {
      decision: 'guide',
      decidedOn: '2026-11-25',
      legalBasis: 'LKN 02/2011/QH13 art. 11',
      guidanceRef: '15/HD-UBND',
      guidanceBody: 'Tòa án nhân dân khu vực 1 - Đồng Nai',
      version,
    });
    expect((await emails.sweep()).recorded).toBe(1);
    expect((await emails.sweep()).recorded).toBe(0); // a repeated sweep adds nothing
    const [message] = await ds.query(
      `SELECT m.id FROM letter_subscription_messages m JOIN letter_subscriptions s ON s.id = m.subscription_id
       WHERE s.letter_id = ? AND m.status = 'pending'`,
      [id],
    );
    // Its job is enqueued under the row's id, once.
    const queue = app.get<Queue>(getQueueToken(QUEUES.citizenEmails.name));
    expect(await queue.getJob(`citizen-email-${message.id}`)).toBeDefined();
    expect(await emails.send(message.id)).toBe('sent');
    expect(await emails.send(message.id)).toBe('gone');
    const mails = sink.messages.filter((m) => m.to.includes(address));
    expect(mails).toHaveLength(1);
    const text = unquote(mails[0].raw);
    expect(text).toContain(`Đơn ${code}`);
    expect(text).toContain('Tòa án nhân dân khu vực 1');
    // Never more than the status page: not the writer, not the guidance number.
    expect(text).not.toContain('Trần Thị Mai');
    expect(text).not.toContain('15/HD-UBND');

    // The signature verifies through the link in the mail; a changed one does not.
    const verify =
      /https?:\/\/[^\s"<>]*\/xac-thuc-thu\?thu=([\w-]+)&amp;chu-ky=([\w-]+)|https?:\/\/[^\s"<>]*\/xac-thuc-thu\?thu=([\w-]+)&chu-ky=([\w-]+)/.exec(
        text,
      )!;
    const [thu, sig] = verify[1] ? [verify[1], verify[2]] : [verify[3], verify[4]];
    const good = await request(app.getHttpServer()).get('/xac-thuc-thu').query({ thu, 'chu-ky': sig });
    expect(good.status).toBe(200);
    expect(good.text).toContain('Tòa án nhân dân khu vực 1');
    const forged = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    expect(
      (await request(app.getHttpServer()).get('/xac-thuc-thu').query({ thu, 'chu-ky': forged })).status,
    ).toBe(404);

    // Unsubscribing: the link asks, the POST ends it; an unknown token is 404.
    const token = /\/huy-nhan-thu\?ma=([\w-]+)/.exec(text)![1];
    const ask = await request(app.getHttpServer()).get('/huy-nhan-thu').query({ ma: token });
    expect(ask.status).toBe(200);
    expect(ask.text).toContain(`value="${token}"`);
    const done = await request(app.getHttpServer()).post('/huy-nhan-thu').type('form').send({ ma: token });
    expect(done.status).toBe(200);
    const [sub] = await ds.query('SELECT unsubscribed_at FROM letter_subscriptions WHERE letter_id = ?', [
      id,
    ]);
    expect(sub.unsubscribed_at).not.toBeNull();
    expect(
      (
        await request(app.getHttpServer())
          .post('/huy-nhan-thu')
          .type('form')
          .send({ ma: 'x'.repeat(43) })
      ).status,
    ).toBe(404);
    // The address is sealed: not in clear in any column.
    expect(JSON.stringify(await ds.query('SELECT * FROM letter_subscriptions'))).not.toContain('nhan.thu');
  });

  const attachedPdf = pdf(300_000);

  it('takes up to 5 files with a complaint: they become its attachments, and the receipt lists them', async () => {
    const before = await storedFiles();
    const res = await postFiles(complaint({ altcha: await proof() }), [
      { name: 'Quyết định 12-QĐ.pdf', content: attachedPdf, type: 'application/pdf' },
      { name: 'ảnh thửa đất.png', content: png(), type: 'image/png' },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.body).toContain('<li>Quyết định 12-QĐ.pdf (293 KB)</li><li>ảnh thửa đất.png (16 byte)</li>');
    const { code } = receipt(res.body);
    const { letter } = await officerFinds(code);
    const id = (letter as unknown as { id: string }).id;
    const files = await request(app.getHttpServer())
      .get(`/api/v1/letters/${id}/attachments`)
      .set('authorization', `Bearer ${officerToken}`);
    expect(files.status).toBe(200);
    expect(files.body).toEqual([
      expect.objectContaining({
        fileName: 'Quyết định 12-QĐ.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 300_000,
      }),
      expect.objectContaining({ fileName: 'ảnh thửa đất.png', mediaType: 'image/png', identifying: false }),
    ]);
    const download = await request(app.getHttpServer())
      .get(`/api/v1/letters/${id}/attachments/${files.body[0].id}`)
      .set('authorization', `Bearer ${officerToken}`)
      .buffer(true);
    expect(download.status).toBe(200);
    expect(Number(download.headers['content-length'] ?? download.body.length)).toBe(300_000);
    // One audit entry per file, in the intake's transaction, by the public (no account).
    const [{ n }] = await ds.query(
      `SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'attach' AND actor_user_id IS NULL`,
      [id],
    );
    expect(Number(n)).toBe(2);
    expect((await storedFiles()).length).toBe(before.length + 2);

    // A form sent with no file chosen (the browser's empty file input) files the letter without any.
    const none = await postFiles(complaint({ altcha: await proof() }), []);
    expect(none.statusCode).toBe(201);
    expect(none.body).toContain('<dt>Tài liệu kèm theo</dt><dd>Không có</dd>');
  });

  it('seals a named denunciation’s files as an officer’s upload to it is; the receipt keeps the citizen’s names', async () => {
    const d = markedDenouncer();
    const res = await postFiles(
      {
        coQuan: unitId,
        loai: 'to-cao',
        tieuDe: 'Tố cáo cán bộ thu tiền trái phép',
        noiDung: 'Ông Lê Văn Bình, cán bộ địa chính xã, nhận 5.000.000 đồng; có biên nhận kèm theo.',
        hoTen: d.fullName,
        diaChi: d.address,
        canCuoc: d.idNumber,
        dongY: 'co',
        altcha: await proof(),
      },
      [{ name: `don-cua-${d.tokens.fullName}.pdf`, content: pdf(4_000) }],
    );
    expect(res.statusCode).toBe(201);
    expect(res.body).toContain(`don-cua-${d.tokens.fullName}.pdf`);
    const { letter } = await officerFinds(receipt(res.body).code);
    const id = (letter as unknown as { id: string }).id;
    const [row] = await ds.query(
      'SELECT file_name, identifying, key_id FROM letter_attachments WHERE letter_id = ?',
      [id],
    );
    expect(row.identifying).toBeTruthy();
    expect(row.key_id).not.toBeNull();
    expect(row.file_name).toMatch(/^tai-lieu-niem-phong-[0-9a-f]{8}\.pdf$/);
    const listed = await request(app.getHttpServer())
      .get(`/api/v1/letters/${id}/attachments`)
      .set('authorization', `Bearer ${officerToken}`);
    expect(JSON.stringify(listed.body).toLowerCase()).not.toContain(d.tokens.fullName.toLowerCase());
  });

  it('refuses a file’s type, size, count and the total cap, keeping what was typed and storing nothing', async () => {
    const letters = await letterCount();
    const files = await storedFiles();
    const payload = await proof();
    const fields = complaint({ altcha: payload });
    const exe = { name: 'bien-nhan.pdf', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 1)]) };
    const cases: [string, Upload[], { streamed?: boolean }, number, string][] = [
      // The first file is stored, then the second refused: the first is removed again — but not a file
      // that was already stored, named by another letter's attachment (equal files share their copy).
      ['type', [{ name: 'a.pdf', content: pdf(2_000) }, exe], {}, 415, 'không thuộc loại được nhận'],
      ['type, shared', [{ name: 'b.pdf', content: attachedPdf }, exe], {}, 415, 'không thuộc loại'],
      [
        'count',
        Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, content: png() })),
        {},
        413,
        'tối đa 5 tệp',
      ],
      ['size', [{ name: 'lon.pdf', content: pdf(20 * MiB + 1) }], {}, 413, 'lớn hơn 20 MB'],
      // Declared too long: refused before a byte of a file is read.
      [
        'cap',
        [
          { name: '1.pdf', content: pdf(16 * MiB) },
          { name: '2.pdf', content: pdf(15 * MiB) },
        ],
        {},
        413,
        'không quá 30 MB',
      ],
      // Streamed without a length: two files stored, the third passes the cap; all removed.
      [
        'cap, streamed',
        [1, 2, 3].map((i) => ({ name: `${i}.pdf`, content: pdf(11 * MiB + i) })),
        { streamed: true },
        413,
        'không quá 30 MB',
      ],
    ];
    for (const [what, uploads, opts, status, message] of cases) {
      const res = await postFiles(fields, uploads, opts);
      expect([what, res.statusCode]).toEqual([what, status]);
      expect(res.body).toContain(message);
      expect(res.body).toMatch(/id="tep"[^>]*aria-describedby="tep-goi-y tep-loi"[^>]*aria-invalid="true"/);
      // What was typed is kept; the proof is not refilled.
      expect(res.body).toContain('Trần Thị Mai');
      expect(res.body).not.toContain('name="altcha"');
      expect(await letterCount()).toBe(letters);
      const now = await storedFiles();
      const changed = [...now.filter((f) => !files.includes(f)), ...files.filter((f) => !now.includes(f))];
      expect([what, changed]).toEqual([what, []]);
    }
    // Nothing was stored, so the same proof still files the letter once.
    expect((await postFiles(fields, [{ name: 'a.pdf', content: pdf(2_000) }])).statusCode).toBe(201);
    expect((await postFiles(fields, [])).statusCode).toBe(400);
  }, 60_000);

  it('removes the stored files when the intake refuses the letter', async () => {
    const files = await storedFiles();
    const letters = await letterCount();
    const res = await postFiles(
      {
        coQuan: unitId,
        loai: 'to-cao',
        tieuDe: 'Tố cáo cán bộ địa chính',
        noiDung: 'Người tố cáo gọi từ số 0973 516 2xx. Tố cáo ông Lê Văn Bình nhận tiền.',
        hoTen: 'Đinh Thị Quyên',
        diaChi: 'Tổ 7, xã Tân Lập',
        canCuoc: '075301004321',
        dienThoai: '0973516248',
        dongY: 'co',
        altcha: await proof(),
      },
      [{ name: 'bien-nhan.pdf', content: pdf(5_000) }],
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('có thể làm lộ danh tính');
    expect(await letterCount()).toBe(letters);
    expect(await storedFiles()).toEqual(files);
  });

  it('refuses a proof used twice, and stores nothing', async () => {
    const payload = await proof();
    expect((await post(complaint({ altcha: payload }))).statusCode).toBe(201);
    const before = await letterCount();
    const replay = await post(complaint({ altcha: payload }));
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('đã được dùng cho một đơn khác');
    expect(await letterCount()).toBe(before);
  });

  it('files a named denunciation without JavaScript after the wait; its identity only sealed and on the receipt', async () => {
    const d = markedDenouncer();
    const page = await request(app.getHttpServer()).get('/gui-don');
    const ticket = /name="phieu" value="([^"]+)"/.exec(page.text)![1];
    const fields = {
      coQuan: unitId,
      loai: 'to-cao',
      tieuDe: 'Tố cáo cán bộ địa chính nhận tiền',
      noiDung: `Tôi là ${d.fullName}, ở ${d.address}. Ông Lê Văn Bình, cán bộ địa chính xã, nhận 5.000.000 đồng để ký giấy xác nhận. Liên hệ ${d.phone}.`,
      hoTen: d.fullName,
      diaChi: d.address,
      canCuoc: d.idNumber,
      dienThoai: d.phone,
      email: d.email,
      dongY: 'co',
      phieu: ticket,
    };
    const before = await letterCount();
    const early = await post(fields);
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('quá nhanh');
    // The page sent back keeps the same ticket: the wait goes on.
    expect(early.body).toContain(`value="${ticket}"`);
    expect(await letterCount()).toBe(before);

    now += 31_000;
    const res = await post(fields);
    expect(res.statusCode).toBe(201);
    const { code } = receipt(res.body);
    // The same ticket is good once.
    expect((await post(fields)).statusCode).toBe(400);

    const { list, letter } = await officerFinds(code);
    expect(letter).toMatchObject({ classification: 'denunciation', eligibilityChecked: false });
    const id = (letter as unknown as { id: string }).id;
    const one = await request(app.getHttpServer())
      .get(`/api/v1/letters/${id}`)
      .set('authorization', `Bearer ${officerToken}`);
    expect(one.status).toBe(200);
    expect(one.body.petitioners).toBeNull();
    expect(one.body.content).toContain('Lê Văn Bình');
    // The custodian may see the denouncer (and the read is audited).
    const identity = await request(app.getHttpServer())
      .get(`/api/v1/letters/${id}/identity`)
      .set('authorization', `Bearer ${custodianToken}`);
    expect(identity.status).toBe(200);
    expect(JSON.stringify(identity.body).toLowerCase()).toContain(d.tokens.fullName);

    // Leak markers: nowhere in the officer's views, the letters' plain columns, the audit trail.
    const plain = JSON.stringify(
      await ds.query('SELECT subject, content, search_text, eligibility FROM letters'),
    );
    const audit = JSON.stringify(await ds.query('SELECT * FROM audit_log'));
    for (const text of [JSON.stringify(list.body), JSON.stringify(one.body), plain, audit]) {
      for (const marker of [d.tokens.fullName, d.tokens.address, d.tokens.email, d.idNumber, d.phone]) {
        expect(text.toLowerCase()).not.toContain(marker.toLowerCase());
      }
    }
  });

  it('files anonymous information without any personal field, even when the browser sent some', async () => {
    const res = await post({
      coQuan: unitId,
      loai: 'nac-danh',
      tieuDe: 'Thông tin về việc khai thác cát trái phép',
      noiDung:
        'Ông Phạm Văn Cường khai thác cát trái phép trên sông Đồng Nai, đêm 20/11/2026; có ảnh kèm theo.',
      hoTen: 'Người Gửi Thử',
      canCuoc: '075301009999',
      dongY: 'co',
      altcha: await proof(),
    });
    expect(res.statusCode).toBe(201);
    const { code } = receipt(res.body);
    const { letter } = await officerFinds(code);
    expect(letter).toMatchObject({
      classification: 'anonymous',
      petitionerCount: 0,
      eligibilityChecked: false,
    });
    const id = (letter as unknown as { id: string }).id;
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM letter_petitioners WHERE letter_id = ?', [id]);
    expect(Number(n)).toBe(0);
  });

  it('names every missing field of a complaint (400) and stores nothing', async () => {
    const before = await letterCount();
    const res = await post(
      complaint({ canCuoc: '', quyetDinh: '', lan: '', dongY: '', altcha: await proof() }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Ghi số căn cước (12 chữ số).');
    expect(res.body).toContain('Ghi quyết định hoặc hành vi bị khiếu nại');
    expect(res.body).toContain('lần đầu hay lần hai');
    expect(res.body).toContain('Đánh dấu để xác nhận');
    expect(res.body).toContain('aria-invalid="true"');
    // The refilled form keeps what was typed, never the proof.
    expect(res.body).toContain('Trần Thị Mai');
    expect(res.body).not.toContain('name="altcha"');
    expect(await letterCount()).toBe(before);
  });

  it('refuses a filled honeypot and a form without any proof, storing nothing', async () => {
    const before = await letterCount();
    const honey = await post(complaint({ trangWeb: 'http://spam.example', altcha: await proof() }));
    expect(honey.statusCode).toBe(400);
    const bare = await post(complaint());
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('Chưa hoàn tất bước xác minh');
    const forged = await post(complaint({ phieu: `${now - 3_600_000}.abc.def` }));
    expect(forged.statusCode).toBe(400);
    expect(await letterCount()).toBe(before);
  });

  it('refuses 1,000 submissions from one address past the limit (429), storing nothing', async () => {
    const before = await letterCount();
    const auditBefore = Number((await ds.query('SELECT COUNT(*) AS n FROM audit_log'))[0].n);
    const statuses = new Map<number, number>();
    const body = complaint();
    for (let i = 0; i < 1000; i++) {
      const res = await post(body, '203.0.113.77');
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode === 429 && i === LIMIT)
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 400: LIMIT, 429: 1000 - LIMIT });
    expect(await letterCount()).toBe(before);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM audit_log'))[0].n)).toBe(auditBefore);
    // Another address is not held up by it.
    expect((await post(complaint({ altcha: await proof() }), '203.0.113.78')).statusCode).toBe(201);
  }, 60_000);

  it("lists the officers' intake queue oldest first, each row without its writer, until the check", async () => {
    type Row = { id: string; receiptCode: string; receivedOn: string; daysSinceReceipt: number } & Record<
      string,
      unknown
    >;
    const queue = async (token = officerToken, query = '') => {
      const res = await request(app.getHttpServer())
        .get(`/api/v1/letters/intake-queue?pageSize=200${query}`)
        .set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      return res.body as { items: Row[]; total: number };
    };
    // Two days later, a complaint whose summary names its writer and her numbers.
    now += 2 * 86_400_000;
    const res = await post(
      complaint({
        tieuDe: 'Trần Thị Mai (CCCD 075 301 002 468, ĐT 0912 000 111) khiếu nại quyết định thu hồi đất',
        altcha: await proof(),
      }),
      '203.0.113.90',
    );
    expect(res.statusCode).toBe(201);
    const { code } = receipt(res.body);
    const before = await queue();
    const row = before.items.find((r) => r.receiptCode === code)!;
    expect(row).toMatchObject({
      unitId,
      unitName: 'Ủy ban nhân dân xã Tân Lập',
      receivedOn: '2026-11-27',
      daysSinceReceipt: 0,
      classification: 'complaint',
      complaintTrack: 'first_time',
      summary: '[đã ẩn] (CCCD [đã ẩn], ĐT [đã ẩn]) khiếu nại quyết định thu hồi đất',
    });
    // Nothing of any writer, and no letter text, in the whole answer.
    const body = JSON.stringify(before).toLowerCase();
    for (const marker of ['mai', '0912', '075301', '075 301', 'tổ 5', 'example.vn']) {
      expect(body).not.toContain(marker);
    }
    expect(before.items.every((r) => !('content' in r) && !('petitioners' in r))).toBe(true);
    // Oldest first: the earlier submissions (25 Nov, two days waiting) come before it.
    const days = before.items.map((r) => r.receivedOn);
    expect(days).toEqual([...days].sort());
    expect(days[0]).toBe('2026-11-25');
    expect(before.items[0].daysSinceReceipt).toBe(2);
    expect(before.items.at(-1)!.receiptCode).toBe(code);
    expect(before.total).toBe(before.items.length);
    // Another unit's officer sees none of them; a unit outside the scope is refused.
    const f = new Fixtures(app);
    const stranger = await f.user(otherUnitId, ['reception_officer']);
    const strangerToken = (await login(app.getHttpServer(), stranger.email)).accessToken;
    expect((await queue(strangerToken)).total).toBe(0);
    const outside = await request(app.getHttpServer())
      .get(`/api/v1/letters/intake-queue?unitId=${otherUnitId}`)
      .set('authorization', `Bearer ${officerToken}`);
    expect(outside.status).toBe(404);

    // Checked, it leaves the queue.
    const checked = await request(app.getHttpServer())
      .post(`/api/v1/letters/${row.id}/eligibility`)
      .set('authorization', `Bearer ${officerToken}`)
      .send({
        version: row.version,
        eligibility: [
          'language',
          'dated',
          'identified_and_signed',
          'content_complete',
          'lawful_content',
          'legible',
        ].map((check) => ({
          check,
          passed: check !== 'dated',
          note: check === 'dated' ? 'Đơn không ghi ngày' : null,
        })),
      });
    expect(checked.status).toBe(201);
    expect(checked.body).toMatchObject({ eligibilityChecked: true, eligible: false });
    const after = await queue();
    expect(after.total).toBe(before.total - 1);
    expect(after.items.some((r) => r.id === row.id)).toBe(false);
  });
});
