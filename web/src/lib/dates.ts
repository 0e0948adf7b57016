import dayjs from 'dayjs';
import 'dayjs/locale/vi';

dayjs.locale('vi');

/** Statutory dates are `YYYY-MM-DD` local dates; shown `dd/MM/yyyy`. */
export function showDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Timestamps (UTC) shown in Vietnam's time: `dd/MM/yyyy HH:mm`. */
export function showDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const local = new Date(new Date(iso).getTime() + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(local.getUTCDate())}/${p(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}`;
}

/** Weekday in Vietnamese: "Thứ Hai" … "Chủ nhật". */
export function weekday(date: string): string {
  const names = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
  return names[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

/** Today in Asia/Ho_Chi_Minh as YYYY-MM-DD (UTC+7, no daylight saving). */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

export function nowTimeInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(11, 16);
}

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
  if (due === today) return 0;
  const step = due > today ? 1 : -1;
  let count = 0;
  for (let d = today; d !== due;) {
    d = addDays(d, step);
    if (step > 0 ? isWorking(d) : isWorking(d) || d === due) count += step;
    if (Math.abs(count) > 400) break;
  }
  return count;
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

export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `còn ${daysLeft} ngày làm việc`;
  if (daysLeft === 0) return 'đến hạn hôm nay';
  return `quá hạn ${-daysLeft} ngày làm việc`;
}
