import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { beforeCommit } from '../common/database/transactions.js';
import type { LocalDate } from '../common/domain/local-date.js';
import { uuid7 } from '../common/ids/uuid7.js';
import {
  idempotencyKey,
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
  /** The event's number in its record when the caller knows it (1: the record was just created). */
  sequence?: number;
}

/**
 * Appends one event of a record to the national outbox, in the caller's transaction (its `manager`: no
 * second connection). Its number is `input.sequence` when the caller knows it (1 for a record it has just
 * created: no read, so bursts of new records take no gap lock at the end of the index), else the record's
 * last number + 1, read with `FOR UPDATE`: a locking read sees the latest commit whatever the transaction's
 * snapshot (a plain read could be older than the record lock the caller waited for), and its exclusive
 * locks make a second writer of the record wait rather than deadlock.
 */
export async function appendNationalEvent(manager: EntityManager, input: NationalEventInput): Promise<void> {
  let sequence = input.sequence;
  if (sequence === undefined) {
    const [last] = (await manager.query(
      `SELECT sequence FROM national_sync_outbox WHERE record_type = ? AND record_id = ?
       ORDER BY sequence DESC LIMIT 1 FOR UPDATE`,
      [input.recordType, input.recordId],
    )) as Array<{ sequence: number | string }>;
    sequence = last ? Number(last.sequence) + 1 : 1;
  }
  await manager.query(
    `INSERT INTO national_sync_outbox
       (id, record_type, record_id, sequence, event, unit_id, occurred_on, schema_version, payload,
        idempotency_key, status, attempts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0)`,
    [
      uuid7(),
      input.recordType,
      input.recordId,
      sequence,
      input.event,
      input.unitId,
      input.occurredOn,
      NATIONAL_SCHEMA_VERSION,
      JSON.stringify(input.payload),
      idempotencyKey(input.recordType, input.recordId, sequence),
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
  const recordType = table === 'complaint_cases' ? 'complaint_case' : 'denunciation_case';
  const [c] = (await manager.query(
    `SELECT case_number, unit_id, track, letter_id, ${outcome} AS outcome FROM ${table} WHERE id = ?`,
    [caseId],
  )) as Array<{
    case_number: string | null;
    unit_id: string;
    track: string;
    letter_id: string;
    outcome: string | null;
  }>;
  if (!c) return;
  if (c.case_number === null) {
    // A case being opened gets its number just before the commit (ADR 0019): its `received` event is
    // written after that, by a hook queued behind the numbering one, so that it carries the number.
    beforeCommit(manager, () => appendNationalCaseStep(manager, table, caseId, step));
    return;
  }
  await appendNationalEvent(manager, {
    recordType,
    recordId: caseId,
    // A case's first step (`received`) is written with the case: its number is 1, read from nothing.
    sequence: step.event === 'received' ? 1 : undefined,
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
