import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { FILE_STORE, type FileStore } from '../attachments/file-store.js';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../auth/domain/actor.js';
import { Clock, localDateOf } from '../common/clock.js';
import { withSweepLock } from '../common/database/sweep-lock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { addDays, type LocalDate } from '../common/domain/local-date.js';
import { searchFold } from '../common/domain/vietnamese-text.js';
import { AppConfig } from '../config/app-config.js';
import { CLOSED_COMPLAINT_STATES } from '../complaints/domain/complaint-lifecycle.js';
import { CLOSED_DENUNCIATION_STATES } from '../denunciations/domain/denunciation-lifecycle.js';
import {
  ANONYMISED_TEXT,
  eligibilityWithoutNotes,
  formatRetentionPeriod,
  parseRetentionPeriod,
  retentionCutoff,
  RETENTION_CLASSES,
  type RetentionClass,
  type RetentionPeriod,
} from './domain/retention.js';

/** One class in a run's report: its period, the cutoff it was run with, and how many records. */
export interface RetentionClassReport {
  period: string;
  /** The latest anchor date past retention today (null: `keep`). */
  cutoff: LocalDate | null;
  /** Records past retention and not yet anonymised (dry run), or anonymised by this run. */
  records: number;
}

export interface RetentionReport {
  mode: 'run' | 'dry-run';
  today: LocalDate;
  classes: Record<RetentionClass, RetentionClassReport>;
  /** Split mixed letters, anonymised once every part is (they follow their parts, no period of their own). */
  splitLetters: number;
  /** Another run held the sweep lock: this one changed nothing (the counts are what is still due). */
  busy?: true;
}

/** A kind of work: the ids past retention after `afterId` (keyset), and how to anonymise one. */
interface Candidates {
  ids(manager: EntityManager, cutoff: LocalDate, afterId: string, limit: number): Promise<string[]>;
  count(manager: EntityManager, cutoff: LocalDate): Promise<number>;
  anonymise(manager: EntityManager, id: string, cutoff: LocalDate): Promise<boolean>;
}

const BATCH = 100;
const inList = (values: readonly string[]) => values.map(() => '?').join(', ');

/**
 * The retention sweep (ADR 0015): finds the records of each class past its configured period and
 * anonymises each in its own transaction with its audit entry (`retention.anonymise`), marking it
 * (`anonymised_at`). The database is the truth: a crash leaves the records done so far marked and the rest
 * as they were, and a rerun continues; a record already marked is never touched again.
 */
@Injectable()
export class RetentionService {
  private readonly log = new Logger('Retention');
  private readonly periods: Record<RetentionClass, RetentionPeriod>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {
    this.periods = Object.fromEntries(
      RETENTION_CLASSES.map((c) => {
        const period = parseRetentionPeriod(config.retention.periods[c]);
        // The schema validated the spelling at boot: a null here is a programming error.
        if (!period) throw new Error(`retention period of ${c} is not valid`);
        return [c, period];
      }),
    ) as Record<RetentionClass, RetentionPeriod>;
  }

  /** How many records of each class are past retention today, changing nothing. */
  dryRun(): Promise<RetentionReport> {
    return this.sweep('dry-run');
  }

  /**
   * Anonymises every record past retention (the scheduled job and `npm run -s retention -- run`), under
   * the sweep lock: a run that finds another one going does nothing and says so (`busy`).
   */
  async run(): Promise<RetentionReport> {
    const report = await withSweepLock(this.dataSource, 'retention-sweep', () => this.sweep('run'));
    return report ?? { ...(await this.sweep('dry-run')), mode: 'run', busy: true };
  }

