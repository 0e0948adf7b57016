import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { addDays, weekday } from '../../src/common/domain/local-date.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally, signInToConsole } from '../support/browser.js';
import { screenChecker, selectListsClosed, VIEWPORTS } from '../support/screens.js';
import { truncateAll } from '../support/database.js';
import { Fixtures, login } from '../support/fixtures.js';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console');

interface ApiSession {
  id: string;
  date: string;
  nominalDate: string | null;
  originalDate: string | null;
  status: string;
  statusReason: string | null;
  calendarConflict: boolean;
  conflictReason: string | null;
  suggestedDate: string | null;
  kind: string;
}

/** `dd/MM/yyyy`, as the console shows and takes dates. */
const vi = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const nextMonthOf = (date: string) => {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 1));
  return d.toISOString().slice(0, 7);
};

/**
 * The reception screens (issue 18) in Chromium against the real API, worker, MariaDB and Redis: an
 * officer creates a place and a "second Thursday" schedule (its coming dates previewed before saving,
 * equal to what is saved), sees its sessions on the month calendar; an administrator makes one of those
 * days a day off and the session is flagged with the day off's name, then moved to the next working day
 * with a public reason, the calendar showing both days as the API has them; an online ad hoc session
 * posted inside the TCD-6 window is warned, postponed with a public reason that the public calendar
 * shows; the head's duty view has the API's numbers and highlights the unit short of its duty. Every
 * screen passes axe-core and is photographed at both widths.
 */
