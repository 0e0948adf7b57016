// Expected dates below were derived by hand from deadline-policy.md and the 2025/2026 calendars
// (legal-reference §8.2–8.3); each row's comment shows the count.
import { DomainError } from '../../common/domain/domain-error';
import { nationalCalendar } from '../../calendar/domain/national-calendar';
import { computeDeadline, type DeadlineOptions } from './deadline-engine';
import { DEFAULT_DEADLINE_POLICY, definePolicy } from './deadline-policy';

const calendar = nationalCalendar();
const due = (rule: string, trigger: string, options: DeadlineOptions = {}) =>
  computeDeadline(rule, trigger, options, calendar).due;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
}

type Row = [scenario: string, rule: string, trigger: string, options: DeadlineOptions, expected: string];

describe('deadlines around Tết 2025 (off Mon 27 – Fri 31 Jan)', () => {
  it.each<Row>([
    // Sat 25, Sun 26, 27–31 off, Sat 1, Sun 2 → 3, 4, 5, 6, 7, 10, 11 Feb
    ['7 working days from Fri 24 Jan skip the whole break', 'TC-1', '2025-01-24', {}, '2025-02-11'],
    // 24 Jan, 3, 4 Feb
    ['3 working days from Thu 23 Jan', 'KN-4', '2025-01-23', {}, '2025-02-04'],
    // 24 Jan + 7 = Fri 31 Jan (Tết) → Mon 3 Feb
    ['7 calendar days ending in Tết roll to Mon 3 Feb', 'KN-7', '2025-01-24', {}, '2025-02-03'],
    // 1 Jan + 30 = Fri 31 Jan (Tết) → Mon 3 Feb
    ['30 calendar days from New Year end in Tết', 'KN-3', '2025-01-01', {}, '2025-02-03'],
    // 8 Jan + 20 = Tue 28 Jan (Tết) → Mon 3 Feb
    ['20 calendar days ending on Tue 28 Jan', 'XLD-4', '2025-01-08', {}, '2025-02-03'],
    // before Tue 4 Feb: 3 Feb, 24, 23, 22, 21 Jan
    ['5 working days counted back across Tết', 'TCD-1', '2025-02-04', {}, '2025-01-21'],
    // 21, 22, 23, 24 Jan, 3, 4, 5 Feb
    ['TCD-3: 7 working days from Mon 20 Jan', 'TCD-3', '2025-01-20', {}, '2025-02-05'],
    // 3, 4, 5, 6, 7 Feb
    ['TC-11: 5 working days from Fri 24 Jan', 'TC-11', '2025-01-24', {}, '2025-02-07'],
  ])('%s (%s from %s)', (_s, rule, trigger, options, expected) => {
    expect(due(rule, trigger, options)).toBe(expected);
  });
});

