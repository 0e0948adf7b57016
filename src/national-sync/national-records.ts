import type { EnforcementObligationEntity } from '../enforcement/entities/enforcement-obligation.entity.js';
import type { EnforcementRecordEntity } from '../enforcement/entities/enforcement-record.entity.js';
import type { LetterEntity } from '../letters/entities/letter.entity.js';
import type { ReceptionVisitEntity } from '../reception/entities/reception-visit.entity.js';
import type { NationalEventInput } from './national-outbox.js';

/**
 * The outbox rows of letters, visits and enforcement, from the rows the commands hold (and the back-fill
 * reads). Schema v1 of docs/national-database.md: facts and dates, never a person, a free text (subject,
 * summary, notes: they may name people) or a receipt code.
 */

export function letterClassified(letter: LetterEntity): NationalEventInput {
  return {
    recordType: 'letter',
    recordId: letter.id,
    unitId: letter.unitId,
    event: 'letter.classified',
    occurredOn: letter.receivedOn,
    // Always a letter's first event: written with the letter (intake, split, transfer) or by the back-fill.
    sequence: 1,
    payload: {
      receivedOn: letter.receivedOn,
      channel: letter.channel,
      classification: letter.classification,
      complaintTrack: letter.complaintTrack,
      denunciationTrack: letter.denunciationTrack,
      eligible: letter.eligible,
      petitionerCount: letter.petitionerCount,
      visitId: letter.visitId,
      parentLetterId: letter.parentLetterId,
      transferredFromLetterId: letter.transferredFromLetterId,
    },
  };
}

export function letterProcessed(letter: LetterEntity): NationalEventInput {
  return {
    recordType: 'letter',
    recordId: letter.id,
    unitId: letter.unitId,
    event: 'letter.processed',
    occurredOn: letter.decidedOn ?? letter.receivedOn,
    payload: {
      decision: letter.decision,
      decidedOn: letter.decidedOn,
      legalBasis: letter.decisionLegalBasis,
      withinCompetence: letter.decision === 'accept',
      caseId: letter.caseId,
      transferToUnitId: letter.transferToUnitId,
      transferToBody: letter.transferToBody,
      transferBodyCategory: letter.transferBodyCategory,
      transferRef: letter.transferRef,
      archiveReason: letter.archiveReason,
    },
  };
}

export function receptionVisit(visit: ReceptionVisitEntity): NationalEventInput {
  return {
    recordType: 'reception_visit',
    recordId: visit.id,
    unitId: visit.unitId,
    event: 'reception.visit',
    occurredOn: visit.visitDate,
    // A visit's only event, written with it (or by the back-fill).
    sequence: 1,
    payload: {
      visitDate: visit.visitDate,
      matterId: visit.matterId,
      visitNumber: visit.visitNumber,
      sessionId: visit.sessionId,
      peopleCount: visit.peopleCount,
      contentKind: visit.contentKind,
      withinCompetence: visit.withinCompetence,
      outcome: visit.outcome,
      transferBody: visit.transferBody,
      guidanceRef: visit.guidanceRef,
      transferRef: visit.transferRef,
    },
  };
}

/** The record of a final decision's enforcement, opened (its first event: the case's `case.enforcement` step
 * says a case was handed over; this one gives the record the updates that follow belong to). */
export function enforcementOpened(record: EnforcementRecordEntity): NationalEventInput {
  return {
    recordType: 'enforcement_record',
    recordId: record.id,
    unitId: record.unitId,
    event: 'enforcement.opened',
    occurredOn: record.openedOn,
    sequence: 1,
    payload: {
      caseType: record.subjectType,
      caseId: record.subjectId,
      decisionRef: record.decisionRef,
      openedOn: record.openedOn,
      recordStatus: record.status,
      nextReviewOn: record.nextReviewOn,
    },
  };
}

export function enforcementUpdate(
  record: EnforcementRecordEntity,
  obligation: EnforcementObligationEntity,
  reportedOn: string,
): NationalEventInput {
  return {
    recordType: 'enforcement_record',
    recordId: record.id,
    unitId: record.unitId,
    event: 'enforcement.update',
    occurredOn: reportedOn,
    payload: {
      caseType: record.subjectType,
      caseId: record.subjectId,
      decisionRef: record.decisionRef,
      openedOn: record.openedOn,
      recordStatus: record.status,
      closedOn: record.closedOn,
      obligation: {
        position: obligation.position,
        kind: obligation.kind,
        dueDate: obligation.dueDate,
        status: obligation.status,
        doneOn: obligation.doneOn,
      },
    },
  };
}
