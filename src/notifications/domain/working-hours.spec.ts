import { nationalCalendar } from '../../calendar/domain/national-calendar.js';
import { buildWorkingCalendar } from '../../calendar/domain/working-calendar.js';
import {
  isWithinWorkingHours,
  localDateAt,
  localInstant,
  nextSendMoment,
  nextWorkdayStart,
} from './working-hours.js';

const HOURS = { start: '07:30', end: '17:00' };
const calendar = nationalCalendar();
const at = (date: string, time: string) => localInstant(date, time);
// eslint-disable-next-line no-restricted-globals -- test oracle: instants as ISO text for readable failures
const iso = (ms: number) => new Date(ms).toISOString();
// eslint-disable-next-line no-restricted-globals -- test oracle, see above
const utc = (text: string) => Date.parse(text);

describe('nextSendMoment (Asia/Ho_Chi_Minh, 07:30–17:00, the national public-sector calendar)', () => {
  it.each([
    ['inside hours on a weekday: now', '2026-03-11', '10:15', '2026-03-11', '10:15'],
    ['at the start exactly: now', '2026-03-11', '07:30', '2026-03-11', '07:30'],
    ['early morning: the start of that day', '2026-03-11', '06:00', '2026-03-11', '07:30'],
    ['weekday evening: the next working morning', '2026-03-11', '18:00', '2026-03-12', '07:30'],
    ['at the end exactly: the next working morning', '2026-03-11', '17:00', '2026-03-12', '07:30'],
    ['just before midnight: the next working morning', '2026-03-11', '23:59', '2026-03-12', '07:30'],
    ['Friday evening: Monday morning', '2026-03-13', '19:00', '2026-03-16', '07:30'],
    ['Saturday noon: Monday morning', '2026-03-14', '12:00', '2026-03-16', '07:30'],
    [
      'Friday evening before Tết Bính Ngọ: after the nine days off',
      '2026-02-13',
      '17:30',
      '2026-02-23',
      '07:30',
    ],
    [
      'inside hours on a holiday (30 April): the next working day',
      '2026-04-30',
      '09:00',
      '2026-05-04',
      '07:30',
    ],
    ['Sunday before the Giỗ Tổ compensatory Monday: Tuesday', '2026-04-26', '09:00', '2026-04-28', '07:30'],
    [
      'Friday evening before a make-up Saturday (10 Jan 2026): Saturday',
      '2026-01-09',
      '18:00',
      '2026-01-10',
      '07:30',
    ],
  ])('%s', (_name, date, time, expectedDate, expectedTime) => {
    expect(iso(nextSendMoment(at(date, time), calendar, HOURS))).toBe(iso(at(expectedDate, expectedTime)));
  });

  it('stores UTC: 07:30 in Hanoi is 00:30Z', () => {
    expect(iso(nextSendMoment(utc('2026-03-11T12:00:00Z'), calendar, HOURS))).toBe(
      '2026-03-12T00:30:00.000Z',
    );
  });

  it('keeps the milliseconds of a moment inside hours (it is "now")', () => {
    const now = utc('2026-03-11T03:00:00.123Z');
    expect(nextSendMoment(now, calendar, HOURS)).toBe(now);
  });

  it("follows the unit's own calendar (a unit day off)", () => {
    const unit = buildWorkingCalendar({
      id: 'unit',
      firstYear: 2026,
      lastYear: 2026,
      entries: [{ date: '2026-03-12', kind: 'day_off', name: 'Nghỉ riêng' }],
      confirmedYears: [2026],
    });
    expect(iso(nextSendMoment(at('2026-03-11', '18:00'), unit, HOURS))).toBe(iso(at('2026-03-13', '07:30')));
  });

  it('assumes Monday–Friday outside the calendar range instead of failing', () => {
    const short = buildWorkingCalendar({
      id: 'short',
      firstYear: 2026,
      lastYear: 2026,
      entries: [],
      confirmedYears: [],
    });
    expect(iso(nextSendMoment(at('2026-12-31', '18:00'), short, HOURS))).toBe(iso(at('2027-01-01', '07:30')));
    expect(iso(nextSendMoment(at('2027-01-01', '18:00'), short, HOURS))).toBe(iso(at('2027-01-04', '07:30')));
  });

  it('never returns a moment before now, and always one inside hours on a working day', () => {
    for (let t = at('2026-01-01', '00:00'); t < at('2026-03-01', '00:00'); t += 37 * 60_000) {
      const next = nextSendMoment(t, calendar, HOURS);
      expect(next).toBeGreaterThanOrEqual(t);
      expect(isWithinWorkingHours(next, calendar, HOURS)).toBe(true);
    }
  });

  it('refuses hours whose start is not before their end', () => {
    expect(() => nextSendMoment(0, calendar, { start: '17:00', end: '07:30' })).toThrow(RangeError);
  });
});

describe('nextWorkdayStart (when a digest item falls due)', () => {
  it.each([
    ['before the start on a working day: that morning', '2026-03-11', '06:59', '2026-03-11', '07:30'],
    ['inside hours: the next working morning', '2026-03-11', '08:00', '2026-03-12', '07:30'],
    ['Friday afternoon: Monday morning', '2026-03-13', '15:00', '2026-03-16', '07:30'],
    ['a holiday morning: the next working morning', '2026-04-30', '06:00', '2026-05-04', '07:30'],
  ])('%s', (_name, date, time, expectedDate, expectedTime) => {
    expect(iso(nextWorkdayStart(at(date, time), calendar, HOURS))).toBe(iso(at(expectedDate, expectedTime)));
  });
});

describe('isWithinWorkingHours and localDateAt', () => {
  it.each([
    ['2026-03-11', '07:29', false],
    ['2026-03-11', '07:30', true],
    ['2026-03-11', '16:59', true],
    ['2026-03-11', '17:00', false],
    ['2026-03-14', '09:00', false], // Saturday
    ['2026-01-10', '09:00', true], // make-up Saturday
    ['2026-02-17', '09:00', false], // Tết
  ])('%s %s → %s', (date, time, expected) => {
    expect(isWithinWorkingHours(at(date, time), calendar, HOURS)).toBe(expected);
  });

  it('gives the local date (UTC+7): 17:30Z is already the next day', () => {
    expect(localDateAt(utc('2026-03-11T17:30:00Z'))).toBe('2026-03-12');
    expect(localDateAt(utc('2026-03-11T16:59:00Z'))).toBe('2026-03-11');
  });
});