describe('deadlines around Tết 2026 (off Mon 16 – Fri 20 Feb)', () => {
  it.each<Row>([
    // 9, 10, 11, 12, 13, 23, 24, 25, 26, 27 Feb
    ['10 working days across Tết 2026 (KN-2 before July)', 'KN-2', '2026-02-06', {}, '2026-02-27'],
    // 13, 23, 24, 25, 26, 27 Feb, 2, 3, 4, 5 Mar
    ['10 working days from Thu 12 Feb (TCD-2)', 'TCD-2', '2026-02-12', {}, '2026-03-05'],
    // 12, 13, 23, 24, 25 Feb
    ['5 working days from Wed 11 Feb (TCD-4)', 'TCD-4', '2026-02-11', {}, '2026-02-25'],
    // 23, 24, 25, 26, 27 Feb, 2, 3 Mar
    ['7 working days from the last day before Tết (TC-8)', 'TC-8', '2026-02-13', {}, '2026-03-03'],
    // 1 Feb + 15 = Mon 16 Feb (Tết) → Mon 23 Feb
    ['15 calendar days ending on the first Tết day', 'KN-8', '2026-02-01', {}, '2026-02-23'],
    // 28 Jan + 20 = Tue 17 Feb (Tết) → Mon 23 Feb
    ['20 calendar days ending on Lunar New Year (TC-10)', 'TC-10', '2026-01-28', {}, '2026-02-23'],
    // 6 Feb + 10 = Mon 16 Feb (Tết) → Mon 23 Feb
    ['XLD-1: 10 calendar days ending in Tết', 'XLD-1', '2026-02-06', {}, '2026-02-23'],
    // 1 Jan + 45 = Sun 15 Feb → Mon 23 Feb
    [
      'remote 45 days ending on the weekend before Tết (KN-9)',
      'KN-9',
      '2026-01-01',
      { remote: true },
      '2026-02-23',
    ],
    // 16 Nov + 90 = Sat 14 Feb → Mon 23 Feb
    ['90-day limitation ending on Sat 14 Feb (KN-1)', 'KN-1', '2025-11-16', {}, '2026-02-23'],
    // 9 Dec + 70 = Tue 17 Feb (Tết) → Mon 23 Feb
    [
      'second-time complaint, remote and complicated: 70 days (KN-6)',
      'KN-6',
      '2025-12-09',
      { remote: true, complicated: true },
      '2026-02-23',
    ],
    // 9 Dec + 60 = Sat 7 Feb → Mon 9 Feb
    [
      'second-time complaint, complicated: 60 days (KN-6)',
      'KN-6',
      '2025-12-09',
      { complicated: true },
      '2026-02-09',
    ],
    // 1 Feb + 15 = Mon 16 Feb (Tết) → Mon 23 Feb
    ['15 days for a disciplinary complaint ending in Tết (KL-1)', 'KL-1', '2026-02-01', {}, '2026-02-23'],
    // 1 Feb + 15 + 10 obstacle days = Thu 26 Feb
    ['the same with 10 obstacle days (KL-1)', 'KL-1', '2026-02-01', { obstacleDays: 10 }, '2026-02-26'],
    // 18 Dec + 30 + 30 = Mon 16 Feb (Tết) → Mon 23 Feb
    ['one extension ending in Tết (TC-3)', 'TC-3', '2025-12-18', { extensions: 1 }, '2026-02-23'],
  ])('%s (%s from %s)', (_s, rule, trigger, options, expected) => {
    expect(due(rule, trigger, options)).toBe(expected);
  });
});

describe('swapped rest days (Fri 2 May 2025, Fri 2 Jan 2026, Mon 31 Aug 2026)', () => {
  it.each<Row>([
    // 30 Apr, 1 May off, 2 May swapped → 5, 6, 7, 8, 9 May
    ['5 working days from Tue 29 Apr 2025 (TC-2)', 'TC-2', '2025-04-29', {}, '2025-05-09'],
    // 25 Apr + 7 = Fri 2 May (swapped) → Mon 5 May
    ['7 days ending on the swapped Fri 2 May 2025 (KL-5)', 'KL-5', '2025-04-25', {}, '2025-05-05'],
    // 29 Apr, [30 Apr–4 May off], 5, 6, 7, 8 May
    ['5 working days from Mon 28 Apr 2025 (TC-7)', 'TC-7', '2025-04-28', {}, '2025-05-08'],
    // 1 Jan off, 2 Jan swapped → 5, 6, 7, 8, 9 Jan
    ['5 working days from Wed 31 Dec 2025 (TC-5)', 'TC-5', '2025-12-31', {}, '2026-01-09'],
    // 3 Dec + 30 = Fri 2 Jan (swapped) → Mon 5 Jan
    ['30 days ending on the swapped Fri 2 Jan 2026 (KN-14)', 'KN-14', '2025-12-03', {}, '2026-01-05'],
    // 1 Aug + 30 = Mon 31 Aug (swapped), 1–2 Sep holidays → Thu 3 Sep
    ['30 days ending on the swapped Mon 31 Aug 2026 (KN-5)', 'KN-5', '2026-08-01', {}, '2026-09-03'],
    // 28 Aug, [29 Aug – 2 Sep off], 3, 4, 7, 8 Sep
    ['5 working days from Thu 27 Aug 2026 (TC-12)', 'TC-12', '2026-08-27', {}, '2026-09-08'],
    // [29 Aug – 2 Sep off], 3, 4, 7 Sep
    ['3 working days from Fri 28 Aug 2026 (KN-12)', 'KN-12', '2026-08-28', {}, '2026-09-07'],
    // 12 Aug + 20 = Tue 1 Sep (holiday), 2 Sep holiday → Thu 3 Sep
    ['20 days ending on National Day 2026 (TC-13)', 'TC-13', '2026-08-12', {}, '2026-09-03'],
    // before Fri 4 Sep: 3 Sep, [2, 1 Sep, 31 Aug off, 30, 29 weekend], 28, 27, 26, 25 Aug
    ['online reception notice counted back across 31 Aug (TCD-6)', 'TCD-6', '2026-09-04', {}, '2026-08-25'],
    // 30 Aug, 31 Aug, 1, 2 Sep off → 3, 4, 5, 8, 9 Sep 2025
    ['5 working days from Fri 29 Aug 2025 (XLD-3)', 'XLD-3', '2025-08-29', {}, '2025-09-09'],
  ])('%s', (_s, rule, trigger, options, expected) => {
    expect(due(rule, trigger, options)).toBe(expected);
  });
});

