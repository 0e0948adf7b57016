/**
 * The lifecycle of a denunciation case (tố cáo) as a pure state machine, with the statutory deadlines
 * each step opens, settles, pauses or extends. The service applies a step in one transaction; this file
 * decides whether it is allowed.
 *
 * Sources (../shared/docs/legal-reference.md §2.5, §6): LTC 25/2018/QH14 arts. 24–40; NĐ 31/2019 arts.
 * 3, 5, 6, 9, 18, 20 as amended by NĐ 156/2026.
 */
import { DomainError } from '../../common/domain/domain-error.js';
import type { CaseLifecycle, CaseStepInput } from '../../cases/domain/case-step.js';
import type { LocalDate } from '../../common/domain/local-date.js';

export const DENUNCIATION_TRACKS = [
  'denunciation', // a denunciation accepted for resolution
  'redenunciation_wrong_resolution', // tố cáo tiếp: the resolution was wrong (LTC art. 37; TC-10)
  'redenunciation_overdue', // tố cáo tiếp: the TC-3 period expired (LTC art. 38; TC-11, TC-12)
  'anonymous_information', // thông tin có nội dung tố cáo (LTC art. 25; NĐ 31 art. 20): inspect or forward
] as const;
export type DenunciationTrack = (typeof DENUNCIATION_TRACKS)[number];

export const DENUNCIATION_STATES = [
  'received', // waiting for the acceptance decision (or, re-denunciations, the superior's review)
  'accepted', // thụ lý: TC-2 notices and the TC-3 period run
  'verifying',
  'suspended', // LTC art. 34: the period stands still
  'concluded', // kết luận issued: send (TC-5), handle (TC-6), publicise (TC-8)
  'monitoring', // theo dõi việc thực hiện kết luận (TC-9: no computable period)
  'awaiting_report', // re-denunciation for delay: the resolver reports to the superior (TC-12)
  'closed',
  'refused', // not accepted (LTC art. 29(1)) — closed
  'terminated', // đình chỉ (withdrawal without signs of violation, other grounds) — closed
  'inspected', // anonymous information: checked within competence — closed
  'forwarded', // anonymous information: forwarded to the competent body — closed
] as const;
export type DenunciationState = (typeof DENUNCIATION_STATES)[number];

export const CLOSED_DENUNCIATION_STATES: readonly DenunciationState[] = [
  'closed',
  'refused',
  'terminated',
  'inspected',
  'forwarded',
];

export const DENUNCIATION_EVENTS = [
  'accept',
  'refuse',
  'notify_acceptance',
  'start_verification',
  'extend',
  'suspend',
  'continue',
  'conclude',
  'send_conclusion',
  'handle_conclusion',
  'publicise_conclusion',
  'start_monitoring',
  'close',
  'withdraw',
  'terminate',
  'send_notice',
  'review_no_re_resolution',
  'review_re_resolve',
  'request_report',
  'report_received',
  'take_over',
  'inspect',
  'forward',
] as const;
export type DenunciationEvent = (typeof DENUNCIATION_EVENTS)[number];

