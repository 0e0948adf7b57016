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

export { addDays, daysLeftText, ladderLevel, workingDaysLeft } from './deadline-display';
