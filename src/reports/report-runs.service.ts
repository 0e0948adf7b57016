import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { uuid7 } from '../common/ids/uuid7.js';
import type { Page } from '../common/http/page.dto.js';
import { AppConfig } from '../config/app-config.js';
import { QUEUES } from '../queue/queues.js';
import type { CreateReportRunDto, ReportRunView } from './dto/report-run.dto.js';
import type { ReportQueryDto } from './dto/report-query.dto.js';
import { ReportRunEntity } from './entities/report-run.entity.js';
import { ReportFileStore } from './report-file-store.js';
import { addJob } from '../queue/ensure-live-job.js';
import { reportRunJob } from './report-run-jobs.js';
import {
  reportRunExpired,
  reportRunFailed,
  reportRunNotFound,
  reportRunNotReady,
  reportRunTooMany,
} from './report-runs.errors.js';
import { resolveReportQuery, ReportsService } from './reports.service.js';
import { withTimeout } from '../common/async/with-timeout.js';

/** How long a request waits for Redis before leaving the run to the sweep. */
const ENQUEUE_TIMEOUT_MS = 2_000;
/** Runs one user may have queued or running at once: a report over ten years of a province is heavy. */
export const MAX_ACTIVE_RUNS_PER_USER = 3;
const DAY_MS = 24 * 3600 * 1000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_TYPE,
  json: 'application/json; charset=utf-8',
};

/** The file name a run's download carries, as the synchronous report names it. */
export function reportRunFilename(
  run: Pick<ReportRunEntity, 'formCode' | 'windowFrom' | 'windowTo' | 'format'>,
) {
  return `bao-cao_${run.formCode.replace('/', '-')}_${run.windowFrom}_${run.windowTo}.${run.format}`;
}

/** The stored query as `GET /api/v1/reports/{form}` takes it, so the worker resolves the same window. */
export function reportRunQuery(run: ReportRunEntity): ReportQueryDto {
  return run.periodKind !== null
    ? {
        period: run.periodKind,
        year: run.periodYear === null ? undefined : String(run.periodYear),
        index: run.periodIndex === null ? undefined : String(run.periodIndex),
        cutoff: run.cutoff ?? undefined,
        format: run.format as ReportQueryDto['format'],
      }
    : { from: run.windowFrom, to: run.windowTo, format: run.format as ReportQueryDto['format'] };
}

export function toReportRunView(run: ReportRunEntity): ReportRunView {
  const self = `/api/v1/report-runs/${run.id}`;
  const done = run.status === 'done';
  return {
    id: run.id,
    form: run.formCode.replace('/', '-'),
    window: { from: run.windowFrom, to: run.windowTo },
    period: run.periodKind,
    year: run.periodYear,
    index: run.periodIndex,
    cutoff: run.cutoff,
    unitId: run.unitId,
    format: run.format,
    status: run.status,
    progress: run.progress,
    unitsTotal: run.unitsTotal,
    unitsDone: run.unitsDone,
    errorCode: run.errorCode,
    file:
      done && run.fileSize !== null && run.fileSha256 !== null
        ? { filename: reportRunFilename(run), size: run.fileSize, sha256: run.fileSha256 }
        : null,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    expiresAt: run.expiresAt.toISOString(),
    links: { self, download: done ? `${self}/file` : null },
  };
}

/**
 * Background report runs, the API side (docs/reports.md, "Background runs"): asking for one, watching
 * it, downloading its file. A run is its requester's alone: anyone else gets 404, whatever their role.
 */
