import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import { ComplaintCasesService } from '../complaints/complaint-cases.service.js';
import type { ComplaintTrack } from '../complaints/domain/complaint-lifecycle.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { yearOf } from '../common/domain/local-date.js';
import { IdentityAccess } from '../identity/identity-access.js';
import { IdentityErrors } from '../identity/identity.errors.js';
import { ProtectedText } from '../identity/protected-text.js';
import { DenunciationCasesService } from '../denunciations/denunciation-cases.service.js';
import type { DenunciationTrack } from '../denunciations/domain/denunciation-lifecycle.js';
import { UnitEntity } from '../units/unit.entity.js';
import { recordInScope } from '../units/unit-scope.js';
import { decisionProblems, transferProblem } from './domain/letter-rules.js';
import type { LetterView, ProcessingDecisionDto } from './dto/letter.dto.js';
import { LetterEntity } from './entities/letter.entity.js';
import { LetterErrors } from './letters.errors.js';
import {
  SENSITIVE_TEXT,
  audited,
  fromView,
  letterSubject,
  newReceipt,
  toLetterView,
} from './letter-views.js';
import { LetterRecords } from './letter-records.service.js';
import { NationalOutbox } from '../national-sync/national-outbox.js';
import { letterProcessed } from '../national-sync/national-records.js';
import { LetterIdentityService } from './letter-identity.service.js';

/**
 * The processing decision on a letter (TT 05/2021/TT-TTCP; legal-reference §5): accept (a complaint or
 * denunciation case opens), guide, transfer without circles (a linked copy in the receiving unit),
 * return a forwarded letter, archive.
 */
