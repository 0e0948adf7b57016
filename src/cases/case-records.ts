import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { actorWithPermission, type Actor } from '../auth/domain/actor.js';
import type { AuditService } from '../audit/audit.service.js';
import { CaseDeadlineEntity } from '../case-deadlines/case-deadline.entity.js';
import type { CaseDeadlinesService } from '../case-deadlines/case-deadlines.service.js';
import { compareLocalDates } from '../common/domain/local-date.js';
import { CaseErrors } from './cases.errors.js';
import { addDays, weekday, type LocalDate } from '../common/domain/local-date.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { searchFold } from '../common/domain/vietnamese-text.js';
import { appendNationalCaseStep } from '../national-sync/national-outbox.js';
import { recordInScope, scopeSql, unitInScope } from '../units/unit-scope.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { DeadlineOptions } from '../deadlines/domain/deadline-engine.js';
import { toDeadlineView, type CaseDeadlineView } from '../case-deadlines/dto/case-deadline.dto.js';
import type { CaseEventView } from './dto/case.dto.js';

/**
 * What complaint and denunciation cases share: readable numbers, the step log, deadline views and the
 * work-list query.
 */

/**
 * KN-2026-000123 / TC-2026-000045: unique and gap-free (a transaction rolled back gives its number
 * back). One statement: the counter row's increment hands the number back through `LAST_INSERT_ID(expr)`
 * (the OK packet's insert id), so no second round trip is made while the row is locked. The row stays
 * locked until commit, and it is one row per prefix and year for the whole country: call this only from a
 * `beforeCommit` hook, as the transaction's last statements (`CaseKernel.open`; ADR 0019).
 */
export async function nextCaseNumber(
  manager: EntityManager,
  prefix: 'KN' | 'TC',
  year: number,
): Promise<string> {
  const result: { insertId?: number | string } = await manager.query(
    `INSERT INTO case_number_counters (prefix, year, last_number) VALUES (?, ?, LAST_INSERT_ID(1))
     ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)`,
    [prefix, year],
  );
  const n = Number(result.insertId);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`case number counter gave ${String(n)}`);
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * A case the actor may act on: in their unit scope, or assigned to them (a verifier of the inspectorate
 * handles a case of the department above it). Not found (404) otherwise.
 */
export async function caseInScope<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  actor: Actor,
  id: string,
  notFound: () => Error,
  lock = false,
): Promise<T> {
  const qb = manager.getRepository(entity).createQueryBuilder('c').where('c.id = :id', { id });
  if (actor.scopeRootUnitIds !== null) {
    const inScope =
      actor.scopeRootUnitIds.length === 0
        ? '1 = 0'
        : 'c.unit_id IN (SELECT sc.descendant_id FROM unit_closure sc WHERE sc.ancestor_id IN (:...scopeRoots))';
    qb.andWhere(`(${inScope} OR c.handler_user_id = :me)`, {
      scopeRoots: actor.scopeRootUnitIds,
      me: actor.userId ?? '',
    });
  }
  if (lock) qb.setLock('pessimistic_write');
  const row = await qb.getOne();
  if (!row) throw notFound();
  return row;
}

/**
 * Who may touch a case in a command:
 * - `handler`: the steps of the lifecycle that are the handler's, which the assigned handler may take
 *   even outside their unit scope (`caseInScope`);
 * - `head`: the head's decisions (accept, refuse, decide, conclude, extend, suspend, terminate…): the
 *   case must be readable (404 otherwise) and its unit within the units over which the actor holds
 *   `cases:manage` — being assigned the case gives no authority (403 `CASE_STEP_FORBIDDEN`);
 * - `manage`: flags, complexity, assignment and targets: the case in the units over which the actor
 *   holds `cases:manage` (404 otherwise).
 */
export type CaseAccess = 'handler' | 'head' | 'manage';

/** The case row, locked, at the version the caller read (409 with the current one otherwise). */
export async function lockCaseAt<T extends ObjectLiteral & { version: number; unitId: string }>(
  manager: EntityManager,
  entity: new () => T,
  actor: Actor,
  id: string,
  version: number,
  access: CaseAccess,
  event = 'assignment',
): Promise<T> {
  const head = actorWithPermission(actor, 'cases:manage');
  const c =
    access === 'manage'
      ? await recordInScope(manager, entity, head, id, CaseErrors.notFound, true)
      : await caseInScope(manager, entity, actor, id, CaseErrors.notFound, true);
  if (access === 'head') await assertHeadOf(manager, actor, c.unitId, event);
  if (c.version !== version) throw CaseErrors.versionConflict(c.version);
  return c;
}

