import { daysLeftText, ladderLevel, workingDaysLeft } from './deadline-display';

// Monday to Friday, and 2026-12-03 a day off (a unit's own calendar entry).
const isWorking = (date: string) => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && date !== '2026-12-03';
};

describe('working days left on the console (docs/console.md)', () => {
  it.each([
    ['due today', '2026-12-07', '2026-12-07', 0],
    ['due the next working day', '2026-12-04', '2026-12-07', 1],
    ['a week ahead, across a weekend', '2026-12-07', '2026-12-14', 5],
    ['across the unit day off', '2026-12-01', '2026-12-04', 2],
    ['one working day overdue (the due day is not counted)', '2026-12-08', '2026-12-07', -1],
    ['overdue across a weekend: only working days after the due date', '2026-12-07', '2026-12-04', -1],
    ['five working days overdue', '2026-12-07', '2026-11-30', -4],
    ['overdue on a Sunday after a Friday due date: no working day has passed', '2026-12-06', '2026-12-04', 0],
  ])('%s', (_name, today, due, expected) => {
    expect(workingDaysLeft(today, due, isWorking)).toBe(expected);
  });

  it.each([
    [10, 0],
    [4, 0],
    [3, 1],
    [1, 1],
    [0, 2],
    [-1, 3],
    [-4, 3],
    [-5, 4],
  ])('%i working days left is ladder level %i (docs/escalations.md)', (left, level) => {
    expect(ladderLevel(left)).toBe(level);
  });

  it('says it in Vietnamese', () => {
    expect(daysLeftText(3)).toBe('còn 3 ngày làm việc');
    expect(daysLeftText(0)).toBe('đến hạn hôm nay');
    expect(daysLeftText(0, true)).toBe('đã qua ngày hạn');
    expect(daysLeftText(-2)).toBe('quá hạn 2 ngày làm việc');
  });
});
