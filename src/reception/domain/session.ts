/**
 * Reception sessions (buổi tiếp công dân): what they are, and what may happen to them.
 *
 * Types of reception (legal-reference §3.1): regular (thường xuyên — officers on every working day,
 * NĐ 154/2026 art. 29(1)), periodic (định kỳ — the head, at the frequency of LTCD art. 12(5), 15(2)(d),
 * 18(2)) and ad hoc (đột xuất — LTCD art. 18(3)). Forms: direct, and online from 1 Jul 2026
 * (Law 136/2025/QH15 new art. 3a; NĐ 154/2026 ch. V).
 */
import type { DomainErrorDetail } from '../../common/domain/domain-error.js';
import type { LocalDate } from '../../common/domain/local-date.js';

/** Sessions are periodic (by the head) or ad hoc; regular reception is a standing schedule, not sessions. */
export const SESSION_KINDS = ['periodic', 'ad_hoc'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_MODES = ['direct', 'online'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/**
 * `scheduled`: takes place as published. `postponed`: moved to a later date (it takes place at its new
 * date; `originalDate` keeps the first one). `cancelled`: will not take place. Reasons are public.
 */
export const SESSION_STATUSES = ['scheduled', 'postponed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Online reception exists from this date (Law 136/2025/QH15; NĐ 154/2026/NĐ-CP, effective 1 Jul 2026). */
export const ONLINE_RECEPTION_FROM: LocalDate = '2026-07-01';

/** `HH:MM`, 00:00–23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A TIME column as the driver returns it (`HH:MM:SS`) → `HH:MM`. */
export const hhmm = (time: string): string => time.slice(0, 5);

export interface SessionTimes {
  date: LocalDate;
  startTime: string;
  endTime: string;
  mode: SessionMode;
  onlineUrl?: string | null;
  placeId?: string | null;
}

/** Rules across fields of a session: time order, online only from 1 Jul 2026 and with a link, a place. */
export function sessionProblems(s: SessionTimes): DomainErrorDetail[] {
  const out: DomainErrorDetail[] = [];
  if (s.endTime <= s.startTime) out.push({ field: 'endTime', message: 'must be after startTime' });
  if (s.mode === 'online') {
    if (s.date < ONLINE_RECEPTION_FROM) {
      out.push({
        field: 'mode',
        message: `online reception exists from ${ONLINE_RECEPTION_FROM} (NĐ 154/2026/NĐ-CP ch. V)`,
      });
    }
    if (!s.onlineUrl) out.push({ field: 'onlineUrl', message: 'is required for an online session' });
  } else {
    if (!s.placeId) out.push({ field: 'placeId', message: 'is required for a direct session' });
    if (s.onlineUrl) out.push({ field: 'onlineUrl', message: 'is only for online sessions' });
  }
  return out;
}

/** Whether a session in `status` may be cancelled or postponed (a cancelled one is final). */
export function canChange(status: SessionStatus): boolean {
  return status !== 'cancelled';
}
