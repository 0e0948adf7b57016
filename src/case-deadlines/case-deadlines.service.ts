import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import type { LocalDate } from '../common/domain/local-date.js';
import { uuid7 } from '../common/ids/uuid7.js';
import type { WorkingCalendar } from '../calendar/domain/working-calendar.js';
import { computeDeadline, type DeadlineOptions } from '../deadlines/domain/deadline-engine.js';
import { DEFAULT_DEADLINE_POLICY } from '../deadlines/domain/deadline-policy.js';
import { dateVi } from '../deadlines/domain/vietnamese-text.js';
import { CaseDeadlineChangeEntity } from './case-deadline-change.entity.js';
import { CaseDeadlineEntity } from './case-deadline.entity.js';
import { applicableOptions } from './domain/applicable-options.js';
import { settledStatus } from './domain/case-deadline-status.js';
import { AppConfig } from '../config/app-config.js';
import { DeadlineSubjects } from './deadline-subject.js';
import { parseLadders, resolveLadder, schedule, type LadderTable } from '../escalations/domain/ladder.js';
import { storedLaddersFor } from '../escalations/ladder-store.js';

export interface DeadlineSubject {
  subjectType: string;
  subjectId: string;
}

export interface OpenDeadlineInput extends DeadlineSubject {
  unitId: string;
  purpose: string;
  ruleId: string;
  trigger: LocalDate;
  /** The case's facts; only those the rule accepts are used. */
  options?: DeadlineOptions;
  internalTarget?: LocalDate | null;
}

export type RecomputeReason = 'continued' | 'flags_changed' | 'calendar_changed';

/** The rule id of a due date set by a decision (enforcement obligations), not computed by the engine. */
export const FIXED_RULE = 'SET';

/**
 * Statutory deadlines as records. Every method takes the caller's transaction manager: a deadline opens,
 * moves or closes in the same transaction as the step of the case that causes it.
 */
@Injectable()
export class CaseDeadlinesService {
  private readonly ladders: LadderTable;

  constructor(
    private readonly calendars: UnitCalendarService,
    private readonly subjects: DeadlineSubjects,
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.ladders = parseLadders(config.escalation.ladders);
  }

  async open(manager: EntityManager, actor: Actor, input: OpenDeadlineInput): Promise<CaseDeadlineEntity> {
    const options = applicableOptions(input.ruleId, input.trigger, input.options ?? {});
    const computed = await this.compute(manager, input.unitId, input.ruleId, input.trigger, options);
    const [{ next }] = await manager.query(
      `SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM case_deadlines
       WHERE subject_type = ? AND subject_id = ? AND purpose = ?`,
      [input.subjectType, input.subjectId, input.purpose],
    );
    const deadline = manager.create(CaseDeadlineEntity, {
      id: uuid7(),
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      unitId: input.unitId,
      purpose: input.purpose,
      sequence: Number(next),
      ruleId: input.ruleId,
      triggerDate: input.trigger,
      options,
      internalTarget: input.internalTarget ?? null,
      status: 'open',
      pausedSince: null,
      settledOn: null,
      version: 1,
      ...computed,
      ...(await this.armed(manager, input.unitId, input.ruleId, input.subjectType, computed.dueDate)),
    });
    await manager.insert(CaseDeadlineEntity, deadline);
    await this.recordChange(manager, actor, deadline, 'opened', null, null);
    return deadline;
  }