/**
 * The head's decisions are taken by whoever holds `cases:manage` over the case's unit — the head of that
 * unit or of a unit above it — never by the case's assignee as such (issue 14, finding 3).
 */
export async function assertHeadOf(
  manager: EntityManager,
  actor: Actor,
  unitId: string,
  event: string,
): Promise<void> {
  if (!actor.permissions.has('cases:manage')) throw CaseErrors.stepNeedsManage(event);
  const head = actorWithPermission(actor, 'cases:manage');
  if (head.scopeRootUnitIds === null) return;
  const scope = scopeSql('u.id', head);
  const rows = await manager.query(`SELECT 1 FROM units u WHERE u.id = ? AND ${scope.sql}`, [
    unitId,
    ...scope.params,
  ]);
  if (rows.length === 0) throw CaseErrors.stepNeedsManage(event);
}

/** What the case views show besides the case: its step log, its deadlines, the nearest open one. */
export async function caseHistory(
  manager: EntityManager,
  eventEntity: EntityTarget<ObjectLiteral>,
  deadlines: CaseDeadlinesService,
  subject: { subjectType: string; subjectId: string },
): Promise<{
  events: CaseEventView[];
  deadlines: CaseDeadlineView[];
  nextDue: string | null;
  noticePending: boolean;
}> {
  const [events, rows] = await Promise.all([
    manager.find(eventEntity, { where: { caseId: subject.subjectId }, order: { sequence: 'ASC' } }),
    deadlines.listForSubject(manager, subject),
  ]);
  const open = rows.filter((d) => d.status === 'open');
  return {
    events: events.map((e) => ({
      sequence: e.sequence,
      event: e.event,
      fromState: e.fromState,
      toState: e.toState,
      date: e.eventDate,
      documentRef: e.documentRef,
      legalBasis: e.legalBasis,
      note: e.note,
      actorUserId: e.actorUserId,
    })),
    deadlines: rows.map(toDeadlineView),
    nextDue: open.map((d) => d.dueDate).sort()[0] ?? null,
    noticePending: open.some((d) => d.purpose === 'suspension_notice'),
  };
}

/**
 * An internal target beside one of the case's statutory deadlines: never after it, never instead of it.
 * The case's version rises (a target is a change to the case) and the audit entry names the deadline.
 */
export async function setCaseTarget(
  manager: EntityManager,
  actor: Actor,
  services: { deadlines: CaseDeadlinesService; audit: AuditService },
  c: { id: string; unitId: string; version: number },
  kind: { caseEntity: EntityTarget<ObjectLiteral>; subjectType: string },
  deadlineId: string,
  target: string | null,
): Promise<void> {
  const d = await manager.findOneBy(CaseDeadlineEntity, {
    id: deadlineId,
    subjectType: kind.subjectType,
    subjectId: c.id,
  });
  if (!d) throw CaseErrors.deadlineNotFound();
  if (target && compareLocalDates(target, d.dueDate) > 0) {
    throw CaseErrors.invalid([
      { field: 'target', message: `must not be after the statutory due date ${d.dueDate}` },
    ]);
  }
  await services.deadlines.setInternalTarget(manager, actor, d.id, target);
  await manager.update(kind.caseEntity, { id: c.id }, { version: c.version + 1 });
  c.version += 1;
  await services.audit.record(manager, actor, {
    action: 'deadline_target',
    entityType: kind.subjectType,
    entityId: c.id,
    unitId: c.unitId,
    changes: { [`deadline.${d.purpose}.internalTarget`]: { before: d.internalTarget, after: target } },
  });
}

/**
 * A handler must be an active account holding a handler's role over the case's unit: a case handler
 * (`case_handler`) of the resolving unit or of a unit under it, or the head (`unit_head`) of the
 * resolving unit itself. The head of a unit below is not a handler of the unit above (issue 14).
 */
