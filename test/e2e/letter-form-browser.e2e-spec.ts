import AxeBuilder from '@axe-core/playwright';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Response } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally } from '../support/browser.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures } from '../support/fixtures.js';

const OUTPUT = join(__dirname, '..', '..', 'test-output');

/**
 * The online letter form in Debian's Chromium against the real application on 127.0.0.1: with
 * JavaScript the widget we serve solves the proof of work and the complaint is filed; without it (every
 * script refused — the page has no inline one) the signed ticket's wait applies, then a denunciation is
 * filed with a file chosen in the picker. axe-core finds no WCAG 2.1 A/AA violation on the form, its errors and the receipt, at desktop
 * and phone widths; the CSP refuses nothing.
 */
describe('the online letter form in a real browser', () => {
  let app: NestFastifyApplication;
  let chromiumHandle: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let browser: BrowserContext;
  let baseUrl: string;
  let now = new Date('2026-11-25T03:00:00Z').getTime();

  beforeAll(async () => {
    app = await startApi(testConfig({ ONLINE_FORM_NOJS_WAIT_SECONDS: '30' }));
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    const f = new Fixtures(app);
    const province = await f.unit('Ủy ban nhân dân tỉnh Đồng Nai', 'province');
    await f.unit('Ủy ban nhân dân xã Tân Lập', 'commune', province.id);
    await f.unit('Sở Tài nguyên và Môi trường', 'agency', province.id);
    baseUrl = await listenLocally(app);
    chromiumHandle = await launchChromium();
    browser = chromiumHandle.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await chromiumHandle?.close();
    await app?.close();
  });

  async function axeViolations(page: Page) {
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      // The widget's own markup is the library's; ours is checked in full.
      .exclude('altcha-widget')
      .analyze();
    return result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
  }

  async function submit(page: Page): Promise<Response> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${baseUrl}/gui-don` && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Gửi đơn' }).click(),
    ]);
    await page.waitForLoadState('load');
    return response;
  }

  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 812 }],
  ])(
    'with JavaScript: the widget proves the work and a complaint is filed (%s)',
    async (name, viewport) => {
      const page = await browser.newPage();
      await page.setViewportSize(viewport);
      const refused: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
      });
      page.on('request', (r) => {
        if (!r.url().startsWith(baseUrl)) foreign.push(r.url());
      });
      try {
        await page.goto(`${baseUrl}/gui-don`);
        expect(await page.locator('h1').innerText()).toBe('Gửi đơn trực tuyến');
        // The widget solved the challenge in the background: its field holds the proof.
        // (a function, not a string: the CSP forbids eval)
        await page.waitForFunction(
          () => {
            const { document } = globalThis as unknown as {
              document: { querySelector: (s: string) => { value: string } | null };
            };
            return document.querySelector('input[name="altcha"]')?.value;
          },
          undefined,
          { timeout: 20_000 },
        );
        expect(await page.locator('.khong-js').isHidden()).toBe(true);
        expect(await axeViolations(page)).toEqual([]);

        await page
          .getByRole('combobox', { name: /Cơ quan nhận đơn/ })
          .selectOption({ label: 'Ủy ban nhân dân xã Tân Lập' });
        await page.getByLabel('Khiếu nại', { exact: true }).check();
        await page.getByLabel('Lần đầu').check();
        await page
          .getByLabel('Quyết định hoặc hành vi bị khiếu nại')
          .fill('Quyết định số 12/QĐ-UBND ngày 02/10/2026');
        await page
          .getByRole('textbox', { name: /Tóm tắt nội dung/ })
          .fill('Khiếu nại quyết định thu hồi đất');
        await page
          .getByRole('textbox', { name: /Nội dung đơn/ })
          .fill('Quyết định thu hồi 200 m2 đất của gia đình tôi không đúng diện tích.');
        await page.getByLabel('Họ và tên').fill('Trần Thị Mai');
        await page.getByLabel('Địa chỉ', { exact: true }).fill('Tổ 5, xã Tân Lập, tỉnh Đồng Nai');
        await page.getByLabel('Số căn cước').fill('075301002468');
        await page.getByLabel(/Tôi đã đọc/).check();
        const response = await submit(page);
        expect(response.status()).toBe(201);
        expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Giấy biên nhận đơn');
        expect(await page.locator('dd.ma').count()).toBe(2);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: join(OUTPUT, `letter-form-receipt-${name}.png`), fullPage: true });
        expect(refused).toEqual([]);
        expect(foreign).toEqual([]);
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it('without JavaScript: the errors are named and linked, the ticket waits, then a denunciation is filed with a file', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    // The page has no inline script: refusing the files is running without JavaScript.
    await page.route('**/*.js', (route) => route.abort());
    try {
      await page.goto(`${baseUrl}/gui-don`);
      expect(await page.locator('.khong-js').isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      // Sent empty: every problem named, linked to its field.
      let response = await submit(page);
      expect(response.status()).toBe(400);
      expect(await page.title()).toBe('Lỗi: Gửi đơn trực tuyến');
      await page.getByRole('link', { name: 'Chọn cơ quan nhận đơn.' }).click();
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('co-quan');
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUTPUT, 'letter-form-errors-phone.png'), fullPage: true });

      // The agency search narrows the list.
      await page.getByLabel('Tên cơ quan').fill('tan lap');
      await Promise.all([page.waitForURL(/tim=tan/), page.getByRole('button', { name: 'Tìm' }).click()]);
      expect(await page.locator('#co-quan option').allInnerTexts()).toEqual([
        '— Chọn cơ quan —',
        'Ủy ban nhân dân xã Tân Lập',
      ]);

      await page
        .getByRole('combobox', { name: /Cơ quan nhận đơn/ })
        .selectOption({ label: 'Ủy ban nhân dân xã Tân Lập' });
      await page.getByLabel('Tố cáo', { exact: true }).check();
      await page.getByRole('textbox', { name: /Tóm tắt nội dung/ }).fill('Tố cáo cán bộ địa chính nhận tiền');
      await page
        .getByRole('textbox', { name: /Nội dung đơn/ })
        .fill('Ông Lê Văn Bình, cán bộ địa chính xã, nhận 5.000.000 đồng để ký xác nhận.');
      await page.getByLabel('Họ và tên').fill('Ngô Thị Hạnh');
      await page.getByLabel('Địa chỉ', { exact: true }).fill('Số 45 hẻm Xoài, xã Tân Lập, tỉnh Đồng Nai');
      await page.getByLabel('Số căn cước').fill('075301009876');
      await page.getByLabel(/Tôi đã đọc/).check();
      response = await submit(page);
      expect(response.status()).toBe(400);
      expect(await page.getByRole('alert').innerText()).toContain('quá nhanh');
      expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Ngô Thị Hạnh');

      now += 31_000;
      // A file chosen in the picker goes with the form (multipart, no script involved).
      await page.getByLabel(/Tài liệu, chứng cứ kèm theo/).setInputFiles({
        name: 'biên nhận tiền.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_039, 0x41)]),
      });
      response = await submit(page);
      expect(response.status()).toBe(201);
      expect(response.request().headers()['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Giấy biên nhận đơn');
      expect(await page.locator('main').innerText()).toContain('Tố cáo');
      expect(await page.locator('ul.tep li').allInnerTexts()).toEqual(['biên nhận tiền.pdf (2 KB)']);
      const [row] = await app
        .get<DataSource>(getDataSourceToken())
        .query('SELECT identifying, size_bytes FROM letter_attachments');
      expect(row).toMatchObject({ size_bytes: 2_048 });
      expect(row.identifying).toBeTruthy();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