  private async sweep(mode: 'run' | 'dry-run'): Promise<RetentionReport> {
    const today = this.clock.today();
    const classes = {} as Record<RetentionClass, RetentionClassReport>;
    for (const c of RETENTION_CLASSES) {
      const cutoff = retentionCutoff(this.periods[c], today);
      classes[c] = { period: formatRetentionPeriod(this.periods[c]), cutoff, records: 0 };
    }
    const due = async (c: RetentionClass) => {
      const { cutoff } = classes[c];
      if (cutoff !== null) classes[c].records = await this.process(this.candidates(c), cutoff, mode);
    };
    // Letters first, then what waits for them: a split letter follows its parts (whatever the classes),
    // a visit waits for the letters handed in at it — all in the same run.
    for (const c of RETENTION_CLASSES) if (c !== 'reception_visit') await due(c);
    const splitLetters = await this.process(this.splitParents(), today, mode);
    await due('reception_visit');
    const report = { mode, today, classes, splitLetters };
    if (mode === 'run') {
      const total = Object.values(classes).reduce((n, c) => n + c.records, splitLetters);
      if (total > 0) this.log.log(`anonymised ${total} records past retention`);
    }
    return report;
  }

  private async process(work: Candidates, cutoff: LocalDate, mode: 'run' | 'dry-run'): Promise<number> {
    if (mode === 'dry-run') return work.count(this.dataSource.manager, cutoff);
    let done = 0;
    let afterId = '';
    for (;;) {
      const ids = await work.ids(this.dataSource.manager, cutoff, afterId, BATCH);
      for (const id of ids) {
        // One transaction per record: what is committed stays done, whatever happens to the next.
        const changed = await transactionWithRetry(this.dataSource, (manager) =>
          work.anonymise(manager, id, cutoff),
        );
        if (changed) done += 1;
      }
      if (ids.length < BATCH) return done;
      afterId = ids[ids.length - 1];
    }
  }

  // ── which records ───────────────────────────────────────────────────────────────────────────

  private candidates(c: RetentionClass): Candidates {
    switch (c) {
      case 'reception_visit':
        return this.visits();
      case 'email_subscription':
        return this.subscriptions();
      default:
        return this.letters(c);
    }
  }

  /**
   * The letters of a class: `FROM letters l … WHERE` conditions with their parameters. The anchor of a
   * case class is the last of its steps' dates and of its enforcement records' closing dates.
   */
  private letterWhere(c: RetentionClass, cutoff: LocalDate): Array<{ sql: string; params: unknown[] }> {
    const withoutCase = (anonymous: boolean) => ({
      sql: `FROM letters l WHERE l.anonymised_at IS NULL AND l.decided_on <= ? AND l.status = 'decided'
              AND l.case_id IS NULL AND l.classification ${anonymous ? '=' : '<>'} 'anonymous'`,
      params: [cutoff],
    });
    const closedCase = (table: 'complaint_cases' | 'denunciation_cases', trackSql: string) => {
      const complaint = table === 'complaint_cases';
      const states = complaint ? CLOSED_COMPLAINT_STATES : CLOSED_DENUNCIATION_STATES;
      const events = complaint ? 'complaint_case_events' : 'denunciation_case_events';
      const later = complaint ? 'previous_case_id' : 'original_case_id';
      const subjectType = complaint ? 'complaint_case' : 'denunciation_case';
      return {
        sql: `FROM letters l JOIN ${table} c ON c.id = l.case_id
              WHERE l.anonymised_at IS NULL ${trackSql} AND c.state IN (${inList(states)})
                AND COALESCE((SELECT MAX(ev.event_date) FROM ${events} ev WHERE ev.case_id = c.id), c.received_on) <= ?
                AND NOT EXISTS (SELECT 1 FROM enforcement_records e WHERE e.subject_type = ? AND e.subject_id = c.id
                                  AND (e.closed_on IS NULL OR e.closed_on > ?))
                AND NOT EXISTS (SELECT 1 FROM ${table} n JOIN letters nl ON nl.id = n.letter_id
                                WHERE n.${later} = c.id AND nl.anonymised_at IS NULL)
                AND NOT EXISTS (SELECT 1 FROM letters pl WHERE pl.previous_case_id = c.id AND pl.anonymised_at IS NULL)`,
        params: [...states, cutoff, subjectType, cutoff],
      };
    };
    switch (c) {
      case 'letter_without_case':
        return [withoutCase(false)];
      case 'complaint_case':
        return [closedCase('complaint_cases', '')];
      case 'denunciation_case':
        return [closedCase('denunciation_cases', "AND c.track <> 'anonymous_information'")];
      case 'anonymous_information':
        return [withoutCase(true), closedCase('denunciation_cases', "AND c.track = 'anonymous_information'")];
      default:
        return [];
    }
  }

