/**
 * What a letter (đơn) is and what may be decided about it: channels, classification, the eligibility
 * checks of TT 05/2021/TT-TTCP art. 6, the processing decisions and the statutory deadline of each.
 * Pure: the service supplies dates and what it found in the database.
 *
 * Sources: ../shared/docs/legal-reference.md §2.2 (XLD-1…5), §3.7, §4, §5.1, §6.1–6.2.
 */
import type { DomainErrorDetail } from '../../common/domain/domain-error.js';
import { compareLocalDates, type LocalDate } from '../../common/domain/local-date.js';
import { identityMatcher, type IdentityNeedles } from '../../identity/domain/identity-matcher.js';

export const LETTER_CHANNELS = [
  'reception_visit', // handed in or written at the reception place (LTCD art. 25–26)
  'post',
  'online_form',
  'email',
  'na_deputy', // forwarded by a National Assembly deputy or NA body
  'council_deputy', // forwarded by a People's Council deputy or standing committee
  'fatherland_front', // forwarded by the Vietnam Fatherland Front
  'press', // forwarded by the press
  'agency', // transferred by another agency or unit
] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

/** Channels where another body forwarded the letter: it can be returned to them (XLD-5). */
export const FORWARDING_CHANNELS: readonly LetterChannel[] = [
  'na_deputy',
  'council_deputy',
  'fatherland_front',
  'press',
  'agency',
];

export const LETTER_CLASSIFICATIONS = [
  'complaint', // khiếu nại
  'denunciation', // tố cáo
  'petition', // kiến nghị, phản ánh
  'mixed', // several kinds in one letter: must be split (LTCD art. 25(3); NĐ 154 art. 14(4))
  'anonymous', // thông tin có nội dung tố cáo without a lawful denouncer (LTC art. 25)
] as const;
export type LetterClassification = (typeof LETTER_CLASSIFICATIONS)[number];

export const COMPLAINT_TRACKS = [
  'first_time',
  'second_time',
  'disciplinary_first',
  'disciplinary_second',
] as const;

/** Tracks of a denunciation letter (the case's track follows). */
export const DENUNCIATION_LETTER_TRACKS = [
  'denunciation',
  'redenunciation_wrong_resolution',
  'redenunciation_overdue',
] as const;

/** Letters whose text may identify a denouncer: kept sealed, handled as a redacted copy (LTC art. 56(2)). */
export function protectsIdentity(classification: LetterClassification): boolean {
  return classification === 'denunciation' || classification === 'mixed';
}

/** The eligibility checks of TT 05/2021/TT-TTCP art. 6 (legal-reference §4). */
export const ELIGIBILITY_CHECKS = [
  'language', // in Vietnamese, or a foreign language with a notarised translation
  'dated',
  'identified_and_signed', // name, address and signature or fingerprint of the writer
  'content_complete', // complaint: respondent, content, reasons, request; denunciation: the denounced, the violation, contact; petition: content
  'lawful_content', // no content opposing State policy, dividing unity, profanity, slander (TT 05/2021)
  'legible', // not torn, erased or illegible
  'names_violator', // anonymous information: clearly names who violated (LTC art. 25(2))
  'has_evidence', // anonymous information: specific documents or evidence
  'verifiable', // anonymous information: can be checked
] as const;
export type EligibilityCheck = (typeof ELIGIBILITY_CHECKS)[number];

/** The checks that decide eligibility for each kind of letter. */
export function requiredChecks(classification: LetterClassification): readonly EligibilityCheck[] {
  if (classification === 'anonymous') {
    // LTC art. 25(2): processed only when it names the violator, has evidence and can be verified.
    return ['language', 'lawful_content', 'legible', 'names_violator', 'has_evidence', 'verifiable'];
  }
  return ['language', 'dated', 'identified_and_signed', 'content_complete', 'lawful_content', 'legible'];
}

export interface EligibilityAnswer {
  check: EligibilityCheck;
  passed: boolean;
  note?: string | null;
}

