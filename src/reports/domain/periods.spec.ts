import fc from 'fast-check';
import { addDays, daysBetween } from '../../common/domain/local-date.js';
import {
  CALENDAR_CUTOFF,
  customWindow,
  DEFAULT_DEADLINE_CONFIG,
  NATIONAL_ASSEMBLY_CUTOFF,
  ND09_CUTOFF,
  PERIOD_KINDS,
  reportingDeadlines,
  reportWindow,
  reportWindows,
  windowContaining,
  windowDays,
  type CutoffRule,
  type DeadlineRule,
  type PeriodKind,
  type ReportingDeadlineConfig,
} from './periods.js';

const span = (kind: PeriodKind, year: number, index: number | null, rule: CutoffRule = ND09_CUTOFF) => {
  const w = reportWindow(kind, year, index, rule);
  return [w.from, w.to];
};

describe('reportWindow — NĐ 09/2019 cut-off (default)', () => {
  it.each<[PeriodKind, number, number | null, string, string]>([
    ['quarter', 2025, 1, '2024-12-15', '2025-03-14'],
    ['quarter', 2025, 2, '2025-03-15', '2025-06-14'],
    ['quarter', 2025, 3, '2025-06-15', '2025-09-14'],
    ['quarter', 2025, 4, '2025-09-15', '2025-12-14'],
    ['six_months', 2025, null, '2024-12-15', '2025-06-14'],
    ['nine_months', 2025, null, '2024-12-15', '2025-09-14'],
    ['year', 2025, null, '2024-12-15', '2025-12-14'],
    ['month', 2025, 1, '2024-12-15', '2025-01-14'],
    ['month', 2025, 12, '2025-11-15', '2025-12-14'],
    ['month', 2024, 3, '2024-02-15', '2024-03-14'], // leap year: takes in 29 Feb
    ['year', 2000, null, '1999-12-15', '2000-12-14'],
  ])('%s %i #%s → %s … %s', (kind, year, index, from, to) => {
    expect(span(kind, year, index)).toEqual([from, to]);
  });

  it('is the default rule', () => {
    expect(reportWindow('quarter', 2025, 1)).toEqual(reportWindow('quarter', 2025, 1, ND09_CUTOFF));
  });

  it('counts the leap day: month 3 has 29 days in 2024, 28 in 2025, 28 in 2100, 29 in 2000', () => {
    expect(windowDays(reportWindow('month', 2024, 3))).toBe(29);
    expect(windowDays(reportWindow('month', 2025, 3))).toBe(28);
    expect(windowDays(reportWindow('month', 2100, 3))).toBe(28);
    expect(windowDays(reportWindow('month', 2000, 3))).toBe(29);
  });

  it('year windows cross the year boundary and are back to back: 15/12 – 14/12', () => {
    const y2024 = reportWindow('year', 2024, null);
    const y2025 = reportWindow('year', 2025, null);
    expect(y2024).toMatchObject({ from: '2023-12-15', to: '2024-12-14' });
    expect(y2025.from).toBe(addDays(y2024.to, 1));
    // 15/12/2023 – 14/12/2024 contains 29 Feb 2024; 15/12/2024 – 14/12/2025 does not.
    expect(windowDays(y2024)).toBe(366);
    expect(windowDays(y2025)).toBe(365);
  });

  it('labels the period and its data window in Vietnamese and English', () => {
    const w = reportWindow('quarter', 2025, 1);
    expect(w.name).toEqual({ vi: 'Quý I năm 2025', en: 'Q1 2025' });
    expect(w.label.vi).toBe('Quý I năm 2025 (số liệu từ ngày 15/12/2024 đến ngày 14/03/2025)');
    expect(w.label.en).toBe('Q1 2025 (data 2024-12-15 to 2025-03-14)');
    expect(reportWindow('six_months', 2025, null).name.vi).toBe('6 tháng đầu năm 2025');
    expect(reportWindow('nine_months', 2025, null).name.vi).toBe('9 tháng năm 2025');
    expect(reportWindow('year', 2025, null).name.vi).toBe('Năm 2025');
    expect(reportWindow('month', 2025, 2).name).toEqual({ vi: 'Tháng 2 năm 2025', en: 'February 2025' });
    expect(reportWindow('quarter', 2025, 4).name.vi).toBe('Quý IV năm 2025');
    expect(w).toMatchObject({ kind: 'quarter', year: 2025, index: 1, cutoffId: 'nd09-2019' });
  });
});