describe('the console reception pages in a real browser', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  let today: string;
  let province: { id: string };
  let agency: { id: string; code: string };
  let officer: { email: string };
  let admin: { email: string };
  const api = () => request(app.getHttpServer());
  const checkScreen = screenChecker(OUTPUT);

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    worker = await startWorker();
    const f = new Fixtures(app);
    province = await f.unit('Ủy ban nhân dân tỉnh Thử nghiệm', 'province');
    agency = (await f.unit('Sở Tư pháp', 'agency', province.id)) as { id: string; code: string };
    officer = await f.user(province.id, ['reception_officer']);
    admin = await f.user(province.id, ['admin']);
    today = app.get(Clock).today();
    baseUrl = await listenLocally(app);
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await chromium?.close();
    await worker?.close();
    await app?.close();
  });

  const signIn = (page: Page, email: string, path: string) =>
    signInToConsole(page, `${baseUrl}${path}`, email);

  /**
   * Picks an option of the antd select labelled `label` inside `scope` and waits for its list to close;
   * under load a click can land while the list is still opening, so it is tried again until the select
   * shows the option.
   */
  async function choose(page: Page, scope: string, label: string, option: string) {
    const named = page.getByRole('combobox', { name: label, exact: true });
    const box = page.locator(scope).locator(named);
    const select = page.locator(scope).locator('.ant-select', { has: named });
    for (let attempt = 0; attempt < 3; attempt++) {
      await box.click();
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
      await selectListsClosed(page, 2_000).catch(async () => {
        await page.keyboard.press('Escape');
        await selectListsClosed(page);
      });
      if ((await select.innerText()).includes(option)) return;
    }
    throw new Error(`could not choose "${option}" in "${label}"`);
  }

  /** Types a date into the antd date picker labelled `label` inside `scope`. */
  async function typeDate(page: Page, scope: string, label: string, date: string) {
    const input = page.locator(scope).getByLabel(label, { exact: true });
    await input.click();
    await input.fill(vi(date));
    await input.press('Enter');
  }

  const sessionsOf = async (token: string, from: string, to: string): Promise<ApiSession[]> =>
    (
      await api()
        .get(`/api/v1/reception/sessions?unitId=${agency.id}&from=${from}&to=${to}&pageSize=200`)
        .set('authorization', `Bearer ${token}`)
    ).body.items;

  it('a place, a "second Thursday" schedule previewed and laid out; a new day off moves a session; a postponed session on the public calendar; the head’s duty', async () => {
    const { accessToken } = await login(app.getHttpServer(), officer.email);
    const month = nextMonthOf(today);
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    try {
      // A place, through the console.
      await signIn(page, officer.email, `/tiep-cong-dan/dia-diem?don-vi=${agency.id}`);
      await page.getByRole('heading', { name: 'Địa điểm tiếp công dân', level: 1 }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Trình đơn chính' });
      for (const item of ['Lịch tiếp công dân', 'Địa điểm tiếp', 'Thủ trưởng tiếp dân'])
        await nav.getByRole('link', { name: item, exact: true }).waitFor();
      await page.getByRole('button', { name: 'Thêm địa điểm' }).click();
      const placeForm = '.ant-modal-wrap';
      await page.locator(placeForm).getByLabel('Tên địa điểm').fill('Trụ sở tiếp công dân Sở Tư pháp');
      await page.locator(placeForm).getByLabel('Địa chỉ').fill('12 Trần Hưng Đạo, phường Tân Phú');
      await page.locator(placeForm).getByLabel('Phòng').fill('Phòng 101');
      await page.getByRole('button', { name: 'Thêm địa điểm', exact: true }).last().click();
      await page.getByTestId('place-name').getByText('Trụ sở tiếp công dân Sở Tư pháp').waitFor();
      await checkScreen(page, 'tiep-dia-diem');

      // A periodic schedule: "second Thursday" chosen in words, its coming dates previewed.
      await page.goto(`${baseUrl}/tiep-cong-dan/lich?don-vi=${agency.id}&thang=${month}`);
      await page.getByRole('heading', { name: 'Lịch tiếp công dân', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Thêm lịch' }).click();
      const dialog = '.ant-modal-wrap';
      // On a phone (390 px) every "Kiểu lặp" choice is read whole: short names, their meaning wrapped.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator(dialog).getByRole('combobox', { name: 'Kiểu lặp', exact: true }).click();
      const choices = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await choices.nth(2).getByText('ví dụ thứ Năm tuần thứ hai').waitFor();
      type Box = { scrollWidth: number; clientWidth: number; innerText: string };
      const cutOff = await choices.evaluateAll((items) =>
        items
          .map((item) => item as unknown as { querySelectorAll(s: string): ArrayLike<unknown> })
          .flatMap((item) => [item, ...Array.from(item.querySelectorAll('*'))])
          .map((el) => el as Box)
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.innerText),
      );
      expect(cutOff).toEqual([]);
      await page.screenshot({ path: join(OUTPUT, 'tiep-kieu-lap-phone.png') });
      await page.keyboard.press('Escape');
      await selectListsClosed(page);
      await page.setViewportSize(VIEWPORTS.desktop);
      await choose(page, dialog, 'Kiểu lặp', 'Hằng tháng theo thứ');
      await page.getByTestId('recurrence-words').getByText('thứ Năm tuần thứ hai hằng tháng').waitFor();
      await page.locator(dialog).getByLabel('Thủ trưởng tiếp').fill('Nguyễn Văn Hùng');
      await page.locator(dialog).getByLabel('Chức vụ').fill('Giám đốc Sở');
      const preview = page.getByTestId('schedule-preview');
      await preview.locator('li[data-date]').first().waitFor();
      const previewed = await preview
        .locator('li[data-date]')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-date')));
      // Each previewed date is the second Thursday of its month, or the working day it moved to.
      await checkScreen(page, 'tiep-lich-moi', dialog);
      await page.getByRole('button', { name: 'Lưu lịch' }).click();
      await page
        .getByTestId('command-result')
        .getByText(/Đã lưu lịch “thứ Năm tuần thứ hai hằng tháng”/)
        .waitFor();
      const saved = await sessionsOf(accessToken, today, addDays(today, 400));
      expect(saved.slice(0, previewed.length).map((s) => s.date)).toEqual(previewed);
      for (const s of saved) {
        const nominal = s.nominalDate!;
        expect(weekday(nominal)).toBe(4);
        expect(Number(nominal.slice(8))).toBeGreaterThanOrEqual(8);
        expect(Number(nominal.slice(8))).toBeLessThanOrEqual(14);
      }

      // The month calendar shows next month's session on its day.
      const [target] = saved.filter((s) => s.date.startsWith(month));
      const grid = page.getByTestId('reception-month');
      const cell = (date: string) => grid.locator(`td[data-date="${date}"]`);
      await cell(target.date).locator(`button[data-session="${target.id}"]`).waitFor();
      await checkScreen(page, 'tiep-lich-thang');

      // An administrator makes that day a day off: the session is flagged with its name.
      const dayOff = 'Nghỉ theo quyết định của tỉnh';
      const adminToken = (await login(app.getHttpServer(), admin.email)).accessToken;
      const put = await api()
        .put(`/api/v1/calendars/${agency.id}/entries/${target.date}`)
        .set('authorization', `Bearer ${adminToken}`)
        .send({ kind: 'day_off', name: dayOff });
      expect(put.status).toBe(200);
      const current = async () =>
        (
          await api()
            .get(`/api/v1/reception/sessions/${target.id}`)
            .set('authorization', `Bearer ${accessToken}`)
        ).body as ApiSession;
      await until(async () => (await current()).calendarConflict, 20_000);
      const flaggedApi = await current();
      expect(flaggedApi.conflictReason).toBe(dayOff);
      await page.reload();
      const flagged = page.getByTestId('flagged');
      await flagged.getByTestId('conflict-reason').getByText(dayOff).waitFor();
      expect(await cell(target.date).locator('button[data-tone="conflict"]').innerText()).toContain(dayOff);
      await checkScreen(page, 'tiep-lich-trung-ngay-nghi', '[data-testid="flagged"]');

      // Moved to the next working day with the reason filled in; both days show it as the API has it.
      await flagged.getByRole('button', { name: `Dời sang ${vi(flaggedApi.suggestedDate!)}` }).click();
      await page
        .getByTestId('public-preview')
        .getByText(/Lịch mới \(hoãn từ/)
        .waitFor();
      await page.getByRole('button', { name: 'Hoãn buổi tiếp' }).click();
      await page
        .getByTestId('command-result')
        .getByText(/Đã hoãn buổi tiếp sang/)
        .waitFor();
      const moved = await current();
      expect(moved).toMatchObject({
        status: 'postponed',
        date: flaggedApi.suggestedDate,
        originalDate: target.date,
        calendarConflict: false,
      });
      expect(moved.statusReason).toContain(dayOff);
      await flagged.waitFor({ state: 'detached' });
      if (moved.date.startsWith(month)) {
        const newDay = cell(moved.date).locator('button[data-tone="postponed"]');
        expect(await newDay.innerText()).toContain(`hoãn từ`);
        expect(await newDay.innerText()).toContain(vi(target.date));
      }
      const left = await cell(target.date).locator('[data-marker="moved-away"]').innerText();
      expect(left).toContain(`Hoãn, chuyển sang ${vi(moved.date)}`);
      expect(left).toContain(dayOff);

      // An online ad hoc session on the first weekday three days ahead: inside the TCD-6 window, so published with a warning.
      let adHocDate = addDays(today, 3);
      while (weekday(adHocDate) > 5) adHocDate = addDays(adHocDate, 1);
      await page.getByRole('button', { name: 'Thêm buổi tiếp' }).click();
      await choose(page, dialog, 'Hình thức', 'Trực tuyến (từ 01/7/2026)');
      await typeDate(page, dialog, 'Ngày', adHocDate);
      await page
        .locator(dialog)
        .getByLabel('Đường dẫn phòng họp trực tuyến')
        .fill('https://hop.example.vn/tiep-dan');
      await page.locator(dialog).getByLabel('Giờ bắt đầu').fill('14:00');
      await page.locator(dialog).getByLabel('Giờ kết thúc').fill('16:00');
      await page.locator(dialog).getByLabel('Người chủ trì tiếp').fill('Trần Văn Bình');
      await page.getByRole('button', { name: 'Thêm buổi tiếp', exact: true }).last().click();
      const result = page.getByTestId('command-result');
      await result.locator('li[data-code="RECEPTION_POSTED_LATE"]').waitFor();
      expect(await result.innerText()).toContain('đăng muộn');
      await checkScreen(page, 'tiep-buoi-dang-muon', '[data-testid="command-result"]');
      const [adHoc] = (await sessionsOf(accessToken, adHocDate, adHocDate)).filter(
        (s) => s.kind === 'ad_hoc',
      );

      // Postponed with a public reason, from its panel.
      const reason = 'Lãnh đạo Sở họp đột xuất với Ủy ban nhân dân tỉnh';
      const newDate = addDays(adHocDate, 7); // the same weekday a week later
      await page.goto(`${baseUrl}/tiep-cong-dan/lich?don-vi=${agency.id}&thang=${adHocDate.slice(0, 7)}`);
      await cell(adHocDate).locator(`button[data-session="${adHoc.id}"]`).click();
      await page.getByTestId('session-panel').getByTestId('posted-late').waitFor();
      await checkScreen(page, 'tiep-buoi-chi-tiet', '.ant-drawer');
      await page.getByRole('button', { name: 'Hoãn sang ngày khác' }).click();
      await typeDate(page, dialog, 'Ngày mới', newDate);
      await page.locator(dialog).getByLabel('Lý do (công khai)').fill(reason);
      await page.getByTestId('public-preview').getByText(reason).waitFor();
      await checkScreen(page, 'tiep-hoan-buoi', dialog);
      await page.getByRole('button', { name: 'Hoãn buổi tiếp' }).click();
      await page
        .getByTestId('command-result')
        .getByText(/Đã hoãn buổi tiếp sang/)
        .waitFor();

      // The public calendar shows the reason.
      const publicPage = await browser.newPage();
      try {
        await publicPage.goto(
          `${baseUrl}/lich-tiep-cong-dan?don-vi=${encodeURIComponent(agency.code)}&thang=${newDate.slice(0, 7)}`,
        );
        const text = await publicPage.locator('main').innerText();
        expect(text).toContain(`Lý do: ${reason}.`);
        expect(text).toContain('Lịch mới');
      } finally {
        await publicPage.close();
      }

      // The head's duty: the API's numbers; the province (no periodic session) is short.
      await page.goto(`${baseUrl}/tiep-cong-dan/thu-truong?thang=${month}`);
      await page.getByRole('heading', { name: 'Thủ trưởng tiếp công dân định kỳ', level: 1 }).waitFor();
      const duty = (
        await api()
          .get(`/api/v1/reception/head-duty?month=${month}`)
          .set('authorization', `Bearer ${accessToken}`)
      ).body as {
        unit: { name: string };
        compliant: boolean | null;
        periods: { held: number; required: number }[];
      }[];
      expect(duty.map((d) => d.unit.name).sort()).toEqual(['Sở Tư pháp', 'Ủy ban nhân dân tỉnh Thử nghiệm']);
      for (const d of duty) {
        const card = page.locator(`[data-testid="duty-unit"][data-unit="${d.unit.name}"]`);
        const held = d.periods.reduce((n, p) => n + Math.min(p.held, p.required), 0);
        const required = d.periods.reduce((n, p) => n + p.required, 0);
        expect(await card.getByTestId('duty-count').innerText()).toContain(`Đã tiếp ${held}/${required}`);
        expect(await card.evaluate((el) => el.classList.contains('duty-short'))).toBe(d.compliant === false);
      }
      expect(duty.find((d) => d.unit.name !== 'Sở Tư pháp')?.compliant).toBe(false);
      await checkScreen(page, 'tiep-thu-truong');

      // A reader (reception:read, not write: the administrator) sees the calendar without the commands.
      await signIn(page, admin.email, `/tiep-cong-dan/lich?don-vi=${agency.id}&thang=${month}`);
      await cell(target.date).locator('[data-marker="moved-away"]').waitFor();
      expect(await page.getByRole('button', { name: 'Thêm lịch' }).count()).toBe(0);
      expect(
        await page
          .getByRole('navigation', { name: 'Trình đơn chính' })
          .getByRole('link', { name: 'Địa điểm tiếp' })
          .count(),
      ).toBe(0);
      await grid.locator(`button[data-session="${target.id}"]`).click();
      await page
        .getByTestId('session-panel')
        .getByTestId('public-status')
        .getByText(/Lịch mới/)
        .waitFor();
      expect(await page.getByRole('button', { name: 'Hoãn sang ngày khác' }).count()).toBe(0);
    } finally {
      await page.close();
    }
  }, 180_000);
});