export interface EligibilityOutcome {
  eligible: boolean;
  checks: EligibilityAnswer[];
  failed: EligibilityCheck[];
}

/** Every required check must be answered; the letter is eligible when all of them passed. */
export function assessEligibility(
  classification: LetterClassification,
  answers: readonly EligibilityAnswer[],
  problems: DomainErrorDetail[],
  field = 'eligibility',
): EligibilityOutcome {
  const required = requiredChecks(classification);
  const byCheck = new Map<EligibilityCheck, EligibilityAnswer>();
  answers.forEach((a, i) => {
    if (byCheck.has(a.check))
      problems.push({ field: `${field}[${i}].check`, message: `repeats "${a.check}"` });
    byCheck.set(a.check, a);
  });
  for (const check of required) {
    if (!byCheck.has(check)) problems.push({ field, message: `must answer the check "${check}"` });
  }
  answers.forEach((a, i) => {
    if (!required.includes(a.check)) {
      problems.push({
        field: `${field}[${i}].check`,
        message: `"${a.check}" is not a check of a ${classification} letter`,
      });
    }
  });
  const checks = required.filter((c) => byCheck.has(c)).map((c) => byCheck.get(c)!);
  const failed = checks.filter((c) => !c.passed).map((c) => c.check);
  return { eligible: failed.length === 0 && checks.length === required.length, checks, failed };
}

/**
 * The processing deadline of a letter, by kind (legal-reference §2.2): a denunciation letter is
 * processed in 7 working days (XLD-2 = TC-1, LTC art. 24(1)); every other letter in XLD-1's 10 days.
 */
export function processingRule(classification: LetterClassification): 'XLD-1' | 'XLD-2' {
  return classification === 'denunciation' ? 'XLD-2' : 'XLD-1';
}

/**
 * A denunciation forwarded by the press or a competent body: the forwarder is told the result in 20 days
 * (XLD-4, LTC art. 26(2)).
 */
export function forwarderNoticeRule(
  classification: LetterClassification,
  channel: LetterChannel,
): 'XLD-4' | null {
  return classification === 'denunciation' && (channel === 'press' || channel === 'agency') ? 'XLD-4' : null;
}

export const PROCESSING_DECISIONS = ['accept', 'guide', 'transfer', 'return', 'archive'] as const;
export type ProcessingDecision = (typeof PROCESSING_DECISIONS)[number];

export const ARCHIVE_REASONS = [
  'duplicate', // the same content from the same petitioner is already being handled
  'resolved_second_level', // LKN art. 11(7): a second-time decision was already issued
  'final_judgment', // LKN art. 11(9): accepted or decided by a court
  'not_eligible', // TT 05/2021 art. 6
  'sent_to_competent_body', // LTC art. 24(3): also sent to the competent body, or already guided once
  'anonymous_not_verifiable', // LTC art. 25(2)
] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

export interface ProcessingDecisionInput {
  decision: ProcessingDecision;
  decidedOn: LocalDate;
  legalBasis: string;
  guidanceRef?: string | null;
  guidanceBody?: string | null;
  transferToUnitId?: string | null;
  transferToBody?: string | null;
  transferRef?: string | null;
  returnRef?: string | null;
  archiveReason?: ArchiveReason | null;
  duplicateOfLetterId?: string | null;
}

export interface LetterFacts {
  classification: LetterClassification;
  channel: LetterChannel;
  receivedOn: LocalDate;
  eligible: boolean;
  /** The letter has already been decided, split, or closed. */
  status: LetterStatus;
  unitId: string;
}

