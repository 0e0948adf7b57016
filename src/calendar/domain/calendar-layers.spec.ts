import fc from 'fast-check';
import { daysFromCivil, fromEpochDay, weekday } from '../../common/domain/local-date';
import { computeDeadline } from '../../deadlines/domain/deadline-engine';
import {
  baseLayout,
  calendarIdFor,
  composeCalendar,
  composeLayout,
  describesLayout,
  NATIONAL_SCOPE,
  overridesForLayout,
  REST_DAY_NAME,
  WORKING_DAY_NAME,
  type CalendarLayer,
} from './calendar-layers';
import { nationalCalendar } from './national-calendar';
import type { CalendarEntry } from './working-calendar';

const AGENCY = '0194f0a0-0000-7000-8000-00000000000a';
const SCHOOL = '0194f0a0-0000-7000-8000-00000000000b';
const layer = (scope: string, entries: CalendarEntry[] = [], years: CalendarLayer['years'] = []) => ({
  scope,
  entries,
  years,
});
const off = (date: string, name = 'Nghỉ'): CalendarEntry => ({ date, kind: 'day_off', name });
const work = (date: string, name = 'Làm bù'): CalendarEntry => ({ date, kind: 'make_up_working_day', name });
const hash = (version: string) => version.split('@')[1];

describe('composing a unit calendar from layers', () => {
  it('without any override is the national calendar (same working days and provisional years)', () => {
    const { calendar } = composeCalendar([]);
    expect(calendar.id).toBe('vn-public-sector');
    expect(calendar.version).toBe(nationalCalendar().version);
    expect(calendar.confirmedYears).toEqual([2025, 2026]);
    // A unit layer with nothing in it changes nothing, not even the id.
    expect(composeCalendar([layer(NATIONAL_SCOPE), layer(AGENCY)]).calendar.version).toBe(
      nationalCalendar().version,
    );
  });

  it('lets the nearest scope win per date: school over agency over national over built-in', () => {
    const layers = [
      layer(NATIONAL_SCOPE, [off('2026-11-24', 'Ngày Văn hóa Việt Nam')]),
      layer(AGENCY, [off('2026-11-25', 'Ngày truyền thống Sở'), work('2026-11-24', 'Trực')]),
      layer(SCHOOL, [off('2026-11-24', 'Nghỉ trường')]),
    ];
    const school = composeCalendar(layers);
    const agency = composeCalendar(layers.slice(0, 2));
    const nation = composeCalendar(layers.slice(0, 1));
    expect(nation.calendar.isWorkingDay('2026-11-24')).toBe(false);
    expect(agency.calendar.isWorkingDay('2026-11-24')).toBe(true);
    expect(school.calendar.isWorkingDay('2026-11-24')).toBe(false);
    expect(school.calendar.isWorkingDay('2026-11-25')).toBe(false); // inherited from the agency
    expect(school.entries.get('2026-11-24')).toMatchObject({ source: SCHOOL, name: 'Nghỉ trường' });
    expect(school.entries.get('2026-11-25')).toMatchObject({ source: AGENCY });
    expect(school.entries.get('2026-02-17')).toMatchObject({ source: 'built-in', kind: 'day_off' });
    expect(school.entries.get('2027-01-01')).toMatchObject({ source: 'computed' });
    expect(school.calendar.id).toBe(`unit-${SCHOOL}`);
    expect(agency.calendar.id).toBe(`unit-${AGENCY}`);
    expect(nation.calendar.id).toBe('vn-public-sector');
    expect(new Set([school, agency, nation].map((c) => hash(c.calendar.version))).size).toBe(3);
  });

  it('turns a built-in day off into a working day with a make-up override (a unit that works on 2 Sep)', () => {
    const { calendar } = composeCalendar([layer(AGENCY, [work('2026-09-02', 'Trực lễ')])]);
    expect(calendar.isWorkingDay('2026-09-02')).toBe(true);
    expect(nationalCalendar().isWorkingDay('2026-09-02')).toBe(false);
  });

  it('takes the confirmation of a year from the nearest scope that says anything about it', () => {
    const national = layer(NATIONAL_SCOPE, [], [{ year: 2027, confirmed: true }]);
    const agency = layer(AGENCY, [], [{ year: 2027, confirmed: false }]);
    const school = layer(SCHOOL, [], [{ year: 2028, confirmed: true }]);
    const c = composeLayout([national, agency, school]).confirmation;
    expect(c.get(2025)).toEqual({ confirmed: true, source: 'built-in' });
    expect(c.get(2027)).toEqual({ confirmed: false, source: AGENCY });
    expect(c.get(2028)).toEqual({ confirmed: true, source: SCHOOL });
    expect(c.get(2029)).toEqual({ confirmed: false, source: 'computed' });
    expect(composeLayout([national]).confirmation.get(2027)).toEqual({ confirmed: true, source: 'national' });
    const calendar = composeCalendar([national, agency, school]).calendar;
    expect(calendar.isProvisionalYear(2027)).toBe(true);
    expect(calendar.isProvisionalYear(2028)).toBe(false);
    expect(composeCalendar([national]).calendar.isProvisionalYear(2027)).toBe(false);
    // Confirming keeps the computed layout (it is a statement, not a replacement): 1 Jan 2027 stays off.
    expect(composeCalendar([national]).calendar.isWorkingDay('2027-01-01')).toBe(false);
  });

  it('confirming a year changes the version (the provisional flag of deadlines changes)', () => {
    const before = composeCalendar([]).calendar.version;
    const after = composeCalendar([layer(NATIONAL_SCOPE, [], [{ year: 2027, confirmed: true }])]).calendar
      .version;
    expect(after).not.toBe(before);
  });

  it('moves a deadline across a unit day off: TC-1 (7 wd) from Wed 18 Nov 2026', () => {
    const plain = composeCalendar([]).calendar;
    const agency = composeCalendar([layer(AGENCY, [off('2026-11-24', 'Nghỉ')])]).calendar;
    expect(computeDeadline('TC-1', '2026-11-18', {}, plain).due).toBe('2026-11-27');
    expect(computeDeadline('TC-1', '2026-11-18', {}, agency).due).toBe('2026-11-30');
  });

  it('names the scope of the nearest unit with data of its own in the id', () => {
    expect(calendarIdFor([layer(NATIONAL_SCOPE, [off('2026-11-24')]), layer(AGENCY), layer(SCHOOL)])).toBe(
      'vn-public-sector',
    );
    expect(calendarIdFor([layer(AGENCY, [off('2026-11-24')]), layer(SCHOOL)])).toBe(`unit-${AGENCY}`);
  });
});

