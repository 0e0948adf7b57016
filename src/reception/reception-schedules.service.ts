import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import { daysBetween } from '../common/domain/local-date.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { recordInScope, unitInScope, whereInScope } from '../units/unit-scope.js';
import { monthOf, monthsBetween } from './domain/month.js';
import {
  describeRecurrence,
  expandRecurrence,
  recurrenceProblems,
  type Recurrence,
} from './domain/recurrence.js';
import { sessionProblems } from './domain/session.js';
import type { UnitFilterQueryDto } from './dto/place.dto.js';
import type {
  CreateScheduleDto,
  EndScheduleDto,
  PreviewScheduleDto,
  ScheduleCommandResult,
  SchedulePreviewView,
  ScheduleView,
} from './dto/schedule.dto.js';
import { ReceptionScheduleEntity } from './entities/reception-schedule.entity.js';
import { ReceptionSessionEntity } from './entities/reception-session.entity.js';
import { HeadDutyService } from './head-duty.service.js';
import { PublicCalendarCache } from './public/public-calendar.cache.js';
import { Clock } from '../common/clock.js';
import { ReceptionErrors } from './reception.errors.js';
import { LIST_LIMIT } from '../common/http/page.dto.js';
import {
  MAX_SCHEDULE_DAYS,
  ReceptionSessionsService,
  Warning,
  auditedSchedule,
  people,
  posting,
  slotProblems,
  toScheduleView,
} from './reception-sessions.service.js';

/**
 * Reception schedules (regular and periodic): creating one expands it into its sessions on the unit's
 * calendar, moving or skipping days off; ending one cancels its sessions from that day. Each in one
 * transaction with its audit entry; returns warnings — posting inside the TCD-1/TCD-6 window, a month
 * short of the head's duty — without refusing the change.
 */
