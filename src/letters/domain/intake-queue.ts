/**
 * The officers' intake queue of letters filed on the public form (issue 21 point 5): what a row may show.
 * Pure.
 *
 * A row's summary is the letter's subject with its writers' identity cut out (the identity matcher's
 * redaction: name, căn cước, phone, e-mail, address — LTC art. 56(2) for a denouncer, and no citizen's
 * personal data in a list), then shortened. A protected letter's subject is already the redacted copy;
 * it is redacted again all the same.
 */
import { daysBetween, type LocalDate } from '../../common/domain/local-date.js';
import { REDACTION_MARK, redact, type IdentityNeedles } from '../../identity/domain/identity-matcher.js';

/** Characters of a queue summary, the ellipsis included. */
export const QUEUE_SUMMARY_LENGTH = 140;

export function queueSummary(subject: string, writers: readonly IdentityNeedles[]): string {
  // Redact first, shorten after: a name cut in half would no longer be recognised.
  const text = redact(subject, writers).replace(/\s+/g, ' ').trim();
  if (text.length <= QUEUE_SUMMARY_LENGTH) return text;
  let cut = text.slice(0, QUEUE_SUMMARY_LENGTH - 1);
  // Never end inside a redaction mark, and preferably at a word's end.
  const mark = cut.lastIndexOf(REDACTION_MARK[0]);
  if (mark >= 0 && !cut.slice(mark).startsWith(REDACTION_MARK)) cut = cut.slice(0, mark);
  const space = cut.lastIndexOf(' ');
  if (space > QUEUE_SUMMARY_LENGTH / 2) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** Calendar days from the day a letter was received to today (local dates; never negative). */
export function daysSinceReceipt(receivedOn: LocalDate, today: LocalDate): number {
  return Math.max(0, daysBetween(receivedOn, today));
}
