import { DashboardCountsRefresher } from '../../src/dashboard/dashboard-counts.refresher.js';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import type { DashboardView } from '../../src/dashboard/dashboard.dto.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally, signInToConsole } from '../support/browser.js';
import { screenChecker } from '../support/screens.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { startWorker } from '../support/worker.js';
import { insertDashboardRows } from './matrix/dashboard.rules.js';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console');

/**
 * The console's oversight area in Chromium against the real API, worker, MariaDB and Redis (issue 18):
 * an inspectorate leader opens the dashboard (the same numbers as GET /api/v1/dashboard), clicks a
 * unit's overdue bar and a month's column through to the cases behind them, previews a report laid
 * out like the form, runs the annual report in the background and downloads the XLSX; a unit head's
 * dashboard names only their units. Every screen passes axe-core and is photographed at both widths.
 */
describe('the console oversight area in a real browser', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  let today: string;
  let overdueCase: { id: string; caseNumber: string; deadlineId: string };
  let db: Pick<DataSource, 'query'>;
  const api = () => request(app.getHttpServer());

  /** A complaint case received on a day, with an open resolution deadline due on another. */
  async function complaint(unitId: string, receivedOn: string, due: string | null, state = 'accepted') {
    const id = randomUUID();
    const deadlineId = randomUUID();
    await db.query(
      `INSERT INTO complaint_cases (id, case_number, letter_id, unit_id, track, state, subject, received_on, search_text)
       VALUES (?, ?, ?, ?, 'first_time', ?, 'Khiếu nại việc thu hồi đất', ?, '')`,
      [id, `KN-${id.slice(0, 6)}`, randomUUID(), unitId, state, receivedOn],
    );
    if (due) {
      await db.query(
        `INSERT INTO case_deadlines (id, subject_type, subject_id, unit_id, purpose, rule_id, rule_version, trigger_date,
           options, raw_end, due_date, status, calendar_version, policy_version, explanation)
         VALUES (?, 'complaint_case', ?, ?, 'resolution', 'KN-3', 'test', ?, '{}', ?, ?, 'open', 'test', 'test', '{}')`,
        [deadlineId, id, unitId, receivedOn, due, due],
      );
    }
    return { id, caseNumber: `KN-${id.slice(0, 6)}`, deadlineId };
  }

  /** Level 3 of a deadline's ladder, fired yesterday, with its notification to one officer. */
  async function escalation(deadlineId: string, unitId: string, userId: string) {
    const id = randomUUID();
    await db.query(
      `INSERT INTO escalations (id, deadline_id, deadline_version, level, status, unit_id, due_date, recipients, created_at)
       VALUES (?, ?, 1, 3, 'fired', ?, ?, 1, NOW(3) - INTERVAL 1 DAY)`,
      [id, deadlineId, unitId, addDays(today, -3)],
    );
    await db.query(
      `INSERT INTO notifications (id, user_id, kind, source_key, title, body, unit_id)
       VALUES (?, ?, 'escalation', ?, 'Quá hạn', 'Hồ sơ đã quá hạn', ?)`,
      [randomUUID(), userId, `escalation-${id}`, unitId],
    );
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    worker = await startWorker();
    world = await twoAgencies(app);
    today = app.get(Clock).today();
    const { divisionA, schoolA, inspectorateA, divisionB } = world;
    const month = today.slice(0, 8) + '01';
    // One connection with foreign-key checks off: cases need a letter the dashboard never reads.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    db = runner;
    await runner.query('SET FOREIGN_KEY_CHECKS = 0');
    try {
      // Overdue: two in Phòng A1, one in Trường A1, one in Thanh tra Sở A; one in Sở B (out of scope).
      overdueCase = await complaint(divisionA.id, month, addDays(today, -3));
      await escalation(overdueCase.deadlineId, divisionA.id, world.users.unit_head.id);
      await complaint(divisionA.id, addDays(month, -40), addDays(today, -10));
      await complaint(schoolA.id, month, addDays(today, -1));
      await complaint(inspectorateA.id, addDays(month, -70), addDays(today, -20));
      const outside = await complaint(divisionB.id, month, addDays(today, -2));
      await escalation(outside.deadlineId, divisionB.id, world.outsider.id);
      // Not overdue: received this month, due later; and one received this month without a deadline.
      await complaint(divisionA.id, month, addDays(today, 20));
      await complaint(divisionA.id, month, null, 'received');
    } finally {
      await runner.query('SET FOREIGN_KEY_CHECKS = 1');
      await runner.release();
    }
    await insertDashboardRows(dataSource, {
      enforcement: [
        { unitId: divisionA.id, status: 'in_progress' },
        { unitId: schoolA.id, status: 'not_started' },
      ],
    });
    // The worker's refresh of the kept counts (ADR 0023), run here as the tests drive other jobs.
    await app.get(DashboardCountsRefresher).refresh();
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

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  }

  const signIn = (page: Page, email: string, path: string) =>
    signInToConsole(page, `${baseUrl}${path}`, email);

  const checkScreen = screenChecker(OUTPUT);

  /** A bar list's bars as [key, value], in the order shown. */
  async function barsOf(page: Page, name: string): Promise<string[][]> {
    await page.getByRole('list', { name }).waitFor();
    return page
      .getByRole('list', { name })
      .locator('li[data-bar]')
      .evaluateAll((items) =>
        items.map((li) => [li.getAttribute('data-bar') ?? '', li.getAttribute('data-value') ?? '']),
      );
  }

  async function dashboardOf(email: string): Promise<DashboardView> {
    const { accessToken } = await login(app.getHttpServer(), email);
    const res = await api().get('/api/v1/dashboard').set('authorization', `Bearer ${accessToken}`);
    expect(res.status).toBe(200);
    return res.body as DashboardView;
  }

  it('a leader reads the dashboard, clicks through to the overdue cases and a month, runs the annual report in the background and downloads it', async () => {
    const figures = await dashboardOf(world.users.inspectorate_leader.email);
    expect(figures.overdue.total).toBe(4); // the seed: Sở B's is not counted
    const page = await newPage();
    try {
      await signIn(page, world.users.inspectorate_leader.email, '/giam-sat');
      await page.getByRole('heading', { name: 'Bảng điều khiển', level: 1 }).waitFor();
      // The same numbers as the API: the overdue total and each unit's bar.
      await expect(page.getByTestId('overdue-total').innerText()).resolves.toContain(
        String(figures.overdue.total),
      );
      await expect(barsOf(page, 'Hạn đã quá theo đơn vị')).resolves.toEqual(
        figures.overdue.units.map((u) => [u.unitId, String(u.overdue)]),
      );
      expect(await page.getByText('Phòng B1').count()).toBe(0);
      // How fresh the kept counts are (ADR 0023): the API's asOf, in Vietnam's time.
      expect(figures.asOf).not.toBeNull();
      const asOfLocal = new Date(Date.parse(figures.asOf!) + 7 * 3600_000).toISOString().slice(11, 16);
      await expect(page.getByText(/^Số liệu tính đến/).innerText()).resolves.toContain(
        `Số liệu tính đến ${asOfLocal} ngày`,
      );
      await checkScreen(page, 'giam-sat');

      // A unit's overdue bar → its cases whose nearest deadline has passed.
      const unitBar = page
        .getByRole('list', { name: 'Hạn đã quá theo đơn vị' })
        .locator(`li[data-bar="${world.divisionA.id}"] a`);
      await expect(unitBar.getAttribute('href')).resolves.toMatch(/han=qua-han/);
      await unitBar.click();
      await page.waitForURL(/\/giam-sat\/ho-so\?.*han=qua-han/);
      await expect(page.getByTestId('case-total').innerText()).resolves.toMatch(/^2 vụ việc/);
      expect(await page.locator('tbody tr.ant-table-row').count()).toBe(2);
      await checkScreen(page, 'giam-sat-ho-so');

      // A case's escalations: what fired, when, to whom (Sở B's escalation is not among them).
      await page
        .getByRole('link', { name: `Xem cảnh báo đã gửi về hồ sơ ${overdueCase.caseNumber}` })
        .click();
      await page.waitForURL(/\/giam-sat\/canh-bao\?ho-so=/);
      await page
        .getByTestId('escalation-total')
        .filter({ hasText: /^1 cảnh báo$/ })
        .waitFor();
      const fired = page.locator('tbody tr.ant-table-row');
      expect(await fired.count()).toBe(1);
      await expect(fired.innerText()).resolves.toMatch(
        new RegExp(
          `Mức 3\\s+${overdueCase.caseNumber}\\s+Hạn giải quyết \\(KN-3\\).*Phòng A1\\s+Cán bộ unit_head`,
        ),
      );
      await page.getByRole('button', { name: 'Mọi hồ sơ' }).click();
      await page
        .getByTestId('escalation-total')
        .filter({ hasText: /^1 cảnh báo$/ })
        .waitFor();
      await checkScreen(page, 'giam-sat-canh-bao');
      await page.goBack();

      // This month's complaint column → the complaints received this month, as many as the API counts.
      await page.goBack();
      const thisMonth = figures.casesByMonth[figures.casesByMonth.length - 1];
      expect(thisMonth.complaint.total).toBe(4); // Phòng A1 ×3, Trường A1
      const monthLabel = `${thisMonth.month.slice(5, 7)}/${thisMonth.month.slice(0, 4)}`;
      await page.getByRole('link', { name: `Khiếu nại ${monthLabel}: ${thisMonth.complaint.total}` }).click();
      await page.waitForURL(/\/giam-sat\/ho-so\?loai=complaint&tu=/);
      await expect(page.getByTestId('case-total').innerText()).resolves.toMatch(
        new RegExp(`^${thisMonth.complaint.total} vụ việc`),
      );

      // Reports: preview laid out like the form, then the annual report in the background.
      await page.getByRole('link', { name: 'Báo cáo định kỳ', exact: true }).click();
      await page.waitForURL(/\/bao-cao/);
      const table = page.getByTestId('report-table');
      await table.waitFor();
      await expect(table.locator('thead th[colspan]').count()).resolves.toBeGreaterThan(0);
      await expect(table.locator('tbody tr').first().innerText()).resolves.toMatch(/^Tổng/i);
      await page.getByRole('button', { name: 'Lập trong nền (Excel)' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã đưa báo cáo vào hàng đợi' }).waitFor();
      const done = page.locator('[data-status=done]');
      await done.waitFor({ timeout: 30_000 });
      await checkScreen(page, 'bao-cao');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /^Tải .*\.xlsx$/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an OOXML workbook is a zip

      // The audit trail: the run's request with its before → after, and the chain verified.
      await page.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
      await page.waitForURL(/\/nhat-ky/);
      // The page settled (its first entries shown) before a filter is chosen: an option clicked while
      // the lazily loaded page was still mounting was once lost, and the address never changed.
      await page.getByTestId('audit-total').waitFor();
      await page.getByRole('combobox', { name: 'Loại bản ghi' }).click();
      await page.locator('.ant-select-item-option[title="Báo cáo lập trong nền"]').click();
      await page.waitForURL(/loai=report_run/);
      await page
        .getByTestId('audit-total')
        .filter({ hasText: /^1 mục$/ })
        .waitFor();
      await page
        .getByRole('button', { name: /Mở rộng dòng|Expand row/ })
        .first()
        .click();
      const change = page.getByRole('table', { name: 'Trước và sau khi thay đổi' });
      await change.waitFor();
      expect(await change.locator('tr', { hasText: 'form' }).first().innerText()).toBe('form\t—\t01/TCD');
      await page.getByRole('button', { name: 'Kiểm tra chuỗi' }).click();
      await expect(page.getByTestId('chain-state').innerText()).resolves.toMatch(
        /^Chuỗi nguyên vẹn: \d+ mục/,
      );
      await checkScreen(page, 'nhat-ky');
    } finally {
      await page.close();
    }
  }, 120_000);

  it('a unit head’s dashboard counts and names only their units', async () => {
    const { accessToken } = await login(app.getHttpServer(), world.users.unit_head.email);
    const mine = await api().get('/api/v1/escalations').set('authorization', `Bearer ${accessToken}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 1, items: [{ caseNumber: overdueCase.caseNumber, level: 3 }] });
    const other = await api()
      .get('/api/v1/escalations')
      .query({ unitId: world.divisionB.id })
      .set('authorization', `Bearer ${accessToken}`);
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ code: 'ESCALATION_QUERY_INVALID', details: [{ field: 'unitId' }] });
    const figures = await dashboardOf(world.users.unit_head.email);
    expect(figures.overdue.total).toBe(3); // Phòng A1 ×2, Trường A1; not Thanh tra Sở A
    const page = await newPage();
    try {
      await signIn(page, world.users.unit_head.email, '/giam-sat');
      await page.getByRole('heading', { name: 'Bảng điều khiển', level: 1 }).waitFor();
      await expect(barsOf(page, 'Hạn đã quá theo đơn vị')).resolves.toEqual([
        [world.divisionA.id, '2'],
        [world.schoolA.id, '1'],
      ]);
      expect(await page.getByText('Thanh tra Sở A').count()).toBe(0);
    } finally {
      await page.close();
    }
  }, 60_000);
});