@Injectable()
export class ReceptionSchedulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: UnitCalendarService,
    private readonly clock: Clock,
    private readonly headDuty: HeadDutyService,
    private readonly publicCache: PublicCalendarCache,
    private readonly sessions: ReceptionSessionsService,
  ) {}

  // ── schedules ───────────────────────────────────────────────────────────────────────────────────

  async listSchedules(actor: Actor, query: UnitFilterQueryDto): Promise<ScheduleView[]> {
    const qb = this.dataSource.getRepository(ReceptionScheduleEntity).createQueryBuilder('s');
    whereInScope(qb, 's.unit_id', actor);
    if (query.unitId) {
      // A unit outside the caller's scope is not found (404), like any out-of-scope id.
      await unitInScope(this.dataSource.manager, actor, query.unitId, ReceptionErrors.unitNotFound);
      qb.andWhere('s.unit_id = :unitId', { unitId: query.unitId });
    }
    const rows = await qb
      .orderBy('s.valid_from', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .limit(LIST_LIMIT)
      .getMany();
    return rows.map(toScheduleView);
  }

  async getSchedule(actor: Actor, id: string): Promise<ScheduleView> {
    return toScheduleView(
      await recordInScope(
        this.dataSource.manager,
        ReceptionScheduleEntity,
        actor,
        id,
        ReceptionErrors.scheduleNotFound,
      ),
    );
  }

  /**
   * The sessions a periodic schedule would have, without saving anything: its days on the unit's working
   * calendar as `createSchedule` lays them out (moved or skipped days off), each with its posting facts if
   * it were saved today. What the console shows before an officer saves a schedule.
   */
  async previewSchedule(actor: Actor, dto: PreviewScheduleDto): Promise<SchedulePreviewView> {
    const today = this.clock.today();
    const mode = dto.mode ?? 'direct';
    const problems: DomainErrorDetail[] = [...recurrenceProblems(dto.recurrence)];
    if (problems.length === 0 && dto.recurrence.type === 'every_working_day')
      problems.push({ field: 'recurrence.type', message: 'every_working_day is for regular reception' });
    if (dto.validUntil < dto.validFrom)
      problems.push({ field: 'validUntil', message: 'must not be before validFrom' });
    else if (daysBetween(dto.validFrom, dto.validUntil) >= MAX_SCHEDULE_DAYS) {
      problems.push({
        field: 'validUntil',
        message: `must be within ${MAX_SCHEDULE_DAYS} days of validFrom`,
      });
    }
    if (dto.validUntil < today) problems.push({ field: 'validUntil', message: 'is in the past' });
    if (problems.length > 0) throw ReceptionErrors.invalid(problems);
    const unit = await unitInScope(this.dataSource.manager, actor, dto.unitId, ReceptionErrors.unitNotFound);
    const calendar = await this.calendars.calendarFor(unit.id);
    const from = dto.validFrom > today ? dto.validFrom : today;
    const expansion = expandRecurrence(
      dto.recurrence,
      { from, to: dto.validUntil },
      calendar,
      dto.nonWorkingDayPolicy ?? 'next_working_day',
    );
    return {
      recurrenceText: describeRecurrence(dto.recurrence),
      from,
      occurrences: expansion.occurrences.map((o) => {
        const p = posting({ kind: 'periodic', mode, date: o.date }, today, calendar);
        return {
          date: o.date,
          nominalDate: o.nominalDate,
          moved: o.moved,
          reason: o.moved ? (o.reason ?? null) : null,
          postingDue: p.postingDue,
          postedLate: p.postedLate,
        };
      }),
      skipped: expansion.skipped,
    };
  }

  async createSchedule(actor: Actor, dto: CreateScheduleDto): Promise<ScheduleCommandResult> {
    const today = this.clock.today();
    const mode = dto.mode ?? 'direct';
    const recurrence: Recurrence | undefined =
      dto.recurrence ?? (dto.kind === 'regular' ? { type: 'every_working_day' } : undefined);
    const problems: DomainErrorDetail[] = [];
    if (!recurrence) problems.push({ field: 'recurrence', message: 'is required for a periodic schedule' });
    else problems.push(...recurrenceProblems(recurrence));
    if (dto.kind === 'regular') {
      if (recurrence && recurrence.type !== 'every_working_day') {
        problems.push({
          field: 'recurrence.type',
          message: 'regular reception is on every working day (every_working_day)',
        });
      }
      if (mode !== 'direct') problems.push({ field: 'mode', message: 'regular reception is direct' });
    } else {
      if (recurrence?.type === 'every_working_day') {
        problems.push({ field: 'recurrence.type', message: 'every_working_day is for regular reception' });
      }
      if (dto.slots.length !== 1)
        problems.push({ field: 'slots', message: 'a periodic schedule has one time slot' });
      if (!dto.receiverName)
        problems.push({ field: 'receiverName', message: 'is required: the head who receives' });
    }
    problems.push(...slotProblems(dto.slots));
    problems.push(
      ...sessionProblems({
        date: dto.validFrom,
        startTime: '00:00',
        endTime: '00:01',
        mode,
        onlineUrl: dto.onlineUrl,
        placeId: dto.placeId,
      }).map((p) => (p.field === 'mode' ? { ...p, field: 'validFrom' } : p)),
    );
    if (dto.validUntil < dto.validFrom)
      problems.push({ field: 'validUntil', message: 'must not be before validFrom' });
    else if (daysBetween(dto.validFrom, dto.validUntil) >= MAX_SCHEDULE_DAYS) {
      problems.push({
        field: 'validUntil',
        message: `must be within ${MAX_SCHEDULE_DAYS} days of validFrom`,
      });
    }
    if (dto.validUntil < today) problems.push({ field: 'validUntil', message: 'is in the past' });
    if (problems.length > 0 || !recurrence) throw ReceptionErrors.invalid(problems);

    const result = await this.dataSource.transaction(async (manager) => {
      const unit = await unitInScope(manager, actor, dto.unitId, ReceptionErrors.unitNotFound);
      if (dto.placeId) await this.sessions.placeOfUnit(manager, unit.id, dto.placeId);
      const calendar = await this.calendars.calendarFor(unit.id, manager);
      const id = uuid7();
      await manager.insert(ReceptionScheduleEntity, {
        id,
        unitId: unit.id,
        kind: dto.kind,
        mode,
        placeId: dto.placeId ?? null,
        onlineUrl: dto.onlineUrl ?? null,
        recurrence,
        nonWorkingDayPolicy: dto.nonWorkingDayPolicy ?? 'next_working_day',
        slots: dto.slots.map((s) => ({ startTime: s.startTime, endTime: s.endTime })),
        validFrom: dto.validFrom,
        validUntil: dto.validUntil,
        receiverName: dto.receiverName ?? null,
        receiverTitle: dto.receiverTitle ?? null,
        officers: people(dto.officers),
        topics: dto.topics ?? null,
        active: true,
        endedFrom: null,
        endReason: null,
      });
      const schedule = await manager.findOneByOrFail(ReceptionScheduleEntity, { id });
      let sessionCount = 0;
      let postedLateCount = 0;
      let skipped: { nominalDate: string; reason: string }[] = [];
      const warnings: Warning[] = [];
      if (dto.kind === 'periodic') {
        const from = dto.validFrom > today ? dto.validFrom : today;
        const expansion = expandRecurrence(
          recurrence,
          { from, to: dto.validUntil },
          calendar,
          schedule.nonWorkingDayPolicy,
        );
        skipped = expansion.skipped;
        const rows = expansion.occurrences.map((o) => {
          const p = posting({ kind: 'periodic', mode, date: o.date }, today, calendar);
          if (p.postedLate) postedLateCount += 1;
          warnings.push(...p.warnings);
          return this.sessions.newSession(schedule, {
            date: o.date,
            nominalDate: o.nominalDate,
            movedReason: o.moved ? (o.reason ?? null) : null,
            today,
            postingDue: p.postingDue,
            postedLate: p.postedLate,
          });
        });
        for (let i = 0; i < rows.length; i += 500)
          await manager.insert(ReceptionSessionEntity, rows.slice(i, i + 500));
        sessionCount = rows.length;
        warnings.push(...(await this.headDuty.warnings(manager, unit, monthsBetween(from, dto.validUntil))));
      }
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'reception_schedule',
        entityId: id,
        unitId: unit.id,
        changes: {
          ...diffChanges(null, auditedSchedule(schedule)),
          sessionsCreated: { before: null, after: sessionCount },
        },
      });
      return { schedule: toScheduleView(schedule), sessionCount, postedLateCount, skipped, warnings };
    });
    this.publicCache.invalidate();
    return result;
  }

  /** Ends a schedule from a day on: its sessions from then on are cancelled with the (public) reason. */
  async endSchedule(actor: Actor, id: string, dto: EndScheduleDto): Promise<ScheduleCommandResult> {
    const today = this.clock.today();
    if (dto.from < today)
      throw ReceptionErrors.invalid([{ field: 'from', message: 'must be today or later' }]);
    const result = await this.dataSource.transaction(async (manager) => {
      const schedule = await recordInScope(
        manager,
        ReceptionScheduleEntity,
        actor,
        id,
        ReceptionErrors.scheduleNotFound,
        true,
      );
      if (schedule.version !== dto.version)
        throw ReceptionErrors.versionConflict('schedule', schedule.version);
      if (!schedule.active) throw ReceptionErrors.scheduleEnded();
      const unit = await unitInScope(manager, actor, schedule.unitId, ReceptionErrors.unitNotFound);
      const affected: { session_date: string }[] = await manager.query(
        `SELECT session_date FROM reception_sessions
         WHERE schedule_id = ? AND session_date >= ? AND status <> 'cancelled' FOR UPDATE`,
        [id, dto.from],
      );
      await manager.query(
        `UPDATE reception_sessions
         SET status = 'cancelled', status_reason = ?, sequence = sequence + 1, version = version + 1
         WHERE schedule_id = ? AND session_date >= ? AND status <> 'cancelled'`,
        [dto.reason, id, dto.from],
      );
      const before = auditedSchedule({ ...schedule });
      await manager.update(
        ReceptionScheduleEntity,
        { id },
        { active: false, endedFrom: dto.from, endReason: dto.reason, version: schedule.version + 1 },
      );
      const ended = await manager.findOneByOrFail(ReceptionScheduleEntity, { id });
      const warnings = await this.headDuty.warnings(
        manager,
        unit,
        affected.map((r) => monthOf(r.session_date)),
      );
      await this.audit.record(manager, actor, {
        action: 'end',
        entityType: 'reception_schedule',
        entityId: id,
        unitId: schedule.unitId,
        changes: {
          ...diffChanges(before, auditedSchedule(ended)),
          sessionsCancelled: { before: null, after: affected.length },
        },
      });
      return {
        schedule: toScheduleView(ended),
        sessionCount: affected.length,
        postedLateCount: 0,
        skipped: [],
        warnings,
      };
    });
    this.publicCache.invalidate();
    return result;
  }
}