@Injectable()
export class ReportRunsService {
  private readonly logger = new Logger('ReportRuns');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.reports.name) private readonly queue: Queue,
    private readonly reports: ReportsService,
    private readonly store: ReportFileStore,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the query as the synchronous report does (400 field by field, 404 for a unit out of scope),
   * records the run and its audit entry in one transaction, then enqueues its job. A lost enqueue (Redis
   * down, a crash right after the commit) is the sweep's to repair.
   */
  async request(actor: Actor, dto: CreateReportRunDto): Promise<ReportRunView> {
    const isPeriod = dto.period !== undefined;
    const resolved = resolveReportQuery(dto.form, {
      period: dto.period,
      year: dto.year === undefined ? undefined : String(dto.year),
      index: dto.index === undefined ? undefined : String(dto.index),
      from: dto.from,
      to: dto.to,
      cutoff: dto.cutoff,
      format: dto.format,
    });
    const roots = await this.reports.scopeRoots(actor, dto.unitId);
    const now = this.clock.now();
    const run = Object.assign(new ReportRunEntity(), {
      id: uuid7(now.getTime()),
      requestedBy: actor.userId!,
      formCode: resolved.form.code,
      periodKind: isPeriod ? dto.period! : null,
      periodYear: isPeriod ? (dto.year ?? null) : null,
      periodIndex: isPeriod ? (dto.index ?? null) : null,
      cutoff: isPeriod ? (dto.cutoff ?? 'nd09') : null,
      windowFrom: resolved.window.from,
      windowTo: resolved.window.to,
      unitId: dto.unitId ?? null,
      scopeRootUnitIds: roots,
      format: resolved.format,
      status: 'queued' as const,
      progress: 0,
      unitsTotal: 0,
      unitsDone: 0,
      attempts: 0,
      filePath: null,
      fileSize: null,
      fileSha256: null,
      errorCode: null,
      createdAt: now,
      startedAt: null,
      heartbeatAt: null,
      finishedAt: null,
      expiresAt: new Date(now.getTime() + this.config.reports.retentionDays * DAY_MS),
    });
    await this.dataSource.transaction(async (manager) => {
      // One requester's runs are counted under a lock on their account row, so two requests at once
      // cannot both slip under the limit.
      await manager.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [run.requestedBy]);
      const [{ active }] = (await manager.query(
        "SELECT COUNT(*) AS active FROM report_runs WHERE requested_by = ? AND status IN ('queued', 'running')",
        [run.requestedBy],
      )) as { active: number | string }[];
      if (Number(active) >= MAX_ACTIVE_RUNS_PER_USER) throw reportRunTooMany(MAX_ACTIVE_RUNS_PER_USER);
      await manager.getRepository(ReportRunEntity).insert(run);
      await this.audit.record(manager, actor, {
        action: 'report_run.request',
        entityType: 'report_run',
        entityId: run.id,
        unitId: run.unitId ?? actor.unitId,
        changes: {
          form: { before: null, after: run.formCode },
          window: { before: null, after: `${run.windowFrom}/${run.windowTo}` },
          unitId: { before: null, after: run.unitId },
          format: { before: null, after: run.format },
        },
      });
    });
    await this.publish(run.id);
    return toReportRunView(run);
  }

  async get(actor: Actor, id: string): Promise<ReportRunView> {
    return toReportRunView(await this.visible(actor, id));
  }

  /** The actor's own runs, newest first. */
  async list(actor: Actor, page: number, pageSize: number): Promise<Page<ReportRunView>> {
    const [rows, total] = await this.dataSource.getRepository(ReportRunEntity).findAndCount({
      where: { requestedBy: actor.userId ?? '' },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toReportRunView), page, pageSize, total };
  }

  /**
   * The file of a done run (its requester's, over units they still see: `visible`).
   */
  async file(
    actor: Actor,
    id: string,
  ): Promise<{ filename: string; contentType: string; size: number; sha256: string; stream: Readable }> {
    const run = await this.visible(actor, id);
    if (run.expiresAt.getTime() <= this.clock.now().getTime()) throw reportRunExpired();
    if (run.status === 'failed') throw reportRunFailed(run.errorCode);
    if (run.status !== 'done' || run.filePath === null) throw reportRunNotReady(run.status, run.progress);
    const stream = await this.store.open(run.filePath);
    if (!stream) throw reportRunExpired();
    return {
      filename: reportRunFilename(run),
      contentType: CONTENT_TYPES[run.format],
      size: run.fileSize ?? 0,
      sha256: run.fileSha256 ?? '',
      stream,
    };
  }

  /**
   * The actor's own run, over units they still see: a run over units the requester no longer sees is a
   * 404, as a run that is not theirs. (The list shows their runs' metadata — form, window, status — as
   * requested; the report itself is never handed out.)
   */
  private async visible(actor: Actor, id: string): Promise<ReportRunEntity> {
    const run = await this.own(actor, id);
    if (!(await this.reports.withinScope(actor.scopeRootUnitIds, run.scopeRootUnitIds ?? []))) {
      throw reportRunNotFound();
    }
    if (run.scopeRootUnitIds === null && actor.scopeRootUnitIds !== null) throw reportRunNotFound();
    return run;
  }

  private async own(actor: Actor, id: string): Promise<ReportRunEntity> {
    const run = await this.dataSource
      .getRepository(ReportRunEntity)
      .findOneBy({ id, requestedBy: actor.userId ?? '' });
    if (!run) throw reportRunNotFound();
    return run;
  }

  /** After the commit: never throws; a run not enqueued now is enqueued by the sweep within minutes. */
  private async publish(runId: string): Promise<void> {
    try {
      await withTimeout(addJob(this.queue, reportRunJob(runId)), ENQUEUE_TIMEOUT_MS, 'Redis');
    } catch (error) {
      this.logger.warn(
        `report run ${runId} not enqueued (${error instanceof Error ? error.message : String(error)}); the sweep will enqueue it`,
      );
    }
  }
}
