import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import type { CaseDeadlineEntity } from '../case-deadlines/case-deadline.entity.js';
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

/** A letter's id and first deadlines, planned before its row is written (LetterRecords.planLetter). */
export interface PlannedLetter {
  id: string;
  deadlines: CaseDeadlineEntity[];
}

/** A petitioner's blind indexes (letter_petitioners.id_number_index, name_address_index). */
export interface PetitionerIndexes {
  idNumberIndex: string | null;
  nameAddressIndex: string | null;
}

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

  /**
   * A new letter's id and its first deadlines (processing; the forwarder notice for some channels),
   * computed on its unit's calendar, not yet stored. Intake plans before its transaction opens (no
   * `manager`: the calendar is read on the pool outside any transaction); splitting and transfer plan
   * inside theirs, through their `manager`.
   */
  async planLetter(input: NewLetterInput, manager?: EntityManager): Promise<PlannedLetter> {
    const id = uuid7();
    const opening = {
      subjectType: LETTER_SUBJECT,
      subjectId: id,
      unitId: input.unitId,
      trigger: input.receivedOn,
    };
    const noticeRule = forwarderNoticeRule(input.classification, input.channel);
    const deadlines = await this.deadlines.planFirst(
      [
        { ...opening, purpose: 'processing', ruleId: processingRule(input.classification) },
        ...(noticeRule ? [{ ...opening, purpose: 'forwarder_notice', ruleId: noticeRule }] : []),
      ],
      manager,
    );
    return { id, deadlines };
  }

  /**
   * Writes a letter's row with its processing due date (the copy of its processing deadline's), then its
   * deadlines and their history (one multi-row INSERT each), its sealed original text, and marks the
   * visit's pending intake taken. The row is written before its deadlines: an UPDATE or a child row by
   * the id of a row not yet written would lock the gap at the end of the letters' index (ids grow), and
   * two intakes inserting into that gap would deadlock (docs/database.md). Returns the letter as stored
   * (no SELECT after the INSERT: every column's value is known here).
   */
  async insertLetter(
    manager: EntityManager,
    actor: Actor,
    input: NewLetterInput,
    receipt: { code: string; secret: string },
    planned?: PlannedLetter,
  ): Promise<LetterEntity> {
    const { id, deadlines } = planned ?? (await this.planLetter(input, manager));
    const processing = deadlines.find((d) => d.purpose === 'processing')!;
    const { original, ...columns } = input;
    // Written, not left to the column defaults, so that the row returned is the row stored.
    const now = new Date();
    const row = {
      id,
      ...columns,
      eligibilityChecked: columns.eligibilityChecked ?? true,
      identityProtected: original !== null,
      identityDisclosure: null,
      identityDisclosureByUserId: null,
      identityDisclosureAt: null,
      anonymisedAt: null,
      searchText: searchFold(`${input.subject} ${input.content}`),
      status: 'registered' as const,
      processingDue: processing.dueDate,
      decision: null,
      decidedOn: null,
      decidedByUserId: null,
      decisionLegalBasis: null,
      guidanceBody: null,
      guidanceRef: null,
      transferToUnitId: null,
      transferToBody: null,
      transferBodyCategory: null,
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
      createdAt: now,
      updatedAt: now,
    } satisfies Omit<
      LetterEntity,
      | 'unit'
      | 'visit'
      | 'transferredFrom'
      | 'parent'
      | 'decidedBy'
      | 'transferToUnit'
      | 'duplicateOf'
      | 'registeredBy'
    >;
    for (let attempt = 1; ; attempt++) {
      try {
        // A copy: TypeORM writes the values it inserted for columns with a default back into the object
        // (`identityProtected` would come back as 0).
        await manager.insert(LetterEntity, { ...row });
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
    await this.deadlines.openPlanned(manager, actor, deadlines);
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
    const stored = Object.assign(new LetterEntity(), row);
    // Intake, splitting and transfer all write a letter here: its classification for the national database.
    await this.nationalOutbox.record(manager, letterClassified(stored));
    return stored;
  }

  /** The blind indexes of petitioners, as their rows store them (for the duplicate search). */
  petitionerIndexes(people: readonly PetitionerIdentityRecord[]): PetitionerIndexes[] {
    return people.map((p) => ({
      idNumberIndex: p.idNumber ? this.vault.index('id_number', p.idNumber) : null,
      nameAddressIndex: p.address ? this.vault.index('name_address', petitionerKey(p)) : null,
    }));
  }

  /** `indexes`: the people's blind indexes when the caller has them already (intake's duplicate search). */
  async insertPetitioners(
    manager: EntityManager,
    letterId: string,
    people: PetitionerIdentityRecord[],
    indexes: readonly PetitionerIndexes[] = this.petitionerIndexes(people),
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
          ...indexes[position],
        };
      }),
    );
  }
}
