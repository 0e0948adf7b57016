import { DEADLINE_RULES, findDeadlineRule, optionsOf } from './deadline-rules';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

// legal-reference §2, read by hand: [id, days, unit, direction] of the version in force today (from 2026-07-01).
const STATUTE: [string, number, 'calendar_days' | 'working_days', 'forward' | 'back'][] = [
  ['TCD-1', 5, 'working_days', 'back'],
  ['TCD-2', 10, 'working_days', 'forward'],
  ['TCD-3', 7, 'working_days', 'forward'],
  ['TCD-4', 5, 'working_days', 'forward'],
  ['TCD-5', 3, 'working_days', 'forward'],
  ['TCD-6', 5, 'working_days', 'back'],
  ['XLD-1', 10, 'calendar_days', 'forward'],
  ['XLD-2', 7, 'working_days', 'forward'],
  ['XLD-3', 5, 'working_days', 'forward'],
  ['XLD-4', 20, 'calendar_days', 'forward'],
  ['KN-1', 90, 'calendar_days', 'forward'],
  ['KN-2', 7, 'working_days', 'forward'],
  ['KN-3', 30, 'calendar_days', 'forward'],
  ['KN-4', 3, 'working_days', 'forward'],
  ['KN-5', 30, 'calendar_days', 'forward'],
  ['KN-6', 45, 'calendar_days', 'forward'],
  ['KN-7', 7, 'calendar_days', 'forward'],
  ['KN-8', 15, 'calendar_days', 'forward'],
  ['KN-9', 30, 'calendar_days', 'forward'],
  ['KN-10', 5, 'calendar_days', 'back'],
  ['KN-11', 5, 'working_days', 'forward'],
  ['KN-12', 3, 'working_days', 'forward'],
  ['KN-14', 30, 'calendar_days', 'forward'],
  ['KL-1', 15, 'calendar_days', 'forward'],
  ['KL-2', 10, 'calendar_days', 'forward'],
  ['KL-3', 7, 'working_days', 'forward'],
  ['KL-4', 30, 'calendar_days', 'forward'],
  ['KL-5', 7, 'calendar_days', 'forward'],
  ['KL-6', 30, 'calendar_days', 'forward'],
  ['TC-1', 7, 'working_days', 'forward'],
  ['TC-2', 5, 'working_days', 'forward'],
  ['TC-3', 30, 'calendar_days', 'forward'],
  ['TC-4', 5, 'working_days', 'forward'],
  ['TC-5', 5, 'working_days', 'forward'],
  ['TC-6', 7, 'working_days', 'forward'],
  ['TC-7', 5, 'working_days', 'forward'],
  ['TC-8', 7, 'working_days', 'forward'],
  ['TC-10', 20, 'calendar_days', 'forward'],
  ['TC-11', 5, 'working_days', 'forward'],
  ['TC-12', 5, 'working_days', 'forward'],
  ['TC-13', 20, 'calendar_days', 'forward'],
];

const current = (id: string) => {
  const versions = findDeadlineRule(id)?.versions ?? [];
  return versions[versions.length - 1];
};

describe('the rule table', () => {
  it('has every rule of legal-reference §2, once, in order', () => {
    expect(DEADLINE_RULES.map((r) => r.id)).toEqual([
      ...ids('TCD', 7),
      ...ids('XLD', 5),
      ...ids('KN', 14),
      ...ids('KL', 6),
      ...ids('TC', 13),
    ]);
  });

  it.each(STATUTE)('%s: %i %s, %s', (id, days, unit, direction) => {
    expect(current(id)).toMatchObject({ computable: true, unit, direction, period: { days } });
  });

  it.each(['XLD-5', 'TC-9', 'KN-13', 'TCD-7'])('%s has no computable period, with a reason', (id) => {
    for (const v of findDeadlineRule(id)?.versions ?? []) {
      expect(v.computable).toBe(false);
      expect(v.notComputableReason?.vi).toBeTruthy();
      expect(v.notComputableReason?.en).toBeTruthy();
    }
  });

  it.each(['XLD-1', 'TCD-2', 'TCD-3', 'TCD-4', 'TC-9', 'KN-8', 'KN-11'])('%s is marked UNCONFIRMED', (id) => {
    expect(current(id).unconfirmed).toBeTruthy();
  });

  it('KN-2 and KL-3: 10 working days before 2026-07-01, 7 from it, with the Law reading as a note', () => {
    for (const id of ['KN-2', 'KL-3']) {
      const [v1, v2] = findDeadlineRule(id)?.versions ?? [];
      expect(v1).toMatchObject({ effectiveFrom: null, unit: 'working_days', period: { days: 10 } });
      expect(v2).toMatchObject({ effectiveFrom: '2026-07-01', unit: 'working_days', period: { days: 7 } });
      expect(v2.legalBasis).toContain('NĐ 155/2026/NĐ-CP art. 10');
      expect(v2.lawReading).toMatchObject({ days: 10, unit: 'calendar_days' });
    }
  });

  it('has the variants of legal-reference §2 and deadline-policy convention 9', () => {
    expect(current('KN-3').period).toMatchObject({
      days: 30,
      complicated: 45,
      remote: 45,
      remoteComplicated: 60,
    });
    expect(current('KN-6').period).toMatchObject({
      days: 45,
      complicated: 60,
      remote: 60,
      remoteComplicated: 70,
    });
    expect(current('KN-5').period).toMatchObject({ days: 30, remote: 45 });
    expect(current('KN-9').period).toMatchObject({ days: 30, remote: 45 });
    expect(current('KL-2').period).toMatchObject({ days: 10, dismissal: 30 });
    expect(current('KL-4').period).toMatchObject({ days: 30, complicated: 45 });
    expect(current('TC-1').period).toMatchObject({ days: 7, multiSite: 10 });
    expect(current('TC-3').period?.extensions).toMatchObject({ max: 2, days: 30 });
    for (const rule of DEADLINE_RULES.filter((r) => r.group === 'KL')) {
      for (const v of rule.versions) expect(optionsOf(v)).not.toContain('remote');
    }
  });

  it('orders versions by date, with unique ids and a legal basis each', () => {
    for (const rule of DEADLINE_RULES) {
      const dates = rule.versions.map((v) => v.effectiveFrom ?? '');
      expect([rule.id, dates]).toEqual([rule.id, [...dates].sort()]);
      expect(new Set(rule.versions.map((v) => v.version)).size).toBe(rule.versions.length);
      for (const [i, v] of rule.versions.entries()) {
        expect(v.legalBasis.length).toBeGreaterThan(3);
        if (i > 0) expect(v.effectiveFrom).not.toBeNull();
        if (v.computable) expect(v.period?.days).toBeGreaterThan(0);
      }
      expect(rule.step.vi && rule.step.en && rule.trigger.vi && rule.trigger.en).toBeTruthy();
    }
  });

  it('pairs the duplicate steps both ways (XLD-2 = TC-1, XLD-4 = TC-13)', () => {
    for (const rule of DEADLINE_RULES.filter((r) => r.sameAs)) {
      const other = findDeadlineRule(rule.sameAs ?? '');
      expect(other?.sameAs).toBe(rule.id);
      expect(current(rule.id).period).toEqual(current(other?.id ?? '').period);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEADLINE_RULES)).toBe(true);
    expect(Object.isFrozen(current('KN-3').period)).toBe(true);
  });
});
