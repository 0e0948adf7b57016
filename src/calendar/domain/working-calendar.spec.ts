import { DomainError } from '../../common/domain/domain-error';
import { toEpochDay } from '../../common/domain/local-date';
import { buildWorkingCalendar, type WorkingCalendarData } from './working-calendar';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
}

// January 2026: Thu 1 (day off), Fri 2 (day off), Sat 3, Sun 4, Mon 5 … Fri 9, Sat 10 (make-up), Mon 12.
const data: WorkingCalendarData = {
  id: 'test',
  firstYear: 2026,
  lastYear: 2026,
  entries: [
    { date: '2026-01-01', kind: 'day_off', name: 'New Year' },
    { date: '2026-01-02', kind: 'day_off', name: 'Swapped' },
    { date: '2026-01-10', kind: 'make_up_working_day', name: 'Make-up' },
    { date: '2026-04-26', kind: 'day_off', name: 'Giỗ Tổ (Sunday)' },
  ],
  confirmedYears: [2026],
};

describe('a working calendar built from plain data', () => {
  const calendar = buildWorkingCalendar(data);
  const off = (date: string) => toEpochDay(date) - calendar.startDay;

  it('covers its years and nothing else', () => {
    expect(calendar.firstDate).toBe('2026-01-01');
    expect(calendar.lastDate).toBe('2026-12-31');
    expect(calendar.contains('2025-12-31')).toBe(false);
    expect(codeOf(() => calendar.isWorkingDay('2027-01-01'))).toBe('CALENDAR_OUT_OF_RANGE');
    expect(codeOf(() => calendar.isWorkingDay('2026-02-30'))).toBe('DATE_INVALID');
  });

  it.each([
    ['2026-01-01', false, 'day_off'],
    ['2026-01-02', false, 'day_off'],
    ['2026-01-03', false, 'rest'],
    ['2026-01-05', true, 'working'],
    ['2026-01-10', true, 'make_up_working_day'],
    ['2026-04-26', false, 'holiday_on_rest_day'],
  ])('%s working=%s (%s)', (date, working, status) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.dayInfo(date).status).toBe(status);
  });

  it('does not count the make-up Saturday when asked not to', () => {
    expect(calendar.isWorkingDay('2026-01-10', false)).toBe(false);
    expect(calendar.index(false).nthAfter(off('2026-01-09'), 1)).toBe(off('2026-01-12'));
    expect(calendar.index(true).nthAfter(off('2026-01-09'), 1)).toBe(off('2026-01-10'));
  });

  it('answers N-th working day after / before and next working day from the index', () => {
    const index = calendar.index();
    // After Wed 31 Dec … here the range starts 1 Jan: after Thu 1 Jan the 1st working day is Mon 5 Jan.
    expect(calendar.dateAt(index.nthAfter(off('2026-01-01'), 1))).toBe('2026-01-05');
    expect(calendar.dateAt(index.nthAfter(off('2026-01-01'), 6))).toBe('2026-01-10');
    expect(calendar.dateAt(index.nthAfter(off('2026-01-01'), 7))).toBe('2026-01-12');
    expect(calendar.dateAt(index.nthBefore(off('2026-01-12'), 1))).toBe('2026-01-10');
    expect(calendar.dateAt(index.nthBefore(off('2026-01-12'), 2))).toBe('2026-01-09');
    expect(calendar.dateAt(index.nextOnOrAfter(off('2026-01-01')))).toBe('2026-01-05');
    expect(calendar.dateAt(index.nextOnOrAfter(off('2026-01-05')))).toBe('2026-01-05');
    expect(index.countBetween(off('2026-01-01'), off('2026-01-12'))).toBe(7);
    // Before the first working day of the range there is nothing: −1, never a wrong date.
    expect(index.nthBefore(off('2026-01-05'), 1)).toBe(-1);
    expect(index.nthAfter(off('2026-12-31'), 1)).toBe(-1);
  });

  it('names entries and lists them per year', () => {
    expect(calendar.dayInfo('2026-01-02').name).toBe('Swapped');
    expect(calendar.entriesOf(2026).map((e) => e.date)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-10',
      '2026-04-26',
    ]);
    expect(calendar.entriesOf(2030)).toEqual([]);
  });

  it('marks years that are not confirmed as provisional', () => {
    const twoYears = buildWorkingCalendar({ ...data, lastYear: 2027 });
    expect(twoYears.isProvisionalYear(2026)).toBe(false);
    expect(twoYears.isProvisionalYear(2027)).toBe(true);
    expect(twoYears.isProvisional('2027-03-01')).toBe(true);
    expect(twoYears.dayInfo('2026-12-31').provisional).toBe(false);
    expect(twoYears.provisionalYears).toEqual([2027]);
    expect(codeOf(() => twoYears.isProvisionalYear(2028))).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('keeps its version when only names change, and changes it when a working day changes', () => {
    const renamed = buildWorkingCalendar({
      ...data,
      entries: data.entries.map((e) => ({ ...e, name: e.name + ' (renamed)' })),
    });
    const withoutNamedSunday = buildWorkingCalendar({ ...data, entries: data.entries.slice(0, 3) });
    const extraDayOff = buildWorkingCalendar({
      ...data,
      entries: [...data.entries, { date: '2026-11-24', kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' }],
    });
    const unconfirmed = buildWorkingCalendar({ ...data, confirmedYears: [] });
    expect(calendar.version).toMatch(/^test@[0-9a-f]{16}$/);
    expect(renamed.version).toBe(calendar.version);
    expect(withoutNamedSunday.version).toBe(calendar.version);
    expect(extraDayOff.version).not.toBe(calendar.version);
    expect(unconfirmed.version).not.toBe(calendar.version);
  });

  it('follows another weekly pattern (Monday to Saturday)', () => {
    const sixDays = buildWorkingCalendar({ ...data, weeklyWorkingDays: [1, 2, 3, 4, 5, 6] });
    expect(sixDays.isWorkingDay('2026-01-03')).toBe(true);
    expect(sixDays.isWorkingDay('2026-01-04')).toBe(false);
    expect(sixDays.dayInfo('2026-01-10').status).toBe('working');
  });

  it.each<[string, Partial<WorkingCalendarData>]>([
    [
      'a day both off and worked',
      { entries: [...data.entries, { date: '2026-01-01', kind: 'make_up_working_day', name: 'x' }] },
    ],
    ['an unknown kind', { entries: [{ date: '2026-01-01', kind: 'holiday' as 'day_off', name: 'x' }] }],
    ['no working weekday', { weeklyWorkingDays: [] }],
    ['a weekday out of 1–7', { weeklyWorkingDays: [0 as 1] }],
    ['years in the wrong order', { firstYear: 2027, lastYear: 2026 }],
    ['no id', { id: '' }],
  ])('rejects data with %s (CALENDAR_INVALID_DATA)', (_what, change) => {
    expect(codeOf(() => buildWorkingCalendar({ ...data, ...change }))).toBe('CALENDAR_INVALID_DATA');
  });

  it('rejects an entry with an impossible date (DATE_INVALID)', () => {
    const entries = [{ date: '2026-02-30', kind: 'day_off' as const, name: 'x' }];
    expect(codeOf(() => buildWorkingCalendar({ ...data, entries }))).toBe('DATE_INVALID');
  });
});
