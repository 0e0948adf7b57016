import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import type { LocalDate } from '../common/domain/local-date.js';
import { UnitEntity } from '../units/unit.entity.js';
import { unitInScope, whereInScope } from '../units/unit-scope.js';
import type { UnitKind } from '../units/domain/unit-kind.js';
import {
  dutyWindow,
  headDutyCompliance,
  HEAD_DUTY_RULES,
  type HeadDutyCompliance,
} from './domain/head-duty.js';
import type { YearMonth } from './domain/month.js';
import type { ComplianceQueryDto } from './dto/head-duty.dto.js';
import { ReceptionErrors } from './reception.errors.js';
import { LIST_LIMIT } from '../common/http/page.dto.js';

export interface HeadDutyWarning {
  code: 'RECEPTION_HEAD_DUTY_NOT_MET';
  message: string;
  month: YearMonth;
  ruleId: string;
  legalBasis: string;
  required: number;
  held: number;
}

export interface UnitCompliance extends HeadDutyCompliance {
  unit: { id: string; code: string; name: string; kind: UnitKind };
}

const DUTY_KINDS = [...new Set(HEAD_DUTY_RULES.map((r) => r.unitKind))];

/**
 * The head's reception duty (domain/head-duty.ts) applied to the sessions in the database: the compliance
 * view per unit and month, and the warnings a schedule change returns when a month falls short.
 */
@Injectable()
export class HeadDutyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: UnitCalendarService,
  ) {}

  /** Compliance of one unit, or of every unit in scope whose head has a duty, for a month. */
  async compliance(actor: Actor, query: ComplianceQueryDto): Promise<UnitCompliance[]> {
    const manager = this.dataSource.manager;
    let units: UnitEntity[];
    if (query.unitId) {
      units = [await unitInScope(manager, actor, query.unitId, ReceptionErrors.unitNotFound)];
    } else {
      const qb = manager
        .getRepository(UnitEntity)
        .createQueryBuilder('u')
        .where('u.kind IN (:...kinds)', { kinds: DUTY_KINDS })
        .andWhere('u.active = 1');
      whereInScope(qb, 'u.id', actor);
      units = await qb.orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').limit(LIST_LIMIT).getMany();
    }
    const out: UnitCompliance[] = [];
    const dates = await this.receptionDates(
      manager,
      units.map((u) => u.id),
      units.map((u) => dutyWindow(u.kind, query.month)),
    );
    for (const unit of units) {
      const result = headDutyCompliance({
        unitKind: unit.kind,
        month: query.month,
        receptionDates: dates.get(unit.id) ?? [],
        calendar: await this.calendars.calendarFor(unit.id),
      });
      out.push({ unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind }, ...result });
    }
    return out;
  }

  /**
   * Warnings for the months of a unit whose schedule (as this transaction sees it) does not meet the
   * head's duty. Read inside the command's transaction, before its audit entry.
   */
  async warnings(
    manager: EntityManager,
    unit: UnitEntity,
    months: readonly YearMonth[],
  ): Promise<HeadDutyWarning[]> {
    const unique = [...new Set(months)].sort();
    if (unique.length === 0 || !DUTY_KINDS.includes(unit.kind)) return [];
    const windows = unique.map((m) => dutyWindow(unit.kind, m));
    const dates =
      (
        await this.receptionDates(
          manager,
          [unit.id],
          [{ from: windows[0].from, to: windows[windows.length - 1].to }],
        )
      ).get(unit.id) ?? [];
    const calendar = await this.calendars.calendarFor(unit.id, manager);
    const out: HeadDutyWarning[] = [];
    for (const month of unique) {
      const result = headDutyCompliance({ unitKind: unit.kind, month, receptionDates: dates, calendar });
      if (result.compliant !== false || !result.rule) continue;
      const rule = result.rule;
      const unmet = result.periods.filter((p) => !p.met);
      const required = result.periods.reduce((n, p) => n + p.required, 0);
      const held = result.periods.reduce((n, p) => n + Math.min(p.held, p.required), 0);
      out.push({
        code: 'RECEPTION_HEAD_DUTY_NOT_MET',
        message:
          rule.per === 'month'
            ? `In ${month} the head receives citizens on ${held} day(s); ${rule.legalBasis} requires at least ${rule.minDays} a month.`
            : `In ${month} ${unmet.length} week(s) have no reception day of the head (from ${unmet.map((p) => p.from).join(', ')}); ${rule.legalBasis} requires at least one day a week.`,
        month,
        ruleId: rule.id,
        legalBasis: rule.legalBasis,
        required,
        held,
      });
    }
    return out;
  }

  /** Days of the heads' periodic sessions that take place, per unit, within each unit's window. */
  private async receptionDates(
    manager: EntityManager,
    unitIds: readonly string[],
    windows: readonly { from: LocalDate; to: LocalDate }[],
  ): Promise<Map<string, LocalDate[]>> {
    const out = new Map<string, LocalDate[]>();
    if (unitIds.length === 0) return out;
    const from = windows.reduce((min, w) => (w.from < min ? w.from : min), windows[0].from);
    const to = windows.reduce((max, w) => (w.to > max ? w.to : max), windows[0].to);
    const rows: { unit_id: string; session_date: string }[] = await manager.query(
      `SELECT DISTINCT unit_id, session_date FROM reception_sessions
       WHERE unit_id IN (${unitIds.map(() => '?').join(', ')})
         AND kind = 'periodic' AND status <> 'cancelled' AND session_date BETWEEN ? AND ?`,
      [...unitIds, from, to],
    );
    for (const row of rows) {
      const list = out.get(row.unit_id) ?? [];
      list.push(row.session_date);
      out.set(row.unit_id, list);
    }
    return out;
  }
}
