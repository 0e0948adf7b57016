import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { QUEUES } from '../queue/queues.js';
import { EscalationTally, type EscalationCount } from './escalation-tally.js';
import { latencyOf, LATENCY_QUANTILES, type LatencySample } from './latency.js';
import { withTimeout } from '../common/async/with-timeout.js';
import { AppConfig } from '../config/app-config.js';

/** The job states /metrics counts per queue. */
export const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
/** Completed jobs per queue the latency quantiles are computed over. */
export const LATENCY_SAMPLE_JOBS = 200;
/** A source (Redis, the database) that does not answer in this time is reported down for the scrape. */
const SOURCE_TIMEOUT_MS = 5000;

interface QueueFigures {
  name: string;
  counts: Record<string, number>;
  latency: LatencySample;
}

/**
 * The Prometheus exposition of the API process (docs/operations-queues.md): its own registry (never the
 * global one), the default Node.js process metrics, and figures read at scrape time — job counts and
 * latencies from Redis, escalation totals and the audit sequencer's backlog from the database. Labels carry queue names, job states,
 * quantiles and ladder levels only: no ids, no personal data.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger(MetricsService.name);
  private readonly registry = new Registry();
  private readonly queues: Array<{ name: string; queue: Queue }>;
  private readonly tally: EscalationTally;
  private inFlight: Promise<string> | null = null;

  private readonly jobs = new Gauge({
    name: 'tiepdan_queue_jobs',
    help: 'Jobs in a queue by state, read from Redis at scrape time.',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  private readonly runSeconds = new Gauge({
    name: 'tiepdan_queue_job_run_seconds',
    help: `Processing time (finishedOn - processedOn) of the last ${LATENCY_SAMPLE_JOBS} completed jobs kept, by quantile (1 = slowest).`,
    labelNames: ['queue', 'quantile'],
    registers: [this.registry],
  });
  private readonly waitSeconds = new Gauge({
    name: 'tiepdan_queue_job_wait_seconds',
    help: `Time from due to processing start (processedOn - timestamp - delay) of the last ${LATENCY_SAMPLE_JOBS} completed jobs kept, by quantile.`,
    labelNames: ['queue', 'quantile'],
    registers: [this.registry],
  });
  private readonly sampleJobs = new Gauge({
    name: 'tiepdan_queue_latency_sample_jobs',
    help: 'Completed jobs the latency quantiles are computed over (0: none kept, e.g. escalations, removed on completion).',
    labelNames: ['queue'],
    registers: [this.registry],
  });
  private readonly fired = new Counter({
    name: 'tiepdan_escalations_fired_total',
    help: 'Escalation levels fired (notifications sent), from the escalations table, by ladder level.',
    labelNames: ['level'],
    registers: [this.registry],
  });
  private readonly skipped = new Counter({
    name: 'tiepdan_escalations_skipped_total',
    help: 'Escalation levels skipped because a higher level was due at once, from the escalations table, by ladder level.',
    labelNames: ['level'],
    registers: [this.registry],
  });
  private readonly sourceUp = new Gauge({
    name: 'tiepdan_metrics_source_up',
    help: 'Whether a source answered this scrape (1) or not (0: its figures are missing from this scrape).',
    labelNames: ['source'],
    registers: [this.registry],
  });

  private readonly auditUnchained = new Gauge({
    name: 'tiepdan_audit_unchained_entries',
    help: "Audit entries committed and not yet chained by the worker's sequencer (docs/audit.md).",
    registers: [this.registry],
  });
  private readonly auditUnchainedAge = new Gauge({
    name: 'tiepdan_audit_oldest_unchained_seconds',
    help: 'Age of the oldest audit entry not yet chained (0: none); it grows while the sequencer is not running.',
    registers: [this.registry],
  });

  private readonly nationalRows = new Gauge({
    name: 'tiepdan_national_sync_rows',
    help: 'Rows of the national database outbox by status (docs/national-database.md).',
    labelNames: ['status'],
    registers: [this.registry],
  });
  private readonly nationalLag = new Gauge({
    name: 'tiepdan_national_sync_lag_seconds',
    help: 'Age of the oldest outbox row the national database has not acknowledged (0: none): the sync lag.',
    registers: [this.registry],
  });

  private readonly anonymised = new Gauge({
    name: 'tiepdan_retention_anonymised_records',
    help: 'Records the retention job has anonymised, by record (ADR 0015, docs/personal-data.md).',
    labelNames: ['record'],
    registers: [this.registry],
  });

  constructor(
    moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    // Every series names the instance it comes from (INSTANCE_ID): several API instances behind one
    // load balancer are told apart, whatever label the scraper adds (ADR 0012).
    this.registry.setDefaultLabels({ instance_id: config.instanceId });
    this.queues = Object.values(QUEUES).map((q) => ({
      name: q.name,
      queue: moduleRef.get<Queue>(getQueueToken(q.name), { strict: false }),
    }));
    this.tally = new EscalationTally(dataSource);
    collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text; concurrent scrapes share one collection. */
  scrape(): Promise<string> {
    this.inFlight ??= this.collect().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async collect(): Promise<string> {
    const [queues, database] = await Promise.all([
      this.guarded('redis', () => Promise.all(this.queues.map((q) => this.queueFigures(q.name, q.queue)))),
      this.guarded('database', () =>
        Promise.all([
          this.tally.counts(),
          this.auditBacklog(),
          this.nationalBacklog(),
          this.anonymisedRecords(),
        ]),
      ),
    ]);
    this.setQueues(queues);
    this.setEscalations(database?.[0] ?? null);
    this.setAuditBacklog(database?.[1] ?? null);
    this.setNationalBacklog(database?.[2] ?? null);
    this.anonymised.reset();
    for (const [record, n] of Object.entries(database?.[3] ?? {})) this.anonymised.set({ record }, n);
    return this.registry.metrics();
  }

  private async guarded<T>(source: string, read: () => Promise<T>): Promise<T | null> {
    try {
      const value = await withTimeout(read(), SOURCE_TIMEOUT_MS, source);
      this.sourceUp.set({ source }, 1);
      return value;
    } catch (error) {
      this.sourceUp.set({ source }, 0);
      this.logger.warn(`metrics: ${source} unavailable for this scrape (${(error as Error).name})`);
      return null;
    }
  }

  private async queueFigures(name: string, queue: Queue): Promise<QueueFigures> {
    const [counts, completed] = await Promise.all([
      queue.getJobCounts(...JOB_STATES),
      queue.getCompleted(0, LATENCY_SAMPLE_JOBS - 1),
    ]);
    return { name, counts, latency: latencyOf(completed.filter((j) => j !== undefined)) };
  }

  private setQueues(figures: QueueFigures[] | null): void {
    this.jobs.reset();
    this.runSeconds.reset();
    this.waitSeconds.reset();
    this.sampleJobs.reset();
    for (const f of figures ?? []) {
      for (const state of JOB_STATES) this.jobs.set({ queue: f.name, state }, f.counts[state] ?? 0);
      this.sampleJobs.set({ queue: f.name }, f.latency.jobs);
      if (f.latency.jobs === 0) continue;
      for (const q of LATENCY_QUANTILES) {
        this.runSeconds.set({ queue: f.name, quantile: String(q) }, f.latency.run.get(q)!);
        this.waitSeconds.set({ queue: f.name, quantile: String(q) }, f.latency.wait.get(q)!);
      }
    }
  }

  /** Unchained audit entries: the `chain_seq` index's null range, small while the sequencer runs. */
  private async auditBacklog(): Promise<{ count: number; oldestSeconds: number }> {
    const [row]: { n: string | number; oldest: string | number | null }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n, TIMESTAMPDIFF(SECOND, MIN(occurred_at), UTC_TIMESTAMP(3)) AS oldest
       FROM audit_log WHERE chain_seq IS NULL`,
    );
    return { count: Number(row.n), oldestSeconds: row.oldest === null ? 0 : Math.max(0, Number(row.oldest)) };
  }

  private setAuditBacklog(backlog: { count: number; oldestSeconds: number } | null): void {
    this.auditUnchained.reset();
    this.auditUnchainedAge.reset();
    if (!backlog) return;
    this.auditUnchained.set(backlog.count);
    this.auditUnchainedAge.set(backlog.oldestSeconds);
  }

  /**
   * Anonymised letters and reception visits: the non-null range of the index that leads with
   * `anonymised_at` — only the anonymised rows' index entries are read, none while every class is `keep`.
   */
  private async anonymisedRecords(): Promise<Record<string, number>> {
    const [row]: { letter: string | number; reception_visit: string | number }[] =
      await this.dataSource.query(
        `SELECT (SELECT COUNT(*) FROM letters WHERE anonymised_at IS NOT NULL) AS letter,
              (SELECT COUNT(*) FROM reception_visits WHERE anonymised_at IS NOT NULL) AS reception_visit`,
      );
    return { letter: Number(row.letter), reception_visit: Number(row.reception_visit) };
  }

  /** The national outbox by status, and the age of its oldest unacknowledged row. */
  private async nationalBacklog(): Promise<{ byStatus: Record<string, number>; lagSeconds: number }> {
    const rows: { status: string; n: string | number; oldest: string | number | null }[] =
      await this.dataSource.query(
        `SELECT status, COUNT(*) AS n,
                TIMESTAMPDIFF(SECOND, MIN(created_at), UTC_TIMESTAMP(3)) AS oldest
         FROM national_sync_outbox GROUP BY status`,
      );
    const byStatus: Record<string, number> = { pending: 0, sent: 0, acknowledged: 0, failed: 0 };
    let lagSeconds = 0;
    for (const r of rows) {
      byStatus[r.status] = Number(r.n);
      if (r.status !== 'acknowledged' && r.oldest !== null)
        lagSeconds = Math.max(lagSeconds, Number(r.oldest));
    }
    return { byStatus, lagSeconds };
  }

  private setNationalBacklog(backlog: { byStatus: Record<string, number>; lagSeconds: number } | null): void {
    this.nationalRows.reset();
    this.nationalLag.reset();
    if (!backlog) return;
    for (const [status, n] of Object.entries(backlog.byStatus)) this.nationalRows.set({ status }, n);
    this.nationalLag.set(backlog.lagSeconds);
  }

  private setEscalations(counts: EscalationCount[] | null): void {
    // Counters rebuilt from the table's totals: they only ever rise, as a counter must.
    this.fired.reset();
    this.skipped.reset();
    for (const c of counts ?? []) {
      const counter = c.status === 'fired' ? this.fired : c.status === 'skipped' ? this.skipped : null;
      counter?.inc({ level: String(c.level) }, c.count);
    }
  }
}
