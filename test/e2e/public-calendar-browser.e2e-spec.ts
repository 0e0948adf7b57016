import AxeBuilder from '@axe-core/playwright';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { Clock } from '../../src/common/clock.js';
import { ReceptionPlacesService } from '../../src/reception/reception-places.service.js';
import { ReceptionSchedulesService } from '../../src/reception/reception-schedules.service.js';
import { ReceptionSessionsService } from '../../src/reception/reception-sessions.service.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally } from '../support/browser.js';
import { truncateAll } from '../support/database.js';
import { Fixtures } from '../support/fixtures.js';

const OUTPUT = join(__dirname, '..', '..', 'test-output');

/**
 * The public calendar page served by the real application on 127.0.0.1, driven by Debian's Chromium:
 * filter by a unit, find a session and a cancelled one, check accessibility with axe-core, keep screenshots
 * at a phone and a desktop width in test-output/.
 */
describe('the public reception calendar in a real browser', () => {
  let app: NestFastifyApplication;
  let browser: BrowserContext;
  let chromiumHandle: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let baseUrl: string;
  let unitCode: string;

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    const f = new Fixtures(app);
    const province = await f.unit('Ủy ban nhân dân tỉnh Đồng Nai', 'province');
    const agency = await f.unit('Sở Giáo dục và Đào tạo', 'agency', province.id);
    const other = await f.unit('Sở Y tế', 'agency', province.id);
    const places = app.get(ReceptionPlacesService);
    const sessions = app.get(ReceptionSessionsService);
    const schedules = app.get(ReceptionSchedulesService);
    for (const unit of [agency, other]) {
      const place = await places.create(SYSTEM_ACTOR, {
        unitId: unit.id,
        name: `Trụ sở tiếp công dân ${unit.name}`,
        address: '2 Nguyễn Văn Trị, phường Trấn Biên',
        room: 'Phòng 105, tầng 1',
        hours: 'Sáng 7:30–11:30, chiều 13:30–17:00',
      });
      await schedules.createSchedule(SYSTEM_ACTOR, {
        unitId: unit.id,
        kind: 'regular',
        placeId: place.id,
        slots: [
          { startTime: '07:30', endTime: '11:30' },
          { startTime: '13:30', endTime: '17:00' },
        ],
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
        officers: [{ name: 'Lê Văn Cường', title: 'Thanh tra viên' }],
      });
      await schedules.createSchedule(SYSTEM_ACTOR, {
        unitId: unit.id,
        kind: 'periodic',
        placeId: place.id,
        recurrence: { type: 'weekly', weekdays: [2] },
        slots: [{ startTime: '07:30', endTime: '11:30' }],
        validFrom: '2026-12-01',
        validUntil: '2026-12-31',
        receiverName: unit.id === agency.id ? 'Nguyễn Văn Hùng' : 'Trần Thị Mai',
        receiverTitle: 'Giám đốc Sở',
        topics: 'Chế độ, chính sách; đất đai liên quan đến trường học',
      });
    }
    const agencySessions = await sessions.listSessions(SYSTEM_ACTOR, {
      unitId: agency.id,
      page: 1,
      pageSize: 50,
    });
    const toCancel = agencySessions.items.find((s) => s.date === '2026-12-15')!;
    await sessions.cancelSession(SYSTEM_ACTOR, toCancel.id, {
      version: toCancel.version,
      reason: 'Lãnh đạo Sở dự họp Tỉnh ủy',
    });
    unitCode = (
      await app
        .get<DataSource>(getDataSourceToken())
        .query('SELECT code FROM units WHERE id = ?', [agency.id])
    )[0].code;

    baseUrl = await listenLocally(app);

    chromiumHandle = await launchChromium();
    browser = chromiumHandle.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await chromiumHandle?.close();
    await app?.close();
  });

  async function openFiltered(page: Page) {
    await page.goto(`${baseUrl}/lich-tiep-cong-dan`);
    await page.getByLabel('Đơn vị', { exact: true }).selectOption(unitCode);
    await page.getByLabel('Tháng', { exact: true }).fill('2026-12');
    await Promise.all([
      page.waitForURL(/thang=2026-12/),
      page.getByRole('button', { name: 'Xem lịch' }).click(),
    ]);
  }

  async function seriousViolations(page: Page) {
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  }

  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 812 }],
  ])(
    'filters by a unit, shows a session and a cancelled one, and passes axe (%s)',
    async (name, viewport) => {
      const page = await browser.newPage();
      await page.setViewportSize(viewport);
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      try {
        await openFiltered(page);
        expect(new URL(page.url()).searchParams.get('don-vi')).toBe(unitCode);
        expect(await page.locator('h1').innerText()).toBe('Lịch tiếp công dân');
        const table = page.locator('table', {
          has: page.locator('caption', { hasText: 'Các buổi tiếp công dân' }),
        });
        const rows = table.locator('tbody tr');
        expect(await rows.count()).toBe(5); // Tuesdays 1, 8, 15, 22, 29 Dec 2026
        const held = await rows.filter({ hasText: 'Thứ Ba, 08/12/2026' }).innerText();
        expect(held).toContain('Nguyễn Văn Hùng');
        expect(held).toContain('Theo lịch');
        const cancelled = await rows.filter({ hasText: 'Thứ Ba, 15/12/2026' }).innerText();
        expect(cancelled).toContain('Đã hủy');
        expect(cancelled).toContain('Lãnh đạo Sở dự họp Tỉnh ủy');
        expect(await page.locator('body').innerText()).not.toContain('Trần Thị Mai'); // the other unit is filtered out
        expect(await page.getByRole('heading', { name: 'Tiếp công dân thường xuyên' }).isVisible()).toBe(
          true,
        );
        expect(await page.getByRole('heading', { name: 'Công dân cần mang theo' }).isVisible()).toBe(true);

        // Keyboard: the skip link is the first stop and leads to the main content.
        await page.keyboard.press('Tab');
        expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe(
          'Bỏ qua, đến nội dung chính',
        );
        await page.keyboard.press('Enter');
        expect(new URL(page.url()).hash).toBe('#noi-dung');

        expect(await seriousViolations(page)).toEqual([]);
        expect(scripts).toEqual([]);
        await page.screenshot({ path: join(OUTPUT, `public-calendar-${name}.png`), fullPage: true });
        await rows
          .filter({ hasText: 'Thứ Ba, 15/12/2026' })
          .screenshot({ path: join(OUTPUT, `public-calendar-${name}-cancelled.png`) });
        await page.evaluate('window.scrollTo(0, 0)');
        await page.screenshot({ path: join(OUTPUT, `public-calendar-${name}-first-screen.png`) });
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});
