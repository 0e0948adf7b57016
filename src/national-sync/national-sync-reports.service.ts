import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { EnforcementObligationEntity } from '../enforcement/entities/enforcement-obligation.entity.js';
import { EnforcementRecordEntity } from '../enforcement/entities/enforcement-record.entity.js';
import { LetterEntity } from '../letters/entities/letter.entity.js';
import { ReceptionVisitEntity } from '../reception/entities/reception-visit.entity.js';
import { NATIONAL_RECORD_TYPES, type NationalRecordType } from './domain/national-events.js';
import { appendNationalCaseStep, appendNationalEvent } from './national-outbox.js';
import {
  enforcementOpened,
  enforcementUpdate,
  letterClassified,
  letterProcessed,
  receptionVisit,
} from './national-records.js';

/** Where each record type lives. */
const RECORD_TABLES: Record<NationalRecordType, string> = {
  reception_visit: 'reception_visits',
  letter: 'letters',
  complaint_case: 'complaint_cases',
  denunciation_case: 'denunciation_cases',
  enforcement_record: 'enforcement_records',
};

export interface ReconciliationLine {
  recordType: NationalRecordType;
  /** Records in the system. */
  records: number;
  /** …with no outbox row at all (run the back-fill). */
  missing: number;
  /** …every event acknowledged by the national side. */
  acknowledged: number;
  /** …the worst row `sent` (taken, not yet acknowledged), `pending`, or `failed`. */
  sent: number;
  pending: number;
  failed: number;
}

export interface ReconciliationReport {
  generatedAt: string;
  lines: ReconciliationLine[];
  /** The failed rows' reasons with their counts (never a person). */
  failures: Array<{ reason: string; rows: number }>;
  /** Acknowledgement keys read from the national side that match no row here. */
  unknownAcknowledgements: string[];
}

/** Rows per back-fill transaction. */
const BACKFILL_BATCH = 200;

/**
 * The national outbox's administration (docs/national-database.md): the back-fill of records made before
 * the sync existed, the national side's acknowledgements from a file, and the reconciliation report.
 */
