import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { IdentityVault } from '../identity/identity-vault.js';
import { IdentityAccess, type IdentityBasis } from '../identity/identity-access.js';
import { IdentityErrors } from '../identity/identity.errors.js';
import { ProtectedLetterTextEntity } from '../identity/entities/protected-letter-text.entity.js';
import { recordInScope } from '../units/unit-scope.js';
import type { LetterIdentityView, LetterView, PetitionerView } from './dto/letter.dto.js';
import { LetterPetitionerEntity } from './entities/letter-petitioner.entity.js';
import { LetterEntity } from './entities/letter.entity.js';
import { LetterErrors } from './letters.errors.js';
import { PERSONAL_FIELDS, PetitionerIdentityRecord, toLetterView } from './letter-views.js';
import { LetterRecords } from './letter-records.service.js';

/**
 * Who wrote a letter and what they wrote before redaction (LTC art. 47–48, 56(2)): read only on a basis
 * (IdentityAccess), every read audited in its transaction; the denouncer's own disclosure or waiver.
 */
@Injectable()
export class LetterIdentityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: IdentityVault,
    private readonly access: IdentityAccess,
    private readonly clock: Clock,
    private readonly records: LetterRecords,
  ) {}

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
      const letter = await this.records.lockLetter(manager, actor, id, dto.version);
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

  async originalText(
    manager: EntityManager,
    letter: LetterEntity,
  ): Promise<{ subject: string; content: string }> {
    // An anonymised letter (ADR 0015) has no original any more: its sealed text went with its key.
    if (!letter.identityProtected || letter.anonymisedAt) {
      return { subject: letter.subject, content: letter.content };
    }
    const sealed = await manager.findOneByOrFail(ProtectedLetterTextEntity, { letterId: letter.id });
    return this.vault.open<{ subject: string; content: string }>(letter.id, sealed);
  }

  async auditIdentityRead(
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
}
