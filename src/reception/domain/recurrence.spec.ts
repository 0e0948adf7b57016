import fc from 'fast-check';
import { nationalCalendar } from '../../calendar/domain/national-calendar.js';
import { addDays, fromEpochDay, weekday, daysFromCivil } from '../../common/domain/local-date.js';
import {
  describeRecurrence,
  expandRecurrence,
  recurrenceProblems,
  type NonWorkingDayPolicy,
  type Recurrence,
} from './recurrence.js';

const calendar = nationalCalendar();
const dates = (r: Recurrence, from: string, to: string, policy: NonWorkingDayPolicy = 'next_working_day') =>
  expandRecurrence(r, { from, to }, calendar, policy).occurrences.map((o) => o.date);

describe('recurrence expansion on the national calendar', () => {
  it('every Tuesday across Tết 2026 moves the Tết Tuesday (17 Feb) to the first working day after Tết', () => {
    const { occurrences, skipped } = expandRecurrence(
      { type: 'weekly', weekdays: [2] },
      { from: '2026-02-01', to: '2026-02-28' },
      calendar,
      'next_working_day',
    );
    expect(occurrences).toEqual([
      { date: '2026-02-03', nominalDate: '2026-02-03', moved: false },
      { date: '2026-02-10', nominalDate: '2026-02-10', moved: false },
      { date: '2026-02-23', nominalDate: '2026-02-17', moved: true, reason: 'Tết Âm lịch (Lunar New Year)' },
      { date: '2026-02-24', nominalDate: '2026-02-24', moved: false },
    ]);
    expect(skipped).toEqual([]);
  });

  it('every Tuesday across Tết 2026 with the skip policy drops the Tết Tuesday', () => {
    const result = expandRecurrence(
      { type: 'weekly', weekdays: [2] },
      { from: '2026-02-01', to: '2026-02-28' },
      calendar,
      'skip',
    );
    expect(result.occurrences.map((o) => o.date)).toEqual(['2026-02-03', '2026-02-10', '2026-02-24']);
    expect(result.skipped).toEqual([{ nominalDate: '2026-02-17', reason: 'Tết Âm lịch (Lunar New Year)' }]);
  });

  it('the 15th of each month: Sunday 15 Feb 2026 moves past the whole Tết week to Monday 23 Feb', () => {
    expect(dates({ type: 'monthly_day', day: 15 }, '2026-01-01', '2026-04-30')).toEqual([
      '2026-01-15',
      '2026-02-23',
      '2026-03-16', // Sunday 15 March → Monday
      '2026-04-15',
    ]);
  });

  it('the 10th of each month stays on Saturday 10 Jan 2026, a make-up working day (làm bù)', () => {
    const { occurrences } = expandRecurrence(
      { type: 'monthly_day', day: 10 },
      { from: '2026-01-01', to: '2026-01-31' },
      calendar,
      'skip',
    );
    expect(occurrences).toEqual([{ date: '2026-01-10', nominalDate: '2026-01-10', moved: false }]);
    expect(weekday('2026-01-10')).toBe(6);
  });

  it('the 22nd of August 2026 is a make-up Saturday and is kept; the 31st (swapped day) moves past National Day', () => {
    expect(dates({ type: 'monthly_day', day: 22 }, '2026-08-01', '2026-08-31')).toEqual(['2026-08-22']);
    // 31 Aug (swapped), 1–2 Sep (National Day) are off: the session lands on Thursday 3 Sep.
    expect(dates({ type: 'monthly_day', day: 31 }, '2026-08-01', '2026-08-31')).toEqual(['2026-09-03']);
  });

  it('every working day includes make-up Saturdays and leaves out holidays without moving anything', () => {
    const jan = dates({ type: 'every_working_day' }, '2026-01-01', '2026-01-11');
    // 1 Jan holiday, 2 Jan swapped, 3–4 weekend, 10 Jan make-up Saturday.
    expect(jan).toEqual(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10']);
  });

  it('the second Thursday and the last Friday of each month', () => {
    expect(dates({ type: 'monthly_weekday', week: 2, weekday: 4 }, '2026-01-01', '2026-06-30')).toEqual([
      '2026-01-08',
      '2026-02-12',
      '2026-03-12',
      '2026-04-09',
      '2026-05-14',
      '2026-06-11',
    ]);
    expect(dates({ type: 'monthly_weekday', week: -1, weekday: 5 }, '2026-01-01', '2026-03-31')).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
    ]);
  });

  it('the last Thursday of April 2026 is Reunification Day (30 Apr) and moves over 1 May and the weekend', () => {
    const { occurrences } = expandRecurrence(
      { type: 'monthly_weekday', week: -1, weekday: 4 },
      { from: '2026-04-01', to: '2026-04-30' },
      calendar,
      'next_working_day',
    );
    expect(occurrences).toEqual([
      {
        date: '2026-05-04',
        nominalDate: '2026-04-30',
        moved: true,
        reason: 'Ngày Chiến thắng (Reunification Day)',
      },
    ]);
  });

  it('the 31st in a 30-day month is the month’s last day (30 June 2026, a Tuesday)', () => {
    expect(dates({ type: 'monthly_day', day: 31 }, '2026-06-01', '2026-06-30')).toEqual(['2026-06-30']);
  });

  it('two weekdays both hit by Tết: the second one would move onto the day the first moved to, so it is dropped', () => {
    // Monday and Tuesday sessions; 16 and 17 Feb are both Tết. 16 → 23 (Mon, itself a nominal day of the
    // series), so it is a duplicate; 17 → 23 as well.
    const { occurrences, skipped } = expandRecurrence(
      { type: 'weekly', weekdays: [1, 2] },
      { from: '2026-02-16', to: '2026-02-24' },
      calendar,
      'next_working_day',
    );
    expect(occurrences.map((o) => o.date)).toEqual(['2026-02-23', '2026-02-24']);
    expect(skipped.map((s) => [s.nominalDate, s.reason])).toEqual([
      ['2026-02-16', 'duplicate'],
      ['2026-02-17', 'duplicate'],
    ]);
  });

  it('Tết 2027 (provisional layout): the Tuesday of 9 Feb moves to Friday 12 Feb', () => {
    expect(dates({ type: 'weekly', weekdays: [2] }, '2027-02-08', '2027-02-14')).toEqual(['2027-02-12']);
  });

  it('an empty range gives nothing; a date outside the calendar is an error', () => {
    expect(dates({ type: 'weekly', weekdays: [1] }, '2026-03-10', '2026-03-01')).toEqual([]);
    expect(() => dates({ type: 'weekly', weekdays: [1] }, '2061-01-01', '2061-01-31')).toThrow(
      expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
    );
  });

  it('every occurrence is a working day; moved ones land on the first working day after their nominal day', () => {
    const recurrence = fc.oneof(
      fc
        .uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 })
        .map((weekdays) => ({ type: 'weekly', weekdays }) as Recurrence),
      fc.integer({ min: 1, max: 31 }).map((day) => ({ type: 'monthly_day', day }) as Recurrence),
      fc
        .record({ week: fc.constantFrom(1, 2, 3, 4, -1), weekday: fc.integer({ min: 1, max: 7 }) })
        .map((r) => ({ type: 'monthly_weekday', ...r }) as Recurrence),
    );
    const start = daysFromCivil(2025, 1, 1);
    fc.assert(
      fc.property(
        recurrence,
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom<NonWorkingDayPolicy>('next_working_day', 'skip'),
        (r, offset, length, policy) => {
          const from = fromEpochDay(start + offset);
          const to = addDays(from, length);
          const { occurrences, skipped } = expandRecurrence(r, { from, to }, calendar, policy);
          const seen = new Set<string>();
          for (const o of occurrences) {
            expect(calendar.isWorkingDay(o.date)).toBe(true);
            expect(o.nominalDate >= from && o.nominalDate <= to).toBe(true);
            expect(seen.has(o.date)).toBe(false);
            seen.add(o.date);
            if (policy === 'skip') expect(o.moved).toBe(false);
            if (o.moved) {
              expect(calendar.isWorkingDay(o.nominalDate)).toBe(false);
              for (let d = addDays(o.nominalDate, 1); d < o.date; d = addDays(d, 1)) {
                expect(calendar.isWorkingDay(d)).toBe(false);
              }
            } else {
              expect(o.date).toBe(o.nominalDate);
            }
          }
          for (const s of skipped) expect(s.nominalDate >= from && s.nominalDate <= to).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('recurrence shape', () => {
  it.each([
    [{ type: 'weekly', weekdays: [2, 4] }, []],
    [{ type: 'monthly_day', day: 15 }, []],
    [{ type: 'monthly_weekday', week: 2, weekday: 4 }, []],
    [{ type: 'every_working_day' }, []],
    [{ type: 'weekly', weekdays: [] }, ['recurrence.weekdays']],
    [{ type: 'weekly', weekdays: [2, 2] }, ['recurrence.weekdays']],
    [{ type: 'weekly', weekdays: [8] }, ['recurrence.weekdays']],
    [{ type: 'monthly_day', day: 0 }, ['recurrence.day']],
    [{ type: 'monthly_day', day: 15, weekday: 2 }, ['recurrence.weekday']],
    [{ type: 'monthly_weekday', week: 5, weekday: 9 }, ['recurrence.week', 'recurrence.weekday']],
    [{ type: 'yearly' }, ['recurrence.type']],
    ['every tuesday', ['recurrence']],
  ])('%j → problems on %j', (value, fields) => {
    expect(recurrenceProblems(value).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    [{ type: 'weekly', weekdays: [4, 2] }, 'thứ Ba, thứ Năm hằng tuần'],
    [{ type: 'monthly_day', day: 15 }, 'ngày 15 hằng tháng'],
    [{ type: 'monthly_weekday', week: 2, weekday: 4 }, 'thứ Năm tuần thứ hai hằng tháng'],
    [{ type: 'monthly_weekday', week: -1, weekday: 5 }, 'thứ Sáu cuối cùng hằng tháng'],
  ] as [Recurrence, string][])('%j reads "%s"', (r, text) => {
    expect(describeRecurrence(r)).toBe(text);
  });
});
