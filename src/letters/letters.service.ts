import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import { ComplaintCasesService } from '../cases/complaint-cases.service.js';
import { ComplaintCaseEntity } from '../cases/entities/complaint-case.entity.js';
import type { ComplaintTrack } from '../cases/domain/complaint-lifecycle.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { isDuplicateKey } from '../common/database/db-errors.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import { compareLocalDates, yearOf, type LocalDate } from '../common/domain/local-date.js';
import type { Page } from '../common/http/page.dto.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { IdentityVault } from '../identity/identity-vault.js';
import { IdentityAccess, type IdentityBasis } from '../identity/identity-access.js';
import { IdentityErrors } from '../identity/identity.errors.js';
import { redact, revealsIdentity } from '../identity/domain/redaction.js';
import { ProtectedLetterTextEntity } from '../identity/entities/protected-letter-text.entity.js';
import { DenunciationCasesService } from '../denunciations/denunciation-cases.service.js';
import { DenunciationCaseEntity } from '../denunciations/entities/denunciation-case.entity.js';
import type { DenunciationTrack } from '../denunciations/domain/denunciation-lifecycle.js';
import { ReceptionPendingIntakeEntity } from '../reception/entities/reception-pending-intake.entity.js';
import { unitInScope, recordInScope } from '../reception/reception-scope.js';
import { UnitEntity } from '../units/unit.entity.js';
import { whereInScope } from '../units/unit-scope.js';
import {
  assessEligibility,
  decisionProblems,
  DUPLICATE_SIMILARITY,
  FORWARDING_CHANNELS,
  forwarderNoticeRule,
  processingRule,
  protectsIdentity,
  transferProblem,
  type LetterClassification,
} from './domain/letter-rules.js';
import { petitionerKey } from './domain/petitioner-match.js';
import { formatReceiptCode, normaliseReceiptCode } from './domain/receipt-code.js';
import { contentSimilarity, searchFold } from './domain/vietnamese-text.js';
import type {
  CreatedLetterView,
  CreateLetterDto,
  DuplicateSuggestionView,
  EligibilityAnswerDto,
  LetterIdentityView,
  LetterView,
  ListLettersQueryDto,
  PetitionerDto,
  PetitionerView,
  ProcessingDecisionDto,
  SplitLetterDto,
} from './dto/letter.dto.js';
import { LetterPetitionerEntity } from './entities/letter-petitioner.entity.js';
import { LetterEntity, type LetterFlag } from './entities/letter.entity.js';
import { identityBasisOnReach, letterForReading } from './letter-reach.js';
import { LetterErrors } from './letters.errors.js';

/** What a petitioner's envelope holds. */
export interface PetitionerIdentityRecord {
  fullName: string;
  address: string | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
}

/** The letter's text is free text a citizen wrote: the audit trail records that it changed, not what it says. */
const SENSITIVE_TEXT = ['content', 'subject', 'searchText', 'eligibility'];

/** Deadlines of a letter are `case_deadlines` rows of this subject type. */
export const LETTER_SUBJECT = 'letter';

const PERSONAL_FIELDS = [
  'petitioners.fullName',
  'petitioners.address',
  'petitioners.idNumber',
  'petitioners.phone',
  'petitioners.email',
];

/** Candidate letters examined per duplicate search (newest first). */
const DUPLICATE_CANDIDATES = 200;

export function hashReceiptSecret(code: string, secret: string): string {
  return createHash('sha256').update(`${code}\u0000${secret}`).digest('hex');
}

function newReceipt(year: number): { code: string; secret: string } {
  const values = Array.from({ length: 8 }, () => randomInt(32));
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  const secret = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return { code: formatReceiptCode(year, values), secret };
}