  private letters(c: RetentionClass): Candidates {
    return {
      ids: async (manager, cutoff, afterId, limit) => {
        const ids: string[] = [];
        for (const { sql, params } of this.letterWhere(c, cutoff)) {
          const rows: Array<{ id: string }> = await manager.query(
            `SELECT l.id ${sql} AND l.id > ? ORDER BY l.id LIMIT ?`,
            [...params, afterId, limit],
          );
          ids.push(...rows.map((r) => r.id));
        }
        // Two sources (anonymous information): one keyset over both, in id order.
        return [...new Set(ids)].sort().slice(0, limit);
      },
      count: async (manager, cutoff) => {
        let n = 0;
        for (const { sql, params } of this.letterWhere(c, cutoff)) {
          const [row]: Array<{ n: string | number }> = await manager.query(
            `SELECT COUNT(*) AS n ${sql}`,
            params,
          );
          n += Number(row.n);
        }
        return n;
      },
      anonymise: (manager, id) => this.anonymiseLetter(manager, id, c),
    };
  }

  private splitParents(): Candidates {
    const where = `FROM letters l WHERE l.anonymised_at IS NULL AND l.status = 'split'
      AND NOT EXISTS (SELECT 1 FROM letters p WHERE p.parent_letter_id = l.id AND p.anonymised_at IS NULL)`;
    return {
      ids: async (manager, _cutoff, afterId, limit) =>
        (
          await manager.query(`SELECT l.id ${where} AND l.id > ? ORDER BY l.id LIMIT ?`, [afterId, limit])
        ).map((r: { id: string }) => r.id),
      count: async (manager) => Number((await manager.query(`SELECT COUNT(*) AS n ${where}`))[0].n),
      anonymise: (manager, id) => this.anonymiseLetter(manager, id, 'split_letter'),
    };
  }

  private visits(): Candidates {
    // Not while a letter handed in at the visit keeps its persons (its protection reads the visitors), nor
    // while a letter is still to be made from it.
    const where = `FROM reception_visits v WHERE v.anonymised_at IS NULL AND v.visit_date <= ?
      AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.visit_id = v.id AND l.anonymised_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM reception_pending_intakes i WHERE i.visit_id = v.id AND i.status = 'pending')`;
    return {
      ids: async (manager, cutoff, afterId, limit) =>
        (
          await manager.query(`SELECT v.id ${where} AND v.id > ? ORDER BY v.id LIMIT ?`, [
            cutoff,
            afterId,
            limit,
          ])
        ).map((r: { id: string }) => r.id),
      count: async (manager, cutoff) =>
        Number((await manager.query(`SELECT COUNT(*) AS n ${where}`, [cutoff]))[0].n),
      anonymise: (manager, id, cutoff) => this.anonymiseVisit(manager, id, cutoff, where),
    };
  }

