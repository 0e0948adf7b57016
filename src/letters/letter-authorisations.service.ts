import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { IdentityAccess } from '../identity/identity-access.js';
import { IdentityVault } from '../identity/identity-vault.js';
import { recordInScope } from '../units/unit-scope.js';
import { authorisationProblems, authorisationRule } from './domain/complaint-authorisation.js';
import type {
  AuthorisedPersonView,
  LetterAuthorisationView,
  SetLetterAuthorisationDto,
} from './dto/letter-authorisation.dto.js';
import { LetterAttachmentEntity } from './entities/letter-attachment.entity.js';
import { LetterAuthorisationEntity } from './entities/letter-authorisation.entity.js';
import { LetterEntity } from './entities/letter.entity.js';
import { LetterIdentityService } from './letter-identity.service.js';
import { LetterRecords } from './letter-records.service.js';
import { LetterErrors } from './letters.errors.js';

/** The authorised person's fields in the sealed envelope. */
const PERSON_FIELDS = [
  'authorisation.fullName',
  'authorisation.address',
  'authorisation.idNumber',
  'authorisation.phone',
  'authorisation.relationship',
  'authorisation.practisingCardNumber',
] as const;

/**
 * The person a complainant authorised (issue 20, point 3): recorded on a complaint letter, checked
 * against the dated rule of `domain/complaint-authorisation.ts` by the letter's received date, sealed,
 * audited; read with the petitioners' basis.
 */
@Injectable()
export class LetterAuthorisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: IdentityVault,
    private readonly access: IdentityAccess,
    private readonly clock: Clock,
    private readonly records: LetterRecords,
    private readonly identities: LetterIdentityService,
  ) {}

  async set(
    actor: Actor,
    letterId: string,
    dto: SetLetterAuthorisationDto,
  ): Promise<LetterAuthorisationView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const letter = await this.records.lockLetter(manager, actor, letterId, dto.version);
      if (letter.classification !== 'complaint') {
        throw LetterErrors.authorisationNotAllowed([
          {
            field: 'letterId',
            message: 'is not a complaint letter (only a complaint is lodged by authorisation)',
          },
        ]);
      }
      const { rule, problems } = authorisationProblems({
        kind: dto.kind,
        lodgedOn: letter.receivedOn,
        documentDate: dto.documentDate,
        today: this.clock.today(),
        notarised: dto.notarised,
        hasPractisingCard: !!dto.person.practisingCardNumber,
        hasAssignmentDecision: !!dto.assignmentDecisionRef,
      });
      if (dto.documentAttachmentId) {
        const file = await manager.findOneBy(LetterAttachmentEntity, {
          id: dto.documentAttachmentId,
          letterId: letter.id,
        });
        if (!file) problems.push({ field: 'documentAttachmentId', message: 'is not a file of this letter' });
      }
      if (problems.length > 0) throw LetterErrors.authorisationNotAllowed(problems);

      const previous = await manager.findOneBy(LetterAuthorisationEntity, { letterId: letter.id });
      if (previous) await manager.delete(LetterAuthorisationEntity, { id: previous.id });
      const id = uuid7();
      const person: AuthorisedPersonView = {
        fullName: dto.person.fullName,
        address: dto.person.address ?? null,
        idNumber: dto.person.idNumber ?? null,
        phone: dto.person.phone ?? null,
        relationship: dto.person.relationship ?? null,
        practisingCardNumber: dto.person.practisingCardNumber ?? null,
      };
      const row: LetterAuthorisationEntity = {
        id,
        letterId: letter.id,
        kind: dto.kind,
        documentRef: dto.documentRef,
        documentDate: dto.documentDate,
        notarised: dto.notarised,
        certificationRef: dto.certificationRef ?? null,
        assignmentDecisionRef: dto.assignmentDecisionRef ?? null,
        documentAttachmentId: dto.documentAttachmentId ?? null,
        ruleId: rule.id,
        ...this.vault.seal(id, person),
        idNumberIndex: person.idNumber ? this.vault.index('id_number', person.idNumber) : null,
        recordedByUserId: actor.userId,
        updatedAt: this.clock.now(),
      };
      await manager.insert(LetterAuthorisationEntity, row);
      const version = letter.version + 1;
      await manager.update(LetterEntity, { id: letter.id }, { version });
      await this.audit.record(manager, actor, {
        action: 'letter.authorisation',
        entityType: 'letter',
        entityId: letter.id,
        unitId: letter.unitId,
        changes: {
          authorisationKind: { before: previous?.kind ?? null, after: dto.kind },
          authorisationDocumentRef: { before: previous?.documentRef ?? null, after: dto.documentRef },
          authorisationNotarised: { before: previous?.notarised ?? null, after: dto.notarised },
          authorisationRule: { before: previous?.ruleId ?? null, after: rule.id },
        },
      });
      return view(row, letter.receivedOn, person, version);
    });
  }

  /** The authorisation; its person only on the petitioners' basis, the read audited. */
  async get(actor: Actor, letterId: string): Promise<LetterAuthorisationView> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await recordInScope(manager, LetterEntity, actor, letterId, LetterErrors.notFound);
      const row = await manager.findOneBy(LetterAuthorisationEntity, { letterId: letter.id });
      if (!row) throw LetterErrors.authorisationNotFound();
      const basis = await this.access.basis(manager, actor, letter);
      if (!basis) return view(row, letter.receivedOn, null, letter.version);
      const person = this.personOf(row);
      await this.identities.auditIdentityRead(manager, actor, letter, basis, PERSON_FIELDS);
      return view(row, letter.receivedOn, person, letter.version);
    });
  }

  /** The authorised person of a row, decrypted (callers audit the read). */
  personOf(row: LetterAuthorisationEntity): AuthorisedPersonView {
    return this.vault.open<AuthorisedPersonView>(row.id, row);
  }

  /** For subject access and anonymisation: the rows whose person has this căn cước number. */
  async byIdNumber(manager: EntityManager, idNumber: string): Promise<LetterAuthorisationEntity[]> {
    return manager.findBy(LetterAuthorisationEntity, {
      idNumberIndex: this.vault.index('id_number', idNumber),
    });
  }
}

function view(
  row: LetterAuthorisationEntity,
  lodgedOn: string,
  person: AuthorisedPersonView | null,
  letterVersion: number,
): LetterAuthorisationView {
  const rule = authorisationRule(row.kind, lodgedOn);
  return {
    letterId: row.letterId,
    kind: row.kind,
    documentRef: row.documentRef,
    documentDate: row.documentDate,
    notarised: row.notarised,
    certificationRef: row.certificationRef,
    assignmentDecisionRef: row.assignmentDecisionRef,
    documentAttachmentId: row.documentAttachmentId,
    ruleId: row.ruleId,
    legalBasis: rule.legalBasis,
    notarisationRequired: rule.notarisationRequired,
    person,
    letterVersion,
  };
}
