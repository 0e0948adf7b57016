// The reception screens' pure rules: recurrences in Vietnamese words (the same words as the API's
// `describeRecurrence`, src/reception/domain/recurrence.ts; a unit test keeps the two equal), the month
// grid and what each day shows — sessions, days moved or skipped by a schedule, postponed and cancelled
// sessions with their public reason, sessions flagged by a calendar change.
import type { Schemas } from '../../api/client';
import { showDate } from '../../lib/dates';

export type Session = Schemas['SessionView'];
export type Recurrence =
  | { type: 'weekly'; weekdays: number[] }
  | { type: 'monthly_day'; day: number }
  | { type: 'monthly_weekday'; week: 1 | 2 | 3 | 4 | -1; weekday: number };

const WEEKDAY_VI = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];
const WEEK_VI: Record<number, string> = {
  1: 'thứ nhất',
  2: 'thứ hai',
  3: 'thứ ba',
  4: 'thứ tư',
  [-1]: 'cuối',
};

export const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
  value: d,
  label: WEEKDAY_VI[d].replace(/^t/, 'T'),
}));
export const WEEK_OPTIONS = [1, 2, 3, 4, -1].map((w) => ({
  value: w,
  label: w === -1 ? 'tuần cuối' : `tuần ${WEEK_VI[w]}`,
}));

/** "thứ Ba hằng tuần", "ngày 15 hằng tháng", "thứ Năm tuần thứ hai hằng tháng" (as the API says it). */
export function recurrenceWords(r: Recurrence | { type: 'every_working_day' }): string {
  switch (r.type) {
    case 'weekly':
      return `${[...r.weekdays]
        .sort((a, b) => a - b)
        .map((d) => WEEKDAY_VI[d])
        .join(', ')} hằng tuần`;
    case 'monthly_day':
      return `ngày ${r.day} hằng tháng`;
    case 'monthly_weekday':
      return `${WEEKDAY_VI[r.weekday]} ${r.week === -1 ? 'cuối cùng' : `tuần ${WEEK_VI[r.week]}`} hằng tháng`;
    case 'every_working_day':
      return 'các ngày làm việc';
  }
}

/** Why a day is not a working day, in words: the day off's name, or the weekend. */
export function reasonText(reason: string | null | undefined): string {
  if (!reason) return 'ngày nghỉ';
  if (reason === 'weekend') return 'ngày nghỉ cuối tuần';
  if (reason === 'duplicate') return 'trùng một buổi đã có của lịch';
  return reason;
}

/** A session's form: in person, or online (TCD-6, from 1 July 2026). */
export const MODE_OPTIONS = [
  { value: 'direct', label: 'Trực tiếp' },
  { value: 'online', label: 'Trực tuyến (từ 01/7/2026)' },
];

export const KIND_TEXT: Record<Session['kind'], string> = {
  periodic: 'Định kỳ (thủ trưởng)',
  ad_hoc: 'Đột xuất',
};

/** The session's status as the public calendar shows it (src/reception/public/calendar-page.html.ts). */
export function publicStatusText(s: Pick<Session, 'status' | 'statusReason' | 'originalDate'>): string {
  const reason = s.statusReason ? ` Lý do: ${s.statusReason}.` : '';
  if (s.status === 'cancelled') return `Đã hủy.${reason}`;
  if (s.status === 'postponed' && s.originalDate)
    return `Lịch mới (hoãn từ ${weekdayText(s.originalDate)}, ${showDate(s.originalDate)}).${reason}`;
  return 'Theo lịch.';
}

