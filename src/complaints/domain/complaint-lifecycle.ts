/**
 * The lifecycle of a complaint case (khiếu nại) as a pure state machine: which step may follow which,
 * on what conditions, and which statutory deadlines each step opens or settles. The service applies a
 * transition inside one transaction; this file decides whether it is allowed.
 *
 * Sources (../shared/docs/legal-reference.md §2.3–2.4, §5): LKN 02/2011/QH13 arts. 10, 11, 11a (L136),
 * 27–33, 36–41, 44, 48–57; NĐ 124/2020 arts. 16, 28–28b, 31 as amended by NĐ 155/2026.
 */
import { compareLocalDates, type LocalDate } from '../../common/domain/local-date.js';
import { DomainError } from '../../common/domain/domain-error.js';
import type { CaseLifecycle, CaseStepInput } from '../../cases/domain/case-step.js';

/** First or second complaint against an administrative decision/act, or against a disciplinary decision. */
export type ComplaintTrack = 'first_time' | 'second_time' | 'disciplinary_first' | 'disciplinary_second';

export const COMPLAINT_STATES = [
  'received', // logged, within competence, awaiting the acceptance decision (KN-2 / KL-3)
  'accepted', // thụ lý: the resolution period runs (KN-3 / KN-6 / KL-4)
  'verifying', // xác minh
  'dialogue', // đối thoại: mandatory for second-time and disciplinary complaints (LKN arts. 39, 53)
  'suspended', // tạm đình chỉ (LKN art. 11a, from 2026-07-01): the period stops
  'decided', // quyết định giải quyết issued; it must be sent (KN-4 / KN-7 / KL-5)
  'second_complaint_window', // first-time decision sent: the complainant may complain again (KN-5 / KL-2)
  'awaiting_legal_effect', // second-time decision sent: effective after 30 days (KN-9 / KL-6)
  'legally_effective', // có hiệu lực pháp luật
  'enforcement', // handed to enforcement tracking (KN-11)
  'refused', // not accepted (LKN art. 11 grounds) — closed
  'terminated', // đình chỉ: whole withdrawal, death without successor, other grounds — closed
  'superseded', // a second complaint or a lawsuit replaced this first-time decision — closed
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const CLOSED_COMPLAINT_STATES: readonly ComplaintState[] = [
  'refused',
  'terminated',
  'superseded',
  'enforcement',
];

export const COMPLAINT_EVENTS = [
  'accept',
  'refuse',
  'start_verification',
  'schedule_dialogue',
  'hold_dialogue',
  'decide',
  'send_decision',
  'second_complaint_lodged',
  'lawsuit_filed',
  'become_legally_effective',
  'hand_to_enforcement',
  'suspend',
  'continue',
  'withdraw_partially',
  'withdraw',
  'terminate',
  'send_notice',
] as const;
export type ComplaintEvent = (typeof COMPLAINT_EVENTS)[number];

/** Suspension of the resolution itself exists only from 2026-07-01 (LKN art. 11a added by L136/2025). */
export const COMPLAINT_SUSPENSION_FROM: LocalDate = '2026-07-01';

export interface ComplaintCaseFacts {
  track: ComplaintTrack;
  state: ComplaintState;
  /** The state a suspended case returns to on continuation. */
  suspendedFrom?: ComplaintState | null;
  /** Whether a dialogue was held (or scheduled and the complainant did not come without reason). */
  dialogueHeld: boolean;
  /** First day the decision is legally effective (the day after the KN-9 / KL-6 period), once known. */
  legalEffectFrom?: LocalDate | null;
  /** A suspension, continuation or termination decision is still to be sent (KN-12). */
  noticePending?: boolean;
}

export interface TransitionRequest {
  event: ComplaintEvent;
  /** The date of the act (decision date, receipt date…), a local date in Asia/Ho_Chi_Minh. */
  date: LocalDate;
  /**
   * schedule_dialogue: the day the dialogue will be held (it may lie ahead; `date` is the day it was
   * scheduled). KN-10 counts the invitation back from it. Absent: the dialogue is on `date`.
   */
  dialogueOn?: LocalDate;
}

/** A deadline the transition opens (computed by the engine from `trigger`) or settles. */
export type DeadlineEffect =
  | { kind: 'open'; ruleId: string; trigger: LocalDate; purpose: DeadlinePurpose }
  | { kind: 'settle'; purpose: DeadlinePurpose; outcome: 'met' | 'cancelled' }
  | { kind: 'pause'; purpose: DeadlinePurpose }
  | { kind: 'resume'; purpose: DeadlinePurpose };

export type DeadlinePurpose =
  | 'acceptance'
  | 'resolution'
  | 'dialogue_invitation'
  | 'send_decision'
  | 'second_complaint_window'
  | 'legal_effect'
  | 'enforcement'
  | 'suspension_notice';

export interface TransitionResult {
  from: ComplaintState;
  to: ComplaintState;
  suspendedFrom: ComplaintState | null;
  effects: DeadlineEffect[];
  /** Set when the step records that the dialogue took place. */
  dialogueHeld?: true;
}

/** The rule ids of each step, by track (legal-reference §2.3, §2.4). */
export const COMPLAINT_RULES: Record<ComplaintTrack, Partial<Record<DeadlinePurpose, string>>> = {
  // LKN arts. 27, 28, 32, 33, 44; NĐ 124 art. 31
  first_time: {
    acceptance: 'KN-2',
    resolution: 'KN-3',
    dialogue_invitation: 'KN-10',
    send_decision: 'KN-4',
    second_complaint_window: 'KN-5',
    legal_effect: 'KN-9',
    enforcement: 'KN-11',
    suspension_notice: 'KN-12',
  },
  // LKN arts. 36, 37, 39, 41, 44
  second_time: {
    acceptance: 'KN-2',
    resolution: 'KN-6',
    dialogue_invitation: 'KN-10',
    send_decision: 'KN-7',
    legal_effect: 'KN-9',
    enforcement: 'KN-11',
    suspension_notice: 'KN-12',
  },
  // LKN arts. 48–57 (disciplinary decisions on officials): no remote variant, dialogue mandatory (art. 53)
  disciplinary_first: {
    acceptance: 'KL-3',
    resolution: 'KL-4',
    dialogue_invitation: 'KN-10',
    second_complaint_window: 'KL-2',
    legal_effect: 'KL-6',
    suspension_notice: 'KN-12',
  },
  disciplinary_second: {
    acceptance: 'KL-3',
    resolution: 'KL-4',
    dialogue_invitation: 'KN-10',
    send_decision: 'KL-5',
    legal_effect: 'KL-6',
    suspension_notice: 'KN-12',
  },
};

const OPEN_BEFORE_DECISION: readonly ComplaintState[] = [
  'received',
  'accepted',
  'verifying',
  'dialogue',
  'suspended',
];

/** Dialogue is mandatory for second-time (LKN art. 39; NĐ 124 art. 28(2)) and disciplinary (art. 53) complaints. */
export function dialogueRequired(track: ComplaintTrack): boolean {
  return track !== 'first_time';
}

function isFirstInstance(track: ComplaintTrack): boolean {
  return track === 'first_time' || track === 'disciplinary_first';
}

export class ComplaintTransitionError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'unprocessable');
  }
}

