import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import type { WorkingCalendar } from '../calendar/domain/working-calendar.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import { addDays, type LocalDate } from '../common/domain/local-date.js';
import type { Page } from '../common/http/page.dto.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { recordInScope, unitInScope, whereInScope } from '../units/unit-scope.js';
import { monthOf } from './domain/month.js';
import { postingChecks, postingWarnings, type PostingWarning } from './domain/posting-rule.js';
import { describeRecurrence } from './domain/recurrence.js';
import { canChange, hhmm, sessionProblems, type SessionKind, type SessionMode } from './domain/session.js';
import type { ScheduleView } from './dto/schedule.dto.js';
import type {
  CancelSessionDto,
  CreateSessionDto,
  ListSessionsQueryDto,
  PostponeSessionDto,
  SessionCommandResult,
  SessionView,
  TimeSlotDto,
  UpdateSessionDto,
} from './dto/session.dto.js';
import { ReceptionPlaceEntity } from './entities/reception-place.entity.js';
import { ReceptionScheduleEntity, type Person } from './entities/reception-schedule.entity.js';
import { ReceptionSessionEntity } from './entities/reception-session.entity.js';
import { HeadDutyService, type HeadDutyWarning } from './head-duty.service.js';
import { PublicCalendarCache } from './public/public-calendar.cache.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { ReceptionErrors } from './reception.errors.js';

/** A schedule covers at most a year (schedules are published per year, "lịch tiếp công dân năm …"). */
export const MAX_SCHEDULE_DAYS = 366;

export type Warning =
  | PostingWarning
  | HeadDutyWarning
  | { code: 'RECEPTION_NOT_A_WORKING_DAY'; message: string; date: LocalDate };

/** The first working day after a date, or null when the calendar does not reach that far. */
export function nextWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate | null {
  for (let day = addDays(date, 1); calendar.contains(day); day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) return day;
  }
  return null;
}

export function toSessionView(s: ReceptionSessionEntity): SessionView {
  return {
    id: s.id,
    unitId: s.unitId,
    scheduleId: s.scheduleId,
    kind: s.kind,
    mode: s.mode,
    place: s.place
      ? { id: s.place.id, name: s.place.name, address: s.place.address, room: s.place.room }
      : null,
    onlineUrl: s.onlineUrl,
    date: s.sessionDate,
    startTime: hhmm(s.startTime),
    endTime: hhmm(s.endTime),
    nominalDate: s.nominalDate,
    movedReason: s.movedReason,
    originalDate: s.originalDate,
    originalStartTime: s.originalStartTime ? hhmm(s.originalStartTime) : null,
    receiverName: s.receiverName,
    receiverTitle: s.receiverTitle,
    officers: s.officers ?? [],
    topics: s.topics,
    publicNote: s.publicNote,
    status: s.status,
    statusReason: s.statusReason,
    sequence: s.sequence,
    publishedOn: s.publishedOn,
    postingDue: s.postingDue,
    postedLate: s.postedLate,
    calendarConflict: s.calendarConflict,
    conflictReason: null,
    suggestedDate: null,
    version: s.version,
  };
}

export function toScheduleView(s: ReceptionScheduleEntity): ScheduleView {
  return {
    id: s.id,
    unitId: s.unitId,
    kind: s.kind,
    mode: s.mode,
    placeId: s.placeId,
    onlineUrl: s.onlineUrl,
    recurrence: s.recurrence,
    recurrenceText: describeRecurrence(s.recurrence),
    nonWorkingDayPolicy: s.nonWorkingDayPolicy,
    slots: s.slots,
    validFrom: s.validFrom,
    validUntil: s.validUntil,
    receiverName: s.receiverName,
    receiverTitle: s.receiverTitle,
    officers: s.officers ?? [],
    topics: s.topics,
    active: s.active,
    endedFrom: s.endedFrom,
    endReason: s.endReason,
    version: s.version,
  };
}

