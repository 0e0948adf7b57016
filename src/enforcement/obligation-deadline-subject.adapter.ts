import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lockRowsById } from '../common/database/transactions.js';
import {
  DeadlineSubjects,
  type DeadlineSubjectAdapter,
  type SubjectDeadline,
  type SubjectDescription,
} from '../case-deadlines/deadline-subject.js';
import { OBLIGATION_SUBJECT } from './enforcement-queries.js';

/**
 * An enforcement obligation as a deadline subject (its fixed due date, set by the decision). Nothing
 * closes it but its own deadline being settled (the obligation reported done); its row keeps no copy.
 */
@Injectable()
export class ObligationDeadlineSubject implements DeadlineSubjectAdapter, OnModuleInit {
  readonly subjectType = OBLIGATION_SUBJECT;

  constructor(private readonly subjects: DeadlineSubjects) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  isClosed(): Promise<boolean> {
    return Promise.resolve(false);
  }

  lockForUpdate(manager: EntityManager, subjectIds: readonly string[]): Promise<void> {
    return lockRowsById(manager, 'enforcement_obligations', subjectIds);
  }

  /** An obligation has no handler of its own: the heads of the unit that must carry it out. */
  async handlerIds(manager: EntityManager, deadline: SubjectDeadline): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE u.active = 1 AND r.role = 'unit_head' AND u.unit_id = ?`,
      [deadline.unitId],
    );
    return rows.map((r) => r.id);
  }

  /** The enforcement record's title; the link goes to the record. */
  async describe(manager: EntityManager, subjectId: string): Promise<SubjectDescription> {
    const [o] = await manager.query(
      `SELECT r.id AS recordId, r.title FROM enforcement_obligations o
       JOIN enforcement_records r ON r.id = o.record_id WHERE o.id = ?`,
      [subjectId],
    );
    return {
      what: o ? `Thi hành: ${o.title}` : '',
      link: o ? `/api/v1/enforcement-records/${o.recordId}` : null,
    };
  }
}
