import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../../src/auth/domain/actor.js';
import { CalendarAdminService } from '../../src/calendar/calendar-admin.service.js';
import { UnitCalendarService } from '../../src/calendar/unit-calendar.service.js';
import { Clock } from '../../src/common/clock.js';
import { DomainError } from '../../src/common/domain/domain-error.js';
import { computeDeadline } from '../../src/deadlines/domain/deadline-engine.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { Fixtures } from '../support/fixtures.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return 'no error';
}

jest.setTimeout(30_000);

describe('calendars per unit (real MariaDB, real migrations)', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let admin: CalendarAdminService;
  let calendars: UnitCalendarService;
  let clock: Clock;
  let units: {
    province: { id: string };
    agency: { id: string };
    school: { id: string };
    sibling: { id: string };
  };

  beforeAll(async () => {
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    admin = app.get(CalendarAdminService);
    calendars = app.get(UnitCalendarService);
    clock = app.get(Clock);
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    await truncateAll(dataSource);
    const f = new Fixtures(app);
    const province = await f.unit('Ủy ban nhân dân tỉnh', 'province');
    const agency = await f.unit('Sở Giáo dục và Đào tạo', 'agency', province.id);
    const school = await f.unit('Trường THPT Số 1', 'public_service_unit', agency.id);
    const sibling = await f.unit('Sở Y tế', 'agency', province.id);
    units = { province, agency, school, sibling };
  });
  afterAll(async () => {
    await app?.close();
  });

  const working = async (unitId: string, date: string) =>
    (await calendars.calendarFor(unitId)).isWorkingDay(date);

  it('builds national → agency → school with the nearest scope winning per date', async () => {
    const { agency, school, sibling } = units;
    await admin.setEntry(SYSTEM_ACTOR, 'national', '2026-11-24', {
      kind: 'day_off',
      name: 'Ngày Văn hóa Việt Nam',
    });
    await admin.setEntry(SYSTEM_ACTOR, agency.id, '2026-11-24', {
      kind: 'make_up_working_day',
      name: 'Trực',
    });
    await admin.setEntry(SYSTEM_ACTOR, agency.id, '2026-11-20', { kind: 'day_off', name: 'Ngày Nhà giáo' });
    await admin.setEntry(SYSTEM_ACTOR, school.id, '2026-11-20', {
      kind: 'make_up_working_day',
      name: 'Học bù',
    });

    expect(await working(sibling.id, '2026-11-24')).toBe(false); // national
    expect(await working(agency.id, '2026-11-24')).toBe(true); // the agency overrides the nation
    expect(await working(school.id, '2026-11-24')).toBe(true); // inherited from the agency
    expect(await working(agency.id, '2026-11-20')).toBe(false);
    expect(await working(school.id, '2026-11-20')).toBe(true); // the school overrides the agency
    expect(await working(sibling.id, '2026-11-20')).toBe(true);

    const year = await admin.year(SYSTEM_ACTOR, school.id, 2026);
    const byDate = Object.fromEntries(year.days.map((d) => [d.date, d]));
    expect(byDate['2026-11-24']).toMatchObject({ source: agency.id, working: true });
    expect(byDate['2026-11-20']).toMatchObject({ source: school.id, working: true });
    expect(byDate['2026-02-17']).toMatchObject({ source: 'built-in', working: false });
    expect(year.ownEntries.map((e) => e.date)).toEqual(['2026-11-20']);
    const detail = await admin.get(SYSTEM_ACTOR, school.id);
    expect(detail.layers).toEqual(['national', agency.id, school.id]);
    expect(detail.calendarId).toBe(`unit-${school.id}`);

    // A working-day deadline crosses the agency's day off in the agency, not in the school.
    const tc1 = async (unitId: string) =>
      computeDeadline('TC-1', '2026-11-16', {}, await calendars.calendarFor(unitId)).due;
    expect(await tc1(sibling.id)).toBe('2026-11-26'); // 17,18,19,20,23,25,26 (24 off)
    expect(await tc1(agency.id)).toBe('2026-11-26'); // 17,18,19,23,24,25,26 (20 off, 24 worked)
    expect(await tc1(school.id)).toBe('2026-11-25'); // 17,18,19,20,23,24,25 (both worked)

    // The explanation officers read names each calendar by the unit whose days decide it, with the
    // revision its administrators see — never the calendar id (issue 17).
    const calendarLine = async (unitId: string) =>
      computeDeadline('TC-1', '2026-11-16', {}, await calendars.calendarFor(unitId)).explanation.vi.at(-1);
    expect(await calendarLine(sibling.id)).toMatch(
      /^Lịch làm việc năm 2026 chung của các cơ quan nhà nước \(bản số 1\)\./,
    );
    expect(await calendarLine(agency.id)).toMatch(
      /^Lịch làm việc năm 2026 của Sở Giáo dục và Đào tạo \(bản số 2\)\./,
    );
    expect(await calendarLine(school.id)).toMatch(
      /^Lịch làm việc năm 2026 của Trường THPT Số 1 \(bản số 1\)\./,
    );
    expect(await calendarLine(school.id)).not.toContain(school.id);
  });

  it('confirms a year where the nearest scope that says anything about it confirmed it', async () => {
    const { agency, school, sibling } = units;
    const provisional = async (unitId: string, year: number) =>
      (await calendars.calendarFor(unitId)).isProvisionalYear(year);
    expect(await provisional(school.id, 2026)).toBe(false); // built in
    expect(await provisional(school.id, 2027)).toBe(true);

    await admin.setYear(SYSTEM_ACTOR, 'national', 2027, { confirmed: true });
    expect(await provisional(school.id, 2027)).toBe(false);
    await admin.setYear(SYSTEM_ACTOR, agency.id, 2027, { confirmed: false });
    expect(await provisional(school.id, 2027)).toBe(true);
    expect(await provisional(sibling.id, 2027)).toBe(false);
    const year = await admin.year(SYSTEM_ACTOR, school.id, 2027);
    expect(year).toMatchObject({ confirmed: false, confirmationSource: agency.id, ownStatement: null });

    await admin.removeYear(SYSTEM_ACTOR, agency.id, 2027);
    expect(await provisional(school.id, 2027)).toBe(false);
    expect(await codeOf(admin.removeYear(SYSTEM_ACTOR, agency.id, 2027))).toBe('CALENDAR_YEAR_NOT_SET');
    // Confirming keeps the computed layout: 1 Jan 2027 stays a day off.
    expect(await working(school.id, '2027-01-01')).toBe(false);
  });

  it('caches built calendars by the last change of their scopes and rebuilds after a change', async () => {
    const { agency, school, sibling } = units;
    const national = await calendars.nationalCalendar();
    // Units with nothing of their own anywhere above them share the national calendar itself.
    expect(await calendars.calendarFor(school.id)).toBe(national);
    expect(await calendars.calendarFor(sibling.id)).toBe(national);

    await admin.setEntry(SYSTEM_ACTOR, agency.id, '2026-12-31', { kind: 'day_off', name: 'Tổng kết năm' });
    const first = await calendars.calendarFor(school.id);
    expect(first).not.toBe(national);
    expect(await calendars.calendarFor(school.id)).toBe(first); // cached
    expect(await calendars.calendarFor(agency.id)).toBe(first); // same layers, same calendar
    expect(await calendars.calendarFor(sibling.id)).toBe(national);

    // A change elsewhere leaves the school's calendar alone…
    await admin.setEntry(SYSTEM_ACTOR, sibling.id, '2026-12-30', { kind: 'day_off', name: 'Khác' });
    expect(await calendars.calendarFor(school.id)).toBe(first);
    // …a change in its chain gives a new one, with a new version, at once.
    await admin.setEntry(SYSTEM_ACTOR, agency.id, '2026-12-29', { kind: 'day_off', name: 'Tổng kết năm' });
    const second = await calendars.calendarFor(school.id);
    expect(second).not.toBe(first);
    expect(second.version).not.toBe(first.version);
    expect(second.isWorkingDay('2026-12-29')).toBe(false);
    // Removing it again brings the content (and so the version) back, though not the cached object.
    await admin.removeEntry(SYSTEM_ACTOR, agency.id, '2026-12-29');
    expect((await calendars.calendarFor(school.id)).version).toBe(first.version);
    // Another process (or a direct SQL change that moves the scope to a new change id) is seen the same way.
    await dataSource.query(
      "INSERT INTO calendar_entries (id, scope_key, `date`, kind, name, changed_at) VALUES (UUID(), ?, '2026-12-28', 'day_off', 'SQL', NOW(3))",
      [agency.id],
    );
    await dataSource.query(
      'UPDATE calendar_scopes SET revision = revision + 1, last_change_id = UUID() WHERE scope_key = ?',
      [agency.id],
    );
    expect((await calendars.calendarFor(school.id)).isWorkingDay('2026-12-28')).toBe(false);
    expect(calendars.cachedCalendars()).toBeLessThanOrEqual(64);
  });

  it('answers a unit that does not exist with UNIT_NOT_FOUND', async () => {
    expect(await codeOf(calendars.calendarFor('0194f0a0-0000-7000-8000-000000000000'))).toBe(
      'UNIT_NOT_FOUND',
    );
  });

  it('warns about 2027 in the listing and the readiness report from 2 Nov 2026 (Asia/Ho_Chi_Minh)', async () => {
    const at = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
    const { agency } = units;
    await admin.setEntry(SYSTEM_ACTOR, agency.id, '2026-12-31', { kind: 'day_off', name: 'Tổng kết năm' });

    at('2026-11-01T16:59:59Z'); // 23:59:59 on 1 Nov in Hà Nội: 61 days before 1 Jan
    expect(clock.today()).toBe('2026-11-01');
    expect((await admin.list(SYSTEM_ACTOR)).warnings).toEqual([]);
    expect((await admin.readiness(SYSTEM_ACTOR)).ready).toBe(true);

    at('2026-11-01T17:00:00Z'); // midnight, 2 Nov in Hà Nội (still 1 Nov in UTC)
    expect(clock.today()).toBe('2026-11-02');
    const list = await admin.list(SYSTEM_ACTOR);
    expect(list.today).toBe('2026-11-02');
    expect(list.calendars.map((c) => c.scope)).toEqual(['national', agency.id]);
    expect(list.warnings.map((w) => [w.scope, w.code, w.year, w.daysUntilStart])).toEqual([
      ['national', 'CALENDAR_NEXT_YEAR_PROVISIONAL', 2027, 60],
      [agency.id, 'CALENDAR_NEXT_YEAR_PROVISIONAL', 2027, 60],
    ]);
    const report = await admin.readiness(SYSTEM_ACTOR);
    expect(report).toMatchObject({
      ready: false,
      today: '2026-11-02',
      nextYear: 2027,
      daysUntilNextYear: 60,
    });
    expect(report.warnings).toHaveLength(2);

    // The national confirmation reaches the agency; the agency holding it provisional would not.
    await admin.setYear(SYSTEM_ACTOR, 'national', 2027, { confirmed: true });
    expect((await admin.readiness(SYSTEM_ACTOR)).ready).toBe(true);
    await admin.setYear(SYSTEM_ACTOR, agency.id, 2027, { confirmed: false });
    const held = await admin.list(SYSTEM_ACTOR);
    expect(held.warnings.map((w) => w.scope)).toEqual([agency.id]);
  });

  it('imports a year all or nothing: every bad row reported, nothing written; then the file becomes the layout', async () => {
    const { agency, school } = units;
    const auditCount = async () =>
      Number((await dataSource.query('SELECT COUNT(*) AS n FROM audit_log'))[0].n);
    const before = await auditCount();
    const bad = [
      'date,kind,name',
      '2027-01-01,day_off,Tết Dương lịch',
      '2027-02-30,day_off,Ngày không có',
      '2026-12-31,day_off,Năm khác',
      '2027-03-02,holiday,Sai loại',
      '2027-03-03,day_off,',
      '2027-01-01,day_off,Lặp lại',
      '2027-03-04,day_off,=1+2',
      '2027-03-05,day_off',
    ].join('\n');
    let error: DomainError | undefined;
    try {
      await admin.import(SYSTEM_ACTOR as Actor, agency.id, 2027, { format: 'csv', content: bad });
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.code).toBe('CALENDAR_IMPORT_INVALID');
    expect(error?.kind).toBe('invalid');
    expect((error?.meta as { errors: unknown[] }).errors).toEqual([
      { row: 3, column: 'date', message: "'2027-02-30' is not a valid date (expected YYYY-MM-DD)" },
      { row: 4, column: 'date', message: '2026-12-31 is not in 2027' },
      { row: 5, column: 'kind', message: 'must be day_off or make_up_working_day' },
      { row: 6, column: 'name', message: 'is required' },
      { row: 7, column: 'date', message: '2027-01-01 is already listed on row 2' },
      {
        row: 8,
        column: 'name',
        message: 'must not start with =, +, -, or @ (it would be a formula in a spreadsheet)',
      },
      { row: 9, column: '*', message: 'expected 3 columns (date,kind,name), found 2' },
    ]);
    expect(await auditCount()).toBe(before);
    expect(Number((await dataSource.query('SELECT COUNT(*) AS n FROM calendar_entries'))[0].n)).toBe(0);

    // The published layout: Tết from 4 to 12 Feb 2027 (wider than the computed 5–11), a make-up
    // Saturday, and 1 Sep worked.
    const exported = await admin.export(SYSTEM_ACTOR, agency.id, 2027, 'csv');
    const rows = exported.body.trim().split('\n');
    expect(rows[0]).toBe('date,kind,name');
    const layout = rows
      .slice(1)
      .filter((r) => !r.startsWith('2027-09-01'))
      .concat([
        '2027-02-04,day_off,Tết Âm lịch',
        '2027-02-12,day_off,Tết Âm lịch',
        '2027-01-30,make_up_working_day,Làm bù',
      ]);
    const result = await admin.import(SYSTEM_ACTOR, agency.id, 2027, {
      format: 'csv',
      content: ['date,kind,name', ...layout].join('\n'),
    });
    expect(result.changed).toBe(true);
    expect(result.entries).toEqual({ added: 4, updated: 0, removed: 0, unchanged: 0 });
    expect(await working(school.id, '2027-02-04')).toBe(false);
    expect(await working(school.id, '2027-02-12')).toBe(false);
    expect(await working(school.id, '2027-01-30')).toBe(true); // a Saturday, worked
    expect(await working(school.id, '2027-09-01')).toBe(true); // omitted from the file: worked
    expect(await working(units.sibling.id, '2027-09-01')).toBe(false);

    // Importing the same file again changes nothing, and says so (still audited as an import).
    const again = await admin.import(SYSTEM_ACTOR, agency.id, 2027, {
      format: 'csv',
      content: ['date,kind,name', ...layout].join('\n'),
    });
    expect(again).toMatchObject({
      changed: false,
      entries: { added: 0, updated: 0, removed: 0, unchanged: 4 },
    });
    const imports = await dataSource.query(
      "SELECT action, entity_type AS type, entity_id AS id, unit_id AS unitId, changes FROM audit_log a WHERE action = 'calendar.import' ORDER BY a.id",
    );
    expect(imports).toHaveLength(2);
    expect(imports[0]).toMatchObject({ type: 'calendar', id: `${agency.id}.2027`, unitId: agency.id });
    const changes =
      typeof imports[0].changes === 'string' ? JSON.parse(imports[0].changes) : imports[0].changes;
    expect(changes.import.after).toMatchObject({ year: 2027, format: 'csv', added: 4, removed: 0 });
  });
});
