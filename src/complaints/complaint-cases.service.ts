import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import { CaseKernel, type CaseStepContext } from '../cases/case-kernel.js';
import { CaseErrors } from '../cases/cases.errors.js';
import { Clock } from '../common/clock.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import { addDays, type LocalDate } from '../common/domain/local-date.js';
import type { Page } from '../common/http/page.dto.js';
import type { DeadlineOptions } from '../deadlines/domain/deadline-engine.js';
import { EnforcementService } from '../enforcement/enforcement.service.js';
import { ProtectedText } from '../identity/protected-text.js';
import type { LetterEntity } from '../letters/entities/letter.entity.js';
import {
  COMPLAINT_LIFECYCLE,
  type ComplaintCaseFacts,
  type ComplaintEvent,
  type ComplaintStep,
  type ComplaintTrack,
  type TransitionResult,
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
import type { AssignmentPreviewDto, AssignmentPreviewView } from '../cases/dto/assignment-preview.dto.js';

export const COMPLAINT_CASE_SUBJECT = 'complaint_case';

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

/** What a complaint step changes on the row besides its state (the kernel keeps the end dates). */
function stepChanges(step: ComplaintStep, result: TransitionResult): Partial<ComplaintCaseEntity> {
  const next: Partial<ComplaintCaseEntity> = {};
  if (result.dialogueHeld) next.dialogueHeld = true;
  if (step.event === 'accept') next.acceptedOn = step.date;
  if (step.event === 'decide') {
    next.decidedOn = step.date;
    next.decisionRef = step.documentRef ?? null;
    next.decisionOutcome = step.outcome ?? null;
  }
  return next;
}

type ComplaintStepContext = CaseStepContext<ComplaintCaseEntity, ComplaintStep, TransitionResult>;

/**
 * Complaint cases: opened from an accepted letter, driven step by step through the pure lifecycle by the
 * case kernel (cases/case-kernel.ts), with every deadline a case_deadlines row moved in the same
 * transaction as the step, every step an event row and an audit entry, and an optimistic lock on the case
 * (409 with the current version). What is a complaint's own: its flags (remote, complicated), the legal
 * effect of its decision, the enforcement it starts, and the first case a second complaint supersedes.
 */
@Injectable()
export class ComplaintCasesService {
  private readonly kernel: CaseKernel<
    ComplaintCaseEntity,
    ComplaintCaseFacts,
    ComplaintEvent,
    ComplaintStep,
    TransitionResult,
    CaseSummaryView,
    CaseView
  >;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
    private readonly deadlines: CaseDeadlinesService,
    private readonly enforcement: EnforcementService,
    clock: Clock,
    protectedText: ProtectedText,
  ) {
    this.kernel = new CaseKernel(
      { dataSource, audit, deadlines, clock, protectedText },
      {
        subjectType: COMPLAINT_CASE_SUBJECT,
        numberPrefix: 'KN',
        caseEntity: ComplaintCaseEntity,
        caseTable: 'complaint_cases',
        eventEntity: ComplaintCaseEventEntity,
        eventTable: 'complaint_case_events',
        lifecycle: COMPLAINT_LIFECYCLE,
        facts,
        deadlineOptions: flagsOf,
        audited,
        sensitiveFields: ['subject', 'searchText'],
        stepChanges,
        afterEffects: (ctx) => this.legalEffect(ctx),
        afterStep: (ctx) => this.openEnforcement(ctx),
        toSummary,
        toView: (c, parts) => ({
          ...toSummary(c, parts.nextDue),
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
          events: parts.events,
          deadlines: parts.deadlines,
          nextSteps: parts.nextSteps,
        }),
      },
    );
  }

  /** Makes the case of an accepted letter, in the letter's transaction (state `received`, KN-2/KL-3 open). */
  async openFromLetter(
    manager: EntityManager,
    actor: Actor,
    letter: LetterEntity,
    input: { track: ComplaintTrack; handlerUserId: string | null; date: LocalDate; legalBasis: string },
  ): Promise<ComplaintCaseEntity> {
    const row = await this.kernel.open(manager, actor, letter, {
      handlerUserId: input.handlerUserId,
      date: input.date,
      legalBasis: input.legalBasis,
      fields: {
        track: input.track,
        dialogueHeld: false,
        previousCaseId: letter.previousCaseId,
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
      },
      effects: [
        {
          kind: 'open',
          purpose: 'acceptance',
          ruleId: input.track.startsWith('disciplinary') ? 'KL-3' : 'KN-2',
          trigger: letter.receivedOn,
        },
      ],
    });
    if (letter.previousCaseId)
      await this.supersedeFirstCase(manager, actor, letter.previousCaseId, input.date);
    return row;
  }

  transition(actor: Actor, id: string, dto: TransitionDto): Promise<CaseView> {
    return this.kernel.transition(actor, id, dto);
  }

  setFlags(actor: Actor, id: string, dto: CaseFlagsDto): Promise<CaseView> {
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
    return this.kernel.change(actor, id, dto.version, 'flags', {
      changes: async () => {
        const next: Partial<ComplaintCaseEntity> = {};
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
        return next;
      },
      after: async (manager, c) => {
        await this.deadlines.changeFlags(manager, actor, this.kernel.subject(c.id), flagsOf(c));
      },
    });
  }

  /** Assigns the case to a handler, or moves it to another resolving unit (deadlines follow its calendar). */
  assign(actor: Actor, id: string, dto: AssignCaseDto): Promise<CaseView> {
    return this.kernel.assign(actor, id, dto);
  }

  /** What a reassignment would do (deadlines on the new unit's calendar), nothing written. */
  previewAssignment(actor: Actor, id: string, dto: AssignmentPreviewDto): Promise<AssignmentPreviewView> {
    return this.kernel.previewAssignment(actor, id, dto);
  }

  /** An internal target beside a statutory deadline: never replaces it. */
  setInternalTarget(actor: Actor, id: string, deadlineId: string, dto: InternalTargetDto): Promise<CaseView> {
    return this.kernel.setInternalTarget(actor, id, deadlineId, dto);
  }

  get(actor: Actor, id: string): Promise<CaseView> {
    return this.kernel.get(actor, id);
  }

  /** Work lists: mine or my units', by state, track, due this week or overdue, searched without diacritics. */
  list(actor: Actor, query: ListCasesQueryDto): Promise<Page<CaseSummaryView>> {
    return this.kernel.list(actor, query);
  }

  // ── what only complaint steps do ────────────────────────────────────────────────────────────

  /** Legally effective from the day after the KN-9 / KL-6 period ends (LKN arts. 44, 57). */
  private async legalEffect({
    manager,
    c,
    step,
  }: ComplaintStepContext): Promise<Partial<ComplaintCaseEntity>> {
    if (step.event !== 'decide') return {};
    const legal = (await this.deadlines.listForSubject(manager, this.kernel.subject(c.id))).find(
      (d) => d.purpose === 'legal_effect' && d.status === 'open',
    );
    return { legalEffectFrom: legal ? addDays(legal.dueDate, 1) : null };
  }

  /** KN-11: a legally effective decision is enforced; its follow-up opens with it (docs/enforcement.md). */
  private async openEnforcement({ manager, actor, c, step }: ComplaintStepContext): Promise<void> {
    if (step.event !== 'become_legally_effective') return;
    await this.enforcement.openFor(manager, actor, {
      subjectType: 'complaint_case',
      subjectId: c.id,
      unitId: c.unitId,
      title: `${c.caseNumber} — ${c.subject}`.slice(0, 600),
      decisionRef: c.decisionRef,
      openedOn: step.date,
    });
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
    await this.kernel.step(manager, actor, first, {
      event: 'second_complaint_lodged',
      date: on,
      documentRef: null,
      // Shown to officers on the case's timeline as written: Vietnamese (LKN art. 33(1), KN-5).
      legalBasis: 'khoản 1 Điều 33 Luật Khiếu nại 02/2011/QH13',
      note: null,
    });
  }
}
