import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally } from '../support/browser.js';
import { screenChecker } from '../support/screens.js';
import { truncateAll } from '../support/database.js';
import { login, TEST_PASSWORD, twoAgencies } from '../support/fixtures.js';
import { findMarkers, markedDenouncer, needlesOf } from '../support/leak.js';
import { ALL_PASSED } from '../support/eligibility.js';
import { nonVietnameseTokens } from '../support/vietnamese-check.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CalendarAdminService } from '../../src/calendar/calendar-admin.service.js';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console-cases');
/**
 * The console's case work in Debian's Chromium against the real API, MariaDB and Redis (issue 17): the
 * work lists, a letter's processing decision, a case's page. Every screen passes axe-core and is
 * photographed at desktop and phone widths under test-output/console-cases/; a denouncer's markers are
 * looked for in the rendered page AND in every API response the browser received.
 */
describe('case work in the console (real browser)', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = (who: string, r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);
  const denouncer = markedDenouncer();

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'unit_head', 'case_handler'] as const) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    baseUrl = await listenLocally(app);
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });

  /** A page that keeps the text of every API answer it received (for the leak check). */
  async function newPage(): Promise<{ page: Page; responses: string[] }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const responses: string[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/'))
        void res.text().then(
          (t) => responses.push(t),
          () => undefined,
        );
    });
    return { page, responses };
  }

  async function signIn(page: Page, email: string, path = '/') {
    await browser.clearCookies();
    await page.goto(`${baseUrl}${path}`);
    await page.waitForURL(/\/dang-nhap/);
    await page.getByLabel('Thư điện tử').fill(email);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
  }

  const checkScreen = screenChecker(OUTPUT, { settleMs: 200 });

  /** The table shows exactly `n` rows (the previous rows stay while a new filter loads). */
  function rowsAre(page: Page, n: number) {
    return page.waitForFunction(
      (count) =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('tbody tr.ant-table-row').length === count,
      n,
    );
  }

  async function logLetter(body: Record<string, unknown> = {}) {
    const res = await as('reception_officer', api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn: '2026-11-20',
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: 'Ông đề nghị xem xét lại quyết định thu hồi đất vì chưa được bồi thường thỏa đáng.',
      petitioners: [{ fullName: 'Nguyễn Văn Thử', address: 'Số 1, đường Lê Lợi', idNumber: '079200001234' }],
      eligibility: ALL_PASSED,
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; processingDue: string; receiptCode: string };
  }

  async function accept(letter: { id: string; version: number }, decidedOn = '2026-11-24') {
    const res = await as('unit_head', api().post(`/api/v1/letters/${letter.id}/decision`))
      .send({ decision: 'accept', decidedOn, legalBasis: 'LKN 2011 art. 27', version: letter.version })
      .expect(201);
    return res.body.caseId as string;
  }

  it('work lists: the unit’s and mine, counts per filter, search without diacritics, the API’s due dates', async () => {
    const complaintId = await accept(await logLetter({ subject: 'Khiếu nại việc cấp giấy chứng nhận' }));
    await accept(
      await logLetter({
        classification: 'denunciation',
        complaintTrack: undefined,
        subject: 'Tố cáo cán bộ địa chính',
        content: `Tôi là ${denouncer.fullName}, tố cáo cán bộ địa chính nhận tiền khi đo đạc đất.`,
        petitioners: [{ ...denouncer, tokens: undefined }],
      }),
    );
    await logLetter({ receivedOn: '2026-12-01', subject: 'Khiếu nại về tiền bồi thường' });
    const c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${complaintId}`)).expect(200)).body;
    await as('unit_head', api().patch(`/api/v1/complaint-cases/${complaintId}/assignment`))
      .send({ handlerUserId: world.users.case_handler.id, reason: 'Phân công xác minh', version: c.version })
      .expect(200);
    const listed = (await as('unit_head', api().get('/api/v1/work-items')).expect(200)).body;

    const { page, responses } = await newPage();
    try {
      await signIn(page, world.users.unit_head.email, '/viec-cua-don-vi');
      await page.getByRole('heading', { name: 'Việc của đơn vị', level: 1 }).waitFor();
      await page.getByText('Tất cả (3)', { exact: true }).waitFor();
      await page.getByText('Hồ sơ khiếu nại (1)', { exact: true }).waitFor();
      await page.getByText('Đơn chờ xử lý (1)', { exact: true }).waitFor();
      // Rows in the API's order (nearest due first), each due date the API's.
      const rows = page.locator('tbody tr.ant-table-row');
      await rows.nth(2).waitFor();
      for (const [i, item] of (listed.items as { title: string; nextDue: string | null }[]).entries()) {
        const text = await rows.nth(i).innerText();
        expect(text).toContain(item.title);
        const [y, m, d] = (item.nextDue ?? '').split('-');
        expect(text).toContain(item.nextDue ? `${d}/${m}/${y}` : 'Không có hạn');
      }
      await checkScreen(page, 'viec-cua-don-vi');

      await page.getByText('Hồ sơ khiếu nại (1)', { exact: true }).click();
      await page.waitForURL(/loai=khieu-nai/);
      await page.getByRole('combobox', { name: 'Trạng thái' }).waitFor();
      await rowsAre(page, 1);
      await page.getByText('Tất cả (3)', { exact: true }).click();
      await page.getByLabel('Tìm').fill('giay chung nhan');
      await page.getByLabel('Tìm').press('Enter');
      await page.waitForURL(/q=giay/);
      await page.getByRole('link', { name: 'Khiếu nại việc cấp giấy chứng nhận' }).waitFor();
      await rowsAre(page, 1);
      const texts = [await page.content()];
      await page.goto(`${baseUrl}/viec-cua-toi`);
      await page.getByRole('heading', { name: 'Việc của tôi', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Khiếu nại về tiền bồi thường' }).waitFor();
      await page.waitForLoadState('networkidle');
      texts.push(await page.content());
      expect(findMarkers([...texts, ...responses].join('\n'), needlesOf('denouncer', denouncer))).toEqual([]);
    } finally {
      await page.close();
    }

    const handler = await newPage();
    try {
      await signIn(handler.page, world.users.case_handler.email, '/viec-cua-toi');
      await handler.page.getByRole('link', { name: 'Khiếu nại việc cấp giấy chứng nhận' }).waitFor();
      expect(await handler.page.locator('tbody tr.ant-table-row').count()).toBe(1);
      await checkScreen(handler.page, 'viec-cua-toi');
      expect(
        findMarkers(
          [await handler.page.content(), ...handler.responses].join('\n'),
          needlesOf('denouncer', denouncer),
        ),
      ).toEqual([]);
    } finally {
      await handler.page.close();
    }
  }, 90_000);

  it('a processing decision: its deadlines previewed by the engine, then saved; a transfer loop refused before sending', async () => {
    const letter = await logLetter({
      receivedOn: '2026-12-01',
      subject: 'Khiếu nại về phí bảo trì chung cư',
    });
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const expected = (
      await as('unit_head', api().post(`/api/v1/letters/${letter.id}/decision-preview`))
        .send({ decision: 'accept', decidedOn: today })
        .expect(200)
    ).body;
    const { page } = await newPage();
    try {
      await signIn(page, world.users.unit_head.email, `/don/${letter.id}`);
      await page.getByRole('heading', { name: 'Quyết định xử lý đơn', level: 2 }).waitFor();
      const opens = page.getByTestId('opens-acceptance');
      await opens.waitFor();
      const [y, m, d] = (expected.opens[0].due as string).split('-');
      expect(await opens.innerText()).toContain(`KN-2): đến hết ngày ${d}/${m}/${y}`);
      expect(await opens.locator('li').count()).toBe(expected.opens[0].explanation.length);
      await page.getByLabel('Người được giao xác minh').click();
      await page.locator('.ant-select-item-option', { hasText: /./ }).first().click();
      await checkScreen(page, 'quyet-dinh-xu-ly-don');
      await page.getByRole('button', { name: 'Lưu quyết định' }).click();
      await page.getByTestId('decision-saved').waitFor();
      // The page reloads its letter (now decided); the confirmation stays (it once vanished with the reload).
      await page.getByText('Đã xử lý', { exact: true }).waitFor();
      expect(await page.getByTestId('decision-saved').isVisible()).toBe(true);
      const saved = (await as('unit_head', api().get(`/api/v1/letters/${letter.id}`)).expect(200)).body;
      expect(saved).toMatchObject({ status: 'decided', decision: 'accept' });
      const c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${saved.caseId}`)).expect(200))
        .body;
      expect(c.handlerUserId).toBe(world.users.case_handler.id);
      expect(c.deadlines.find((x: { purpose: string }) => x.purpose === 'acceptance').dueDate).toBe(
        expected.opens[0].due,
      );
    } finally {
      await page.close();
    }

    // A letter transferred down to the school: sending it back up is a loop, refused before sending.
    const down = await logLetter({ subject: 'Khiếu nại chuyển về trường' });
    await as('unit_head', api().post(`/api/v1/letters/${down.id}/decision`))
      .send({
        decision: 'transfer',
        transferToUnitId: world.schoolA.id,
        transferRef: '15/CV-P.A1',
        decidedOn: '2026-11-24',
        legalBasis: 'Điều 8 Thông tư 05/2021/TT-TTCP',
        version: down.version,
      })
      .expect(201);
    const there = (await as('unit_head', api().get(`/api/v1/letters?unitId=${world.schoolA.id}`)).expect(200))
      .body.items[0];
    const second = await newPage();
    try {
      const p = second.page;
      await signIn(p, world.users.unit_head.email, `/don/${there.id}`);
      await p.getByText('Chuyển đơn', { exact: true }).click();
      await p
        .getByTestId('transfer-chain')
        .getByText(`${world.divisionA.name} → ${world.schoolA.name}`)
        .waitFor();
      await p.getByLabel('Chuyển đến đơn vị trong hệ thống').click();
      await p.locator('.ant-select-item-option', { hasText: world.divisionA.name }).click();
      await p.getByTestId('transfer-loop').waitFor();
      expect(await p.getByRole('button', { name: 'Lưu quyết định' }).isDisabled()).toBe(true);
      await checkScreen(p, 'chuyen-don-vong');
      const still = (await as('unit_head', api().get(`/api/v1/letters/${there.id}`)).expect(200)).body;
      expect(still.status).toBe('registered');
    } finally {
      await second.page.close();
    }
  }, 90_000);

  it('a case’s page: deadlines equal to the API’s, steps by authority as forms, a 409 in the second tab keeps what was typed', async () => {
    // The unit has a day of its own, so its deadlines are counted on its calendar (named after it).
    await app.get(CalendarAdminService).setEntry(SYSTEM_ACTOR, world.divisionA.id, '2027-08-20', {
      kind: 'day_off',
      name: 'Ngày truyền thống của phòng',
    });
    const letter = await logLetter({
      receivedOn: '2026-12-02',
      subject: 'Khiếu nại quyết định xử phạt hành chính',
    });
    const caseId = await accept(letter, '2026-12-03');
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const shown = (iso: string) => iso.split('-').reverse().join('/');
    const before = (await as('unit_head', api().get(`/api/v1/complaint-cases/${caseId}`)).expect(200)).body;
    const head = await newPage();
    try {
      const p = head.page;
      await signIn(p, world.users.unit_head.email, `/ho-so/khieu-nai/${caseId}`);
      await p.getByRole('heading', { name: `Hồ sơ khiếu nại ${before.caseNumber}`, level: 1 }).waitFor();
      // Reloaded: the boot script (web/src/boot.ts) asks for the session, the officer, the case, its
      // documents and its unit's calendar before the app has loaded, and the app takes each answer rather
      // than asking again.
      const asked: string[] = [];
      const onRequest = (r: { url(): string; method(): string }) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/api/')) asked.push(`${r.method()} ${url.pathname}`);
      };
      p.on('request', onRequest);
      await p.reload();
      await p.getByRole('heading', { name: `Hồ sơ khiếu nại ${before.caseNumber}`, level: 1 }).waitFor();
      await p.getByTestId('due-acceptance').waitFor();
      await p.getByText('Hồ sơ chưa có tài liệu.').waitFor();
      p.off('request', onRequest);
      for (const once of [
        'POST /api/v1/auth/browser/refresh',
        'GET /api/v1/auth/me',
        `GET /api/v1/complaint-cases/${caseId}`,
        `GET /api/v1/complaint-cases/${caseId}/attachments`,
        `GET /api/v1/calendars/${before.unitId}/years/${today.slice(0, 4)}`,
      ])
        expect([once, asked.filter((a) => a === once).length]).toEqual([once, 1]);
      const acceptance = before.deadlines.find((d: { purpose: string }) => d.purpose === 'acceptance');
      expect(await p.getByTestId('due-acceptance').innerText()).toContain(shown(acceptance.dueDate));
      // Someone else changes the case after this tab read it (the handler is assigned).
      await as('unit_head', api().patch(`/api/v1/complaint-cases/${caseId}/assignment`))
        .send({
          handlerUserId: world.users.case_handler.id,
          reason: 'Giao xác minh',
          version: before.version,
        })
        .expect(200);
      await p.getByRole('button', { name: 'Thụ lý', exact: true }).click();
      const form = p.getByRole('form', { name: 'Thụ lý' });
      await form.getByLabel('Số văn bản').fill('07/TB-P.A1');
      await form.getByLabel('Căn cứ pháp lý').fill('Điều 27 Luật Khiếu nại 2011');
      await checkScreen(p, 'ho-so-buoc-thu-ly');
      await form.getByRole('button', { name: 'Ghi bước “Thụ lý”' }).click();
      await p.getByTestId('conflict').waitFor();
      expect(await form.getByLabel('Số văn bản').inputValue()).toBe('07/TB-P.A1');
      await checkScreen(p, 'ho-so-xung-dot-409');
      await p.getByRole('button', { name: 'Tải lại và làm lại' }).click();
      await p.getByTestId('conflict').waitFor({ state: 'detached' });
      await form.getByRole('button', { name: 'Ghi bước “Thụ lý”' }).click();
      await p.getByTestId('case-state').getByText('Đã thụ lý').waitFor();
      const after = (await as('unit_head', api().get(`/api/v1/complaint-cases/${caseId}`)).expect(200)).body;
      expect(after.state).toBe('accepted');
      expect(after.events.at(-1)).toMatchObject({ event: 'accept', documentRef: '07/TB-P.A1', date: today });
      const resolution = after.deadlines.find((d: { purpose: string }) => d.purpose === 'resolution');
      await p.getByTestId('due-resolution').getByText(shown(resolution.dueDate), { exact: false }).waitFor();
      await p.getByTestId('timeline').getByText('Văn bản số 07/TB-P.A1', { exact: false }).waitFor();
      await checkScreen(p, 'ho-so-khieu-nai');
      // "Xem cách tính": the engine's explanation, wholly Vietnamese — no English word, no id (issue 17).
      const row = p.locator('tr', { has: p.getByTestId('due-resolution') });
      await row.getByText('Xem cách tính').click();
      const lines = await row.locator('details li').allInnerTexts();
      expect(lines).toEqual(resolution.explanation.vi);
      expect(lines.flatMap((line) => nonVietnameseTokens(line).map((t) => `${t} in: ${line}`))).toEqual([]);
      expect(lines.join('\n')).toContain('căn cứ: Điều 28 Luật Khiếu nại 02/2011/QH13');
      expect(lines.at(-1)).toMatch(/^Lịch làm việc năm 20\d\d(–20\d\d)? của Phòng A1 \(bản số 1\)\./);
      await checkScreen(p, 'ho-so-cach-tinh');
    } finally {
      await head.page.close();
    }
    // The handler: only the handler's steps (verification), never the head's decisions.
    const handler = await newPage();
    try {
      const p = handler.page;
      await signIn(p, world.users.case_handler.email, `/ho-so/khieu-nai/${caseId}`);
      const steps = p.getByRole('group', { name: 'Các bước được phép' });
      await steps.getByRole('button', { name: 'Bắt đầu xác minh' }).waitFor();
      const offered = await steps.getByRole('button').allInnerTexts();
      expect(offered).toContain('Bắt đầu xác minh');
      // The head's decisions (suspend, terminate, withdrawal…) are not offered to the handler.
      for (const headStep of ['Tạm đình chỉ', 'Đình chỉ', 'Rút toàn bộ', 'Thụ lý'])
        expect(offered).not.toContain(headStep);
      await steps.getByRole('button', { name: 'Bắt đầu xác minh' }).click();
      const form = p.getByRole('form', { name: 'Bắt đầu xác minh' });
      expect(await form.getByLabel('Số văn bản').count()).toBe(0);
      expect(await form.getByLabel('Lý do').count()).toBe(0);
      await form.getByLabel('Căn cứ pháp lý').fill('Điều 29 Luật Khiếu nại 2011');
      await form.getByRole('button', { name: 'Ghi bước “Bắt đầu xác minh”' }).click();
      await p.getByTestId('case-state').getByText('Đang xác minh').waitFor();
    } finally {
      await handler.page.close();
    }
  }, 90_000);
});
