import { nationalCalendar } from '../../calendar/domain/national-calendar.js';
import { postingChecks, postingWarnings } from './posting-rule.js';

const calendar = nationalCalendar();

describe('posting window (TCD-1: at least 5 working days ahead, LTCD art. 24(4))', () => {
  it('a periodic session on Tuesday 24 Feb 2026 must be posted by 10 Feb: Tết does not count', () => {
    // Working days before 24 Feb: 23, (Tết 16–20 off), 13, 12, 11, 10 → the 5th is 10 Feb.
    const [onTime] = postingChecks(
      { kind: 'periodic', mode: 'direct', date: '2026-02-24' },
      '2026-02-10',
      calendar,
    );
    expect(onTime).toMatchObject({
      ruleId: 'TCD-1',
      due: '2026-02-10',
      late: false,
      ruleVersion: 'TCD-1/v1',
    });
    const [late] = postingChecks(
      { kind: 'periodic', mode: 'direct', date: '2026-02-24' },
      '2026-02-11',
      calendar,
    );
    expect(late).toMatchObject({ due: '2026-02-10', late: true });
  });

  it('a late check gives a warning naming the session date and the due date; an on-time one gives none', () => {
    const late = postingChecks(
      { kind: 'periodic', mode: 'direct', date: '2026-12-01' },
      '2026-11-25',
      calendar,
    );
    expect(postingWarnings(late, '2026-12-01')).toEqual([
      expect.objectContaining({
        code: 'RECEPTION_POSTED_LATE',
        ruleId: 'TCD-1',
        sessionDate: '2026-12-01',
        due: '2026-11-24',
      }),
    ]);
    const onTime = postingChecks(
      { kind: 'periodic', mode: 'direct', date: '2026-12-01' },
      '2026-11-24',
      calendar,
    );
    expect(postingWarnings(onTime, '2026-12-01')).toEqual([]);
  });

  it('an ad hoc direct session has no posting rule; an online one must be notified 5 working days ahead (TCD-6)', () => {
    expect(
      postingChecks({ kind: 'ad_hoc', mode: 'direct', date: '2026-12-01' }, '2026-11-30', calendar),
    ).toEqual([]);
    const checks = postingChecks(
      { kind: 'ad_hoc', mode: 'online', date: '2026-12-01' },
      '2026-11-30',
      calendar,
    );
    expect(checks).toEqual([expect.objectContaining({ ruleId: 'TCD-6', due: '2026-11-24', late: true })]);
  });

  it('a periodic online session is checked against both rules', () => {
    const checks = postingChecks(
      { kind: 'periodic', mode: 'online', date: '2026-12-01' },
      '2026-11-01',
      calendar,
    );
    expect(checks.map((c) => [c.ruleId, c.late])).toEqual([
      ['TCD-1', false],
      ['TCD-6', false],
    ]);
  });
});
