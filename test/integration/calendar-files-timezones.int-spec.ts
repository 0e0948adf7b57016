import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Calendar files must not depend on the server's time zone: an all-day date is written from UTC fields
 * and read back from node-ical's local midnight. Jest cannot change the zone of its own process, so each
 * zone gets a child process running the built code (dist/, built by the test setup).
 */
const root = join(__dirname, '..', '..');
const script = `
  const { calendarCsv, calendarIcs, parseCalendarCsv, parseCalendarIcs } = require(${JSON.stringify(
    join(root, 'dist/src/calendar/calendar-files.js'),
  )});
  const { nationalCalendar } = require(${JSON.stringify(join(root, 'dist/src/calendar/domain/national-calendar.js'))});
  const entries = nationalCalendar().entriesOf(2026);
  const ics = calendarIcs(entries, { scopeKey: 'national', title: '2026', stamp: new Date() });
  process.stdout.write(JSON.stringify({
    zoneOffsetOn1Jan: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
    dtstart: /DTSTART;VALUE=DATE:(\\d+)/.exec(ics)[1],
    ics: parseCalendarIcs(ics, 2026),
    csv: parseCalendarCsv(calendarCsv(entries), 2026),
    expected: entries,
  }));
`;

describe('calendar files in any server time zone', () => {
  it.each([
    ['Asia/Ho_Chi_Minh', -420],
    ['UTC', 0],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
  ])('round-trips the 2026 layout in %s', (zone, offset) => {
    const run = spawnSync(process.execPath, ['-e', script], {
      env: { PATH: process.env.PATH, TZ: zone },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.zoneOffsetOn1Jan).toBe(offset); // the zone really applies in the child
    expect(out.dtstart).toBe('20260101');
    expect(out.ics).toEqual({ entries: out.expected, problems: [], rows: out.expected.length });
    expect(out.csv.entries).toEqual(out.expected);
  });
});
