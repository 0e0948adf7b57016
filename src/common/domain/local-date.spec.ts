import fc from 'fast-check';
import { DomainError } from './domain-error';
import {
  addDays,
  civilFromDays,
  compareLocalDates,
  daysBetween,
  daysFromCivil,
  epochDayOrNaN,
  fromEpochDay,
  isLocalDate,
  toEpochDay,
  weekday,
  yearOf,
} from './local-date';

// Oracle for the property tests: the platform's proleptic Gregorian UTC arithmetic (tests only).
// eslint-disable-next-line no-restricted-globals -- test oracle, not domain code
const isoOfEpochDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
const FIRST = daysFromCivil(1, 1, 1); // 0001-01-01
const LAST = daysFromCivil(9999, 12, 31);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
}

describe('local dates', () => {
  it('counts epoch days from 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1970-01-02')).toBe(1);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(toEpochDay('2000-03-01')).toBe(11017); // 30 years × 365 + 7 leap days + 31 + 29
  });

  it.each([
    ['2024-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['2025-02-29', false],
    ['1900-02-29', false], // divisible by 100, not by 400
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0000-01-01', false],
    ['2026-1-01', false],
    ['2026-01-1 ', false],
    [' 2026-01-01', false],
    ['2026/01/01', false],
    ['20260101xx', false],
    ['2026-01-01T00:00', false],
    ['abcd-ef-gh', false],
    ['202x-01-01', false], // a bad last digit of the year must not leave a plausible year
    ['2026-0x-01', false],
    ['2026-01-1x', false],
    ['2026-01-+1', false],
    ['', false],
  ])('%s is a valid date: %s', (text, valid) => {
    expect(isLocalDate(text)).toBe(valid);
    expect(Number.isNaN(epochDayOrNaN(text))).toBe(!valid);
  });

  it.each([[20260101], [null], [undefined], [{}]])('rejects the non-string %p', (value) => {
    expect(isLocalDate(value)).toBe(false);
  });

  it('reports an impossible date as DATE_INVALID (kind invalid) naming the field', () => {
    let error: DomainError | undefined;
    try {
      toEpochDay('2026-02-30', 'trigger');
    } catch (e) {
      error = e as DomainError;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe('DATE_INVALID');
    expect(error?.kind).toBe('invalid');
    expect(error?.details?.[0].field).toBe('trigger');
    expect(codeOf(() => addDays('2026-02-30', 1))).toBe('DATE_INVALID');
    expect(codeOf(() => weekday('nope'))).toBe('DATE_INVALID');
    expect(codeOf(() => compareLocalDates('2026-01-01', '2026-02-30'))).toBe('DATE_INVALID');
    expect(codeOf(() => yearOf('2026-02-30'))).toBe('DATE_INVALID');
  });

  it.each([
    ['1970-01-01', 4], // Thursday
    ['2025-01-29', 3], // Lunar New Year 2025, Wednesday
    ['2026-04-26', 7], // Giỗ Tổ 2026, Sunday
    ['2026-08-22', 6], // make-up Saturday
    ['2026-08-31', 1], // swapped Monday
  ])('%s is ISO weekday %i', (date, iso) => {
    expect(weekday(date)).toBe(iso);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-26', 30, '2026-02-25'],
    ['2026-09-07', -5, '2026-09-02'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it('compares dates and reads the year', () => {
    expect(compareLocalDates('2026-06-30', '2026-07-01')).toBe(-1);
    expect(compareLocalDates('2026-07-01', '2026-07-01')).toBe(0);
    expect(compareLocalDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(yearOf('2030-02-02')).toBe(2030);
  });

  it('agrees with the platform calendar for every day of years 0001–9999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (day) => {
        const text = fromEpochDay(day);
        expect(text).toBe(isoOfEpochDay(day));
        expect(toEpochDay(text)).toBe(day);
        const { year, month, day: d } = civilFromDays(day);
        expect(daysFromCivil(year, month, d)).toBe(day);
        expect(weekday(text)).toBe(((new Date(day * 86_400_000).getUTCDay() + 6) % 7) + 1); // eslint-disable-line no-restricted-globals
      }),
      { numRuns: 2000 },
    );
  });
});
