import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import {
  appendCaseEvent,
  assertHandler,
  caseInScope,
  nextCaseNumber,
  noticePending,
  caseHistory,
  lockCaseAt,
  setCaseTarget,
  workListPage,
  type CaseAccess,
  type CaseStepRecord,
  reassignCase,
} from '../cases/case-records.js';
import { CaseErrors } from '../cases/cases.errors.js';
import { EnforcementService } from '../enforcement/enforcement.service.js';
import type { AssignCaseDto, InternalTargetDto } from '../complaints/dto/complaint-case.dto.js';
import { ProtectedText } from '../identity/protected-text.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import { compareLocalDates, yearOf, type LocalDate } from '../common/domain/local-date.js';
import type { Page } from '../common/http/page.dto.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { searchFold } from '../common/domain/vietnamese-text.js';
import type { LetterEntity } from '../letters/entities/letter.entity.js';
import { unitInScope } from '../units/unit-scope.js';
import {
  allowedDenunciationEvents,
  initialEffects,
  transitionDenunciation,
  type DenunciationEffect,
  type DenunciationEvent,
  type DenunciationFacts,
  type DenunciationTrack,
} from './domain/denunciation-lifecycle.js';
import type {
  ComplexityDto,
  DenunciationCaseView,
  DenunciationSummaryView,
  DenunciationTransitionDto,
  ListDenunciationCasesQueryDto,
} from './dto/denunciation-case.dto.js';
import { DenunciationCaseEventEntity } from './entities/denunciation-case-event.entity.js';
import { DenunciationCaseEntity } from './entities/denunciation-case.entity.js';

export const DENUNCIATION_CASE_SUBJECT = 'denunciation_case';

/** The head's decisions (`cases:manage`); the rest are the handler's (`cases:handle`). */
const MANAGE_EVENTS: readonly DenunciationEvent[] = [
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
];

/** Steps whose act is a numbered decision or notice. */
const NEEDS_DOCUMENT: readonly DenunciationEvent[] = [
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
];

/** Steps that must say why (an extension decision states its reason: NĐ 31 art. 3(4), Mẫu 01). */
const NEEDS_NOTE: readonly DenunciationEvent[] = ['extend', 'suspend', 'withdraw', 'terminate'];

/** Steps after which the head who took them may see the denouncer (they accepted the case). */
const ACCEPTING: readonly DenunciationEvent[] = ['accept', 'review_re_resolve', 'take_over'];

const subject = (id: string) => ({ subjectType: DENUNCIATION_CASE_SUBJECT, subjectId: id });

function facts(c: DenunciationCaseEntity, pendingNotice = false): DenunciationFacts {
  return {
    noticePending: pendingNotice,
    track: c.track,
    state: c.state,
    suspendedFrom: c.suspendedFrom,
    complexity: c.complexity,
    extensions: c.extensions,
    conclusionSent: c.conclusionSent,
    conclusionHandled: c.conclusionHandled,
  };
}

function audited(c: DenunciationCaseEntity) {
  const { createdAt: _c, updatedAt: _u, letter: _l, unit: _un, handler: _h, originalCase: _o, ...fields } = c;
  return fields;
}

const REDACTED_TEXT = ['subject', 'searchText'];

function toSummary(c: DenunciationCaseEntity, nextDue: string | null): DenunciationSummaryView {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    letterId: c.letterId,
    unitId: c.unitId,
    handlerUserId: c.handlerUserId,
    track: c.track,
    state: c.state,
    subject: c.subject,
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    concludedOn: c.concludedOn,
    nextDue,
    complexity: c.complexity,
    extensions: c.extensions,
    version: c.version,
  };
}

/**
 * Denunciation cases: opened from an accepted denunciation letter (or anonymous information), driven
 * through the pure lifecycle with deadlines as records, one transaction and one audit entry per step, and
 * an optimistic lock. The case never holds the denouncer's identity.
 */