describe('make-up Saturdays (26 Apr 2025, 10 Jan 2026, 22 Aug 2026)', () => {
  it.each<Row>([
    // 24, 25, Sat 26, 28, 29 Apr
    ['Sat 26 Apr 2025 counts (KN-11)', 'KN-11', '2025-04-23', {}, '2025-04-29'],
    // 23, 24, 25, Sat 26, 28, 29 Apr, [30 Apr – 4 May off], 5, 6, 7, 8 May
    [
      '10 working days, several places, across 26 Apr – 2 May 2025 (XLD-2)',
      'XLD-2',
      '2025-04-22',
      { multiSite: true },
      '2025-05-08',
    ],
    // 7, 8, 9, Sat 10, 12 Jan
    ['Sat 10 Jan 2026 counts (TC-4)', 'TC-4', '2026-01-06', {}, '2026-01-12'],
    // before Tue 13 Jan: 12, Sat 10, 9, 8, 7 Jan
    ['Sat 10 Jan 2026 counts when counting back (TCD-1)', 'TCD-1', '2026-01-13', {}, '2026-01-07'],
    // 20, 21, Sat 22, 24, 25, 26, 27 Aug
    ['Sat 22 Aug 2026 counts (TC-6)', 'TC-6', '2026-08-19', {}, '2026-08-27'],
    // 15 Aug + 7 = Sat 22 Aug, a working day: not moved
    ['a calendar-day period may end on the make-up Saturday (KN-7)', 'KN-7', '2026-08-15', {}, '2026-08-22'],
  ])('%s', (_s, rule, trigger, options, expected) => {
    expect(due(rule, trigger, options)).toBe(expected);
  });

  it.each<Row>([
    // 24, 25, 28, 29 Apr, [30 Apr – 4 May off], 5 May
    ['Sat 26 Apr 2025 not counted (KN-11)', 'KN-11', '2025-04-23', {}, '2025-05-05'],
    // 15 Aug + 7 = Sat 22 Aug, not a working day under this policy → Mon 24 Aug
    ['a period ending on Sat 22 Aug 2026 rolls to Monday (KN-7)', 'KN-7', '2026-08-15', {}, '2026-08-24'],
  ])('with makeUpSaturdaysCount=false: %s', (_s, rule, trigger, options, expected) => {
    const policy = definePolicy({ makeUpSaturdaysCount: false }, 'strict');
    const result = computeDeadline(rule, trigger, options, calendar, policy);
    expect(result.due).toBe(expected);
    expect(result.policyVersion).toBe('strict:makeup=not-counted,roll=next-working-day,extend=raw-end');
  });
});

describe('complaint acceptance changes on 2026-07-01 (NĐ 155/2026 art. 10)', () => {
  it.each([
    // 1, 2, 3, 6, 7, 8, 9, 10, 13, 14 Jul
    ['KN-2', '2026-06-30', '2026-07-14', 'KN-2/v1', 10],
    // 2, 3, 6, 7, 8, 9, 10 Jul
    ['KN-2', '2026-07-01', '2026-07-10', 'KN-2/v2', 7],
    ['KL-3', '2026-06-30', '2026-07-14', 'KL-3/v1', 10],
    ['KL-3', '2026-07-01', '2026-07-10', 'KL-3/v2', 7],
  ])('%s received %s is due %s (%s, %i working days)', (rule, trigger, expected, version, days) => {
    const result = computeDeadline(rule, trigger, {}, calendar);
    expect(result).toMatchObject({ due: expected, ruleVersion: version, days, unit: 'working_days' });
  });

  it("shows the Law's 10-calendar-day reading as a note, not as the due date", () => {
    const result = computeDeadline('KN-2', '2026-06-30', {}, calendar);
    // 30 Jun + 10 = Fri 10 Jul, a working day
    expect(result.lawReading).toEqual({
      due: '2026-07-10',
      rawEnd: '2026-07-10',
      days: 10,
      unit: 'calendar_days',
      legalBasis: 'LKN 02/2011/QH13 art. 27, 36(1)',
    });
    expect(result.due).toBe('2026-07-14');
    expect(result.explanation.en.join('\n')).toContain("the Law's own reading");
  });
});