export const LETTER_STATUSES = ['registered', 'decided', 'split'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/**
 * Field-by-field problems with a processing decision (empty when it may be taken). The checks that need
 * the database (transfer loops, the duplicate's existence) are the service's.
 */
export function decisionProblems(
  letter: LetterFacts,
  input: ProcessingDecisionInput,
  today: LocalDate,
): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const need = (field: keyof ProcessingDecisionInput, why: string) => {
    const value = input[field];
    if (value === undefined || value === null || value === '')
      problems.push({ field, message: `is required ${why}` });
  };
  const forbid = (field: keyof ProcessingDecisionInput, why: string) => {
    const value = input[field];
    if (value !== undefined && value !== null && value !== '')
      problems.push({ field, message: `is only ${why}` });
  };
  if (letter.status === 'split') {
    problems.push({ field: 'decision', message: 'a mixed letter was split: decide each of its parts' });
    return problems;
  }
  if (letter.classification === 'mixed') {
    problems.push({ field: 'decision', message: 'a mixed letter must first be split (LTCD art. 25(3))' });
    return problems;
  }
  if (compareLocalDates(input.decidedOn, letter.receivedOn) < 0) {
    problems.push({
      field: 'decidedOn',
      message: `must not be before the letter was received (${letter.receivedOn})`,
    });
  }
  if (compareLocalDates(input.decidedOn, today) > 0) {
    problems.push({ field: 'decidedOn', message: 'must not be in the future' });
  }
  if (input.decision !== 'guide') {
    forbid('guidanceRef', 'for the decision guide');
    forbid('guidanceBody', 'for the decision guide');
  }
  if (input.decision !== 'transfer') {
    forbid('transferToUnitId', 'for the decision transfer');
    forbid('transferToBody', 'for the decision transfer');
    forbid('transferRef', 'for the decision transfer');
  }
  if (input.decision !== 'return') forbid('returnRef', 'for the decision return');
  if (input.decision !== 'archive') {
    forbid('archiveReason', 'for the decision archive');
    forbid('duplicateOfLetterId', 'for the decision archive with the reason duplicate');
  }

  switch (input.decision) {
    case 'accept':
      if (!letter.eligible) {
        problems.push({
          field: 'decision',
          message: 'an ineligible letter cannot be accepted (TT 05/2021 art. 6)',
        });
      }
      break;
    case 'guide':
      need('guidanceRef', 'for a guidance notice');
      need('guidanceBody', 'to tell the citizen which body is competent');
      break;
    case 'transfer': {
      need('transferRef', 'for a transfer');
      const toUnit = Boolean(input.transferToUnitId);
      const toBody = Boolean(input.transferToBody);
      if (toUnit === toBody) {
        problems.push({
          field: 'transferToUnitId',
          message: 'give exactly one of transferToUnitId or transferToBody',
        });
      }
      if (toUnit && input.transferToUnitId === letter.unitId) {
        problems.push({ field: 'transferToUnitId', message: 'is the unit that holds the letter' });
      }
      break;
    }
    case 'return':
      if (!FORWARDING_CHANNELS.includes(letter.channel)) {
        problems.push({
          field: 'decision',
          message: 'only a letter forwarded by another body can be returned to it',
        });
      }
      need('returnRef', 'for a return');
      break;
    case 'archive':
      need('archiveReason', 'to archive a letter');
      if (input.archiveReason === 'duplicate') need('duplicateOfLetterId', 'when the reason is duplicate');
      else forbid('duplicateOfLetterId', 'for the reason duplicate');
      if (input.archiveReason === 'not_eligible' && letter.eligible) {
        problems.push({ field: 'archiveReason', message: 'the letter passed every eligibility check' });
      }
      if (input.archiveReason === 'anonymous_not_verifiable' && letter.classification !== 'anonymous') {
        problems.push({ field: 'archiveReason', message: 'is only for anonymous information' });
      }
      break;
  }
  return problems;
}

/**
 * Transfers in circles: a letter is transferred along a chain of units (each transfer makes a new letter
 * at the receiving unit, linked to the one it came from). Sending it to a unit already on the chain is a
 * loop; a denunciation may be transferred only once for the same content (TT 05/2021 art. 14(1);
 * LTC art. 24(3)).
 */