/** vụ việc phức tạp / đặc biệt phức tạp (NĐ 31 art. 3(2)–(3)): how many extensions the law allows. */
export const COMPLEXITIES = ['normal', 'complicated', 'especially_complicated'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

/** LTC art. 30(2): complicated — one extension; especially complicated — two; each at most 30 days. */
export const EXTENSION_CAP: Record<Complexity, number> = {
  normal: 0,
  complicated: 1,
  especially_complicated: 2,
};

export type DenunciationPurpose =
  | 'acceptance_notice' // TC-2
  | 'resolution' // TC-3
  | 'suspension_notice' // TC-4 (suspension, continuation, termination decisions)
  | 'send_conclusion' // TC-5
  | 'handle_conclusion' // TC-6
  | 'publicise_conclusion' // TC-8
  | 'review' // TC-10
  | 'report_request' // TC-11
  | 'report'; // TC-12

export const DENUNCIATION_RULES: Record<DenunciationPurpose, string> = {
  acceptance_notice: 'TC-2',
  resolution: 'TC-3',
  suspension_notice: 'TC-4',
  send_conclusion: 'TC-5',
  handle_conclusion: 'TC-6',
  publicise_conclusion: 'TC-8',
  review: 'TC-10',
  report_request: 'TC-11',
  report: 'TC-12',
};

export type DenunciationEffect =
  | { kind: 'open'; purpose: DenunciationPurpose; ruleId: string; trigger: LocalDate }
  | { kind: 'settle'; purpose: DenunciationPurpose; outcome: 'met' | 'cancelled' }
  | { kind: 'pause'; purpose: DenunciationPurpose }
  | { kind: 'resume'; purpose: DenunciationPurpose }
  | { kind: 'extend'; purpose: 'resolution'; extensions: number };

export interface DenunciationFacts {
  track: DenunciationTrack;
  state: DenunciationState;
  suspendedFrom: DenunciationState | null;
  complexity: Complexity;
  extensions: number;
  /** The steps after the conclusion that are done. */
  conclusionSent: boolean;
  conclusionHandled: boolean;
  /** A suspension, continuation or termination decision is still to be sent (TC-4). */
  noticePending: boolean;
}

export interface DenunciationRequest {
  event: DenunciationEvent;
  date: LocalDate;
  /** Withdrawal: the resolver found signs of a violation, so resolution continues (LTC art. 33(1)). */
  signsOfViolation?: boolean;
}

export interface DenunciationResult {
  from: DenunciationState;
  to: DenunciationState;
  suspendedFrom: DenunciationState | null;
  effects: DenunciationEffect[];
  /** Changes to the facts beside the state. */
  set: Partial<Pick<DenunciationFacts, 'extensions' | 'conclusionSent' | 'conclusionHandled'>> & {
    withdrawn?: boolean;
  };
}

export class DenunciationTransitionError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'unprocessable');
  }
}

const RESOLVING: readonly DenunciationState[] = ['accepted', 'verifying'];
const BEFORE_CONCLUSION: readonly DenunciationState[] = ['received', 'accepted', 'verifying', 'suspended'];

function refuse(facts: DenunciationFacts, event: DenunciationEvent): never {
  throw new DenunciationTransitionError(
    'CASE_TRANSITION_NOT_ALLOWED',
    `A ${facts.track.replace(/_/g, ' ')} case in state "${facts.state}" cannot take the step "${event}".`,
  );
}

const open = (purpose: DenunciationPurpose, trigger: LocalDate): DenunciationEffect => ({
  kind: 'open',
  purpose,
  ruleId: DENUNCIATION_RULES[purpose],
  trigger,
});
const settle = (purpose: DenunciationPurpose, outcome: 'met' | 'cancelled' = 'met'): DenunciationEffect => ({
  kind: 'settle',
  purpose,
  outcome,
});

/** Acceptance opens the notices (TC-2) and the resolution period (TC-3), both from the decision date. */
const acceptance = (date: LocalDate): DenunciationEffect[] => [
  open('acceptance_notice', date),
  open('resolution', date),
];

/** Everything still running when a case ends early. */
const cancelRunning: DenunciationEffect[] = [
  settle('acceptance_notice', 'cancelled'),
  settle('resolution', 'cancelled'),
  settle('review', 'cancelled'),
  settle('report_request', 'cancelled'),
  settle('report', 'cancelled'),
];

/**
 * Decides one step. Throws `CASE_TRANSITION_NOT_ALLOWED` (or a more specific code) when it may not follow
 * the current state; otherwise returns the next state, the deadline effects and the changed facts.
 */
