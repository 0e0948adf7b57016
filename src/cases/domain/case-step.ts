/**
 * What every case lifecycle (complaint, denunciation) hands the case kernel (`cases/case-kernel.ts`):
 * a pure state machine, which of its steps are the head's decisions, which need a numbered document or
 * a reason, and the deadline effects its steps return. Each track's `domain/` fills this in; the kernel
 * applies it in one transaction. No clock here: "today" is an argument.
 */
import type { DomainErrorDetail } from '../../common/domain/domain-error.js';
import { compareLocalDates, type LocalDate } from '../../common/domain/local-date.js';

/**
 * A statutory deadline a step opens (computed by the engine from `trigger`), settles, pauses, resumes,
 * or extends (a denunciation's resolution period: LTC art. 30(2)).
 */
export type CaseDeadlineEffect<P extends string = string> =
  | { kind: 'open'; purpose: P; ruleId: string; trigger: LocalDate }
  | { kind: 'settle'; purpose: P; outcome: 'met' | 'cancelled' }
  | { kind: 'pause'; purpose: P }
  | { kind: 'resume'; purpose: P }
  | { kind: 'extend'; purpose: P; extensions: number };

/** What a lifecycle's transition returns, at the least. */
export interface CaseStepResult<S extends string = string> {
  from: S;
  to: S;
  suspendedFrom: S | null;
  effects: readonly CaseDeadlineEffect[];
}

/** A step as the officer records it (the API's transition body, less the version). */
export interface CaseStepInput<E extends string = string> {
  event: E;
  /** The date of the act, a local date in Asia/Ho_Chi_Minh. */
  date: LocalDate;
  documentRef?: string | null;
  legalBasis: string;
  note?: string | null;
}

/** One track's lifecycle, as the kernel drives it. */
export interface CaseLifecycle<F, E extends string, I extends CaseStepInput<E>, R extends CaseStepResult> {
  /** The step from the facts, or a domain error (`CASE_TRANSITION_NOT_ALLOWED`, …). */
  transition(facts: F, step: I): R;
  /** Every step that may follow (the view's `nextSteps`). */
  allowed(facts: F, today: LocalDate): E[];
  /** The head's decisions (`cases:manage`); the others are the handler's (`cases:handle`). */
  manageEvents: readonly E[];
  /** Steps whose act is a numbered notice or decision: its number is required. */
  needsDocument: readonly E[];
  /** Steps that must say why. */
  needsNote: readonly E[];
  /** The step's own checks beyond those every track makes (an outcome only with the decision, …). */
  stepProblems?(step: I): DomainErrorDetail[];
}

/**
 * The checks every track makes of a step before touching the case: the document number and the reason
 * where the lifecycle asks for them, the track's own checks, and a date not in the future.
 */
export function caseStepProblems<E extends string, I extends CaseStepInput<E>>(
  lifecycle: Pick<
    CaseLifecycle<unknown, E, I, CaseStepResult>,
    'needsDocument' | 'needsNote' | 'stepProblems'
  >,
  step: I,
  today: LocalDate,
): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  if (lifecycle.needsDocument.includes(step.event) && !step.documentRef) {
    problems.push({ field: 'documentRef', message: `is required for the step ${step.event}` });
  }
  if (lifecycle.needsNote.includes(step.event) && !step.note) {
    problems.push({ field: 'note', message: `must say why for the step ${step.event}` });
  }
  problems.push(...(lifecycle.stepProblems?.(step) ?? []));
  if (compareLocalDates(step.date, today) > 0) {
    problems.push({ field: 'date', message: 'must not be in the future' });
  }
  return problems;
}

/** A step is dated on or after the case's previous step. */
export function stepDateProblems(date: LocalDate, previous: LocalDate | null): DomainErrorDetail[] {
  return previous !== null && compareLocalDates(date, previous) < 0
    ? [{ field: 'date', message: `must not be before the previous step (${previous})` }]
    : [];
}
