import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain/domain-error.js';
import { withSweepLock } from '../common/database/sweep-lock.js';
import { QUEUES } from '../queue/queues.js';
import { countingProgress } from './domain/report-run.js';
import { ReportRunEntity } from './entities/report-run.entity.js';
import { ReportFileStore, type StoredReportFile } from './report-file-store.js';
import { ensureLiveJob } from '../queue/ensure-live-job.js';
import { reportRunJob } from './report-run-jobs.js';
import { reportRunQuery } from './report-runs.service.js';
import { resolveReportQuery, ReportsService } from './reports.service.js';

/** Units counted per query: small enough for steady progress, large enough to stay fast. */
export const REPORT_RUN_CHUNK_UNITS = 20;
/** A queued run older than this without a live job is enqueued again. */
export const QUEUED_SWEEP_AFTER_MS = 60_000;
/** A running run whose heartbeat (each chunk) is older than this is stalled: its worker died. */
export const STALLED_AFTER_MS = 120_000;
/** Temp files older than this are leftovers of a crash. */
const TEMP_MAX_AGE_MS = 24 * 3600 * 1000;
const SWEEP_BATCH = 500;
/**
 * Deliveries one run may claim. A run that kills its worker every time (memory, say) would otherwise be
 * re-queued by the sweep for ever; past this it is failed with `REPORT_RUN_GAVE_UP`.
 */
export const MAX_CLAIMS = 5;

export type ReportRunOutcome = 'done' | 'failed' | 'not-claimed' | 'missing';

export interface ReportRunSweepResult {
  /** false when another sweep held the lock (nothing done). */
  ran: boolean;
  enqueued: number;
  expired: number;
}

/** Thrown inside a run when another delivery claimed it meanwhile (this one was stalled). */
class ClaimLost extends Error {}

/** A short code for a failure: a domain code, a driver or system code; never a message or a stack. */
export function failureCode(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : 'REPORT_RUN_INTERNAL';
}

/**
 * Builds background report runs in the worker (docs/reports.md, "Background runs").
 *
 * - A delivery first claims its run with one conditional UPDATE (`queued` → `running`, or a `running`
 *   run whose heartbeat stopped), bumping `attempts`: of two deliveries at once only one wins, and a
 *   done run is never claimed again.
 * - Every later write names the claim (`attempts`), so a stalled delivery that wakes up after another
 *   took over changes nothing and deletes the file it wrote.
 * - The file is written (temp + fsync + rename) before the one UPDATE that marks the run done with its
 *   size and SHA-256: a done run always has its file.
 */
