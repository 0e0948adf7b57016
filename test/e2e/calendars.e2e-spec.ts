import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { parse as parseCsv } from 'csv-parse/sync';
import nodeIcal from 'node-ical';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { QUEUES } from '../../src/queue/queues.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';

jest.setTimeout(60_000);

type Row = { date: string; kind: string; name: string };

/** The VEVENTs of an iCalendar text as rows, read back with node-ical (all-day dates in local time). */
function icsRows(text: string): (Row & { uid: string })[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  return Object.values(nodeIcal.sync.parseICS(text))
    .filter((c) => c && (c as { type?: string }).type === 'VEVENT')
    .map((c) => {
      const e = c as unknown as {
        uid: string;
        start: Date & { dateOnly?: boolean };
        summary: string;
        categories?: string[];
      };
      expect(e.start.dateOnly).toBe(true);
      return {
        uid: e.uid,
        date: `${e.start.getFullYear()}-${pad(e.start.getMonth() + 1)}-${pad(e.start.getDate())}`,
        kind: e.categories?.[0] ?? '',
        name: e.summary,
      };
    });
}

describe('calendars over HTTP', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let admin: string;
  let officer: string;
  const api = () => request(app.getHttpServer());
  const as = <T extends request.Test>(token: string, r: T) => r.set('authorization', `Bearer ${token}`);
  const due = async (unitId: string | undefined, token = officer) =>
    (
      await as(token, api().post('/api/v1/deadlines/preview'))
        .send({ rule: 'TC-1', trigger: '2026-11-18', ...(unitId ? { unitId } : {}) })
        .expect(200)
    ).body as { due: string; calendarVersion: string };

  beforeAll(async () => {
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    await truncateAll(dataSource);
    world = await twoAgencies(app);
    admin = (await login(app.getHttpServer(), world.users.admin.email)).accessToken;
    officer = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
  });
  afterAll(async () => {
    // No worker runs here: drop the jobs the changes enqueued.
    await app
      ?.get<Queue>(getQueueToken(QUEUES.calendar.name))
      .obliterate({ force: true })
      .catch(() => undefined);
    await app?.close();
  });

  it('moves the deadlines of a unit (and its subtree) when an admin adds a day off, not its sibling’s', async () => {
    // TC-1, 7 working days from Wed 18 Nov 2026: 19, 20, 23, 24, 25, 26, 27.
    const before = await due(world.schoolA.id);
    expect(before.due).toBe('2026-11-27');

    const put = await as(admin, api().put(`/api/v1/calendars/${world.agencyA.id}/entries/2026-11-24`))
      .send({ kind: 'day_off', name: 'Ngày truyền thống ngành' })
      .expect(200);
    expect(put.body).toMatchObject({
      scope: world.agencyA.id,
      changed: true,
      entry: { date: '2026-11-24', weekday: 2, kind: 'day_off', name: 'Ngày truyền thống ngành' },
    });

    // Now 24 Nov is off in agency A and below it: the 7th working day is Mon 30 Nov.
    const after = await due(world.schoolA.id);
    expect(after.due).toBe('2026-11-30');
    expect(after.calendarVersion).toBe(put.body.calendarVersion);
    expect(after.calendarVersion).not.toBe(before.calendarVersion);
    expect((await due(world.divisionA.id)).due).toBe('2026-11-30');
    expect((await due(world.agencyB.id, admin)).due).toBe('2026-11-27'); // the sibling is unaffected
    expect((await due(undefined)).due).toBe('2026-11-27'); // and so is the national calendar

    // Removing it puts everything back.
    await as(admin, api().delete(`/api/v1/calendars/${world.agencyA.id}/entries/2026-11-24`)).expect(204);
    expect(await due(world.schoolA.id)).toMatchObject({
      due: '2026-11-27',
      calendarVersion: before.calendarVersion,
    });
  });

  it('exports a year as CSV and iCalendar that read back the same, and imports them back', async () => {
    await as(admin, api().put(`/api/v1/calendars/${world.agencyA.id}/entries/2026-11-24`))
      .send({ kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' })
      .expect(200);
    await as(admin, api().put(`/api/v1/calendars/${world.agencyA.id}/entries/2026-11-28`))
      .send({ kind: 'make_up_working_day', name: 'Làm bù, thứ Bảy' })
      .expect(200);
    const path = `/api/v1/calendars/${world.schoolA.id}/years/2026/export`;

    const csv = await as(officer, api().get(path)).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="calendar-pub-[0-9a-f]+-2026\.csv"$/i,
    );
    const csvRows = parseCsv(csv.text, { columns: true }) as Row[];
    expect(csvRows).toContainEqual({ date: '2026-11-24', kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' });
    expect(csvRows).toContainEqual({
      date: '2026-11-28',
      kind: 'make_up_working_day',
      name: 'Làm bù, thứ Bảy',
    });
    expect(csvRows).toContainEqual({
      date: '2026-02-17',
      kind: 'day_off',
      name: 'Tết Âm lịch (Lunar New Year)',
    });
    expect(csvRows.every((r) => r.date.startsWith('2026-'))).toBe(true);

    const ics = await as(officer, api().get(path).query({ format: 'ics' })).expect(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = icsRows(ics.text);
    expect(events.map(({ date, kind, name }) => ({ date, kind, name }))).toEqual(csvRows);
    expect(events.find((e) => e.date === '2026-11-24')?.uid).toBe(
      `2026-11-24-day_off@${world.schoolA.id}.calendar.tiepdan`,
    );
    // UIDs are stable from one export to the next.
    const again = icsRows((await as(officer, api().get(path).query({ format: 'ics' })).expect(200)).text);
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));

    // The iCalendar of agency A's subtree, imported into agency B, gives B the same 2026.
    const imported = await as(admin, api().post(`/api/v1/calendars/${world.agencyB.id}/years/2026/import`))
      .send({ format: 'ics', content: ics.text })
      .expect(200);
    expect(imported.body).toMatchObject({
      format: 'ics',
      rows: csvRows.length,
      days: csvRows.length,
      changed: true,
    });
    expect(imported.body.entries).toEqual({ added: 2, updated: 0, removed: 0, unchanged: 0 });
    const bCsv = await as(admin, api().get(`/api/v1/calendars/${world.schoolB.id}/years/2026/export`)).expect(
      200,
    );
    expect(parseCsv(bCsv.text, { columns: true })).toEqual(csvRows);
    // 24 Nov off, Saturday 28 Nov worked: the 7th working day after 18 Nov is that Saturday.
    expect((await due(world.agencyB.id, admin)).due).toBe('2026-11-28');
    expect((await due(world.schoolA.id)).due).toBe('2026-11-28');

    // The CSV imported back where it came from changes nothing.
    const back = await as(admin, api().post(`/api/v1/calendars/${world.agencyA.id}/years/2026/import`))
      .send({ format: 'csv', content: csv.text })
      .expect(200);
    expect(back.body).toMatchObject({
      changed: false,
      entries: { added: 0, updated: 0, removed: 0, unchanged: 2 },
    });
  });

  it('answers every bad input with its code, never a 500', async () => {
    const a = world.agencyA.id;
    const cases: [string, () => request.Test, number, string][] = [
      [
        'impossible date',
        () => api().put(`/api/v1/calendars/${a}/entries/2026-02-30`).send({ kind: 'day_off', name: 'x' }),
        400,
        'DATE_INVALID',
      ],
      [
        'date before the calendar',
        () => api().put(`/api/v1/calendars/${a}/entries/2019-05-06`).send({ kind: 'day_off', name: 'x' }),
        422,
        'CALENDAR_OUT_OF_RANGE',
      ],
      [
        'unknown kind',
        () => api().put(`/api/v1/calendars/${a}/entries/2026-05-06`).send({ kind: 'holiday', name: 'x' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'blank name',
        () => api().put(`/api/v1/calendars/${a}/entries/2026-05-06`).send({ kind: 'day_off', name: '   ' }),
        400,
        'CALENDAR_ENTRY_NAME_INVALID',
      ],
      [
        'formula name',
        () => api().put(`/api/v1/calendars/${a}/entries/2026-05-06`).send({ kind: 'day_off', name: '=cmd' }),
        400,
        'CALENDAR_ENTRY_NAME_INVALID',
      ],
      [
        'scope that is neither national nor a unit id',
        () => api().get('/api/v1/calendars/everywhere'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'unknown unit',
        () => api().get('/api/v1/calendars/0194f0a0-0000-7000-8000-000000000000'),
        404,
        'UNIT_NOT_FOUND',
      ],
      [
        'year after the calendar',
        () => api().get(`/api/v1/calendars/${a}/years/2061`),
        422,
        'CALENDAR_OUT_OF_RANGE',
      ],
      [
        'year that is not a year',
        () => api().get(`/api/v1/calendars/${a}/years/20x6`),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'export in an unknown format',
        () => api().get(`/api/v1/calendars/${a}/years/2026/export?format=pdf`),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'removing an entry that is not there',
        () => api().delete(`/api/v1/calendars/${a}/entries/2026-05-06`),
        404,
        'CALENDAR_ENTRY_NOT_FOUND',
      ],
      [
        'withdrawing a year never stated',
        () => api().delete(`/api/v1/calendars/${a}/years/2027`),
        404,
        'CALENDAR_YEAR_NOT_SET',
      ],
      [
        'confirming without saying so',
        () => api().put(`/api/v1/calendars/${a}/years/2027`).send({}),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'importing what is not a calendar',
        () =>
          api().post(`/api/v1/calendars/${a}/years/2027/import`).send({ format: 'ics', content: 'hello' }),
        400,
        'CALENDAR_IMPORT_INVALID',
      ],
      [
        'importing a CSV without its header',
        () =>
          api()
            .post(`/api/v1/calendars/${a}/years/2027/import`)
            .send({ format: 'csv', content: '2027-01-01,day_off,x' }),
        400,
        'CALENDAR_IMPORT_INVALID',
      ],
      [
        'importing an unknown format',
        () => api().post(`/api/v1/calendars/${a}/years/2027/import`).send({ format: 'xlsx', content: 'x' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'previewing without an action',
        () => api().post(`/api/v1/calendars/${a}/changes/preview`).send({ date: '2026-05-06' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'previewing a day without its name',
        () =>
          api()
            .post(`/api/v1/calendars/${a}/changes/preview`)
            .send({ action: 'set_entry', date: '2026-05-06', kind: 'day_off' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'previewing an impossible date',
        () =>
          api()
            .post(`/api/v1/calendars/${a}/changes/preview`)
            .send({ action: 'set_entry', date: '2026-02-30', kind: 'day_off', name: 'x' }),
        400,
        'DATE_INVALID',
      ],
      [
        'previewing the removal of a day the calendar does not set',
        () =>
          api()
            .post(`/api/v1/calendars/${a}/changes/preview`)
            .send({ action: 'remove_entry', date: '2026-05-06' }),
        404,
        'CALENDAR_ENTRY_NOT_FOUND',
      ],
      [
        'previewing a year outside the calendar',
        () =>
          api()
            .post(`/api/v1/calendars/${a}/changes/preview`)
            .send({ action: 'set_year', year: 2061, confirmed: true }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'previewing a bad import',
        () =>
          api().post(`/api/v1/calendars/${a}/changes/preview`).send({
            action: 'import',
            year: 2027,
            format: 'csv',
            content: 'date,kind,name\n2026-01-01,day_off,x\n',
          }),
        400,
        'CALENDAR_IMPORT_INVALID',
      ],
      [
        'listing changes with a bad limit',
        () => api().get(`/api/v1/calendars/${a}/changes?limit=many`),
        400,
        'VALIDATION_FAILED',
      ],
    ];
    const failures: string[] = [];
    for (const [name, make, status, code] of cases) {
      const res = await as(admin, make());
      if (res.status !== status || res.body.code !== code)
        failures.push(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).toEqual([]);

    // An import's problems come back row by row, column by column.
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//x//VI',
      'BEGIN:VEVENT',
      'UID:a@test',
      'DTSTAMP:20261101T000000Z',
      'DTSTART;VALUE=DATE:20270101',
      'SUMMARY:Tết Dương lịch',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b@test',
      'DTSTAMP:20261101T000000Z',
      'DTSTART:20270105T090000Z',
      'SUMMARY:Họp',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:c@test',
      'DTSTAMP:20261101T000000Z',
      'DTSTART;VALUE=DATE:20261231',
      'DTEND;VALUE=DATE:20270102',
      'SUMMARY:Giao thừa',
      'CATEGORIES:make_up_working_day',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const res = await as(admin, api().post(`/api/v1/calendars/${a}/years/2027/import`))
      .send({ format: 'ics', content: ics })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'CALENDAR_IMPORT_INVALID', errorCount: 3 });
    expect(res.body.errors).toEqual([
      { row: 2, column: 'DTSTART', message: 'must be an all-day date (DTSTART;VALUE=DATE:YYYYMMDD)' },
      { row: 3, column: 'DTSTART', message: '2026-12-31 is not in 2027' },
      { row: 3, column: 'DTSTART', message: '2027-01-01 is already listed on row 1' },
    ]);
    expect(res.body.details[0]).toEqual({ field: 'rows[2].DTSTART', message: expect.any(String) });
    expect(Number((await dataSource.query('SELECT COUNT(*) AS n FROM calendar_entries'))[0].n)).toBe(0);
  });

  it('leaves an audit entry for every change, by the admin who made it, on the unit it concerns', async () => {
    const a = world.agencyA.id;
    const audit = async () =>
      (await dataSource.query(
        `SELECT action, entity_type AS type, entity_id AS id, unit_id AS unit, actor_user_id AS actor
         FROM audit_log a WHERE entity_type LIKE 'calendar%' ORDER BY a.id`,
      )) as { action: string; type: string; id: string; unit: string | null; actor: string }[];
    await as(admin, api().put(`/api/v1/calendars/${a}/entries/2026-12-31`))
      .send({ kind: 'day_off', name: 'A' })
      .expect(200);
    await as(admin, api().put(`/api/v1/calendars/${a}/entries/2026-12-31`))
      .send({ kind: 'day_off', name: 'B' })
      .expect(200);
    // The same again is no change, and leaves no entry.
    const same = await as(admin, api().put(`/api/v1/calendars/${a}/entries/2026-12-31`))
      .send({ kind: 'day_off', name: 'B' })
      .expect(200);
    expect(same.body.changed).toBe(false);
    await as(admin, api().delete(`/api/v1/calendars/${a}/entries/2026-12-31`)).expect(204);
    await as(admin, api().put(`/api/v1/calendars/${a}/years/2027`))
      .send({ confirmed: false })
      .expect(200);
    await as(admin, api().delete(`/api/v1/calendars/${a}/years/2027`)).expect(204);
    await as(admin, api().put('/api/v1/calendars/national/years/2027')).send({ confirmed: true }).expect(200);
    await as(admin, api().post(`/api/v1/calendars/${a}/years/2027/import`))
      .send({ format: 'csv', content: 'date,kind,name\n2027-01-01,day_off,Tết Dương lịch\n' })
      .expect(200);

    const entries = await audit();
    const entryId = entries[0].id;
    expect(entries.map((e) => [e.action, e.type, e.id, e.unit])).toEqual([
      ['create', 'calendar_entry', entryId, a],
      ['update', 'calendar_entry', entryId, a],
      ['delete', 'calendar_entry', entryId, a],
      ['calendar.hold_year_provisional', 'calendar_year', `${a}.2027`, a],
      ['calendar.withdraw_year', 'calendar_year', `${a}.2027`, a],
      ['calendar.confirm_year', 'calendar_year', 'national.2027', null],
      ['calendar.import', 'calendar', `${a}.2027`, a],
    ]);
    expect(new Set(entries.map((e) => e.actor))).toEqual(new Set([world.users.admin.id]));
    // Each change also left one outbox row for the deadlines to recompute (the import changed 2027's layout).
    expect(Number((await dataSource.query('SELECT COUNT(*) AS n FROM calendar_changes'))[0].n)).toBe(7);
  });

  it('lets every role read the national calendar and only admins change it', async () => {
    const handler = (await login(app.getHttpServer(), world.users.case_handler.email)).accessToken;
    const national = await as(handler, api().get('/api/v1/calendars/national')).expect(200);
    expect(national.body).toMatchObject({
      scope: 'national',
      calendarId: 'vn-public-sector',
      confirmedYears: expect.arrayContaining([2025, 2026]),
    });
    const year = await as(handler, api().get('/api/v1/calendars/national/years/2026')).expect(200);
    expect(year.body).toMatchObject({
      year: 2026,
      confirmed: true,
      confirmationSource: 'built-in',
      workingDays: 250,
    });
    const tet = year.body.days.find((d: { date: string }) => d.date === '2026-02-17');
    expect(tet).toMatchObject({ status: 'day_off', working: false, source: 'built-in' });
    const denied = await as(handler, api().put('/api/v1/calendars/national/entries/2026-11-24')).send({
      kind: 'day_off',
      name: 'x',
    });
    expect([denied.status, denied.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
    await as(admin, api().put('/api/v1/calendars/national/entries/2026-11-24'))
      .send({ kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' })
      .expect(200);
    expect((await due(world.agencyB.id, admin)).due).toBe('2026-11-30');
  });

  it('warns in the listing and the readiness report while 2027 is unconfirmed from 2 Nov 2026', async () => {
    const clock = app.get(Clock);
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-11-01T12:00:00Z'));
    const quiet = await as(officer, api().get('/api/v1/calendars/readiness')).expect(200);
    expect(quiet.body).toMatchObject({
      ready: true,
      today: '2026-11-01',
      nextYear: 2027,
      daysUntilNextYear: 61,
      warnings: [],
    });

    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-11-20T12:00:00Z'));
    const report = await as(officer, api().get('/api/v1/calendars/readiness')).expect(200);
    expect(report.body).toMatchObject({ ready: false, today: '2026-11-20', daysUntilNextYear: 42 });
    // The national calendar and the officer's own unit (which follows it).
    expect(report.body.calendars.map((c: { scope: string }) => c.scope)).toEqual([
      'national',
      world.divisionA.id,
    ]);
    expect(report.body.warnings.map((w: { code: string; year: number }) => `${w.code}:${w.year}`)).toEqual([
      'CALENDAR_NEXT_YEAR_PROVISIONAL:2027',
      'CALENDAR_NEXT_YEAR_PROVISIONAL:2027',
    ]);
    const list = await as(admin, api().get('/api/v1/calendars')).expect(200);
    expect(list.body.warnings).toHaveLength(1);
    expect(list.body.calendars[0]).toMatchObject({
      scope: 'national',
      readiness: {
        nextYear: 2027,
        nextYearConfirmed: false,
        warnings: [{ code: 'CALENDAR_NEXT_YEAR_PROVISIONAL' }],
      },
    });

    await as(admin, api().put('/api/v1/calendars/national/years/2027')).send({ confirmed: true }).expect(200);
    expect((await as(officer, api().get('/api/v1/calendars/readiness')).expect(200)).body.ready).toBe(true);
    expect((await as(admin, api().get('/api/v1/calendars')).expect(200)).body.warnings).toEqual([]);
  });

  it('documents the calendar routes in OpenAPI', async () => {
    const doc = (await api().get('/api/docs-json').expect(200)).body;
    for (const path of [
      '/api/v1/calendars',
      '/api/v1/calendars/readiness',
      '/api/v1/calendars/{scope}',
      '/api/v1/calendars/{scope}/years/{year}',
      '/api/v1/calendars/{scope}/years/{year}/export',
      '/api/v1/calendars/{scope}/years/{year}/import',
      '/api/v1/calendars/{scope}/entries/{date}',
      '/api/v1/calendars/{scope}/changes',
      '/api/v1/calendars/{scope}/changes/preview',
    ]) {
      expect(doc.paths[path]).toBeDefined();
    }
    expect(
      doc.paths['/api/v1/calendars/{scope}/years/{year}/export'].get.responses['200'].content,
    ).toHaveProperty('text/calendar');
  });
});
