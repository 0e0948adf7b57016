import fc from 'fast-check';
import { compareLocalDates, fromEpochDay, toEpochDay } from '../../common/domain/local-date.js';
import {
  addMonths,
  closedOn,
  deadlineOverdue,
  liveStatus,
  nextReviewAfter,
  recordStatus,
  reviewMonth,
} from './enforcement-status.js';

const o = (...statuses: string[]) => statuses.map((status) => ({ status }));

describe('recordStatus', () => {
  it.each([
    ['no obligation yet', o(), 'not_started'],
    ['nothing reported', o('not_started', 'not_started'), 'not_started'],
    ['one started', o('not_started', 'in_progress'), 'in_progress'],
    ['one done, one not started', o('done', 'not_started'), 'in_progress'],
    ['one blocked beats progress', o('in_progress', 'blocked', 'done'), 'blocked'],
    ['all done', o('done', 'done'), 'done'],
  ])('%s → %s', (_name, obligations, expected) => {
    expect(recordStatus(obligations)).toBe(expected);
  });
});

describe('liveStatus', () => {
  it.each([
    ['not_started', false, 'not_started'],
    ['not_started', true, 'overdue'],
    ['in_progress', true, 'overdue'],
    ['blocked', true, 'blocked'],
    ['done', true, 'done'],
  ])('%s with overdue=%s → %s', (stored, overdue, expected) => {
    expect(liveStatus(stored, overdue)).toBe(expected);
  });
});

describe('deadlineOverdue', () => {
  it.each([
    ['due today is not overdue', 'open', '2026-09-10', '2026-09-10', false],
    ['the day after is', 'open', '2026-09-10', '2026-09-11', true],
    ['a settled deadline never is', 'met', '2026-09-10', '2026-10-01', false],
  ])('%s', (_name, status, dueDate, today, expected) => {
    expect(deadlineOverdue({ status, dueDate }, today)).toBe(expected);
  });
});

describe('closedOn', () => {
  it('is the last done date once every obligation is done', () => {
    expect(
      closedOn([
        { status: 'done', doneOn: '2026-10-02' },
        { status: 'done', doneOn: '2026-11-20' },
      ]),
    ).toBe('2026-11-20');
    expect(
      closedOn([
        { status: 'done', doneOn: '2026-10-02' },
        { status: 'in_progress', doneOn: null },
      ]),
    ).toBeNull();
    expect(closedOn([])).toBeNull();
  });
});

describe('monthly reviews', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-10', 14, '2027-07-10'],
  ])('%s + %i month(s) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['opened today: a month on', '2026-09-15', '2026-09-15', '2026-10-15'],
    ['the review day itself moves to the next', '2026-09-15', '2026-10-15', '2026-11-15'],
    ['three months missed: the next anniversary, once', '2026-09-15', '2027-01-02', '2027-01-15'],
    ['end of month stays on the anniversary', '2026-01-31', '2026-03-01', '2026-03-31'],
  ])('%s', (_name, opened, today, expected) => {
    expect(nextReviewAfter(opened, today)).toBe(expected);
  });

  // A month-end opening reviews on each month's last day: from 30 April the next is 31 May, a day more
  // than "a month after today" (30 May). So the property is: the first monthly anniversary after today.
  it('the next review is the first monthly anniversary of the opening after today', () => {
    const day = fc.integer({ min: 20000, max: 22000 }).map(fromEpochDay);
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 900 }), (opened, later) => {
        const today = fromEpochDay(toEpochDay(opened) + later);
        const next = nextReviewAfter(opened, today);
        expect(compareLocalDates(next, today)).toBe(1);
        expect(toEpochDay(next) - toEpochDay(today)).toBeLessThanOrEqual(31);
        const k = [...Array(40).keys()].find((m) => m >= 1 && addMonths(opened, m) === next);
        expect(k).toBeDefined();
        if (k! > 1) expect(compareLocalDates(addMonths(opened, k! - 1), today)).toBeLessThanOrEqual(0);
      }),
      { examples: [['2027-12-31', 486]] },
    );
  });

  it('names the month of a review', () => {
    expect(reviewMonth('2026-11-30')).toBe('2026-11');
  });
});
