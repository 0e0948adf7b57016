import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import { ProtectedText } from '../identity/protected-text.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import { addDays, compareLocalDates, yearOf, type LocalDate } from '../common/domain/local-date.js';
import type { Page } from '../common/http/page.dto.js';
import { uuid7 } from '../common/ids/uuid7.js';
import type { DeadlineOptions } from '../deadlines/domain/deadline-engine.js';
import type { LetterEntity } from '../letters/entities/letter.entity.js';
import { searchFold } from '../common/domain/vietnamese-text.js';
import { unitInScope } from '../units/unit-scope.js';
import { CaseErrors } from '../cases/cases.errors.js';
import { EnforcementService } from '../enforcement/enforcement.service.js';
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
import {
  allowedComplaintEvents,
  transitionComplaint,
  type ComplaintCaseFacts,
  type ComplaintEvent,
  type ComplaintTrack,
  type DeadlineEffect,
} from './domain/complaint-lifecycle.js';
import type {
  AssignCaseDto,
  CaseFlagsDto,
  CaseSummaryView,
  CaseView,
  InternalTargetDto,
  ListCasesQueryDto,
  TransitionDto,
} from './dto/complaint-case.dto.js';
import { ComplaintCaseEventEntity } from './entities/complaint-case-event.entity.js';
import { ComplaintCaseEntity } from './entities/complaint-case.entity.js';

export const COMPLAINT_CASE_SUBJECT = 'complaint_case';

/**
 * Steps that are decisions of the head of the resolving unit (`cases:manage`): accepting or refusing,
 * deciding, suspending and continuing, ending the case. The others (verification, dialogue, sending,
 * recording legal effect) are the handler's (`cases:handle`).
 */
const MANAGE_EVENTS: readonly ComplaintEvent[] = [
  'accept',
  'refuse',
  'decide',
  'suspend',
  'continue',
  'withdraw_partially',
  'withdraw',
  'terminate',
  'hand_to_enforcement',
];

/** Steps whose act is a numbered document (notice or decision): its number is required. */
const NEEDS_DOCUMENT: readonly ComplaintEvent[] = [
  'accept',
  'refuse',
  'decide',
  'suspend',
  'continue',
  'terminate',
];

/** Steps that must say why. */
const NEEDS_NOTE: readonly ComplaintEvent[] = ['suspend', 'terminate', 'withdraw', 'withdraw_partially'];

const subject = (id: string) => ({ subjectType: COMPLAINT_CASE_SUBJECT, subjectId: id });

function facts(c: ComplaintCaseEntity, pendingNotice = false): ComplaintCaseFacts {
  return {
    noticePending: pendingNotice,
    track: c.track,
    state: c.state,
    suspendedFrom: c.suspendedFrom,
    dialogueHeld: c.dialogueHeld,
    legalEffectFrom: c.legalEffectFrom,
  };
}

function flagsOf(c: ComplaintCaseEntity): DeadlineOptions {
  return { remote: c.remote, complicated: c.complicated };
}

function audited(c: ComplaintCaseEntity) {
  const { createdAt: _c, updatedAt: _u, letter: _l, unit: _un, handler: _h, previousCase: _p, ...fields } = c;
  return fields;
}

function toSummary(c: ComplaintCaseEntity, nextDue: string | null): CaseSummaryView {
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
    decidedOn: c.decidedOn,
    nextDue,
    remote: c.remote,
    complicated: c.complicated,
    version: c.version,
  };
}

/**
 * Complaint cases: opened from an accepted letter, driven step by step through the pure lifecycle, with
 * every deadline a case_deadlines row moved in the same transaction as the step, every step an event row
 * and an audit entry, and an optimistic lock on the case (409 with the current version).
 */
