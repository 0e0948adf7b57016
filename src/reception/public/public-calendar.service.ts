import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReplicaReads } from '../../database/replica-reads.js';
import { DomainError, type DomainErrorDetail } from '../../common/domain/domain-error.js';
import { addDays, type LocalDate } from '../../common/domain/local-date.js';
import { UNIT_CODE_PATTERN } from '../../units/domain/unit-kind.js';
import { UnitEntity } from '../../units/unit.entity.js';
import { isYearMonth, monthRange } from '../domain/month.js';
import { describeRecurrence } from '../domain/recurrence.js';
import type { ReceptionPlaceEntity } from '../entities/reception-place.entity.js';
import { ReceptionScheduleEntity, type Person } from '../entities/reception-schedule.entity.js';
import { ReceptionSessionEntity } from '../entities/reception-session.entity.js';
import { Clock } from '../../common/clock.js';
import { hhmm } from '../domain/session.js';
import {
  FEED_FUTURE_DAYS,
  FEED_PAST_DAYS,
  UNITS_PER_PAGE,
  UPCOMING_DAYS,
  type PublicCalendar,
  type PublicPlace,
  type PublicSession,
  type PublicUnit,
} from './public-calendar.model.js';

/** Query parameters of the public routes (Vietnamese words, as a citizen sees them in the address bar). */
export interface PublicQuery {
  'don-vi'?: unknown;
  thang?: unknown;
  trang?: unknown;
}

export interface PublicFilter {
  unitCode: string | null;
  month: string | null;
  /** The page of every unit's calendar (1 when absent; only without a unit). */
  page: number;
}

/** Parses the public filters; empty values mean "no filter" (the page's form sends them empty). */
export function parsePublicQuery(query: PublicQuery): {
  filter: PublicFilter;
  problems: DomainErrorDetail[];
} {
  const problems: DomainErrorDetail[] = [];
  const text = (value: unknown, field: string) => {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value.trim();
    problems.push({ field, message: 'must be given once' });
    return '';
  };
  const unit = text(query['don-vi'], 'don-vi').toUpperCase();
  const month = text(query.thang, 'thang');
  if (unit && !UNIT_CODE_PATTERN.test(unit))
    problems.push({ field: 'don-vi', message: 'is not a unit code' });
  if (month && !isYearMonth(month)) problems.push({ field: 'thang', message: 'must be a month YYYY-MM' });
  const pageText = text(query.trang, 'trang');
  let page = 1;
  if (pageText) {
    if (!/^[1-9]\d{0,3}$/.test(pageText)) problems.push({ field: 'trang', message: 'must be a page number' });
    else if (unit) problems.push({ field: 'trang', message: 'pages only the calendar of every unit' });
    else page = Number(pageText);
  }
  return { filter: { unitCode: unit || null, month: month || null, page }, problems };
}

export const PublicCalendarErrors = {
  invalid: (details: DomainErrorDetail[]) =>
    new DomainError('PUBLIC_CALENDAR_INVALID', 'The filter is not valid.', 'invalid', details),
  pageNotFound: (count: number) =>
    new DomainError('PUBLIC_CALENDAR_PAGE_NOT_FOUND', `There are ${count} pages.`, 'not_found', [
      { field: 'trang', message: `is past the last page (${count})` },
    ]),
  unitRequired: () =>
    new DomainError(
      'PUBLIC_CALENDAR_UNIT_REQUIRED',
      "The iCalendar feed is one unit's: choose a unit.",
      'invalid',
      [{ field: 'don-vi', message: "is required: a feed carries one unit's sessions" }],
    ),
  unitNotFound: () =>
    new DomainError(
      'PUBLIC_CALENDAR_UNIT_NOT_FOUND',
      'No unit with this code publishes a reception calendar.',
      'not_found',
      [{ field: 'don-vi', message: 'is not a unit with a published reception calendar' }],
    ),
};

const person = (p: Person): { name: string; title: string | null } => ({
  name: p.name,
  title: p.title ?? null,
});

function toPlace(p: ReceptionPlaceEntity | null | undefined): PublicPlace | null {
  return p ? { name: p.name, address: p.address, room: p.room, hours: p.hours } : null;
}

/** Reads the public calendar from the database (no login; nothing about citizens). */
@Injectable()
export class PublicCalendarService {
  constructor(
    // Everything here is public and may be a little stale: a replica's when one is configured (ADR 0013).
    private readonly reads: ReplicaReads,
    private readonly clock: Clock,
  ) {}

  today(): LocalDate {
    return this.clock.today();
  }

  /** The calendar for a unit (or all) and a month (or the upcoming window). */
  async calendar(filter: PublicFilter, today: LocalDate): Promise<PublicCalendar> {
    const range = filter.month
      ? (({ first, last }) => ({ from: first, to: last }))(monthRange(filter.month))
      : { from: today, to: addDays(today, UPCOMING_DAYS - 1) };
    return this.reads.run(async (m) => {
      const listed = await this.listedUnits(today, m);
      const unit = filter.unitCode ? await this.unitByCode(filter.unitCode, m) : null;
      let page: PublicCalendar['page'] = null;
      let unitIds: string[] = unit ? [unit.id] : [];
      if (!unit) {
        const count = Math.max(1, Math.ceil(listed.length / UNITS_PER_PAGE));
        if (filter.page > count) throw PublicCalendarErrors.pageNotFound(count);
        page = { number: filter.page, count, unitsPerPage: UNITS_PER_PAGE };
        unitIds = listed
          .slice((filter.page - 1) * UNITS_PER_PAGE, filter.page * UNITS_PER_PAGE)
          .map((u) => u.id);
      }
      const [regular, sessions] = await Promise.all([
        this.regular(m, unitIds, range.from, range.to),
        this.sessions(m, unitIds, range.from, range.to),
      ]);
      const units = listed.map((u) => ({ code: u.code, name: u.name }));
      return {
        page,
        unit: unit ? { code: unit.code, name: unit.name } : null,
        month: filter.month,
        ...range,
        today,
        units,
        regular,
        sessions,
      };
    });
  }

