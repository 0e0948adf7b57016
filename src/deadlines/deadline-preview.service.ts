import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/domain/actor.js';
import { CalendarAccess } from '../calendar/calendar-access.service.js';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import { computeDeadline } from './domain/deadline-engine.js';
import { DEADLINE_RULES, optionsOf } from './domain/deadline-rules.js';
import type { DeadlinePreviewDto, DeadlinePreviewView, DeadlineRuleView } from './dto/deadline.dto.js';

/** The rule table as the API shows it: every rule and version, with the options each version accepts. */
const RULE_VIEWS: readonly DeadlineRuleView[] = DEADLINE_RULES.map((rule) => ({
  id: rule.id,
  group: rule.group,
  ...(rule.sameAs ? { sameAs: rule.sameAs } : {}),
  step: rule.step,
  trigger: rule.trigger,
  versions: rule.versions.map((v) => ({ ...v, options: optionsOf(v) })),
}));

/**
 * The deadline calculator of the API: the engine on the unit's effective calendar. Bad input (unknown
 * rule, impossible date, an option the rule does not have, too many extensions, a suspension resuming
 * before it starts, a date outside the calendar) reaches the caller as the engine's DomainError codes.
 */
@Injectable()
export class DeadlinePreviewService {
  constructor(
    private readonly calendars: UnitCalendarService,
    private readonly access: CalendarAccess,
  ) {}

  rules(): readonly DeadlineRuleView[] {
    return RULE_VIEWS;
  }

  /** @throws `UNIT_NOT_FOUND` (404), `DEADLINE_*`, `DATE_INVALID`, `CALENDAR_OUT_OF_RANGE` */
  async preview(actor: Actor, dto: DeadlinePreviewDto): Promise<DeadlinePreviewView> {
    const calendar = dto.unitId
      ? await this.calendars.calendarFor((await this.access.unit(actor, dto.unitId)).scopeKey)
      : await this.calendars.nationalCalendar();
    const result = computeDeadline(
      dto.rule,
      dto.trigger,
      dto.options ?? null,
      calendar,
      this.calendars.policy(),
    );
    return { unitId: dto.unitId ?? null, calendarId: calendar.id, ...result.toJSON() };
  }
}
