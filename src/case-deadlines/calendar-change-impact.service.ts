import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { CalendarAccess } from '../calendar/calendar-access.service.js';
import { CalendarAdminService, type CalendarChangeRequest } from '../calendar/calendar-admin.service.js';
import type {
  CalendarChangeListView,
  CalendarChangePreviewView,
  CalendarChangeView,
  MovedDeadlineView,
} from '../calendar/dto/calendar.dto.js';
import { scopeSql } from '../units/unit-scope.js';
import { DeadlineSubjects } from './deadline-subject.js';

/** Moved deadlines listed per change (the count is always whole). */
const MOVED_LIST_LIMIT = 100;
/** Changes listed per request at most. */
const CHANGES_LIMIT_MAX = 50;

interface MovedRow {
  deadline_id: string;
  subject_type: string;
  subject_id: string;
  unit_id: string;
  unit_name: string;
  rule_id: string;
  purpose: string;
  previous_due: string;
  new_due: string;
}

/**
 * What a calendar change does to the case deadlines (docs/console-calendar.md): before it is saved, a
 * dry run of the very change (CalendarAdminService.preview: the same command and the same recompute
 * as the worker's, rolled back); afterwards, the history rows the worker wrote for it
 * (`case_deadline_changes.calendar_change_id`). "Moved" means the due date changed; only deadlines of
 * the caller's units are counted and listed, each named by its case number, never a person.
 */
@Injectable()
export class CalendarChangeImpactService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly admin: CalendarAdminService,
    private readonly access: CalendarAccess,
    private readonly subjects: DeadlineSubjects,
  ) {}

  async preview(
    actor: Actor,
    scopeParam: string,
    change: CalendarChangeRequest,
  ): Promise<CalendarChangePreviewView> {
    const result = await this.admin.preview(actor, scopeParam, change, (manager, changeId) =>
      this.moved(manager, actor, changeId),
    );
    return {
      scope: result.scope,
      changed: result.changed,
      firstAffectedDate: result.firstAffectedDate,
      movedCount: result.measured?.count ?? 0,
      moved: result.measured?.list ?? [],
    };
  }

  /** The scope's latest changes (newest first), each with the deadlines it moved. */
  async changes(actor: Actor, scopeParam: string, limit: number): Promise<CalendarChangeListView> {
    const scope = await this.access.resolve(actor, scopeParam, 'read');
    const take = Math.min(Math.max(Math.trunc(limit) || 10, 1), CHANGES_LIMIT_MAX);
    const rows: {
      id: string;
      reason: string;
      revision: number | string;
      first_affected_date: string;
      created_at: Date;
      processed_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT id, reason, revision, first_affected_date, created_at, processed_at FROM calendar_changes
       WHERE scope_key = ? ORDER BY revision DESC LIMIT ${take}`,
      [scope.scopeKey],
    );
    const changes: CalendarChangeView[] = [];
    for (const row of rows) {
      const moved = await this.moved(this.dataSource.manager, actor, row.id);
      changes.push({
        id: row.id,
        reason: row.reason,
        revision: Number(row.revision),
        firstAffectedDate: row.first_affected_date,
        createdAt: row.created_at.toISOString(),
        processed: row.processed_at !== null,
        movedCount: moved.count,
        moved: moved.list,
      });
    }
    return { scope: scope.scopeKey, changes };
  }

  /** The deadlines of the actor's units whose due date a calendar change moved. */
  private async moved(
    manager: EntityManager,
    actor: Actor,
    changeId: string,
  ): Promise<{ count: number; list: MovedDeadlineView[] }> {
    const scope = scopeSql('d.unit_id', actor);
    const where = `c.calendar_change_id = ? AND c.previous_due IS NOT NULL AND c.previous_due <> c.new_due
      AND ${scope.sql}`;
    const [total]: { n: number | string }[] = await manager.query(
      `SELECT COUNT(*) AS n FROM case_deadline_changes c JOIN case_deadlines d ON d.id = c.deadline_id
       WHERE ${where}`,
      [changeId, ...scope.params],
    );
    const rows: MovedRow[] = await manager.query(
      `SELECT d.id AS deadline_id, d.subject_type, d.subject_id, d.unit_id, u.name AS unit_name, d.rule_id,
              d.purpose, c.previous_due, c.new_due
       FROM case_deadline_changes c
       JOIN case_deadlines d ON d.id = c.deadline_id
       JOIN units u ON u.id = d.unit_id
       WHERE ${where}
       ORDER BY c.new_due, d.id LIMIT ${MOVED_LIST_LIMIT}`,
      [changeId, ...scope.params],
    );
    const list: MovedDeadlineView[] = [];
    for (const r of rows) {
      const described = await this.subjects.of(r.subject_type).describe(manager, r.subject_id);
      list.push({
        deadlineId: r.deadline_id,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        what: described.what,
        link: described.link,
        unitId: r.unit_id,
        unitName: r.unit_name,
        ruleId: r.rule_id,
        purpose: r.purpose,
        previousDue: r.previous_due,
        newDue: r.new_due,
      });
    }
    return { count: Number(total?.n ?? 0), list };
  }
}
