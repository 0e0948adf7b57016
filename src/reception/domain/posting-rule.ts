/**
 * Publishing a session in time.
 *
 * - TCD-1: the heads' (periodic) reception schedule is posted at least 05 working days before the
 *   reception day (LTCD 42/2013/QH13 art. 24(4)).
 * - TCD-6: an online session is notified to the citizen and the participating bodies at least 05 working
 *   days before (NĐ 154/2026/NĐ-CP art. 23(1), from 1 Jul 2026).
 *
 * Both are count-back rules of the deadline engine: the due date is the latest day the session may be
 * published. Publishing (or moving) later is allowed — the law lets a schedule be postponed for a good
 * reason — but the session is flagged and the caller gets a warning.
 */
import type { LocalDate } from '../../common/domain/local-date.js';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar.js';
import { computeDeadline } from '../../deadlines/domain/deadline-engine.js';
import { ONLINE_RECEPTION_FROM, type SessionKind, type SessionMode } from './session.js';

export interface PostingCheck {
  ruleId: 'TCD-1' | 'TCD-6';
  ruleVersion: string;
  /** The last day the session may be published (`due` of the count-back rule). */
  due: LocalDate;
  /** Published after `due`. */
  late: boolean;
  legalBasis: string;
}

export interface PostingWarning {
  code: 'RECEPTION_POSTED_LATE';
  message: string;
  ruleId: 'TCD-1' | 'TCD-6';
  sessionDate: LocalDate;
  due: LocalDate;
}

/** The rules that govern when a session must be published. Ad hoc direct sessions have none. */
export function postingRulesOf(kind: SessionKind, mode: SessionMode, date: LocalDate): ('TCD-1' | 'TCD-6')[] {
  const rules: ('TCD-1' | 'TCD-6')[] = [];
  if (kind === 'periodic') rules.push('TCD-1');
  if (mode === 'online' && date >= ONLINE_RECEPTION_FROM) rules.push('TCD-6');
  return rules;
}

/**
 * Checks a session published (created or moved) on `publishedOn` against its posting rules.
 * @throws `CALENDAR_OUT_OF_RANGE` when the date lies outside the calendar
 */
export function postingChecks(
  session: { kind: SessionKind; mode: SessionMode; date: LocalDate },
  publishedOn: LocalDate,
  calendar: WorkingCalendar,
): PostingCheck[] {
  return postingRulesOf(session.kind, session.mode, session.date).map((ruleId) => {
    const result = computeDeadline(ruleId, session.date, {}, calendar);
    return {
      ruleId,
      ruleVersion: result.ruleVersion,
      due: result.due,
      late: publishedOn > result.due,
      legalBasis: result.legalBasis,
    };
  });
}

/** The warnings for the late checks. */
export function postingWarnings(checks: readonly PostingCheck[], sessionDate: LocalDate): PostingWarning[] {
  return checks
    .filter((c) => c.late)
    .map((c) => ({
      code: 'RECEPTION_POSTED_LATE' as const,
      message:
        c.ruleId === 'TCD-1'
          ? `The session of ${sessionDate} should have been published by ${c.due} (at least 5 working days ahead, ${c.legalBasis}); it is published but flagged.`
          : `The online session of ${sessionDate} should have been notified by ${c.due} (at least 5 working days ahead, ${c.legalBasis}); it is published but flagged.`,
      ruleId: c.ruleId,
      sessionDate,
      due: c.due,
    }));
}
