import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocalDate } from '../common/domain/local-date.js';
import { uuid7 } from '../common/ids/uuid7.js';
import {
  NATIONAL_SCHEMA_VERSION,
  nationalEventOfCaseStep,
  type NationalEvent,
  type NationalRecordType,
} from './domain/national-events.js';

export interface NationalEventInput {
  recordType: NationalRecordType;
  recordId: string;
  unitId: string;
  event: NationalEvent;
  occurredOn: LocalDate;
  /** The record's facts under the record schema (docs/national-database.md): never a person. */
  payload: Record<string, unknown>;
}

/**
 * Appends one event of a record to the national outbox, in the caller's transaction (its `manager`: no
 * second connection), numbered after the record's previous events in one statement. The caller holds the
 * record's lock (or has just created it), so two events of one record never race for a number.
 */
export async function appendNationalEvent(manager: EntityManager, input: NationalEventInput): Promise<void> {
  await manager.query(
    `INSERT INTO national_sync_outbox
       (id, record_type, record_id, sequence, event, unit_id, occurred_on, schema_version, payload,
        idempotency_key, status, attempts)
     SELECT ?, ?, ?, s.n, ?, ?, ?, ?, ?, CONCAT(?, '-', ?, '-', s.n), 'pending', 0
     FROM (SELECT COALESCE(MAX(sequence), 0) + 1 AS n FROM national_sync_outbox
           WHERE record_type = ? AND record_id = ?) s`,
    [
      uuid7(),
      input.recordType,
      input.recordId,
      input.event,
      input.unitId,
      input.occurredOn,
      NATIONAL_SCHEMA_VERSION,
      JSON.stringify(input.payload),
      input.recordType,
      input.recordId,
      input.recordType,
      input.recordId,
    ],
  );
}

export interface CaseStepForNational {
  event: string;
  fromState: string | null;
  toState: string;
  date: LocalDate;
  documentRef: string | null;
  legalBasis: string | null;
}

/**
 * The national event of a case step, called by the step log (`appendCaseEvent`, src/cases): every step of
 * both tracks. Reads the case's number, unit, track and letter (one query on the caller's connection);
 * never its subject or a note (free text may name people).
 */
export async function appendNationalCaseStep(
  manager: EntityManager,
  table: 'complaint_cases' | 'denunciation_cases',
  caseId: string,
  step: CaseStepForNational,
): Promise<void> {
  const outcome = table === 'complaint_cases' ? 'decision_outcome' : 'conclusion_outcome';
  const [c] = (await manager.query(
    `SELECT case_number, unit_id, track, letter_id, ${outcome} AS outcome FROM ${table} WHERE id = ?`,
    [caseId],
  )) as Array<{
    case_number: string;
    unit_id: string;
    track: string;
    letter_id: string;
    outcome: string | null;
  }>;
  if (!c) return;
  await appendNationalEvent(manager, {
    recordType: table === 'complaint_cases' ? 'complaint_case' : 'denunciation_case',
    recordId: caseId,
    unitId: c.unit_id,
    event: nationalEventOfCaseStep(step.event),
    occurredOn: step.date,
    payload: {
      caseNumber: c.case_number,
      track: c.track,
      letterId: c.letter_id,
      step: step.event,
      fromState: step.fromState,
      toState: step.toState,
      documentRef: step.documentRef,
      legalBasis: step.legalBasis,
      outcome: c.outcome,
    },
  });
}

/** The outbox for the commands of letters, visits and enforcement: `await this.nationalOutbox.record(manager, …)`. */
@Injectable()
export class NationalOutbox {
  record(manager: EntityManager, input: NationalEventInput): Promise<void> {
    return appendNationalEvent(manager, input);
  }
}