export async function assertHandler(
  manager: EntityManager,
  unitId: string,
  userId: string,
  invalid: () => Error,
): Promise<void> {
  const rows = await manager.query(
    `SELECT 1 FROM users u
     JOIN user_roles r ON r.user_id = u.id
     JOIN unit_closure uc ON uc.descendant_id = u.unit_id AND uc.ancestor_id = ?
     WHERE u.id = ? AND u.active = 1
       AND (r.role = 'case_handler' OR (r.role = 'unit_head' AND uc.depth = 0))
     LIMIT 1`,
    [unitId, userId],
  );
  if (rows.length === 0) throw invalid();
}

export interface CaseStepRecord {
  event: string;
  fromState: string | null;
  toState: string;
  date: LocalDate;
  documentRef: string | null;
  legalBasis: string | null;
  note: string | null;
}

/**
 * Appends a step to a case's log (`complaint_case_events`, `denunciation_case_events`) — the one place
 * every step of both tracks is logged — and its event to the national outbox (docs/national-database.md).
 */
export async function appendCaseEvent(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  table: 'complaint_case_events' | 'denunciation_case_events',
  actor: Actor,
  caseId: string,
  step: CaseStepRecord,
): Promise<void> {
  const [{ next }] = await manager.query(
    `SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM ${table} WHERE case_id = ?`,
    [caseId],
  );
  await manager.insert(entity, {
    id: uuid7(),
    caseId,
    sequence: Number(next),
    event: step.event,
    fromState: step.fromState,
    toState: step.toState,
    eventDate: step.date,
    documentRef: step.documentRef,
    legalBasis: step.legalBasis,
    note: step.note,
    actorUserId: actor.userId,
  });
  await appendNationalCaseStep(
    manager,
    table === 'complaint_case_events' ? 'complaint_cases' : 'denunciation_cases',
    caseId,
    step,
  );
}

/** Whether a suspension / continuation / termination decision of the case is still to be sent (KN-12, TC-4). */
export async function noticePending(
  manager: EntityManager,
  subjectType: string,
  caseId: string,
): Promise<boolean> {
  const [{ n }] = await manager.query(
    `SELECT COUNT(*) AS n FROM case_deadlines
     WHERE subject_type = ? AND subject_id = ? AND purpose = 'suspension_notice' AND status = 'open'`,
    [subjectType, caseId],
  );
  return Number(n) > 0;
}