describe('reportWindow — other cut-off rules', () => {
  it.each<[PeriodKind, number, number | null, string, string]>([
    ['month', 2024, 2, '2024-02-01', '2024-02-29'],
    ['month', 2100, 2, '2100-02-01', '2100-02-28'],
    ['quarter', 2025, 1, '2025-01-01', '2025-03-31'],
    ['quarter', 2025, 4, '2025-10-01', '2025-12-31'],
    ['six_months', 2025, null, '2025-01-01', '2025-06-30'],
    ['nine_months', 2025, null, '2025-01-01', '2025-09-30'],
    ['year', 2025, null, '2025-01-01', '2025-12-31'],
  ])('calendar: %s %i #%s → %s … %s', (kind, year, index, from, to) => {
    expect(span(kind, year, index, CALENDAR_CUTOFF)).toEqual([from, to]);
  });

  it('National Assembly cycle: 1 Aug of the previous year – 31 Jul', () => {
    expect(span('year', 2025, null, NATIONAL_ASSEMBLY_CUTOFF)).toEqual(['2024-08-01', '2025-07-31']);
  });

  it('a rule without month offset and a start day after the 1st ends in the next year', () => {
    const rule: CutoffRule = { id: 'x', startDay: 2, monthOffset: 0 };
    expect(span('year', 2025, null, rule)).toEqual(['2025-01-02', '2026-01-01']);
    expect(windowContaining('month', '2026-01-01', rule)).toMatchObject({ year: 2025, index: 12 });
  });

  it('any valid rule: the months (and quarters) of a year tile its year window, and years tile time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: -11, max: 0 }),
        fc.integer({ min: 2, max: 9997 }),
        (startDay, monthOffset, year) => {
          const rule: CutoffRule = { id: 'x', startDay, monthOffset };
          const whole = reportWindow('year', year, null, rule);
          for (const kind of ['month', 'quarter'] as const) {
            const ws = reportWindows(kind, year, rule);
            expect(ws[0].from).toBe(whole.from);
            expect(ws[ws.length - 1].to).toBe(whole.to);
            for (let i = 1; i < ws.length; i++) expect(ws[i].from).toBe(addDays(ws[i - 1].to, 1));
          }
          expect(reportWindow('six_months', year, null, rule).to).toBe(
            reportWindow('quarter', year, 2, rule).to,
          );
          expect(reportWindow('nine_months', year, null, rule).to).toBe(
            reportWindow('quarter', year, 3, rule).to,
          );
          expect(reportWindow('year', year + 1, null, rule).from).toBe(addDays(whole.to, 1));
          expect([365, 366]).toContain(windowDays(whole));
        },
      ),
    );
  });
});

describe('reportWindow — validation', () => {
  it.each<[PeriodKind, number, number | null]>([
    ['quarter', 2025, 0],
    ['quarter', 2025, 5],
    ['quarter', 2025, null],
    ['month', 2025, 13],
    ['month', 2025, 1.5],
    ['year', 2025, 1],
    ['six_months', 2025, 2],
    ['year', 1, null],
    ['year', 9999, null],
    ['year', 2025.5, null],
    ['week' as PeriodKind, 2025, null],
  ])('%s %s #%s → REPORT_PERIOD_INVALID', (kind, year, index) => {
    expect(() => reportWindow(kind, year, index)).toThrow(
      expect.objectContaining({ code: 'REPORT_PERIOD_INVALID' }),
    );
  });

  it.each([
    { startDay: 0, monthOffset: 0 },
    { startDay: 29, monthOffset: 0 },
    { startDay: 15, monthOffset: 1 },
    { startDay: 15, monthOffset: -12 },
    { startDay: 1.5, monthOffset: 0 },
  ])('rejects cut-off %o', (rule) => {
    expect(() => reportWindow('year', 2025, null, { id: 'bad', ...rule })).toThrow(
      expect.objectContaining({ code: 'REPORT_CUTOFF_INVALID', kind: 'invalid' }),
    );
  });
});