  private subscriptions(): Candidates {
    // Unsubscribed on a local date ≤ cutoff: every such instant is before the UTC midnight two days
    // after it whatever the zone; the exact local date is checked row by row.
    const select = async (manager: EntityManager, cutoff: LocalDate, afterId: string, limit: number) => {
      const rows: Array<{ id: string; unsubscribed_at: Date }> = await manager.query(
        `SELECT s.id, s.unsubscribed_at FROM letter_subscriptions s
         WHERE s.unsubscribed_at IS NOT NULL AND s.unsubscribed_at < ? AND s.id > ? ORDER BY s.id LIMIT ?`,
        [new Date(`${addDays(cutoff, 2)}T00:00:00Z`), afterId, limit],
      );
      return rows;
    };
    const due = (cutoff: LocalDate) => (r: { unsubscribed_at: Date }) =>
      localDateOf(new Date(r.unsubscribed_at)) <= cutoff;
    return {
      // The keyset moves over every row read (due or not), so a batch of rows not yet due ends nothing.
      ids: async (manager, cutoff, afterId, limit) => {
        const out: string[] = [];
        let after = afterId;
        for (;;) {
          const rows = await select(manager, cutoff, after, limit);
          out.push(...rows.filter(due(cutoff)).map((r) => r.id));
          if (rows.length < limit || out.length >= limit) return out;
          after = rows[rows.length - 1].id;
        }
      },
      count: async (manager, cutoff) => {
        let n = 0;
        let after = '';
        for (;;) {
          const rows = await select(manager, cutoff, after, 1000);
          n += rows.filter(due(cutoff)).length;
          if (rows.length < 1000) return n;
          after = rows[rows.length - 1].id;
        }
      },
      anonymise: async (manager, id, cutoff) => {
        const [row]: Array<{ letter_id: string; unsubscribed_at: Date | null; unit_id: string }> =
          await manager.query(
            `SELECT s.letter_id, s.unsubscribed_at, l.unit_id FROM letter_subscriptions s
             JOIN letters l ON l.id = s.letter_id WHERE s.id = ? FOR UPDATE`,
            [id],
          );
        if (!row || !row.unsubscribed_at || localDateOf(new Date(row.unsubscribed_at)) > cutoff) return false;
        await manager.query(`DELETE FROM letter_subscription_messages WHERE subscription_id = ?`, [id]);
        await manager.query(`DELETE FROM letter_subscriptions WHERE id = ?`, [id]);
        await this.audit.record(manager, SYSTEM_ACTOR, {
          action: 'retention.anonymise',
          entityType: 'letter_subscription',
          entityId: id,
          unitId: row.unit_id,
          changes: { retentionClass: { before: null, after: 'email_subscription' } },
        });
        return true;
      },
    };
  }

  // ── what anonymising does ───────────────────────────────────────────────────────────────────

