import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import { CaseKernel, type CaseStepContext } from '../cases/case-kernel.js';
import { CaseErrors } from '../cases/cases.errors.js';
import { EnforcementService } from '../enforcement/enforcement.service.js';
import type { AssignCaseDto, InternalTargetDto } from '../complaints/dto/complaint-case.dto.js';
import { ProtectedText } from '../identity/protected-text.js';
import { Clock } from '../common/clock.js';
import type { LocalDate } from '../common/domain/local-date.js';
import type { Page } from '../common/http/page.dto.js';
import type { LetterEntity } from '../letters/entities/letter.entity.js';
import {
  DENUNCIATION_LIFECYCLE,
  initialEffects,
  type DenunciationEvent,
  type DenunciationFacts,
  type DenunciationResult,
  type DenunciationStep,
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
import type { AssignmentPreviewDto, AssignmentPreviewView } from '../cases/dto/assignment-preview.dto.js';

export const DENUNCIATION_CASE_SUBJECT = 'denunciation_case';

/** Steps after which the head who took them may see the denouncer (they accepted the case). */
const ACCEPTING: readonly DenunciationEvent[] = ['accept', 'review_re_resolve', 'take_over'];

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

/** What a denunciation step changes on the row besides its state (the kernel keeps the end dates). */
function stepChanges(
  step: DenunciationStep,
  result: DenunciationResult,
  _c: DenunciationCaseEntity,
  actor: Actor,
): Partial<DenunciationCaseEntity> {
  const next: Partial<DenunciationCaseEntity> = { ...result.set };
  if (ACCEPTING.includes(step.event)) {
    next.acceptedOn = step.date;
    next.acceptedByUserId = actor.userId;
  }
  if (step.event === 'conclude') {
    next.concludedOn = step.date;
    next.conclusionRef = step.documentRef ?? null;
    next.conclusionOutcome = step.outcome ?? null;
  }
  return next;
}

type DenunciationStepContext = CaseStepContext<DenunciationCaseEntity, DenunciationStep, DenunciationResult>;

/**
 * Denunciation cases: opened from an accepted denunciation letter (or anonymous information), driven
 * through the pure lifecycle by the case kernel (cases/case-kernel.ts) with deadlines as records, one
 * transaction and one audit entry per step, and an optimistic lock. The case never holds the denouncer's
 * identity. What is a denunciation's own: its complexity (how many extensions), who accepted it, the
 * follow-up its conclusion starts, and the letter's processing its acceptance ends.
 */
@Injectable()
export class DenunciationCasesService {
  private readonly kernel: CaseKernel<
    DenunciationCaseEntity,
    DenunciationFacts,
    DenunciationEvent,
    DenunciationStep,
    DenunciationResult,
    DenunciationSummaryView,
    DenunciationCaseView
  >;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
    private readonly deadlines: CaseDeadlinesService,
    private readonly enforcement: EnforcementService,
    clock: Clock,
    private readonly protectedText: ProtectedText,
  ) {
    this.kernel = new CaseKernel(
      { dataSource, audit, deadlines, clock, protectedText },
      {
        subjectType: DENUNCIATION_CASE_SUBJECT,
        numberPrefix: 'TC',
        caseEntity: DenunciationCaseEntity,
        caseTable: 'denunciation_cases',
        eventEntity: DenunciationCaseEventEntity,
        eventTable: 'denunciation_case_events',
        lifecycle: DENUNCIATION_LIFECYCLE,
        facts,
        deadlineOptions: (c) => ({ extensions: c.extensions }),
        audited,
        sensitiveFields: ['subject', 'searchText'],
        stepChanges,
        afterStep: (ctx) => this.afterStep(ctx),
        toSummary,
        toView: (c, parts) => ({
          ...toSummary(c, parts.nextDue),
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
          events: parts.events,
          deadlines: parts.deadlines,
          nextSteps: parts.nextSteps,
        }),
      },
    );
  }

  openFromLetter(
    manager: EntityManager,
    actor: Actor,
    letter: LetterEntity,
    input: { track: DenunciationTrack; handlerUserId: string | null; date: LocalDate; legalBasis: string },
  ): Promise<DenunciationCaseEntity> {
    return this.kernel.open(manager, actor, letter, {
      handlerUserId: input.handlerUserId,
      date: input.date,
      legalBasis: input.legalBasis,
      fields: {
        track: input.track,
        originalCaseId: input.track.startsWith('redenunciation') ? letter.previousCaseId : null,
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
      },
      effects: initialEffects(input.track, letter.receivedOn),
    });
  }

  transition(actor: Actor, id: string, dto: DenunciationTransitionDto): Promise<DenunciationCaseView> {
    return this.kernel.transition(actor, id, dto);
  }

  /** The written determination of complexity (NĐ 31 art. 3), which sets how many extensions are allowed. */
  setComplexity(actor: Actor, id: string, dto: ComplexityDto): Promise<DenunciationCaseView> {
    if (dto.complexity !== 'normal' && !dto.reason) {
      throw CaseErrors.invalid([
        { field: 'reason', message: 'is required: the written determination (NĐ 31 art. 3)' },
      ]);
    }
    return this.kernel.change(actor, id, dto.version, 'complexity', {
      changes: async (manager, c) => {
        await this.protectedText.requireClean(manager, 'denunciation_case', c.id, { reason: dto.reason });
        if (dto.complexity === 'normal' && c.extensions > 0) {
          throw CaseErrors.invalid([{ field: 'complexity', message: 'the case has already been extended' }]);
        }
        if (dto.complexity === 'complicated' && c.extensions > 1) {
          throw CaseErrors.invalid([
            { field: 'complexity', message: 'the case has already been extended twice' },
          ]);
        }
        return {
          complexity: dto.complexity,
          complexityReason: dto.reason ?? null,
          complexitySetByUserId: actor.userId,
        };
      },
    });
  }

  assign(actor: Actor, id: string, dto: AssignCaseDto): Promise<DenunciationCaseView> {
    return this.kernel.assign(actor, id, dto);
  }

  /** What a reassignment would do (deadlines on the new unit's calendar), nothing written. */
  previewAssignment(actor: Actor, id: string, dto: AssignmentPreviewDto): Promise<AssignmentPreviewView> {
    return this.kernel.previewAssignment(actor, id, dto);
  }

  setInternalTarget(
    actor: Actor,
    id: string,
    deadlineId: string,
    dto: InternalTargetDto,
  ): Promise<DenunciationCaseView> {
    return this.kernel.setInternalTarget(actor, id, deadlineId, dto);
  }

  get(actor: Actor, id: string): Promise<DenunciationCaseView> {
    return this.kernel.get(actor, id);
  }

  list(actor: Actor, query: ListDenunciationCasesQueryDto): Promise<Page<DenunciationSummaryView>> {
    return this.kernel.list(actor, query);
  }

  // ── what only denunciation steps do ─────────────────────────────────────────────────────────

  private async afterStep({ manager, actor, c, step }: DenunciationStepContext): Promise<void> {
    if (step.event === 'conclude') {
      // TC-6 / TC-9: the conclusion is handled and its implementation followed (docs/enforcement.md).
      await this.enforcement.openFor(manager, actor, {
        subjectType: 'denunciation_case',
        subjectId: c.id,
        unitId: c.unitId,
        title: `${c.caseNumber} — ${c.subject}`.slice(0, 600),
        decisionRef: c.conclusionRef,
        openedOn: step.date,
      });
    }
    if (c.track === 'denunciation' && (step.event === 'accept' || step.event === 'refuse')) {
      // The letter's initial processing (TC-1 / XLD-2) ends with this decision (LTC arts. 24(1), 29).
      await this.deadlines.settle(
        manager,
        actor,
        { subjectType: 'letter', subjectId: c.letterId },
        'processing',
        'done',
        step.date,
      );
    }
  }
}