@Injectable()
export class DenunciationCasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly deadlines: CaseDeadlinesService,
    private readonly enforcement: EnforcementService,
    private readonly clock: Clock,
    private readonly protectedText: ProtectedText,
  ) {}

  async openFromLetter(
    manager: EntityManager,
    actor: Actor,
    letter: LetterEntity,
    input: { track: DenunciationTrack; handlerUserId: string | null; date: LocalDate; legalBasis: string },
  ): Promise<DenunciationCaseEntity> {
    if (input.handlerUserId) await this.checkHandler(manager, letter.unitId, input.handlerUserId);
    const id = uuid7();
    const caseNumber = await nextCaseNumber(manager, 'TC', yearOf(letter.receivedOn));
    // The letter's subject is its redacted copy; cut out once more whatever the matcher finds now.
    const subject = (await this.protectedText.redactFor(manager, 'letter', letter.id, letter.subject)).slice(
      0,
      500,
    );
    const row = manager.create(DenunciationCaseEntity, {
      id,
      caseNumber,
      letterId: letter.id,
      unitId: letter.unitId,
      handlerUserId: input.handlerUserId,
      track: input.track,
      state: 'received',
      suspendedFrom: null,
      originalCaseId: input.track.startsWith('redenunciation') ? letter.previousCaseId : null,
      subject,
      searchText: searchFold(`${caseNumber} ${subject}`, 600),
      receivedOn: letter.receivedOn,
      acceptedOn: null,
      acceptedByUserId: null,
      concludedOn: null,
      conclusionRef: null,
      conclusionOutcome: null,
      complexity: 'normal',
      complexityReason: null,
      complexitySetByUserId: null,
      extensions: 0,
      conclusionSent: false,
      conclusionHandled: false,
      withdrawn: false,
      version: 1,
    });
    await manager.insert(DenunciationCaseEntity, row);
    await this.insertEvent(manager, actor, row, {
      event: 'received',
      fromState: null,
      date: input.date,
      documentRef: null,
      legalBasis: input.legalBasis,
      note: null,
    });
    await this.applyEffects(manager, actor, row, initialEffects(input.track, letter.receivedOn), input.date);
    await this.audit.record(manager, actor, {
      action: 'create',
      entityType: 'denunciation_case',
      entityId: id,
      unitId: row.unitId,
      changes: diffChanges(null, audited(row), REDACTED_TEXT),
    });
    return row;
  }

  async transition(actor: Actor, id: string, dto: DenunciationTransitionDto): Promise<DenunciationCaseView> {
    if (MANAGE_EVENTS.includes(dto.event) && !actor.permissions.has('cases:manage')) {
      throw CaseErrors.stepNeedsManage(dto.event);
    }
    const problems: DomainErrorDetail[] = [];
    if (NEEDS_DOCUMENT.includes(dto.event) && !dto.documentRef) {
      problems.push({ field: 'documentRef', message: `is required for the step ${dto.event}` });
    }
    if (NEEDS_NOTE.includes(dto.event) && !dto.note) {
      problems.push({ field: 'note', message: `must say why for the step ${dto.event}` });
    }
    if ((dto.event === 'conclude') !== Boolean(dto.outcome)) {
      problems.push({ field: 'outcome', message: 'is required for, and only for, the step conclude' });
    }
    if (dto.event !== 'withdraw' && dto.signsOfViolation !== undefined) {
      problems.push({ field: 'signsOfViolation', message: 'is only for the step withdraw' });
    }
    if (compareLocalDates(dto.date, this.clock.today()) > 0) {
      problems.push({ field: 'date', message: 'must not be in the future' });
    }
    if (problems.length > 0) throw CaseErrors.invalid(problems);

    return transactionWithRetry(this.dataSource, async (manager) => {
      const access = MANAGE_EVENTS.includes(dto.event) ? 'head' : 'handler';
      const c = await this.lockCase(manager, actor, id, dto.version, access, dto.event);
      // Step notes are shown to every reader of the case: never the denouncer (issue 14, finding 4).
      await this.protectedText.requireClean(manager, 'denunciation_case', c.id, {
        note: dto.note,
        legalBasis: dto.legalBasis,
        documentRef: dto.documentRef,
      });
      const last = await manager
        .getRepository(DenunciationCaseEventEntity)
        .createQueryBuilder('e')
        .where('e.case_id = :id', { id: c.id })
        .orderBy('e.sequence', 'DESC')
        .getOne();
      if (last && compareLocalDates(dto.date, last.eventDate) < 0) {
        throw CaseErrors.invalid([
          { field: 'date', message: `must not be before the previous step (${last.eventDate})` },
        ]);
      }
      const before = audited(c);
      const pending = await noticePending(manager, DENUNCIATION_CASE_SUBJECT, c.id);
      const result = transitionDenunciation(facts(c, pending), {
        event: dto.event,
        date: dto.date,
        signsOfViolation: dto.signsOfViolation,
      });
      const next: Partial<DenunciationCaseEntity> = {
        state: result.to,
        suspendedFrom: result.suspendedFrom,
        version: c.version + 1,
        ...result.set,
      };
      // How and when it ended without a decision, and its first withdrawal: what the reports count.
      if (result.to === 'terminated' && result.from !== 'terminated') {
        next.terminatedOn = dto.date;
        next.terminatedBy = dto.event;
      }
      if (dto.event === 'withdraw' && c.withdrawnOn === null) next.withdrawnOn = dto.date;
      if (ACCEPTING.includes(dto.event)) {
        next.acceptedOn = dto.date;
        next.acceptedByUserId = actor.userId;
      }
      if (dto.event === 'conclude') {
        next.concludedOn = dto.date;
        next.conclusionRef = dto.documentRef ?? null;
        next.conclusionOutcome = dto.outcome ?? null;
      }
      Object.assign(c, next);
      await manager.update(DenunciationCaseEntity, { id: c.id }, next);
      await this.applyEffects(manager, actor, c, result.effects, dto.date);
      if (dto.event === 'conclude') {
        // TC-6 / TC-9: the conclusion is handled and its implementation followed (docs/enforcement.md).
        await this.enforcement.openFor(manager, actor, {
          subjectType: 'denunciation_case',
          subjectId: c.id,
          unitId: c.unitId,
          title: `${c.caseNumber} — ${c.subject}`.slice(0, 600),
          decisionRef: c.conclusionRef,
          openedOn: dto.date,
        });
      }
      if (c.track === 'denunciation' && (dto.event === 'accept' || dto.event === 'refuse')) {
        // The letter's initial processing (TC-1 / XLD-2) ends with this decision (LTC arts. 24(1), 29).
        await this.deadlines.settle(
          manager,
          actor,
          { subjectType: 'letter', subjectId: c.letterId },
          'processing',
          'done',
          dto.date,
        );
      }
      await this.insertEvent(manager, actor, c, {
        event: dto.event,
        fromState: result.from,
        date: dto.date,
        documentRef: dto.documentRef ?? null,
        legalBasis: dto.legalBasis,
        note: dto.note ?? null,
      });
      await this.audit.record(manager, actor, {
        action: `case.${dto.event}`,
        entityType: 'denunciation_case',
        entityId: c.id,
        unitId: c.unitId,
        changes: diffChanges(before, audited(c), REDACTED_TEXT),
      });
      return this.view(manager, c);
    });
  }

  /** The written determination of complexity (NĐ 31 art. 3), which sets how many extensions are allowed. */
  async setComplexity(actor: Actor, id: string, dto: ComplexityDto): Promise<DenunciationCaseView> {
    if (dto.complexity !== 'normal' && !dto.reason) {
      throw CaseErrors.invalid([
        { field: 'reason', message: 'is required: the written determination (NĐ 31 art. 3)' },
      ]);
    }
    return transactionWithRetry(this.dataSource, async (manager) => {
      const c = await this.lockCase(manager, actor, id, dto.version);
      await this.protectedText.requireClean(manager, 'denunciation_case', c.id, { reason: dto.reason });
      if (dto.complexity === 'normal' && c.extensions > 0) {
        throw CaseErrors.invalid([{ field: 'complexity', message: 'the case has already been extended' }]);
      }
      if (dto.complexity === 'complicated' && c.extensions > 1) {
        throw CaseErrors.invalid([
          { field: 'complexity', message: 'the case has already been extended twice' },
        ]);
      }
      const before = audited(c);
      const next = {
        complexity: dto.complexity,
        complexityReason: dto.reason ?? null,
        complexitySetByUserId: actor.userId,
        version: c.version + 1,
      };
      await manager.update(DenunciationCaseEntity, { id: c.id }, next);
      Object.assign(c, next);
      await this.audit.record(manager, actor, {
        action: 'complexity',
        entityType: 'denunciation_case',
        entityId: c.id,
        unitId: c.unitId,
        changes: diffChanges(before, audited(c), REDACTED_TEXT),
      });
      return this.view(manager, c);
    });
  }

  async assign(actor: Actor, id: string, dto: AssignCaseDto): Promise<DenunciationCaseView> {
    if (dto.unitId === undefined && dto.handlerUserId === undefined) {
      throw CaseErrors.invalid([{ field: 'handlerUserId', message: 'give handlerUserId or unitId' }]);
    }
    return transactionWithRetry(this.dataSource, async (manager) => {
      const c = await this.lockCase(manager, actor, id, dto.version);
      await this.protectedText.requireClean(manager, 'denunciation_case', c.id, { reason: dto.reason });
      await reassignCase(
        manager,
        actor,
        { deadlines: this.deadlines, audit: this.audit },
        c,
        {
          caseEntity: DenunciationCaseEntity,
          subjectType: DENUNCIATION_CASE_SUBJECT,
          deadlineOptions: (d) => ({ extensions: d.extensions }),
          audited,
          sensitiveFields: REDACTED_TEXT,
        },
        dto,
      );
      return this.view(manager, c);
    });
  }

  async setInternalTarget(
    actor: Actor,
    id: string,
    deadlineId: string,
    dto: InternalTargetDto,
  ): Promise<DenunciationCaseView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const c = await this.lockCase(manager, actor, id, dto.version);
      await setCaseTarget(
        manager,
        actor,
        { deadlines: this.deadlines, audit: this.audit },
        c,
        { caseEntity: DenunciationCaseEntity, subjectType: DENUNCIATION_CASE_SUBJECT },
        deadlineId,
        dto.target ?? null,
      );
      return this.view(manager, c);
    });
  }

  async get(actor: Actor, id: string): Promise<DenunciationCaseView> {
    const c = await caseInScope(
      this.dataSource.manager,
      DenunciationCaseEntity,
      actor,
      id,
      CaseErrors.notFound,
    );
    return this.view(this.dataSource.manager, c);
  }

  async list(actor: Actor, query: ListDenunciationCasesQueryDto): Promise<Page<DenunciationSummaryView>> {
    if (query.unitId) {
      await unitInScope(this.dataSource.manager, actor, query.unitId, () =>
        CaseErrors.invalid([{ field: 'unitId', message: 'is not a unit you may see' }]),
      );
    }
    const { rows, total } = await workListPage(
      this.dataSource,
      'denunciation_cases',
      DENUNCIATION_CASE_SUBJECT,
      actor,
      query,
      this.clock.today(),
    );
    const found = rows.length
      ? await this.dataSource.getRepository(DenunciationCaseEntity).findBy({ id: In(rows.map((r) => r.id)) })
      : [];
    const byId = new Map(found.map((c) => [c.id, c]));
    return {
      items: rows.map((r) => toSummary(byId.get(r.id)!, r.next_due)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  private async applyEffects(
    manager: EntityManager,
    actor: Actor,
    c: DenunciationCaseEntity,
    effects: DenunciationEffect[],
    on: LocalDate,
  ) {
    for (const e of effects) {
      const s = subject(c.id);
      if (e.kind === 'open') {
        await this.deadlines.open(manager, actor, {
          ...s,
          unitId: c.unitId,
          purpose: e.purpose,
          ruleId: e.ruleId,
          trigger: e.trigger,
          options: { extensions: c.extensions },
        });
      } else if (e.kind === 'settle') {
        await this.deadlines.settle(
          manager,
          actor,
          s,
          e.purpose,
          e.outcome === 'met' ? 'done' : 'cancelled',
          on,
        );
      } else if (e.kind === 'pause') {
        await this.deadlines.pause(manager, actor, s, e.purpose, on);
      } else if (e.kind === 'resume') {
        await this.deadlines.resume(manager, actor, s, e.purpose, on);
      } else {
        // LTC art. 30(2): each extension adds up to 30 days to the resolution period.
        await this.deadlines.changeFlags(manager, actor, s, { extensions: e.extensions });
      }
    }
  }

  private insertEvent(
    manager: EntityManager,
    actor: Actor,
    c: DenunciationCaseEntity,
    e: Omit<CaseStepRecord, 'toState'>,
  ) {
    return appendCaseEvent(manager, DenunciationCaseEventEntity, 'denunciation_case_events', actor, c.id, {
      ...e,
      toState: c.state,
    });
  }

  private lockCase(
    manager: EntityManager,
    actor: Actor,
    id: string,
    version: number,
    access: CaseAccess = 'manage',
    event?: string,
  ) {
    return lockCaseAt(manager, DenunciationCaseEntity, actor, id, version, access, event);
  }

  private checkHandler(manager: EntityManager, unitId: string, userId: string) {
    return assertHandler(manager, unitId, userId, CaseErrors.handlerInvalid);
  }

  private async view(manager: EntityManager, c: DenunciationCaseEntity): Promise<DenunciationCaseView> {
    const history = await caseHistory(manager, DenunciationCaseEventEntity, this.deadlines, subject(c.id));
    return {
      ...toSummary(c, history.nextDue),
      suspendedFrom: c.suspendedFrom,
      originalCaseId: c.originalCaseId,
      acceptedByUserId: c.acceptedByUserId,
      conclusionRef: c.conclusionRef,
      conclusionOutcome: c.conclusionOutcome,
      complexityReason: c.complexityReason,
      complexitySetByUserId: c.complexitySetByUserId,
      conclusionSent: c.conclusionSent,
      conclusionHandled: c.conclusionHandled,
      withdrawn: c.withdrawn,
      events: history.events,
      deadlines: history.deadlines,
      nextSteps: allowedDenunciationEvents(facts(c, history.noticePending), this.clock.today()),
    };
  }
}