export function transferProblem(
  classification: LetterClassification,
  chainUnitIds: readonly string[],
  targetUnitId: string | null,
): { code: 'LETTER_TRANSFER_LOOP' | 'LETTER_ALREADY_TRANSFERRED'; message: string } | null {
  if (targetUnitId && chainUnitIds.includes(targetUnitId)) {
    return {
      code: 'LETTER_TRANSFER_LOOP',
      message: 'This letter has already been with that unit: transferring it back would send it in a circle.',
    };
  }
  if (classification === 'denunciation' && chainUnitIds.length > 1) {
    return {
      code: 'LETTER_ALREADY_TRANSFERRED',
      message:
        'A denunciation is transferred only once for the same content (TT 05/2021/TT-TTCP art. 14(1)).',
    };
  }
  return null;
}

/** Similarity above which two letters of the same petitioner are suggested as the same matter. */
export const DUPLICATE_SIMILARITY = 0.35;

/** What an officer registers (the intake form), as the rules below need it. */
export interface RegistrationInput {
  receivedOn: LocalDate;
  classification: LetterClassification;
  complaintTrack?: (typeof COMPLAINT_TRACKS)[number] | null;
  denunciationTrack?: (typeof DENUNCIATION_LETTER_TRACKS)[number] | null;
  previousCaseId?: string | null;
  petitionerCount?: number | null;
  channel: LetterChannel;
  forwardedBy?: string | null;
  forwardedRef?: string | null;
  visitId?: string | null;
  subject: string;
  content: string;
  redactedSubject?: string | null;
  redactedContent?: string | null;
  eligibility: readonly EligibilityAnswer[];
  /**
   * Filed by a citizen on the public form: nobody has answered the checks yet ("chưa kiểm tra"), so
   * none is required and none may be given; the letter is stored not eligible until an officer checks.
   */
  eligibilityUnchecked?: boolean;
}

/** What registration decides from the form: its problems, and the facts the letter is stored with. */
export interface Registration {
  /** Every problem of the form at once, field by field (empty: the letter may be registered). */
  problems: DomainErrorDetail[];
  eligibility: EligibilityOutcome;
  petitionerCount: number;
  /** A second complaint (second-time or disciplinary second): checked against its first case. */
  secondTime: boolean;
  denunciationTrack: (typeof DENUNCIATION_LETTER_TRACKS)[number] | null;
  /** A re-denunciation: about an earlier denunciation case (`previousCaseId`). */
  redenunciation: boolean;
  /** The writer's identity is protected (denunciation, mixed): readers get `shown`, never the text. */
  protect: boolean;
  /** The subject and content every reader sees: the redacted copy when `protect`. */
  shown: { subject: string; content: string };
}

/** The subject column's limit: a redaction mark is longer than a short match. */
const SUBJECT_MAX = 500;

/**
 * The cross-field rules of registering a letter (TT 05/2021/TT-TTCP art. 6–7; LTC art. 25, 47, 56(2);
 * legal-reference §2.2), twin of {@link decisionProblems}. `people` are the petitioners as written;
 * protected text is redacted with the identity matcher, and an officer's own redaction that still names
 * the writer — or that the matcher cannot clean with confidence — is a problem, not stored.
 */
