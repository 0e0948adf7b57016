import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import { ComplaintCaseEntity } from '../complaints/entities/complaint-case.entity.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import { yearOf, type LocalDate } from '../common/domain/local-date.js';
import type { Page } from '../common/http/page.dto.js';
import { IdentityAccess } from '../identity/identity-access.js';
import { IdentityErrors } from '../identity/identity.errors.js';
import { redact } from '../identity/domain/identity-matcher.js';
import { VisitorVault } from '../identity/visitor-vault.js';
import { DenunciationCaseEntity } from '../denunciations/entities/denunciation-case.entity.js';
import { recordInScope, unitInScope, whereInScope } from '../units/unit-scope.js';
import { assessEligibility, protectsIdentity, registration } from './domain/letter-rules.js';
import { normaliseReceiptCode } from './domain/receipt-code.js';
import type {
  CreatedLetterView,
  CreateLetterDto,
  LetterPageView,
  LetterView,
  ListLettersQueryDto,
  SplitLetterDto,
} from './dto/letter.dto.js';
import { LetterEntity, type LetterFlag } from './entities/letter.entity.js';
import { identityBasisOnReach, letterForReading } from './letter-reach.js';
import { LetterErrors } from './letters.errors.js';
import {
  PERSONAL_FIELDS,
  SENSITIVE_TEXT,
  applySearch,
  audited,
  fromView,
  hashReceiptSecret,
  letterSubject,
  newReceipt,
  type NewLetterInput,
  previousCaseUnknown,
  toIdentityRecord,
  toLetterView,
} from './letter-views.js';
import { LetterRecords, type PetitionerIndexes } from './letter-records.service.js';
import { LetterIdentityService } from './letter-identity.service.js';
import { LetterDuplicatesService } from './letter-duplicates.service.js';

/**
 * Letters from intake to their processing decision — the intake side: logging a letter (the reception
 * hook, the petitioners' sealed identities, the processing deadline, a receipt code), splitting a mixed
 * letter, reading and listing, and the citizen's status page behind the receipt code. The decision is
 * LetterDecisionsService, the writer's identity LetterIdentityService, duplicate suggestions
 * LetterDuplicatesService; the rows themselves are written by LetterRecords.
 */
