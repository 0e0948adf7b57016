import fc from 'fast-check';
import { addDays, compareLocalDates, weekday } from '../../common/domain/local-date.js';
import {
  CALENDAR_CUTOFF,
  DEFAULT_DEADLINE_CONFIG,
  ND09_CUTOFF,
  type DeadlineRule,
} from '../../reports/domain/periods.js';
import {
  DEFAULT_REMINDER_POLICY,
  deadlineRules,
  dueReminders,
  reminderDay,
  reminderSourceKey,
  reminderText,
  reportProblems,
  reportsOf,
  type ReminderPolicy,
} from './reminder-days.js';

const AGENCY = '01890000-0000-7000-8000-000000000001';
const due = (policy: ReminderPolicy, today: string) =>
  dueReminders(policy, today).map((r) => [
    r.deadline.window.kind,
    r.deadline.window.year,
    r.deadline.window.index,
    r.daysBefore,
    r.remindOn,
    r.daysLeft,
  ]);

const quarterly: DeadlineRule = { type: 'days_after_window', days: 5, source: 'Công văn thử' };
const withQuarters: ReminderPolicy = {
  ...DEFAULT_REMINDER_POLICY,
  deadlines: { cutoff: CALENDAR_CUTOFF, rules: { quarter: quarterly } },
  remindDaysBefore: [3, 0],
};

describe('dueReminders — defaults (six months before 10/05, year before 10/11; 10, 3, 1, 0 days ahead)', () => {
  it.each<[string, unknown[][]]>([
    ['2026-04-28', []], // eleven days before the last day (09/05): nothing yet
    ['2026-04-29', [['six_months', 2026, null, 10, '2026-04-29', 10]]],
    // A day between two reminder days: the latest that has come (the same reminder, the same key).
    ['2026-05-02', [['six_months', 2026, null, 10, '2026-04-29', 7]]],
    ['2026-05-06', [['six_months', 2026, null, 3, '2026-05-06', 3]]],
    ['2026-05-08', [['six_months', 2026, null, 1, '2026-05-08', 1]]],
    ['2026-05-09', [['six_months', 2026, null, 0, '2026-05-09', 0]]], // the last day
    ['2026-05-10', []], // "trước ngày 10/5": late, no more reminders
    ['2026-10-30', [['year', 2026, null, 10, '2026-10-30', 10]]],
    ['2026-11-09', [['year', 2026, null, 0, '2026-11-09', 0]]],
    ['2026-12-31', []],
  ])('on %s', (today, expected) => {
    expect(due(DEFAULT_REMINDER_POLICY, today)).toEqual(expected);
  });

  it('a worker down from 28/04 to 07/05 sends one reminder on its return (3 days ahead), not three', () => {
    expect(due(DEFAULT_REMINDER_POLICY, '2026-05-07')).toEqual([
      ['six_months', 2026, null, 3, '2026-05-06', 2],
    ]);
  });

  it('a disabled policy or one without offsets reminds nothing', () => {
    expect(dueReminders({ ...DEFAULT_REMINDER_POLICY, enabled: false }, '2026-05-09')).toEqual([]);
    expect(dueReminders({ ...DEFAULT_REMINDER_POLICY, remindDaysBefore: [] }, '2026-05-09')).toEqual([]);
  });
});

describe('reminder days on days off move back to the previous working day', () => {
  const weekdays = (d: string) => weekday(d) <= 5;
  it.each<[string, number, string]>([
    ['2026-05-09', 0, '2026-05-08'], // the last day is a Saturday: the "on the day" reminder comes on Friday
    ['2026-05-09', 1, '2026-05-08'],
    ['2026-05-09', 3, '2026-05-06'], // a Wednesday: stays
    ['2026-05-11', 1, '2026-05-08'], // Sunday → Friday
  ])('last day %s, %i day(s) ahead → %s', (lastDay, n, expected) => {
    expect(reminderDay(lastDay, n, weekdays)).toBe(expected);
  });

  it('with no working day within 20 days before, the day stays where it was', () => {
    expect(reminderDay('2026-05-09', 2, () => false)).toBe('2026-05-07');
  });

  it('two offsets on one working day give one reminder, the nearer one', () => {
    const due = (today: string) =>
      dueReminders(DEFAULT_REMINDER_POLICY, today, weekdays).map((r) => [r.daysBefore, r.remindOn]);
    expect(due('2026-05-07')).toEqual([[3, '2026-05-06']]);
    expect(due('2026-05-08')).toEqual([[0, '2026-05-08']]);
    expect(due('2026-05-09')).toEqual([[0, '2026-05-08']]); // the same reminder: nothing new
  });
});

