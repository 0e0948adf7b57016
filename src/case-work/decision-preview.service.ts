import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { CaseDeadlineEntity } from '../case-deadlines/case-deadline.entity.js';
import { Clock } from '../common/clock.js';
import { DeadlinePreviewService } from '../deadlines/deadline-preview.service.js';
import { decisionProblems, transferProblem } from '../letters/domain/letter-rules.js';
import { LetterEntity } from '../letters/entities/letter.entity.js';
import { LetterErrors } from '../letters/letters.errors.js';
import { letterSubject } from '../letters/letter-views.js';
import { recordInScope } from '../units/unit-scope.js';
import { UnitEntity } from '../units/unit.entity.js';
import { deadlinesOpenedBy, settlementOutcome, settlesProcessing } from './domain/decision-effects.js';
import type { DecisionPreviewDto, DecisionPreviewView } from './dto/decision-preview.dto.js';

/**
 * A letter's processing decision before it is taken: what would refuse it, the transfer chain and a
 * loop, the processing deadline it settles and the deadlines it opens, computed by the deadline engine
 * on the letter's unit calendar. Reads only: nothing is written, nothing audited (no personal data).
 */
@Injectable()
export class DecisionPreviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly engine: DeadlinePreviewService,
  ) {}

  async preview(actor: Actor, id: string, dto: DecisionPreviewDto): Promise<DecisionPreviewView> {
    const manager = this.dataSource.manager;
    const letter = await recordInScope(manager, LetterEntity, actor, id, LetterErrors.notFound);
    const problems = decisionProblems(
      letter,
      { decision: dto.decision, decidedOn: dto.decidedOn, legalBasis: 'preview' },
      this.clock.today(),
    ).filter((p) => p.field === 'decision' || p.field === 'decidedOn');
    if (letter.status !== 'registered') {
      problems.unshift({ field: 'decision', message: 'the letter has already been decided' });
    }

    const chainIds = [letter.unitId];
    let from = letter.transferredFromLetterId;
    for (let hops = 0; from && hops < 50; hops++) {
      const previous = await manager.findOne(LetterEntity, {
        where: { id: from },
        select: { id: true, unitId: true, transferredFromLetterId: true },
      });
      if (!previous) break;
      chainIds.push(previous.unitId);
      from = previous.transferredFromLetterId;
    }
    const names = new Map(
      (
        await manager.findBy(
          UnitEntity,
          chainIds.map((unitId) => ({ id: unitId })),
        )
      ).map((u) => [u.id, u.name]),
    );
    const transferRefusal =
      dto.decision === 'transfer'
        ? transferProblem(letter.classification, chainIds, dto.transferToUnitId ?? null)
        : null;

    const processing = settlesProcessing(letter, dto.decision)
      ? await manager.findOneBy(CaseDeadlineEntity, {
          ...letterSubject(letter.id),
          purpose: 'processing',
          status: 'open',
        })
      : null;
    const opens = [];
    for (const o of deadlinesOpenedBy(letter, dto.decision)) {
      const computed = await this.engine.preview(actor, {
        rule: o.ruleId,
        trigger: o.trigger,
        unitId: letter.unitId,
      });
      opens.push({
        purpose: o.purpose,
        ruleId: o.ruleId,
        trigger: o.trigger,
        due: computed.due,
        legalBasis: computed.legalBasis,
        explanation: computed.explanation.vi,
      });
    }
    return {
      problems,
      chain: chainIds.map((unitId) => ({ unitId, unitName: names.get(unitId) ?? '' })),
      transferRefusal,
      settles: processing
        ? {
            purpose: 'processing',
            due: processing.dueDate,
            outcome: settlementOutcome(processing.dueDate, dto.decidedOn),
          }
        : null,
      opens,
    };
  }
}