function refuse(facts: ComplaintCaseFacts, event: ComplaintEvent): never {
  throw new ComplaintTransitionError(
    'CASE_TRANSITION_NOT_ALLOWED',
    `A complaint case in state "${facts.state}" cannot take the step "${event}".`,
  );
}

function open(facts: ComplaintCaseFacts, purpose: DeadlinePurpose, trigger: LocalDate): DeadlineEffect[] {
  const ruleId = COMPLAINT_RULES[facts.track][purpose];
  return ruleId ? [{ kind: 'open', ruleId, trigger, purpose }] : [];
}

/**
 * Decides one step. Throws `CASE_TRANSITION_NOT_ALLOWED` (or a more specific code) when the step may not
 * follow the current state; otherwise returns the next state and the deadline effects.
 */
export function transitionComplaint(facts: ComplaintCaseFacts, request: TransitionRequest): TransitionResult {
  const { state } = facts;
  const { event, date } = request;
  const result = (
    to: ComplaintState,
    effects: DeadlineEffect[] = [],
    suspendedFrom: ComplaintState | null = null,
  ): TransitionResult => ({
    from: state,
    to,
    suspendedFrom,
    effects,
  });

  switch (event) {
    case 'accept':
      if (state !== 'received') refuse(facts, event);
      return result('accepted', [
        { kind: 'settle', purpose: 'acceptance', outcome: 'met' },
        ...open(facts, 'resolution', date),
      ]);

    case 'refuse':
      if (state !== 'received') refuse(facts, event);
      return result('refused', [{ kind: 'settle', purpose: 'acceptance', outcome: 'met' }]);

    case 'start_verification':
      if (state !== 'accepted') refuse(facts, event);
      return result('verifying');

    case 'schedule_dialogue':
      // The invitation is due at least 5 days before the dialogue day (KN-10, counted back from it:
      // NĐ 124 art. 28(1) as amended by NĐ 155 art. 11); `date` is the day it was scheduled.
      if (state !== 'verifying' && state !== 'accepted') refuse(facts, event);
      return result('dialogue', open(facts, 'dialogue_invitation', request.dialogueOn ?? date));

    case 'hold_dialogue':
      // `date` is the dialogue day; minutes (Mẫu 14) are its document. A complainant who did not come
      // without a valid reason counts as held: resolution continues (NĐ 124 art. 28(5) as amended).
      if (state !== 'dialogue') refuse(facts, event);
      return { ...result('dialogue'), dialogueHeld: true };

    case 'decide': {
      if (state !== 'verifying' && state !== 'dialogue' && state !== 'accepted') refuse(facts, event);
      if (dialogueRequired(facts.track) && !facts.dialogueHeld) {
        throw new ComplaintTransitionError(
          'CASE_DIALOGUE_REQUIRED',
          'A second-time or disciplinary complaint may be decided only after the dialogue (LKN arts. 39, 53).',
        );
      }
      return result('decided', [
        { kind: 'settle', purpose: 'resolution', outcome: 'met' },
        { kind: 'settle', purpose: 'dialogue_invitation', outcome: 'met' },
        ...open(facts, 'send_decision', date),
        ...open(facts, 'legal_effect', date),
      ]);
    }

    case 'send_decision':
      // `date` is the day the complainant received the decision: the second-complaint window runs from it
      // (LKN art. 33(1); KN-5 runs from receipt, KN-9 from issue).
      if (state !== 'decided') refuse(facts, event);
      return isFirstInstance(facts.track)
        ? result('second_complaint_window', [
            { kind: 'settle', purpose: 'send_decision', outcome: 'met' },
            ...open(facts, 'second_complaint_window', date),
          ])
        : result('awaiting_legal_effect', [{ kind: 'settle', purpose: 'send_decision', outcome: 'met' }]);

    case 'second_complaint_lodged':
    case 'lawsuit_filed':
      if (state !== 'second_complaint_window') refuse(facts, event);
      return result('superseded', [
        { kind: 'settle', purpose: 'second_complaint_window', outcome: 'met' },
        { kind: 'settle', purpose: 'legal_effect', outcome: 'cancelled' },
      ]);

    case 'become_legally_effective':
      if (state !== 'second_complaint_window' && state !== 'awaiting_legal_effect') refuse(facts, event);
      if (!facts.legalEffectFrom || compareLocalDates(date, facts.legalEffectFrom) < 0) {
        throw new ComplaintTransitionError(
          'CASE_NOT_YET_EFFECTIVE',
          `The decision becomes legally effective only from ${facts.legalEffectFrom ?? 'the end of its period'} (LKN art. 44).`,
        );
      }
      return result('legally_effective', [
        { kind: 'settle', purpose: 'second_complaint_window', outcome: 'met' },
        { kind: 'settle', purpose: 'legal_effect', outcome: 'met' },
        ...open(facts, 'enforcement', date),
      ]);

    case 'hand_to_enforcement':
      if (state !== 'legally_effective') refuse(facts, event);
      return result('enforcement', [{ kind: 'settle', purpose: 'enforcement', outcome: 'met' }]);

    case 'suspend':
      if (state !== 'accepted' && state !== 'verifying' && state !== 'dialogue') refuse(facts, event);
      if (compareLocalDates(date, COMPLAINT_SUSPENSION_FROM) < 0) {
        throw new ComplaintTransitionError(
          'CASE_SUSPENSION_NOT_IN_FORCE',
          'Suspending the resolution of a complaint is possible only from 2026-07-01 (LKN art. 11a, Law 136/2025/QH15).',
        );
      }
      return result(
        'suspended',
        [{ kind: 'pause', purpose: 'resolution' }, ...open(facts, 'suspension_notice', date)],
        state,
      );

    case 'continue':
      if (state !== 'suspended' || !facts.suspendedFrom) refuse(facts, event);
      // The period runs again from the continuation decision (NĐ 124 art. 28b(2) as amended).
      return result(facts.suspendedFrom, [
        { kind: 'resume', purpose: 'resolution' },
        ...open(facts, 'suspension_notice', date),
      ]);

    case 'withdraw_partially':
      // Partial withdrawal (from 2026-07-01, NĐ 155): the rest of the complaint continues; the state stays.
      if (!OPEN_BEFORE_DECISION.includes(state) || state === 'received') refuse(facts, event);
      return result(state, [], facts.suspendedFrom ?? null);

    case 'send_notice':
      // KN-12: the suspension / continuation / termination decision was sent to the parties.
      if (!facts.noticePending) refuse(facts, event);
      return result(
        state,
        [{ kind: 'settle', purpose: 'suspension_notice', outcome: 'met' }],
        facts.suspendedFrom ?? null,
      );

    case 'withdraw':
    case 'terminate':
      // Whole withdrawal ends the resolution with a termination decision (LKN art. 10; art. 11a from 2026-07-01).
      if (!OPEN_BEFORE_DECISION.includes(state)) refuse(facts, event);
      return result('terminated', [
        { kind: 'settle', purpose: 'acceptance', outcome: 'cancelled' },
        { kind: 'settle', purpose: 'resolution', outcome: 'cancelled' },
        { kind: 'settle', purpose: 'dialogue_invitation', outcome: 'cancelled' },
        // The termination decision is sent within 3 working days (KN-12; NĐ 124 art. 28a as amended).
        ...(compareLocalDates(date, COMPLAINT_SUSPENSION_FROM) >= 0
          ? open(facts, 'suspension_notice', date)
          : []),
      ]);
  }
}