export function registration(
  input: RegistrationInput,
  people: readonly IdentityNeedles[],
  today: LocalDate,
): Registration {
  const problems: DomainErrorDetail[] = [];
  if (compareLocalDates(input.receivedOn, today) > 0) {
    problems.push({ field: 'receivedOn', message: 'must not be in the future' });
  }
  const protect = protectsIdentity(input.classification);
  // Compiled once for the up to six texts below (docs/load.md, "Intake's CPU").
  const matcher = protect ? identityMatcher(people) : null;
  if (input.eligibilityUnchecked && input.eligibility.length > 0) {
    problems.push({ field: 'eligibility', message: 'is answered by an officer, not on the public form' });
  }
  const eligibility: EligibilityOutcome = input.eligibilityUnchecked
    ? { eligible: false, checks: [], failed: [] }
    : assessEligibility(
        input.classification,
        protect
          ? // Notes on "identified and signed" describe the writer: redacted like the text.
            input.eligibility.map((a) => ({ ...a, note: a.note ? matcher!.redact(a.note) : a.note }))
          : input.eligibility,
        problems,
      );
  const anonymous = input.classification === 'anonymous';
  if (anonymous && people.length > 0) {
    problems.push({ field: 'petitioners', message: 'anonymous information has no petitioner (LTC art. 25)' });
  }
  if (!anonymous && people.length === 0) {
    problems.push({ field: 'petitioners', message: 'must name at least one petitioner' });
  }
  const petitionerCount = input.petitionerCount ?? people.length;
  if (petitionerCount < people.length) {
    problems.push({ field: 'petitionerCount', message: 'must be at least the number of petitioners listed' });
  }
  if (input.classification === 'complaint' && !input.complaintTrack) {
    problems.push({ field: 'complaintTrack', message: 'is required for a complaint' });
  }
  if (input.classification !== 'complaint' && input.complaintTrack) {
    problems.push({ field: 'complaintTrack', message: 'is only for a complaint' });
  }
  const secondTime = input.complaintTrack === 'second_time' || input.complaintTrack === 'disciplinary_second';
  const denunciationTrack =
    input.classification === 'denunciation' ? (input.denunciationTrack ?? 'denunciation') : null;
  if (input.classification !== 'denunciation' && input.denunciationTrack) {
    problems.push({ field: 'denunciationTrack', message: 'is only for a denunciation' });
  }
  const redenunciation = denunciationTrack !== null && denunciationTrack !== 'denunciation';
  if (input.previousCaseId && !secondTime && !redenunciation) {
    problems.push({
      field: 'previousCaseId',
      message: 'is only for a second-time complaint or a re-denunciation',
    });
  }
  if (redenunciation && !input.previousCaseId) {
    problems.push({
      field: 'previousCaseId',
      message: 'is required for a re-denunciation: the case it is about',
    });
  }
  if (!protect && (input.redactedSubject || input.redactedContent)) {
    problems.push({ field: 'redactedContent', message: 'is only for a denunciation or a mixed letter' });
  }
  const shown = matcher
    ? {
        subject: (input.redactedSubject ?? matcher.redact(input.subject)).slice(0, SUBJECT_MAX),
        content: input.redactedContent ?? matcher.redact(input.content),
      }
    : { subject: input.subject.slice(0, SUBJECT_MAX), content: input.content };
  if (matcher) {
    // An officer's own redacted text that still names the denouncer is refused; so is any text the
    // matcher cannot clean with confidence (most of a number, the name's words split apart).
    for (const [field, text] of [
      ['redactedSubject', shown.subject],
      ['redactedContent', shown.content],
    ] as const) {
      if (matcher.reveals(text)) {
        problems.push({ field, message: 'still names or identifies the denouncer' });
      } else if (matcher.doubtful(text)) {
        problems.push({
          field,
          message: 'may still identify the denouncer (part of a number, or the name split): write it without',
        });
      }
    }
  }
  if (FORWARDING_CHANNELS.includes(input.channel) && !input.forwardedBy) {
    problems.push({ field: 'forwardedBy', message: 'is required when another body forwarded the letter' });
  }
  if (!FORWARDING_CHANNELS.includes(input.channel) && (input.forwardedBy || input.forwardedRef)) {
    problems.push({ field: 'forwardedBy', message: 'is only for a forwarded letter' });
  }
  if ((input.channel === 'reception_visit') !== Boolean(input.visitId)) {
    problems.push({
      field: 'visitId',
      message: 'is required for, and only for, the channel reception_visit',
    });
  }
  return {
    problems,
    eligibility,
    petitionerCount,
    secondTime,
    denunciationTrack,
    redenunciation,
    protect,
    shown,
  };
}

/** The problems alone (the table-driven tests' view of {@link registration}). */
export function registrationProblems(
  input: RegistrationInput,
  people: readonly IdentityNeedles[],
  today: LocalDate,
): DomainErrorDetail[] {
  return registration(input, people, today).problems;
}
