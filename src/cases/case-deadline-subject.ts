import type { OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lockRowsById } from '../common/database/transactions.js';
import type {
  DeadlineSubjectAdapter,
  DeadlineSubjects,
  SubjectDeadline,
  SubjectDescription,
} from '../case-deadlines/deadline-subject.js';

/** What differs between the two case families' deadline subjects. */
export interface CaseSubjectSpec {
  subjectType: string;
  table: 'complaint_cases' | 'denunciation_cases';
  /** The lifecycle's closed states (CLOSED_COMPLAINT_STATES, CLOSED_DENUNCIATION_STATES). */
  closedStates: readonly string[];
  /** The API path of the family's cases, to which the case id is appended. */
  path: string;
}

/**
 * A complaint or denunciation case as a deadline subject (case-deadlines/deadline-subject.ts): the part
 * the two families share, over their own tables. Each family's adapter extends it with its spec and
 * registers itself when its module starts.
 */
export abstract class CaseDeadlineSubject implements DeadlineSubjectAdapter, OnModuleInit {
  readonly subjectType: string;

  protected constructor(
    private readonly subjects: DeadlineSubjects,
    private readonly spec: CaseSubjectSpec,
  ) {
    this.subjectType = spec.subjectType;
  }

  onModuleInit(): void {
    this.subjects.register(this);
  }

  async isClosed(manager: EntityManager, subjectId: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT state FROM ${this.spec.table} WHERE id = ?`, [subjectId]);
    return row !== undefined && this.spec.closedStates.includes(row.state);
  }

  lockForUpdate(manager: EntityManager, subjectIds: readonly string[]): Promise<void> {
    return lockRowsById(manager, this.spec.table, subjectIds);
  }

  async handlerIds(manager: EntityManager, deadline: SubjectDeadline): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT u.id FROM ${this.spec.table} c JOIN users u ON u.id = c.handler_user_id
       WHERE c.id = ? AND u.active = 1`,
      [deadline.subjectId],
    );
    return rows.map((r) => r.id);
  }

  /** The case by number and its subject line (stored redacted: never a person). */
  async describe(manager: EntityManager, subjectId: string): Promise<SubjectDescription> {
    const [c] = await manager.query(
      `SELECT case_number AS no, subject FROM ${this.spec.table} WHERE id = ?`,
      [subjectId],
    );
    return { what: c ? `Vụ việc ${c.no} — ${c.subject}` : '', link: `${this.spec.path}/${subjectId}` };
  }

  /**
   * The case's first resolution deadline, copied to `resolution_*` (entities/resolution-facts.ts: the
   * reports' covering index). `updated_at` is kept: a copy is not a change of the case (the work lists
   * sort by it).
   */
  async copyFacts(manager: EntityManager, d: SubjectDeadline): Promise<void> {
    if (d.purpose !== 'resolution' || d.sequence !== 1) return;
    await manager.query(
      `UPDATE ${this.spec.table} SET resolution_due = ?, resolution_status = ?, resolution_settled_on = ?,
         resolution_target = ?, updated_at = updated_at WHERE id = ?`,
      [d.dueDate, d.status, d.settledOn, d.internalTarget, d.subjectId],
    );
  }
}