describe('the overrides an imported layout needs', () => {
  const inherited = composeLayout([]).entries;
  const year2026 = (): CalendarEntry[] => [...inherited.values()].filter((e) => e.date.startsWith('2026-'));

  it('needs none when the file is the inherited layout', () => {
    expect(overridesForLayout(2026, inherited, year2026())).toEqual([]);
  });

  it('adds what differs, cancels what is missing, and ignores holidays named on rest days', () => {
    const wanted = year2026()
      .filter((e) => e.date !== '2026-01-02' && e.date !== '2026-01-10' && e.date !== '2026-04-26')
      .concat([off('2026-11-24', 'Ngày Văn hóa Việt Nam')])
      .map((e) => (e.date === '2026-09-01' ? { ...e, name: 'Quốc khánh' } : e));
    expect(overridesForLayout(2026, inherited, wanted)).toEqual([
      { date: '2026-01-02', kind: 'make_up_working_day', name: WORKING_DAY_NAME },
      { date: '2026-01-10', kind: 'day_off', name: REST_DAY_NAME },
      // 2026-04-26 (Giỗ Tổ on a Sunday) is missing from the file but changes no day: no override.
      { date: '2026-09-01', kind: 'day_off', name: 'Quốc khánh' },
      { date: '2026-11-24', kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' },
    ]);
  });

  it('keeps a make-up weekday only where it cancels an inherited day off', () => {
    expect(overridesForLayout(2026, inherited, [...year2026(), work('2026-03-04')])).toEqual([]);
    const withoutTet = year2026().filter((e) => e.date !== '2026-02-16');
    expect(overridesForLayout(2026, inherited, [...withoutTet, work('2026-02-16', 'Làm')])).toEqual([
      work('2026-02-16', 'Làm'),
    ]);
  });

  it('refuses a row of another year or a date listed twice', () => {
    expect(() => overridesForLayout(2026, inherited, [off('2027-01-01')])).toThrow('not a date of 2026');
    expect(() => overridesForLayout(2026, inherited, [off('2026-03-03'), work('2026-03-03')])).toThrow(
      'listed twice',
    );
  });

  it('makes the effective layout equal the file, for any file (property)', () => {
    const day = fc.integer({ min: daysFromCivil(2027, 1, 1), max: daysFromCivil(2027, 12, 31) });
    const entry = fc.record({
      date: day.map(fromEpochDay),
      kind: fc.constantFrom<'day_off' | 'make_up_working_day'>('day_off', 'make_up_working_day'),
      name: fc.constantFrom('A', 'B'),
    });
    const parentLayers = fc
      .array(entry, { maxLength: 10 })
      .map((entries) => [layer(NATIONAL_SCOPE, dedupe(entries))]);
    fc.assert(
      fc.property(parentLayers, fc.array(entry, { maxLength: 25 }), (parents, fileRows) => {
        const file = dedupe(fileRows);
        const parent = composeLayout(parents);
        const own = overridesForLayout(2027, parent.entries, file);
        const child = composeCalendar([...parents, layer(AGENCY, own)]);
        const wanted = composeCalendar([layer(AGENCY, replaceYear(file))]);
        const differing: string[] = [];
        for (let d = daysFromCivil(2027, 1, 1); d <= daysFromCivil(2027, 12, 31); d++) {
          const date = fromEpochDay(d);
          if (child.calendar.isWorkingDay(date) !== wanted.calendar.isWorkingDay(date)) differing.push(date);
        }
        expect(differing).toEqual([]);
        // The export of the result lists the file's effective rows.
        const exported = child.calendar.entriesOf(2027).filter((e) => describesLayout(e));
        for (const row of file.filter((e) => describesLayout(e))) {
          expect(exported).toContainEqual(expect.objectContaining({ date: row.date, kind: row.kind }));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('has a base layout of one entry per date', () => {
    const dates = [...baseLayout().entries.keys()];
    expect(new Set(dates).size).toBe(dates.length);
  });
});

function dedupe(entries: CalendarEntry[]): CalendarEntry[] {
  return [...new Map(entries.map((e) => [e.date, e])).values()];
}

/** A layout for 2027 alone: the file's rows, with every computed 2027 weekday off cancelled first. */
function replaceYear(file: CalendarEntry[]): CalendarEntry[] {
  const cancel = [...baseLayout().entries.values()]
    .filter((e) => e.date.startsWith('2027-') && e.kind === 'day_off' && weekday(e.date) <= 5)
    .map((e) => work(e.date));
  return dedupe([...cancel, ...file]);
}
