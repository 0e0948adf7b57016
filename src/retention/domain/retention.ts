import {
  addDays,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  fromEpochDay,
  toEpochDay,
  type LocalDate,
} from '../../common/domain/local-date.js';

/**
 * Retention per record class (ADR 0015, docs/personal-data.md). A class names which records a period
 * applies to and from which local date it runs (its anchor):
 *
 * - `reception_visit` — a visit of the reception book, from its `visit_date`, once every letter handed in
 *   at it is anonymised (the letter's protection reads the visit's visitors);
 * - `letter_without_case` — a letter decided without a case (guided, transferred, returned, archived; an
 *   accepted petition), from its `decided_on`;
 * - `complaint_case` — a complaint letter and its case once the case is closed (refused, terminated,
 *   superseded, handed to enforcement) and its enforcement records are closed, from the last of the case's
 *   step dates and the records' closing dates;
 * - `denunciation_case` — the same for a denunciation case (closed, refused, terminated);
 * - `anonymous_information` — anonymous information (LTC art. 25): its letter, from its decision, and its
 *   case (inspected or forwarded), from the case's last step;
 * - `email_subscription` — an e-mail address a citizen gave to hear back, from the day they unsubscribed
 *   (a subscription still running ends with its letter's class).
 *
 * Law 91/2025/QH15 (legal-reference §9a): personal data is kept no longer than its purpose and the archive
 * rules require. The archive periods of these records are not settled in the legal reference (UNCONFIRMED):
 * every class defaults to `keep`.
 */
export const RETENTION_CLASSES = [
  'reception_visit',
  'letter_without_case',
  'complaint_case',
  'denunciation_case',
  'anonymous_information',
  'email_subscription',
] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

/** `keep`, or a period of days, months or years (`90d`, `18m`, `10y`). */
export type RetentionPeriod = { keep: true } | { keep: false; amount: number; unit: 'd' | 'm' | 'y' };

/** The configuration's spelling of a period: `keep` or 1–9999 followed by d, m or y. */
export const RETENTION_PERIOD_PATTERN = /^(keep|[1-9]\d{0,3}[dmy])$/;

/** A configured period, or null when the text is not one. */
export function parseRetentionPeriod(text: string): RetentionPeriod | null {
  const value = text.trim().toLowerCase();
  if (!RETENTION_PERIOD_PATTERN.test(value)) return null;
  if (value === 'keep') return { keep: true };
  return { keep: false, amount: Number(value.slice(0, -1)), unit: value.slice(-1) as 'd' | 'm' | 'y' };
}

export function formatRetentionPeriod(period: RetentionPeriod): string {
  return period.keep ? 'keep' : `${period.amount}${period.unit}`;
}

/**
 * The latest anchor date whose period has run out by `today`: a record is past retention when its anchor
 * is on or before it (anchor + period ≤ today). Null for `keep`. Months and years count calendar months:
 * a day that does not exist in the earlier month is its last day (31 Mar − 1 m = 28/29 Feb).
 */
export function retentionCutoff(period: RetentionPeriod, today: LocalDate): LocalDate | null {
  if (period.keep) return null;
  if (period.unit === 'd') return addDays(today, -period.amount);
  const { year, month, day } = civilFromDays(toEpochDay(today));
  const months = period.unit === 'y' ? period.amount * 12 : period.amount;
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromEpochDay(daysFromCivil(y, m, Math.min(day, daysInMonth(y, m))));
}

/** What replaces a free text that may name people (a NOT NULL column keeps a value, never the old one). */
export const ANONYMISED_TEXT = '[đã ẩn danh theo thời hạn lưu giữ]';

/**
 * A letter's eligibility checks without their notes (an officer's note may name the petitioner): which
 * check passed stays — it is a fact of the processing.
 */
export function eligibilityWithoutNotes(checks: unknown): unknown {
  if (!Array.isArray(checks)) return checks;
  return checks.map((c: unknown) => {
    if (c === null || typeof c !== 'object') return c;
    const rest: Record<string, unknown> = { ...(c as Record<string, unknown>) };
    delete rest.note;
    return rest;
  });
}