export function transitionDenunciation(
  facts: DenunciationFacts,
  request: DenunciationRequest,
): DenunciationResult {
  const { state, track } = facts;
  const { event, date } = request;
  const result = (
    to: DenunciationState,
    effects: DenunciationEffect[] = [],
    set: DenunciationResult['set'] = {},
    suspendedFrom: DenunciationState | null = null,
  ): DenunciationResult => ({ from: state, to, suspendedFrom, effects, set });

  if (track === 'anonymous_information') {
    // LTC art. 25(2); NĐ 31 art. 20: no denunciation deadlines and no notices to a denouncer.
    if (state !== 'received') refuse(facts, event);
    if (event === 'inspect') return result('inspected');
    if (event === 'forward') return result('forwarded');
    return refuse(facts, event);
  }
  if (event === 'inspect' || event === 'forward') refuse(facts, event);

  switch (event) {
    case 'accept':
      if (state !== 'received' || track !== 'denunciation') refuse(facts, event);
      return result('accepted', acceptance(date));

    case 'refuse':
      if (state !== 'received' || track !== 'denunciation') refuse(facts, event);
      return result('refused');

    case 'review_no_re_resolution':
      // LTC art. 37(3)(a): the resolution was right — the superior answers and the matter ends.
      if (state !== 'received' || track !== 'redenunciation_wrong_resolution') refuse(facts, event);
      return result('closed', [settle('review')]);

    case 'review_re_resolve':
      // LTC art. 37(3)(c): resolve again under the full procedure, the period counted from this decision.
      if (state !== 'received' || track !== 'redenunciation_wrong_resolution') refuse(facts, event);
      return result('accepted', [settle('review'), ...acceptance(date)]);

    case 'request_report':
      // LTC art. 38(2): the superior asks the resolver for a written report (TC-11); the resolver has TC-12.
      if (state !== 'received' || track !== 'redenunciation_overdue') refuse(facts, event);
      return result('awaiting_report', [settle('report_request'), open('report', date)]);

    case 'report_received':
      if (state !== 'awaiting_report' || track !== 'redenunciation_overdue') refuse(facts, event);
      return result('closed', [settle('report')]);

    case 'take_over':
      // LTC art. 37(3)(b), 38(5); NĐ 31 art. 5(3): the superior resolves it, with a new acceptance decision.
      if (track === 'redenunciation_wrong_resolution' && state === 'received') {
        return result('accepted', [settle('review'), ...acceptance(date)]);
      }
      if (track === 'redenunciation_overdue' && (state === 'received' || state === 'awaiting_report')) {
        return result('accepted', [
          settle('report_request'),
          settle('report', 'cancelled'),
          ...acceptance(date),
        ]);
      }
      return refuse(facts, event);

    case 'notify_acceptance':
      if (!['accepted', 'verifying', 'suspended'].includes(state)) refuse(facts, event);
      return result(state, [settle('acceptance_notice')], {}, facts.suspendedFrom);

    case 'start_verification':
      if (state !== 'accepted') refuse(facts, event);
      return result('verifying');

    case 'extend': {
      if (!RESOLVING.includes(state)) refuse(facts, event);
      const cap = EXTENSION_CAP[facts.complexity];
      if (cap === 0) {
        throw new DenunciationTransitionError(
          'CASE_EXTENSION_NOT_ALLOWED',
          'Only a complicated or especially complicated denunciation may be extended (LTC art. 30(2)); record the determination first.',
        );
      }
      if (facts.extensions >= cap) {
        throw new DenunciationTransitionError(
          'CASE_EXTENSION_LIMIT',
          `A ${facts.complexity.replace('_', ' ')} denunciation may be extended ${cap === 1 ? 'once' : `${cap} times`} at most (LTC art. 30(2)).`,
        );
      }
      const extensions = facts.extensions + 1;
      return result(state, [{ kind: 'extend', purpose: 'resolution', extensions }], { extensions });
    }

    case 'suspend':
      if (!RESOLVING.includes(state)) refuse(facts, event);
      return result(
        'suspended',
        [{ kind: 'pause', purpose: 'resolution' }, open('suspension_notice', date)],
        {},
        state,
      );

    case 'continue':
      // LTC art. 34(2): continue "ngay" when the grounds end; the suspended days are not counted.
      if (state !== 'suspended' || !facts.suspendedFrom) refuse(facts, event);
      return result(facts.suspendedFrom, [
        { kind: 'resume', purpose: 'resolution' },
        open('suspension_notice', date),
      ]);

    case 'conclude':
      if (!RESOLVING.includes(state)) refuse(facts, event);
      return result('concluded', [
        settle('resolution'),
        open('send_conclusion', date),
        open('handle_conclusion', date),
        open('publicise_conclusion', date),
      ]);

    case 'send_conclusion':
      if (state !== 'concluded' || facts.conclusionSent) refuse(facts, event);
      return result('concluded', [settle('send_conclusion')], { conclusionSent: true });

    case 'handle_conclusion':
      if (state !== 'concluded' || facts.conclusionHandled) refuse(facts, event);
      return result('concluded', [settle('handle_conclusion')], { conclusionHandled: true });

    case 'publicise_conclusion':
      if (state !== 'concluded' && state !== 'monitoring') refuse(facts, event);
      return result(state, [settle('publicise_conclusion')]);

    case 'start_monitoring':
      // TC-9 has no computable period; monitoring starts once the conclusion was sent and handled.
      if (state !== 'concluded') refuse(facts, event);
      if (!facts.conclusionSent || !facts.conclusionHandled) {
        throw new DenunciationTransitionError(
          'CASE_CONCLUSION_NOT_HANDLED',
          'Monitoring starts after the conclusion was sent (LTC art. 35) and handled (LTC art. 36).',
        );
      }
      return result('monitoring');

    case 'close':
      if (state !== 'monitoring') refuse(facts, event);
      return result('closed');

    case 'withdraw':
      // LTC art. 33: a withdrawn denunciation is still resolved when there are signs of a violation.
      if (!BEFORE_CONCLUSION.includes(state) || track !== 'denunciation') refuse(facts, event);
      if (request.signsOfViolation === undefined) {
        throw new DenunciationTransitionError(
          'CASE_WITHDRAWAL_NEEDS_ASSESSMENT',
          'Say whether there are signs of a violation: if so, resolution continues (LTC art. 33(1)).',
        );
      }
      if (request.signsOfViolation) return result(state, [], { withdrawn: true }, facts.suspendedFrom);
      return result('terminated', [...cancelRunning, open('suspension_notice', date)], { withdrawn: true });

    case 'send_notice':
      // TC-4: the suspension / continuation / termination decision was sent to the denouncer and the denounced.
      if (!facts.noticePending) refuse(facts, event);
      return result(state, [settle('suspension_notice')], {}, facts.suspendedFrom);

    case 'terminate':
      if (
        !BEFORE_CONCLUSION.includes(state) &&
        !(state === 'awaiting_report' && track === 'redenunciation_overdue')
      ) {
        refuse(facts, event);
      }
      return result('terminated', [...cancelRunning, open('suspension_notice', date)]);
  }
  return refuse(facts, event);
}

