import { DomainError } from '../../common/domain/domain-error';
import { daysFromCivil, fromEpochDay, weekday } from '../../common/domain/local-date';
import { nationalCalendar, statutoryHolidays } from './national-calendar';
import type { WorkingCalendar } from './working-calendar';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
}

/** Weekdays that are not worked, and weekend days that are, in one year. */
function exceptions(
  calendar: WorkingCalendar,
  year: number,
): { weekdaysOff: string[]; workedWeekendDays: string[] } {
  const weekdaysOff: string[] = [];
  const workedWeekendDays: string[] = [];
  for (let d = daysFromCivil(year, 1, 1); d <= daysFromCivil(year, 12, 31); d++) {
    const date = fromEpochDay(d);
    const isWeekend = weekday(date) >= 6;
    const working = calendar.isWorkingDay(date);
    if (!isWeekend && !working) weekdaysOff.push(date.slice(5));
    if (isWeekend && working) workedWeekendDays.push(date.slice(5));
  }
  return { weekdaysOff, workedWeekendDays };
}

describe('the national public-sector calendar', () => {
  const calendar = nationalCalendar();

  it('covers 2020–2060 and is built once', () => {
    expect(calendar.firstDate).toBe('2020-01-01');
    expect(calendar.lastDate).toBe('2060-12-31');
    expect(nationalCalendar()).toBe(calendar);
    expect(calendar.version).toMatch(/^vn-public-sector@[0-9a-f]{16}$/);
  });

  // deadline-policy.md, "Public-sector calendar data" (legal-reference §8.2).
  it('has the confirmed 2025 layout: swapped 2 May, make-up Saturday 26 Apr', () => {
    expect(exceptions(calendar, 2025)).toEqual({
      weekdaysOff: [
        '01-01',
        '01-27',
        '01-28',
        '01-29',
        '01-30',
        '01-31',
        '04-07',
        '04-30',
        '05-01',
        '05-02',
        '09-01',
        '09-02',
      ],
      workedWeekendDays: ['04-26'],
    });
  });

  // deadline-policy.md, "Public-sector calendar data" (legal-reference §8.3).
  it('has the confirmed 2026 layout: swapped 2 Jan and 31 Aug, make-up 10 Jan and 22 Aug', () => {
    expect(exceptions(calendar, 2026)).toEqual({
      weekdaysOff: [
        '01-01',
        '01-02',
        '02-16',
        '02-17',
        '02-18',
        '02-19',
        '02-20',
        '04-27',
        '04-30',
        '05-01',
        '08-31',
        '09-01',
        '09-02',
      ],
      workedWeekendDays: ['01-10', '08-22'],
    });
  });

  it('marks 2025 and 2026 confirmed and every other year provisional', () => {
    expect(calendar.confirmedYears).toEqual([2025, 2026]);
    expect(calendar.isProvisionalYear(2024)).toBe(true);
    expect(calendar.isProvisionalYear(2027)).toBe(true);
    expect(calendar.isProvisional('2026-12-31')).toBe(false);
    expect(calendar.isProvisional('2027-01-01')).toBe(true);
  });

  it('computes the 2026 layout from the Labor Code alone, except the two swaps the PM decided', () => {
    const computed = statutoryHolidays(2026)
      .filter((e) => weekday(e.date) <= 5)
      .map((e) => e.date.slice(5));
    const confirmed = exceptions(calendar, 2026).weekdaysOff.filter((d) => d !== '01-02' && d !== '08-31');
    expect(computed).toEqual(confirmed);
  });

  // legal-reference §8.4: Tết Đinh Mùi = Sat 6 Feb 2027; 1 May = Sat → Mon 3 May; Giỗ Tổ Fri 16 Apr.
  it('lays out 2027 provisionally: Tết around Sat 6 Feb with two compensatory days, Mon 3 May off', () => {
    expect(exceptions(calendar, 2027)).toEqual({
      // 1 Jan; 29 Chạp Fri 5 Feb, mùng 1–4 Sat 6 – Tue 9 (Sat/Sun compensated Wed 10, Thu 11);
      // Giỗ Tổ Fri 16 Apr; 30 Apr Fri; 1 May Sat → Mon 3 May; 1–2 Sep Wed–Thu.
      weekdaysOff: [
        '01-01',
        '02-05',
        '02-08',
        '02-09',
        '02-10',
        '02-11',
        '04-16',
        '04-30',
        '05-03',
        '09-01',
        '09-02',
      ],
      workedWeekendDays: [],
    });
  });

  it('reproduces the real 2024 National Day layout: Sun 1 Sep compensated on Tue 3 Sep', () => {
    expect(calendar.isWorkingDay('2024-09-02')).toBe(false);
    expect(calendar.isWorkingDay('2024-09-03')).toBe(false);
    expect(calendar.isWorkingDay('2024-09-04')).toBe(true);
  });

  it('reproduces the real 2023 National Day layout: Sat 2 Sep compensated on Mon 4 Sep', () => {
    expect(calendar.isWorkingDay('2023-09-01')).toBe(false);
    expect(calendar.isWorkingDay('2023-09-04')).toBe(false);
    expect(calendar.isWorkingDay('2023-09-05')).toBe(true);
  });

  it('uses the Vietnamese new year in 2030 (2 Feb, not the Chinese 3 Feb): Fri 1 Feb is off', () => {
    expect(calendar.dayInfo('2030-02-01')).toMatchObject({ working: false, status: 'day_off' });
  });

  it('gives every provisional year exactly five weekday Tết days (art. 112(1)(b))', () => {
    for (let year = 2020; year <= 2060; year++) {
      if (year === 2025 || year === 2026) continue;
      const tetWeekdays = statutoryHolidays(year).filter(
        (e) => e.name.includes('Tết Âm lịch') && weekday(e.date) <= 5,
      );
      expect([year, tetWeekdays.length]).toEqual([year, 5]);
    }
  });

  it('refuses a year outside the lunar table', () => {
    expect(codeOf(() => statutoryHolidays(2061))).toBe('CALENDAR_INVALID_DATA');
    expect(codeOf(() => nationalCalendar({ lastYear: 2070 }))).toBe('CALENDAR_INVALID_DATA');
  });

  describe("with a unit's own entries", () => {
    it('adds a day off to a confirmed year (24 Nov 2026, Ngày Văn hóa Việt Nam) and changes the version', () => {
      const unit = nationalCalendar({
        id: 'unit-7',
        entries: [{ date: '2026-11-24', kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' }],
      });
      expect(unit.isWorkingDay('2026-11-24')).toBe(false);
      expect(calendar.isWorkingDay('2026-11-24')).toBe(true);
      expect(unit.version.startsWith('unit-7@')).toBe(true);
      expect(unit.version.slice(7)).not.toBe(calendar.version.slice('vn-public-sector@'.length));
    });

    it('turns a computed day off of a provisional year into a working day', () => {
      const unit = nationalCalendar({
        entries: [{ date: '2027-02-11', kind: 'make_up_working_day', name: 'PM layout' }],
      });
      expect(unit.isWorkingDay('2027-02-11')).toBe(true);
      expect(unit.isProvisionalYear(2027)).toBe(true);
    });

    it("replaces a year's computed layout when the year is confirmed with its published days", () => {
      const published = nationalCalendar({
        confirmedYears: [2027],
        entries: [
          { date: '2027-01-01', kind: 'day_off', name: 'Tết Dương lịch' },
          { date: '2027-02-04', kind: 'day_off', name: 'Tết' },
          { date: '2027-02-05', kind: 'day_off', name: 'Tết' },
          { date: '2027-02-08', kind: 'day_off', name: 'Tết' },
          { date: '2027-02-09', kind: 'day_off', name: 'Tết' },
          { date: '2027-02-10', kind: 'day_off', name: 'Tết' },
          { date: '2027-02-20', kind: 'make_up_working_day', name: 'Làm bù' },
        ],
      });
      expect(published.isProvisionalYear(2027)).toBe(false);
      expect(exceptions(published, 2027)).toEqual({
        weekdaysOff: ['01-01', '02-04', '02-05', '02-08', '02-09', '02-10'],
        workedWeekendDays: ['02-20'],
      });
      expect(published.isProvisionalYear(2028)).toBe(true);
    });

    it('refuses a confirmed year without any day off (its entries would be the whole layout)', () => {
      expect(codeOf(() => nationalCalendar({ confirmedYears: [2027] }))).toBe('CALENDAR_INVALID_DATA');
    });

    it('refuses the same date as both a day off and a make-up day', () => {
      const entries = [
        { date: '2027-03-01', kind: 'day_off' as const, name: 'a' },
        { date: '2027-03-01', kind: 'make_up_working_day' as const, name: 'b' },
      ];
      expect(codeOf(() => nationalCalendar({ entries }))).toBe('CALENDAR_INVALID_DATA');
    });
  });
});