  /**
   * The first deadlines of a subject whose row is being written in this command (a new letter): computed,
   * armed and given their ids, not yet stored — the caller writes the subject's row with its copy of their
   * facts (the due date a list shows), then stores them with {@link openPlanned}. Each is the first of its
   * purpose (sequence 1: the subject has no deadlines yet). Reads each unit's calendar once; before the
   * command's transaction (no `manager`) the reads go to the pool outside any transaction, inside it
   * through `manager`.
   */
  async planFirst(
    inputs: readonly OpenDeadlineInput[],
    manager?: EntityManager,
  ): Promise<CaseDeadlineEntity[]> {
    const calendars = new Map<string, WorkingCalendar>();
    const ladders = new Map<string, Awaited<ReturnType<typeof storedLaddersFor>>>();
    const out: CaseDeadlineEntity[] = [];
    for (const input of inputs) {
      let calendar = calendars.get(input.unitId);
      if (!calendar) {
        calendar = await this.calendars.calendarFor(input.unitId, manager);
        calendars.set(input.unitId, calendar);
      }
      const options = applicableOptions(input.ruleId, input.trigger, input.options ?? {});
      const computed = computedOn(calendar, input.ruleId, input.trigger, options);
      // The ladders kept as data (ADR 0017), read like the calendar: on the pool before the transaction,
      // one statement per unit for all the deadlines planned (a letter forwarded by an agency has two).
      let unitLadders = ladders.get(input.unitId);
      if (!unitLadders) {
        const keys = inputs
          .filter((i) => i.unitId === input.unitId)
          .flatMap((i) => [i.ruleId, i.subjectType]);
        unitLadders = await storedLaddersFor(manager ?? this.dataSource.manager, input.unitId, [
          ...new Set(keys),
        ]);
        ladders.set(input.unitId, unitLadders);
      }
      const { ladder } = resolveLadder(
        unitLadders.stored,
        unitLadders.chain,
        this.ladders,
        input.ruleId,
        input.subjectType,
      );
      const [first] = schedule(ladder.slice(0, 1), calendar, computed.dueDate);
      out.push(
        Object.assign(new CaseDeadlineEntity(), {
          id: uuid7(),
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          unitId: input.unitId,
          purpose: input.purpose,
          sequence: 1,
          ruleId: input.ruleId,
          triggerDate: input.trigger,
          options,
          internalTarget: input.internalTarget ?? null,
          status: 'open' as const,
          pausedSince: null,
          settledOn: null,
          version: 1,
          ...computed,
          nextEscalationOn: first.on,
          nextEscalationLevel: first.level,
        }),
      );
    }
    return out;
  }

  /**
   * Stores deadlines planned by {@link planFirst} and their history rows: one multi-row INSERT each. The
   * subject's row was written in this transaction, after they were planned, with its copy of their facts
   * (the subject's adapter copies nothing more here: `copyFacts` runs on every later write).
   */
  async openPlanned(
    manager: EntityManager,
    actor: Actor,
    planned: readonly CaseDeadlineEntity[],
  ): Promise<void> {
    if (planned.length === 0) return;
    await manager.insert(CaseDeadlineEntity, [...planned]);
    await manager.insert(
      CaseDeadlineChangeEntity,
      planned.map((d) => changeRow(actor, d, 'opened', null, null)),
    );
  }

  /**
   * A due date set by a decision rather than a rule (an enforcement obligation "by 30 June"): stored as a
   * deadline like the others, so the escalation ladder applies; never recomputed.
   */
  async openFixed(
    manager: EntityManager,
    actor: Actor,
    input: DeadlineSubject & {
      unitId: string;
      purpose: string;
      trigger: LocalDate;
      due: LocalDate;
      basis: string;
    },
  ): Promise<CaseDeadlineEntity> {
    const calendar = await this.calendars.calendarFor(input.unitId, manager);
    const [{ next }] = await manager.query(
      `SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM case_deadlines
       WHERE subject_type = ? AND subject_id = ? AND purpose = ?`,
      [input.subjectType, input.subjectId, input.purpose],
    );
    const deadline = manager.create(CaseDeadlineEntity, {
      id: uuid7(),
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      unitId: input.unitId,
      purpose: input.purpose,
      sequence: Number(next),
      ruleId: FIXED_RULE,
      ruleVersion: 'set-by-decision',
      triggerDate: input.trigger,
      options: {},
      rawEnd: input.due,
      dueDate: input.due,
      internalTarget: null,
      status: 'open',
      pausedSince: null,
      settledOn: null,
      calendarVersion: calendar.version,
      policyVersion: 'fixed',
      provisional: false,
      explanation: {
        vi: [`Thời hạn do quyết định ấn định: ngày ${dateVi(input.due)} (${input.basis}).`],
        en: [`Due date set by the decision: ${input.due} (${input.basis}).`],
      },
      version: 1,
      ...(await this.armed(manager, input.unitId, FIXED_RULE, input.subjectType, input.due)),
    });
    await manager.insert(CaseDeadlineEntity, deadline);
    await this.recordChange(manager, actor, deadline, 'opened', null, null);
    return deadline;
  }