describe('dueReminders — configured reports', () => {
  it('quarterly reports due 5 days after a calendar quarter: 3 days ahead and on the day', () => {
    // Q1 2026 ends 31/03, last day 05/04, reminders 02/04 and 05/04.
    expect(due(withQuarters, '2026-04-01')).toEqual([]);
    expect(due(withQuarters, '2026-04-02')).toEqual([['quarter', 2026, 1, 3, '2026-04-02', 3]]);
    expect(due(withQuarters, '2026-04-05')).toEqual([['quarter', 2026, 1, 0, '2026-04-05', 0]]);
    // Q4 2025 is due in January 2026.
    expect(due(withQuarters, '2026-01-03')).toEqual([['quarter', 2025, 4, 3, '2026-01-02', 2]]);
  });

  it('an annual report due the next year (yearOffset 1) is reminded across New Year', () => {
    const policy: ReminderPolicy = {
      ...DEFAULT_REMINDER_POLICY,
      deadlines: {
        cutoff: ND09_CUTOFF,
        rules: { year: { type: 'before', month: 1, day: 5, yearOffset: 1, source: 'Thử' } },
      },
      remindDaysBefore: [7],
    };
    expect(due(policy, '2026-12-28')).toEqual([['year', 2026, null, 7, '2026-12-28', 7]]);
  });

  it('every period of a kind has its own rule when a list is given', () => {
    const rules = [1, 2, 3, 4].map((q): DeadlineRule => ({
      type: 'days_after_window',
      days: q === 4 ? 20 : 5,
      source: 'Thử',
    }));
    const policy = { ...withQuarters, deadlines: { cutoff: CALENDAR_CUTOFF, rules: { quarter: rules } } };
    expect(due(policy, '2027-01-20')).toEqual([['quarter', 2026, 4, 0, '2027-01-20', 0]]);
  });

  it('property: at most one reminder per deadline, on a configured offset, between its day and the last day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 366 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { minLength: 1, maxLength: 10 }),
        (shift, offsets) => {
          const today = addDays('2025-06-01', shift);
          const policy = { ...withQuarters, remindDaysBefore: offsets };
          const out = dueReminders(policy, today);
          const keys = out.map((r) => reminderSourceKey(AGENCY, r));
          expect(new Set(keys).size).toBe(keys.length);
          for (const r of out) {
            expect(offsets).toContain(r.daysBefore);
            expect(compareLocalDates(r.remindOn, today)).toBeLessThanOrEqual(0);
            expect(compareLocalDates(today, r.deadline.lastDay)).toBeLessThanOrEqual(0);
            // No smaller offset's day has come.
            for (const o of offsets.filter((o) => o < r.daysBefore)) {
              expect(compareLocalDates(addDays(r.deadline.lastDay, -o), today)).toBe(1);
            }
          }
        },
      ),
    );
  });
});

describe('reminderSourceKey and reminderText', () => {
  it('the key names agency, report, period, due date and offset in ≤ 100 printable ASCII characters', () => {
    const [six] = dueReminders(DEFAULT_REMINDER_POLICY, '2026-05-06');
    expect(reminderSourceKey(AGENCY, six)).toBe(`reporting-${AGENCY}-six_months-2026-20260510-d3`);
    const [q] = dueReminders(withQuarters, '2026-04-05');
    const key = reminderSourceKey(AGENCY, q);
    expect(key).toBe(`reporting-${AGENCY}-quarter-2026-1-20260406-d0`);
    expect(key).toMatch(/^[\x21-\x7e]{1,100}$/);
  });

  it('says the report, its period, the due date and the days left, in Vietnamese', () => {
    const [r] = dueReminders(DEFAULT_REMINDER_POLICY, '2026-05-06');
    const text = reminderText(r, 'Sở Giáo dục và Đào tạo');
    expect(text.title).toBe('Nhắc hạn gửi báo cáo 6 tháng đầu năm 2026: trước ngày 10/05/2026');
    expect(text.body).toContain('kỳ 6 tháng đầu năm 2026 (số liệu từ ngày 15/12/2025 đến ngày 14/06/2026)');
    expect(text.body).toContain(
      'của Sở Giáo dục và Đào tạo phải gửi trước ngày 10/05/2026 (ngày cuối: 09/05/2026)',
    );
    expect(text.body).toContain('Còn 3 ngày');
    expect(text.body).toContain('cần xác định lại ngày chốt số liệu'); // due before the ND09 window ends
    const [last] = dueReminders(DEFAULT_REMINDER_POLICY, '2026-05-09');
    expect(reminderText(last, 'Sở A').body).toContain('Hôm nay là ngày cuối');
  });
});

describe('reportProblems', () => {
  it('accepts the defaults, listed back as reports', () => {
    const reports = reportsOf(DEFAULT_DEADLINE_CONFIG);
    expect(reports.map((r) => r.kind)).toEqual(['six_months', 'year']);
    expect(reportProblems(reports, ND09_CUTOFF)).toEqual([]);
    expect(deadlineRules(reports)).toEqual(DEFAULT_DEADLINE_CONFIG.rules);
  });

  it.each<[string, Parameters<typeof reportProblems>[0], string]>([
    [
      'a kind twice',
      [
        { kind: 'year', rule: quarterly },
        { kind: 'year', rule: quarterly },
      ],
      'reports[1].kind',
    ],
    ['neither rule nor rules', [{ kind: 'year' }], 'reports[0]'],
    ['both rule and rules', [{ kind: 'year', rule: quarterly, rules: [quarterly] }], 'reports[0]'],
    [
      'three rules for four quarters',
      [{ kind: 'quarter', rules: [quarterly, quarterly, quarterly] }],
      'reports[0].rules',
    ],
    [
      '29 February (not every year)',
      [{ kind: 'six_months', rule: { type: 'before', month: 2, day: 29, source: 'x' } }],
      'reports[0].rule',
    ],
    [
      '31 April, in the second quarter rule',
      [
        { kind: 'year', rule: quarterly },
        {
          kind: 'quarter',
          rules: [quarterly, { type: 'before', month: 4, day: 31, source: 'x' }, quarterly, quarterly],
        },
      ],
      'reports[1].rules[1]',
    ],
  ])('refuses %s', (_name, reports, field) => {
    expect(reportProblems(reports, ND09_CUTOFF).map((p) => p.field)).toEqual([field]);
  });
});
