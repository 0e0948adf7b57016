import { Injectable } from '@nestjs/common';
import { NationalOutbox } from '../national-sync/national-outbox.js';
import { enforcementOpened, enforcementUpdate } from '../national-sync/national-records.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { CaseDeadlineEntity } from '../case-deadlines/case-deadline.entity.js';
import { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import { toDeadlineView } from '../case-deadlines/dto/case-deadline.dto.js';
import { ProtectedText } from '../identity/protected-text.js';
import { Clock } from '../common/clock.js';
import { isDuplicateKey } from '../common/database/db-errors.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import { compareLocalDates, isLocalDate, type LocalDate } from '../common/domain/local-date.js';
import type { Page } from '../common/http/page.dto.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { UnitEntity } from '../units/unit.entity.js';
import { scopeSql, unitInScope, whereInScope } from '../units/unit-scope.js';
import {
  BACKLOG_STATUSES,
  emptyCounts,
  isEmpty,
  rollUp,
  type BacklogCounts,
  type BacklogStatus,
} from './domain/backlog.js';
import {
  addMonths,
  closedOn,
  deadlineOverdue,
  liveStatus,
  OBLIGATION_RULES,
  recordStatus,
  type EnforcementSubjectType,
} from './domain/enforcement-status.js';
import type {
  BacklogView,
  CreateObligationDto,
  CreateUpdateDto,
  ListEnforcementQueryDto,
  ObligationView,
  RecordSummaryView,
  RecordView,
} from './dto/enforcement.dto.js';
import {
  liveStatusSql,
  obligationAccess,
  OBLIGATION_PURPOSE,
  OBLIGATION_SUBJECT,
  recordAccess,
  summarySelect,
  visibleSql,
  type SummaryRow,
} from './enforcement-queries.js';
import { EnforcementErrors } from './enforcement.errors.js';
import { EnforcementEvidenceEntity } from './entities/enforcement-evidence.entity.js';
import { EnforcementObligationEntity } from './entities/enforcement-obligation.entity.js';
import { EnforcementRecordEntity } from './entities/enforcement-record.entity.js';
import { EnforcementUpdateEntity } from './entities/enforcement-update.entity.js';

export interface OpenEnforcementInput {
  subjectType: EnforcementSubjectType;
  subjectId: string;
  /** The resolver's unit: it directs the enforcement and answers for it. */
  unitId: string;
  /** The case number and its (redacted) subject; cut to 600 characters. */
  title: string;
  decisionRef: string | null;
  /** The day the complaint decision became legally effective, or the day of the denunciation conclusion. */
  openedOn: LocalDate;
}

/** A record's obligations beyond this are a sign of a mis-typed decision, not of a real one. */
export const MAX_OBLIGATIONS = 50;

/** Fields never written to the audit trail in clear: they may name people. */
const SENSITIVE = ['title', 'description', 'note'];

const obligationSubject = (id: string) => ({ subjectType: OBLIGATION_SUBJECT, subjectId: id });

function audited(r: EnforcementRecordEntity) {
  const { createdAt: _c, updatedAt: _u, unit: _un, ...fields } = r;
  return fields;
}

function cut(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…';
}

/**
 * The follow-up of final decisions (docs/enforcement.md): a record per legally effective complaint
 * decision (KN-11) or denunciation conclusion (TC-6, TC-9), its obligations — each with a deadline row,
 * so the escalation ladder watches it — their progress reports, and the inspectorate's backlog. Every
 * command is one transaction with its audit entry; records and obligations carry optimistic locks.
 */
@Injectable()
export class EnforcementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly deadlines: CaseDeadlinesService,
    private readonly clock: Clock,
    private readonly protectedText: ProtectedText,
    private readonly nationalOutbox: NationalOutbox,
  ) {}

  /**
   * Opens the record of a final decision, in the caller's transaction (the case step that made the
   * decision legally effective or issued the conclusion). Idempotent: a subject has one record, and a
   * second call returns it unchanged. The first monthly review is a month after the opening.
   */
  async openFor(
    manager: EntityManager,
    actor: Actor,
    input: OpenEnforcementInput,
  ): Promise<EnforcementRecordEntity> {
    const problems: DomainErrorDetail[] = [];
    if (!(input.subjectType in OBLIGATION_RULES)) {
      problems.push({ field: 'subjectType', message: 'must be complaint_case or denunciation_case' });
    }
    if (!isLocalDate(input.openedOn)) problems.push({ field: 'openedOn', message: 'must be YYYY-MM-DD' });
    if (input.decisionRef !== null && input.decisionRef.length > 100) {
      problems.push({ field: 'decisionRef', message: 'must be at most 100 characters' });
    }
    if (problems.length > 0) throw EnforcementErrors.invalid(problems);

    const where = { subjectType: input.subjectType, subjectId: input.subjectId };
    const existing = await manager.findOne(EnforcementRecordEntity, { where });
    if (existing) return existing;
    const row = manager.create(EnforcementRecordEntity, {
      id: uuid7(),
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      unitId: input.unitId,
      // Made from the case's redacted subject; the matcher cuts out whatever it finds there now.
      title: cut(
        await this.protectedText.redactFor(manager, input.subjectType, input.subjectId, input.title),
        600,
      ),
      decisionRef: input.decisionRef,
      openedOn: input.openedOn,
      status: 'not_started',
      closedOn: null,
      nextReviewOn: addMonths(input.openedOn, 1),
      version: 1,
    });
    try {
      await manager.insert(EnforcementRecordEntity, row);
    } catch (error) {
      // Opened at the same moment by another transaction: theirs is the record.
      if (!isDuplicateKey(error, 'uq_enforcement_records_subject')) throw error;
      return manager.findOneOrFail(EnforcementRecordEntity, { where, lock: { mode: 'pessimistic_read' } });
    }
    await this.audit.record(manager, actor, {
      action: 'create',
      entityType: 'enforcement_record',
      entityId: row.id,
      unitId: row.unitId,
      changes: diffChanges(null, audited(row), SENSITIVE),
    });
    await this.nationalOutbox.record(manager, enforcementOpened(row));
    return row;
  }

  /** Records the actor may see, by status as of today and unit, nearest obligation deadline first. */
  async list(actor: Actor, query: ListEnforcementQueryDto): Promise<Page<RecordSummaryView>> {
    const manager = this.dataSource.manager;
    if (query.unitId) {
      await unitInScope(manager, actor, query.unitId, () =>
        EnforcementErrors.invalid([{ field: 'unitId', message: 'is not a unit you may see' }]),
      );
    }
    const visible = visibleSql(actor);
    const where = { sql: visible.sql, params: [...visible.params] };
    if (query.unitId) {
      where.sql += ' AND r.unit_id = ?';
      where.params.push(query.unitId);
    }
    if (query.subjectId) {
      // Both subject types: the unique (subject_type, subject_id) index answers it.
      where.sql += " AND r.subject_type IN ('complaint_case', 'denunciation_case') AND r.subject_id = ?";
      where.params.push(query.subjectId);
    }
    const inner = summarySelect(this.clock.today(), where);
    const outer = query.status ? ' WHERE x.live_status = ?' : '';
    const params = query.status ? [...inner.params, query.status] : inner.params;
    const [{ total }] = await manager.query(`SELECT COUNT(*) AS total FROM (${inner.sql}) x${outer}`, params);
    const rows: SummaryRow[] = await manager.query(
      `SELECT x.* FROM (${inner.sql}) x${outer}
       ORDER BY x.next_due IS NULL, x.next_due, x.opened_on, x.id LIMIT ? OFFSET ?`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const records = rows.length
      ? await manager.findBy(EnforcementRecordEntity, { id: In(rows.map((r) => r.id)) })
      : [];
    const byId = new Map(records.map((r) => [r.id, r]));
    return {
      items: rows.map((row) => toSummary(byId.get(row.id)!, row)),
      page: query.page,
      pageSize: query.pageSize,
      total: Number(total),
    };
  }

  async get(actor: Actor, id: string): Promise<RecordView> {
    const manager = this.dataSource.manager;
    if (!(await recordAccess(manager, actor, id)).visible) throw EnforcementErrors.notFound();
    return this.view(manager, await manager.findOneByOrFail(EnforcementRecordEntity, { id }));
  }

  /**
   * Sets one obligation of the decision: who must do what by when. The due date is a deadline row —
   * the statutory rule of the record (KN-11 / TC-6, counted from its opening on the owning unit's
   * calendar) or the date the decision set — so the escalation ladder applies to it.
   */
  async addObligation(actor: Actor, recordId: string, dto: CreateObligationDto): Promise<RecordView> {
    const hasRule = dto.due.rule !== undefined;
    const hasDate = dto.due.date !== undefined;
    if (hasRule === hasDate) {
      throw EnforcementErrors.invalid([
        { field: 'due', message: 'give exactly one of rule (KN-11, TC-6) or date (YYYY-MM-DD)' },
      ]);
    }
    return transactionWithRetry(this.dataSource, async (manager) => {
      const access = await recordAccess(manager, actor, recordId);
      if (!access.visible) throw EnforcementErrors.notFound();
      if (!access.resolver) throw EnforcementErrors.notResolver();
      const r = await this.lockRecord(manager, recordId, dto.version);
      if (r.status === 'done') throw EnforcementErrors.closed();
      await this.protectedText.requireClean(manager, 'enforcement_record', r.id, {
        description: dto.description,
      });

      const problems: DomainErrorDetail[] = [];
      const unit = await whereInScope(
        manager
          .getRepository(UnitEntity)
          .createQueryBuilder('u')
          .where('u.id = :id', { id: dto.owningUnitId }),
        'u.id',
        actor,
      ).getOne();
      if (!unit) problems.push({ field: 'owningUnitId', message: 'is not a unit you may see' });
      if (unit && !unit.active) problems.push({ field: 'owningUnitId', message: 'is not an active unit' });
      const rule = OBLIGATION_RULES[r.subjectType as EnforcementSubjectType];
      if (hasRule && dto.due.rule !== rule) {
        problems.push({
          field: 'due.rule',
          message: `must be ${rule} for a ${r.subjectType === 'complaint_case' ? 'complaint decision' : 'denunciation conclusion'}`,
        });
      }
      if (hasDate && compareLocalDates(dto.due.date!, r.openedOn) < 0) {
        problems.push({ field: 'due.date', message: `must not be before the record opened (${r.openedOn})` });
      }
      if (problems.length > 0) throw EnforcementErrors.invalid(problems);

      const obligations = await manager.find(EnforcementObligationEntity, { where: { recordId: r.id } });
      if (obligations.length >= MAX_OBLIGATIONS) throw EnforcementErrors.tooManyObligations(MAX_OBLIGATIONS);
      const id = uuid7();
      const deadline = hasRule
        ? await this.deadlines.open(manager, actor, {
            ...obligationSubject(id),
            unitId: dto.owningUnitId,
            purpose: OBLIGATION_PURPOSE,
            ruleId: rule,
            trigger: r.openedOn,
          })
        : await this.deadlines.openFixed(manager, actor, {
            ...obligationSubject(id),
            unitId: dto.owningUnitId,
            purpose: OBLIGATION_PURPOSE,
            trigger: r.openedOn,
            due: dto.due.date!,
            basis: r.decisionRef ? `quyết định ${r.decisionRef}` : 'quyết định giải quyết',
          });
      const obligation = manager.create(EnforcementObligationEntity, {
        id,
        recordId: r.id,
        position: Math.max(0, ...obligations.map((o) => o.position)) + 1,
        kind: dto.kind,
        description: dto.description,
        owningUnitId: dto.owningUnitId,
        dueDate: deadline.dueDate,
        dueSource: hasRule ? 'engine' : 'resolver',
        deadlineId: deadline.id,
        status: 'not_started',
        doneOn: null,
        version: 1,
      });
      await manager.insert(EnforcementObligationEntity, obligation);
      const before = audited(r);
      const next = { status: recordStatus([...obligations, obligation]), version: r.version + 1 };
      await manager.update(EnforcementRecordEntity, { id: r.id }, next);
      Object.assign(r, next);
      await this.audit.record(manager, actor, {
        action: 'enforcement.obligation',
        entityType: 'enforcement_record',
        entityId: r.id,
        unitId: r.unitId,
        changes: {
          ...diffChanges(before, audited(r), SENSITIVE),
          [`obligations.${obligation.position}`]: {
            before: null,
            after: {
              id,
              kind: obligation.kind,
              description: obligation.description,
              owningUnitId: obligation.owningUnitId,
              ruleId: deadline.ruleId,
              dueDate: obligation.dueDate,
              dueSource: obligation.dueSource,
            },
          },
        },
        sensitiveFields: SENSITIVE,
      });
      return this.view(manager, r);
    });
  }

  /**
   * A progress report on one obligation, by the resolving side or the unit that carries it out. `done`
   * settles its deadline (met or missed) and, when it was the last, closes the record.
   */
  async addUpdate(actor: Actor, obligationId: string, dto: CreateUpdateDto): Promise<RecordView> {
    const today = this.clock.today();
    if (compareLocalDates(dto.reportedOn, today) > 0) {
      throw EnforcementErrors.invalid([{ field: 'reportedOn', message: 'must not be in the future' }]);
    }
    return transactionWithRetry(this.dataSource, async (manager) => {
      const access = await obligationAccess(manager, actor, obligationId);
      if (!access) throw EnforcementErrors.obligationNotFound();
      // Record first, then obligation: every command takes the locks in that order.
      const r = await manager.findOneOrFail(EnforcementRecordEntity, {
        where: { id: access.recordId },
        lock: { mode: 'pessimistic_write' },
      });
      const o = await manager.findOneOrFail(EnforcementObligationEntity, {
        where: { id: obligationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (o.version !== dto.version) throw EnforcementErrors.versionConflict('obligation', o.version);
      if (o.status === 'done') throw EnforcementErrors.obligationDone();
      // Progress reports are read by both sides of the record: never the denouncer (issue 14).
      await this.protectedText.requireClean(manager, 'enforcement_record', r.id, { note: dto.note });
      const last = await manager.findOne(EnforcementUpdateEntity, {
        where: { obligationId: o.id },
        order: { reportedOn: 'DESC', createdAt: 'DESC' },
      });
      const problems: DomainErrorDetail[] = [];
      if (compareLocalDates(dto.reportedOn, r.openedOn) < 0) {
        problems.push({
          field: 'reportedOn',
          message: `must not be before the record opened (${r.openedOn})`,
        });
      } else if (last && compareLocalDates(dto.reportedOn, last.reportedOn) < 0) {
        problems.push({
          field: 'reportedOn',
          message: `must not be before the previous report (${last.reportedOn})`,
        });
      }
      if (problems.length > 0) throw EnforcementErrors.invalid(problems);

      const updateId = uuid7();
      await manager.insert(EnforcementUpdateEntity, {
        id: updateId,
        obligationId: o.id,
        reportedOn: dto.reportedOn,
        note: dto.note,
        statusAfter: dto.status,
        reportedByUserId: actor.userId,
      });
      const obligationBefore = { status: o.status, doneOn: o.doneOn };
      const obligationNext = {
        status: dto.status,
        doneOn: dto.status === 'done' ? dto.reportedOn : null,
        version: o.version + 1,
      };
      await manager.update(EnforcementObligationEntity, { id: o.id }, obligationNext);
      Object.assign(o, obligationNext);
      if (dto.status === 'done') {
        await this.deadlines.settle(
          manager,
          actor,
          obligationSubject(o.id),
          OBLIGATION_PURPOSE,
          'done',
          dto.reportedOn,
        );
      }

      const all = await manager.find(EnforcementObligationEntity, { where: { recordId: r.id } });
      const before = audited(r);
      const status = recordStatus(all);
      const closed = status === 'done' ? closedOn(all) : null;
      if (status !== r.status || closed !== r.closedOn) {
        const next = {
          status,
          closedOn: closed,
          // A finished enforcement needs no more monthly reviews.
          nextReviewOn: status === 'done' ? null : (r.nextReviewOn ?? addMonths(r.openedOn, 1)),
          version: r.version + 1,
        };
        await manager.update(EnforcementRecordEntity, { id: r.id }, next);
        Object.assign(r, next);
      }
      await this.audit.record(manager, actor, {
        action: 'enforcement.update',
        entityType: 'enforcement_record',
        entityId: r.id,
        unitId: r.unitId,
        changes: {
          ...diffChanges(before, audited(r), SENSITIVE),
          [`obligations.${o.position}.status`]: { before: obligationBefore.status, after: o.status },
          [`obligations.${o.position}.doneOn`]: { before: obligationBefore.doneOn, after: o.doneOn },
          [`obligations.${o.position}.updates`]: {
            before: null,
            after: { id: updateId, reportedOn: dto.reportedOn, status: dto.status, note: dto.note },
          },
        },
        sensitiveFields: SENSITIVE,
      });
      await this.nationalOutbox.record(manager, enforcementUpdate(r, o, dto.reportedOn));
      return this.view(manager, r);
    });
  }

  /**
   * The inspectorate's view: per unit the actor may see, its records by status as of today and the
   * obligations it is late with, with totals rolled up through the unit tree (unit_closure) to every
   * ancestor inside the actor's scope. Units with nothing at all are left out.
   */
  async backlog(actor: Actor): Promise<BacklogView> {
    const manager = this.dataSource.manager;
    const today = this.clock.today();
    const live = liveStatusSql('r', today);
    const recordScope = scopeSql('r.unit_id', actor);
    const recordRows: { unit_id: string; status: string; n: string | number }[] = await manager.query(
      `SELECT x.unit_id, x.status, COUNT(*) AS n FROM (
         SELECT r.unit_id, ${live.sql} AS status FROM enforcement_records r WHERE ${recordScope.sql}
       ) x GROUP BY x.unit_id, x.status`,
      [...live.params, ...recordScope.params],
    );
    const ownerScope = scopeSql('o.owning_unit_id', actor);
    const overdueRows: { unit_id: string; n: string | number }[] = await manager.query(
      `SELECT o.owning_unit_id AS unit_id, COUNT(*) AS n
       FROM enforcement_obligations o JOIN case_deadlines d ON d.id = o.deadline_id
       WHERE o.status <> 'done' AND d.status = 'open' AND d.due_date < ? AND ${ownerScope.sql}
       GROUP BY o.owning_unit_id`,
      [today, ...ownerScope.params],
    );
    const own = new Map<string, BacklogCounts>();
    const countsOf = (unitId: string) => {
      const c = own.get(unitId) ?? emptyCounts();
      own.set(unitId, c);
      return c;
    };
    for (const row of recordRows) {
      if ((BACKLOG_STATUSES as readonly string[]).includes(row.status)) {
        countsOf(row.unit_id)[row.status as BacklogStatus] += Number(row.n);
      }
    }
    for (const row of overdueRows) countsOf(row.unit_id).overdueObligations += Number(row.n);
    if (own.size === 0) return { asOf: today, units: [] };

    const ancestorScope = scopeSql('uc.ancestor_id', actor);
    const units = [...own.keys()];
    const pairs: { ancestorId: string; descendantId: string }[] = (
      await manager.query(
        `SELECT uc.ancestor_id, uc.descendant_id FROM unit_closure uc
         WHERE uc.descendant_id IN (${units.map(() => '?').join(', ')}) AND ${ancestorScope.sql}`,
        [...units, ...ancestorScope.params],
      )
    ).map((p: { ancestor_id: string; descendant_id: string }) => ({
      ancestorId: p.ancestor_id,
      descendantId: p.descendant_id,
    }));
    const totals = rollUp(own, pairs);
    const ids = [...totals.keys()];
    const info: { id: string; code: string; name: string; parent_id: string | null }[] = await manager.query(
      `SELECT id, code, name, parent_id FROM units WHERE id IN (${ids.map(() => '?').join(', ')})
       ORDER BY code, id`,
      ids,
    );
    return {
      asOf: today,
      units: info
        .filter((u) => !isEmpty(totals.get(u.id)!))
        .map((u) => ({
          unitId: u.id,
          code: u.code,
          name: u.name,
          parentId: u.parent_id,
          own: own.get(u.id) ?? emptyCounts(),
          total: totals.get(u.id)!,
        })),
    };
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  private async lockRecord(manager: EntityManager, id: string, version: number) {
    const r = await manager.findOneOrFail(EnforcementRecordEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (r.version !== version) throw EnforcementErrors.versionConflict('record', r.version);
    return r;
  }

  /** The record with its obligations, their deadlines, progress reports and evidence metadata. */
  async view(manager: EntityManager, r: EnforcementRecordEntity): Promise<RecordView> {
    const today = this.clock.today();
    const one = summarySelect(today, { sql: 'r.id = ?', params: [r.id] });
    const [summary] = (await manager.query(one.sql, one.params)) as SummaryRow[];
    const obligations = await manager.find(EnforcementObligationEntity, {
      where: { recordId: r.id },
      order: { position: 'ASC' },
    });
    const obligationIds = obligations.map((o) => o.id);
    const deadlineIds = obligations.map((o) => o.deadlineId).filter((id): id is string => id !== null);
    const [deadlines, updates] = await Promise.all([
      deadlineIds.length ? manager.findBy(CaseDeadlineEntity, { id: In(deadlineIds) }) : [],
      obligationIds.length
        ? manager.find(EnforcementUpdateEntity, {
            where: { obligationId: In(obligationIds) },
            order: { reportedOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
          })
        : [],
    ]);
    const evidence = updates.length
      ? await manager.find(EnforcementEvidenceEntity, {
          where: { updateId: In(updates.map((u) => u.id)) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const deadlineById = new Map(deadlines.map((d) => [d.id, d]));
    const views: ObligationView[] = obligations.map((o) => {
      const deadline = o.deadlineId ? (deadlineById.get(o.deadlineId) ?? null) : null;
      const overdue = o.status !== 'done' && deadlineOverdue(deadline, today);
      return {
        id: o.id,
        position: o.position,
        kind: o.kind,
        description: o.description,
        owningUnitId: o.owningUnitId,
        dueDate: deadline?.dueDate ?? o.dueDate,
        dueSource: o.dueSource,
        status: liveStatus(o.status, overdue),
        overdue,
        doneOn: o.doneOn,
        deadline: deadline ? toDeadlineView(deadline) : null,
        updates: updates
          .filter((u) => u.obligationId === o.id)
          .map((u) => ({
            id: u.id,
            obligationId: u.obligationId,
            reportedOn: u.reportedOn,
            note: u.note,
            status: u.statusAfter,
            reportedByUserId: u.reportedByUserId,
            evidence: evidence.filter((e) => e.updateId === u.id).map(toEvidenceView),
          })),
        version: o.version,
      };
    });
    return { ...toSummary(r, summary), obligations: views };
  }
}

export function toEvidenceView(e: EnforcementEvidenceEntity) {
  return {
    id: e.id,
    fileName: e.fileName,
    mediaType: e.mediaType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    createdAt: e.createdAt.toISOString(),
  };
}

function toSummary(r: EnforcementRecordEntity, row: SummaryRow): RecordSummaryView {
  return {
    id: r.id,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    unitId: r.unitId,
    title: r.title,
    decisionRef: r.decisionRef,
    openedOn: r.openedOn,
    status: row.live_status,
    closedOn: r.closedOn,
    nextReviewOn: r.nextReviewOn,
    obligationCount: Number(row.obligation_count),
    overdueObligations: Number(row.overdue_obligations),
    nextDue: row.next_due,
    version: r.version,
  };
}
