import { calendarCsv, calendarIcs, parseCalendarCsv, parseCalendarIcs } from './calendar-files';
import { nationalCalendar } from './domain/national-calendar';
import type { CalendarEntry } from './domain/working-calendar';

const entries: CalendarEntry[] = [
  { date: '2027-01-01', kind: 'day_off', name: 'Tết Dương lịch (New Year)' },
  { date: '2027-01-30', kind: 'make_up_working_day', name: 'Làm bù, thứ Bảy; "đặc biệt"' },
  { date: '2027-12-31', kind: 'day_off', name: 'Ngày cuối năm' },
];

describe('calendar files', () => {
  it('writes and reads back a CSV (quotes, commas, a BOM, CRLF line ends)', () => {
    const text = calendarCsv(entries);
    expect(text.split('\n')[0]).toBe('date,kind,name');
    expect(parseCalendarCsv(text, 2027)).toEqual({ entries, problems: [], rows: 3 });
    const windows = '\ufeff' + text.replace(/\n/g, '\r\n');
    expect(parseCalendarCsv(windows, 2027).entries).toEqual(entries);
    expect(parseCalendarCsv('Date, Kind ,NAME\n\n2027-01-01 , day_off ,  Tết \n', 2027)).toEqual({
      entries: [{ date: '2027-01-01', kind: 'day_off', name: 'Tết' }],
      problems: [],
      rows: 1,
    });
  });

  it('reports broken CSV as a problem, not an exception', () => {
    expect(parseCalendarCsv('date,kind,name\n2027-01-01,day_off,"Tết\n', 2027).problems).toEqual([
      { row: 2, column: '*', message: expect.stringContaining('not valid CSV') },
    ]);
    expect(parseCalendarCsv('', 2027).problems).toEqual([
      { row: 1, column: 'header', message: 'the first line must be date,kind,name' },
    ]);
    const many = ['date,kind,name', ...Array.from({ length: 1001 }, () => '2027-01-01,day_off,x')].join('\n');
    expect(parseCalendarCsv(many, 2027).problems).toEqual([
      { row: 1002, column: '*', message: 'more than 1000 rows' },
    ]);
  });

  // The same round trip in other time zones runs in test/integration/calendar-files-timezones.int-spec.ts
  // (a child process per zone: jest cannot change the zone of its own process).
  it('writes all-day iCalendar events that read back on the same dates', () => {
    const text = calendarIcs(entries, { scopeKey: 'national', title: 'Lịch 2027', stamp: new Date() });
    expect(text).toContain('DTSTART;VALUE=DATE:20270101');
    expect(text).toContain('UID:2027-01-01-day_off@national.calendar.tiepdan');
    expect(text).toContain('CATEGORIES:make_up_working_day');
    expect(parseCalendarIcs(text, 2027)).toEqual({ entries, problems: [], rows: 3 });
  });

  it('reads a holiday calendar from elsewhere: no kind means a day off, a span means every day of it', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//elsewhere//EN',
      'BEGIN:VEVENT',
      'UID:tet@elsewhere',
      'DTSTAMP:20261001T000000Z',
      'DTSTART;VALUE=DATE:20270205',
      'DTEND;VALUE=DATE:20270210',
      'SUMMARY;LANGUAGE=vi:Tết Nguyên đán',
      'CATEGORIES:Holidays',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const parsed = parseCalendarIcs(text, 2027);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => `${e.date} ${e.kind} ${e.name}`)).toEqual([
      '2027-02-05 day_off Tết Nguyên đán',
      '2027-02-06 day_off Tết Nguyên đán',
      '2027-02-07 day_off Tết Nguyên đán',
      '2027-02-08 day_off Tết Nguyên đán',
      '2027-02-09 day_off Tết Nguyên đán',
    ]);
  });

  it('refuses recurring events, timed events and text that is not iCalendar', () => {
    const event = (lines: string[]) =>
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//x//EN',
        'BEGIN:VEVENT',
        'UID:x',
        'DTSTAMP:20261001T000000Z',
        ...lines,
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');
    expect(
      parseCalendarIcs(event(['DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=YEARLY', 'SUMMARY:x']), 2027)
        .problems,
    ).toEqual([{ row: 1, column: 'RRULE', message: 'recurring events are not accepted: list each day' }]);
    expect(
      parseCalendarIcs(event(['DTSTART:20270101T080000Z', 'SUMMARY:x']), 2027).problems[0],
    ).toMatchObject({
      row: 1,
      column: 'DTSTART',
    });
    expect(parseCalendarIcs(event(['DTSTART;VALUE=DATE:20270101']), 2027).problems).toEqual([
      { row: 1, column: 'SUMMARY', message: 'is required' },
    ]);
    expect(parseCalendarIcs('date,kind,name', 2027).problems[0]).toMatchObject({ row: 1, column: '*' });
  });

  it('refuses a file whose events share a UID instead of silently keeping only the last one', () => {
    const day = (date: string) => [
      'BEGIN:VEVENT',
      'UID:same',
      'DTSTAMP:20261001T000000Z',
      `DTSTART;VALUE=DATE:${date}`,
      'SUMMARY:Nghỉ',
      'END:VEVENT',
    ];
    const file = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//x//EN',
      ...day('20270102'),
      ...day('20270105'),
      'END:VCALENDAR',
    ].join('\r\n');
    const parsed = parseCalendarIcs(file, 2027);
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toEqual([
      { row: 1, column: 'UID', message: '1 event(s) share a UID with another; give each day its own UID' },
    ]);
  });

  it('exports what the calendar says for a whole year and reads it back unchanged', () => {
    const year = nationalCalendar().entriesOf(2026);
    expect(parseCalendarCsv(calendarCsv(year), 2026).entries).toEqual(year);
    const ics = calendarIcs(year, { scopeKey: 'national', title: '2026', stamp: new Date() });
    expect(parseCalendarIcs(ics, 2026).entries).toEqual(year);
  });
});