export function toLetterView(l: LetterEntity): LetterView {
  return {
    id: l.id,
    unitId: l.unitId,
    receivedOn: l.receivedOn,
    channel: l.channel,
    forwardedBy: l.forwardedBy,
    forwardedRef: l.forwardedRef,
    visitId: l.visitId,
    parentLetterId: l.parentLetterId,
    transferredFromLetterId: l.transferredFromLetterId,
    classification: l.classification,
    complaintTrack: l.complaintTrack,
    previousCaseId: l.previousCaseId,
    subject: l.subject,
    content: l.content,
    petitionerCount: l.petitionerCount,
    eligible: l.eligible,
    eligibility: l.eligibility,
    flags: l.flags,
    status: l.status,
    processingDue: l.processingDue,
    decision: l.decision,
    decidedOn: l.decidedOn,
    decidedByUserId: l.decidedByUserId,
    decisionLegalBasis: l.decisionLegalBasis,
    guidanceBody: l.guidanceBody,
    guidanceRef: l.guidanceRef,
    transferToUnitId: l.transferToUnitId,
    transferToBody: l.transferToBody,
    transferRef: l.transferRef,
    returnRef: l.returnRef,
    archiveReason: l.archiveReason,
    duplicateOfLetterId: l.duplicateOfLetterId,
    caseId: l.caseId,
    receiptCode: l.receiptCode,
    version: l.version,
    denunciationTrack: l.denunciationTrack,
    identityProtected: l.identityProtected,
    identityDisclosure: l.identityDisclosure,
  };
}

function audited(l: LetterEntity) {
  const {
    createdAt: _c,
    updatedAt: _u,
    unit: _1,
    visit: _2,
    transferredFrom: _3,
    parent: _4,
    decidedBy: _5,
    transferToUnit: _6,
    duplicateOf: _7,
    registeredBy: _8,
    receiptSecretHash: _9,
    ...fields
  } = l;
  return fields;
}

interface NewLetterInput {
  unitId: string;
  receivedOn: LocalDate;
  channel: LetterEntity['channel'];
  forwardedBy: string | null;
  forwardedRef: string | null;
  visitId: string | null;
  partNumber: number;
  transferredFromLetterId: string | null;
  parentLetterId: string | null;
  classification: LetterClassification;
  complaintTrack: string | null;
  denunciationTrack: string | null;
  previousCaseId: string | null;
  /** What handlers see: for a protected letter, the redacted copy. */
  subject: string;
  content: string;
  /** A protected letter's original text, sealed in protected_letter_texts. */
  original: { subject: string; content: string } | null;
  /** Who received it, when not the actor (the parts of a split letter). */
  registeredByUserId?: string | null;
  petitionerCount: number;
  eligibility: EligibilityAnswerDto[];
  eligible: boolean;
  flags: LetterFlag[];
}

/**
 * Letters from intake to their processing decision: logging (with the reception hook, the petitioners'
 * encrypted identities, the processing deadline and a receipt code), splitting mixed letters, duplicate
 * suggestions, the decision itself (accept → a case; guide; transfer without circles; return; archive),
 * and the citizen's status page behind the receipt code.
 */
