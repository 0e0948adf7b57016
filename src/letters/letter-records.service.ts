import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import { Clock } from '../common/clock.js';
import { isDuplicateKey } from '../common/database/db-errors.js';
import { yearOf, type LocalDate } from '../common/domain/local-date.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { IdentityVault } from '../identity/identity-vault.js';
import { ProtectedLetterTextEntity } from '../identity/entities/protected-letter-text.entity.js';
import { ReceptionPendingIntakeEntity } from '../reception/entities/reception-pending-intake.entity.js';
import { recordInScope } from '../units/unit-scope.js';
import { forwarderNoticeRule, processingRule } from './domain/letter-rules.js';
import { petitionerKey } from './domain/petitioner-match.js';
import { searchFold } from '../common/domain/vietnamese-text.js';
import { LetterPetitionerEntity } from './entities/letter-petitioner.entity.js';
import { LetterEntity } from './entities/letter.entity.js';
import { LetterErrors } from './letters.errors.js';
import { NationalOutbox } from '../national-sync/national-outbox.js';
import { letterClassified } from '../national-sync/national-records.js';
import {
  LETTER_SUBJECT,
  NewLetterInput,
  PetitionerIdentityRecord,
  hashReceiptSecret,
  newReceipt,
} from './letter-views.js';

/**
 * Writes a letter's rows for intake, splitting and transfer alike: the letter (its receipt code, its
 * sealed original text, the processing deadline opened after the row exists), its petitioners' sealed
 * identities, the reception visit's pending intake; and locks a letter for a command.
 */
@Injectable()
export class LetterRecords {
  constructor(
    private readonly deadlines: CaseDeadlinesService,
    private readonly vault: IdentityVault,
    private readonly clock: Clock,
    private readonly nationalOutbox: NationalOutbox,
  ) {}

  /** The letter in scope, locked, at the version the caller read (409 with the current one otherwise). */
  async lockLetter(manager: EntityManager, actor: Actor, id: string, version: number): Promise<LetterEntity> {
    const letter = await recordInScope(manager, LetterEntity, actor, id, LetterErrors.notFound, true);
    if (letter.version !== version) throw LetterErrors.versionConflict(letter.version);
    return letter;
  }

  async takeIntake(manager: EntityManager, unitId: string, visitId: string, receivedOn: LocalDate) {
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

  async insertLetter(
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
    const stored = await manager.findOneByOrFail(LetterEntity, { id });
    // Intake, splitting and transfer all write a letter here: its classification for the national database.
    await this.nationalOutbox.record(manager, letterClassified(stored));
    return stored;
  }

  async insertPetitioners(manager: EntityManager, letterId: string, people: PetitionerIdentityRecord[]) {
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
}