/** The public, audited fields of a session (timestamps and version say nothing). */
function auditedSession(s: ReceptionSessionEntity) {
  const { createdAt: _c, updatedAt: _u, version: _v, unit: _unit, place: _p, schedule: _s, ...fields } = s;
  return fields;
}

export function auditedSchedule(s: ReceptionScheduleEntity) {
  const { createdAt: _c, updatedAt: _u, version: _v, unit: _unit, place: _p, ...fields } = s;
  return fields;
}

export const people = (list: { name: string; title?: string | null }[] | undefined): Person[] =>
  (list ?? []).map((p) => ({ name: p.name, title: p.title ?? null }));

/** Posting facts of a session published today: the earliest due date of its rules and whether it is late. */
export function posting(
  session: { kind: SessionKind; mode: SessionMode; date: LocalDate },
  today: LocalDate,
  calendar: WorkingCalendar,
) {
  const checks = postingChecks(session, today, calendar);
  const due = checks.reduce<LocalDate | null>((min, c) => (min === null || c.due < min ? c.due : min), null);
  return {
    postingDue: due,
    postedLate: checks.some((c) => c.late),
    warnings: postingWarnings(checks, session.date),
  };
}

export function slotProblems(slots: readonly TimeSlotDto[], field = 'slots'): DomainErrorDetail[] {
  const out: DomainErrorDetail[] = [];
  const sorted = [...slots].sort((a, b) => (a.startTime < b.startTime ? -1 : 1));
  sorted.forEach((slot, i) => {
    if (slot.endTime <= slot.startTime)
      out.push({ field: `${field}[${i}].endTime`, message: 'must be after startTime' });
    if (i > 0 && slot.startTime < sorted[i - 1].endTime) {
      out.push({ field: `${field}[${i}].startTime`, message: 'overlaps the previous slot' });
    }
  });
  return out;
}

/**
 * Reception sessions (periodic and ad hoc): creating, editing, cancelling and postponing them, each in
 * one transaction with its audit entry. Returns warnings — posting inside the TCD-1/TCD-6 window, a month
 * short of the head's duty — without refusing the change. Schedules, which expand into sessions, are
 * ReceptionSchedulesService's; it builds their sessions with `newSession` here.
 */
