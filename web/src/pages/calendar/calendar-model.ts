/**
 * The pure part of the calendar year view (docs/console-calendar.md): labels, where a day comes from,
 * the month grids and keyboard moves. No React, no fetching: unit-tested in calendar-model.spec.ts.
 */

export type DayStatus = 'working' | 'rest' | 'day_off' | 'holiday_on_rest_day' | 'make_up_working_day';

/** A day the API lists (it differs from Monday–Friday, or it is named). */
export interface ListedDay {
  date: string;
  status: DayStatus;
  kind: 'day_off' | 'make_up_working_day';
  name: string;
  source: string;
  working: boolean;
}

export interface GridDay {
  date: string;
  day: number;
  status: DayStatus;
  listed: ListedDay | null;
}

export const STATUS_LABELS: Record<DayStatus, string> = {
  working: 'Ngày làm việc',
  rest: 'Nghỉ hằng tuần',
  day_off: 'Ngày nghỉ',
  holiday_on_rest_day: 'Ngày lễ trùng ngày nghỉ hằng tuần',
  make_up_working_day: 'Ngày làm bù',
};

export const KIND_LABELS: Record<ListedDay['kind'], string> = {
  day_off: 'Ngày nghỉ',
  make_up_working_day: 'Ngày làm việc (làm bù)',
};

export const MONTHS = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`);
/** Monday first, as Vietnamese calendars are printed. */
export const WEEKDAY_SHORT = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];
export const WEEKDAY_LONG = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** 0 = Monday … 6 = Sunday. */
export function mondayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function addDaysIso(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function addMonthsIso(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, Math.min(d, last));
}

/**
 * Where a day comes from, in Vietnamese: `built-in` (the published layout the system ships with),
 * `computed` (the Labor Code defaults of a provisional year), `national`, or a unit id (this scope or
 * an ancestor, named from `unitNames`).
 */
export function sourceLabel(source: string, scope: string, unitNames: ReadonlyMap<string, string>): string {
  if (source === 'built-in') return 'Lịch chính thức có sẵn trong hệ thống';
  if (source === 'computed') return 'Tính theo Bộ luật Lao động (tạm tính)';
  if (source === scope) return 'Đặt tại phạm vi này';
  if (source === 'national') return 'Kế thừa từ lịch quốc gia';
  return `Kế thừa từ ${unitNames.get(source) ?? 'đơn vị cấp trên'}`;
}

/** The status of every day of a month, Monday-first weeks (null: padding). */
export function monthGrid(
  year: number,
  month: number,
  listed: ReadonlyMap<string, ListedDay>,
): (GridDay | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const first = mondayIndex(isoDate(year, month, 1));
  const cells: (GridDay | null)[] = Array.from({ length: first }, () => null);
  for (let d = 1; d <= days; d++) {
    const date = isoDate(year, month, d);
    const entry = listed.get(date) ?? null;
    const weekend = mondayIndex(date) >= 5;
    cells.push({ date, day: d, status: entry?.status ?? (weekend ? 'rest' : 'working'), listed: entry });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (GridDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The date a key moves the focus to (arrows: a day or a week; Page Up/Down: a month; Home/End: the week's ends), clamped to the year. */
export function moveFocus(date: string, key: string, year: number): string | null {
  let next: string;
  switch (key) {
    case 'ArrowLeft':
      next = addDaysIso(date, -1);
      break;
    case 'ArrowRight':
      next = addDaysIso(date, 1);
      break;
    case 'ArrowUp':
      next = addDaysIso(date, -7);
      break;
    case 'ArrowDown':
      next = addDaysIso(date, 7);
      break;
    case 'PageUp':
      next = addMonthsIso(date, -1);
      break;
    case 'PageDown':
      next = addMonthsIso(date, 1);
      break;
    case 'Home':
      next = addDaysIso(date, -mondayIndex(date));
      break;
    case 'End':
      next = addDaysIso(date, 6 - mondayIndex(date));
      break;
    default:
      return null;
  }
  if (next < `${year}-01-01`) return `${year}-01-01`;
  if (next > `${year}-12-31`) return `${year}-12-31`;
  return next;
}

/** The entry's name as stored: the reason, and the legal basis in brackets when given. */
export function entryName(reason: string, legalBasis: string): string {
  const r = reason.trim();
  const b = legalBasis.trim();
  return b ? `${r} (căn cứ: ${b})` : r;
}

/** The inverse of {@link entryName}, to fill the form from a stored name. */
export function splitEntryName(name: string): { reason: string; legalBasis: string } {
  const m = /^(.*) \(căn cứ: (.*)\)$/.exec(name);
  return m ? { reason: m[1], legalBasis: m[2] } : { reason: name, legalBasis: '' };
}

/** `rows[3].date` → row 3, column "date" (the import's row-by-row errors). */
export function importProblem(field: string): { row: number; column: string } | null {
  const m = /^rows\[(\d+)\]\.(.+)$/.exec(field);
  return m ? { row: Number(m[1]), column: m[2] } : null;
}

export const COLUMN_LABELS: Record<string, string> = {
  date: 'ngày',
  kind: 'loại',
  name: 'tên',
  DTSTART: 'DTSTART (ngày)',
  DTEND: 'DTEND (ngày kết thúc)',
  CATEGORIES: 'CATEGORIES (loại)',
  SUMMARY: 'SUMMARY (tên)',
  RRULE: 'RRULE (lặp lại)',
  '*': 'cả dòng',
};

/** The import checker's English messages in Vietnamese (the common ones; others keep their text). */
export function importMessage(message: string): string {
  let m: RegExpExecArray | null;
  if ((m = /is not in (\d{4})/.exec(message))) return `ngày không thuộc năm ${m[1]}`;
  if ((m = /already listed on row (\d+)/.exec(message))) return `ngày này đã có ở dòng ${m[1]}`;
  if (/day_off or make_up_working_day/.test(message)) return 'loại phải là day_off hoặc make_up_working_day';
  if (/valid date|YYYY-MM-DD|impossible|not a date/i.test(message)) return 'ngày không hợp lệ';
  if (/formula|control character|characters|empty/i.test(message)) return `tên không hợp lệ (${message})`;
  if (/recurr/i.test(message)) return 'không nhận sự kiện lặp lại';
  return message;
}

/** The console path of a deadline's subject, when the console has a page for it. */
export function subjectPath(subjectType: string, subjectId: string): string | null {
  if (subjectType === 'complaint_case') return `/ho-so/khieu-nai/${subjectId}`;
  if (subjectType === 'denunciation_case') return `/ho-so/to-cao/${subjectId}`;
  if (subjectType === 'letter') return `/don/${subjectId}`;
  return null;
}

export const CHANGE_REASONS: Record<string, string> = {
  'entry.set': 'Đặt một ngày',
  'entry.remove': 'Bỏ một ngày',
  'year.set': 'Xác nhận / giữ tạm tính một năm',
  'year.remove': 'Rút tuyên bố về một năm',
  import: 'Nhập lịch từ tệp',
};
