import fc from 'fast-check';
import { addDays, daysFromCivil, fromEpochDay } from '../../common/domain/local-date';
import { DomainError } from '../../common/domain/domain-error';
import { calendarReadiness, READINESS_WINDOW_DAYS } from './readiness';

const codes = (today: string, confirmed: number[]) =>
  calendarReadiness(today, confirmed).warnings.map((w) => `${w.code}:${w.year}`);

describe('the readiness warning for an unconfirmed next year', () => {
  it('is silent 61 days before 1 January and warns from 60 days before (2 Nov 2026)', () => {
    expect(codes('2026-11-01', [2025, 2026])).toEqual([]);
    const at60 = calendarReadiness('2026-11-02', [2025, 2026]);
    expect(at60.daysUntilNextYear).toBe(60);
    expect(at60.warnings).toHaveLength(1);
    expect(at60.warnings[0]).toMatchObject({
      code: 'CALENDAR_NEXT_YEAR_PROVISIONAL',
      year: 2027,
      daysUntilStart: 60,
    });
    expect(at60.warnings[0].message.vi).toContain('2027');
    expect(at60.warnings[0].message.en).toContain('60 days');
  });

  it('warns up to 31 December and stops once the year is confirmed', () => {
    expect(codes('2026-12-31', [2025, 2026])).toEqual(['CALENDAR_NEXT_YEAR_PROVISIONAL:2027']);
    expect(codes('2026-12-31', [2025, 2026, 2027])).toEqual([]);
    expect(codes('2026-11-20', [2026, 2027])).toEqual([]);
  });

  it('warns about the current year as soon as it has begun unconfirmed', () => {
    const r = calendarReadiness('2027-01-01', [2025, 2026]);
    expect(r.currentYearConfirmed).toBe(false);
    expect(r.warnings.map((w) => [w.code, w.year, w.daysUntilStart])).toEqual([
      ['CALENDAR_CURRENT_YEAR_PROVISIONAL', 2027, 0],
    ]);
    expect(codes('2027-11-15', [])).toEqual([
      'CALENDAR_CURRENT_YEAR_PROVISIONAL:2027',
      'CALENDAR_NEXT_YEAR_PROVISIONAL:2028',
    ]);
  });

  it('opens the window on 2 November every year, leap years included', () => {
    // From 1 Nov: 30 + 31 = 61 days to 1 January; from 2 Nov: 60.
    expect(codes('2027-11-01', [2027])).toEqual([]);
    expect(codes('2027-11-02', [2027])).toEqual(['CALENDAR_NEXT_YEAR_PROVISIONAL:2028']);
    // Leap day itself is an ordinary date.
    expect(calendarReadiness('2028-02-29', [2028]).daysUntilNextYear).toBe(307);
  });

  it('takes a window other than 60 days', () => {
    expect(calendarReadiness('2026-10-01', [2026], 92).warnings).toHaveLength(1);
    expect(calendarReadiness('2026-10-01', [2026], 91).warnings).toHaveLength(0);
  });

  it('rejects an impossible today with DATE_INVALID', () => {
    let error: unknown;
    try {
      calendarReadiness('2026-02-30', []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('DATE_INVALID');
  });

  it('warns about next year exactly on the last 60 days of every year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(2020, 1, 1), max: daysFromCivil(2059, 12, 31) }), (day) => {
        const today = fromEpochDay(day);
        const year = Number(today.slice(0, 4));
        const r = calendarReadiness(today, [year]);
        const windowStart = addDays(`${year + 1}-01-01`, -READINESS_WINDOW_DAYS);
        expect(r.warnings.length === 1).toBe(today >= windowStart);
        expect(calendarReadiness(today, [year, year + 1]).warnings).toEqual([]);
      }),
    );
  });
});