describe('windowContaining', () => {
  it.each<[PeriodKind, string, number | null, number | null]>([
    ['quarter', '2024-12-15', 2025, 1],
    ['quarter', '2024-12-14', 2024, 4],
    ['quarter', '2025-03-14', 2025, 1],
    ['quarter', '2025-03-15', 2025, 2],
    ['month', '2024-12-31', 2025, 1],
    ['month', '2024-02-29', 2024, 3],
    ['year', '2024-12-20', 2025, null],
    ['year', '2024-12-14', 2024, null],
    ['six_months', '2025-06-14', 2025, null],
    ['nine_months', '2024-12-15', 2025, null],
  ])('%s containing %s → %s #%s', (kind, date, year, index) => {
    expect(windowContaining(kind, date)).toMatchObject({ year, index });
  });

  it('six and nine months cover only part of the year', () => {
    expect(windowContaining('six_months', '2025-06-15')).toBeNull();
    expect(windowContaining('nine_months', '2025-12-14')).toBeNull();
  });

  it('uses the given rule', () => {
    expect(windowContaining('quarter', '2024-12-20', CALENDAR_CUTOFF)).toMatchObject({
      year: 2024,
      index: 4,
    });
  });

  it('every day lies in exactly the window it is reported to lie in (any rule, month and quarter)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: -11, max: 0 }),
        fc.integer({ min: 0, max: 365 * 200 }),
        fc.constantFrom<PeriodKind>('month', 'quarter', 'year'),
        (startDay, monthOffset, dayNo, kind) => {
          const date = addDays('1950-01-01', dayNo);
          const w = windowContaining(kind, date, { id: 'x', startDay, monthOffset })!;
          expect(w).not.toBeNull();
          expect(w.from <= date && date <= w.to).toBe(true);
        },
      ),
    );
  });
});

describe('customWindow', () => {
  it('accepts any range, one day included', () => {
    expect(customWindow('2025-03-01', '2025-03-31')).toMatchObject({
      kind: 'custom',
      from: '2025-03-01',
      to: '2025-03-31',
      name: { vi: 'Từ ngày 01/03/2025 đến ngày 31/03/2025', en: '2025-03-01 to 2025-03-31' },
    });
    expect(windowDays(customWindow('2024-02-29', '2024-02-29'))).toBe(1);
  });

  it('rejects a reversed range, a bad date and an over-long window', () => {
    expect(() => customWindow('2025-03-02', '2025-03-01')).toThrow(
      expect.objectContaining({ code: 'REPORT_WINDOW_INVALID' }),
    );
    expect(() => customWindow('2025-02-30', '2025-03-01')).toThrow(
      expect.objectContaining({ code: 'DATE_INVALID' }),
    );
    expect(() => customWindow('2025-01-01', '2025-12-31', 365)).not.toThrow();
    expect(() => customWindow('2024-01-01', '2024-12-31', 365)).toThrow(
      expect.objectContaining({ code: 'REPORT_WINDOW_INVALID' }),
    );
  });
});

