import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../auth/domain/actor.js';
import { CaseDeadlineEntity } from '../case-deadlines/case-deadline.entity.js';
import { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import {
  DeadlineSubjects,
  type DeadlineSubjectAdapter,
  type SubjectDescription,
} from '../case-deadlines/deadline-subject.js';
import { Clock } from '../common/clock.js';
import { isDuplicateKey } from '../common/database/db-errors.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { findDeadlineRule } from '../deadlines/domain/deadline-rules.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { withSweepLock } from '../common/database/sweep-lock.js';
import { ensureLiveJobs, type LiveJob } from '../queue/ensure-live-job.js';
import { QUEUES } from '../queue/queues.js';
import { viDate } from '../common/domain/vietnamese-format.js';
import { levelToFire, type RecipientRule } from './domain/ladder.js';
import { EscalationEntity } from './entities/escalation.entity.js';

/** Deadlines examined per sweep; the next sweep takes the rest. */
export const SWEEP_BATCH = 5000;

export interface EscalationJob {
  deadlineId: string;
  version: number;
  level: number;
}

export type EscalateOutcome = 'fired' | 'stale' | 'not_due' | 'closed';

export function escalationJobId(j: EscalationJob): string {
  return `escalate-${j.deadlineId}-v${j.version}-l${j.level}`;
}

/** The job of one level of one deadline version. */
const escalationJob = (j: EscalationJob): LiveJob => ({
  name: QUEUES.escalation.jobs.escalate,
  jobId: escalationJobId(j),
  data: { ...j },
  opts: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  },
});

/**
 * Escalation of deadlines (docs/escalations.md). The database says what is due: each open deadline holds
 * its next ladder level and that level's day (`next_escalation_on`, indexed with the status). The sweep
 * reads the due ones and enqueues one job per (deadline, version, level) with a deterministic id; the job
 * fires the level in one transaction — the escalation row (unique per deadline, version, level), the
 * notifications, the deadline's next level and the audit entry — so a job delivered twice, a lost job, a
 * crash of the worker or of Redis between any two steps neither loses a level nor sends it twice.
 */
@Injectable()
export class EscalationService {
  private readonly logger = new Logger(EscalationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.escalation.name) private readonly queue: Queue,
    private readonly deadlines: CaseDeadlinesService,
    private readonly subjects: DeadlineSubjects,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Finds the deadlines whose next level is due today (Asia/Ho_Chi_Minh) and makes sure each has its
   * job. Two sweeps never overlap (a named database lock); the one that cannot take it returns at once.
   */
  async sweep(limit = SWEEP_BATCH): Promise<{ ran: boolean; due: number; enqueued: number }> {
    const result = await withSweepLock(this.dataSource, 'escalation-sweep', async () => {
      const rows: Array<{ id: string; version: number; level: number }> = await this.dataSource.query(
        // The index is named: with a small share of open deadlines MariaDB may otherwise prefer the
        // status prefix alone and step through every open deadline (docs/operations-queues.md).
        `SELECT id, version, next_escalation_level AS level
         FROM case_deadlines FORCE INDEX (idx_case_deadlines_status_next_escalation)
         WHERE status = 'open' AND next_escalation_on <= ?
         ORDER BY next_escalation_on, id LIMIT ${Number(limit)}`,
        [this.clock.today()],
      );
      const jobs = rows.map((r) => ({
        deadlineId: r.id,
        version: Number(r.version),
        level: Number(r.level),
      }));
      // Completed jobs are removed at once (a late duplicate finds the level fired and does nothing), and
      // a job that failed for good is retried while its level is still due.
      const enqueued = await ensureLiveJobs(this.queue, jobs.map(escalationJob));
      if (rows.length > 0) this.logger.log(`escalation sweep: ${rows.length} deadline(s) due`);
      return { due: rows.length, enqueued };
    });
    return result === null ? { ran: false, due: 0, enqueued: 0 } : { ran: true, ...result };
  }

  /** Fires the level a job names, if it is still the deadline's next one. */
  async escalate(job: EscalationJob): Promise<EscalateOutcome> {
    try {
      return await this.dataSource.transaction((manager) => this.fire(manager, job));
    } catch (error) {
      // Another delivery of the same job won the race for the unique row: the level went out once.
      if (isDuplicateKey(error, 'uq_escalations_deadline_version_level')) return 'stale';
      throw error;
    }
  }