  /** The sessions of an iCalendar feed: the unit's (or all) from FEED_PAST_DAYS back to FEED_FUTURE_DAYS on. */
  async feed(
    unitCode: string | null,
    today: LocalDate,
  ): Promise<{ unit: PublicUnit | null; sessions: PublicSession[] }> {
    return this.reads.run(async (m) => {
      const unit = unitCode ? await this.unitByCode(unitCode, m) : null;
      const sessions = await this.sessions(
        m,
        unit ? [unit.id] : null,
        addDays(today, -FEED_PAST_DAYS),
        addDays(today, FEED_FUTURE_DAYS),
        false,
      );
      return { unit: unit ? { code: unit.code, name: unit.name } : null, sessions };
    });
  }

  private async unitByCode(code: string, m: EntityManager): Promise<UnitEntity> {
    const unit = await m.getRepository(UnitEntity).findOneBy({ code, active: true });
    if (!unit) throw PublicCalendarErrors.unitNotFound();
    return unit;
  }

  /** Active units with a schedule still valid or a session from a month ago on: the filter's choices. */
  async units(today: LocalDate): Promise<PublicUnit[]> {
    const listed = await this.reads.run((m) => this.listedUnits(today, m));
    return listed.map((u) => ({ code: u.code, name: u.name }));
  }

  private async listedUnits(today: LocalDate, m: EntityManager): Promise<Array<PublicUnit & { id: string }>> {
    const since = addDays(today, -31);
    const rows: Array<PublicUnit & { id: string }> = await m.query(
      `SELECT u.id, u.code, u.name FROM units u
       WHERE u.active = 1 AND (
         EXISTS (SELECT 1 FROM reception_schedules s WHERE s.unit_id = u.id AND s.active = 1 AND s.valid_until >= ?)
         OR EXISTS (SELECT 1 FROM reception_sessions x WHERE x.unit_id = u.id AND x.session_date >= ?))
       ORDER BY u.name, u.code`,
      [since, since],
    );
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name }));
  }

  /** `unitIds`: the units shown (a page of them, or one); null: every unit (the all-units feed). */
  private async regular(m: EntityManager, unitIds: string[] | null, from: LocalDate, to: LocalDate) {
    const qb = m
      .getRepository(ReceptionScheduleEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.unit', 'u')
      .leftJoinAndSelect('s.place', 'p')
      .where("s.kind = 'regular' AND s.active = 1 AND u.active = 1")
      .andWhere('s.valid_from <= :to AND s.valid_until >= :from', { from, to });
    if (unitIds) qb.andWhere(unitIds.length ? 's.unit_id IN (:...unitIds)' : '1 = 0', { unitIds });
    const rows = await qb
      .orderBy('u.name', 'ASC')
      .addOrderBy('s.valid_from', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
    return rows.map((s) => ({
      unit: { code: s.unit!.code, name: s.unit!.name },
      place: toPlace(s.place),
      days: describeRecurrence(s.recurrence),
      slots: s.slots.map((t) => ({ startTime: t.startTime, endTime: t.endTime })),
      receiver: s.receiverName ? { name: s.receiverName, title: s.receiverTitle } : null,
      officers: (s.officers ?? []).map(person),
      topics: s.topics,
      validFrom: s.validFrom,
      validUntil: s.validUntil,
    }));
  }

  /**
   * Sessions taking place in [from, to]; with `movedAway`, also postponed sessions first published for a
   * day in it (the page shows "postponed to …" on the old day).
   */
  private async sessions(
    m: EntityManager,
    unitIds: string[] | null,
    from: LocalDate,
    to: LocalDate,
    movedAway = true,
  ): Promise<PublicSession[]> {
    const qb = m
      .getRepository(ReceptionSessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.unit', 'u')
      .leftJoinAndSelect('s.place', 'p')
      .where('u.active = 1');
    if (movedAway) {
      qb.andWhere('(s.session_date BETWEEN :from AND :to OR s.original_date BETWEEN :from AND :to)', {
        from,
        to,
      });
    } else {
      qb.andWhere('s.session_date BETWEEN :from AND :to', { from, to });
    }
    if (unitIds) qb.andWhere(unitIds.length ? 's.unit_id IN (:...unitIds)' : '1 = 0', { unitIds });
    const rows = await qb
      .orderBy('s.session_date', 'ASC')
      .addOrderBy('s.start_time', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
    return rows.map((s) => ({
      id: s.id,
      unit: { code: s.unit!.code, name: s.unit!.name },
      kind: s.kind,
      mode: s.mode,
      date: s.sessionDate,
      startTime: hhmm(s.startTime),
      endTime: hhmm(s.endTime),
      place: toPlace(s.place),
      receiver: { name: s.receiverName, title: s.receiverTitle },
      officers: (s.officers ?? []).map(person),
      topics: s.topics,
      note: s.publicNote,
      status: s.status,
      statusReason: s.statusReason,
      originalDate: s.originalDate,
      originalStartTime: s.originalStartTime ? hhmm(s.originalStartTime) : null,
      movedFrom: s.nominalDate && s.movedReason ? { date: s.nominalDate, reason: s.movedReason } : null,
      sequence: s.sequence,
      updatedAt: s.updatedAt.toISOString(),
    }));
  }
}
