import { nationalCalendar } from '../../calendar/domain/national-calendar.js';
import { DEFAULT_LADDER, ladderFor, levelToFire, parseLadders, schedule } from './ladder.js';

describe('the escalation ladder', () => {
  const calendar = nationalCalendar();

  it('dates the default levels in working days around the due date (National Day 2026 in between)', () => {
    // Due Friday 2026-09-04; 1–2 September are National Day, 31 August a swapped rest day.
    expect(schedule(DEFAULT_LADDER, calendar, '2026-09-04')).toEqual([
      { level: 1, on: '2026-08-27' }, // 3 working days before: 3 Sep, 28 Aug, 27 Aug (31 Aug–2 Sep are off)
      { level: 2, on: '2026-09-04' },
      { level: 3, on: '2026-09-07' }, // the next working day (Monday)
      { level: 4, on: '2026-09-11' },
    ]);
  });

  it('fires the highest level due, skips the missed ones below it, and names the next', () => {
    const levels = schedule(DEFAULT_LADDER, calendar, '2026-09-04');
    expect(levelToFire(levels, new Set(), '2026-08-26')).toEqual({ fire: null, skip: [], next: levels[0] });
    expect(levelToFire(levels, new Set(), '2026-08-27')).toEqual({ fire: 1, skip: [], next: levels[1] });
    expect(levelToFire(levels, new Set([1]), '2026-09-03')).toEqual({
      fire: null,
      skip: [],
      next: levels[1],
    });
    // Logged late: on 8 September levels 1–3 are all due; only 3 goes out.
    expect(levelToFire(levels, new Set(), '2026-09-08')).toEqual({ fire: 3, skip: [1, 2], next: levels[3] });
    expect(levelToFire(levels, new Set([1, 2, 3, 4]), '2026-12-01')).toEqual({
      fire: null,
      skip: [],
      next: null,
    });
  });

  it('picks a ladder by rule, then by kind of case, then the default', () => {
    const table = parseLadders(
      JSON.stringify({
        'KN-3': [{ level: 1, workingDaysFromDue: -5, recipients: ['handler'] }],
        denunciation_case: [{ level: 1, workingDaysFromDue: -2, recipients: ['handler', 'unit_head'] }],
      }),
    );
    expect(ladderFor(table, 'KN-3', 'complaint_case')[0].workingDaysFromDue).toBe(-5);
    expect(ladderFor(table, 'TC-3', 'denunciation_case')[0].workingDaysFromDue).toBe(-2);
    expect(ladderFor(table, 'KN-4', 'complaint_case')).toBe(DEFAULT_LADDER);
  });

  it.each([
    ['not json', '{'],
    [
      'levels out of order',
      JSON.stringify({
        x: [
          { level: 2, workingDaysFromDue: 0, recipients: ['handler'] },
          { level: 1, workingDaysFromDue: 1, recipients: ['handler'] },
        ],
      }),
    ],
    [
      'back in time',
      JSON.stringify({
        x: [
          { level: 1, workingDaysFromDue: 2, recipients: ['handler'] },
          { level: 2, workingDaysFromDue: 1, recipients: ['handler'] },
        ],
      }),
    ],
    [
      'unknown recipient',
      JSON.stringify({ x: [{ level: 1, workingDaysFromDue: 0, recipients: ['mayor'] }] }),
    ],
  ])('refuses a ladder that is %s', (_why, json) => {
    expect(() => parseLadders(json)).toThrow(/ESCALATION_LADDERS/);
  });
});