@Injectable()
export class ComplaintCasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly deadlines: CaseDeadlinesService,
    private readonly enforcement: EnforcementService,
    private readonly clock: Clock,
    private readonly protectedText: ProtectedText,
  ) {}

  /** Makes the case of an accepted letter, in the letter's transaction (state `received`, KN-2/KL-3 open). */
  async openFromLetter(
    manager: EntityManager,
    actor: Actor,
    letter: LetterEntity,
    input: { track: ComplaintTrack; handlerUserId: string | null; date: LocalDate; legalBasis: string },
  ): Promise<ComplaintCaseEntity> {
    if (input.handlerUserId) await this.checkHandler(manager, letter.unitId, input.handlerUserId);
    const id = uuid7();
    const caseNumber = await nextCaseNumber(manager, 'KN', yearOf(letter.receivedOn));
    // A complaint from a mixed letter: its subject is the redacted copy, cut once more (issue 14).
    const subject = (await this.protectedText.redactFor(manager, 'letter', letter.id, letter.subject)).slice(
      0,
      500,
    );
    const row = manager.create(ComplaintCaseEntity, {
      id,
      caseNumber,
      letterId: letter.id,
      unitId: letter.unitId,
      handlerUserId: input.handlerUserId,
      track: input.track,
      state: 'received',
      suspendedFrom: null,
      dialogueHeld: false,
      previousCaseId: letter.previousCaseId,
      subject,
      searchText: searchFold(`${caseNumber} ${subject}`, 600),
      receivedOn: letter.receivedOn,
      acceptedOn: null,
      decidedOn: null,
      decisionRef: null,
      decisionOutcome: null,
      legalEffectFrom: null,
      remote: false,
      remoteReason: null,
      remoteSetByUserId: null,
      complicated: false,
      complicatedReason: null,
      complicatedSetByUserId: null,
      version: 1,
    });
    await manager.insert(ComplaintCaseEntity, row);
    await this.insertEvent(manager, actor, row, {
      event: 'received',
      fromState: null,
      date: input.date,
      documentRef: null,
      legalBasis: input.legalBasis,
      note: null,
    });
    await this.applyEffects(manager, actor, row, [
      {
        kind: 'open',
        purpose: 'acceptance',
        ruleId: input.track.startsWith('disciplinary') ? 'KL-3' : 'KN-2',
        trigger: letter.receivedOn,
      },
    ]);
    await this.audit.record(manager, actor, {
      action: 'create',
      entityType: 'complaint_case',
      entityId: id,
      unitId: row.unitId,
      changes: diffChanges(null, audited(row), ['subject', 'searchText']),
    });
    if (letter.previousCaseId)
      await this.supersedeFirstCase(manager, actor, letter.previousCaseId, input.date);
    return row;
  }

  async transition(actor: Actor, id: string, dto: TransitionDto): Promise<CaseView> {
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
    if ((dto.event === 'decide') !== Boolean(dto.outcome)) {
      problems.push({ field: 'outcome', message: 'is required for, and only for, the step decide' });
    }
    if (compareLocalDates(dto.date, this.clock.today()) > 0) {
      problems.push({ field: 'date', message: 'must not be in the future' });
    }
    if (dto.event === 'second_complaint_lodged') {
      problems.push({ field: 'event', message: 'is recorded when the second-time complaint is accepted' });
    }
    if (problems.length > 0) throw CaseErrors.invalid(problems);

    return transactionWithRetry(this.dataSource, async (manager) => {
      const access = MANAGE_EVENTS.includes(dto.event) ? 'head' : 'handler';
      const c = await this.lockCase(manager, actor, id, dto.version, access, dto.event);
      // A complaint made from a mixed letter: its notes never name the denouncer (issue 14).
      await this.protectedText.requireClean(manager, 'complaint_case', c.id, {
        note: dto.note,
        legalBasis: dto.legalBasis,
        documentRef: dto.documentRef,
      });
      await this.step(manager, actor, c, dto);
      return this.view(manager, c);
    });
  }

  async setFlags(actor: Actor, id: string, dto: CaseFlagsDto): Promise<CaseView> {
    const problems: DomainErrorDetail[] = [];
    if (dto.remote === undefined && dto.complicated === undefined) {
      problems.push({ field: 'remote', message: 'give remote or complicated' });
    }
    if (dto.remote === true && !dto.remoteReason) {
      problems.push({
        field: 'remoteReason',
        message: 'is required: say why the area is remote (legal-reference §5.4)',
      });
    }
    if (dto.complicated === true && !dto.complicatedReason) {
      problems.push({
        field: 'complicatedReason',
        message: 'is required: the written determination of NĐ 124 art. 3a(2)',
      });
    }
    if (problems.length > 0) throw CaseErrors.invalid(problems);
    return transactionWithRetry(this.dataSource, async (manager) => {
      const c = await this.lockCase(manager, actor, id, dto.version);
      const before = audited(c);
      const next: Partial<ComplaintCaseEntity> = { version: c.version + 1 };
      if (dto.remote !== undefined) {
        Object.assign(next, {
          remote: dto.remote,
          remoteReason: dto.remote ? dto.remoteReason : null,
          remoteSetByUserId: actor.userId,
        });
      }
      if (dto.complicated !== undefined) {
        Object.assign(next, {
          complicated: dto.complicated,
          complicatedReason: dto.complicated ? dto.complicatedReason : null,
          complicatedSetByUserId: actor.userId,
        });
      }
      await manager.update(ComplaintCaseEntity, { id: c.id }, next);
      Object.assign(c, next);
      await this.deadlines.changeFlags(manager, actor, subject(c.id), flagsOf(c));
      await this.audit.record(manager, actor, {
        action: 'flags',
        entityType: 'complaint_case',
        entityId: c.id,
        unitId: c.unitId,
        changes: diffChanges(before, audited(c), ['subject', 'searchText']),
      });
      return this.view(manager, c);
    });
  }

  /** Assigns the case to a handler, or moves it to another resolving unit (deadlines follow its calendar). */
  async assign(actor: Actor, id: string, dto: AssignCaseDto): Promise<CaseView> {
    if (dto.unitId === undefined && dto.handlerUserId === undefined) {
      throw CaseErrors.invalid([{ field: 'handlerUserId', message: 'give handlerUserId or unitId' }]);
    }
    return transactionWithRetry(this.dataSource, async (manager) => {
      const c = await this.lockCase(manager, actor, id, dto.version);
      await this.protectedText.requireClean(manager, 'complaint_case', c.id, { reason: dto.reason });
      await reassignCase(
        manager,
        actor,
        { deadlines: this.deadlines, audit: this.audit },
        c,
        {
          caseEntity: ComplaintCaseEntity,
          subjectType: COMPLAINT_CASE_SUBJECT,
          deadlineOptions: flagsOf,
          audited,
          sensitiveFields: ['subject', 'searchText'],
        },
        dto,
      );
      return this.view(manager, c);
    });
  }

  /** An internal target beside a statutory deadline: never replaces it. */
  async setInternalTarget(
    actor: Actor,
    id: string,
    deadlineId: string,
    dto: InternalTargetDto,
  ): Promise<CaseView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const c = await this.lockCase(manager, actor, id, dto.version);
      await setCaseTarget(
        manager,
        actor,
        { deadlines: this.deadlines, audit: this.audit },
        c,
        { caseEntity: ComplaintCaseEntity, subjectType: COMPLAINT_CASE_SUBJECT },
        deadlineId,
        dto.target ?? null,
      );
      return this.view(manager, c);
    });
  }

  async get(actor: Actor, id: string): Promise<CaseView> {
    const manager = this.dataSource.manager;
    const c = await caseInScope(manager, ComplaintCaseEntity, actor, id, CaseErrors.notFound);
    return this.view(manager, c);
  }

  /** Work lists: mine or my units', by state, track, due this week or overdue, searched without diacritics. */
  async list(actor: Actor, query: ListCasesQueryDto): Promise<Page<CaseSummaryView>> {
    if (query.unitId) {
      await unitInScope(this.dataSource.manager, actor, query.unitId, () =>
        CaseErrors.invalid([{ field: 'unitId', message: 'is not a unit you may see' }]),
      );
    }
    const { rows, total } = await workListPage(
      this.dataSource,
      'complaint_cases',
      COMPLAINT_CASE_SUBJECT,
      actor,
      query,
      this.clock.today(),
    );
    const found = rows.length
      ? await this.dataSource.getRepository(ComplaintCaseEntity).findBy({ id: In(rows.map((r) => r.id)) })
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

  private async step(
    manager: EntityManager,
    actor: Actor,
    c: ComplaintCaseEntity,
    dto: Pick<TransitionDto, 'event' | 'date' | 'documentRef' | 'legalBasis' | 'note' | 'outcome'>,
  ): Promise<void> {
    const last = await manager
      .getRepository(ComplaintCaseEventEntity)
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
    const pending = await noticePending(manager, COMPLAINT_CASE_SUBJECT, c.id);
    const result = transitionComplaint(facts(c, pending), { event: dto.event, date: dto.date });
    const next: Partial<ComplaintCaseEntity> = {
      state: result.to,
      suspendedFrom: result.suspendedFrom,
      version: c.version + 1,
    };
    if (result.dialogueHeld) next.dialogueHeld = true;
    // How and when it ended without a decision, and its first withdrawal: what the reports count.
    if (result.to === 'terminated' && result.from !== 'terminated') {
      next.terminatedOn = dto.date;
      next.terminatedBy = dto.event;
    }
    if (dto.event === 'withdraw' && c.withdrawnOn === null) next.withdrawnOn = dto.date;
    if (dto.event === 'accept') next.acceptedOn = dto.date;
    if (dto.event === 'decide') {
      next.decidedOn = dto.date;
      next.decisionRef = dto.documentRef ?? null;
      next.decisionOutcome = dto.outcome ?? null;
    }
    Object.assign(c, next);
    await this.applyEffects(manager, actor, c, result.effects, dto.date);
    if (dto.event === 'decide') {
      // Legally effective from the day after the KN-9 / KL-6 period ends (LKN arts. 44, 57).
      const legal = (await this.deadlines.listForSubject(manager, subject(c.id))).find(
        (d) => d.purpose === 'legal_effect' && d.status === 'open',
      );
      c.legalEffectFrom = legal ? addDays(legal.dueDate, 1) : null;
      next.legalEffectFrom = c.legalEffectFrom;
    }
    await manager.update(ComplaintCaseEntity, { id: c.id }, next);
    if (dto.event === 'become_legally_effective') {
      // KN-11: a legally effective decision is enforced; its follow-up opens with it (docs/enforcement.md).
      await this.enforcement.openFor(manager, actor, {
        subjectType: 'complaint_case',
        subjectId: c.id,
        unitId: c.unitId,
        title: `${c.caseNumber} — ${c.subject}`.slice(0, 600),
        decisionRef: c.decisionRef,
        openedOn: dto.date,
      });
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
      entityType: 'complaint_case',
      entityId: c.id,
      unitId: c.unitId,
      changes: diffChanges(before, audited(c), ['subject', 'searchText']),
    });
  }

  private async applyEffects(
    manager: EntityManager,
    actor: Actor,
    c: ComplaintCaseEntity,
    effects: DeadlineEffect[],
    on?: LocalDate,
  ): Promise<void> {
    for (const e of effects) {
      switch (e.kind) {
        case 'open':
          await this.deadlines.open(manager, actor, {
            ...subject(c.id),
            unitId: c.unitId,
            purpose: e.purpose,
            ruleId: e.ruleId,
            trigger: e.trigger,
            options: flagsOf(c),
          });
          break;
        case 'settle':
          await this.deadlines.settle(
            manager,
            actor,
            subject(c.id),
            e.purpose,
            e.outcome === 'met' ? 'done' : 'cancelled',
            on!,
          );
          break;
        case 'pause':
          await this.deadlines.pause(manager, actor, subject(c.id), e.purpose, on!);
          break;
        case 'resume':
          await this.deadlines.resume(manager, actor, subject(c.id), e.purpose, on!);
          break;
      }
    }
  }

  /** The first-time case a second complaint was lodged against leaves its window (LKN art. 33). */
  private async supersedeFirstCase(manager: EntityManager, actor: Actor, caseId: string, on: LocalDate) {
    const first = await manager
      .getRepository(ComplaintCaseEntity)
      .createQueryBuilder('c')
      .where('c.id = :id', { id: caseId })
      .setLock('pessimistic_write')
      .getOne();
    if (!first || first.state !== 'second_complaint_window') return;
    await this.step(manager, actor, first, {
      event: 'second_complaint_lodged',
      date: on,
      documentRef: null,
      legalBasis: 'LKN 2011 art. 33(1)',
      note: null,
    });
  }

  private insertEvent(
    manager: EntityManager,
    actor: Actor,
    c: ComplaintCaseEntity,
    e: Omit<CaseStepRecord, 'toState'>,
  ) {
    return appendCaseEvent(manager, ComplaintCaseEventEntity, 'complaint_case_events', actor, c.id, {
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
    return lockCaseAt(manager, ComplaintCaseEntity, actor, id, version, access, event);
  }

  private checkHandler(manager: EntityManager, unitId: string, userId: string) {
    return assertHandler(manager, unitId, userId, CaseErrors.handlerInvalid);
  }

  private async view(manager: EntityManager, c: ComplaintCaseEntity): Promise<CaseView> {
    const history = await caseHistory(manager, ComplaintCaseEventEntity, this.deadlines, subject(c.id));
    return {
      ...toSummary(c, history.nextDue),
      suspendedFrom: c.suspendedFrom,
      dialogueHeld: c.dialogueHeld,
      previousCaseId: c.previousCaseId,
      decisionRef: c.decisionRef,
      decisionOutcome: c.decisionOutcome,
      legalEffectFrom: c.legalEffectFrom,
      remoteReason: c.remoteReason,
      remoteSetByUserId: c.remoteSetByUserId,
      complicatedReason: c.complicatedReason,
      complicatedSetByUserId: c.complicatedSetByUserId,
      events: history.events,
      deadlines: history.deadlines,
      nextSteps: allowedComplaintEvents(facts(c, history.noticePending), this.clock.today()).filter(
        (e) => e !== 'second_complaint_lodged',
      ),
    };
  }
}
