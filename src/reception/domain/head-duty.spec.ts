import { nationalCalendar } from '../../calendar/domain/national-calendar.js';
import { dutyWindow, headDutyCompliance, headDutyRuleFor } from './head-duty.js';

const calendar = nationalCalendar();
const check = (unitKind: Parameters<typeof headDutyRuleFor>[0], month: string, receptionDates: string[]) =>
  headDutyCompliance({ unitKind, month, receptionDates, calendar });

describe("the head's reception duty (legal-reference §3.1)", () => {
  it.each([
    ['commune', '2026-06', 'commune-weekly'],
    ['commune', '2026-07', 'commune-twice-monthly'],
    ['agency', '2026-06', 'agency-monthly'],
    ['agency', '2026-07', 'agency-monthly'],
    ['province', '2026-07', 'province-monthly'],
    ['division', '2026-07', null],
    ['public_service_unit', '2026-07', null],
  ] as const)('%s in %s follows %s', (kind, month, id) => {
    expect(headDutyRuleFor(kind, month)?.id ?? null).toBe(id);
  });

  it('a commune chairman in June 2026 must receive every week: one session a week passes', () => {
    // ISO weeks with their Thursday in June 2026: from Mondays 1, 8, 15, 22 June.
    const result = check('commune', '2026-06', ['2026-06-02', '2026-06-09', '2026-06-16', '2026-06-23']);
    expect(result.compliant).toBe(true);
    expect(result.periods.map((p) => [p.from, p.to, p.required, p.held])).toEqual([
      ['2026-06-01', '2026-06-07', 1, 1],
      ['2026-06-08', '2026-06-14', 1, 1],
      ['2026-06-15', '2026-06-21', 1, 1],
      ['2026-06-22', '2026-06-28', 1, 1],
    ]);
  });

  it('a commune chairman in June 2026 with two sessions in the month fails the weekly rule', () => {
    const result = check('commune', '2026-06', ['2026-06-02', '2026-06-16']);
    expect(result.compliant).toBe(false);
    expect(result.periods.filter((p) => !p.met).map((p) => p.from)).toEqual(['2026-06-08', '2026-06-22']);
  });

  it('the same two sessions in July 2026 meet the new rule of two days a month (Law 136/2025)', () => {
    const result = check('commune', '2026-07', ['2026-07-07', '2026-07-21']);
    expect(result.compliant).toBe(true);
    expect(result.periods).toEqual([
      { from: '2026-07-01', to: '2026-07-31', required: 2, held: 2, exempt: false, met: true },
    ]);
  });

  it('one day in July 2026 is not enough for a commune; the same day twice still counts once', () => {
    const result = check('commune', '2026-07', ['2026-07-07', '2026-07-07']);
    expect(result.compliant).toBe(false);
    expect(result.receptionDays).toEqual(['2026-07-07']);
    expect(result.periods[0]).toMatchObject({ required: 2, held: 1, met: false });
  });

  it('the week across 30 June – 1 July 2026 belongs to July (its Thursday): June does not need it', () => {
    expect(dutyWindow('commune', '2026-06')).toEqual({ from: '2026-06-01', to: '2026-06-28' });
    const june = check('commune', '2026-06', ['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22']);
    expect(june.periods).toHaveLength(4);
    expect(june.compliant).toBe(true);
  });

  it('a week that spans two months counts a session held in the neighbouring month (May–June 2026)', () => {
    // Week of Monday 25 May 2026 has its Thursday on 28 May: it belongs to May.
    // Week of Monday 29 June? No — June 2026 starts on a Monday. Use January 2026: week of Monday 29 Dec 2025
    // has its Thursday on 1 Jan 2026, so it is January's first week; a session on 30 Dec 2025 meets it.
    const result = check('commune', '2026-01', [
      '2025-12-30',
      '2026-01-06',
      '2026-01-13',
      '2026-01-20',
      '2026-01-27',
    ]);
    expect(result.periods[0]).toMatchObject({ from: '2025-12-29', to: '2026-01-04', held: 1, met: true });
    expect(result.compliant).toBe(true);
  });

  it('the Tết week of February 2026 has no working day and is exempt from the weekly rule', () => {
    const result = check('commune', '2026-02', ['2026-02-03', '2026-02-10', '2026-02-24']);
    expect(result.periods.map((p) => [p.from, p.exempt, p.met])).toEqual([
      ['2026-02-02', false, true],
      ['2026-02-09', false, true],
      ['2026-02-16', true, true],
      ['2026-02-23', false, true],
    ]);
    expect(result.compliant).toBe(true);
  });

  it('an agency head with no session in December 2026 fails; one session passes', () => {
    expect(check('agency', '2026-12', []).compliant).toBe(false);
    expect(check('agency', '2026-12', ['2026-12-15']).compliant).toBe(true);
    // A session of another month does not count.
    expect(check('agency', '2026-12', ['2026-11-30']).compliant).toBe(false);
  });

  it('a provincial chairman needs one day a month; a division has no duty of its own', () => {
    expect(check('province', '2026-08', ['2026-08-20']).compliant).toBe(true);
    expect(check('division', '2026-08', [])).toMatchObject({ rule: null, compliant: null, periods: [] });
  });
});
