import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lockRowsById } from '../common/database/transactions.js';
import {
  DeadlineSubjects,
  type DeadlineSubjectAdapter,
  type SubjectDeadline,
  type SubjectDescription,
} from '../case-deadlines/deadline-subject.js';
import { viDate } from '../common/domain/vietnamese-format.js';
import { LETTER_SUBJECT } from './letter-views.js';

/**
 * A letter as a deadline subject (its processing and forwarder-notice deadlines). A letter has no
 * closed state of its own: its decision settles its deadlines, and nothing stops them otherwise.
 */
@Injectable()
export class LetterDeadlineSubject implements DeadlineSubjectAdapter, OnModuleInit {
  readonly subjectType = LETTER_SUBJECT;

  constructor(private readonly subjects: DeadlineSubjects) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  isClosed(): Promise<boolean> {
    return Promise.resolve(false);
  }

  lockForUpdate(manager: EntityManager, subjectIds: readonly string[]): Promise<void> {
    return lockRowsById(manager, 'letters', subjectIds);
  }

  /** The officer who registered the letter handles it until a decision. */
  async handlerIds(manager: EntityManager, deadline: SubjectDeadline): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT u.id FROM letters l JOIN users u ON u.id = l.registered_by_user_id
       WHERE l.id = ? AND u.active = 1`,
      [deadline.subjectId],
    );
    return rows.map((r) => r.id);
  }

  /** The day it came and its subject line (stored redacted: never a person). */
  async describe(manager: EntityManager, subjectId: string): Promise<SubjectDescription> {
    const [l] = await manager.query('SELECT subject, received_on AS receivedOn FROM letters WHERE id = ?', [
      subjectId,
    ]);
    return {
      what: l ? `Đơn nhận ngày ${viDate(l.receivedOn)} — ${l.subject}` : '',
      link: `/api/v1/letters/${subjectId}`,
    };
  }

  /**
   * The processing due date, copied to `letters.processing_due` (the overdue list). A new letter's row is
   * written with it (its deadlines are planned first: LetterRecords.planLetter); this keeps it in step on
   * every later write of the deadline. `updated_at` is kept.
   */
  async copyFacts(manager: EntityManager, d: SubjectDeadline): Promise<void> {
    if (d.purpose !== 'processing') return;
    await manager.query('UPDATE letters SET processing_due = ?, updated_at = updated_at WHERE id = ?', [
      d.dueDate,
      d.subjectId,
    ]);
  }
}