export interface WorkListQuery {
  scope?: 'mine' | 'unit';
  unitId?: string;
  state?: string;
  track?: string;
  due?: 'this_week' | 'overdue';
  /** received_on within [receivedFrom, receivedTo] (local dates, inclusive): the dashboard's months. */
  receivedFrom?: string;
  receivedTo?: string;
  q?: string;
  sort: 'due' | 'received' | 'updated';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/**
 * One page of a case table for a work list: in the actor's scope, filtered, searched without
 * diacritics, sorted by the nearest open statutory deadline (cases without one last). Returns ids with
 * that date; the caller loads the rows.
 */
export async function workListPage(
  dataSource: DataSource,
  table: 'complaint_cases' | 'denunciation_cases',
  subjectType: string,
  actor: Actor,
  query: WorkListQuery,
  today: LocalDate,
): Promise<{ rows: Array<{ id: string; next_due: string | null }>; total: number }> {
  // The nearest open statutory deadline of each listed case: one look-up of
  // uq_case_deadlines_subject_purpose per case row, never an aggregate of every open deadline of the
  // system (what the list used to join: it grew with the whole country's cases, docs/load.md).
  const nextDue = `(SELECT MIN(d.due_date) FROM case_deadlines d
      WHERE d.subject_type = ? AND d.subject_id = c.id AND d.status = 'open')`;
  const where: string[] = [];
  const params: unknown[] = [];
  const filter = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (query.scope === 'mine') filter('c.handler_user_id = ?', actor.userId);
  if (query.unitId) filter('c.unit_id = ?', query.unitId);
  if (query.state) filter('c.state = ?', query.state);
  if (query.track) filter('c.track = ?', query.track);
  if (query.receivedFrom) filter('c.received_on >= ?', query.receivedFrom);
  if (query.receivedTo) filter('c.received_on <= ?', query.receivedTo);
  if (query.due === 'overdue') filter(`${nextDue} < ?`, subjectType, today);
  if (query.due === 'this_week') {
    // Monday to Sunday of the current week in Asia/Ho_Chi_Minh.
    const monday = addDays(today, 1 - weekday(today));
    filter(`${nextDue} BETWEEN ? AND ?`, subjectType, monday, addDays(monday, 6));
  }
  for (const w of searchFold(query.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)) {
    filter('c.search_text LIKE ?', `%${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  }
  // The actor's scope: the cases of their units, and those assigned to them even when the case's unit is
  // above their own. Two index reads UNIONed, joined back by primary key: MariaDB reads every row of the
  // table for `unit_id IN (…) OR handler_user_id = ?` (the national work lists' finding,
  // docs/national-scale.md). Whoever sees every unit reads the table itself.
  let scoped = { sql: `${table} c`, params: [] as unknown[] };
  if (actor.scopeRootUnitIds !== null) {
    const scope = scopeSql('s.unit_id', actor);
    scoped = {
      sql: `(SELECT s.id FROM ${table} s WHERE ${scope.sql}
             UNION SELECT h.id FROM ${table} h WHERE h.handler_user_id = ?) scoped
            JOIN ${table} c ON c.id = scoped.id`,
      params: [...scope.params, actor.userId ?? ''],
    };
  }
  const from = `FROM ${scoped.sql}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const all = [...scoped.params, ...params];
  const [{ total }] = await dataSource.query(`SELECT COUNT(*) AS total ${from}`, all);
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const sortColumn = { due: 'next_due', received: 'c.received_on', updated: 'c.updated_at' }[query.sort];
  const rows = await dataSource.query(
    `SELECT c.id, ${nextDue} AS next_due ${from}
     ORDER BY ${sortColumn} IS NULL, ${sortColumn} ${direction}, c.id ${direction} LIMIT ? OFFSET ?`,
    [subjectType, ...all, query.pageSize, (query.page - 1) * query.pageSize],
  );
  return { rows, total: Number(total) };
}

/** What a case's reassignment needs of its family (complaint, denunciation). */
export interface CaseReassignment<
  C extends { id: string; unitId: string; handlerUserId: string | null; version: number },
> {
  caseEntity: EntityTarget<ObjectLiteral>;
  subjectType: string;
  /** The deadline options its deadlines are recomputed with on the new unit's calendar. */
  deadlineOptions: (c: C) => DeadlineOptions;
  /** The case's fields as the audit trail records them, and those masked there. */
  audited: (c: C) => Record<string, unknown>;
  sensitiveFields: readonly string[];
}

/**
 * Reassigns a locked case: to a handler in its unit or below, and/or to another unit in the actor's
 * scope, whose calendar its deadlines are then counted on. Moving to another unit without naming a
 * handler leaves the case unassigned there. One audit entry with the reason.
 */
export async function reassignCase<
  C extends { id: string; unitId: string; handlerUserId: string | null; version: number },
>(
  manager: EntityManager,
  actor: Actor,
  services: { deadlines: CaseDeadlinesService; audit: AuditService },
  c: C,
  kind: CaseReassignment<C>,
  dto: { unitId?: string; handlerUserId?: string | null; reason: string },
): Promise<void> {
  const before = kind.audited(c);
  const unitId = dto.unitId ?? c.unitId;
  if (unitId !== c.unitId) {
    await unitInScope(manager, actor, unitId, () =>
      CaseErrors.invalid([{ field: 'unitId', message: 'is not a unit you may see' }]),
    );
  }
  const handlerUserId =
    dto.handlerUserId === undefined ? (unitId === c.unitId ? c.handlerUserId : null) : dto.handlerUserId;
  if (handlerUserId) await assertHandler(manager, unitId, handlerUserId, CaseErrors.handlerInvalid);
  const moved = unitId !== c.unitId;
  const next = { unitId, handlerUserId, version: c.version + 1 };
  await manager.update(kind.caseEntity, { id: c.id }, next);
  Object.assign(c, next);
  if (moved) {
    await manager.update(CaseDeadlineEntity, { subjectType: kind.subjectType, subjectId: c.id }, { unitId });
    // The days are now counted on the new unit's calendar.
    await services.deadlines.changeFlags(
      manager,
      actor,
      { subjectType: kind.subjectType, subjectId: c.id },
      kind.deadlineOptions(c),
    );
  }
  await services.audit.record(manager, actor, {
    action: 'assign',
    entityType: kind.subjectType,
    entityId: c.id,
    unitId: c.unitId,
    changes: {
      ...diffChanges(before, kind.audited(c), [...kind.sensitiveFields]),
      reason: { before: null, after: dto.reason },
    },
  });
}