describe('the other rules, once each', () => {
  it.each<Row>([
    // 20 Apr + 10 = Thu 30 Apr (holiday), 1 May holiday, 2–3 weekend → Mon 4 May
    ['second disciplinary complaint ending on 30 Apr (KL-2)', 'KL-2', '2026-04-20', {}, '2026-05-04'],
    [
      'the same for a dismissal: 30 days → Wed 20 May (KL-2)',
      'KL-2',
      '2026-04-20',
      { dismissal: true },
      '2026-05-20',
    ],
    // 17 Mar + 30 = Thu 16 Apr
    ['disciplinary resolution 30 days (KL-4)', 'KL-4', '2026-03-17', {}, '2026-04-16'],
    // 17 Mar + 45 = Fri 1 May (holiday) → Mon 4 May
    [
      'disciplinary resolution, complicated: 45 days (KL-4)',
      'KL-4',
      '2026-03-17',
      { complicated: true },
      '2026-05-04',
    ],
    // 28 Mar + 30 = Mon 27 Apr (nghỉ bù for Giỗ Tổ) → Tue 28 Apr
    ['legal effect on the Giỗ Tổ compensatory day (KL-6)', 'KL-6', '2026-03-28', {}, '2026-04-28'],
    // 31 Aug − 5 = Wed 26 Aug
    ['dialogue invitation 5 days before Mon 31 Aug (KN-10)', 'KN-10', '2026-08-31', {}, '2026-08-26'],
    // 3 Sep − 5 = Sat 29 Aug: a count-back date is not moved (convention 4)
    ['a count-back calendar date may fall on a Saturday (KN-10)', 'KN-10', '2026-09-03', {}, '2026-08-29'],
    // 28 Aug, 3, 4 Sep
    ['refusal notice within 3 working days (TCD-5 from July 2026)', 'TCD-5', '2026-08-27', {}, '2026-09-04'],
    // 16 Jan + 30 = Sun 15 Feb; + 30 = Tue 17 Mar (extension from the raw end)
    [
      'an extension counts from the raw end, not the rolled date (TC-3)',
      'TC-3',
      '2026-01-16',
      { extensions: 1 },
      '2026-03-17',
    ],
    // 20 Dec 2026 + 30 = Tue 19 Jan 2027
    ['a period ending in provisional 2027 (KN-3)', 'KN-3', '2026-12-20', {}, '2027-01-19'],
  ])('%s', (_s, rule, trigger, options, expected) => {
    expect(due(rule, trigger, options)).toBe(expected);
  });

  it('extends from the rolled-forward end under extendFrom=adjusted_end', () => {
    // 16 Jan + 30 = Sun 15 Feb → Mon 23 Feb (after Tết); + 30 = Wed 25 Mar
    const policy = definePolicy({ extendFrom: 'adjusted_end' });
    expect(computeDeadline('TC-3', '2026-01-16', { extensions: 1 }, calendar, policy).due).toBe('2026-03-25');
  });

  it('does not roll forward under rollForward=false', () => {
    const policy = definePolicy({ rollForward: false });
    expect(computeDeadline('KN-3', '2026-01-16', {}, calendar, policy).due).toBe('2026-02-15');
  });
});

describe('suspensions (convention 6)', () => {
  it('adds several suspensions, back to back', () => {
    // 6 Jul + 30 = Wed 5 Aug; + 5 + 5 = Sat 15 Aug → Mon 17 Aug
    const result = computeDeadline(
      'KN-3',
      '2026-07-06',
      {
        suspensions: [
          { suspended: '2026-07-20', resumed: '2026-07-25' },
          { suspended: '2026-07-25', resumed: '2026-07-30' },
        ],
      },
      calendar,
    );
    expect(result).toMatchObject({
      rawEnd: '2026-08-15',
      due: '2026-08-17',
      suspendedDays: 10,
      rolledForward: true,
    });
  });

  it('counts a denunciation suspension before July 2026 (LTC art. 34(2))', () => {
    // 2 Mar + 30 = Wed 1 Apr; + 14 = Wed 15 Apr
    const options = { suspensions: [{ suspended: '2026-03-10', resumed: '2026-03-24' }] };
    expect(due('TC-3', '2026-03-02', options)).toBe('2026-04-15');
  });
});