@Injectable()
export class ReceptionSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: UnitCalendarService,
    private readonly clock: Clock,
    private readonly headDuty: HeadDutyService,
    private readonly publicCache: PublicCalendarCache,
  ) {}

  // ── sessions ────────────────────────────────────────────────────────────────────────────────────

  async listSessions(actor: Actor, query: ListSessionsQueryDto): Promise<Page<SessionView>> {
    const qb = this.dataSource
      .getRepository(ReceptionSessionEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.place', 'p');
    whereInScope(qb, 's.unit_id', actor);
    if (query.unitId) {
      // A unit outside the caller's scope is not found (404), like any out-of-scope id.
      await unitInScope(this.dataSource.manager, actor, query.unitId, ReceptionErrors.unitNotFound);
      qb.andWhere('s.unit_id = :unitId', { unitId: query.unitId });
    }
    if (query.from) qb.andWhere('s.session_date >= :from', { from: query.from });
    if (query.to) qb.andWhere('s.session_date <= :to', { to: query.to });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('s.kind = :kind', { kind: query.kind });
    if (query.calendarConflict !== undefined)
      qb.andWhere('s.calendar_conflict = :conflict', { conflict: query.calendarConflict });
    const [rows, total] = await qb
      .orderBy('s.session_date', 'ASC')
      .addOrderBy('s.start_time', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.withConflictFacts(rows), page: query.page, pageSize: query.pageSize, total };
  }

  async getSession(actor: Actor, id: string): Promise<SessionView> {
    const [view] = await this.withConflictFacts([
      await this.sessionInScope(this.dataSource.manager, actor, id),
    ]);
    return view;
  }

  /**
   * Views of sessions, those flagged by a calendar change (`calendarConflict`) with what an officer needs
   * to act: the day off's name and the next working day after it (where a postponement would go).
   */
  private async withConflictFacts(rows: ReceptionSessionEntity[]): Promise<SessionView[]> {
    const calendars = new Map<string, WorkingCalendar>();
    const out: SessionView[] = [];
    for (const row of rows) {
      const view = toSessionView(row);
      if (row.calendarConflict && row.status !== 'cancelled') {
        let calendar = calendars.get(row.unitId);
        if (!calendar) calendars.set(row.unitId, (calendar = await this.calendars.calendarFor(row.unitId)));
        if (calendar.contains(row.sessionDate)) {
          const info = calendar.dayInfo(row.sessionDate);
          view.conflictReason = info.name ?? (info.status === 'rest' ? 'weekend' : null);
          view.suggestedDate = nextWorkingDay(calendar, row.sessionDate);
        }
      }
      out.push(view);
    }
    return out;
  }

  async createSession(actor: Actor, dto: CreateSessionDto): Promise<SessionCommandResult> {
    const today = this.clock.today();
    const mode = dto.mode ?? 'direct';
    const problems = sessionProblems({ ...dto, mode });
    if (dto.date < today) problems.push({ field: 'date', message: 'must be today or later' });
    if (problems.length > 0) throw ReceptionErrors.invalid(problems);
    const result = await transactionWithRetry(this.dataSource, async (manager) => {
      const unit = await unitInScope(manager, actor, dto.unitId, ReceptionErrors.unitNotFound);
      if (dto.placeId) await this.placeOfUnit(manager, unit.id, dto.placeId);
      const calendar = await this.calendars.calendarFor(unit.id, manager);
      const p = posting({ kind: dto.kind, mode, date: dto.date }, today, calendar);
      const id = uuid7();
      await manager.insert(ReceptionSessionEntity, {
        id,
        unitId: unit.id,
        scheduleId: null,
        kind: dto.kind,
        mode,
        placeId: dto.placeId ?? null,
        onlineUrl: dto.onlineUrl ?? null,
        sessionDate: dto.date,
        startTime: dto.startTime,
        endTime: dto.endTime,
        nominalDate: null,
        movedReason: null,
        originalDate: null,
        originalStartTime: null,
        receiverName: dto.receiverName,
        receiverTitle: dto.receiverTitle ?? null,
        officers: people(dto.officers),
        topics: dto.topics ?? null,
        publicNote: dto.publicNote ?? null,
        status: 'scheduled',
        statusReason: null,
        sequence: 0,
        publishedOn: today,
        postingDue: p.postingDue,
        postedLate: p.postedLate,
      });
      const warnings: Warning[] = [...this.workingDayWarnings(calendar, dto.date), ...p.warnings];
      if (dto.kind === 'periodic')
        warnings.push(...(await this.headDuty.warnings(manager, unit, [monthOf(dto.date)])));
      const created = await this.sessionById(manager, id);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'reception_session',
        entityId: id,
        unitId: unit.id,
        changes: diffChanges(null, auditedSession(created)),
      });
      return { session: toSessionView(created), warnings };
    });
    this.publicCache.invalidate();
    return result;
  }

  async updateSession(actor: Actor, id: string, dto: UpdateSessionDto): Promise<SessionCommandResult> {
    const result = await transactionWithRetry(this.dataSource, async (manager) => {
      const session = await this.lockedSession(manager, actor, id, dto.version);
      if (dto.placeId) await this.placeOfUnit(manager, session.unitId, dto.placeId);
      const next = {
        placeId: dto.placeId ?? session.placeId,
        onlineUrl: dto.onlineUrl ?? session.onlineUrl,
        startTime: dto.startTime ?? hhmm(session.startTime),
        endTime: dto.endTime ?? hhmm(session.endTime),
        receiverName: dto.receiverName ?? session.receiverName,
        receiverTitle: dto.receiverTitle !== undefined ? dto.receiverTitle : session.receiverTitle,
        officers: dto.officers ? people(dto.officers) : session.officers,
        topics: dto.topics !== undefined ? dto.topics : session.topics,
        publicNote: dto.publicNote !== undefined ? dto.publicNote : session.publicNote,
      };
      const problems = sessionProblems({ date: session.sessionDate, mode: session.mode, ...next });
      if (problems.length > 0) throw ReceptionErrors.invalid(problems);
      return this.saveChange(manager, actor, session, next, 'update', []);
    });
    this.publicCache.invalidate();
    return result;
  }

  async cancelSession(actor: Actor, id: string, dto: CancelSessionDto): Promise<SessionCommandResult> {
    const result = await transactionWithRetry(this.dataSource, async (manager) => {
      const session = await this.lockedSession(manager, actor, id, dto.version);
      return this.saveChange(
        manager,
        actor,
        session,
        // A cancelled session is not checked against the calendar again: nothing left to act on.
        { status: 'cancelled', statusReason: dto.reason, calendarConflict: false },
        'cancel',
        [monthOf(session.sessionDate)],
      );
    });
    this.publicCache.invalidate();
    return result;
  }

  async postponeSession(actor: Actor, id: string, dto: PostponeSessionDto): Promise<SessionCommandResult> {
    const today = this.clock.today();
    const result = await transactionWithRetry(this.dataSource, async (manager) => {
      const session = await this.lockedSession(manager, actor, id, dto.version);
      const startTime = dto.startTime ?? hhmm(session.startTime);
      const endTime = dto.endTime ?? hhmm(session.endTime);
      const problems = sessionProblems({
        date: dto.newDate,
        startTime,
        endTime,
        mode: session.mode,
        onlineUrl: session.onlineUrl,
        placeId: session.placeId,
      });
      if (dto.newDate < today) problems.push({ field: 'newDate', message: 'must be today or later' });
      if (dto.newDate < session.sessionDate) {
        problems.push({
          field: 'newDate',
          message: `must not be before the current date ${session.sessionDate}`,
        });
      } else if (dto.newDate === session.sessionDate && startTime <= hhmm(session.startTime)) {
        problems.push({ field: 'newDate', message: 'must move the session later' });
      }
      if (problems.length > 0) throw ReceptionErrors.invalid(problems);
      const calendar = await this.calendars.calendarFor(session.unitId, manager);
      const p = posting({ kind: session.kind, mode: session.mode, date: dto.newDate }, today, calendar);
      return this.saveChange(
        manager,
        actor,
        session,
        {
          status: 'postponed',
          statusReason: dto.reason,
          originalDate: session.originalDate ?? session.sessionDate,
          originalStartTime: session.originalStartTime ?? session.startTime,
          sessionDate: dto.newDate,
          startTime,
          endTime,
          publishedOn: today,
          postingDue: p.postingDue,
          postedLate: p.postedLate,
          // Judged again on the new day: a move off a new day off settles the calendar change's flag.
          calendarConflict: calendar.contains(dto.newDate) && !calendar.isWorkingDay(dto.newDate),
        },
        'postpone',
        [monthOf(session.sessionDate), monthOf(dto.newDate)],
        [...this.workingDayWarnings(calendar, dto.newDate), ...p.warnings],
      );
    });
    this.publicCache.invalidate();
    return result;
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────────

  newSession(
    schedule: ReceptionScheduleEntity,
    o: {
      date: LocalDate;
      nominalDate: LocalDate;
      movedReason: string | null;
      today: LocalDate;
      postingDue: LocalDate | null;
      postedLate: boolean;
    },
  ): Partial<ReceptionSessionEntity> {
    return {
      id: uuid7(),
      unitId: schedule.unitId,
      scheduleId: schedule.id,
      kind: 'periodic',
      mode: schedule.mode,
      placeId: schedule.placeId,
      onlineUrl: schedule.onlineUrl,
      sessionDate: o.date,
      startTime: schedule.slots[0].startTime,
      endTime: schedule.slots[0].endTime,
      nominalDate: o.nominalDate,
      movedReason: o.movedReason,
      originalDate: null,
      originalStartTime: null,
      receiverName: schedule.receiverName ?? '',
      receiverTitle: schedule.receiverTitle,
      officers: schedule.officers,
      topics: schedule.topics,
      publicNote: null,
      status: 'scheduled',
      statusReason: null,
      sequence: 0,
      publishedOn: o.today,
      postingDue: o.postingDue,
      postedLate: o.postedLate,
    };
  }

  private workingDayWarnings(calendar: WorkingCalendar, date: LocalDate): Warning[] {
    const info = calendar.dayInfo(date);
    if (info.working) return [];
    return [
      {
        code: 'RECEPTION_NOT_A_WORKING_DAY',
        message: `${date} is not a working day of the unit's calendar${info.name ? ` (${info.name})` : ''}.`,
        date,
      },
    ];
  }

  /**
   * Applies a change the public sees: raises SEQUENCE and the version, records the audit entry (last), and
   * returns the head's-duty warnings of the months touched.
   */
  private async saveChange(
    manager: EntityManager,
    actor: Actor,
    session: ReceptionSessionEntity,
    patch: Partial<ReceptionSessionEntity>,
    action: 'update' | 'cancel' | 'postpone',
    dutyMonths: string[],
    warnings: Warning[] = [],
  ): Promise<SessionCommandResult> {
    const before = auditedSession({ ...session });
    await manager.update(
      ReceptionSessionEntity,
      { id: session.id },
      { ...patch, sequence: session.sequence + 1, version: session.version + 1 },
    );
    const after = await this.sessionById(manager, session.id);
    const all: Warning[] = [...warnings];
    if (session.kind === 'periodic' && dutyMonths.length > 0) {
      const unit = await unitInScope(manager, actor, session.unitId, ReceptionErrors.unitNotFound);
      all.push(...(await this.headDuty.warnings(manager, unit, dutyMonths)));
    }
    await this.audit.record(manager, actor, {
      action,
      entityType: 'reception_session',
      entityId: session.id,
      unitId: session.unitId,
      changes: diffChanges(before, auditedSession(after)),
    });
    return { session: toSessionView(after), warnings: all };
  }

  private async lockedSession(
    manager: EntityManager,
    actor: Actor,
    id: string,
    version: number,
  ): Promise<ReceptionSessionEntity> {
    const session = await recordInScope(
      manager,
      ReceptionSessionEntity,
      actor,
      id,
      () => ReceptionErrors.sessionNotFound(),
      true,
    );
    if (session.version !== version) throw ReceptionErrors.versionConflict('session', session.version);
    if (!canChange(session.status)) throw ReceptionErrors.sessionCancelled();
    return session;
  }

  private async sessionInScope(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<ReceptionSessionEntity> {
    const qb = manager
      .getRepository(ReceptionSessionEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.place', 'p')
      .where('s.id = :id', { id });
    whereInScope(qb, 's.unit_id', actor);
    const session = await qb.getOne();
    if (!session) throw ReceptionErrors.sessionNotFound();
    return session;
  }

  private sessionById(manager: EntityManager, id: string): Promise<ReceptionSessionEntity> {
    return manager.findOneOrFail(ReceptionSessionEntity, { where: { id }, relations: { place: true } });
  }

  /** A place of this unit (active), or 404 on the `placeId` field. */
  async placeOfUnit(manager: EntityManager, unitId: string, placeId: string): Promise<ReceptionPlaceEntity> {
    const place = await manager.findOneBy(ReceptionPlaceEntity, { id: placeId, unitId, active: true });
    if (!place) throw ReceptionErrors.placeNotFound('placeId');
    return place;
  }
}