  /**
   * A letter and what was made from it: its persons (sealed envelopes with their data keys — crypto-
   * shredding —, blind indexes, the authorised person, the e-mail subscription, files) are deleted; its
   * free texts, its case's, the case steps' notes and its enforcement's texts are replaced. Its dates,
   * kinds, decisions, deadlines, states and counts stay: every report figure is unchanged.
   */
  private async anonymiseLetter(
    manager: EntityManager,
    id: string,
    retentionClass: RetentionClass | 'split_letter',
  ): Promise<boolean> {
    const [letter]: Array<{
      unit_id: string;
      case_id: string | null;
      anonymised_at: Date | null;
      eligibility: string | unknown[];
    }> = await manager.query(
      `SELECT unit_id, case_id, anonymised_at, eligibility FROM letters WHERE id = ? FOR UPDATE`,
      [id],
    );
    // Done by an earlier run, or a concurrent one: nothing more to do (idempotent).
    if (!letter || letter.anonymised_at !== null) return false;
    // Decided letters and closed cases never reopen: the class's condition still holds under the lock.
    const removed: Record<string, number> = {};
    const del = async (key: string, sql: string, params: unknown[]) => {
      const result: { affectedRows?: number } = await manager.query(sql, params);
      removed[key] = Number(result.affectedRows ?? 0);
    };
    const attachmentKeys: Array<{ storage_key: string }> = await manager.query(
      `SELECT storage_key FROM letter_attachments WHERE letter_id = ?`,
      [id],
    );
    await del(
      'subscriptionMessages',
      `DELETE m FROM letter_subscription_messages m JOIN letter_subscriptions s ON s.id = m.subscription_id
       WHERE s.letter_id = ?`,
      [id],
    );
    await del('subscriptions', `DELETE FROM letter_subscriptions WHERE letter_id = ?`, [id]);
    await del('authorisations', `DELETE FROM letter_authorisations WHERE letter_id = ?`, [id]);
    await del('petitioners', `DELETE FROM letter_petitioners WHERE letter_id = ?`, [id]);
    await del('protectedTexts', `DELETE FROM protected_letter_texts WHERE letter_id = ?`, [id]);
    await del('attachments', `DELETE FROM letter_attachments WHERE letter_id = ?`, [id]);
    await manager.query(
      `UPDATE identity_reveal_requests SET reason = ?, decision_note = NULL WHERE letter_id = ?`,
      [ANONYMISED_TEXT, id],
    );
    const now = this.clock.now();
    const checks =
      typeof letter.eligibility === 'string' ? JSON.parse(letter.eligibility) : letter.eligibility;
    await manager.query(
      `UPDATE letters SET subject = ?, content = ?, search_text = ?, eligibility = ?, anonymised_at = ?,
         version = version + 1, updated_at = ? WHERE id = ?`,
      [
        ANONYMISED_TEXT,
        ANONYMISED_TEXT,
        searchFold(ANONYMISED_TEXT),
        JSON.stringify(eligibilityWithoutNotes(checks)),
        now,
        now,
        id,
      ],
    );
    const subjects = [id];
    const evidenceKeys: Array<{ storage_key: string }> = [];
    if (letter.case_id) {
      const caseId = letter.case_id;
      const [complaintCase]: Array<{ case_number: string | null }> = await manager.query(
        `SELECT case_number FROM complaint_cases WHERE id = ?`,
        [caseId],
      );
      const complaint = complaintCase !== undefined;
      const table = complaint ? 'complaint_cases' : 'denunciation_cases';
      const events = complaint ? 'complaint_case_events' : 'denunciation_case_events';
      const [numbered]: Array<{ case_number: string | null }> = complaint
        ? [complaintCase]
        : await manager.query(`SELECT case_number FROM denunciation_cases WHERE id = ?`, [caseId]);
      // As the case kernel writes it: the number (when it has one) and the subject, folded.
      const searchText = searchFold(
        numbered?.case_number ? `${numbered.case_number} ${ANONYMISED_TEXT}` : ANONYMISED_TEXT,
        600,
      );
      await manager.query(
        `UPDATE ${table} SET subject = ?, search_text = ?, version = version + 1, updated_at = ? WHERE id = ?`,
        [ANONYMISED_TEXT, searchText, now, caseId],
      );
      await manager.query(`UPDATE ${events} SET note = NULL WHERE case_id = ?`, [caseId]);
      const records: Array<{ id: string }> = await manager.query(
        `SELECT id FROM enforcement_records WHERE subject_type = ? AND subject_id = ?`,
        [complaint ? 'complaint_case' : 'denunciation_case', caseId],
      );
      for (const { id: recordId } of records) {
        await manager.query(`UPDATE enforcement_records SET title = ?, version = version + 1 WHERE id = ?`, [
          ANONYMISED_TEXT,
          recordId,
        ]);
        await manager.query(`UPDATE enforcement_obligations SET description = ? WHERE record_id = ?`, [
          ANONYMISED_TEXT,
          recordId,
        ]);
        await manager.query(
          `UPDATE enforcement_updates u JOIN enforcement_obligations o ON o.id = u.obligation_id
           SET u.note = ? WHERE o.record_id = ?`,
          [ANONYMISED_TEXT, recordId],
        );
        evidenceKeys.push(
          ...(await manager.query(
            `SELECT ev.storage_key FROM enforcement_evidence ev JOIN enforcement_updates u ON u.id = ev.update_id
             JOIN enforcement_obligations o ON o.id = u.obligation_id WHERE o.record_id = ?`,
            [recordId],
          )),
        );
        await del(
          'evidence',
          `DELETE ev FROM enforcement_evidence ev JOIN enforcement_updates u ON u.id = ev.update_id
           JOIN enforcement_obligations o ON o.id = u.obligation_id WHERE o.record_id = ?`,
          [recordId],
        );
        subjects.push(recordId);
      }
      subjects.push(caseId);
    }
    // Notifications about the letter, its case and enforcement: their bodies may quote the subject.
    await manager.query(`UPDATE notifications SET body = ? WHERE subject_id IN (${inList(subjects)})`, [
      ANONYMISED_TEXT,
      ...subjects,
    ]);
    await this.removeFiles(
      manager,
      [...attachmentKeys, ...evidenceKeys].map((r) => r.storage_key),
    );
    await this.audit.record(manager, SYSTEM_ACTOR, {
      action: 'retention.anonymise',
      entityType: 'letter',
      entityId: id,
      unitId: letter.unit_id,
      changes: {
        retentionClass: { before: null, after: retentionClass },
        anonymisedAt: { before: null, after: now.toISOString() },
        removed: { before: null, after: removed },
      },
    });
    return true;
  }