  /** The step was done on `on` (met or missed by the due date), or will not happen (cancelled). */
  async settle(
    manager: EntityManager,
    actor: Actor,
    subject: DeadlineSubject,
    purpose: string,
    outcome: 'done' | 'cancelled',
    on: LocalDate,
  ): Promise<CaseDeadlineEntity[]> {
    const open = await this.current(manager, subject, purpose, ['open', 'paused']);
    for (const d of open) {
      const status: CaseDeadlineEntity['status'] =
        outcome === 'cancelled' ? 'cancelled' : settledStatus(d.dueDate, on);
      const next = {
        status,
        settledOn: on,
        pausedSince: null,
        nextEscalationOn: null,
        nextEscalationLevel: null,
      };
      await manager.update(CaseDeadlineEntity, { id: d.id }, next);
      Object.assign(d, next);
      await this.recordChange(manager, actor, d, 'settled', d.dueDate, d.rawEnd);
    }
    return open;
  }

  /** The case is suspended on `on`: the period stands still until it continues. */
  async pause(
    manager: EntityManager,
    actor: Actor,
    subject: DeadlineSubject,
    purpose: string,
    on: LocalDate,
  ) {
    for (const d of await this.current(manager, subject, purpose, ['open'])) {
      // A suspended period escalates nothing; continuing re-arms the ladder.
      const next = {
        status: 'paused' as const,
        pausedSince: on,
        nextEscalationOn: null,
        nextEscalationLevel: null,
      };
      await manager.update(CaseDeadlineEntity, { id: d.id }, next);
      Object.assign(d, next);
      await this.recordChange(manager, actor, d, 'paused', d.dueDate, d.rawEnd);
    }
  }

  /**
   * The case continues on `on`: the suspended days (`on − pausedSince`) are added and the due date
   * computed again (LTC art. 34(2); LKN art. 11a; NĐ 124 art. 28b(2)).
   */
  async resume(
    manager: EntityManager,
    actor: Actor,
    subject: DeadlineSubject,
    purpose: string,
    on: LocalDate,
  ) {
    const out: CaseDeadlineEntity[] = [];
    for (const d of await this.current(manager, subject, purpose, ['paused'])) {
      const options: DeadlineOptions = {
        ...d.options,
        suspensions: [...(d.options.suspensions ?? []), { suspended: d.pausedSince!, resumed: on }],
      };
      out.push(await this.recompute(manager, actor, d, options, 'continued', 'open'));
    }
    return out;
  }

  /** The case's flags changed (remote, complicated, extensions…): every running deadline is recomputed. */
  async changeFlags(manager: EntityManager, actor: Actor, subject: DeadlineSubject, flags: DeadlineOptions) {
    const out: CaseDeadlineEntity[] = [];
    for (const d of await this.current(manager, subject, null, ['open', 'paused'])) {
      if (d.ruleId === FIXED_RULE) continue;
      const options = applicableOptions(d.ruleId, d.triggerDate, { ...d.options, ...flags });
      out.push(await this.recompute(manager, actor, d, options, 'flags_changed', d.status));
    }
    return out;
  }

  /**
   * What `changeFlags` would make of the subject's running deadlines were they counted on `unitId`'s
   * calendar with `flags`: the same computation, nothing locked or written (a reassignment's preview).
   */
  async previewOn(
    manager: EntityManager,
    subject: DeadlineSubject,
    unitId: string,
    flags: DeadlineOptions,
  ): Promise<Array<{ deadline: CaseDeadlineEntity; computed: ReturnType<typeof computedOn> }>> {
    const calendar = await this.calendars.calendarFor(unitId, manager);
    const running = await manager.find(CaseDeadlineEntity, {
      where: [
        { ...subject, status: 'open' },
        { ...subject, status: 'paused' },
      ],
      order: { sequence: 'ASC', id: 'ASC' },
    });
    return running
      .filter((d) => d.ruleId !== FIXED_RULE)
      .map((d) => ({
        deadline: d,
        computed: computedOn(
          calendar,
          d.ruleId,
          d.triggerDate,
          applicableOptions(d.ruleId, d.triggerDate, { ...d.options, ...flags }),
        ),
      }));
  }

