import {
  eligibilityWithoutNotes,
  formatRetentionPeriod,
  parseRetentionPeriod,
  retentionCutoff,
} from './retention.js';

describe('retention periods', () => {
  it('reads keep and periods of days, months and years, and nothing else', () => {
    expect(parseRetentionPeriod('keep')).toEqual({ keep: true });
    expect(parseRetentionPeriod(' 10Y ')).toEqual({ keep: false, amount: 10, unit: 'y' });
    expect(parseRetentionPeriod('18m')).toEqual({ keep: false, amount: 18, unit: 'm' });
    expect(parseRetentionPeriod('90d')).toEqual({ keep: false, amount: 90, unit: 'd' });
    for (const bad of ['', '0y', '10', 'y', '10w', '-1d', '12345d', 'forever']) {
      expect(parseRetentionPeriod(bad)).toBeNull();
    }
    expect(formatRetentionPeriod(parseRetentionPeriod('5y')!)).toBe('5y');
    expect(formatRetentionPeriod({ keep: true })).toBe('keep');
  });

  it('gives the latest anchor date past retention: anchor + period ≤ today', () => {
    expect(retentionCutoff({ keep: true }, '2030-01-01')).toBeNull();
    expect(retentionCutoff(parseRetentionPeriod('30d')!, '2027-03-01')).toBe('2027-01-30');
    expect(retentionCutoff(parseRetentionPeriod('1y')!, '2027-11-10')).toBe('2026-11-10');
    expect(retentionCutoff(parseRetentionPeriod('10y')!, '2036-12-07')).toBe('2026-12-07');
    expect(retentionCutoff(parseRetentionPeriod('14m')!, '2028-01-15')).toBe('2026-11-15');
    // A day the earlier month lacks is its last day.
    expect(retentionCutoff(parseRetentionPeriod('1m')!, '2027-03-31')).toBe('2027-02-28');
    expect(retentionCutoff(parseRetentionPeriod('1y')!, '2029-02-28')).toBe('2028-02-28');
    expect(retentionCutoff(parseRetentionPeriod('4y')!, '2032-02-29')).toBe('2028-02-29');
  });

  it('strips the notes of eligibility checks and keeps which passed', () => {
    expect(
      eligibilityWithoutNotes([
        { check: 'dated', passed: true, note: 'ông Nguyễn Văn A ký' },
        { check: 'legible', passed: false },
      ]),
    ).toEqual([
      { check: 'dated', passed: true },
      { check: 'legible', passed: false },
    ]);
    expect(eligibilityWithoutNotes(null)).toBeNull();
  });
});
