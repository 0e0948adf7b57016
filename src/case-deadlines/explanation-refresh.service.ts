import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../auth/domain/actor.js';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { computeDeadline } from '../deadlines/domain/deadline-engine.js';
import { CaseDeadlineEntity } from './case-deadline.entity.js';
import { FIXED_RULE } from './case-deadlines.service.js';

export interface ExplanationRefreshReport {
  /** Deadlines whose stored explanation was rewritten in the engine's current wording. */
  refreshed: number;
  /** Already in the current wording. */
  current: number;
  /**
   * Left as they are: computed today they differ in more than the wording (the calendar changed since,
   * and the worker's recomputation has not run yet, or they were settled on an older calendar).
   */
  left: number;
}

/**
 * Rewrites the stored explanation of case deadlines in the engine's current wording (issue 17: the
 * Vietnamese explanation became wholly Vietnamese; the rows computed before keep their old text). Only
 * the wording changes: a deadline is rewritten only when computing it again on its unit's calendar gives
 * the very same rule version, raw end, due date, calendar and policy versions — checked again in the
 * UPDATE, so a step or a recomputation committed meanwhile is never overwritten. No history row (no date
 * moved) and no version bump (nobody's edit goes stale); one audit entry per batch. Rerunnable.
 */
@Injectable()
export class DeadlineExplanationRefresh {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: UnitCalendarService,
    private readonly audit: AuditService,
  ) {}

  async refresh(batchSize = 500): Promise<ExplanationRefreshReport> {
    const report: ExplanationRefreshReport = { refreshed: 0, current: 0, left: 0 };
    let after = '';
    for (;;) {
      const done = await transactionWithRetry(this.dataSource, async (manager) => {
        const rows = await manager.find(CaseDeadlineEntity, {
          where: { id: MoreThan(after), ruleId: Not(FIXED_RULE) },
          order: { id: 'ASC' },
          take: batchSize,
        });
        const batch: ExplanationRefreshReport = { refreshed: 0, current: 0, left: 0 };
        for (const d of rows) {
          const calendar = await this.calendars.calendarFor(d.unitId, manager);
          const r = computeDeadline(d.ruleId, d.triggerDate, d.options, calendar, this.calendars.policy());
          const same = {
            id: d.id,
            ruleVersion: r.ruleVersion,
            rawEnd: r.rawEnd,
            dueDate: r.due,
            calendarVersion: r.calendarVersion,
            policyVersion: r.policyVersion,
          };
          if (Object.entries(same).some(([k, v]) => d[k as keyof typeof same] !== v)) batch.left++;
          else if (JSON.stringify(d.explanation) === JSON.stringify(r.explanation)) batch.current++;
          else {
            const { affected } = await manager.update(CaseDeadlineEntity, same, {
              explanation: r.explanation,
            });
            if (affected) batch.refreshed++;
            else batch.left++;
          }
        }
        if (batch.refreshed > 0) {
          await this.audit.record(manager, SYSTEM_ACTOR, {
            action: 'case_deadline.explanation_refresh',
            entityType: 'case_deadline',
            entityId: rows[0].id,
            changes: { refreshed: { before: null, after: batch.refreshed } },
          });
        }
        return { rows: rows.length, last: rows.at(-1)?.id ?? after, batch };
      });
      report.refreshed += done.batch.refreshed;
      report.current += done.batch.current;
      report.left += done.batch.left;
      after = done.last;
      if (done.rows < batchSize) return report;
    }
  }
}