/** The deadlines a new case opens on creation, by track (the denunciation's own open at acceptance). */
export function initialEffects(track: DenunciationTrack, receivedOn: LocalDate): DenunciationEffect[] {
  if (track === 'redenunciation_wrong_resolution') return [open('review', receivedOn)];
  if (track === 'redenunciation_overdue') return [open('report_request', receivedOn)];
  return [];
}

export function allowedDenunciationEvents(facts: DenunciationFacts, date: LocalDate): DenunciationEvent[] {
  return DENUNCIATION_EVENTS.filter((event) => {
    try {
      transitionDenunciation(facts, {
        event,
        date,
        signsOfViolation: event === 'withdraw' ? false : undefined,
      });
      return true;
    } catch (error) {
      if (error instanceof DenunciationTransitionError) return false;
      throw error;
    }
  });
}

/** A denunciation step as the officer records it: `conclude` says what it found. */
export interface DenunciationStep extends CaseStepInput<DenunciationEvent> {
  /** Withdrawal: the resolver found signs of a violation, so resolution continues (LTC art. 33(1)). */
  signsOfViolation?: boolean;
  outcome?: 'right' | 'partly_right' | 'wrong';
}

/** The denunciation lifecycle as the case kernel drives it (cases/domain/case-step.ts). */
export const DENUNCIATION_LIFECYCLE: CaseLifecycle<
  DenunciationFacts,
  DenunciationEvent,
  DenunciationStep,
  DenunciationResult
> = {
  transition: (facts, step) =>
    transitionDenunciation(facts, {
      event: step.event,
      date: step.date,
      signsOfViolation: step.signsOfViolation,
    }),
  allowed: allowedDenunciationEvents,
  /** The head's decisions; the rest are the handler's. */
  manageEvents: [
    'accept',
    'refuse',
    'extend',
    'suspend',
    'continue',
    'conclude',
    'close',
    'withdraw',
    'terminate',
    'review_no_re_resolution',
    'review_re_resolve',
    'request_report',
    'take_over',
    'inspect',
    'forward',
  ],
  /** Steps whose act is a numbered decision or notice. */
  needsDocument: [
    'accept',
    'refuse',
    'extend',
    'suspend',
    'continue',
    'conclude',
    'terminate',
    'review_no_re_resolution',
    'review_re_resolve',
    'request_report',
    'take_over',
  ],
  /** An extension decision states its reason (NĐ 31 art. 3(4), Mẫu 01). */
  needsNote: ['extend', 'suspend', 'withdraw', 'terminate'],
  stepProblems: (step) => [
    ...((step.event === 'conclude') !== Boolean(step.outcome)
      ? [{ field: 'outcome', message: 'is required for, and only for, the step conclude' }]
      : []),
    ...(step.event !== 'withdraw' && step.signsOfViolation !== undefined
      ? [{ field: 'signsOfViolation', message: 'is only for the step withdraw' }]
      : []),
  ],
};
