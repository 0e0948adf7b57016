import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { withSweepLock } from '../common/database/sweep-lock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { compareLocalDates, type LocalDate } from '../common/domain/local-date.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { nextReviewAfter, reviewMonth } from './domain/enforcement-status.js';
import { liveStatusSql } from './enforcement-queries.js';
import { EnforcementRecordEntity } from './entities/enforcement-record.entity.js';

/** Records reminded per sweep; the next run (an hour later) takes the rest. */
export const REVIEW_BATCH = 500;

export interface ReviewSweepResult {
  /** False when another sweep held the lock: this one did nothing. */
  ran: boolean;
  reminded: number;
}

const STATUS_VI: Record<string, string> = {
  not_started: 'chưa thực hiện',
  in_progress: 'đang thực hiện',
  overdue: 'quá hạn',
  blocked: 'vướng mắc',
};

/**
 * The monthly review of enforcement still running (TC-9: the inspectorate reported monthly to the
 * resolver, NĐ 31/2019 art. 18(2); the same rhythm for complaint decisions, NĐ 124/2020 art. 31: the
 * resolver supervises the enforcement). Each record whose review day has come gets a notification to the
 * heads of its resolving unit and its next review day, in one transaction per record; the notification's
 * source key (record, month of the review) makes a second run in the same month add nothing.
 */
@Injectable()
export class EnforcementReviewService {
  private readonly logger = new Logger(EnforcementReviewService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * One pass over the records due for review. Runs overlapping a slow previous one skip themselves
   * (`GET_LOCK`, per database).
   */
  async sweep(): Promise<ReviewSweepResult> {
    const reminded = await withSweepLock(this.dataSource, 'enforcement-review-sweep', async () => {
      const today = this.clock.today();
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM enforcement_records
         WHERE status IN ('not_started', 'in_progress', 'overdue', 'blocked') AND next_review_on <= ?
         ORDER BY next_review_on, id LIMIT ${REVIEW_BATCH}`,
        [today],
      );
      let count = 0;
      for (const { id } of due) if (await this.remind(id, today)) count++;
      if (count > 0) this.logger.log(`enforcement review: ${count} record(s) reminded`);
      return count;
    });
    return reminded === null ? { ran: false, reminded: 0 } : { ran: true, reminded };
  }

  /** Reminds one record if its review is (still) due; true when it did. */
  async remind(recordId: string, today: LocalDate): Promise<boolean> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const r = await manager.findOne(EnforcementRecordEntity, {
        where: { id: recordId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!r || r.status === 'done' || !r.nextReviewOn || compareLocalDates(r.nextReviewOn, today) > 0) {
        return false;
      }
      const live = liveStatusSql('r', today);
      const [{ status }] = await manager.query(
        `SELECT ${live.sql} AS status FROM enforcement_records r WHERE r.id = ?`,
        [...live.params, r.id],
      );
      const heads: { id: string }[] = await manager.query(
        `SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'unit_head'
         WHERE u.unit_id = ? AND u.active = 1 ORDER BY u.id`,
        [r.unitId],
      );
      const month = reviewMonth(r.nextReviewOn);
      const { created } = await this.notifications.notify(manager, {
        userIds: heads.map((h) => h.id),
        kind: 'enforcement_review',
        sourceKey: `enforcement-review-${r.id}-${month}`,
        title: cut(`Rà soát việc thi hành tháng ${month.slice(5)}/${month.slice(0, 4)}: ${r.title}`, 300),
        body:
          `Đến kỳ rà soát hằng tháng việc thi hành ${r.decisionRef ? `quyết định ${r.decisionRef}` : 'quyết định'}` +
          ` (theo dõi từ ngày ${r.openedOn}). Tình trạng: ${STATUS_VI[status] ?? status}.`,
        link: `/api/v1/enforcement-records/${r.id}`,
        subjectType: 'enforcement_record',
        subjectId: r.id,
        unitId: r.unitId,
        webhookPayload: {
          recordId: r.id,
          subjectType: r.subjectType,
          subjectId: r.subjectId,
          unitId: r.unitId,
          status,
          reviewOn: r.nextReviewOn,
        },
      });
      const next = nextReviewAfter(r.openedOn, today);
      // Bookkeeping of the system, not an edit: the version (the users' optimistic lock) stays.
      await manager.update(EnforcementRecordEntity, { id: r.id }, { nextReviewOn: next, version: r.version });
      await this.audit.record(manager, SYSTEM_ACTOR, {
        action: 'enforcement.review_reminder',
        entityType: 'enforcement_record',
        entityId: r.id,
        unitId: r.unitId,
        changes: {
          nextReviewOn: { before: r.nextReviewOn, after: next },
          notified: { before: null, after: created },
        },
      });
      if (heads.length === 0) {
        this.logger.warn(
          { recordId: r.id, unitId: r.unitId },
          'enforcement review: the unit has no head to remind',
        );
      }
      return true;
    });
  }
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}