@Injectable()
export class NationalSyncReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Writes the outbox rows of every record that has none, in the order its events happened: a letter's
   * classification and decision, a case's steps from its log, a visit, an enforcement record's updates.
   * One batch of records per transaction; a record with rows is skipped, so a rerun (after a crash)
   * continues where it stopped and adds nothing twice. Returns the records back-filled per type.
   */
  async backfill(): Promise<Record<NationalRecordType, number>> {
    const done = Object.fromEntries(NATIONAL_RECORD_TYPES.map((t) => [t, 0])) as Record<
      NationalRecordType,
      number
    >;
    for (const type of NATIONAL_RECORD_TYPES) {
      for (;;) {
        const ids: string[] = (
          await this.dataSource.query(
            `SELECT r.id FROM ${RECORD_TABLES[type]} r
             WHERE NOT EXISTS (SELECT 1 FROM national_sync_outbox o WHERE o.record_type = ? AND o.record_id = r.id)
             ORDER BY r.id LIMIT ${BACKFILL_BATCH}`,
            [type],
          )
        ).map((r: { id: string }) => r.id);
        if (ids.length === 0) break;
        await this.dataSource.transaction(async (manager) => {
          for (const id of ids) await this.backfillOne(manager, type, id);
        });
        done[type] += ids.length;
      }
    }
    return done;
  }

  private async backfillOne(manager: EntityManager, type: NationalRecordType, id: string): Promise<void> {
    // Re-checked under the transaction: a record the running system wrote rows for meanwhile is skipped.
    const has = await manager.query(
      'SELECT 1 FROM national_sync_outbox WHERE record_type = ? AND record_id = ? LIMIT 1 FOR UPDATE',
      [type, id],
    );
    if (has.length > 0) return;
    if (type === 'letter') {
      const letter = await manager.findOneByOrFail(LetterEntity, { id });
      await appendNationalEvent(manager, letterClassified(letter));
      if (letter.decision) await appendNationalEvent(manager, letterProcessed(letter));
    } else if (type === 'reception_visit') {
      await appendNationalEvent(
        manager,
        receptionVisit(await manager.findOneByOrFail(ReceptionVisitEntity, { id })),
      );
    } else if (type === 'complaint_case' || type === 'denunciation_case') {
      const table = type === 'complaint_case' ? 'complaint_cases' : 'denunciation_cases';
      const steps: Array<{
        event: string;
        from_state: string | null;
        to_state: string;
        event_date: string;
        document_ref: string | null;
        legal_basis: string | null;
      }> = await manager.query(
        `SELECT event, from_state, to_state, event_date, document_ref, legal_basis
         FROM ${type}_events WHERE case_id = ? ORDER BY sequence`,
        [id],
      );
      for (const s of steps) {
        await appendNationalCaseStep(manager, table, id, {
          event: s.event,
          fromState: s.from_state,
          toState: s.to_state,
          date: s.event_date,
          documentRef: s.document_ref,
          legalBasis: s.legal_basis,
        });
      }
    } else {
      const record = await manager.findOneByOrFail(EnforcementRecordEntity, { id });
      await appendNationalEvent(manager, enforcementOpened(record));
      const updates: Array<{ obligation_id: string; reported_on: string }> = await manager.query(
        `SELECT u.obligation_id, u.reported_on FROM enforcement_updates u
         JOIN enforcement_obligations o ON o.id = u.obligation_id
         WHERE o.record_id = ? ORDER BY u.reported_on, u.created_at, u.id`,
        [id],
      );
      for (const u of updates) {
        const obligation = await manager.findOneByOrFail(EnforcementObligationEntity, {
          id: u.obligation_id,
        });
        await appendNationalEvent(manager, enforcementUpdate(record, obligation, u.reported_on));
      }
    }
  }

  /**
   * Marks rows acknowledged from the national side's acknowledgement lines (`{ idempotencyKey, reference }`,
   * one JSON object per line, as the file-drop connector returns them). Idempotent. Returns the keys that
   * match no row.
   */
  async applyAcknowledgements(
    acks: ReadonlyArray<{ idempotencyKey: string; reference?: string | null }>,
  ): Promise<{ acknowledged: number; unknown: string[] }> {
    const now = this.clock.now();
    let acknowledged = 0;
    const unknown: string[] = [];
    for (const ack of acks) {
      const result = await this.dataSource.query(
        `UPDATE national_sync_outbox SET status = 'acknowledged', acknowledged_at = COALESCE(acknowledged_at, ?),
           national_ref = COALESCE(?, national_ref), last_error = NULL
         WHERE idempotency_key = ? AND status IN ('sent', 'acknowledged')`,
        [now, ack.reference ?? null, ack.idempotencyKey],
      );
      const affected = Number((result as { affectedRows?: number }).affectedRows ?? 0);
      if (affected > 0) acknowledged++;
      else {
        const exists = await this.dataSource.query(
          'SELECT 1 FROM national_sync_outbox WHERE idempotency_key = ?',
          [ack.idempotencyKey],
        );
        if (exists.length === 0) unknown.push(ack.idempotencyKey);
      }
    }
    return { acknowledged, unknown };
  }

  /** What exists here against what the national side acknowledged, per record type. */
  async reconcile(unknownAcknowledgements: string[] = []): Promise<ReconciliationReport> {
    const lines: ReconciliationLine[] = [];
    for (const type of NATIONAL_RECORD_TYPES) {
      const [row] = await this.dataSource.query(
        `SELECT COUNT(*) AS records,
                SUM(s.worst IS NULL) AS missing,
                SUM(s.worst = 4) AS acknowledged,
                SUM(s.worst = 3) AS sent,
                SUM(s.worst = 2) AS pending,
                SUM(s.worst = 1) AS failed
         FROM ${RECORD_TABLES[type]} r
         LEFT JOIN (
           SELECT record_id, MIN(CASE status WHEN 'failed' THEN 1 WHEN 'pending' THEN 2 WHEN 'sent' THEN 3 ELSE 4 END) AS worst
           FROM national_sync_outbox WHERE record_type = ? GROUP BY record_id
         ) s ON s.record_id = r.id`,
        [type],
      );
      lines.push({
        recordType: type,
        records: Number(row.records),
        missing: Number(row.missing ?? 0),
        acknowledged: Number(row.acknowledged ?? 0),
        sent: Number(row.sent ?? 0),
        pending: Number(row.pending ?? 0),
        failed: Number(row.failed ?? 0),
      });
    }
    const failures: Array<{ reason: string | null; rows: string | number }> = await this.dataSource.query(
      `SELECT last_error AS reason, COUNT(*) AS \`rows\` FROM national_sync_outbox WHERE status = 'failed'
       GROUP BY last_error ORDER BY last_error`,
    );
    return {
      generatedAt: this.clock.now().toISOString(),
      lines,
      failures: failures.map((f) => ({ reason: f.reason ?? 'UNKNOWN', rows: Number(f.rows) })),
      unknownAcknowledgements,
    };
  }

  /** One record's rows and status, for the reconciliation of a single record. */
  async recordStatus(recordType: NationalRecordType, recordId: string) {
    return this.dataSource.query(
      `SELECT sequence, event, status, attempts, last_error AS lastError, sent_at AS sentAt,
              acknowledged_at AS acknowledgedAt, national_ref AS nationalRef
       FROM national_sync_outbox WHERE record_type = ? AND record_id = ? ORDER BY sequence`,
      [recordType, recordId],
    );
  }
}
