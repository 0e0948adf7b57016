import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { withSweepLock } from '../common/database/sweep-lock.js';
import { AppConfig } from '../config/app-config.js';
import { IdentityVault } from '../identity/identity-vault.js';
import { LetterPetitionerEntity } from '../letters/entities/letter-petitioner.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ensureLiveJob, type LiveJob } from '../queue/ensure-live-job.js';
import { QUEUES } from '../queue/queues.js';
import type { NationalEnvelope } from './domain/national-envelope.js';
import {
  nationalRetryDelayMs,
  type NationalEvent,
  type NationalRecordType,
} from './domain/national-events.js';
import { NATIONAL_TRANSPORT, type NationalTransport } from './national-transport.js';

export type NationalSendOutcome =
  | 'acknowledged'
  | 'sent'
  | 'retry'
  | 'failed'
  | 'blocked'
  | 'no-agency-code'
  | 'off'
  | 'not-due'
  | 'skipped'
  | 'missing';

/** Rows enqueued per sweep; the next sweep takes the rest. */
export const NATIONAL_SWEEP_BATCH = 500;

/** The job that delivers one outbox row (id-only payload; deterministic id). */
export const nationalSendJob = (rowId: string): LiveJob => ({
  name: QUEUES.nationalSync.jobs.send,
  jobId: `national-sync-${rowId}`,
  data: { rowId },
  opts: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: true,
    removeOnFail: 1000,
  },
});

interface OutboxRow {
  id: string;
  record_type: NationalRecordType;
  record_id: string;
  sequence: number | string;
  event: NationalEvent;
  unit_id: string;
  occurred_on: string;
  schema_version: number | string;
  payload: string | Record<string, unknown>;
  idempotency_key: string;
  status: string;
  attempts: number | string;
  next_attempt_at: Date | null;
}

/**
 * Delivers the national outbox (docs/national-database.md): one row per `national-sync-send` job, in
 * sequence order per record (a row waits while an earlier one of its record is pending or failed), through
 * the configured transport. The row is locked during the attempt; a crash after the national side took it
 * and before the commit sends it again with the same idempotency key, which the national side drops.
 */
