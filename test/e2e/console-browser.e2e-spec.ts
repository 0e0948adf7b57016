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

// Functions run in the page (the console's CSP forbids evaluating strings there).
declare const document: {
  activeElement: { id: string } | null;
  cookie: string;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
};

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console');
/**
 * The officers' console in Debian's Chromium against the real API, MariaDB and Redis (issue 16): the
 * reception officer's journeys end to end — sign-in and reload, home, a visit logged by keyboard alone,
 * bad input shown beside its field with nothing saved, a 409 that keeps what was typed, a session that
 * ends mid-form, a letter with its receipt slip, the letters list, notifications and the bell. Every
 * screen passes axe-core (no serious or critical violation) and is photographed at desktop and phone
 * widths under test-output/console/. A denouncer's identity never shows to a role that may not see it.
 */
describe('the officers console in a real browser', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  let officerToken: string;
  const api = () => request(app.getHttpServer());
  const as = (token: string, r: request.Test) => r.set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    world = await twoAgencies(app);
    officerToken = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
    baseUrl = await listenLocally(app);
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    return page;
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

  /** axe-core (WCAG 2.1 A/AA): no serious or critical violation; then a photo at both widths. */
  const checkScreen = screenChecker(OUTPUT, { settleMs: 250 });

  /** The bell's accessible name says how many are unread. */
  function bellSays(page: Page, unread: number, timeout = 15_000) {
    return page.waitForFunction(
      (label) => document.querySelector('[data-testid=bell]')?.getAttribute('aria-label') === label,
      `Thông báo: ${unread} chưa đọc`,
      { timeout },
    );
  }

  async function logLetter(body: Record<string, unknown> = {}) {
    const res = await as(officerToken, api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn: '2026-11-20',
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content:
        'Ông đề nghị xem xét lại quyết định thu hồi đất vì chưa được bồi thường thỏa đáng theo quy định.',
      petitioners: [{ fullName: 'Nguyễn Văn Thử', address: 'Số 1, đường Lê Lợi', idNumber: '079200001234' }],
      eligibility: ALL_PASSED,
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; receiptCode: string; version: number };
  }

  it('signs in, goes back to the page asked for, keeps the session over a reload, signs out for good', async () => {
    const page = await newPage();
    try {
      await page.goto(`${baseUrl}/thong-bao`);
      await page.waitForURL(/\/dang-nhap\?ve=%2Fthong-bao/);
      await checkScreen(page, 'dang-nhap');
      // A wrong password: a message, no session.
      await page.getByLabel('Thư điện tử').fill(world.users.reception_officer.email);
      await page.getByLabel('Mật khẩu').fill('not the password at all');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Thư điện tử hoặc mật khẩu không đúng.').waitFor();
      await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(/\/thong-bao$/);
      await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();

      // The refresh token is an HttpOnly, Secure, SameSite=Strict cookie of the auth routes only.
      const cookies = await browser.cookies();
      const refresh = cookies.find((c) => c.name === 'tiepdan_refresh');
      expect(refresh).toMatchObject({
        httpOnly: true,
        secure: true,
        sameSite: 'Strict',
        path: '/api/v1/auth/browser',
      });
      expect(await page.evaluate(() => document.cookie)).not.toContain('tiepdan_refresh');

      // A reload: the boot script (web/src/boot.ts) refreshes the session and asks for the officer's
      // record before the app has loaded; the app takes both rather than asking again (a second refresh
      // of the same cookie would be refused as a race).
      const asked: string[] = [];
      const onRequest = (r: { url(): string; method(): string }) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/api/')) asked.push(`${r.method()} ${url.pathname}`);
      };
      page.on('request', onRequest);
      await page.reload();
      await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/thong-bao');
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
      page.off('request', onRequest);
      expect(asked.filter((a) => a === 'POST /api/v1/auth/browser/refresh')).toHaveLength(1);
      expect(asked.filter((a) => a === 'GET /api/v1/auth/me')).toHaveLength(1);

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.waitForURL(/\/dang-nhap/);
      // The session ended on the server: the old refresh token no longer works.
      const replay = await api()
        .post('/api/v1/auth/browser/refresh')
        .set('x-tiepdan-console', '1')
        .set('cookie', `tiepdan_refresh=${refresh!.value}`);
      expect(replay.status).toBe(401);
      await page.goto(`${baseUrl}/don`);
      await page.waitForURL(/\/dang-nhap\?ve=%2Fdon/);
    } finally {
      await page.close();
    }
  });

  it('shows the home page: letters by nearest deadline with working days left, the bell, the menu of the role', async () => {
    await logLetter({ subject: 'Khiếu nại về bồi thường giải phóng mặt bằng' });
    const page = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email);
      await page.getByRole('heading', { name: 'Việc hôm nay', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Khiếu nại về bồi thường giải phóng mặt bằng' }).waitFor();
      const due = page.locator('[data-level]').first();
      expect(await due.innerText()).toMatch(
        /\d{2}\/\d{2}\/\d{4} · (còn \d+ ngày làm việc|đến hạn hôm nay|đã qua ngày hạn|quá hạn \d+ ngày làm việc)/,
      );
      const nav = page.getByRole('navigation', { name: 'Trình đơn chính' });
      for (const item of [
        'Việc hôm nay',
        'Ghi sổ tiếp công dân',
        'Sổ tiếp công dân',
        'Tiếp nhận đơn',
        'Danh sách đơn',
        'Thông báo',
      ])
        await nav.getByRole('link', { name: item, exact: true }).waitFor();
      expect(await page.getByTestId('who').innerText()).toContain(world.divisionA.name);
      await checkScreen(page, 'viec-hom-nay');
    } finally {
      await page.close();
    }
    // A role without letters:write or reception:write has no such menu items.
    const custodian = await newPage();
    try {
      await signIn(custodian, world.users.identity_custodian.email);
      const nav = custodian.getByRole('navigation', { name: 'Trình đơn chính' });
      await nav.getByRole('link', { name: 'Danh sách đơn' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Ghi sổ tiếp công dân' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Tiếp nhận đơn' }).count()).toBe(0);
    } finally {
      await custodian.close();
    }
  });

  it('logs a visit with the keyboard alone, checks the căn cước number as typed, and starts the next visit with one keystroke', async () => {
    const page = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email, '/tiep-cong-dan/ghi-so');
      const name = page.getByLabel('Họ và tên');
      await name.waitFor();
      await page.waitForFunction(
        "document.activeElement !== null && document.activeElement.id.includes('fullName')",
      );
      const k = page.keyboard;
      await k.type('Trần Văn Bình');
      await k.press('Tab');
      await k.type('12345');
      await page.getByText('Số căn cước có 12 chữ số (đang có 5)').waitFor();
      await k.type('6789012');
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('.ant-form-item-explain-error')).every(
          (e) => !e.textContent?.includes('Số căn cước'),
        ),
      );
      await k.press('Tab');
      await k.type('Số 5, đường Hai Bà Trưng, phường Bến Nghé');
      await k.press('Tab'); // phone (left empty)
      await k.press('Tab'); // "Thêm người"
      await k.press('Tab');
      await k.type('Công dân trình bày việc chậm cấp giấy chứng nhận quyền sử dụng đất.');
      await k.press('Tab'); // the kinds: the first radio
      await k.press('Space'); // Khiếu nại
      await k.press('Tab'); // earlier handling
      await k.press('Tab'); // within competence (on)
      await k.press('Tab'); // the outcomes: the first radio
      await k.press('ArrowRight'); // Tiếp nhận đơn
      await checkScreen(page, 'ghi-so-tiep-cong-dan');
      await k.press('Control+Enter');
      await page.getByText('Lượt tiếp vừa ghi: lượt tiếp đầu').waitFor();
      // Ready for the next citizen: the name field is empty and focused.
      await page.waitForFunction(
        "document.activeElement !== null && document.activeElement.id.includes('fullName')",
      );
      expect(await name.inputValue()).toBe('');

      const book = await as(officerToken, api().get('/api/v1/reception/visits')).expect(200);
      expect(book.body.total).toBe(1);
      expect(book.body.items[0]).toMatchObject({
        contentKind: 'complaint',
        outcome: 'letter_received',
        withinCompetence: true,
        unitId: world.divisionA.id,
      });

      // The same citizen again: the earlier matter is found as the number is typed.
      await k.type('Trần Văn Bình');
      await k.press('Tab');
      await k.type('123456789012');
      await page.getByText('Công dân này đã đến trình bày trước đây').waitFor();
    } finally {
      await page.close();
    }
  });

  it('shows the API’s field errors beside their fields and saves nothing', async () => {
    const before = (await as(officerToken, api().get('/api/v1/reception/visits')).expect(200)).body.total;
    const page = await newPage();
    try {
      // Today's periodic session: the head's own reception, flagged when chosen.
      const place = await as(officerToken, api().post('/api/v1/reception/places'))
        .send({
          unitId: world.divisionA.id,
          name: 'Phòng tiếp công dân',
          address: '1 Lê Lợi',
          room: 'Phòng 2',
        })
        .expect(201);
      await as(officerToken, api().post('/api/v1/reception/sessions'))
        .send({
          unitId: world.divisionA.id,
          kind: 'periodic',
          placeId: place.body.id,
          date: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10),
          startTime: '07:30',
          endTime: '11:30',
          receiverName: 'Trần Văn Thủ',
          receiverTitle: 'Trưởng phòng',
        })
        .expect(201);
      await signIn(page, world.users.reception_officer.email, '/tiep-cong-dan/ghi-so');
      await page.getByRole('combobox', { name: 'Buổi tiếp định kỳ / đột xuất' }).click();
      await page.locator('.ant-select-item-option', { hasText: 'Trần Văn Thủ' }).click();
      await page.getByText('Buổi tiếp định kỳ của thủ trưởng: Trần Văn Thủ (Trưởng phòng)').waitFor();
      await page.getByLabel('Họ và tên').fill('Lê Thị Cúc');
      await page.getByLabel('Số căn cước').fill('079300001111');
      await page.locator('#citizens_0_address').fill('Thôn 2, xã Tân Lập');
      // The browser does not check telephone numbers; the API does.
      await page.getByLabel('Điện thoại').fill('12345');
      await page.getByLabel('Nội dung vụ việc').fill('Phản ánh về tiếng ồn của xưởng gỗ.');
      await page.getByRole('radio', { name: 'Kiến nghị, phản ánh' }).check();
      await page.getByRole('radio', { name: 'Hướng dẫn đến cơ quan có thẩm quyền' }).check();
      await page.getByLabel('Cơ quan có thẩm quyền được hướng dẫn đến').fill('Ủy ban nhân dân xã Tân Lập');
      await page.getByRole('button', { name: /Lưu và ghi lượt tiếp theo/ }).click();
      const phoneItem = page.locator('.ant-form-item', { has: page.getByLabel('Điện thoại') });
      await phoneItem.getByText('Số điện thoại không đúng (bắt đầu bằng 0 hoặc +84)').waitFor();
      expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Lê Thị Cúc');
      await checkScreen(page, 'ghi-so-loi-nhap');
      const after = (await as(officerToken, api().get('/api/v1/reception/visits')).expect(200)).body.total;
      expect(after).toBe(before);
    } finally {
      await page.close();
    }
  });

  it('keeps a session that ends mid-form: sign in again over the page, the typed text is still there, and it saves', async () => {
    const page = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email, '/tiep-cong-dan/ghi-so');
      await page.getByLabel('Họ và tên').fill('Phạm Văn Đức');
      await page.getByLabel('Số căn cước').fill('079300002222');
      await page.locator('#citizens_0_address').fill('Ấp 3, xã Long Thành');
      await page.getByLabel('Nội dung vụ việc').fill('Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục.');
      await page.getByRole('radio', { name: 'Tố cáo' }).check();
      await page.getByRole('radio', { name: 'Tiếp nhận đơn' }).check();
      // The session ends on the server (revoked, as an administrator or a password change would).
      await dataSource.query(
        'UPDATE auth_sessions SET revoked_at = NOW(3), revoked_reason = ? WHERE user_id = ?',
        ['admin', world.users.reception_officer.id],
      );
      // (The test's own API token went with it.)
      officerToken = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
      await page.keyboard.press('Control+Enter');
      const dialog = page.getByRole('dialog', { name: 'Phiên làm việc đã hết hạn' });
      await dialog.waitFor();
      await checkScreen(page, 'phien-het-han');
      await dialog.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
      await dialog.getByRole('button', { name: 'Đăng nhập' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Phạm Văn Đức');
      expect(await page.getByLabel('Nội dung vụ việc').inputValue()).toContain('nhận tiền');
      await page.keyboard.press('Control+Enter');
      await page.getByText('Lượt tiếp vừa ghi').waitFor();
    } finally {
      await page.close();
    }
  });

  it('shows a 409 version conflict with “tải lại và làm lại” and keeps what the officer typed', async () => {
    const visits = (await as(officerToken, api().get('/api/v1/reception/visits')).expect(200)).body.items;
    const visit = visits[0] as { id: string; version: number };
    const page = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email, `/so-tiep-cong-dan/${visit.id}`);
      await page.getByLabel('Kết quả xử lý').fill('Đã chuyển đơn đến phòng Tài nguyên và Môi trường.');
      // Meanwhile a colleague records a follow-up.
      const token = (await login(app.getHttpServer(), world.users.unit_head.email)).accessToken;
      await as(token, api().patch(`/api/v1/reception/visits/${visit.id}/follow-up`))
        .send({ version: visit.version, followUp: 'Đã hướng dẫn công dân.' })
        .expect(200);
      await page.getByRole('button', { name: 'Lưu kết quả' }).click();
      await page.getByTestId('conflict').waitFor();
      expect(await page.getByLabel('Kết quả xử lý').inputValue()).toBe(
        'Đã chuyển đơn đến phòng Tài nguyên và Môi trường.',
      );
      await checkScreen(page, 'xung-dot-phien-ban');
      await page.getByRole('button', { name: 'Tải lại và làm lại' }).click();
      await page.getByTestId('conflict').waitFor({ state: 'detached' });
      expect(await page.getByLabel('Kết quả xử lý').inputValue()).toBe(
        'Đã chuyển đơn đến phòng Tài nguyên và Môi trường.',
      );
      await page.getByRole('button', { name: 'Lưu kết quả' }).click();
      await page.getByText('Đã lưu kết quả xử lý.').waitFor();
      const saved = await as(officerToken, api().get(`/api/v1/reception/visits/${visit.id}`)).expect(200);
      expect(saved.body.followUp).toBe('Đã chuyển đơn đến phòng Tài nguyên và Môi trường.');
    } finally {
      await page.close();
    }
  });

  it('shows the reception book with its filters', async () => {
    const page = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email, '/so-tiep-cong-dan');
      await page.getByRole('heading', { name: 'Sổ tiếp công dân', level: 1 }).waitFor();
      await page.locator('tbody tr.ant-table-row').first().waitFor();
      await checkScreen(page, 'so-tiep-cong-dan');
    } finally {
      await page.close();
    }
  });

  it('takes in a letter: field errors first, then the receipt code and secret shown once on a printable slip', async () => {
    const page = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email, '/don/tiep-nhan');
      await page.getByLabel('Họ và tên (1)').fill('Võ Thị Em');
      await page.getByLabel('Số căn cước').fill('079300003333');
      await page.locator('#petitioners_0_address').fill('Số 9, đường Nguyễn Huệ');
      await page.getByRole('radio', { name: 'Khiếu nại' }).check();
      await page.getByLabel('Trích yếu').fill('Khiếu nại quyết định xử phạt hành chính');
      // Too short a content: the API says so beside the field; nothing is saved.
      await page.getByLabel('Nội dung đơn').fill('Ng');
      for (const label of [
        'Viết bằng tiếng Việt',
        'Ghi rõ ngày',
        'Có họ tên',
        'Nêu đủ nội dung',
        'Không có nội dung',
        'Đọc được',
      ])
        await page.getByRole('checkbox', { name: new RegExp(label) }).check();
      await page.getByRole('button', { name: 'Vào sổ đơn' }).click();
      const contentItem = page.locator('.ant-form-item', { has: page.getByLabel('Nội dung đơn') });
      await contentItem.locator('.ant-form-item-explain-error').waitFor();
      const none = await as(officerToken, api().get('/api/v1/letters?q=xu phat hanh chinh')).expect(200);
      expect(none.body.total).toBe(0);
      await checkScreen(page, 'tiep-nhan-don');

      await page
        .getByLabel('Nội dung đơn')
        .fill(
          'Bà khiếu nại quyết định xử phạt vi phạm hành chính số 12/QĐ-XPHC vì không đúng người vi phạm.',
        );
      await page.getByRole('button', { name: 'Vào sổ đơn' }).click();
      const dialog = page.getByRole('dialog', { name: 'Đã vào sổ đơn' });
      await dialog.waitFor();
      const code = await dialog.getByTestId('receipt-code').innerText();
      const secret = await dialog.getByTestId('receipt-secret').innerText();
      expect(secret.length).toBeGreaterThan(4);
      const found = await as(officerToken, api().get('/api/v1/letters?q=xu phat hanh chinh')).expect(200);
      expect(found.body.items.map((l: { receiptCode: string }) => l.receiptCode)).toEqual([code]);
      expect(await dialog.getByTestId('receipt').innerText()).toContain('/tra-cuu-don');
      await checkScreen(page, 'giay-bien-nhan');
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(OUTPUT, 'giay-bien-nhan-in.png') });
      await page.emulateMedia({ media: 'screen' });
      // Shown once: the letter's page never shows the secret.
      await page.goto(`${baseUrl}/don/${found.body.items[0].id}`);
      await page.getByRole('heading', { name: `Đơn ${code}` }).waitFor();
      expect(await page.content()).not.toContain(secret);
    } finally {
      await page.close();
    }
  });

  it('takes in a visit’s pending intake from the home page and a letter by e-mail, the date picker greying days off', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const visit = (
      await as(officerToken, api().post('/api/v1/reception/visits'))
        .send({
          unitId: world.divisionA.id,
          visitDate: today,
          visitTime: '08:30',
          receivingOfficerName: 'Cán bộ tiếp',
          peopleCount: 1,
          citizens: [{ fullName: 'Đỗ Văn Giang', idNumber: '079300005555', address: 'Ấp 3, xã Phú Hòa' }],
          summary: 'Ông mang đơn khiếu nại quyết định cưỡng chế đến nộp.',
          contentKind: 'complaint',
          withinCompetence: true,
          outcome: 'letter_received',
        })
        .expect(201)
    ).body as { id: string };
    const page = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email);
      await page
        .locator('section[aria-label="Đơn nhận tại buổi tiếp, chờ vào sổ đơn"]')
        .locator(`a[href="/don/tiep-nhan?luot-tiep=${visit.id}"]`)
        .click();
      await page.waitForURL(new RegExp(`luot-tiep=${visit.id}`));
      await page.getByText('Đơn nhận tại buổi tiếp công dân').waitFor();
      // The picker greys the unit's days off (weekends at least) with their name.
      await page.getByLabel('Ngày nhận').click();
      expect(await page.locator('.ant-picker-dropdown .day-off[title="Ngày nghỉ"]').count()).toBeGreaterThan(
        0,
      );
      await page.keyboard.press('Escape');
      await page.getByLabel('Họ và tên (1)').fill('Đỗ Văn Giang');
      await page.getByRole('radio', { name: 'Khiếu nại' }).check();
      await page.getByLabel('Trích yếu').fill('Khiếu nại quyết định cưỡng chế');
      await page
        .getByLabel('Nội dung đơn')
        .fill('Ông khiếu nại quyết định cưỡng chế thu hồi đất số 45/QĐ-CC.');
      for (const label of [
        'Viết bằng',
        'Ghi rõ ngày',
        'Có họ tên',
        'Nêu đủ',
        'Không có nội dung',
        'Đọc được',
      ])
        await page.getByRole('checkbox', { name: new RegExp(label) }).check();
      await page.getByRole('button', { name: 'Vào sổ đơn' }).click();
      await page.getByRole('dialog', { name: 'Đã vào sổ đơn' }).waitFor();
      const fromVisit = await as(officerToken, api().get('/api/v1/letters?q=cuong che thu hoi')).expect(200);
      expect(fromVisit.body.items).toEqual([
        expect.objectContaining({ channel: 'reception_visit', visitId: visit.id }),
      ]);
      const intakes = await as(officerToken, api().get('/api/v1/reception/pending-intakes')).expect(200);
      expect(intakes.body.items.map((i: { visitId: string }) => i.visitId)).not.toContain(visit.id);

      // By e-mail: the writer's address kept with the petitioner.
      await page.goto(`${baseUrl}/don/tiep-nhan`);
      await page.getByRole('combobox', { name: 'Nguồn đơn' }).click();
      await page.locator('.ant-select-item-option[title="Thư điện tử"]').click();
      await page.getByLabel('Họ và tên (1)').fill('Phan Thị Hạnh');
      await page.locator('#petitioners_0_email').fill('hanh.phan@example.vn');
      await page.getByRole('radio', { name: 'Kiến nghị, phản ánh' }).check();
      await page.getByLabel('Trích yếu').fill('Kiến nghị về đèn chiếu sáng');
      await page
        .getByLabel('Nội dung đơn')
        .fill('Đề nghị sửa đèn chiếu sáng công cộng đường số 7 đã hỏng lâu ngày.');
      for (const label of [
        'Viết bằng',
        'Ghi rõ ngày',
        'Có họ tên',
        'Nêu đủ',
        'Không có nội dung',
        'Đọc được',
      ])
        await page.getByRole('checkbox', { name: new RegExp(label) }).check();
      await page.getByRole('button', { name: 'Vào sổ đơn' }).click();
      await page.getByRole('dialog', { name: 'Đã vào sổ đơn' }).waitFor();
      await checkScreen(page, 'tiep-nhan-don-thu-dien-tu');
      const byMail = await as(officerToken, api().get('/api/v1/letters?q=den chieu sang')).expect(200);
      expect(byMail.body.items).toEqual([expect.objectContaining({ channel: 'email' })]);
      const letter = await as(officerToken, api().get(`/api/v1/letters/${byMail.body.items[0].id}`)).expect(
        200,
      );
      expect(letter.body.petitioners).toEqual([
        expect.objectContaining({ fullName: 'Phan Thị Hạnh', email: 'hanh.phan@example.vn' }),
      ]);
    } finally {
      await page.close();
    }
  });

  it('lists letters: search without diacritics, overdue filter, nearest deadline first, and a letter with its deadline explained', async () => {
    const late = await logLetter({ subject: 'Khiếu nại về cấp phép xây dựng', receivedOn: '2026-09-01' });
    await logLetter({
      classification: 'petition',
      complaintTrack: undefined,
      subject: 'Kiến nghị sửa đường liên xã',
      receivedOn: '2026-11-25',
    });
    const page = await newPage();
    const rows = page.locator('.ant-table-tbody-virtual .ant-table-row');
    try {
      await signIn(page, world.users.reception_officer.email, '/don');
      await page.getByRole('heading', { name: 'Danh sách đơn', level: 1 }).waitFor();
      await rows.first().waitFor();
      // Nearest deadline first: the September letter leads.
      expect(await rows.first().innerText()).toContain(late.receiptCode);
      const all = await page.getByTestId('letters-count').innerText();
      // Filtered in the browser as typed, the address following.
      await page.getByRole('searchbox', { name: 'Tìm đơn' }).fill('cap phep xay dung');
      await page.waitForURL(/q=cap/);
      await page.waitForFunction(
        () => document.querySelectorAll('.ant-table-tbody-virtual .ant-table-row').length === 1,
      );
      expect(await rows.innerText()).toContain('Khiếu nại về cấp phép xây dựng');
      expect(await page.getByTestId('letters-count').innerText()).toMatch(/^1 \/ \d+ đơn$/);
      await checkScreen(page, 'danh-sach-don');
      await page.getByRole('searchbox', { name: 'Tìm đơn' }).fill('');
      await page.getByTestId('letters-count').getByText(all).waitFor();
      // The kind filter: no denunciation among them once "Khiếu nại" is chosen.
      await page.getByRole('combobox', { name: 'Phân loại' }).click();
      await page.locator('.ant-select-item-option[title="Khiếu nại"]').click();
      await page.waitForURL(/loai=complaint/);
      await page
        .getByTestId('letters-count')
        .getByText(/^\d+ \/ \d+ đơn$/)
        .waitFor();
      for (const row of await rows.allInnerTexts()) expect(row).toContain('Khiếu nại');
      // The menu's "Danh sách đơn" starts again from the whole list.
      await page.getByRole('navigation').getByRole('link', { name: 'Danh sách đơn' }).click();
      await page.getByTestId('letters-count').getByText(all).waitFor();
      expect(page.url()).not.toContain('loai=');
      await page.goto(`${baseUrl}/don?han=qua-han`);
      await rows.first().waitFor();
      const overdue = await rows.allInnerTexts();
      expect(overdue.length).toBeGreaterThan(0);
      for (const row of overdue) expect(row).toMatch(/quá hạn \d+ ngày làm việc/);
      await page.getByRole('link', { name: 'Khiếu nại về cấp phép xây dựng' }).click();
      await page.getByRole('heading', { name: 'Thời hạn', level: 2 }).waitFor();
      await page.getByText(/Trong 10 ngày kể từ ngày nhận đơn/).waitFor();
      await checkScreen(page, 'don');
    } finally {
      await page.close();
    }
  });

  it('splits a mixed letter into one letter per kind, each with its receipt code and secret shown once', async () => {
    const mixed = await logLetter({
      classification: 'mixed',
      complaintTrack: undefined,
      subject: 'Đơn vừa khiếu nại vừa tố cáo',
      content: 'Khiếu nại quyết định thu hồi đất và tố cáo cán bộ địa chính nhận tiền khi đo đạc.',
    });
    const page = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email, `/don/${mixed.id}`);
      await page.getByRole('heading', { name: 'Tách đơn có nhiều nội dung', level: 2 }).waitFor();
      await page.getByLabel('Trích yếu đơn 1').fill('Khiếu nại quyết định thu hồi đất');
      await page
        .getByLabel('Nội dung đơn 1')
        .fill('Khiếu nại quyết định thu hồi đất vì chưa được bồi thường thỏa đáng.');
      await page.getByLabel('Trích yếu đơn 2').fill('Tố cáo cán bộ địa chính');
      await page.getByLabel('Nội dung đơn 2').fill('Tố cáo cán bộ địa chính nhận tiền khi đo đạc đất.');
      await checkScreen(page, 'tach-don');
      await page.getByRole('button', { name: 'Tách đơn' }).click();
      const result = page.getByTestId('split-result');
      await result.waitFor();
      expect(await result.locator('li').count()).toBe(2);
      const parent = await as(officerToken, api().get(`/api/v1/letters/${mixed.id}`)).expect(200);
      expect(parent.body.status).toBe('split');
      await checkScreen(page, 'tach-don-xong');
    } finally {
      await page.close();
    }
  });

  it('never shows a denouncer to a role that may not see them', async () => {
    const denouncer = markedDenouncer();
    const letter = await logLetter({
      classification: 'denunciation',
      complaintTrack: undefined,
      subject: 'Tố cáo hành vi nhận hối lộ',
      content: `Tôi là ${denouncer.fullName}, tố cáo cán bộ địa chính xã nhận tiền khi làm thủ tục đất đai.`,
      petitioners: [
        {
          fullName: denouncer.fullName,
          address: denouncer.address,
          idNumber: denouncer.idNumber,
          phone: denouncer.phone,
          email: denouncer.email,
        },
      ],
    });
    // Only the receiver, the accepting head, a custodian or a reveal grant may (docs/identity-protection.md).
    for (const role of ['case_handler', 'inspectorate_leader', 'unit_head'] as const) {
      const page = await newPage();
      try {
        await signIn(page, world.users[role].email, '/don');
        await page.getByRole('heading', { name: 'Danh sách đơn', level: 1 }).waitFor();
        await page.locator('.ant-table-tbody-virtual .ant-table-row').first().waitFor();
        const texts = [await page.content()];
        await page.goto(`${baseUrl}/don/${letter.id}`);
        await page.getByRole('heading', { name: 'Thời hạn', level: 2 }).waitFor();
        texts.push(await page.content());
        await page.goto(`${baseUrl}/`);
        await page.getByRole('heading', { name: 'Việc hôm nay', level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        texts.push(await page.content());
        expect({ role, hits: findMarkers(texts.join('\n'), needlesOf('denouncer', denouncer)) }).toEqual({
          role,
          hits: [],
        });
      } finally {
        await page.close();
      }
    }
  });

  it('lists notifications, marks one and then all read, and the bell follows without a reload', async () => {
    const insert = (n: number) =>
      dataSource.query(
        `INSERT INTO notifications (id, user_id, kind, source_key, title, body, link, subject_type, subject_id, unit_id, read_at, created_at)
         VALUES (UUID(), ?, 'escalation', ?, ?, 'Đơn sắp đến hạn xử lý.', NULL, NULL, NULL, NULL, NULL, NOW(3))`,
        [world.users.reception_officer.id, `console-test-${n}`, `Nhắc hạn xử lý đơn số ${n}`],
      );
    await insert(1);
    await insert(2);
    const page = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email, '/thong-bao');
      await page.getByText('Nhắc hạn xử lý đơn số 2').waitFor();
      const bell = page.getByTestId('bell');
      await bellSays(page, 2);
      await checkScreen(page, 'thong-bao');
      await page.getByRole('button', { name: 'Đánh dấu đã đọc: Nhắc hạn xử lý đơn số 1' }).click();
      await bellSays(page, 1);
      // A new notification arrives: the bell counts it without a reload.
      await insert(3);
      await bellSays(page, 2, 25_000);
      await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
      await bellSays(page, 0);
      expect(await bell.getAttribute('aria-label')).toBe('Thông báo: 0 chưa đọc');
      const unread = await as(officerToken, api().get('/api/v1/notifications/unread-count')).expect(200);
      expect(unread.body.unread).toBe(0);
    } finally {
      await page.close();
    }
  }, 60_000);
});
