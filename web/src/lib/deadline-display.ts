// Deadlines as the console shows them: working days left and the escalation ladder's level. Pure (no
// imports): unit-tested by jest (web/src/lib/deadline-display.spec.ts).

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Working days from `today` to `due` on a calendar (`isWorking`): 0 when due today, positive when
 * ahead (working days left after today), negative when overdue (working days past due).
 */
export function workingDaysLeft(today: string, due: string, isWorking: (date: string) => boolean): number {
  // Ahead: the working days d with today < d <= due; overdue: those with due < d <= today.
  const [from, to, sign] = due >= today ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let d = addDays(from, 1); d <= to && count < 400; d = addDays(d, 1)) if (isWorking(d)) count += 1;
  return count === 0 ? 0 : sign * count;
}

/**
 * The escalation ladder's colour for a deadline (docs/escalations.md): level 1 at 3 working days before
 * the due date, level 2 on it, level 3 overdue, level 4 at 5 working days overdue.
 */
export function ladderLevel(daysLeft: number): 0 | 1 | 2 | 3 | 4 {
  if (daysLeft > 3) return 0;
  if (daysLeft > 0) return 1;
  if (daysLeft === 0) return 2;
  if (daysLeft > -5) return 3;
  return 4;
}

/** `pastDue`: the due date is behind us although no working day has passed since (a weekend). */
export function daysLeftText(daysLeft: number, pastDue = false): string {
  if (daysLeft > 0) return `còn ${daysLeft} ngày làm việc`;
  if (daysLeft === 0) return pastDue ? 'đã qua ngày hạn' : 'đến hạn hôm nay';
  return `quá hạn ${-daysLeft} ngày làm việc`;
}