describe('the result', () => {
  it('records the rule version, legal basis, calendar and policy versions', () => {
    const result = computeDeadline('KN-3', '2026-01-16', {}, calendar);
    expect(result).toMatchObject({
      ruleId: 'KN-3',
      ruleVersion: 'KN-3/v1',
      trigger: '2026-01-16',
      rawEnd: '2026-02-15',
      due: '2026-02-23',
      unit: 'calendar_days',
      direction: 'forward',
      days: 30,
      variant: 'standard',
      rolledForward: true,
      calendarVersion: calendar.version,
      policyVersion: DEFAULT_DEADLINE_POLICY.version,
      provisional: false,
      unconfirmed: false,
    });
    expect(result.legalBasis).toContain('LKN 02/2011/QH13 art. 28');
  });

  it('explains the roll-forward over Tết in both languages', () => {
    const { vi, en } = computeDeadline('KN-3', '2026-01-16', {}, calendar).explanation;
    expect(en.join('\n')).toContain('2026-02-15 (Sun) is not a working day');
    expect(en.join('\n')).toContain('art. 148(5)');
    expect(en.join('\n')).toContain('16/02–20/02 Tết Âm lịch');
    expect(vi.join('\n')).toContain('khoản 5 Điều 148 Bộ luật Dân sự 91/2015/QH13');
    expect(vi.length).toBe(en.length);
  });

  it('explains a suspension with its length', () => {
    const options = { suspensions: [{ suspended: '2026-07-20', resumed: '2026-08-10' }] };
    const result = computeDeadline('KN-3', '2026-07-06', options, calendar);
    expect(result.suspendedDays).toBe(21);
    expect(result.explanation.en.join('\n')).toContain('Suspended 2026-07-20, resumed 2026-08-10: + 21 days');
    expect(result.explanation.vi.join('\n')).toContain('cộng 21 ngày');
  });

  it('lists the counted working days and the make-up Saturday', () => {
    const en = computeDeadline('TC-1', '2025-12-31', {}, calendar).explanation.en.join('\n');
    expect(en).toContain('05/01, 06/01, 07/01, 08/01, 09/01, 10/01*, 12/01');
    expect(en).toContain('02/01 Nghỉ hoán đổi');
  });

  it('marks a deadline that reaches a provisional year, and says so', () => {
    const result = computeDeadline('KN-3', '2026-12-20', {}, calendar);
    expect(result.provisional).toBe(true);
    expect(result.provisionalYears).toEqual([2027]);
    expect(result.explanation.en.join('\n')).toContain('Provisional: the 2027 holiday layout');
    expect(computeDeadline('KN-3', '2026-11-20', {}, calendar).provisional).toBe(false);
  });

  it('marks unconfirmed rules with their note', () => {
    const result = computeDeadline('XLD-1', '2026-03-02', {}, calendar);
    expect(result.unconfirmed).toBe(true);
    expect(result.notes[0]).toMatch(/^UNCONFIRMED: Unit UNCONFIRMED/);
  });

  it('serialises to plain JSON with the explanation', () => {
    const json = JSON.parse(
      JSON.stringify(computeDeadline('TC-3', '2026-03-02', { extensions: 2 }, calendar)),
    );
    expect(json).toMatchObject({ due: '2026-06-01', rawEnd: '2026-05-31', extensions: 2, extensionDays: 60 });
    expect(json.explanation.en.length).toBeGreaterThan(3);
    expect(json).not.toHaveProperty('calendar');
  });
});