@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly deadlines: CaseDeadlinesService,
    private readonly vault: IdentityVault,
    private readonly cases: ComplaintCasesService,
    private readonly denunciations: DenunciationCasesService,
    private readonly access: IdentityAccess,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateLetterDto): Promise<CreatedLetterView> {
    const today = this.clock.today();
    const problems: DomainErrorDetail[] = [];
    if (compareLocalDates(dto.receivedOn, today) > 0) {
      problems.push({ field: 'receivedOn', message: 'must not be in the future' });
    }
    const eligibility = assessEligibility(
      dto.classification,
      protectsIdentity(dto.classification)
        ? // Notes on "identified and signed" describe the writer: redacted like the text.
          dto.eligibility.map((a) => ({
            ...a,
            note: a.note ? redact(a.note, dto.petitioners.map(toIdentityRecord)) : a.note,
          }))
        : dto.eligibility,
      problems,
    );
    const anonymous = dto.classification === 'anonymous';
    if (anonymous && dto.petitioners.length > 0) {
      problems.push({
        field: 'petitioners',
        message: 'anonymous information has no petitioner (LTC art. 25)',
      });
    }
    if (!anonymous && dto.petitioners.length === 0) {
      problems.push({ field: 'petitioners', message: 'must name at least one petitioner' });
    }
    const petitionerCount = dto.petitionerCount ?? dto.petitioners.length;
    if (petitionerCount < dto.petitioners.length) {
      problems.push({
        field: 'petitionerCount',
        message: 'must be at least the number of petitioners listed',
      });
    }
    if (dto.classification === 'complaint' && !dto.complaintTrack) {
      problems.push({ field: 'complaintTrack', message: 'is required for a complaint' });
    }
    if (dto.classification !== 'complaint' && dto.complaintTrack) {
      problems.push({ field: 'complaintTrack', message: 'is only for a complaint' });
    }
    const secondTime = dto.complaintTrack === 'second_time' || dto.complaintTrack === 'disciplinary_second';
    const denunciationTrack =
      dto.classification === 'denunciation' ? (dto.denunciationTrack ?? 'denunciation') : null;
    if (dto.classification !== 'denunciation' && dto.denunciationTrack) {
      problems.push({ field: 'denunciationTrack', message: 'is only for a denunciation' });
    }
    const redenunciation = denunciationTrack !== null && denunciationTrack !== 'denunciation';
    if (dto.previousCaseId && !secondTime && !redenunciation) {
      problems.push({
        field: 'previousCaseId',
        message: 'is only for a second-time complaint or a re-denunciation',
      });
    }
    if (redenunciation && !dto.previousCaseId) {
      problems.push({
        field: 'previousCaseId',
        message: 'is required for a re-denunciation: the case it is about',
      });
    }
    const protect = protectsIdentity(dto.classification);
    if (!protect && (dto.redactedSubject || dto.redactedContent)) {
      problems.push({ field: 'redactedContent', message: 'is only for a denunciation or a mixed letter' });
    }
    const people = dto.petitioners.map(toIdentityRecord);
    const shown = protect
      ? {
          subject: dto.redactedSubject ?? redact(dto.subject, people),
          content: dto.redactedContent ?? redact(dto.content, people),
        }
      : { subject: dto.subject, content: dto.content };
    // The redaction mark is longer than a short match: keep the column's limit.
    shown.subject = shown.subject.slice(0, 500);
    if (protect && revealsIdentity(`${shown.subject}\n${shown.content}`, people)) {
      problems.push({
        field: revealsIdentity(shown.content, people) ? 'redactedContent' : 'redactedSubject',
        message: 'still names or identifies the denouncer',
      });
    }
    if (FORWARDING_CHANNELS.includes(dto.channel) && !dto.forwardedBy) {
      problems.push({ field: 'forwardedBy', message: 'is required when another body forwarded the letter' });
    }
    if (!FORWARDING_CHANNELS.includes(dto.channel) && (dto.forwardedBy || dto.forwardedRef)) {
      problems.push({ field: 'forwardedBy', message: 'is only for a forwarded letter' });
    }
    if ((dto.channel === 'reception_visit') !== Boolean(dto.visitId)) {
      problems.push({
        field: 'visitId',
        message: 'is required for, and only for, the channel reception_visit',
      });
    }
    if (problems.length > 0) throw LetterErrors.invalid(problems);

    return transactionWithRetry(this.dataSource, async (manager) => {
      const unit = await unitInScope(manager, actor, dto.unitId, () => LetterErrors.unitNotFound());
      const flags: LetterFlag[] = [];
      if (dto.visitId) await this.takeIntake(manager, unit.id, dto.visitId, dto.receivedOn);
      if (dto.previousCaseId && secondTime) {
        const previous = await recordInScope(manager, ComplaintCaseEntity, actor, dto.previousCaseId, () =>
          LetterErrors.invalid([{ field: 'previousCaseId', message: 'is not a complaint case you may see' }]),
        );
        if (previous.track === 'second_time' || previous.track === 'disciplinary_second') {
          // A complaint against a second-time decision: not acceptable (LKN art. 11(7)), flagged.
          flags.push('resolved_second_level');
        } else {
          await this.checkSecondComplaint(manager, previous, dto.complaintTrack!, dto.receivedOn);
        }
      }
      if (dto.previousCaseId && redenunciation) {
        const previous = await manager.findOneBy(DenunciationCaseEntity, { id: dto.previousCaseId });
        if (!previous || previous.track === 'anonymous_information') {
          throw LetterErrors.invalid([{ field: 'previousCaseId', message: 'is not a denunciation case' }]);
        }
      }
      const receipt = newReceipt(yearOf(dto.receivedOn));
      const letter = await this.insertLetter(
        manager,
        actor,
        {
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
          flags,
        },
        receipt,
      );
      await this.insertPetitioners(manager, letter.id, people);
      const found = await this.findDuplicates(manager, actor, letter);
      // Flags are seen by everyone who reads the letter: a denouncer's letters never set them.
      const extraFlags = await this.flagsFromDuplicates(
        manager,
        letter,
        found.filter((d) => !d.protectedCandidate),
      );
      const duplicates = found.map(({ protectedCandidate: _p, ...d }) => d);
      if (extraFlags.length > 0) {
        letter.flags = [...new Set([...letter.flags, ...extraFlags])];
        // The version is given: TypeORM would otherwise count this part of creation as a change.
        await manager.update(
          LetterEntity,
          { id: letter.id },
          { flags: letter.flags, version: letter.version },
        );
      }
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'letter',
        entityId: letter.id,
        unitId: letter.unitId,
        changes: {
          ...diffChanges(null, audited(letter)),
          petitioners: { before: null, after: dto.petitioners.length },
        },
        sensitiveFields: SENSITIVE_TEXT,
      });
      return { ...toLetterView(letter), receiptSecret: receipt.secret, duplicates };
    });
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
   * transaction; without it, or reached only as the case's handler, `petitioners` is null.
   */
  async get(actor: Actor, id: string): Promise<LetterView> {
    return this.dataSource.transaction(async (manager) => {
      const reached = await letterForReading(manager, actor, id);
      const { letter } = reached;
      const basis = await identityBasisOnReach(this.access, manager, actor, reached);
      if (!basis) return { ...toLetterView(letter), petitioners: null };
      const petitioners = await this.petitionersOf(manager, letter.id);
      await this.auditIdentityRead(manager, actor, letter, basis, PERSONAL_FIELDS);
      return { ...toLetterView(letter), petitioners };
    });
  }

  /**
   * Who wrote the letter and what they wrote, before redaction — for those who may see it (a denouncer:
   * the receiver, the accepting head, custodians, approved reveal requests). Every read is audited with
   * its basis, in the same transaction.
   */
  async identity(actor: Actor, id: string): Promise<LetterIdentityView> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await recordInScope(manager, LetterEntity, actor, id, LetterErrors.notFound);
      const basis = await this.access.basis(manager, actor, letter);
      if (!basis) throw IdentityErrors.protected();
      const petitioners = await this.petitionersOf(manager, letter.id);
      const original = await this.originalText(manager, letter);
      await this.auditIdentityRead(manager, actor, letter, basis, [...PERSONAL_FIELDS, 'subject', 'content']);
      return { basis, petitioners, ...original };
    });
  }

  /** The denouncer disclosed their identity themselves or waived protection: flagged, with who recorded it. */
  async recordDisclosure(
    actor: Actor,
    id: string,
    dto: { kind: 'self_disclosed' | 'waived'; note: string; version: number },
  ): Promise<LetterView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const letter = await this.lockLetter(manager, actor, id, dto.version);
      if (!letter.identityProtected) throw IdentityErrors.notProtected();
      const basis = await this.access.basis(manager, actor, letter);
      if (basis !== 'custodian' && basis !== 'receiver') throw IdentityErrors.protected();
      const next = {
        identityDisclosure: dto.kind,
        identityDisclosureByUserId: actor.userId,
        identityDisclosureAt: this.clock.now(),
        version: letter.version + 1,
      };
      await manager.update(LetterEntity, { id: letter.id }, next);
      Object.assign(letter, next);
      await this.audit.record(manager, actor, {
        action: 'identity.disclosure',
        entityType: 'letter',
        entityId: letter.id,
        unitId: letter.unitId,
        changes: {
          identityDisclosure: { before: null, after: dto.kind },
          note: { before: null, after: dto.note },
        },
        sensitiveFields: ['note'],
      });
      return toLetterView(letter);
    });
  }

  async duplicates(actor: Actor, id: string): Promise<DuplicateSuggestionView[]> {
    const manager = this.dataSource.manager;
    const letter = await recordInScope(manager, LetterEntity, actor, id, LetterErrors.notFound);
    return (await this.findDuplicates(manager, actor, letter)).map(({ protectedCandidate: _p, ...d }) => d);
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
      const parent = await this.lockLetter(manager, actor, id, dto.version);
      if (parent.classification !== 'mixed' || parent.status !== 'registered') {
        throw LetterErrors.decisionNotAllowed([
          { field: 'classification', message: 'only an undecided mixed letter is split' },
        ]);
      }
      // Parts are written from the original text: only someone who may see the writer splits a protected letter.
      if (parent.identityProtected && !(await this.access.basis(manager, actor, parent))) {
        throw IdentityErrors.protected();
      }
      const identities = await this.petitionersOf(manager, parent.id);
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
        const child = await this.insertLetter(
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
        await this.insertPetitioners(manager, child.id, identities.map(fromView));
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

  /** The processing decision (XLD-1…5, KN-2): one per letter, with actor, date and legal basis. */
  async decide(actor: Actor, id: string, dto: ProcessingDecisionDto): Promise<LetterView> {
    const today = this.clock.today();
    return transactionWithRetry(this.dataSource, async (manager) => {
      const letter = await this.lockLetter(manager, actor, id, dto.version);
      if (letter.status === 'decided') throw LetterErrors.alreadyDecided();
      const problems = decisionProblems(letter, dto, today);
      if (problems.length > 0) throw LetterErrors.decisionNotAllowed(problems);
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
      return toLetterView(letter);
    });
  }

  /** The petitioners of a letter, decrypted (callers audit the read). */
  async petitionersOf(manager: EntityManager, letterId: string): Promise<PetitionerView[]> {
    const rows = await manager.find(LetterPetitionerEntity, {
      where: { letterId },
      order: { position: 'ASC' },
    });
    return rows.map((r) => {
      const identity = this.vault.open<PetitionerIdentityRecord>(r.id, r);
      return { ...identity, representative: r.representative };
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  /**
   * A second complaint is about a first-time decision of the same kind (administrative / disciplinary),
   * once that decision was issued — or once the first resolution period ran out without one (LKN
   * art. 33(1), KN-5).
   */
  private async checkSecondComplaint(
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

  private async originalText(
    manager: EntityManager,
    letter: LetterEntity,
  ): Promise<{ subject: string; content: string }> {
    if (!letter.identityProtected) return { subject: letter.subject, content: letter.content };
    const sealed = await manager.findOneByOrFail(ProtectedLetterTextEntity, { letterId: letter.id });
    return this.vault.open<{ subject: string; content: string }>(letter.id, sealed);
  }

  private async auditIdentityRead(
    manager: EntityManager,
    actor: Actor,
    letter: LetterEntity,
    basis: IdentityBasis,
    fields: readonly string[],
  ) {
    await this.audit.recordRead(manager, actor, {
      entityType: 'letter',
      entityId: letter.id,
      unitId: letter.unitId,
      fields: [...fields, `basis:${basis}`],
    });
  }

  /** The letter in scope, locked, at the version the caller read (409 with the current one otherwise). */
  async lockLetter(manager: EntityManager, actor: Actor, id: string, version: number): Promise<LetterEntity> {
    const letter = await recordInScope(manager, LetterEntity, actor, id, LetterErrors.notFound, true);
    if (letter.version !== version) throw LetterErrors.versionConflict(letter.version);
    return letter;
  }

  private async takeIntake(manager: EntityManager, unitId: string, visitId: string, receivedOn: LocalDate) {
    const intake = await manager
      .getRepository(ReceptionPendingIntakeEntity)
      .createQueryBuilder('i')
      .where('i.visit_id = :visitId AND i.unit_id = :unitId', { visitId, unitId })
      .setLock('pessimistic_write')
      .getOne();
    if (!intake) {
      throw LetterErrors.invalid([
        { field: 'visitId', message: 'is not a visit of this unit that received a letter' },
      ]);
    }
    if (intake.status === 'taken') throw LetterErrors.visitAlreadyLogged();
    if (intake.receivedOn !== receivedOn) {
      throw LetterErrors.invalid([
        { field: 'receivedOn', message: `must be the day of the visit (${intake.receivedOn})` },
      ]);
    }
    return intake;
  }

  private async insertLetter(
    manager: EntityManager,
    actor: Actor,
    input: NewLetterInput,
    receipt: { code: string; secret: string },
  ): Promise<LetterEntity> {
    const id = uuid7();
    const { original, ...columns } = input;
    const row: Partial<LetterEntity> = {
      id,
      ...columns,
      identityProtected: original !== null,
      searchText: searchFold(`${input.subject} ${input.content}`),
      status: 'registered',
      // Until the processing deadline opens below and copies its due date here. The row is written
      // first: the copy's UPDATE by the id of a row not yet written would lock the gap at the end of the
      // letters' index (ids grow), and two intakes inserting into that gap would deadlock.
      processingDue: input.receivedOn,
      decision: null,
      decidedOn: null,
      decidedByUserId: null,
      decisionLegalBasis: null,
      guidanceBody: null,
      guidanceRef: null,
      transferToUnitId: null,
      transferToBody: null,
      transferRef: null,
      returnRef: null,
      archiveReason: null,
      duplicateOfLetterId: null,
      caseId: null,
      receiptCode: receipt.code,
      receiptSecretHash: hashReceiptSecret(receipt.code, receipt.secret),
      // Parts and transferred copies keep the officer who received the letter (its "receiver").
      registeredByUserId: input.registeredByUserId === undefined ? actor.userId : input.registeredByUserId,
      version: 1,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await manager.insert(LetterEntity, row);
        break;
      } catch (error) {
        if (isDuplicateKey(error, 'uq_letters_visit') && input.visitId)
          throw LetterErrors.visitAlreadyLogged();
        // 40 random bits a year: a clash is rare, and answered with another code (the caller's receipt
        // object is updated, so the petitioner gets the code that was stored).
        if (!isDuplicateKey(error, 'uq_letters_receipt_code') || attempt >= 5) throw error;
        Object.assign(receipt, newReceipt(yearOf(input.receivedOn)));
        row.receiptCode = receipt.code;
        row.receiptSecretHash = hashReceiptSecret(receipt.code, receipt.secret);
      }
    }
    await this.deadlines.open(manager, actor, {
      subjectType: LETTER_SUBJECT,
      subjectId: id,
      unitId: input.unitId,
      purpose: 'processing',
      ruleId: processingRule(input.classification),
      trigger: input.receivedOn,
    });
    const noticeRule = forwarderNoticeRule(input.classification, input.channel);
    if (noticeRule) {
      await this.deadlines.open(manager, actor, {
        subjectType: LETTER_SUBJECT,
        subjectId: id,
        unitId: input.unitId,
        purpose: 'forwarder_notice',
        ruleId: noticeRule,
        trigger: input.receivedOn,
      });
    }
    if (original) {
      await manager.insert(ProtectedLetterTextEntity, { letterId: id, ...this.vault.seal(id, original) });
    }
    if (input.visitId && input.partNumber === 0) {
      await manager.update(
        ReceptionPendingIntakeEntity,
        { visitId: input.visitId },
        { status: 'taken', letterId: id, takenAt: this.clock.now() },
      );
    }
    return manager.findOneByOrFail(LetterEntity, { id });
  }

  private async insertPetitioners(
    manager: EntityManager,
    letterId: string,
    people: PetitionerIdentityRecord[],
  ) {
    if (people.length === 0) return;
    await manager.insert(
      LetterPetitionerEntity,
      people.map((p, position) => {
        const id = uuid7();
        return {
          id,
          letterId,
          position,
          representative:
            (p as PetitionerIdentityRecord & { representative?: boolean }).representative ?? false,
          ...this.vault.seal(id, {
            fullName: p.fullName,
            address: p.address,
            idNumber: p.idNumber,
            phone: p.phone,
            email: p.email,
          }),
          idNumberIndex: p.idNumber ? this.vault.index('id_number', p.idNumber) : null,
          nameAddressIndex: p.address ? this.vault.index('name_address', petitionerKey(p)) : null,
        };
      }),
    );
  }

  /**
   * Letters of the same petitioner (the same căn cước number, or the same folded name and address —
   * looked up by blind index, nothing decrypted) whose content is similar, diacritics ignored. Only letters
   * the actor may see are suggested.
   */
  private async findDuplicates(
    manager: EntityManager,
    actor: Actor,
    letter: LetterEntity,
  ): Promise<Array<DuplicateSuggestionView & { protectedCandidate?: true }>> {
    // Who may not see a denouncer may not learn which other letters are theirs either.
    if (letter.identityProtected && !(await this.access.basis(manager, actor, letter))) return [];
    const mine = await manager.find(LetterPetitionerEntity, { where: { letterId: letter.id } });
    const ids = mine.map((p) => p.idNumberIndex).filter((v): v is string => v !== null);
    const keys = mine.map((p) => p.nameAddressIndex).filter((v): v is string => v !== null);
    if (ids.length === 0 && keys.length === 0) return [];
    // Name and address identify a person only when one side has no căn cước number: two different
    // numbers are two people, whatever their names (samePetitioner in domain/petitioner-match.ts).
    const keysWithoutId = mine
      .filter((p) => p.nameAddressIndex && !p.idNumberIndex)
      .map((p) => p.nameAddressIndex!);
    const keysWithId = mine
      .filter((p) => p.nameAddressIndex && p.idNumberIndex)
      .map((p) => p.nameAddressIndex!);
    const qb = manager
      .getRepository(LetterEntity)
      .createQueryBuilder('l')
      .innerJoin(LetterPetitionerEntity, 'p', 'p.letter_id = l.id')
      .select([
        'l.id AS id',
        'l.unit_id AS unitId',
        'l.received_on AS receivedOn',
        'l.classification AS classification',
        'l.subject AS subject',
        'l.content AS content',
        'l.decision AS decision',
        'l.case_id AS caseId',
        'l.identity_protected AS protectedCandidate',
        'MAX(CASE WHEN p.id_number_index IN (:...ids) THEN 1 ELSE 0 END) AS byId',
      ])
      .where('l.id <> :self', { self: letter.id })
      // A protected letter is suggested only to its receiver and to custodians (the narrowest bases).
      .andWhere('(l.identity_protected = 0 OR l.registered_by_user_id = :me OR :custodian = 1)', {
        me: actor.userId ?? '',
        custodian: actor.permissions.has('identity:custody') ? 1 : 0,
      })
      .andWhere("l.status <> 'split'")
      .andWhere(
        `(p.id_number_index IN (:...ids) OR p.name_address_index IN (:...keysWithoutId)
          OR (p.name_address_index IN (:...keysWithId) AND p.id_number_index IS NULL))`,
        {
          ids: ids.length ? ids : ['-'],
          keysWithoutId: keysWithoutId.length ? keysWithoutId : ['-'],
          keysWithId: keysWithId.length ? keysWithId : ['-'],
        },
      )
      .groupBy('l.id')
      .orderBy('l.received_on', 'DESC')
      .limit(DUPLICATE_CANDIDATES);
    whereInScope(qb, 'l.unit_id', actor);
    const rows: Array<Record<string, unknown>> = await qb.getRawMany();
    const out: DuplicateSuggestionView[] = [];
    for (const r of rows) {
      const similarity = contentSimilarity(
        `${letter.subject} ${letter.content}`,
        `${String(r.subject)} ${String(r.content)}`,
      );
      if (similarity < DUPLICATE_SIMILARITY) continue;
      out.push({
        letterId: String(r.id),
        unitId: String(r.unitId),
        receivedOn: localDateOfRaw(r.receivedOn),
        classification: r.classification as LetterClassification,
        subject: String(r.subject),
        matchedOn: Number(r.byId) === 1 ? 'id_number' : 'name_and_address',
        similarity: Math.round(similarity * 1000) / 1000,
        decision: (r.decision as LetterView['decision']) ?? null,
        caseId: (r.caseId as string | null) ?? null,
        ...(Number(r.protectedCandidate) === 1 ? { protectedCandidate: true as const } : {}),
      });
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }

  /** What the suggestions tell about the new letter: a repeat, a transfer already made, a finished second level. */
  private async flagsFromDuplicates(
    manager: EntityManager,
    letter: LetterEntity,
    duplicates: DuplicateSuggestionView[],
  ): Promise<LetterFlag[]> {
    if (duplicates.length === 0) return [];
    const flags: LetterFlag[] = ['possible_duplicate'];
    if (duplicates.some((d) => d.decision === 'transfer')) flags.push('already_transferred');
    if (letter.classification === 'complaint') {
      const caseIds = duplicates.map((d) => d.caseId).filter((v): v is string => v !== null);
      if (caseIds.length > 0) {
        const secondLevel = await manager.count(ComplaintCaseEntity, {
          where: {
            id: In(caseIds),
            track: In(['second_time', 'disciplinary_second']),
            state: In(['decided', 'awaiting_legal_effect', 'legally_effective', 'enforcement']),
          },
        });
        // LKN art. 11(7): a complaint already resolved at second level is not accepted.
        if (secondLevel > 0) flags.push('resolved_second_level');
      }
    }
    return flags;
  }

  /**
   * A transfer to a unit of this system makes a new letter there (channel `agency`), linked to this one;
   * the chain of such links is what makes a circle visible. A denunciation is transferred once only, and
   * without the denouncer's identity unless that is decided explicitly (issue #7).
   */
  private async transfer(
    manager: EntityManager,
    actor: Actor,
    letter: LetterEntity,
    dto: ProcessingDecisionDto,
  ) {
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
    const copy = await this.insertLetter(
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
            ? await this.originalText(manager, letter)
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
      await this.insertPetitioners(
        manager,
        copy.id,
        (await this.petitionersOf(manager, letter.id)).map(fromView),
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
  private async transferChain(manager: EntityManager, letter: LetterEntity): Promise<string[]> {
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

export function letterSubject(id: string) {
  return { subjectType: LETTER_SUBJECT, subjectId: id };
}

function toIdentityRecord(p: PetitionerDto): PetitionerIdentityRecord & { representative: boolean } {
  return {
    fullName: p.fullName,
    address: p.address ?? null,
    idNumber: p.idNumber ?? null,
    phone: p.phone ?? null,
    email: p.email ?? null,
    representative: p.representative ?? false,
  };
}

function fromView(p: PetitionerView): PetitionerIdentityRecord & { representative: boolean } {
  return { ...p };
}

/** mysql2 returns DATE columns of raw queries as strings (dateStrings) or Dates: always a local date. */
function localDateOfRaw(value: unknown): LocalDate {
  if (typeof value === 'string') return value.slice(0, 10);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * Diacritic-insensitive search: the folded words of the query must all occur in the folded text (LIKE on
 * an ASCII column; `%` and `_` in the query are escaped).
 */
export function applySearch(
  qb: { andWhere(sql: string, params: Record<string, unknown>): unknown },
  column: string,
  q: string,
): void {
  const words = searchFold(q)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 8);
  words.forEach((w, i) => {
    qb.andWhere(`${column} LIKE :q${i}`, { [`q${i}`]: `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
  });
}
