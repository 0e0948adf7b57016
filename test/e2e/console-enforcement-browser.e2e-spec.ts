import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { EnforcementService } from '../../src/enforcement/enforcement.service.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally } from '../support/browser.js';
import { screenChecker } from '../support/screens.js';
import { truncateAll } from '../support/database.js';
import { login, TEST_PASSWORD, twoAgencies } from '../support/fixtures.js';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console-enforcement');
const shown = (iso: string) => iso.split('-').reverse().join('/');
// The smallest PDF the API's type check accepts (it reads the bytes, not the name).
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/**
 * An enforcement record in Debian's Chromium against the real API, MariaDB and Redis (issue 17): the
 * unit head reaches it from the unit's work list, sets an obligation due by KN-11 (the date the API's
 * engine gives), reports progress, attaches evidence and downloads it back; axe and photographs at
 * desktop and phone widths in test-output/console-enforcement/.
 */
describe('an enforcement record in the console (real browser)', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  let head: string;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    world = await twoAgencies(app);
    head = (await login(app.getHttpServer(), world.users.unit_head.email)).accessToken;
    baseUrl = await listenLocally(app);
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });

  const checkScreen = screenChecker(OUTPUT);

  it('from the work list to an obligation due by KN-11, a progress report and its evidence, downloaded back', async () => {
    // A final decision's record, opened today as the case step that makes it final opens it (so its
    // obligation is not yet overdue: the record's status then follows the reports).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const record = await dataSource.transaction((manager) =>
      app.get(EnforcementService).openFor(manager, SYSTEM_ACTOR, {
        subjectType: 'complaint_case',
        subjectId: crypto.randomUUID(),
        unitId: world.divisionA.id,
        title: 'KN-2026-000001 — Khiếu nại quyết định thu hồi đất',
        decisionRef: '125/QĐ-UBND',
        openedOn: today,
      }),
    );
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    try {
      await browser.clearCookies();
      await page.goto(`${baseUrl}/thi-hanh/${record.id}`);
      await page.waitForURL(/\/dang-nhap/);
      await page.getByLabel('Thư điện tử').fill(world.users.unit_head.email);
      await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: 'Thi hành quyết định', level: 1 }).waitFor();
      await expect(page.getByTestId('record-status').innerText()).resolves.toBe('Chưa thực hiện');
      await expect(page.getByTestId('next-review').innerText()).resolves.toContain(
        shown(record.nextReviewOn!),
      );

      // An obligation due by the statute (KN-11): the date shown is the engine's.
      const add = page.getByRole('form', { name: 'Thêm nghĩa vụ thi hành' });
      await add.getByLabel('Loại nghĩa vụ').click();
      await page.locator('.ant-select-item-option', { hasText: 'Bồi thường, trả lại tiền, tài sản' }).click();
      await add.getByLabel('Nội dung phải thực hiện').fill('Chi trả tiền bồi thường còn thiếu cho hộ ông A');
      await add.getByRole('button', { name: 'Thêm nghĩa vụ' }).click();
      await page.getByTestId('obligation-1').waitFor();
      const withObligation = (
        await api()
          .get(`/api/v1/enforcement-records/${record.id}`)
          .set('authorization', `Bearer ${head}`)
          .expect(200)
      ).body;
      const [obligation] = withObligation.obligations;
      expect(obligation).toMatchObject({
        kind: 'pay',
        dueSource: 'engine',
        owningUnitId: world.divisionA.id,
      });
      await page.getByTestId('due-1').getByText(shown(obligation.dueDate), { exact: false }).waitFor();
      await checkScreen(page, 'thi-hanh');

      // Progress reported: the record is in progress.
      const progress = page.getByRole('form', { name: 'Báo cáo tiến độ nghĩa vụ 1' });
      await progress.getByLabel('Nội dung báo cáo').fill('Đã lập dự toán, chờ cấp kinh phí');
      await progress.getByRole('button', { name: 'Ghi báo cáo' }).click();
      await page.getByTestId('record-status').getByText('Đang thực hiện', { exact: true }).waitFor();
      const reported = (
        await api()
          .get(`/api/v1/enforcement-records/${record.id}`)
          .set('authorization', `Bearer ${head}`)
          .expect(200)
      ).body;
      const [update] = reported.obligations[0].updates;
      expect(update).toMatchObject({ status: 'in_progress', note: 'Đã lập dự toán, chờ cấp kinh phí' });

      // Its evidence: attached, listed, downloaded byte for byte.
      await page.getByTestId(`evidence-input-${update.id}`).setInputFiles({
        name: 'phieu-chi.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      const link = page.getByRole('button', { name: 'Tải về chứng cứ phieu-chi.pdf' });
      await link.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(readFileSync(await download.path())).toEqual(PDF);
      await checkScreen(page, 'thi-hanh-bao-cao');

      // The unit's work list links the obligation to this page.
      await page.goto(`${baseUrl}/viec-cua-don-vi`);
      await page.getByRole('link', { name: /Chi trả tiền bồi thường/ }).click();
      await page.waitForURL(new RegExp(`/thi-hanh/${record.id}$`));
      await page.getByTestId('obligation-1').waitFor();
    } catch (error) {
      await page.screenshot({ path: join(OUTPUT, 'failed.png'), fullPage: true });
      throw error;
    } finally {
      await page.close();
    }
  }, 90_000);
});