  /** A visit of the reception book: its visitors are deleted, its texts replaced; its facts stay. */
  private async anonymiseVisit(
    manager: EntityManager,
    id: string,
    cutoff: LocalDate,
    where: string,
  ): Promise<boolean> {
    const [visit]: Array<{ unit_id: string; matter_id: string }> = await manager.query(
      `SELECT v.unit_id, v.matter_id ${where} AND v.id = ? FOR UPDATE`,
      [cutoff, id],
    );
    if (!visit) return false;
    const now = this.clock.now();
    const result: { affectedRows?: number } = await manager.query(
      `DELETE FROM reception_visit_citizens WHERE visit_id = ?`,
      [id],
    );
    await manager.query(
      `UPDATE reception_visits SET summary = ?, earlier_handling = NULL, follow_up = NULL, notes = NULL,
         anonymised_at = ?, version = version + 1, updated_at = ? WHERE id = ?`,
      [ANONYMISED_TEXT, now, now, id],
    );
    // The matter's summary goes with its last visit.
    await manager.query(
      `UPDATE reception_matters m SET summary = ?, version = version + 1, updated_at = ?
       WHERE m.id = ? AND NOT EXISTS (SELECT 1 FROM reception_visits v WHERE v.matter_id = m.id AND v.anonymised_at IS NULL)`,
      [ANONYMISED_TEXT, now, visit.matter_id],
    );
    await this.audit.record(manager, SYSTEM_ACTOR, {
      action: 'retention.anonymise',
      entityType: 'reception_visit',
      entityId: id,
      unitId: visit.unit_id,
      changes: {
        retentionClass: { before: null, after: 'reception_visit' },
        anonymisedAt: { before: null, after: now.toISOString() },
        removed: { before: null, after: { visitors: Number(result.affectedRows ?? 0) } },
      },
    });
    return true;
  }

  /**
   * Files whose rows are gone, removed before the commit: a failed commit leaves the rows pointing at no
   * file, and the rerun deletes them (the data was past retention anyway). Content-addressed keys: a file
   * another row still names stays.
   */
  private async removeFiles(manager: EntityManager, keys: string[]): Promise<void> {
    for (const key of new Set(keys)) {
      const [used]: Array<{ n: string | number }> = await manager.query(
        `SELECT (SELECT COUNT(*) FROM letter_attachments WHERE storage_key = ?)
              + (SELECT COUNT(*) FROM enforcement_evidence WHERE storage_key = ?) AS n`,
        [key, key],
      );
      if (Number(used.n) === 0) await this.files.remove(key);
    }
  }
}
