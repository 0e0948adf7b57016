import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseDeadlineEntity } from './case-deadline.entity.js';

/** The facts of a deadline row an adapter may need (its subject, unit, step and current state). */
export type SubjectDeadline = Readonly<
  Pick<
    CaseDeadlineEntity,
    | 'subjectType'
    | 'subjectId'
    | 'unitId'
    | 'purpose'
    | 'sequence'
    | 'dueDate'
    | 'status'
    | 'settledOn'
    | 'internalTarget'
  >
>;

/** How a notification names a subject: never a person (a case number, a redacted subject line). */
export interface SubjectDescription {
  /** One Vietnamese line; empty when the subject's row is not found. */
  what: string;
  /** The API path of the subject, or null when there is none to give. */
  link: string | null;
}

/**
 * What `case_deadlines` needs to know about the things its rows belong to (`subject_type`,
 * `subject_id`): a letter, a complaint case, a denunciation case, an enforcement obligation. The
 * feature that owns the subject implements it next to its own tables and lifecycle, and registers it
 * (see {@link DeadlineSubjects}); deadlines and escalations ask through it and never read a subject's
 * table themselves.
 *
 * Every method runs inside the caller's transaction: read and write through `manager` only.
 */
export interface DeadlineSubjectAdapter {
  /** The `subject_type` of the deadline rows this adapter speaks for (`complaint_case`, …). */
  readonly subjectType: string;
  /**
   * Whether the subject is in one of its lifecycle's closed states: nothing escalates any more (its
   * deadlines should be settled already; this is the net). A subject not found is not closed.
   */
  isClosed(manager: EntityManager, subjectId: string): Promise<boolean>;
  /**
   * The active accounts that handle the subject now (the "handler" level of the escalation ladder);
   * empty when nobody is assigned, and the unit's heads hear of it instead.
   */
  handlerIds(manager: EntityManager, deadline: SubjectDeadline): Promise<string[]>;
  /**
   * Locks the subjects' rows (`FOR UPDATE`, in id order) for the rest of the transaction. A calendar
   * recomputation takes them before their deadlines, the order every command on a subject follows
   * (docs/database.md, "Locks: one order").
   */
  lockForUpdate(manager: EntityManager, subjectIds: readonly string[]): Promise<void>;
  /** How an escalation names the subject (docs/escalations.md). */
  describe(manager: EntityManager, subjectId: string): Promise<SubjectDescription>;
  /**
   * Keeps the copy of the deadline's facts that the subject's own row holds (for lists and reports) in
   * step with the deadline. Called after every write to a deadline of this subject type, in its
   * transaction; decides itself which deadlines it copies (a purpose, a sequence). Absent: no copy.
   */
  copyFacts?(manager: EntityManager, deadline: SubjectDeadline): Promise<void>;
}

/**
 * The deadline subjects, one adapter per `subject_type`. A feature registers its adapter when its
 * module starts, as calendar-change subscribers do (`calendar/calendar-change-subscribers.ts`):
 *
 * ```ts
 * @Injectable()
 * export class LetterDeadlineSubject implements DeadlineSubjectAdapter, OnModuleInit {
 *   readonly subjectType = LETTER_SUBJECT;
 *   constructor(private readonly subjects: DeadlineSubjects) {}
 *   onModuleInit() { this.subjects.register(this); }
 *   …
 * }
 * ```
 *
 * and its small `*-deadline-subject.module.ts` is imported by the feature's module and by the worker
 * (which escalates and recomputes deadlines of every subject type).
 */
@Injectable()
export class DeadlineSubjects {
  private readonly adapters = new Map<string, DeadlineSubjectAdapter>();

  /** Adds an adapter; returns a function that removes it again. One adapter per subject type. */
  register(adapter: DeadlineSubjectAdapter): () => void {
    if (this.adapters.has(adapter.subjectType)) {
      throw new Error(`Deadline subject "${adapter.subjectType}" is registered twice`);
    }
    this.adapters.set(adapter.subjectType, adapter);
    return () => {
      if (this.adapters.get(adapter.subjectType) === adapter) this.adapters.delete(adapter.subjectType);
    };
  }

  /**
   * The adapter of a subject type. A type nobody registered is a wiring fault (a module not imported
   * by the process), not bad input: it fails loudly rather than skipping a copy or an escalation.
   */
  of(subjectType: string): DeadlineSubjectAdapter {
    const adapter = this.adapters.get(subjectType);
    if (!adapter) {
      throw new Error(
        `No deadline subject "${subjectType}" is registered (known: ${this.types().join(', ') || 'none'})`,
      );
    }
    return adapter;
  }

  /** The registered subject types, sorted. */
  types(): string[] {
    return [...this.adapters.keys()].sort();
  }
}