describe('reportingDeadlines', () => {
  it('defaults to the seed plan: six months before 10 May, year before 10 November; none quarterly', () => {
    const ds = reportingDeadlines(2025);
    expect(ds.map((d) => [d.window.kind, d.dueBefore, d.lastDay])).toEqual([
      ['six_months', '2025-05-10', '2025-05-09'],
      ['year', '2025-11-10', '2025-11-09'],
    ]);
    expect(ds.every((d) => d.unconfirmed)).toBe(true);
    expect(ds[0].source).toContain('trước ngày 10/5');
  });

  it('flags a deadline that falls before the data window closes (seed dates vs NĐ 09 windows)', () => {
    const [six, year] = reportingDeadlines(2025);
    expect(six.window.to).toBe('2025-06-14');
    expect(six.dueBeforeWindowEnds).toBe(true);
    expect(year.dueBeforeWindowEnds).toBe(true);
    const relative = reportingDeadlines(2025, {
      cutoff: ND09_CUTOFF,
      rules: { year: { type: 'days_after_window', days: 5, source: 'test' } },
    });
    expect(relative[0]).toMatchObject({
      lastDay: '2025-12-19',
      dueBefore: '2025-12-20',
      dueBeforeWindowEnds: false,
    });
  });

  it('takes configured quarterly rules, relative or one per quarter, and sorts by date', () => {
    const config: ReportingDeadlineConfig = {
      ...DEFAULT_DEADLINE_CONFIG,
      rules: {
        ...DEFAULT_DEADLINE_CONFIG.rules,
        quarter: { type: 'days_after_window', days: 5, source: 'unit rule', unconfirmed: true },
      },
    };
    const ds = reportingDeadlines(2025, config);
    expect(ds.map((d) => `${d.window.kind}${d.window.index ?? ''} ${d.lastDay}`)).toEqual([
      'quarter1 2025-03-19',
      'six_months 2025-05-09',
      'quarter2 2025-06-19',
      'quarter3 2025-09-19',
      'year 2025-11-09',
      'quarter4 2025-12-19',
    ]);
    const perQuarter = reportingDeadlines(2025, {
      cutoff: CALENDAR_CUTOFF,
      rules: {
        quarter: [
          { type: 'before', month: 4, day: 10, source: 's' },
          { type: 'before', month: 7, day: 10, source: 's' },
          { type: 'before', month: 10, day: 10, source: 's' },
          { type: 'before', month: 1, day: 10, yearOffset: 1, source: 's' },
        ],
      },
    });
    expect(perQuarter.map((d) => d.dueBefore)).toEqual([
      '2025-04-10',
      '2025-07-10',
      '2025-10-10',
      '2026-01-10',
    ]);
    expect(perQuarter.map((d) => d.dueBeforeWindowEnds)).toEqual([false, false, false, false]);
    expect(perQuarter.every((d) => !d.unconfirmed)).toBe(true);
  });

  it('"before 1 March" ends on 28 or 29 February', () => {
    const config: ReportingDeadlineConfig = {
      cutoff: CALENDAR_CUTOFF,
      rules: { year: { type: 'before', month: 3, day: 1, yearOffset: 1, source: 's' } },
    };
    expect(reportingDeadlines(2023, config)[0].lastDay).toBe('2024-02-29');
    expect(reportingDeadlines(2024, config)[0].lastDay).toBe('2025-02-28');
  });

  it.each<[string, ReportingDeadlineConfig['rules']]>([
    ['an impossible day', { year: { type: 'before', month: 2, day: 30, source: 's' } }],
    ['29 Feb in a common year', { year: { type: 'before', month: 2, day: 29, source: 's' } }],
    ['a negative year offset', { year: { type: 'before', month: 1, day: 10, yearOffset: -1, source: 's' } }],
    ['negative days', { year: { type: 'days_after_window', days: -1, source: 's' } }],
    ['an unknown type', { year: { type: 'whenever', days: 1, source: 's' } as unknown as DeadlineRule }],
    [
      'three rules for four quarters',
      { quarter: [1, 2, 3].map(() => ({ type: 'days_after_window', days: 5, source: 's' }) as const) },
    ],
  ])('rejects %s', (_, rules) => {
    expect(() => reportingDeadlines(2025, { cutoff: ND09_CUTOFF, rules })).toThrow(
      expect.objectContaining({ code: 'REPORT_DEADLINE_CONFIG_INVALID' }),
    );
  });

  it('covers every period kind when configured', () => {
    const rules = Object.fromEntries(
      PERIOD_KINDS.map((k) => [k, { type: 'days_after_window', days: 0, source: 's' } as const]),
    );
    const ds = reportingDeadlines(2025, { cutoff: ND09_CUTOFF, rules });
    expect(ds).toHaveLength(12 + 4 + 3);
    for (const d of ds) expect(daysBetween(d.window.to, d.lastDay)).toBe(0);
  });
});
