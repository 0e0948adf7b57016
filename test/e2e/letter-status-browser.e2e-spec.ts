import AxeBuilder from '@axe-core/playwright';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Response } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../../src/auth/domain/actor.js';
import type { Permission } from '../../src/auth/domain/roles.js';
import { Clock } from '../../src/common/clock.js';
import { LettersService } from '../../src/letters/letters.service.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally } from '../support/browser.js';
import { truncateAll } from '../support/database.js';
import { Fixtures } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

const OUTPUT = join(__dirname, '..', '..', 'test-output');

const PETITIONER = {
  fullName: 'Trần Thị Mai',
  address: 'Tổ 5, phường Tân Phong, tỉnh Đồng Nai',
  idNumber: '075301002468',
  phone: '0912000111',
};

/** Scope null: every unit. */
const RECEPTION: Actor = { ...SYSTEM_ACTOR, permissions: new Set<Permission>(['letters:write']) };

/**
 * The receipt-code status page served by the real application on 127.0.0.1, driven by Debian's Chromium:
 * a citizen types the code from their receipt (in lower case, with spaces) and the secret, and sees the
 * stage and the milestones; a wrong secret gets the one neutral 404; axe-core finds no problem.
 */
describe('the receipt-code status page in a real browser', () => {
  let app: NestFastifyApplication;
  let browser: BrowserContext;
  let chromiumHandle: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let baseUrl: string;
  let code: string;
  let secret: string;

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    const f = new Fixtures(app);
    const province = await f.unit('Ủy ban nhân dân tỉnh Đồng Nai', 'province');
    const agency = await f.unit('Sở Tài nguyên và Môi trường', 'agency', province.id);
    const letter = await app.get(LettersService).create(RECEPTION, {
      unitId: agency.id,
      receivedOn: '2026-11-20',
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content:
        'Tôi khiếu nại Quyết định số 12/QĐ-UBND về việc thu hồi 200 m2 đất nông nghiệp của gia đình tôi.',
      petitioners: [PETITIONER],
      eligibility: ALL_PASSED,
    });
    code = letter.receiptCode;
    secret = letter.receiptSecret;

    baseUrl = await listenLocally(app);

    chromiumHandle = await launchChromium();
    browser = chromiumHandle.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await chromiumHandle?.close();
    await app?.close();
  });

  /** Stricter than the calendar's test: no violation of any impact. */
  async function axeViolations(page: Page) {
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
  }

  /** Fills the form and submits it; the response of the POST that renders the next page. */
  async function lookUp(page: Page, typedCode: string, typedSecret: string): Promise<Response> {
    await page.getByLabel('Mã tra cứu', { exact: true }).fill(typedCode);
    await page.getByLabel('Mật mã', { exact: true }).fill(typedSecret);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${baseUrl}/tra-cuu-don` && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Tra cứu' }).click(),
    ]);
    await page.waitForLoadState('load');
    return response;
  }

  async function expectNothingPersonal(page: Page) {
    const html = await page.content();
    for (const personal of [PETITIONER.fullName, PETITIONER.idNumber, PETITIONER.phone, secret]) {
      expect(html).not.toContain(personal);
    }
    expect(page.url()).toBe(`${baseUrl}/tra-cuu-don`); // the secret never reaches a URL
  }

  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 812 }],
  ])(
    'shows the stage and the milestones for the code and secret, and passes axe (%s)',
    async (name, viewport) => {
      const page = await browser.newPage();
      await page.setViewportSize(viewport);
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      try {
        await page.goto(`${baseUrl}/tra-cuu-don`);
        expect(await page.locator('h1').innerText()).toBe('Tra cứu tình trạng đơn');
        expect(await axeViolations(page)).toEqual([]);

        // As read from the receipt: lower case, spaces instead of dashes.
        const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
        const response = await lookUp(page, typed, secret.toLowerCase());
        expect(response.status()).toBe(200);
        expect(response.headers()['cache-control']).toBe('no-store');
        expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
        expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe(
          `Tình trạng đơn ${code}`,
        );
        const facts = await page.locator('dl').innerText();
        expect(facts).toContain('Đang xử lý đơn');
        expect(facts).toContain('Khiếu nại');
        expect(facts).toContain('20/11/2026');
        const milestones = page.locator('ol li');
        expect(await milestones.allInnerTexts()).toEqual(['20/11/2026: Đã nhận đơn']);
        expect(await page.locator('main').innerText()).toMatch(
          /Thời hạn theo quy định: xử lý đơn đến ngày \d{2}\/\d{2}\/2026\./,
        );
        await expectNothingPersonal(page);
        expect(await axeViolations(page)).toEqual([]);
        expect(scripts).toEqual([]);
        await page.screenshot({ path: join(OUTPUT, `letter-status-${name}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it('answers a wrong secret with the neutral message and 404, keeping the code but not the secret', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/tra-cuu-don`);
      const wrong = secret === 'ABCDEFGHJK' ? 'ABCDEFGHJM' : 'ABCDEFGHJK';
      const response = await lookUp(page, code.toLowerCase(), wrong);
      expect(response.status()).toBe(404);
      expect(response.headers()['cache-control']).toBe('no-store');
      const alert = await page.getByRole('alert').innerText();
      expect(alert).toContain('Không tìm thấy đơn với mã và mật mã này');
      expect(await page.getByLabel('Mã tra cứu', { exact: true }).inputValue()).toBe(code);
      expect(await page.getByLabel('Mật mã', { exact: true }).inputValue()).toBe('');
      expect(await page.content()).not.toContain(wrong);
      expect(await page.locator('body').innerText()).not.toContain('Đã nhận đơn');
      await expectNothingPersonal(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUTPUT, 'letter-status-not-found.png'), fullPage: true });
    } finally {
      await page.close();
    }
  }, 60_000);

  it('asks for the empty fields (400), with the messages linked to them', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/tra-cuu-don`);
      const response = await lookUp(page, '', '');
      expect(response.status()).toBe(400);
      expect(await page.title()).toBe('Lỗi: Tra cứu tình trạng đơn');
      await page.getByRole('link', { name: 'Nhập mật mã ghi trên giấy biên nhận.' }).click();
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('mat-ma');
      expect(await page.getByLabel('Mã tra cứu', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('answers an unknown and a malformed code exactly as a wrong secret, and takes JSON too', async () => {
    const server = app.getHttpServer();
    const form = (body: string) =>
      request(server).post('/tra-cuu-don').type('form').send(body).expect('cache-control', 'no-store');
    const wrong = await form(`code=${encodeURIComponent(code)}&secret=WRONGSECRT`).expect(404);
    const unknown = await form('code=TD-2026-0000-0000&secret=WRONGSECRT').expect(404);
    const malformed = await form('code=no-such-code&secret=WRONGSECRT').expect(404);
    const withoutCode = (html: string) => html.replaceAll(/value="[^"]*"/g, 'value=""');
    expect(withoutCode(unknown.text)).toBe(withoutCode(wrong.text));
    expect(withoutCode(malformed.text)).toBe(withoutCode(wrong.text));
    const json = await request(server).post('/tra-cuu-don').send({ code, secret }).expect(200);
    expect(json.text).toContain('Đã nhận đơn');
    // The page lives outside /api/v1, and no other route reads form bodies.
    await request(server).get('/api/v1/tra-cuu-don').expect(404);
    const elsewhere = await request(server)
      .post('/api/v1/public/letter-status')
      .type('form')
      .send(`code=${encodeURIComponent(code)}&secret=${secret}`);
    expect(elsewhere.status).toBe(415);
    expect(elsewhere.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
