import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CaseDeadlinesService } from '../../src/case-deadlines/case-deadlines.service.js';
import { Clock } from '../../src/common/clock.js';
import { addDays, weekday } from '../../src/common/domain/local-date.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally, signInToConsole } from '../support/browser.js';
import { screenChecker } from '../support/screens.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

// Run in the page (the console's CSP forbids evaluating strings there).
declare const document: { activeElement: { getAttribute(name: string): string | null } | null };

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console');

/**
 * Working calendars in the console (issue 18) in Chromium against the real API, worker, MariaDB and
 * Redis: an administrator enters next year's national calendar by importing an iCalendar file with one
 * bad row (refused whole, the row named), then the good file (the preview's count of deadlines it will
 * move, then the deadlines it moved), confirms the year, and adds a day off whose preview count is what
 * the change then moves. Every screen passes axe-core and is photographed at both widths.
 */
describe('the console calendar pages in a real browser', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  let today: string;
  let year: number;
  let admin: { id: string; email: string };
  const api = () => request(app.getHttpServer());

  /** The first day of that weekday (1 = Monday) on or after a date. */
  const onOrAfter = (date: string, isoWeekday: number) => addDays(date, (isoWeekday - weekday(date) + 7) % 7);

  /** A complaint case in Phòng A1 with an open acceptance deadline (KN-2, 7 working days) from a trigger. */
  async function caseWithDeadline(trigger: string) {
    const id = randomUUID();
    const caseNumber = `KN-${id.slice(0, 6)}`;
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SET FOREIGN_KEY_CHECKS = 0'); // the case's letter is never read here
      await runner.query(
        `INSERT INTO complaint_cases (id, case_number, letter_id, unit_id, track, state, subject, received_on, search_text)
         VALUES (?, ?, ?, ?, 'first_time', 'received', 'Khiếu nại việc cấp giấy phép', ?, '')`,
        [id, caseNumber, randomUUID(), world.divisionA.id, trigger],
      );
    } finally {
      await runner.query('SET FOREIGN_KEY_CHECKS = 1');
      await runner.release();
    }
    const deadline = await dataSource.transaction((m) =>
      app.get(CaseDeadlinesService).open(m, SYSTEM_ACTOR, {
        subjectType: 'complaint_case',
        subjectId: id,
        unitId: world.divisionA.id,
        purpose: 'acceptance',
        ruleId: 'KN-2',
        trigger,
      }),
    );
    return { id, caseNumber, deadlineId: deadline.id, due: deadline.dueDate };
  }

  const dueOf = async (deadlineId: string): Promise<string> =>
    (await dataSource.query('SELECT due_date AS d FROM case_deadlines WHERE id = ?', [deadlineId]))[0].d;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    worker = await startWorker();
    world = await twoAgencies(app);
    admin = await world.f.user(world.province.id, ['admin']);
    today = app.get(Clock).today();
    year = Number(today.slice(0, 4)) + 1;
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
   * axe at both widths, and a screenshot of each: the whole page, or for a part (`region`: a dialog, a
   * card) axe on that part alone (the page around it was checked already) and the screen showing it.
   */
  const checkScreen = screenChecker(OUTPUT);

  /** The latest change's moved deadlines once the worker has processed it: [case number, old, new]. */
  async function movedShown(page: Page): Promise<number> {
    const latest = page.locator('[data-testid="latest-change"][data-moved]');
    await latest.waitFor({ timeout: 30_000 });
    const moved = Number(await latest.getAttribute('data-moved'));
    expect(await latest.innerText()).toContain(`${moved} thời hạn đã dời`);
    return moved;
  }

  it('imports next year with a bad row (refused, row named), then the good file, confirms it and sees what moved; a day off moves what its preview said', async () => {
    // Deadlines running over two days of next June: D (in the file) and D2 (added by hand).
    const d = onOrAfter(`${year}-06-10`, 3);
    const d2 = addDays(d, 15);
    const overD = await caseWithDeadline(addDays(d, -2));
    const overD2 = await caseWithDeadline(addDays(d2, -1));
    const { accessToken } = await login(app.getHttpServer(), admin.email);
    const exported = await api()
      .get(`/api/v1/calendars/national/years/${year}/export?format=ics`)
      .set('authorization', `Bearer ${accessToken}`);
    expect(exported.status).toBe(200);
    const event = (date: string, uid: string) =>
      [
        'BEGIN:VEVENT',
        `UID:${uid}@test`,
        'DTSTAMP:20260101T000000Z',
        `DTSTART;VALUE=DATE:${date.replaceAll('-', '')}`,
        'SUMMARY:Ngày nghỉ theo quyết định thử nghiệm',
        'CATEGORIES:day_off',
        'END:VEVENT',
      ].join('\r\n');
    const events = (exported.text.match(/BEGIN:VEVENT/g) ?? []).length;
    const withEvents = (...extra: string[]) =>
      Buffer.from(exported.text.replace('END:VCALENDAR', `${extra.join('\r\n')}\r\nEND:VCALENDAR`));
    const good = withEvents(event(d, 'extra'));
    const bad = withEvents(event(d, 'extra'), event(`${year + 1}-01-05`, 'wrong-year'));

    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    try {
      await signIn(page, admin.email, `/quan-tri/lich-lam-viec?nam=${year}`);
      await page.getByRole('heading', { name: 'Lịch làm việc', level: 1 }).waitFor();
      await page.getByTestId('year-state').getByText('tạm tính').waitFor();
      // From 2 November the readiness warning is on the page and in the shell's banner.
      const warned = today.slice(5) >= '11-02';
      expect(await page.getByTestId('calendar-readiness-banner').count()).toBe(warned ? 1 : 0);
      expect(await page.getByTestId('readiness-warning').count()).toBe(warned ? 1 : 0);
      // The grid: a named button per day, arrows move the focus, Page Down a month.
      await page.locator(`button[data-date="${year}-01-01"]`).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('PageDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-date'))).toBe(
        `${year}-02-02`,
      );
      expect(await page.locator(`button[data-date="${year}-01-01"]`).getAttribute('aria-label')).toMatch(
        /^1, Thứ .+ 01\/01\/\d{4} — Ngày nghỉ — .+ — Tính theo Bộ luật Lao động \(tạm tính\)$/,
      );
      await page.locator('.cal-year').scrollIntoViewIfNeeded();
      await checkScreen(page, 'lich-lam-viec');

      // A file with one bad row is refused whole, the row named.
      await page.getByRole('button', { name: 'Nhập từ tệp…' }).click();
      await page.setInputFiles('#cal-file', { name: 'lich.ics', mimeType: 'text/calendar', buffer: bad });
      const problems = page.getByTestId('import-problems');
      await problems.waitFor();
      expect(await problems.innerText()).toContain(
        `Dòng ${events + 2}, cột DTSTART (ngày): ngày không thuộc năm ${year}`,
      );
      expect(await page.getByRole('button', { name: 'Nhập lịch' }).isDisabled()).toBe(true);
      const [{ entries }] = await dataSource.query('SELECT COUNT(*) AS entries FROM calendar_entries');
      expect(Number(entries)).toBe(0);
      await checkScreen(page, 'lich-lam-viec-nhap-loi', '.ant-modal-wrap');

      // The good file: the preview counts the deadline over D before anything is saved.
      await page.setInputFiles('#cal-file', { name: 'lich.ics', mimeType: 'text/calendar', buffer: good });
      await page.getByTestId('impact-preview').getByText('Thay đổi này sẽ dời 1 thời hạn đang mở.').waitFor();
      expect(await page.getByTestId('impact-preview').innerText()).toContain(overD.caseNumber);
      await page.getByRole('button', { name: 'Nhập lịch' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      expect(await movedShown(page)).toBe(1);
      await expect(page.getByTestId('moved-list').innerText()).resolves.toContain(overD.caseNumber);
      await checkScreen(page, 'lich-lam-viec-da-doi', '[data-testid="recent-changes"]');
      await until(async () => (await dueOf(overD.deadlineId)) !== overD.due, 10_000);
      expect(await page.locator(`button[data-date="${d}"]`).getAttribute('aria-label')).toContain(
        'Đặt tại phạm vi này',
      );

      // Confirm the year: it is no longer provisional and the warning goes.
      await page.getByRole('button', { name: `Xác nhận năm ${year}` }).click();
      await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
      await page.getByTestId('year-state').getByText('đã xác nhận').waitFor();
      await until(async () => (await page.getByTestId('calendar-readiness-banner').count()) === 0, 10_000);
      // Confirming changes the calendar's version, not its days: the worker moves no due date.
      expect(await movedShown(page)).toBe(0);

      // A day off by hand: the preview's count is what the saved change moves.
      await page.locator(`button[data-date="${d2}"]`).click();
      await page.getByLabel('Lý do / tên ngày').fill('Nghỉ bù theo quyết định của tỉnh');
      await page.getByLabel('Căn cứ pháp lý').fill('QĐ 12/QĐ-UBND');
      const preview = page.getByTestId('impact-preview');
      await preview.getByText(/sẽ dời (\d+) thời hạn/).waitFor();
      const previewed = Number(/sẽ dời (\d+) thời hạn/.exec(await preview.innerText())![1]);
      expect(await preview.innerText()).toContain(overD2.caseNumber);
      await checkScreen(page, 'lich-lam-viec-them-ngay', '.ant-modal-wrap');
      await page.getByRole('button', { name: 'Lưu ngày này' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' }); // saved: the new change is the latest
      expect(await movedShown(page)).toBe(previewed);
      const [{ n }] = await dataSource.query(
        `SELECT COUNT(*) AS n FROM case_deadline_changes c
         WHERE c.calendar_change_id = (SELECT id FROM calendar_changes ORDER BY created_at DESC, id DESC LIMIT 1)
           AND c.previous_due <> c.new_due`,
      );
      expect(Number(n)).toBe(previewed);
      await expect(page.getByTestId('moved-list').innerText()).resolves.toContain(overD2.caseNumber);

      // Export: the download is the year as iCalendar, with the day added.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải iCalendar' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`calendar-national-${year}.ics`);
    } finally {
      await page.close();
    }
  }, 180_000);
});