/** Every event that may follow a state (for the API's "next steps" and for exhaustive tests). */
export function allowedComplaintEvents(facts: ComplaintCaseFacts, date: LocalDate): ComplaintEvent[] {
  return COMPLAINT_EVENTS.filter((event) => {
    try {
      transitionComplaint(facts, { event, date });
      return true;
    } catch (error) {
      if (error instanceof ComplaintTransitionError) return false;
      throw error;
    }
  });
}

/**
 * A complaint step as the officer records it: `decide` says what it found; `schedule_dialogue` may name a
 * dialogue day ahead of the day it is scheduled.
 */
export interface ComplaintStep extends CaseStepInput<ComplaintEvent> {
  outcome?: 'right' | 'partly_right' | 'wrong';
  dialogueOn?: LocalDate | null;
}

/** The complaint lifecycle as the case kernel drives it (cases/domain/case-step.ts). */
export const COMPLAINT_LIFECYCLE: CaseLifecycle<
  ComplaintCaseFacts,
  ComplaintEvent,
  ComplaintStep,
  TransitionResult
> = {
  transition: (facts, step) =>
    transitionComplaint(facts, {
      event: step.event,
      date: step.date,
      dialogueOn: step.dialogueOn ?? undefined,
    }),
  // `second_complaint_lodged` is recorded by the system when the second-time complaint is accepted.
  allowed: (facts, today) =>
    allowedComplaintEvents(facts, today).filter((e) => e !== 'second_complaint_lodged'),
  /**
   * The decisions of the head of the resolving unit: accepting or refusing, deciding, suspending and
   * continuing, ending the case. The others (verification, dialogue, sending, recording legal effect) are
   * the handler's.
   */
  manageEvents: [
    'accept',
    'refuse',
    'decide',
    'suspend',
    'continue',
    'withdraw_partially',
    'withdraw',
    'terminate',
    'hand_to_enforcement',
  ],
  needsDocument: ['accept', 'refuse', 'decide', 'suspend', 'continue', 'terminate'],
  needsNote: ['suspend', 'terminate', 'withdraw', 'withdraw_partially'],
  stepProblems: (step) => [
    ...((step.event === 'decide') !== Boolean(step.outcome)
      ? [{ field: 'outcome', message: 'is required for, and only for, the step decide' }]
      : []),
    ...(step.event === 'second_complaint_lodged'
      ? [{ field: 'event', message: 'is recorded when the second-time complaint is accepted' }]
      : []),
    ...(step.dialogueOn && step.event !== 'schedule_dialogue'
      ? [{ field: 'dialogueOn', message: 'is given only with the step schedule_dialogue' }]
      : []),
    ...(step.dialogueOn && step.event === 'schedule_dialogue' && step.dialogueOn < step.date
      ? [{ field: 'dialogueOn', message: 'must not be before the day the dialogue is scheduled' }]
      : []),
  ],
};