  /**
   * A unit's calendar changed from `from` on: every running deadline of the unit whose period reaches
   * that day is recomputed on the new calendar. Returns those whose due date moved.
   */
  async recomputeForCalendar(
    manager: EntityManager,
    actor: Actor,
    unitIds: readonly string[],
    from: LocalDate,
    calendarChangeId: string | null = null,
  ) {
    if (unitIds.length === 0) return [];
    // Subjects' rows first, then their deadlines: the order of every command on a subject, so a case
    // step running meanwhile waits instead of deadlocking (docs/database.md, "Locks: one order").
    const subjects: Array<{ subjectType: string; subjectId: string }> = await manager
      .getRepository(CaseDeadlineEntity)
      .createQueryBuilder('d')
      .select(['d.subjectType AS subjectType', 'd.subjectId AS subjectId'])
      .where('d.unitId IN (:...unitIds)', { unitIds })
      .andWhere("d.status IN ('open', 'paused')")
      .andWhere('d.dueDate >= :from', { from })
      .getRawMany();
    const byType = new Map<string, string[]>();
    for (const s of subjects) byType.set(s.subjectType, [...(byType.get(s.subjectType) ?? []), s.subjectId]);
    for (const type of [...byType.keys()].sort()) {
      await this.subjects.of(type).lockForUpdate(manager, byType.get(type)!);
    }
    const affected = await manager
      .getRepository(CaseDeadlineEntity)
      .createQueryBuilder('d')
      .where('d.unitId IN (:...unitIds)', { unitIds })
      .andWhere("d.status IN ('open', 'paused')")
      .andWhere('d.dueDate >= :from', { from })
      .setLock('pessimistic_write')
      .getMany();
    const moved: CaseDeadlineEntity[] = [];
    for (const d of affected) {
      if (d.ruleId === FIXED_RULE) continue;
      const before = d.dueDate;
      const after = await this.recompute(
        manager,
        actor,
        d,
        d.options,
        'calendar_changed',
        d.status,
        true,
        calendarChangeId,
      );
      if (after.dueDate !== before) moved.push(after);
    }
    return moved;
  }

  async setInternalTarget(
    manager: EntityManager,
    actor: Actor,
    deadlineId: string,
    target: LocalDate | null,
  ) {
    const d = await manager.findOneByOrFail(CaseDeadlineEntity, { id: deadlineId });
    await manager.update(CaseDeadlineEntity, { id: d.id }, { internalTarget: target });
    d.internalTarget = target;
    await this.recordChange(manager, actor, d, 'target_set', d.dueDate, d.rawEnd);
    return d;
  }

  listForSubject(manager: EntityManager, subject: DeadlineSubject): Promise<CaseDeadlineEntity[]> {
    return manager.find(CaseDeadlineEntity, {
      where: { subjectType: subject.subjectType, subjectId: subject.subjectId },
      order: { createdAt: 'ASC', sequence: 'ASC' },
    });
  }

  private async recompute(
    manager: EntityManager,
    actor: Actor,
    d: CaseDeadlineEntity,
    options: DeadlineOptions,
    reason: RecomputeReason,
    status: CaseDeadlineEntity['status'],
    onlyIfChanged = false,
    calendarChangeId: string | null = null,
  ): Promise<CaseDeadlineEntity> {
    const computed = await this.compute(manager, d.unitId, d.ruleId, d.triggerDate, options);
    const unchanged =
      computed.dueDate === d.dueDate &&
      computed.rawEnd === d.rawEnd &&
      computed.calendarVersion === d.calendarVersion;
    if (onlyIfChanged && unchanged) return d;
    const previous = { due: d.dueDate, rawEnd: d.rawEnd };
    const next = {
      ...computed,
      options,
      status,
      pausedSince: status === 'paused' ? d.pausedSince : null,
      version: d.version + 1,
      // A deadline that moved climbs the ladder again from the start; one whose due date stayed (a new
      // calendar version, an unchanged flag) keeps its place on it, so nothing is sent twice.
      ...(status !== 'open'
        ? { nextEscalationOn: null, nextEscalationLevel: null }
        : computed.dueDate !== d.dueDate || d.nextEscalationOn === null
          ? await this.armed(manager, d.unitId, d.ruleId, d.subjectType, computed.dueDate)
          : {}),
    };
    await manager.update(CaseDeadlineEntity, { id: d.id }, next);
    Object.assign(d, next);
    await this.recordChange(manager, actor, d, reason, previous.due, previous.rawEnd, calendarChangeId);
    return d;
  }

  /** The first level of the deadline's ladder and its day: what the escalation sweep looks for. */
  private async armed(
    manager: EntityManager,
    unitId: string,
    ruleId: string,
    subjectType: string,
    due: LocalDate,
  ) {
    const ladder = await this.ladderFor(manager, unitId, ruleId, subjectType);
    const [first] = schedule(ladder.slice(0, 1), await this.calendars.calendarFor(unitId, manager), due);
    return { nextEscalationOn: first.on, nextEscalationLevel: first.level };
  }