@Injectable()
export class NationalSyncDelivery {
  private readonly logger = new Logger('NationalSync');

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.nationalSync.name) private readonly queue: Queue,
    @Inject(NATIONAL_TRANSPORT) private readonly transport: NationalTransport,
    private readonly vault: IdentityVault,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async send(rowId: string): Promise<NationalSendOutcome> {
    if (this.transport.name === 'off') return 'off';
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query('SELECT * FROM national_sync_outbox WHERE id = ? FOR UPDATE', [
        rowId,
      ])) as OutboxRow[];
      if (!row) return 'missing';
      if (row.status !== 'pending') return 'skipped';
      const now = this.clock.now();
      if (row.next_attempt_at && row.next_attempt_at.getTime() > now.getTime()) return 'not-due';
      const earlier = await manager.query(
        `SELECT 1 FROM national_sync_outbox WHERE record_type = ? AND record_id = ? AND sequence < ?
           AND status IN ('pending', 'failed') LIMIT 1`,
        [row.record_type, row.record_id, row.sequence],
      );
      if (earlier.length > 0) return 'blocked';
      const [unit] = (await manager.query('SELECT agency_code FROM units WHERE id = ?', [
        row.unit_id,
      ])) as Array<{
        agency_code: string | null;
      }>;
      if (!unit?.agency_code) {
        // Not an attempt: the record waits for the unit's code (the sweep retries it in an hour).
        await manager.query(
          'UPDATE national_sync_outbox SET last_error = ?, next_attempt_at = ? WHERE id = ?',
          ['UNIT_AGENCY_CODE_MISSING', new Date(now.getTime() + 3_600_000), row.id],
        );
        return 'no-agency-code';
      }
      const envelope: NationalEnvelope = {
        schemaVersion: Number(row.schema_version),
        idempotencyKey: row.idempotency_key,
        agencyCode: unit.agency_code,
        recordType: row.record_type,
        recordId: row.record_id,
        sequence: Number(row.sequence),
        event: row.event,
        occurredOn: row.occurred_on,
        data: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
        ...(await this.subjects(manager, row)),
      };
      const result = await this.transport.deliver(envelope, now);
      const attempts = Number(row.attempts) + 1;
      if (result.outcome === 'acknowledged') {
        await manager.query(
          `UPDATE national_sync_outbox SET status = 'acknowledged', attempts = ?, sent_at = COALESCE(sent_at, ?),
             acknowledged_at = ?, national_ref = ?, last_error = NULL WHERE id = ?`,
          [attempts, now, now, result.reference, row.id],
        );
        return 'acknowledged';
      }
      if (result.outcome === 'sent') {
        await manager.query(
          `UPDATE national_sync_outbox SET status = 'sent', attempts = ?, sent_at = ?, last_error = NULL WHERE id = ?`,
          [attempts, now, row.id],
        );
        return 'sent';
      }
      const delay = result.retryable ? nationalRetryDelayMs(attempts) : null;
      this.logger.warn(
        { row: row.id, recordType: row.record_type, attempts, reason: result.reason, final: delay === null },
        'national database did not take a record',
      );
      await manager.query(
        'UPDATE national_sync_outbox SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?',
        [
          delay === null ? 'failed' : 'pending',
          attempts,
          result.reason.slice(0, 300),
          delay === null ? row.next_attempt_at : new Date(now.getTime() + delay),
          row.id,
        ],
      );
      return delay === null ? 'failed' : 'retry';
    });
  }

  /** The rows due now that head their record's queue (nothing earlier pending or failed). */
  async dueRows(limit = NATIONAL_SWEEP_BATCH): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT o.id FROM national_sync_outbox o
       WHERE o.status = 'pending' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
         AND NOT EXISTS (SELECT 1 FROM national_sync_outbox e
                         WHERE e.record_type = o.record_type AND e.record_id = o.record_id
                           AND e.sequence < o.sequence AND e.status IN ('pending', 'failed'))
       ORDER BY o.id LIMIT ${Number(limit)}`,
      [this.clock.now()],
    );
    return rows.map((r) => r.id);
  }

  /** Enqueues the due rows and tells the heads of unacknowledged acceptances. Overlap-safe. */
  async sweep(): Promise<{ ran: boolean; enqueued: number; escalated: number }> {
    const result = await withSweepLock(this.dataSource, 'national-sync-sweep', async () => {
      let enqueued = 0;
      if (this.transport.name !== 'off') {
        for (const id of await this.dueRows())
          if (await ensureLiveJob(this.queue, nationalSendJob(id))) enqueued++;
      }
      const escalated = await this.escalateUnacknowledged();
      return { enqueued, escalated };
    });
    return result === null ? { ran: false, enqueued: 0, escalated: 0 } : { ran: true, ...result };
  }

  /**
   * Delivers everything due, one row at a time in order, until nothing is left that can go now (the CLI's
   * `deliver` and the tests; the worker uses the queue). Returns the outcomes by kind.
   */
  async drain(maxRounds = 1000): Promise<Record<string, number>> {
    const tally: Record<string, number> = {};
    for (let round = 0; round < maxRounds; round++) {
      const ids = await this.dueRows();
      let progressed = false;
      for (const id of ids) {
        const outcome = await this.send(id);
        tally[outcome] = (tally[outcome] ?? 0) + 1;
        if (outcome === 'acknowledged' || outcome === 'sent') progressed = true;
      }
      if (!progressed) break;
    }
    return tally;
  }

  /**
   * An accepted case the national side has not acknowledged within NATIONAL_SYNC_ACK_HOURS (NĐ 55/2022
   * art. 8: "immediately") is escalated like a deadline: the unit's heads are told, once per row.
   */
  async escalateUnacknowledged(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.nationalSync.ackHours * 3_600_000);
    const rows: Array<{
      id: string;
      record_type: string;
      record_id: string;
      unit_id: string;
      status: string;
    }> = await this.dataSource.query(
      `SELECT id, record_type, record_id, unit_id, status FROM national_sync_outbox
         WHERE event = 'case.accepted' AND status <> 'acknowledged' AND created_at <= ?
         ORDER BY id LIMIT ${NATIONAL_SWEEP_BATCH}`,
      [cutoff],
    );
    let created = 0;
    for (const r of rows) {
      created += await this.dataSource.transaction(async (manager) => {
        const heads: { id: string }[] = await manager.query(
          `SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'unit_head'
           WHERE u.unit_id = ? AND u.active = 1 ORDER BY u.id`,
          [r.unit_id],
        );
        const path = r.record_type === 'complaint_case' ? 'complaint-cases' : 'denunciation-cases';
        const result = await this.notifications.notify(manager, {
          userIds: heads.map((h) => h.id),
          kind: 'national_sync_overdue',
          sourceKey: `national-sync-${r.id}`,
          title: 'Chưa cập nhật Cơ sở dữ liệu quốc gia về việc thụ lý',
          body:
            `Việc thụ lý vụ việc chưa được Cơ sở dữ liệu quốc gia xác nhận sau ${this.config.nationalSync.ackHours} giờ` +
            ` (tình trạng: ${r.status}). Nghị định 55/2022/NĐ-CP điều 8 yêu cầu cập nhật ngay.`,
          link: `/api/v1/${path}/${r.record_id}`,
          subjectType: r.record_type,
          subjectId: r.record_id,
          unitId: r.unit_id,
          webhookPayload: {
            outboxId: r.id,
            recordType: r.record_type,
            recordId: r.record_id,
            status: r.status,
          },
        });
        return result.created;
      });
    }
    return created;
  }

  /**
   * The persons the schema carries, opened at delivery (never stored in the outbox): a letter's
   * petitioners' names and addresses (NĐ 55/2022 art. 6) — a denouncer's only when
   * NATIONAL_SYNC_DENOUNCER_IDENTITY_BASIS names the legal basis, which travels with them.
   */
  private async subjects(
    manager: EntityManager,
    row: OutboxRow,
  ): Promise<Pick<NationalEnvelope, 'subjects' | 'identityBasis'>> {
    if (row.record_type !== 'letter' || row.event !== 'letter.classified') return {};
    const [letter] = (await manager.query('SELECT identity_protected FROM letters WHERE id = ?', [
      row.record_id,
    ])) as Array<{ identity_protected: number | string }>;
    if (!letter) return {};
    const isProtected = Number(letter.identity_protected) === 1;
    const basis = this.config.nationalSync.denouncerIdentityBasis;
    if (isProtected && !basis) return {};
    const people = await manager.find(LetterPetitionerEntity, {
      where: { letterId: row.record_id },
      order: { position: 'ASC' },
    });
    const subjects = people.map((p) => {
      const identity = this.vault.open<{ fullName: string; address?: string | null }>(p.id, p);
      return {
        role: isProtected ? 'denouncer' : 'petitioner',
        fullName: identity.fullName,
        address: identity.address ?? null,
      };
    });
    return isProtected ? { subjects, identityBasis: basis } : { subjects };
  }
}