@Injectable()
export class ReportRunBuilder {
  private readonly logger = new Logger('ReportRuns');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.reports.name) private readonly queue: Queue,
    private readonly reports: ReportsService,
    private readonly store: ReportFileStore,
    private readonly clock: Clock,
  ) {}

  /**
   * The `report-run` job. A domain error (a unit deleted meanwhile, say) fails the run at once; any
   * other error sends it back to `queued` for BullMQ's next attempt, or fails it on the last one, and
   * is rethrown.
   */
  async run(
    runId: string,
    { finalAttempt = true }: { finalAttempt?: boolean } = {},
  ): Promise<ReportRunOutcome> {
    const run = await this.claim(runId);
    if (!run) {
      const exists = await this.dataSource.getRepository(ReportRunEntity).existsBy({ id: runId });
      return exists ? 'not-claimed' : 'missing';
    }
    const claim = run.attempts;
    let stored: StoredReportFile | null = null;
    try {
      const resolved = resolveReportQuery(run.formCode.replace('/', '-'), reportRunQuery(run));
      const scope = await this.reports.unitsUnder(run.scopeRootUnitIds);
      const output = await this.reports.render(
        resolved,
        scope,
        (done, total) => this.progress(run.id, claim, done, total),
        REPORT_RUN_CHUNK_UNITS,
      );
      const body = output.format === 'json' ? Buffer.from(JSON.stringify(output.view)) : output.file.body;
      stored = await this.store.put(ReportFileStore.nameFor(run.id, claim, output.format), body);
      const finishedAt = this.clock.now();
      const lifetime = run.expiresAt.getTime() - run.createdAt.getTime();
      const marked: { affectedRows: number } = await this.dataSource.query(
        `UPDATE report_runs SET status = 'done', progress = 100, units_done = units_total, file_path = ?,
           file_size = ?, file_sha256 = ?, error_code = NULL, finished_at = ?, heartbeat_at = ?, expires_at = ?
         WHERE id = ? AND status = 'running' AND attempts = ?`,
        [
          stored.name,
          stored.size,
          stored.sha256,
          finishedAt,
          finishedAt,
          new Date(finishedAt.getTime() + lifetime),
          run.id,
          claim,
        ],
      );
      if (marked.affectedRows !== 1) {
        await this.store.remove(stored.name);
        return 'not-claimed';
      }
      return 'done';
    } catch (error) {
      // A file written before the failure (the "done" UPDATE failed) is no run's: the retry writes its own.
      if (stored) await this.store.remove(stored.name).catch(() => undefined);
      if (error instanceof ClaimLost) return 'not-claimed';
      const code = failureCode(error);
      const permanent = error instanceof DomainError;
      await this.dataSource.query(
        `UPDATE report_runs SET status = ?, error_code = ?, finished_at = ?
         WHERE id = ? AND status = 'running' AND attempts = ?`,
        permanent || finalAttempt
          ? ['failed', code, this.clock.now(), run.id, claim]
          : ['queued', code, null, run.id, claim],
      );
      this.logger.warn({ runId: run.id, code, permanent, finalAttempt }, 'report run failed');
      if (permanent) return 'failed';
      throw error;
    }
  }

  /**
   * The scheduled `report-run-sweep`: enqueues runs left queued for a minute (their job lost: a crash
   * between commit and enqueue, Redis down or flushed) or stalled while running, then deletes runs past
   * their expiry with their files, then temp files a crash left. Overlap-safe (a database lock).
   */
  async sweep(): Promise<ReportRunSweepResult> {
    const result = await withSweepLock(this.dataSource, 'report-run-sweep', async () => {
      const now = this.clock.now();
      const queuedBefore = new Date(now.getTime() - QUEUED_SWEEP_AFTER_MS);
      const stalledBefore = new Date(now.getTime() - STALLED_AFTER_MS);
      // Runs that used up their claims are failed, not queued again.
      await this.dataSource.query(
        `UPDATE report_runs SET status = 'failed', error_code = 'REPORT_RUN_GAVE_UP', finished_at = ?
          WHERE attempts >= ? AND ((status = 'queued' AND created_at <= ?) OR (status = 'running' AND heartbeat_at <= ?))`,
        [now, MAX_CLAIMS, queuedBefore, stalledBefore],
      );
      const stuck: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM report_runs
          WHERE (status = 'queued' AND created_at <= ?) OR (status = 'running' AND heartbeat_at <= ?)
          ORDER BY created_at, id LIMIT ${SWEEP_BATCH}`,
        [queuedBefore, stalledBefore],
      );
      let enqueued = 0;
      for (const { id } of stuck)
        if (await ensureLiveJob(this.queue, reportRunJob(id), 'replace')) enqueued++;

      const expired: { id: string; file_path: string | null }[] = await this.dataSource.query(
        `SELECT id, file_path FROM report_runs WHERE expires_at <= ? ORDER BY expires_at, id LIMIT ${SWEEP_BATCH}`,
        [now],
      );
      for (const row of expired) {
        // The file first: a crash in between leaves a row whose download answers 410, never a file
        // no row names.
        if (row.file_path !== null) await this.store.remove(row.file_path);
        await this.dataSource.query('DELETE FROM report_runs WHERE id = ? AND expires_at <= ?', [
          row.id,
          now,
        ]);
      }
      await this.store.sweepTemp(TEMP_MAX_AGE_MS, now);
      if (enqueued > 0 || expired.length > 0) {
        this.logger.log({ enqueued, expired: expired.length }, 'report run sweep');
      }
      return { enqueued, expired: expired.length };
    });
    return result === null ? { ran: false, enqueued: 0, expired: 0 } : { ran: true, ...result };
  }

  /** `queued` → `running` (or a stalled `running` taken over), in one conditional UPDATE. */
  private async claim(runId: string): Promise<ReportRunEntity | null> {
    const now = this.clock.now();
    const claimed: { affectedRows: number } = await this.dataSource.query(
      `UPDATE report_runs SET status = 'running', attempts = attempts + 1, progress = 0, units_done = 0,
         started_at = ?, heartbeat_at = ?, error_code = NULL, finished_at = NULL
       WHERE id = ? AND attempts < ? AND (status = 'queued' OR (status = 'running' AND heartbeat_at <= ?))`,
      [now, now, runId, MAX_CLAIMS, new Date(now.getTime() - STALLED_AFTER_MS)],
    );
    if (claimed.affectedRows !== 1) return null;
    return this.dataSource.getRepository(ReportRunEntity).findOneByOrFail({ id: runId });
  }

  private async progress(runId: string, claim: number, done: number, total: number): Promise<void> {
    const updated: { affectedRows: number } = await this.dataSource.query(
      `UPDATE report_runs SET progress = ?, units_done = ?, units_total = ?, heartbeat_at = ?
       WHERE id = ? AND status = 'running' AND attempts = ?`,
      [countingProgress(done, total), done, total, this.clock.now(), runId, claim],
    );
    if (updated.affectedRows !== 1) throw new ClaimLost();
  }
}
