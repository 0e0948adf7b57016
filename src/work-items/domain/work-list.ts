/**
 * The officers' work lists ("Việc của tôi", "Việc của đơn vị"): what counts as open work of each kind,
 * and the week a "due this week" filter means. Pure: the query lives in work-items.service.ts.
 */
import { addDays, weekday, type LocalDate } from '../../common/domain/local-date.js';
import { CLOSED_COMPLAINT_STATES } from '../../complaints/domain/complaint-lifecycle.js';
import { CLOSED_DENUNCIATION_STATES } from '../../denunciations/domain/denunciation-lifecycle.js';

/** A letter awaiting its processing decision, an open case of either kind, an unfinished obligation. */
export const WORK_ITEM_KINDS = ['letter', 'complaint', 'denunciation', 'obligation'] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

/** States of a case that are no longer anyone's work (enforcement is tracked by its obligations). */
export const CLOSED_STATES: Record<'complaint' | 'denunciation', readonly string[]> = {
  complaint: CLOSED_COMPLAINT_STATES,
  denunciation: CLOSED_DENUNCIATION_STATES,
};

/** Monday to Sunday of the week holding `today` (a local date in Asia/Ho_Chi_Minh). */
export function weekOf(today: LocalDate): { from: LocalDate; to: LocalDate } {
  const monday = addDays(today, 1 - weekday(today));
  return { from: monday, to: addDays(monday, 6) };
}

/** Escapes LIKE's wildcards in one folded search word. */
export function likeWord(word: string): string {
  return `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
