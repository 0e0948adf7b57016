import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { Clock } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { ReceptionPlacesService } from '../../src/reception/reception-places.service.js';
import { ReceptionSchedulesService } from '../../src/reception/reception-schedules.service.js';
import { UnitsService } from '../../src/units/units.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';

/**
 * Every unit's public calendar comes in pages of 20 units (issue 19: no public answer over 150 KiB for a
 * province's 200 units); the iCalendar feed is one unit's.
 */
describe('the public calendar of every unit, paged', () => {
  let app: NestFastifyApplication;
  const names: string[] = [];
  const get = (path: string, query: Record<string, string> = {}) =>
    request(app.getHttpServer()).get(path).query(query);

  beforeAll(async () => {
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    const units = app.get(UnitsService);
    const places = app.get(ReceptionPlacesService);
    const schedules = app.get(ReceptionSchedulesService);
    const today = app.get(Clock).today();
    const province = await units.create(SYSTEM_ACTOR, { code: 'TINH', name: 'Tỉnh', kind: 'province' });
    for (let i = 1; i <= 23; i++) {
      const name = `Sở số ${String(i).padStart(2, '0')}`;
      const unit = await units.create(SYSTEM_ACTOR, {
        code: `SO-${i}`,
        name,
        kind: 'agency',
        parentId: province.id,
      });
      const place = await places.create(SYSTEM_ACTOR, {
        unitId: unit.id,
        name: 'Trụ sở',
        address: `${i} Lê Lợi`,
      });
      await schedules.createSchedule(SYSTEM_ACTOR, {
        unitId: unit.id,
        kind: 'regular',
        placeId: place.id,
        slots: [{ startTime: '07:30', endTime: '11:30' }],
        validFrom: today,
        validUntil: addDays(today, 60),
        officers: [{ name: 'Cán bộ tiếp công dân', title: 'Chuyên viên' }],
      });
      names.push(name);
    }
  }, 60_000);
  afterAll(() => app?.close());

  it('splits every unit into pages of 20 by name, each unit on exactly one page', async () => {
    const first = (await get('/lich-tiep-cong-dan.json').expect(200)).body;
    const second = (await get('/lich-tiep-cong-dan.json', { trang: '2' }).expect(200)).body;
    expect(first.page).toEqual({ number: 1, count: 2, unitsPerPage: 20 });
    expect(second.page).toEqual({ number: 2, count: 2, unitsPerPage: 20 });
    const unitsOf = (body: { regular: { unit: { name: string } }[] }) => body.regular.map((r) => r.unit.name);
    expect(unitsOf(first)).toEqual(names.slice(0, 20));
    expect(unitsOf(second)).toEqual(names.slice(20));
    // The filter still offers every unit.
    expect(first.units).toHaveLength(23);
    // One unit's calendar is not paged.
    const one = (await get('/lich-tiep-cong-dan.json', { 'don-vi': 'SO-21' }).expect(200)).body;
    expect([one.page, unitsOf(one)]).toEqual([null, ['Sở số 21']]);
  });

  it('links the pages on the page, marking the current one', async () => {
    const html = (await get('/lich-tiep-cong-dan', { trang: '2' }).expect(200)).text;
    expect(html).toContain('Tất cả đơn vị (trang 2/2)');
    expect(html).toContain('<span aria-current="page">2</span>');
    expect(html).toMatch(/<a href="\/lich-tiep-cong-dan" aria-label="Trang 1">1<\/a>/);
    expect(html).toContain('« Trang trước');
    expect(html).not.toContain('Trang sau »');
    // Units of page 1 are only in the unit filter's choices; those of page 2 in the schedules too.
    expect(html.split('Sở số 01').length - 1).toBe(1);
    expect(html.split('Sở số 21').length - 1).toBeGreaterThan(1);
  });

  it('refuses a page past the last, a page with a unit, and a page that is not a number', async () => {
    const past = await get('/lich-tiep-cong-dan.json', { trang: '3' }).expect(404);
    expect(past.body).toMatchObject({
      code: 'PUBLIC_CALENDAR_PAGE_NOT_FOUND',
      details: [{ field: 'trang', message: 'is past the last page (2)' }],
    });
    const withUnit = await get('/lich-tiep-cong-dan.json', { 'don-vi': 'SO-1', trang: '2' }).expect(400);
    expect(withUnit.body.details).toEqual([
      { field: 'trang', message: 'pages only the calendar of every unit' },
    ]);
    const word = await get('/lich-tiep-cong-dan', { trang: 'hai' }).expect(400);
    expect(word.text).toContain('Không có trang này của lịch tất cả đơn vị.');
  });

  it('gives the iCalendar feed of one unit only', async () => {
    const all = await get('/lich-tiep-cong-dan.ics').expect(400);
    expect(all.body).toMatchObject({ code: 'PUBLIC_CALENDAR_UNIT_REQUIRED', details: [{ field: 'don-vi' }] });
    await get('/lich-tiep-cong-dan.ics', { 'don-vi': 'SO-3' }).expect(200);
  });
});