describe('bad input gets a specific error, never a date', () => {
  const susp = (suspended: string, resumed: string) => ({ suspended, resumed });
  it.each<[string, () => unknown, string]>([
    ['an unknown rule', () => due('KN-99', '2026-03-02'), 'DEADLINE_UNKNOWN_RULE'],
    ['a rule id in lower case', () => due('kn-3', '2026-03-02'), 'DEADLINE_UNKNOWN_RULE'],
    ['an impossible trigger', () => due('KN-3', '2026-02-30'), 'DATE_INVALID'],
    ['a malformed trigger', () => due('KN-3', '2/3/2026'), 'DATE_INVALID'],
    [
      'remote on a disciplinary complaint',
      () => due('KL-4', '2026-03-02', { remote: true }),
      'DEADLINE_OPTION_NOT_APPLICABLE',
    ],
    [
      'complicated on the second-complaint window',
      () => due('KN-5', '2026-03-02', { complicated: true }),
      'DEADLINE_OPTION_NOT_APPLICABLE',
    ],
    [
      'multiSite on a complaint',
      () => due('KN-3', '2026-03-02', { multiSite: true }),
      'DEADLINE_OPTION_NOT_APPLICABLE',
    ],
    [
      'dismissal on a first disciplinary complaint',
      () => due('KL-1', '2026-03-02', { dismissal: true }),
      'DEADLINE_OPTION_NOT_APPLICABLE',
    ],
    [
      'an extension of a complaint',
      () => due('KN-3', '2026-03-02', { extensions: 1 }),
      'DEADLINE_OPTION_NOT_APPLICABLE',
    ],
    [
      'obstacle days on a denunciation',
      () => due('TC-1', '2026-03-02', { obstacleDays: 2 }),
      'DEADLINE_OPTION_NOT_APPLICABLE',
    ],
    [
      'a suspension of an acceptance',
      () => due('KN-2', '2026-07-02', { suspensions: [susp('2026-07-03', '2026-07-04')] }),
      'DEADLINE_OPTION_NOT_APPLICABLE',
    ],
    [
      'three extensions (TC-3 allows two)',
      () => due('TC-3', '2026-03-02', { extensions: 3 }),
      'DEADLINE_TOO_MANY_EXTENSIONS',
    ],
    [
      'a negative extension count',
      () => due('TC-3', '2026-03-02', { extensions: -1 }),
      'DEADLINE_OPTION_INVALID',
    ],
    [
      'a fractional extension count',
      () => due('TC-3', '2026-03-02', { extensions: 1.5 }),
      'DEADLINE_OPTION_INVALID',
    ],
    [
      'an extension count as text',
      () => due('TC-3', '2026-03-02', { extensions: '1' as unknown as number }),
      'DEADLINE_OPTION_INVALID',
    ],
    [
      'remote as text',
      () => due('KN-3', '2026-03-02', { remote: 'yes' as unknown as boolean }),
      'DEADLINE_OPTION_INVALID',
    ],
    [
      'an unknown option',
      () => due('KN-3', '2026-03-02', { urgent: true } as DeadlineOptions),
      'DEADLINE_OPTION_INVALID',
    ],
    [
      'options that are an array',
      () => due('KN-3', '2026-03-02', [] as DeadlineOptions),
      'DEADLINE_OPTION_INVALID',
    ],
    [
      'suspensions that are not an array',
      () => due('TC-3', '2026-03-02', { suspensions: {} as [] }),
      'DEADLINE_OPTION_INVALID',
    ],
    [
      'a suspension that resumes before it starts',
      () => due('TC-3', '2026-03-02', { suspensions: [susp('2026-03-20', '2026-03-10')] }),
      'DEADLINE_SUSPENSION_RESUMES_BEFORE_START',
    ],
    [
      'overlapping suspensions',
      () =>
        due('TC-3', '2026-03-02', {
          suspensions: [susp('2026-03-05', '2026-03-15'), susp('2026-03-10', '2026-03-20')],
        }),
      'DEADLINE_SUSPENSIONS_OVERLAP',
    ],
    [
      'a suspension inside another',
      () =>
        due('TC-3', '2026-03-02', {
          suspensions: [susp('2026-03-05', '2026-03-25'), susp('2026-03-10', '2026-03-12')],
        }),
      'DEADLINE_SUSPENSIONS_OVERLAP',
    ],
    [
      'a suspension before the period starts',
      () => due('TC-3', '2026-03-02', { suspensions: [susp('2026-03-01', '2026-03-05')] }),
      'DEADLINE_SUSPENSION_BEFORE_TRIGGER',
    ],
    [
      'a complaint suspension before 1 Jul 2026',
      () => due('KN-3', '2026-06-01', { suspensions: [susp('2026-06-15', '2026-07-05')] }),
      'DEADLINE_SUSPENSION_NOT_IN_FORCE',
    ],
    [
      'a suspension with an impossible date',
      () => due('TC-3', '2026-03-02', { suspensions: [susp('2026-03-05', '2026-02-30')] }),
      'DATE_INVALID',
    ],
    ['a trigger before the calendar', () => due('KN-3', '2019-12-31'), 'CALENDAR_OUT_OF_RANGE'],
    ['a trigger after the calendar', () => due('KN-3', '2061-01-01'), 'CALENDAR_OUT_OF_RANGE'],
    ['a period running past the calendar', () => due('KN-3', '2060-12-20'), 'CALENDAR_OUT_OF_RANGE'],
    ['working days running past the calendar', () => due('TC-1', '2060-12-28'), 'CALENDAR_OUT_OF_RANGE'],
    ['counting back before the calendar', () => due('TCD-1', '2020-01-03'), 'CALENDAR_OUT_OF_RANGE'],
    ['a rule without a period (XLD-5)', () => due('XLD-5', '2026-03-02'), 'DEADLINE_RULE_NOT_COMPUTABLE'],
    ['a frequency (TCD-7)', () => due('TCD-7', '2026-03-02'), 'DEADLINE_RULE_NOT_COMPUTABLE'],
    ['monitoring (TC-9)', () => due('TC-9', '2026-08-02'), 'DEADLINE_RULE_NOT_COMPUTABLE'],
    ['an emergency suspension (KN-13)', () => due('KN-13', '2026-03-02'), 'DEADLINE_RULE_NOT_COMPUTABLE'],
    [
      'an unverified old version (KN-10 before July 2026)',
      () => due('KN-10', '2026-06-30'),
      'DEADLINE_RULE_NOT_COMPUTABLE',
    ],
    [
      'an unknown old limit (TCD-5 before July 2026)',
      () => due('TCD-5', '2026-06-30'),
      'DEADLINE_RULE_NOT_COMPUTABLE',
    ],
    ['a rule not yet in force (KN-12)', () => due('KN-12', '2026-06-30'), 'DEADLINE_RULE_NOT_IN_FORCE'],
    [
      'online reception before it existed (TCD-6)',
      () => due('TCD-6', '2026-06-01'),
      'DEADLINE_RULE_NOT_IN_FORCE',
    ],
  ])('%s', (_what, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });

  it('uses kind invalid for malformed input and unprocessable for rule violations', () => {
    const kindOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as DomainError).kind;
      }
    };
    expect(kindOf(() => due('KN-3', '2026-02-30'))).toBe('invalid');
    expect(kindOf(() => due('TC-3', '2026-03-02', { extensions: 3 }))).toBe('unprocessable');
    expect(kindOf(() => due('KL-4', '2026-03-02', { remote: true }))).toBe('unprocessable');
    expect(kindOf(() => due('KN-3', '2019-01-01'))).toBe('unprocessable');
  });

  it('treats false, 0 and empty lists as "not used"', () => {
    const options = { remote: false, extensions: 0, obstacleDays: 0, suspensions: [], multiSite: undefined };
    expect(due('KL-4', '2026-03-17', options)).toBe('2026-04-16');
  });
});

describe('near the end of the calendar (31 Dec 2060)', () => {
  it('still returns the KN-2 result when only the Law reading falls outside the calendar', () => {
    // Wed 2060-12-22: 23, 24, 27, 28, 29, 30, 31 Dec = 7 working days; + 10 days = 2061-01-01, outside.
    const result = computeDeadline('KN-2', '2060-12-22', {}, calendar);
    expect(result.due).toBe('2060-12-31');
    expect(result.lawReading).toBeUndefined();
    // Mon 2060-12-20: 7 working days end Wed 29 Dec; + 10 days = Thu 30 Dec.
    expect(computeDeadline('KN-2', '2060-12-20', {}, calendar).lawReading?.due).toBe('2060-12-30');
  });

  it('reports CALENDAR_OUT_OF_RANGE when the working days run out (Thu 2060-12-23: only 6 left)', () => {
    expect(codeOf(() => due('KN-2', '2060-12-23'))).toBe('CALENDAR_OUT_OF_RANGE');
  });
});
