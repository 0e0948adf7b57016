import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { LocalDate } from '../common/domain/local-date.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { addJob, ensureLiveJob, type LiveJob } from '../queue/ensure-live-job.js';
import { QUEUES } from '../queue/queues.js';
import { CalendarChangeSubscribers, type CalendarChange } from './calendar-change-subscribers.js';
import { withTimeout } from '../common/async/with-timeout.js';
import { withSweepLock } from '../common/database/sweep-lock.js';

/** Rows unprocessed for longer than this are re-enqueued by the sweep. */
export const SWEEP_AFTER_MS = 60_000;
/** Rows re-enqueued per sweep run (the next run takes the rest). */
const SWEEP_BATCH = 500;
/** How long a request waits for Redis before leaving the change to the sweep. */
const ENQUEUE_TIMEOUT_MS = 2_000;

/** The deterministic job id of an outbox row (BullMQ refuses `:` in custom ids). */
export const calendarChangeJobId = (changeId: string) => `calendar-change-${changeId}`;

/** The job of an outbox row: its id only. */
const calendarChangeJob = (changeId: string): LiveJob => ({
  name: QUEUES.calendar.jobs.change,
  jobId: calendarChangeJobId(changeId),
  data: { changeId },
});

export interface CalendarChangeInput {
  scopeKey: string;
  unitId: string | null;
  revision: number;
  reason: string;
  firstAffectedDate: LocalDate;
}

export type ProcessOutcome = 'processed' | 'already-processed' | 'missing';

export interface SweepResult {
  /** false when another sweep held the lock (nothing done). */
  ran: boolean;
  /** Rows whose job was added again (or retried after failing for good). */
  enqueued: number;
}

interface ChangeRow {
  id: string;
  scope_key: string;
  unit_id: string | null;
  revision: number | string;
  reason: string;
  first_affected_date: string;
  created_at: Date;
  processed_at: Date | null;
}

/**
 * The calendar-change hook (ADR 0004): a transactional outbox row per change, a job after commit, and a
 * sweep for whatever a crash or a Redis outage left behind. The database is the source of truth
 * (ADR 0003): Redis only carries the wake-up call.
 */
@Injectable()
export class CalendarChangesService {
  private readonly logger = new Logger('CalendarChanges');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.calendar.name) private readonly queue: Queue,
    private readonly subscribers: CalendarChangeSubscribers,
    private readonly clock: Clock,
  ) {}

  /** Writes the outbox row inside the change's transaction (before its audit entry). Returns its id. */
  async record(manager: EntityManager, change: CalendarChangeInput): Promise<string> {
    const id = uuid7();
    await manager.query(
      `INSERT INTO calendar_changes (id, scope_key, unit_id, revision, reason, first_affected_date, created_at, processed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
      [
        id,
        change.scopeKey,
        change.unitId,
        change.revision,
        change.reason,
        change.firstAffectedDate,
        this.clock.now(),
      ],
    );
    return id;
  }

  /**
   * After the commit: enqueues the row's job. Never throws — when Redis is down or slow the failure is
   * logged and the sweep enqueues the row later, so the API keeps working.
   */
  async publish(changeId: string): Promise<boolean> {
    try {
      await withTimeout(addJob(this.queue, calendarChangeJob(changeId)), ENQUEUE_TIMEOUT_MS, 'Redis');
      return true;
    } catch (error) {
      this.logger.warn(
        `calendar change ${changeId} not enqueued (${error instanceof Error ? error.message : String(error)}); the sweep will enqueue it`,
      );
      return false;
    }
  }

  /**
   * The job handler: tells every subscriber about the change and marks it processed, in one transaction
   * that holds the row's lock. A second delivery of the same change waits for the first and then finds
   * it processed: subscribers run once per change.
   */
  async process(changeId: string): Promise<ProcessOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const rows: ChangeRow[] = await manager.query(
        'SELECT * FROM calendar_changes WHERE id = ? FOR UPDATE',
        [changeId],
      );
      const row = rows[0];
      if (!row) return 'missing';
      if (row.processed_at !== null) return 'already-processed';
      await this.tellSubscribers(manager, toChange(row));
      await manager.query('UPDATE calendar_changes SET processed_at = ? WHERE id = ?', [
        this.clock.now(),
        changeId,
      ]);
      return 'processed';
    });
  }

  /**
   * A dry run's second half (CalendarAdminService.preview): tells this process's subscribers about a
   * change written, not committed, in `manager`'s transaction, which the caller then rolls back.
   */
  async rehearse(manager: EntityManager, changeId: string): Promise<void> {
    const rows: ChangeRow[] = await manager.query('SELECT * FROM calendar_changes WHERE id = ?', [changeId]);
    if (rows[0]) await this.tellSubscribers(manager, toChange(rows[0]));
  }

  private async tellSubscribers(manager: EntityManager, change: CalendarChange): Promise<void> {
    for (const subscriber of this.subscribers.all()) {
      await subscriber.onCalendarChanged(change, manager);
    }
  }

  /**
   * Re-enqueues rows left unprocessed for more than a minute (a crash between commit and enqueue, Redis
   * down at the time, a job that failed all its attempts). Overlap-safe: runs under a database lock
   * (`GET_LOCK`, per database), and a run that finds it taken does nothing.
   */
  async sweep(olderThanMs: number = SWEEP_AFTER_MS): Promise<SweepResult> {
    const enqueued = await withSweepLock(this.dataSource, 'calendar-change-sweep', async () => {
      const cutoff = new Date(this.clock.now().getTime() - olderThanMs);
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM calendar_changes WHERE processed_at IS NULL AND created_at <= ?
         ORDER BY created_at, id LIMIT ${SWEEP_BATCH}`,
        [cutoff],
      );
      let count = 0;
      // A completed job while the row is unprocessed cannot come from our handler: it is replaced.
      for (const { id } of rows) if (await ensureLiveJob(this.queue, calendarChangeJob(id))) count++;
      if (count > 0) this.logger.log(`sweep re-enqueued ${count} calendar change(s)`);
      return count;
    });
    return enqueued === null ? { ran: false, enqueued: 0 } : { ran: true, enqueued };
  }

  /** Unprocessed outbox rows (oldest first), for operations and tests. */
  async pending(limit = 100): Promise<CalendarChange[]> {
    const rows: ChangeRow[] = await this.dataSource.query(
      `SELECT * FROM calendar_changes WHERE processed_at IS NULL ORDER BY created_at, id LIMIT ${Number(limit)}`,
    );
    return rows.map(toChange);
  }
}

function toChange(row: ChangeRow): CalendarChange {
  return {
    id: row.id,
    scopeKey: row.scope_key,
    unitId: row.unit_id,
    revision: Number(row.revision),
    reason: row.reason,
    firstAffectedDate: row.first_affected_date,
    createdAt: row.created_at,
  };
}