@Injectable()
export class LetterDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly deadlines: CaseDeadlinesService,
    private readonly cases: ComplaintCasesService,
    private readonly denunciations: DenunciationCasesService,
    private readonly access: IdentityAccess,
    private readonly clock: Clock,
    private readonly protectedText: ProtectedText,
    private readonly records: LetterRecords,
    private readonly identities: LetterIdentityService,
    private readonly nationalOutbox: NationalOutbox,
  ) {}

  /** The processing decision (XLD-1…5, KN-2): one per letter, with actor, date and legal basis. */
  async decide(actor: Actor, id: string, dto: ProcessingDecisionDto): Promise<LetterView> {
    const today = this.clock.today();
    return transactionWithRetry(this.dataSource, async (manager) => {
      const letter = await this.records.lockLetter(manager, actor, id, dto.version);
      if (letter.status === 'decided') throw LetterErrors.alreadyDecided();
      const problems = decisionProblems(letter, dto, today);
      if (problems.length > 0) throw LetterErrors.decisionNotAllowed(problems);
      // What the decision says is read with the letter's redacted copy: never the denouncer (issue 14).
      await this.protectedText.requireClean(manager, 'letter', letter.id, {
        legalBasis: dto.legalBasis,
        guidanceBody: dto.guidanceBody,
        transferToBody: dto.transferToBody,
      });
      const before = audited(letter);

      let caseId: string | null = null;
      if (dto.decision === 'accept') {
        if (letter.classification === 'complaint') {
          if (letter.flags.includes('resolved_second_level')) {
            throw LetterErrors.decisionNotAllowed([
              {
                field: 'decision',
                message: 'a second-time decision was already issued on this matter (LKN art. 11(7))',
              },
            ]);
          }
          const opened = await this.cases.openFromLetter(manager, actor, letter, {
            track: letter.complaintTrack as ComplaintTrack,
            handlerUserId: dto.handlerUserId ?? null,
            date: dto.decidedOn,
            legalBasis: dto.legalBasis,
          });
          caseId = opened.id;
        } else if (letter.classification === 'denunciation' || letter.classification === 'anonymous') {
          const opened = await this.denunciations.openFromLetter(manager, actor, letter, {
            track: (letter.classification === 'anonymous'
              ? 'anonymous_information'
              : letter.denunciationTrack) as DenunciationTrack,
            handlerUserId: dto.handlerUserId ?? null,
            date: dto.decidedOn,
            legalBasis: dto.legalBasis,
          });
          caseId = opened.id;
        }
      }
      if (dto.decision === 'archive' && dto.duplicateOfLetterId) {
        const original = await recordInScope(manager, LetterEntity, actor, dto.duplicateOfLetterId, () =>
          LetterErrors.invalid([{ field: 'duplicateOfLetterId', message: 'is not a letter you may see' }]),
        );
        if (original.id === letter.id) {
          throw LetterErrors.invalid([{ field: 'duplicateOfLetterId', message: 'is this letter' }]);
        }
      }
      if (dto.includeIdentity && (dto.decision !== 'transfer' || !letter.identityProtected)) {
        throw LetterErrors.invalid([
          {
            field: 'includeIdentity',
            message: 'is only for the transfer of a letter with a protected identity',
          },
        ]);
      }
      if (dto.decision === 'transfer') {
        await this.transfer(manager, actor, letter, dto);
      }

      const changes = {
        status: 'decided' as const,
        decision: dto.decision,
        decidedOn: dto.decidedOn,
        decidedByUserId: actor.userId,
        decisionLegalBasis: dto.legalBasis,
        guidanceBody: dto.guidanceBody ?? null,
        guidanceRef: dto.guidanceRef ?? null,
        transferToUnitId: dto.transferToUnitId ?? null,
        transferToBody: dto.transferToBody ?? null,
        transferRef: dto.transferRef ?? null,
        transferBodyCategory:
          dto.decision === 'transfer' ? (dto.transferToBodyCategory ?? 'unspecified') : null,
        returnRef: dto.returnRef ?? null,
        archiveReason: dto.archiveReason ?? null,
        duplicateOfLetterId: dto.duplicateOfLetterId ?? null,
        caseId,
        version: letter.version + 1,
      };
      await manager.update(LetterEntity, { id: letter.id }, changes);
      Object.assign(letter, changes);
      // A denunciation's initial processing (TC-1) ends with the acceptance or refusal decision of its
      // case (LTC art. 24(1), 29), not with this step; every other letter's ends here.
      const processingContinues =
        dto.decision === 'accept' &&
        letter.classification === 'denunciation' &&
        letter.denunciationTrack === 'denunciation';
      if (!processingContinues) {
        await this.deadlines.settle(
          manager,
          actor,
          letterSubject(letter.id),
          'processing',
          'done',
          dto.decidedOn,
        );
      }
      // XLD-4: the forwarding body is told the result with the decision.
      await this.deadlines.settle(
        manager,
        actor,
        letterSubject(letter.id),
        'forwarder_notice',
        'done',
        dto.decidedOn,
      );
      await this.audit.record(manager, actor, {
        action: `decide.${dto.decision}`,
        entityType: 'letter',
        entityId: letter.id,
        unitId: letter.unitId,
        changes: {
          ...diffChanges(before, audited(letter), SENSITIVE_TEXT),
          ...(dto.includeIdentity ? { identityIncluded: { before: null, after: true } } : {}),
        },
      });
      await this.nationalOutbox.record(manager, letterProcessed(letter));
      return toLetterView(letter);
    });
  }

  /**
   * A transfer to a unit of this system makes a new letter there (channel `agency`), linked to this one;
   * the chain of such links is what makes a circle visible. A denunciation is transferred once only, and
   * without the denouncer's identity unless that is decided explicitly (issue #7).
   */
  async transfer(manager: EntityManager, actor: Actor, letter: LetterEntity, dto: ProcessingDecisionDto) {
    const chain = await this.transferChain(manager, letter);
    const problem = transferProblem(letter.classification, chain, dto.transferToUnitId ?? null);
    if (problem) throw LetterErrors.transfer(problem.code, problem.message);
    if (!dto.transferToUnitId) return;
    const target = await manager.findOneBy(UnitEntity, { id: dto.transferToUnitId });
    if (!target || !target.active) {
      throw LetterErrors.invalid([{ field: 'transferToUnitId', message: 'is not an active unit' }]);
    }
    if (
      letter.identityProtected &&
      dto.includeIdentity &&
      !(await this.access.basis(manager, actor, letter))
    ) {
      throw IdentityErrors.protected();
    }
    const source = await manager.findOneByOrFail(UnitEntity, { id: letter.unitId });
    const receipt = newReceipt(yearOf(dto.decidedOn));
    const copy = await this.records.insertLetter(
      manager,
      actor,
      {
        unitId: target.id,
        receivedOn: dto.decidedOn,
        channel: 'agency',
        forwardedBy: source.name,
        forwardedRef: dto.transferRef ?? null,
        visitId: null,
        partNumber: 0,
        transferredFromLetterId: letter.id,
        parentLetterId: null,
        classification: letter.classification,
        complaintTrack: letter.complaintTrack,
        denunciationTrack: letter.denunciationTrack,
        previousCaseId: letter.previousCaseId,
        subject: letter.subject,
        content: letter.content,
        original: letter.identityProtected
          ? dto.includeIdentity
            ? await this.identities.originalText(manager, letter)
            : // Without the identity, the receiving body gets the redacted copy as the letter itself.
              { subject: letter.subject, content: letter.content }
          : null,
        petitionerCount: letter.petitionerCount,
        eligibility: letter.eligibility,
        eligible: letter.eligible,
        flags: letter.flags.includes('already_transferred') ? ['already_transferred'] : [],
      },
      receipt,
    );
    // A denouncer's identity goes along only by an explicit decision of someone who may see it.
    if (!letter.identityProtected || dto.includeIdentity) {
      await this.records.insertPetitioners(
        manager,
        copy.id,
        (await this.identities.petitionersOf(manager, letter.id)).map(fromView),
      );
    }
    await this.audit.record(manager, actor, {
      action: 'create',
      entityType: 'letter',
      entityId: copy.id,
      unitId: copy.unitId,
      changes: diffChanges(null, audited(copy)),
      sensitiveFields: SENSITIVE_TEXT,
    });
  }

  /** The units this letter has been at, following `transferredFromLetterId` back to the first. */
  async transferChain(manager: EntityManager, letter: LetterEntity): Promise<string[]> {
    const units = [letter.unitId];
    let from = letter.transferredFromLetterId;
    for (let hops = 0; from && hops < 50; hops++) {
      const previous = await manager.findOne(LetterEntity, {
        where: { id: from },
        select: { id: true, unitId: true, transferredFromLetterId: true },
      });
      if (!previous) break;
      units.push(previous.unitId);
      from = previous.transferredFromLetterId;
    }
    return units;
  }
}