function weekdayText(date: string): string {
  const names = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
  return names[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

/** What one day of the month grid holds. */
export type DayItem =
  | {
      type: 'session';
      session: Session;
      tone: 'normal' | 'moved' | 'postponed' | 'cancelled' | 'conflict';
      note: string;
    }
  | { type: 'moved-away'; session: Session; note: string }
  | { type: 'skipped'; nominalDate: string; note: string };

/**
 * The items of each day of a month: each session on its day (with a note when it was moved off a day off
 * by its schedule, postponed, cancelled or flagged by a calendar change), a marker on the day a session
 * was moved or postponed away from, and the days a schedule skips.
 */
export function monthItems(
  sessions: readonly Session[],
  skipped: readonly { nominalDate: string; reason: string }[],
  month: string,
): Map<string, DayItem[]> {
  const out = new Map<string, DayItem[]>();
  const add = (date: string | null | undefined, item: DayItem) => {
    if (!date || !date.startsWith(month)) return;
    const list = out.get(date) ?? [];
    list.push(item);
    out.set(date, list);
  };
  for (const s of sessions) {
    const movedBySchedule = s.nominalDate !== null && s.nominalDate !== s.date && s.originalDate === null;
    if (s.status === 'cancelled') {
      add(s.date, { type: 'session', session: s, tone: 'cancelled', note: publicStatusText(s) });
    } else if (s.calendarConflict) {
      add(s.date, {
        type: 'session',
        session: s,
        tone: 'conflict',
        note: `Trùng ngày nghỉ mới: ${reasonText(s.conflictReason)}. Cần dời hoặc hủy buổi tiếp.`,
      });
    } else if (s.status === 'postponed' && s.originalDate) {
      add(s.date, { type: 'session', session: s, tone: 'postponed', note: publicStatusText(s) });
    } else if (movedBySchedule) {
      add(s.date, {
        type: 'session',
        session: s,
        tone: 'moved',
        note: `Dời từ ${showDate(s.nominalDate)} do ${reasonText(s.movedReason)}.`,
      });
    } else {
      add(s.date, { type: 'session', session: s, tone: 'normal', note: 'Theo lịch.' });
    }
    if (s.status === 'postponed' && s.originalDate && s.originalDate !== s.date) {
      add(s.originalDate, {
        type: 'moved-away',
        session: s,
        note: `Hoãn, chuyển sang ${showDate(s.date)}.${s.statusReason ? ` Lý do: ${s.statusReason}.` : ''}`,
      });
    } else if (movedBySchedule) {
      add(s.nominalDate, {
        type: 'moved-away',
        session: s,
        note: `Dời sang ${showDate(s.date)} do ${reasonText(s.movedReason)}.`,
      });
    }
  }
  for (const k of skipped) {
    add(k.nominalDate, {
      type: 'skipped',
      nominalDate: k.nominalDate,
      note: `Bỏ buổi: ${reasonText(k.reason)}.`,
    });
  }
  return out;
}

/** The month's weeks, Monday first, `null` outside the month. */
export function monthWeeks(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const first = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // 0 = Monday
  const cells: (string | null)[] = Array.from({ length: first }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** `YYYY-MM` plus or minus months. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** "tháng 12/2026". */
export function monthText(month: string): string {
  const [y, m] = month.split('-');
  return `tháng ${Number(m)}/${y}`;
}

/** A warning the API returned with a change, in Vietnamese. */
export function warningText(w: Schemas['ReceptionWarning']): string {
  switch (w.code) {
    case 'RECEPTION_POSTED_LATE':
      return `Buổi tiếp ngày ${showDate(w.sessionDate)} được đăng muộn: hạn công bố là ${showDate(w.due)} (${w.ruleId === 'TCD-6' ? 'TCD-6, ít nhất 5 ngày làm việc trước buổi tiếp trực tuyến' : 'TCD-1, ít nhất 5 ngày làm việc trước buổi tiếp — Luật Tiếp công dân, Điều 24(4)'}).`;
    case 'RECEPTION_HEAD_DUTY_NOT_MET':
      return `Tháng ${w.month ? `${w.month.slice(5)}/${w.month.slice(0, 4)}` : ''}: thủ trưởng mới tiếp ${w.held ?? 0}/${w.required ?? 0} ngày theo quy định (${w.legalBasis ?? ''}).`;
    case 'RECEPTION_NOT_A_WORKING_DAY':
      return `Ngày ${showDate(w.date)} không phải ngày làm việc của đơn vị.`;
    default:
      return w.message;
  }
}
