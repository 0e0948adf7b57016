/**
 * What a letter's processing decision does to the statutory deadlines, before it is taken (issue 17: the
 * head sees the effects first). Pure, and the same rules as the services that act: the processing
 * deadline (XLD-1 / XLD-2) is settled on the decision date, except when a denunciation is accepted (its
 * initial processing, TC-1, ends with the case's acceptance decision: LTC arts. 24(1), 29); accepting a
 * complaint opens KN-2 (KL-3 for disciplinary tracks) from the day the letter came (LKN art. 27, 50;
 * ComplaintCasesService.openFromLetter); accepting a re-denunciation opens TC-10 or TC-11 (LTC arts. 37,
 * 38; initialEffects).
 */
import { compareLocalDates, type LocalDate } from '../../common/domain/local-date.js';
import { COMPLAINT_RULES, type ComplaintTrack } from '../../complaints/domain/complaint-lifecycle.js';
import { initialEffects, type DenunciationTrack } from '../../denunciations/domain/denunciation-lifecycle.js';

export interface DecisionLetter {
  classification: string;
  complaintTrack: string | null;
  denunciationTrack: string | null;
  receivedOn: LocalDate;
}

export interface OpenedDeadline {
  /** Whose deadline it becomes: the case the acceptance opens. */
  on: 'case';
  purpose: string;
  ruleId: string;
  trigger: LocalDate;
}

export function deadlinesOpenedBy(letter: DecisionLetter, decision: string): OpenedDeadline[] {
  if (decision !== 'accept') return [];
  if (letter.classification === 'complaint' && letter.complaintTrack) {
    const ruleId = COMPLAINT_RULES[letter.complaintTrack as ComplaintTrack]?.acceptance;
    return ruleId ? [{ on: 'case', purpose: 'acceptance', ruleId, trigger: letter.receivedOn }] : [];
  }
  if (letter.classification === 'denunciation' || letter.classification === 'anonymous') {
    const track = (
      letter.classification === 'anonymous' ? 'anonymous_information' : letter.denunciationTrack
    ) as DenunciationTrack;
    return initialEffects(track, letter.receivedOn).flatMap((e) =>
      e.kind === 'open'
        ? [{ on: 'case' as const, purpose: e.purpose, ruleId: e.ruleId, trigger: e.trigger }]
        : [],
    );
  }
  return [];
}

/** Whether the decision settles the letter's processing deadline (see above). */
export function settlesProcessing(letter: DecisionLetter, decision: string): boolean {
  return !(
    decision === 'accept' &&
    letter.classification === 'denunciation' &&
    letter.denunciationTrack === 'denunciation'
  );
}

/** `met` on or before the due date (due today is not overdue), `missed` after it. */
export function settlementOutcome(due: LocalDate, on: LocalDate): 'met' | 'missed' {
  return compareLocalDates(on, due) <= 0 ? 'met' : 'missed';
}
