import { nationalCalendar } from '../../calendar/domain/national-calendar.js';
import {
  DEFAULT_LADDER,
  ladderFor,
  ladderProblems,
  levelToFire,
  parseLadders,
  resolveLadder,
  schedule,
  type StoredLadder,
} from './ladder.js';

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

  it('names each wrong level by its field, for the console to show beside it', () => {
    expect(ladderProblems([])).toEqual([{ field: 'levels', message: 'must be a non-empty list of levels' }]);
    expect(
      ladderProblems([
        { level: 1, workingDaysFromDue: -3, recipients: ['handler'] },
        { level: 1, workingDaysFromDue: 0, recipients: ['handler'] }, // not above the previous
        { level: 3, workingDaysFromDue: -4, recipients: ['unit_head'] }, // back in time
        { level: 4, workingDaysFromDue: 61, recipients: ['unit_head'] }, // too far
        { level: 5, workingDaysFromDue: 20, recipients: [] },
        { level: 6, workingDaysFromDue: 30, recipients: ['mayor'] },
      ]).map((p) => p.field),
    ).toEqual([
      'levels[1].level',
      'levels[2].workingDaysFromDue',
      'levels[3].workingDaysFromDue',
      'levels[4].recipients',
      'levels[5].recipients',
    ]);
    expect(ladderProblems(DEFAULT_LADDER)).toEqual([]);
  });

  describe('ladders kept as data (ADR 0017)', () => {
    const one = (days: number) => [{ level: 1, workingDaysFromDue: days, recipients: ['handler' as const] }];
    const stored: StoredLadder[] = [
      { key: 'KN-3', agencyUnitId: null, version: 2, levels: one(-5) },
      { key: 'complaint_case', agencyUnitId: 'province', version: 1, levels: one(-4) },
      { key: 'KN-3', agencyUnitId: 'commune', version: 3, levels: one(-7) },
      { key: 'TC-3', agencyUnitId: 'commune', version: 2, levels: null }, // removed: falls through
    ];
    const env = parseLadders(JSON.stringify({ 'TC-3': one(-2), denunciation_case: one(-1) }));
    const days = (chain: string[], rule: string, kind: string) => {
      const { ladder, source } = resolveLadder(stored, chain, env, rule, kind);
      return [ladder[0].workingDaysFromDue, source];
    };

    it('the nearest agency wins, the rule before the kind at each agency, then every agency', () => {
      // A commune under the province: the commune's own KN-3 ladder.
      expect(days(['division', 'commune', 'province'], 'KN-3', 'complaint_case')).toEqual([
        -7,
        { from: 'data', key: 'KN-3', agencyUnitId: 'commune', version: 3 },
      ]);
      // Elsewhere in the province: the province's ladder for complaint cases beats KN-3 for every agency.
      expect(days(['other', 'province'], 'KN-3', 'complaint_case')).toEqual([
        -4,
        { from: 'data', key: 'complaint_case', agencyUnitId: 'province', version: 1 },
      ]);
      // Outside the province: KN-3 for every agency.
      expect(days(['far'], 'KN-3', 'complaint_case')).toEqual([
        -5,
        { from: 'data', key: 'KN-3', agencyUnitId: null, version: 2 },
      ]);
    });

    it('the environment value stays the default, and a removed ladder falls back to it', () => {
      expect(days(['commune'], 'TC-3', 'denunciation_case')).toEqual([
        -2,
        { from: 'environment', key: 'TC-3' },
      ]);
      expect(days(['far'], 'TC-4', 'denunciation_case')).toEqual([
        -1,
        { from: 'environment', key: 'denunciation_case' },
      ]);
      const { ladder, source } = resolveLadder(stored, ['far'], env, 'XLD-1', 'letter');
      expect([ladder, source]).toEqual([DEFAULT_LADDER, { from: 'default' }]);
    });
  });
});