@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly deadlines: CaseDeadlinesService,
    private readonly access: IdentityAccess,
    private readonly clock: Clock,
    private readonly visitors: VisitorVault,
    private readonly records: LetterRecords,
    private readonly identities: LetterIdentityService,
    private readonly duplicateSearch: LetterDuplicatesService,
  ) {}

  /**
   * Logs a letter. `eligibilityUnchecked`: filed by a citizen on the public form (src/letters/public),
   * its eligibility checks left for an officer ("chưa kiểm tra"). `within`: more writes of the same intake
   * (the form's files), in the letter's transaction after its audit entry.
   */
  async create(
    actor: Actor,
    dto: CreateLetterDto,
    options: {
      eligibilityUnchecked?: boolean;
      within?: (manager: EntityManager, letter: LetterEntity) => Promise<void>;
    } = {},
  ): Promise<CreatedLetterView> {
    const people = dto.petitioners.map(toIdentityRecord);
    const {
      problems,
      eligibility,
      petitionerCount,
      secondTime,
      denunciationTrack,
      redenunciation,
      protect,
      shown,
    } = registration(
      { ...dto, eligibilityUnchecked: options.eligibilityUnchecked },
      people,
      this.clock.today(),
    );
    if (problems.length > 0) throw LetterErrors.invalid(problems);

    // Read before the transaction opens, so that the connection it holds waits for nothing but its own
    // writes (issue 13; docs/load.md, "Statements per intake"): the unit, its calendar (the deadlines are
    // computed here and written with the letter), and the duplicate search — a suggestion and the flags
    // it sets, read from committed letters, as it was inside the transaction (a letter committed meanwhile
    // by someone else was not visible there either).
    const unit = await unitInScope(this.dataSource.manager, actor, dto.unitId, () =>
      LetterErrors.unitNotFound(),
    );
    const input: NewLetterInput = {
      unitId: unit.id,
      receivedOn: dto.receivedOn,
      channel: dto.channel,
      forwardedBy: dto.forwardedBy ?? null,
      forwardedRef: dto.forwardedRef ?? null,
      visitId: dto.visitId ?? null,
      partNumber: 0,
      transferredFromLetterId: null,
      parentLetterId: null,
      classification: dto.classification,
      complaintTrack: dto.complaintTrack ?? null,
      denunciationTrack,
      previousCaseId: dto.previousCaseId ?? null,
      subject: shown.subject,
      content: shown.content,
      original: protect ? { subject: dto.subject, content: dto.content } : null,
      petitionerCount,
      eligibility: eligibility.checks,
      eligible: eligibility.eligible,
      flags: [],
    };
    // The petitioners' blind indexes: searched for now, stored with their rows later (computed once).
    const indexes = this.records.petitionerIndexes(people);
    const [planned, { duplicates, duplicateFlags }] = await Promise.all([
      this.records.planLetter(input),
      this.suggestDuplicates(actor, input, indexes),
    ]);

    return transactionWithRetry(this.dataSource, async (manager) => {
      const flags: LetterFlag[] = [];
      let visitorsSealed: number | null = null;
      if (dto.visitId) {
        await this.records.takeIntake(manager, unit.id, dto.visitId, dto.receivedOn);
        // A denunciation handed in at a visit: the visitor is the denouncer, sealed from now on (issue 14).
        // (recorded in the letter's audit entry, the last statement: docs/audit.md)
        if (protect) visitorsSealed = await this.visitors.protect(manager, dto.visitId, people);
      }
      if (dto.previousCaseId && secondTime) {
        const previous = await recordInScope(
          manager,
          ComplaintCaseEntity,
          actor,
          dto.previousCaseId,
          previousCaseUnknown,
        );
        if (previous.track === 'second_time' || previous.track === 'disciplinary_second') {
          // A complaint against a second-time decision: not acceptable (LKN art. 11(7)), flagged.
          flags.push('resolved_second_level');
        } else {
          await this.checkSecondComplaint(manager, previous, dto.complaintTrack!, dto.receivedOn);
        }
      }
      if (dto.previousCaseId && redenunciation) {
        // Within the caller's units only, with one answer for "not yours" and "does not exist"
        // (issue 14, finding 5: a commune officer linked a department's case, and ids could be probed).
        const previous = await recordInScope(
          manager,
          DenunciationCaseEntity,
          actor,
          dto.previousCaseId,
          previousCaseUnknown,
        );
        if (previous.track === 'anonymous_information') throw previousCaseUnknown();
      }
      const receipt = newReceipt(yearOf(dto.receivedOn));
      const letter = await this.records.insertLetter(
        manager,
        actor,
        {
          ...input,
          ...(options.eligibilityUnchecked ? { eligibilityChecked: false } : {}),
          flags: [...new Set([...flags, ...duplicateFlags])],
        },
        receipt,
        planned,
      );
      await this.records.insertPetitioners(manager, letter.id, people, indexes);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'letter',
        entityId: letter.id,
        unitId: letter.unitId,
        changes: {
          ...diffChanges(null, audited(letter)),
          petitioners: { before: null, after: dto.petitioners.length },
          ...(visitorsSealed === null ? {} : { visitorsSealed: { before: null, after: visitorsSealed } }),
        },
        sensitiveFields: SENSITIVE_TEXT,
      });
      if (options.within) await options.within(manager, letter);
      return { ...toLetterView(letter), receiptSecret: receipt.secret, duplicates };
    });
  }

  /**
   * Letters of the same petitioners with similar content, for a letter about to be logged (on the pool,
   * before its transaction), and the flags they set on it. Flags are seen by everyone who reads the
   * letter: a denouncer's letters never set them.
   */
  private async suggestDuplicates(actor: Actor, input: NewLetterInput, indexes: PetitionerIndexes[]) {
    const manager = this.dataSource.manager;
    const probe = {
      id: '',
      identityProtected: input.original !== null,
      registeredByUserId: actor.userId,
      subject: input.subject,
      content: input.content,
      classification: input.classification,
    };
    const found = await this.duplicateSearch.findDuplicatesOfNew(manager, actor, probe, indexes);
    const duplicateFlags = await this.duplicateSearch.flagsFromDuplicates(
      manager,
      probe,
      found.filter((d) => !d.protectedCandidate),
    );
    return { duplicates: found.map(({ protectedCandidate: _p, ...d }) => d), duplicateFlags };
  }

  async list(actor: Actor, query: ListLettersQueryDto): Promise<Page<LetterView>> {
    const qb = this.dataSource.getRepository(LetterEntity).createQueryBuilder('l');
    whereInScope(qb, 'l.unit_id', actor);
    if (query.unitId) {
      await unitInScope(this.dataSource.manager, actor, query.unitId, () => LetterErrors.unitNotFound());
      qb.andWhere('l.unit_id = :unitId', { unitId: query.unitId });
    }
    if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    if (query.classification) qb.andWhere('l.classification = :c', { c: query.classification });
    if (query.overdue === 'true') {
      qb.andWhere("l.status = 'registered' AND l.processing_due < :today", { today: this.clock.today() });
    }
    if (query.channel) qb.andWhere('l.channel = :channel', { channel: query.channel });
    if (query.unchecked === 'true') qb.andWhere('l.eligibility_checked = 0');
    if (query.dueTo) {
      qb.andWhere("l.status = 'registered' AND l.processing_due <= :dueTo", { dueTo: query.dueTo });
    }
    if (query.q) applySearch(qb, 'l.search_text', query.q);
    if (query.sort === 'due') qb.orderBy('l.processing_due', 'ASC').addOrderBy('l.id', 'ASC');
    else qb.orderBy('l.received_on', 'DESC').addOrderBy('l.id', 'DESC');
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toLetterView), page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * One letter: in scope, or the letter of a case the actor handles (src/letters/letter-reach.ts). With
   * `letters:personal_data` its petitioners are decrypted and the read is audited in the same
   * transaction; without it, or reached only as the case's handler, `petitioners` is null. With
   * `identity=on_request` a protected letter's petitioners are not opened (nor audited): `identityBasis`
   * says whether the reader may open them through GET /letters/{id}/identity.
   */
  async get(
    actor: Actor,
    id: string,
    identity: 'include' | 'on_request' = 'include',
  ): Promise<LetterPageView> {
    return this.dataSource.transaction(async (manager) => {
      const reached = await letterForReading(manager, actor, id);
      const { letter } = reached;
      const basis = await identityBasisOnReach(this.access, manager, actor, reached);
      if (!basis) return { ...toLetterView(letter), petitioners: null, identityBasis: null };
      // The console's letter page: a denouncer is opened only when the officer asks (GET …/identity).
      if (identity === 'on_request' && letter.identityProtected)
        return { ...toLetterView(letter), petitioners: null, identityBasis: basis };
      const petitioners = await this.identities.petitionersOf(manager, letter.id);
      await this.identities.auditIdentityRead(manager, actor, letter, basis, PERSONAL_FIELDS);
      return { ...toLetterView(letter), petitioners, identityBasis: basis };
    });
  }

  /** A mixed letter becomes one letter per kind of content (LTCD art. 25(3); NĐ 154 art. 14(4)). */
  async split(actor: Actor, id: string, dto: SplitLetterDto): Promise<CreatedLetterView[]> {
    const problems: DomainErrorDetail[] = [];
    if (dto.parts.length < 2)
      problems.push({ field: 'parts', message: 'a mixed letter splits into at least 2 parts' });
    const assessed = dto.parts.map((p, i) => {
      if (p.classification === 'complaint' && !p.complaintTrack) {
        problems.push({ field: `parts[${i}].complaintTrack`, message: 'is required for a complaint' });
      }
      if (p.classification !== 'complaint' && p.complaintTrack) {
        problems.push({ field: `parts[${i}].complaintTrack`, message: 'is only for a complaint' });
      }
      return assessEligibility(p.classification, p.eligibility, problems, `parts[${i}].eligibility`);
    });
    if (problems.length > 0) throw LetterErrors.invalid(problems);

    return transactionWithRetry(this.dataSource, async (manager) => {
      const parent = await this.records.lockLetter(manager, actor, id, dto.version);
      if (parent.classification !== 'mixed' || parent.status !== 'registered') {
        throw LetterErrors.decisionNotAllowed([
          { field: 'classification', message: 'only an undecided mixed letter is split' },
        ]);
      }
      // Parts are written from the original text: only someone who may see the writer splits a protected letter.
      if (parent.identityProtected && !(await this.access.basis(manager, actor, parent))) {
        throw IdentityErrors.protected();
      }
      const identities = await this.identities.petitionersOf(manager, parent.id);
      const out: CreatedLetterView[] = [];
      for (const [i, part] of dto.parts.entries()) {
        // Every part of a protected letter stays protected (sealed original, redacted copy): even the
        // complaint part names the person who also denounced.
        const protect = parent.identityProtected || protectsIdentity(part.classification);
        const shown = protect
          ? { subject: redact(part.subject, identities), content: redact(part.content, identities) }
          : { subject: part.subject, content: part.content };
        if (protect) shown.subject = shown.subject.slice(0, 500);
        const receipt = newReceipt(yearOf(parent.receivedOn));
        const child = await this.records.insertLetter(
          manager,
          actor,
          {
            unitId: parent.unitId,
            receivedOn: parent.receivedOn,
            channel: parent.channel,
            forwardedBy: parent.forwardedBy,
            forwardedRef: parent.forwardedRef,
            visitId: parent.visitId,
            partNumber: i + 1,
            transferredFromLetterId: null,
            parentLetterId: parent.id,
            classification: part.classification,
            complaintTrack: part.complaintTrack ?? null,
            denunciationTrack: part.classification === 'denunciation' ? 'denunciation' : null,
            previousCaseId: null,
            subject: shown.subject,
            content: shown.content,
            original: protect ? { subject: part.subject, content: part.content } : null,
            registeredByUserId: parent.registeredByUserId,
            petitionerCount: parent.petitionerCount,
            eligibility: protect
              ? assessed[i].checks.map((c) => ({ ...c, note: c.note ? redact(c.note, identities) : c.note }))
              : assessed[i].checks,
            eligible: assessed[i].eligible,
            flags: [],
          },
          receipt,
        );
        await this.records.insertPetitioners(manager, child.id, identities.map(fromView));
        await this.audit.record(manager, actor, {
          action: 'create',
          entityType: 'letter',
          entityId: child.id,
          unitId: child.unitId,
          changes: diffChanges(null, audited(child)),
          sensitiveFields: SENSITIVE_TEXT,
        });
        out.push({ ...toLetterView(child), receiptSecret: receipt.secret, duplicates: [] });
      }
      // The parts carry the processing on; the parent's deadlines end here.
      for (const purpose of ['processing', 'forwarder_notice']) {
        await this.deadlines.settle(
          manager,
          actor,
          letterSubject(parent.id),
          purpose,
          'cancelled',
          this.clock.today(),
        );
      }
      const version = parent.version + 1;
      await manager.update(LetterEntity, { id: parent.id }, { status: 'split', version });
      await this.audit.record(manager, actor, {
        action: 'split',
        entityType: 'letter',
        entityId: parent.id,
        unitId: parent.unitId,
        changes: {
          status: { before: 'registered', after: 'split' },
          parts: { before: null, after: out.map((p) => p.id) },
        },
      });
      return out;
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  /**
   * A second complaint is about a first-time decision of the same kind (administrative / disciplinary),
   * once that decision was issued — or once the first resolution period ran out without one (LKN
   * art. 33(1), KN-5).
   */
  async checkSecondComplaint(
    manager: EntityManager,
    first: ComplaintCaseEntity,
    track: string,
    receivedOn: LocalDate,
  ): Promise<void> {
    const pairs: Record<string, string> = {
      second_time: 'first_time',
      disciplinary_second: 'disciplinary_first',
    };
    if (pairs[track] !== first.track) {
      throw LetterErrors.invalid([
        {
          field: 'previousCaseId',
          message: `is a ${first.track.replace('_', ' ')} case, not the first step of a ${track.replace('_', ' ')} complaint`,
        },
      ]);
    }
    if (['decided', 'second_complaint_window'].includes(first.state)) return;
    const [overdue] = await manager.query(
      `SELECT 1 AS yes FROM case_deadlines WHERE subject_type = 'complaint_case' AND subject_id = ?
       AND purpose = 'resolution' AND status IN ('open', 'paused') AND due_date < ?`,
      [first.id, receivedOn],
    );
    if (!overdue) {
      throw LetterErrors.transfer(
        'LETTER_SECOND_COMPLAINT_TOO_EARLY',
        'The first-time complaint has neither a decision nor an expired resolution period yet (LKN art. 33(1)).',
      );
    }
  }

  // ── the citizen's view ──────────────────────────────────────────────────────────────────────

  /**
   * The letter behind a receipt code and secret, or the same 404 for an unknown code, a wrong secret or a
   * malformed code: the answer never tells whether the code exists. The secret is compared in constant
   * time, and a hash is computed even for an unknown code so timing does not tell either.
   */
  async byReceipt(code: string, secret: string): Promise<LetterEntity> {
    const canonical = normaliseReceiptCode(code);
    const letter = canonical
      ? await this.dataSource.getRepository(LetterEntity).findOneBy({ receiptCode: canonical })
      : null;
    const expected = Buffer.from(letter?.receiptSecretHash ?? '0'.repeat(64), 'hex');
    const given = Buffer.from(
      hashReceiptSecret(canonical ?? 'TD-0000-0000-0000', secret.trim().toUpperCase()),
      'hex',
    );
    const matches = timingSafeEqual(expected, given);
    if (!letter || !matches) throw LetterErrors.receiptUnknown();
    return letter;
  }
}