  /** The ladder of a deadline, dated on its unit's calendar (the escalation processor's view). */
  async ladderOf(
    manager: EntityManager,
    d: Pick<CaseDeadlineEntity, 'unitId' | 'ruleId' | 'subjectType' | 'dueDate'>,
  ) {
    const ladder = await this.ladderFor(manager, d.unitId, d.ruleId, d.subjectType);
    const calendar = await this.calendars.calendarFor(d.unitId, manager);
    return { ladder, levels: schedule(ladder, calendar, d.dueDate) };
  }

  /**
   * The ladder in force for a deadline now (ADR 0017): the ladders kept as data, nearest agency first,
   * then ESCALATION_LADDERS, then the default.
   */
  private async ladderFor(manager: EntityManager, unitId: string, ruleId: string, subjectType: string) {
    const { chain, stored } = await storedLaddersFor(manager, unitId, [ruleId, subjectType]);
    return resolveLadder(stored, chain, this.ladders, ruleId, subjectType).ladder;
  }

  private async compute(
    manager: EntityManager,
    unitId: string,
    ruleId: string,
    trigger: LocalDate,
    options: DeadlineOptions,
  ) {
    return computedOn(await this.calendars.calendarFor(unitId, manager), ruleId, trigger, options);
  }

  private current(
    manager: EntityManager,
    subject: DeadlineSubject,
    purpose: string | null,
    statuses: CaseDeadlineEntity['status'][],
  ): Promise<CaseDeadlineEntity[]> {
    const qb = manager
      .getRepository(CaseDeadlineEntity)
      .createQueryBuilder('d')
      .where('d.subjectType = :type AND d.subjectId = :id', {
        type: subject.subjectType,
        id: subject.subjectId,
      })
      .andWhere('d.status IN (:...statuses)', { statuses })
      .orderBy('d.sequence', 'ASC')
      .setLock('pessimistic_write');
    if (purpose !== null) qb.andWhere('d.purpose = :purpose', { purpose });
    return qb.getMany();
  }

  /** The history row of a write to `d`, and the copy of its facts on the case row when it has one. */
  private async recordChange(
    manager: EntityManager,
    actor: Actor,
    d: CaseDeadlineEntity,
    reason: string,
    previousDue: string | null,
    previousRawEnd: string | null,
    calendarChangeId: string | null = null,
  ): Promise<void> {
    await this.copyToSubject(manager, d);
    await manager.insert(CaseDeadlineChangeEntity, {
      ...changeRow(actor, d, reason, previousDue, previousRawEnd),
      calendarChangeId,
    });
  }

  /**
   * The copies of a deadline's facts kept on its subject's row, for lists and reports (a case's first
   * resolution deadline, a letter's processing due date): the subject's adapter decides what it copies
   * (`copyFacts`, deadline-subject.ts). Every write to a deadline comes through this service and ends in
   * recordChange, so the copy moves with the row, in its transaction. (A subject's row is written before
   * its deadlines open: an UPDATE by the id of a row not yet written locks the gap where it would go, and
   * concurrent inserts into that gap deadlock — docs/database.md.) The subject's row is already locked
   * by whoever writes the deadline: a case step locks its case first, and a calendar recomputation locks
   * the subjects before their deadlines.
   */
  private async copyToSubject(manager: EntityManager, d: CaseDeadlineEntity): Promise<void> {
    await this.subjects.of(d.subjectType).copyFacts?.(manager, d);
  }
}

/** A deadline's computed columns on a unit's calendar. */
function computedOn(calendar: WorkingCalendar, ruleId: string, trigger: LocalDate, options: DeadlineOptions) {
  const result = computeDeadline(ruleId, trigger, options, calendar, DEFAULT_DEADLINE_POLICY);
  return {
    ruleVersion: result.ruleVersion,
    rawEnd: result.rawEnd,
    dueDate: result.due,
    calendarVersion: result.calendarVersion,
    policyVersion: result.policyVersion,
    provisional: result.provisional,
    explanation: result.explanation as { vi: string[]; en: string[] },
  };
}

/** The history row of a write to a deadline. */
function changeRow(
  actor: Actor,
  d: CaseDeadlineEntity,
  reason: string,
  previousDue: string | null,
  previousRawEnd: string | null,
): Partial<CaseDeadlineChangeEntity> {
  return {
    deadlineId: d.id,
    version: d.version,
    reason,
    previousDue,
    newDue: d.dueDate,
    previousRawEnd,
    newRawEnd: d.rawEnd,
    calendarVersion: d.calendarVersion,
    actorUserId: actor.userId,
  };
}
