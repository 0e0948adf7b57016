import { In, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import type { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import type { CaseDeadlineView } from '../case-deadlines/dto/case-deadline.dto.js';
import type { Clock } from '../common/clock.js';
import { beforeCommit, transactionWithRetry } from '../common/database/transactions.js';
import { yearOf, type LocalDate } from '../common/domain/local-date.js';
import { searchFold } from '../common/domain/vietnamese-text.js';
import type { Page } from '../common/http/page.dto.js';
import { uuid7 } from '../common/ids/uuid7.js';
import type { CaseEventView } from './dto/case.dto.js';
import type { AssignmentPreviewView } from './dto/assignment-preview.dto.js';
import { DomainError } from '../common/domain/domain-error.js';
import type { DeadlineOptions } from '../deadlines/domain/deadline-engine.js';
import type { ProtectedText } from '../identity/protected-text.js';
import type { LetterEntity } from '../letters/entities/letter.entity.js';
import { unitInScope } from '../units/unit-scope.js';
import {
  appendCaseEvent,
  assertHandler,
  caseHistory,
  caseInScope,
  lockCaseAt,
  nextCaseNumber,
  noticePending,
  reassignCase,
  setCaseTarget,
  workListPage,
  type CaseAccess,
  type CaseStepRecord,
  type WorkListQuery,
} from './case-records.js';
import { CaseErrors } from './cases.errors.js';
import {
  caseStepProblems,
  stepDateProblems,
  type CaseDeadlineEffect,
  type CaseLifecycle,
  type CaseStepInput,
  type CaseStepResult,
} from './domain/case-step.js';

/** The columns every case row has, whichever its track. */
export interface CaseRow {
  id: string;
  caseNumber: string;
  letterId: string;
  unitId: string;
  handlerUserId: string | null;
  state: string;
  suspendedFrom: string | null;
  subject: string;
  version: number;
  terminatedOn: LocalDate | null;
  terminatedBy: string | null;
  withdrawnOn: LocalDate | null;
}

/** What a case view shows besides the case's own fields. */
export interface CaseViewParts<E extends string> {
  events: CaseEventView[];
  deadlines: CaseDeadlineView[];
  nextDue: string | null;
  nextSteps: E[];
}

/** A step as the kernel hands it to a track's hooks: the locked case (already changed), the step, its result. */
export interface CaseStepContext<C, I, R> {
  manager: EntityManager;
  actor: Actor;
  c: C;
  step: I;
  result: R;
}

/**
 * What one track (complaint, denunciation) gives the kernel: its tables, its pure lifecycle, how its
 * facts and views are read off its row, and the few things only its steps do.
 */
export interface CaseTrack<
  C extends CaseRow,
  F,
  E extends string,
  I extends CaseStepInput<E>,
  R extends CaseStepResult,
  S,
  V,
> {
  subjectType: 'complaint_case' | 'denunciation_case';
  /** The readable number's prefix (KN-2026-000123, TC-2026-000045). */
  numberPrefix: 'KN' | 'TC';
  caseEntity: new () => C;
  caseTable: 'complaint_cases' | 'denunciation_cases';
  eventEntity: EntityTarget<ObjectLiteral>;
  eventTable: 'complaint_case_events' | 'denunciation_case_events';
  lifecycle: CaseLifecycle<F, E, I, R>;
  facts(c: C, noticePending: boolean): F;
  /** The options its deadlines are computed with (remote/complicated, extensions). */
  deadlineOptions(c: C): DeadlineOptions;
  /** The case's fields as the audit trail records them, and those masked there. */
  audited(c: C): Record<string, unknown>;
  sensitiveFields: readonly string[];
  /** What a step changes on the row besides its state, `suspendedFrom`, version and end dates. */
  stepChanges(step: I, result: R, c: C, actor: Actor): Partial<C>;
  /** After the step's deadlines moved, before the row is written: changes that read them. */
  afterEffects?(ctx: CaseStepContext<C, I, R>): Promise<Partial<C>>;
  /** After the row is written, before the step is logged: what else the step sets going. */
  afterStep?(ctx: CaseStepContext<C, I, R>): Promise<void>;
  toSummary(c: C, nextDue: string | null): S;
  toView(c: C, parts: CaseViewParts<E>): V;
}

/** The services the kernel works with: those of the track's service. */
export interface CaseKernelServices {
  dataSource: DataSource;
  audit: AuditService;
  deadlines: CaseDeadlinesService;
  clock: Clock;
  protectedText: ProtectedText;
}

/**
 * The case kernel: what complaint and denunciation cases do alike, parameterised by the track. It opens a
 * case from a letter, takes a step (lock at the version read, check the lifecycle allows it from the
 * state, write the row, move the deadlines, log the step, audit), changes, reassigns and targets a case,
 * and reads it and its work list. Every step of every case, its opening included, is logged through one
 * function, `appendCaseEvent` (case-records.ts), inside the step's transaction after the row is written.
 * A plain class each track's service composes (docs/adr/0011-one-case-kernel.md).
 */
export class CaseKernel<
  C extends CaseRow,
  F,
  E extends string,
  I extends CaseStepInput<E>,
  R extends CaseStepResult,
  S,
  V,
> {
  constructor(
    private readonly services: CaseKernelServices,
    private readonly track: CaseTrack<C, F, E, I, R, S, V>,
  ) {}

  subject(id: string) {
    return { subjectType: this.track.subjectType, subjectId: id };
  }

  /**
   * Makes the case of an accepted letter in the letter's transaction: state `received`, its subject the
   * letter's redacted copy, the `received` step, the deadlines it opens; its number and its audit entry
   * come last, just before the commit (`beforeCommit`): the counter row is one for the whole country, so
   * it is locked only for the commit, not for the rest of the decision (ADR 0019). Until then the row's
   * `case_number` is NULL — which no other transaction can see — and the returned row gets its number
   * when the hook has run.
   */
  async open(
    manager: EntityManager,
    actor: Actor,
    letter: LetterEntity,
    input: {
      handlerUserId: string | null;
      date: LocalDate;
      legalBasis: string;
      /** The track's own columns. */
      fields: Partial<C>;
      effects: readonly CaseDeadlineEffect[];
    },
  ): Promise<C> {
    const { caseEntity } = this.track;
    if (input.handlerUserId) {
      await assertHandler(manager, letter.unitId, input.handlerUserId, CaseErrors.handlerInvalid);
    }
    const id = uuid7();
    // The letter's subject is its redacted copy; cut out once more whatever the matcher finds now (issue 14).
    const subject = (
      await this.services.protectedText.redactFor(manager, 'letter', letter.id, letter.subject)
    ).slice(0, 500);
    const row = manager.create(caseEntity, {
      id,
      caseNumber: null,
      letterId: letter.id,
      unitId: letter.unitId,
      handlerUserId: input.handlerUserId,
      state: 'received',
      suspendedFrom: null,
      subject,
      searchText: searchFold(subject, 600),
      receivedOn: letter.receivedOn,
      acceptedOn: null,
      version: 1,
      ...input.fields,
    } as unknown as C);
    await manager.insert(caseEntity, row as never);
    // Registered before the step is logged: what the step log defers until the number exists (the
    // national database's `received` event) is queued after it.
    beforeCommit(manager, async () => {
      const caseNumber = await nextCaseNumber(manager, this.track.numberPrefix, yearOf(letter.receivedOn));
      const numbered = { caseNumber, searchText: searchFold(`${caseNumber} ${subject}`, 600) };
      await manager.update(caseEntity, { id }, numbered as never);
      Object.assign(row, numbered);
      await this.services.audit.record(manager, actor, {
        action: 'create',
        entityType: this.track.subjectType,
        entityId: id,
        unitId: row.unitId,
        changes: diffChanges(null, this.track.audited(row), [...this.track.sensitiveFields]),
      });
    });
    await this.logStep(manager, actor, row, {
      event: 'received',
      fromState: null,
      date: input.date,
      documentRef: null,
      legalBasis: input.legalBasis,
      note: null,
    });
    await this.applyEffects(manager, actor, row, input.effects, input.date);
    return row;
  }

  /**
   * The transition command: who may take the step (the head's decisions need `cases:manage` over the
   * case's unit), the step's own checks, then in one transaction the case locked at the version read,
   * step texts that name no protected person, and the step.
   */
  async transition(actor: Actor, id: string, input: I & { version: number }): Promise<V> {
    const { lifecycle } = this.track;
    const headsDecision = lifecycle.manageEvents.includes(input.event);
    if (headsDecision && !actor.permissions.has('cases:manage')) {
      throw CaseErrors.stepNeedsManage(input.event);
    }
    const problems = caseStepProblems(lifecycle, input, this.services.clock.today());
    if (problems.length > 0) throw CaseErrors.invalid(problems);
    return transactionWithRetry(this.services.dataSource, async (manager) => {
      const access = headsDecision ? 'head' : 'handler';
      const c = await this.lock(manager, actor, id, input.version, access, input.event);
      // Step notes are shown to every reader of the case: never the denouncer (issue 14, finding 4).
      await this.services.protectedText.requireClean(manager, this.track.subjectType, c.id, {
        note: input.note,
        legalBasis: input.legalBasis,
        documentRef: input.documentRef,
      });
      await this.step(manager, actor, c, input);
      return this.view(manager, c);
    });
  }

  /**
   * One step of a locked case, in the caller's transaction: dated no earlier than the previous step,
   * allowed by the lifecycle from the case's facts; the row changed, its deadlines moved, the step
   * logged and audited (`case.<event>`).
   */
  async step(manager: EntityManager, actor: Actor, c: C, step: I): Promise<void> {
    const { track } = this;
    const last = await manager
      .getRepository(track.eventEntity)
      .createQueryBuilder('e')
      .where('e.case_id = :id', { id: c.id })
      .orderBy('e.sequence', 'DESC')
      .getOne();
    const late = stepDateProblems(step.date, last ? (last.eventDate as LocalDate) : null);
    if (late.length > 0) throw CaseErrors.invalid(late);
    const before = track.audited(c);
    const pending = await noticePending(manager, track.subjectType, c.id);
    const result = track.lifecycle.transition(track.facts(c, pending), step);
    const ended: Partial<CaseRow> = {};
    // How and when it ended without a decision, and its first withdrawal: what the reports count.
    if (result.to === 'terminated' && result.from !== 'terminated') {
      ended.terminatedOn = step.date;
      ended.terminatedBy = step.event;
    }
    if (step.event === 'withdraw' && c.withdrawnOn === null) ended.withdrawnOn = step.date;
    const next = {
      state: result.to,
      suspendedFrom: result.suspendedFrom,
      version: c.version + 1,
      ...track.stepChanges(step, result, c, actor),
      ...ended,
    } as Partial<C>;
    Object.assign(c, next);
    await this.applyEffects(manager, actor, c, result.effects, step.date);
    const ctx = { manager, actor, c, step, result };
    const later = await track.afterEffects?.(ctx);
    if (later) {
      Object.assign(c, later);
      Object.assign(next, later);
    }
    await manager.update(track.caseEntity, { id: c.id }, next as never);
    await track.afterStep?.(ctx);
    await this.logStep(manager, actor, c, {
      event: step.event,
      fromState: result.from,
      date: step.date,
      documentRef: step.documentRef ?? null,
      legalBasis: step.legalBasis,
      note: step.note ?? null,
    });
    await this.services.audit.record(manager, actor, {
      action: `case.${step.event}`,
      entityType: track.subjectType,
      entityId: c.id,
      unitId: c.unitId,
      changes: diffChanges(before, track.audited(c), [...track.sensitiveFields]),
    });
  }

  /**
   * A change to a case that is not a step (flags, complexity): the case locked at the version read, the
   * track's checks and changes, the row written with a new version, `after` (deadlines recomputed…), one
   * audit entry named `action`.
   */
  change(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    apply: {
      changes: (manager: EntityManager, c: C) => Promise<Partial<C>>;
      after?: (manager: EntityManager, c: C) => Promise<void>;
    },
  ): Promise<V> {
    return transactionWithRetry(this.services.dataSource, async (manager) => {
      const c = await this.lock(manager, actor, id, version);
      const changes = await apply.changes(manager, c);
      const before = this.track.audited(c);
      const next = { ...changes, version: c.version + 1 } as Partial<C>;
      await manager.update(this.track.caseEntity, { id: c.id }, next as never);
      Object.assign(c, next);
      await apply.after?.(manager, c);
      await this.services.audit.record(manager, actor, {
        action,
        entityType: this.track.subjectType,
        entityId: c.id,
        unitId: c.unitId,
        changes: diffChanges(before, this.track.audited(c), [...this.track.sensitiveFields]),
      });
      return this.view(manager, c);
    });
  }

  /** Assigns the case to a handler, or moves it to another resolving unit (deadlines follow its calendar). */
  assign(
    actor: Actor,
    id: string,
    dto: { unitId?: string; handlerUserId?: string | null; reason: string; version: number },
  ): Promise<V> {
    if (dto.unitId === undefined && dto.handlerUserId === undefined) {
      throw CaseErrors.invalid([{ field: 'handlerUserId', message: 'give handlerUserId or unitId' }]);
    }
    const { deadlines, audit, protectedText } = this.services;
    return transactionWithRetry(this.services.dataSource, async (manager) => {
      const c = await this.lock(manager, actor, id, dto.version);
      await protectedText.requireClean(manager, this.track.subjectType, c.id, { reason: dto.reason });
      await reassignCase(
        manager,
        actor,
        { deadlines, audit },
        c,
        {
          caseEntity: this.track.caseEntity,
          subjectType: this.track.subjectType,
          deadlineOptions: (x) => this.track.deadlineOptions(x),
          audited: (x) => this.track.audited(x),
          sensitiveFields: this.track.sensitiveFields,
        },
        dto,
      );
      return this.view(manager, c);
    });
  }

  /**
   * What `assign` would do, before it is done (reads only, writes and audits nothing): the refusals, and
   * the running deadlines as `reassignCase` then recomputes them on the new unit's calendar — the same
   * engine call with the same options, so the preview equals what the reassignment writes.
   */
  async previewAssignment(
    actor: Actor,
    id: string,
    dto: { unitId?: string; handlerUserId?: string | null },
  ): Promise<AssignmentPreviewView> {
    const manager = this.services.dataSource.manager;
    const c = await caseInScope(manager, this.track.caseEntity, actor, id, CaseErrors.notFound);
    const unitId = dto.unitId ?? c.unitId;
    const moves = unitId !== c.unitId;
    if (moves) {
      await unitInScope(manager, actor, unitId, () =>
        CaseErrors.invalid([{ field: 'unitId', message: 'is not a unit you may see' }]),
      );
    }
    const problems: AssignmentPreviewView['problems'] = [];
    if (dto.handlerUserId) {
      try {
        await assertHandler(manager, unitId, dto.handlerUserId, CaseErrors.handlerInvalid);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push(...(error.details ?? []));
      }
    }
    const subject = { subjectType: this.track.subjectType, subjectId: c.id };
    const computed = await this.services.deadlines.previewOn(
      manager,
      subject,
      unitId,
      this.track.deadlineOptions(c),
    );
    return {
      problems,
      unitId,
      moves,
      deadlines: computed.map(({ deadline: d, computed: next }) => ({
        id: d.id,
        purpose: d.purpose,
        ruleId: d.ruleId,
        status: d.status,
        triggerDate: d.triggerDate,
        currentDue: d.dueDate,
        // Within the unit nothing is recomputed: the deadlines stay as they are.
        due: moves ? next.dueDate : d.dueDate,
        explanation: (moves ? next.explanation : d.explanation).vi,
      })),
    };
  }

  /** An internal target beside a statutory deadline: never replaces it. */
  setInternalTarget(
    actor: Actor,
    id: string,
    deadlineId: string,
    dto: { target?: string | null; version: number },
  ): Promise<V> {
    const { deadlines, audit } = this.services;
    return transactionWithRetry(this.services.dataSource, async (manager) => {
      const c = await this.lock(manager, actor, id, dto.version);
      await setCaseTarget(
        manager,
        actor,
        { deadlines, audit },
        c,
        { caseEntity: this.track.caseEntity, subjectType: this.track.subjectType },
        deadlineId,
        dto.target ?? null,
      );
      return this.view(manager, c);
    });
  }

  async get(actor: Actor, id: string): Promise<V> {
    const manager = this.services.dataSource.manager;
    const c = await caseInScope(manager, this.track.caseEntity, actor, id, CaseErrors.notFound);
    return this.view(manager, c);
  }

  /** Work lists: mine or my units', by state, track, due this week or overdue, searched without diacritics. */
  async list(actor: Actor, query: WorkListQuery): Promise<Page<S>> {
    const { dataSource, clock } = this.services;
    if (query.unitId) {
      await unitInScope(dataSource.manager, actor, query.unitId, () =>
        CaseErrors.invalid([{ field: 'unitId', message: 'is not a unit you may see' }]),
      );
    }
    const { rows, total } = await workListPage(
      dataSource,
      this.track.caseTable,
      this.track.subjectType,
      actor,
      query,
      clock.today(),
    );
    const found = rows.length
      ? await dataSource
          .getRepository(this.track.caseEntity)
          .findBy({ id: In(rows.map((r) => r.id)) } as never)
      : [];
    const byId = new Map(found.map((c) => [c.id, c]));
    return {
      items: rows.map((r) => this.track.toSummary(byId.get(r.id)!, r.next_due)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** The case row, locked, at the version the caller read (409 with the current one otherwise). */
  lock(
    manager: EntityManager,
    actor: Actor,
    id: string,
    version: number,
    access: CaseAccess = 'manage',
    event?: string,
  ): Promise<C> {
    return lockCaseAt(manager, this.track.caseEntity, actor, id, version, access, event);
  }

  /** The case as its API shows it: its fields, its step log, its deadlines, the steps that may follow. */
  async view(manager: EntityManager, c: C): Promise<V> {
    const { deadlines, clock } = this.services;
    const history = await caseHistory(manager, this.track.eventEntity, deadlines, this.subject(c.id));
    return this.track.toView(c, {
      events: history.events,
      deadlines: history.deadlines,
      nextDue: history.nextDue,
      nextSteps: this.track.lifecycle.allowed(this.track.facts(c, history.noticePending), clock.today()),
    });
  }

  /** Opens, settles, pauses, resumes or extends the case's deadlines as a step's effects say. */
  private async applyEffects(
    manager: EntityManager,
    actor: Actor,
    c: C,
    effects: readonly CaseDeadlineEffect[],
    on: LocalDate,
  ): Promise<void> {
    const { deadlines } = this.services;
    const s = this.subject(c.id);
    for (const e of effects) {
      switch (e.kind) {
        case 'open':
          await deadlines.open(manager, actor, {
            ...s,
            unitId: c.unitId,
            purpose: e.purpose,
            ruleId: e.ruleId,
            trigger: e.trigger,
            options: this.track.deadlineOptions(c),
          });
          break;
        case 'settle':
          await deadlines.settle(
            manager,
            actor,
            s,
            e.purpose,
            e.outcome === 'met' ? 'done' : 'cancelled',
            on,
          );
          break;
        case 'pause':
          await deadlines.pause(manager, actor, s, e.purpose, on);
          break;
        case 'resume':
          await deadlines.resume(manager, actor, s, e.purpose, on);
          break;
        case 'extend':
          // LTC art. 30(2): each extension adds up to 30 days to the resolution period.
          await deadlines.changeFlags(manager, actor, s, {
            ...this.track.deadlineOptions(c),
            extensions: e.extensions,
          });
          break;
      }
    }
  }

  /** Every step of every case passes here, its opening included: the one place a step is logged. */
  private logStep(manager: EntityManager, actor: Actor, c: C, e: Omit<CaseStepRecord, 'toState'>) {
    return appendCaseEvent(manager, this.track.eventEntity, this.track.eventTable, actor, c.id, {
      ...e,
      toState: c.state,
    });
  }
}
