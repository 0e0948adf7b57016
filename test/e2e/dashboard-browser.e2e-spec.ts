import { DashboardCountsRefresher } from '../../src/dashboard/dashboard-counts.refresher.js';
import AxeBuilder from '@axe-core/playwright';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally } from '../support/browser.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { insertDashboardRows } from './matrix/dashboard.rules.js';

const OUTPUT = join(__dirname, '..', '..', 'test-output');

/**
 * The dashboard page served by the real application on 127.0.0.1, in Debian's Chromium: the cookie of
 * POST /api/v1/dashboard/session is handed to the browser, which then shows the headings, the charts with
 * their names and the tables, runs no script, and passes axe-core (WCAG 2.1 A/AA).
 */
describe('the dashboard page in a real browser', () => {
  let app: NestFastifyApplication;
  let browser: BrowserContext;
  let chromiumHandle: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let baseUrl: string;
  let cookie: { name: string; value: string };

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    const dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    const world = await twoAgencies(app);
    const { divisionA, schoolA, divisionB } = world;
    await insertDashboardRows(dataSource, {
      cases: [
        { kind: 'complaint', unitId: divisionA.id, state: 'received', receivedOn: '2026-11-03' },
        { kind: 'complaint', unitId: schoolA.id, state: 'accepted', receivedOn: '2026-10-20' },
        { kind: 'denunciation', unitId: divisionA.id, state: 'verifying', receivedOn: '2026-09-01' },
        { kind: 'complaint', unitId: divisionB.id, state: 'received', receivedOn: '2026-11-10' },
      ],
      deadlines: [
        { unitId: schoolA.id, purpose: 'resolution', status: 'open', dueDate: '2026-10-01' },
        {
          unitId: divisionA.id,
          purpose: 'resolution',
          status: 'met',
          dueDate: '2026-10-10',
          settledOn: '2026-10-05',
        },
        {
          unitId: divisionA.id,
          purpose: 'resolution',
          status: 'missed',
          dueDate: '2026-11-01',
          settledOn: '2026-11-12',
        },
        {
          unitId: divisionA.id,
          purpose: 'resolution',
          status: 'met',
          dueDate: '2026-11-20',
          settledOn: '2026-11-15',
        },
      ],
      enforcement: [
        { unitId: divisionA.id, status: 'in_progress' },
        { unitId: schoolA.id, status: 'overdue' },
      ],
    });
    // The worker's refresh of the kept counts (ADR 0023), run here as the tests drive other jobs.
    await app.get(DashboardCountsRefresher).refresh();
    const server = app.getHttpServer();
    const leader = await login(server, world.users.inspectorate_leader.email);
    const session = await request(server)
      .post('/api/v1/dashboard/session')
      .set('authorization', `Bearer ${leader.accessToken}`)
      .expect(200);
    const [pair] = (session.headers['set-cookie'] as unknown as string[])[0].split(';');
    const eq = pair.indexOf('=');
    cookie = { name: pair.slice(0, eq), value: pair.slice(eq + 1) };

    baseUrl = await listenLocally(app);

    chromiumHandle = await launchChromium();
    browser = chromiumHandle.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await chromiumHandle?.close();
    await app?.close();
  });

  it('is refused without the cookie', async () => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${baseUrl}/bang-dieu-khien`);
      expect(response?.status()).toBe(401);
      expect(await page.locator('h1').innerText()).toBe('Cần mở phiên xem bảng điều khiển');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 812 }],
  ])(
    'shows the headings, the charts and the tables with the cookie, and passes axe (%s)',
    async (name, viewport) => {
      await browser.addCookies([
        { ...cookie, domain: '127.0.0.1', path: '/bang-dieu-khien', httpOnly: true, sameSite: 'Strict' },
      ]);
      const page = await browser.newPage();
      await page.setViewportSize(viewport);
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      try {
        const response = await page.goto(`${baseUrl}/bang-dieu-khien`);
        expect(response?.status()).toBe(200);
        expect(await page.locator('h1').innerText()).toBe('Bảng điều khiển thanh tra');
        for (const heading of [
          'Hồ sơ khiếu nại, tố cáo theo tháng',
          'Hồ sơ theo trạng thái',
          'Tỷ lệ giải quyết đúng hạn',
          'Thời hạn quá hạn theo đơn vị',
          'Tồn đọng thi hành quyết định, kết luận',
        ])
          expect(await page.getByRole('heading', { name: heading, level: 2 }).isVisible()).toBe(true);
        const charts = page.getByRole('img');
        expect(await charts.count()).toBe(3);
        expect(await page.getByRole('img', { name: /Biểu đồ cột: số hồ sơ/ }).isVisible()).toBe(true);
        expect(await page.getByRole('img', { name: /Biểu đồ đường: tỷ lệ/ }).isVisible()).toBe(true);
        const overdue = page.locator('table', {
          has: page.locator('caption', { hasText: 'Đơn vị có nhiều thời hạn quá hạn nhất' }),
        });
        expect(await overdue.locator('tbody tr').innerText()).toContain('Trường A1');
        const onTime = page.locator('table', {
          has: page.locator('caption', { hasText: 'tỷ lệ đúng hạn' }),
        });
        expect(await onTime.locator('tbody tr').last().innerText()).toContain('50,0 %');
        expect(await page.locator('body').innerText()).not.toContain('Phòng B1');

        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
        expect(scripts).toEqual([]);
        await page.screenshot({ path: join(OUTPUT, `dashboard-${name}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});
