import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally, signInToConsole } from '../support/browser.js';
import { screenChecker } from '../support/screens.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { describeHit, findMarkers, markedDenouncer, needlesOf } from '../support/leak.js';
import { ALL_PASSED } from '../support/eligibility.js';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console');
/**
 * The subject-access page (/du-lieu-ca-nhan, issue 20) in Chromium against the real API: a custodian
 * finds a person's records by căn cước number, downloads the JSON export (the person's data, not the
 * co-petitioner's), and corrects a phone number — through a 409 that keeps what was typed. Axe and
 * screenshots at both widths.
 */
describe('the console subject-access page in a real browser', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  let custodianToken: string;
  const X = markedDenouncer();
  const C = markedDenouncer();
  const api = () => request(app.getHttpServer());
  const person = (p: typeof X) => ({
    fullName: p.fullName,
    address: p.address,
    idNumber: p.idNumber,
    phone: p.phone,
  });

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    const officer = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
    custodianToken = (await login(app.getHttpServer(), world.users.identity_custodian.email)).accessToken;
    const today = app.get(Clock).today();
    await api()
      .post('/api/v1/letters')
      .set('authorization', `Bearer ${officer}`)
      .send({
        unitId: world.divisionA.id,
        receivedOn: addDays(today, -2),
        channel: 'post',
        classification: 'complaint',
        complaintTrack: 'first_time',
        subject: 'Khiếu nại quyết định thu hồi đất',
        content: `Chúng tôi là ${X.fullName} và ${C.fullName}, khiếu nại Quyết định số 45/QĐ-UBND.`,
        petitioners: [person(X), person(C)],
        eligibility: ALL_PASSED,
      })
      .expect(201);
    await api()
      .post('/api/v1/reception/visits')
      .set('authorization', `Bearer ${officer}`)
      .send({
        unitId: world.divisionA.id,
        visitDate: addDays(today, -1),
        visitTime: '09:00',
        receivingOfficerName: 'Lê Văn Cường',
        citizens: [person(X)],
        peopleCount: 1,
        summary: 'Công dân hỏi tiến độ giải quyết đơn khiếu nại.',
        contentKind: 'complaint',
        withinCompetence: true,
        outcome: 'letter_received',
      })
      .expect(201);
    baseUrl = await listenLocally(app);
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });

  const signIn = (page: Page, email: string, path: string) =>
    signInToConsole(page, `${baseUrl}${path}`, email);

  const checkScreen = screenChecker(OUTPUT);

  it('a custodian finds, exports and corrects a person’s data; a 409 keeps what was typed', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    try {
      await signIn(page, world.users.identity_custodian.email, '/du-lieu-ca-nhan');
      await page.getByRole('heading', { name: 'Yêu cầu về dữ liệu cá nhân', level: 1 }).waitFor();
      await page.getByLabel('Số yêu cầu').fill('YC-2026/7');
      await page.getByRole('textbox', { name: 'Số căn cước' }).fill(X.idNumber);
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await page.getByRole('heading', { name: '2 hồ sơ có dữ liệu của người này' }).waitFor();
      const table = page.getByRole('region', { name: 'Các hồ sơ có dữ liệu của người yêu cầu' });
      await expect(table.getByText('Đơn (người đứng đơn)').count()).resolves.toBe(1);
      await expect(table.getByText('Lượt tiếp công dân').count()).resolves.toBe(1);
      await checkScreen(page, 'du-lieu-ca-nhan');

      // The JSON export: the person's data, not the co-petitioner's.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải JSON' }).click(),
      ]);
      const text = readFileSync(await download.path(), 'utf8');
      expect(text).toContain(X.idNumber);
      expect(text).toContain(X.phone);
      expect(findMarkers(text, needlesOf('C', C)).map(describeHit)).toEqual([]);

      // The printable page, as the officer prints it.
      const html = await api()
        .post('/api/v1/subject-access/exports')
        .set('authorization', `Bearer ${custodianToken}`)
        .send({ requestRef: 'YC-2026/7', idNumber: X.idNumber, format: 'html' })
        .expect(200);
      const print = await browser.newPage();
      try {
        await print.setContent(html.text);
        await print.getByRole('heading', { name: 'DỮ LIỆU CÁ NHÂN ĐANG ĐƯỢC XỬ LÝ' }).waitFor();
        await checkScreen(print, 'du-lieu-ca-nhan-ban-in');
      } finally {
        await print.close();
      }

      // Correct the phone on the letter; meanwhile someone else corrects the same record (409).
      await table.getByRole('button', { name: /^Đính chính: Đơn \(người đứng đơn\)/ }).click();
      const form = page.getByRole('form', { name: 'Đính chính dữ liệu' });
      await form.getByLabel('Điện thoại').fill('0912345678');
      await form.getByLabel('Lý do đính chính').fill('Công dân đổi số điện thoại liên lạc');
      const found = await api()
        .post('/api/v1/subject-access/searches')
        .set('authorization', `Bearer ${custodianToken}`)
        .send({ requestRef: 'YC-2026/7', idNumber: X.idNumber })
        .expect(200);
      const row = found.body.records.find((r: { kind: string }) => r.kind === 'letter_petitioner');
      await api()
        .post('/api/v1/subject-access/corrections')
        .set('authorization', `Bearer ${custodianToken}`)
        .send({
          requestRef: 'YC-2026/7',
          idNumber: X.idNumber,
          kind: 'letter_petitioner',
          rowId: row.rowId,
          version: row.version,
          reason: 'Bổ sung thư điện tử theo đề nghị',
          values: { email: 'moi@thu-nghiem.vn' },
        })
        .expect(200);
      await form.getByRole('button', { name: 'Lưu đính chính' }).click();
      await page.getByTestId('conflict').waitFor();
      await checkScreen(page, 'du-lieu-ca-nhan-xung-dot');
      await page.getByRole('button', { name: 'Tải lại và làm lại' }).click();
      // The conflict leaves once the current version has arrived; what was typed stays.
      await page.getByTestId('conflict').waitFor({ state: 'detached' });
      await expect(form.getByLabel('Điện thoại').inputValue()).resolves.toBe('0912345678');
      await form.getByRole('button', { name: 'Lưu đính chính' }).click();
      await page.getByText('Đã lưu đính chính và ghi nhật ký.').waitFor();

      const after = await api()
        .post('/api/v1/subject-access/exports')
        .set('authorization', `Bearer ${custodianToken}`)
        .send({ requestRef: 'YC-2026/7', idNumber: X.idNumber, format: 'json' })
        .expect(200);
      const letter = after.body.records.find((r: { kind: string }) => r.kind === 'letter_petitioner');
      expect(letter.data).toMatchObject({ phone: '0912345678', email: 'moi@thu-nghiem.vn' });
    } finally {
      await page.close();
    }
  });

  it('is not in the menu of a reception officer', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    try {
      await signIn(page, world.users.reception_officer.email, '/');
      await page.getByRole('link', { name: 'Danh sách đơn' }).first().waitFor();
      await expect(page.getByRole('link', { name: 'Dữ liệu cá nhân' }).count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
  });
});