  private async fire(manager: EntityManager, job: EscalationJob): Promise<EscalateOutcome> {
    const d = await manager
      .getRepository(CaseDeadlineEntity)
      .createQueryBuilder('d')
      .where('d.id = :id', { id: job.deadlineId })
      .setLock('pessimistic_write')
      .getOne();
    if (!d || d.status !== 'open' || d.version !== job.version || d.nextEscalationLevel !== job.level) {
      return 'stale';
    }
    const subject = this.subjects.of(d.subjectType);
    // A closed subject escalates nothing (its deadline should be settled already; this is the net).
    if (await subject.isClosed(manager, d.subjectId)) {
      await manager.update(
        CaseDeadlineEntity,
        { id: d.id },
        { nextEscalationOn: null, nextEscalationLevel: null },
      );
      return 'closed';
    }
    const { ladder, levels } = await this.deadlines.ladderOf(manager, d);
    // Levels already gone out for this due date (whatever the version): a recomputation that did not move
    // the date must not send them again.
    const done = new Set<number>(
      (
        await manager.find(EscalationEntity, {
          where: { deadlineId: d.id, dueDate: d.dueDate },
          select: { level: true },
        })
      ).map((e) => e.level),
    );
    const today = this.clock.today();
    const { fire, skip, next } = levelToFire(levels, done, today);
    const advance = {
      nextEscalationOn: next?.on ?? null,
      nextEscalationLevel: next?.level ?? null,
    };
    if (fire === null) {
      await manager.update(CaseDeadlineEntity, { id: d.id }, advance);
      return 'not_due';
    }
    for (const level of skip) {
      await manager.insert(EscalationEntity, {
        id: uuid7(),
        deadlineId: d.id,
        deadlineVersion: d.version,
        level,
        status: 'skipped',
        unitId: d.unitId,
        dueDate: d.dueDate,
        recipients: 0,
      });
    }
    const escalationId = uuid7();
    const rules = ladder.find((l) => l.level === fire)!.recipients;
    const userIds = await this.recipients(manager, d, rules, subject);
    await manager.insert(EscalationEntity, {
      id: escalationId,
      deadlineId: d.id,
      deadlineVersion: d.version,
      level: fire,
      status: 'fired',
      unitId: d.unitId,
      dueDate: d.dueDate,
      recipients: userIds.length,
    });
    const text = this.describe(d, await subject.describe(manager, d.subjectId), fire, ladder.length, today);
    await this.notifications.notify(manager, {
      userIds,
      kind: 'escalation',
      sourceKey: `escalation-${escalationId}`,
      title: text.title,
      body: text.body,
      link: text.link,
      subjectType: d.subjectType,
      subjectId: d.subjectId,
      unitId: d.unitId,
      webhookPayload: {
        escalationId,
        deadlineId: d.id,
        deadlineVersion: d.version,
        level: fire,
        ruleId: d.ruleId,
        dueDate: d.dueDate,
        subjectType: d.subjectType,
        subjectId: d.subjectId,
        unitId: d.unitId,
      },
    });
    await manager.update(CaseDeadlineEntity, { id: d.id }, advance);
    await this.audit.record(manager, SYSTEM_ACTOR, {
      action: 'escalate',
      entityType: 'case_deadline',
      entityId: d.id,
      unitId: d.unitId,
      changes: {
        level: { before: null, after: fire },
        skipped: { before: null, after: skip },
        recipients: { before: null, after: userIds.length },
      },
    });
    return 'fired';
  }

  /**
   * The accounts a level goes to, resolved now (who is head today, not when the deadline opened). The
   * "agency above" is the nearest enclosing province, commune or agency strictly above the unit.
   */
  private async recipients(
    manager: EntityManager,
    d: CaseDeadlineEntity,
    rules: readonly RecipientRule[],
    subject: DeadlineSubjectAdapter,
  ) {
    const ids = new Set<string>();
    const add = (rows: Array<{ id: string }>) => rows.forEach((r) => ids.add(r.id));
    const withRole = (role: string, unitSql: string, params: unknown[]) =>
      manager.query(
        `SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
         WHERE u.active = 1 AND r.role = ? AND u.unit_id IN (${unitSql})`,
        [role, ...params],
      );
    const agencyAbove = `SELECT a.id FROM unit_closure c JOIN units a ON a.id = c.ancestor_id
      WHERE c.descendant_id = ? AND c.depth >= 1 AND a.active = 1 AND a.kind IN ('province', 'commune', 'agency')
      ORDER BY c.depth LIMIT 1`;
    for (const rule of rules) {
      if (rule === 'handler') {
        const handler = (await subject.handlerIds(manager, d)).map((id) => ({ id }));
        // No handler assigned (yet): the unit's heads hear of it instead, so a level never goes nowhere.
        add(handler.length > 0 ? handler : await withRole('unit_head', '?', [d.unitId]));
      }
      if (rule === 'unit_head') add(await withRole('unit_head', '?', [d.unitId]));
      if (rule === 'parent_agency_head') {
        add(await withRole('unit_head', `SELECT * FROM (${agencyAbove}) x`, [d.unitId]));
      }
      if (rule === 'parent_inspectorate' || rule === 'inspectorate_leader') {
        const inspectorates = `SELECT i.id FROM units i WHERE i.kind = 'inspectorate' AND i.active = 1
          AND i.parent_id IN (SELECT * FROM (${agencyAbove}) x)`;
        add(await withRole('inspectorate_leader', inspectorates, [d.unitId]));
        if (rule === 'parent_inspectorate') add(await withRole('case_handler', inspectorates, [d.unitId]));
      }
    }
    return [...ids].sort();
  }

  /** Vietnamese text naming the subject (as its adapter describes it) and the step — never a person. */
  private describe(
    d: CaseDeadlineEntity,
    { what, link }: SubjectDescription,
    level: number,
    of: number,
    today: string,
  ) {
    const step = findDeadlineRule(d.ruleId)?.step.vi ?? 'Thời hạn';
    const overdue = d.dueDate < today;
    const when = overdue
      ? `đã quá hạn từ ${viDate(d.dueDate)}`
      : d.dueDate === today
        ? 'đến hạn hôm nay'
        : `hạn ${viDate(d.dueDate)}`;
    return {
      title: `${overdue ? 'Quá hạn' : 'Sắp đến hạn'}: ${step} (${when})`.slice(0, 300),
      body: `${what}\nBước: ${step} (${d.ruleId}).\nThời hạn: ${viDate(d.dueDate)} — ${when}.\nCảnh báo cấp ${level}/${of}.`.slice(
        0,
        2000,
      ),
      link,
    };
  }
}
