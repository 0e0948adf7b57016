import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { toEpochDay, weekday, type LocalDate } from '../common/domain/local-date.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { scopeSql } from '../units/unit-scope.js';
import { CalendarAccess, NATIONAL, type ResolvedScope } from './calendar-access.service.js';
import { CalendarChangesService } from './calendar-changes.service.js';
import {
  calendarCsv,
  calendarIcs,
  CONTENT_TYPES,
  parseCalendarFile,
  type CalendarFileFormat,
  type ParsedCalendarFile,
} from './calendar-files.js';
import { CalendarStore, type ScopeEntryRow, type ScopeYearRow } from './calendar-store.js';
import { CalendarErrors, entryNameProblem } from './calendar.errors.js';
import {
  composeLayout,
  describesLayout,
  NATIONAL_SCOPE,
  overridesForLayout,
  type ComposedCalendar,
} from './domain/calendar-layers.js';
import { NATIONAL_CALENDAR_FIRST_YEAR, NATIONAL_CALENDAR_LAST_YEAR } from './domain/national-calendar.js';
import { calendarReadiness, READINESS_WINDOW_DAYS, type CalendarReadiness } from './domain/readiness.js';
import type { CalendarEntry, CalendarEntryKind } from './domain/working-calendar.js';
import type {
  CalendarDetailView,
  CalendarEntryResultView,
  CalendarEntryView,
  CalendarImportResultView,
  CalendarListView,
  CalendarReadinessReportView,
  CalendarReadinessView,
  CalendarSummaryView,
  CalendarYearResultView,
  CalendarYearStatementView,
  CalendarYearView,
  ScopedReadinessWarningView,
} from './dto/calendar.dto.js';
import { UnitCalendarService } from './unit-calendar.service.js';

/** A change to a calendar, as a preview describes it (the same checks as the commands). */
export type CalendarChangeRequest =
  | { action: 'set_entry'; date: string; kind: CalendarEntryKind; name: string }
  | { action: 'remove_entry'; date: string }
  | { action: 'set_year'; year: number | string; confirmed: boolean }
  | { action: 'import'; year: number | string; format: CalendarFileFormat; content: string };

type PreparedChange =
  | { action: 'set_entry'; date: LocalDate; kind: CalendarEntryKind; name: string }
  | { action: 'remove_entry'; date: LocalDate }
  | { action: 'set_year'; year: number; confirmed: boolean }
  | { action: 'import'; year: number; format: CalendarFileFormat; parsed: ParsedCalendarFile };

export interface CalendarFile {
  filename: string;
  contentType: string;
  body: string;
}

function entryView(row: ScopeEntryRow): CalendarEntryView {
  return {
    id: row.id,
    date: row.date,
    weekday: weekday(row.date),
    kind: row.kind,
    name: row.name,
    changedByUserId: row.changedByUserId,
    changedAt: row.changedAt.toISOString(),
  };
}

function yearView(row: ScopeYearRow): CalendarYearStatementView {
  return {
    year: row.year,
    confirmed: row.confirmed,
    decidedByUserId: row.decidedByUserId,
    decidedAt: row.decidedAt.toISOString(),
  };
}

function readinessView(r: CalendarReadiness): CalendarReadinessView {
  return {
    currentYear: r.currentYear,
    currentYearConfirmed: r.currentYearConfirmed,
    nextYear: r.nextYear,
    nextYearConfirmed: r.nextYearConfirmed,
    daysUntilNextYear: r.daysUntilNextYear,
    warnings: r.warnings,
  };
}

function checkYear(year: string | number): number {
  const y = Number(year);
  if (!Number.isInteger(y) || y < NATIONAL_CALENDAR_FIRST_YEAR || y > NATIONAL_CALENDAR_LAST_YEAR) {
    throw CalendarErrors.yearOutOfRange(year);
  }
  return y;
}

/** `DATE_INVALID` (400) for an impossible date, `CALENDAR_OUT_OF_RANGE` (422) outside 2020–2060. */
function checkDate(date: string): LocalDate {
  toEpochDay(date, 'date');
  const y = Number(date.slice(0, 4));
  if (y < NATIONAL_CALENDAR_FIRST_YEAR || y > NATIONAL_CALENDAR_LAST_YEAR)
    throw CalendarErrors.dateOutOfRange(date);
  return date;
}

const auditEntry = (scopeKey: string, e: { date: string; kind: string; name: string } | null) =>
  e === null ? null : { scope: scopeKey, date: e.date, kind: e.kind, name: e.name };

/**
 * Calendar administration (docs/deadlines.md, "Calendars per unit"): entries and year statements per
 * scope, import and export, listings with the readiness warning. Each command is one transaction that
 * locks the scope's row, writes the change, bumps the scope's revision, writes the outbox row and, last,
 * the audit entry; the change's job is enqueued after the commit.
 */
@Injectable()
export class CalendarAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CalendarAccess,
    private readonly store: CalendarStore,
    private readonly calendars: UnitCalendarService,
    private readonly changes: CalendarChangesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // ── queries ──────────────────────────────────────────────────────────────────────────────────

  /** The national calendar and every unit calendar in the actor's scope that has data of its own. */
  async list(actor: Actor): Promise<CalendarListView> {
    const today = this.clock.today();
    const calendars: CalendarSummaryView[] = [];
    for (const scope of [NATIONAL, ...(await this.unitScopesWithData(actor))]) {
      calendars.push(await this.summary(scope, today));
    }
    return {
      today,
      windowDays: READINESS_WINDOW_DAYS,
      calendars,
      warnings: calendars.flatMap((c) =>
        c.readiness.warnings.map((w) => ({ ...w, scope: c.scope, unitName: c.unitName })),
      ),
    };
  }

  /**
   * The readiness report: for the national calendar, every unit calendar in scope with data of its own
   * and the actor's own unit, whether this year and next are confirmed, and the warnings.
   */
  async readiness(actor: Actor): Promise<CalendarReadinessReportView> {
    const today = this.clock.today();
    const scopes = [NATIONAL, ...(await this.unitScopesWithData(actor))];
    if (actor.unitId && !scopes.some((s) => s.unitId === actor.unitId)) {
      scopes.push(await this.access.unit(actor, actor.unitId));
    }
    const calendars = [];
    const warnings: ScopedReadinessWarningView[] = [];
    let base: CalendarReadiness | undefined;
    for (const scope of scopes) {
      const composed = await this.calendars.composedFor(scope.scopeKey);
      const r = calendarReadiness(today, composed.calendar.confirmedYears);
      base ??= r;
      calendars.push({
        scope: scope.scopeKey,
        unitName: scope.unitName,
        calendarVersion: composed.calendar.version,
        currentYearConfirmed: r.currentYearConfirmed,
        nextYearConfirmed: r.nextYearConfirmed,
        warnings: r.warnings,
      });
      for (const w of r.warnings) warnings.push({ ...w, scope: scope.scopeKey, unitName: scope.unitName });
    }
    return {
      ready: warnings.length === 0,
      today,
      windowDays: READINESS_WINDOW_DAYS,
      nextYear: base!.nextYear,
      daysUntilNextYear: base!.daysUntilNextYear,
      calendars,
      warnings,
    };
  }

  async get(actor: Actor, scopeParam: string): Promise<CalendarDetailView> {
    const scope = await this.access.resolve(actor, scopeParam, 'read');
    const summary = await this.summary(scope, this.clock.today());
    const chain = (await this.store.chainOf(this.dataSource.manager, scope.scopeKey)) ?? [];
    const changed = chain.filter((l) => l.lastChangeId !== null).map((l) => l.scopeKey);
    const marks = changed.map(() => '?').join(', ');
    const withData: { scope_key: string }[] = changed.length
      ? await this.dataSource.query(
          `SELECT scope_key FROM calendar_entries WHERE scope_key IN (${marks})
           UNION SELECT scope_key FROM calendar_years WHERE scope_key IN (${marks})`,
          [...changed, ...changed],
        )
      : [];
    const keys = new Set(withData.map((r) => r.scope_key));
    return {
      ...summary,
      layers: changed.filter((key) => keys.has(key)),
      entries: (await this.store.entriesOf(this.dataSource.manager, scope.scopeKey)).map(entryView),
    };
  }

  async year(actor: Actor, scopeParam: string, yearParam: string | number): Promise<CalendarYearView> {
    const scope = await this.access.resolve(actor, scopeParam, 'read');
    const year = checkYear(yearParam);
    const composed = await this.calendars.composedFor(scope.scopeKey);
    const calendar = composed.calendar;
    const prefix = `${year}-`;
    const days = [...composed.entries.values()]
      .filter((e) => e.date.startsWith(prefix))
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .map((e) => {
        const info = calendar.dayInfo(e.date);
        return {
          date: e.date,
          weekday: info.weekday,
          kind: e.kind,
          name: e.name,
          status: info.status,
          working: info.working,
          source: e.source,
        };
      });
    const index = calendar.index();
    const first = calendar.offsetOf(toEpochDay(`${year}-01-01`));
    const last = calendar.offsetOf(toEpochDay(`${year}-12-31`));
    const confirmation = composed.confirmation.get(year)!;
    const own = (await this.store.yearsOf(this.dataSource.manager, scope.scopeKey)).find(
      (y) => y.year === year,
    );
    return {
      scope: scope.scopeKey,
      unitId: scope.unitId,
      unitName: scope.unitName,
      year,
      calendarVersion: calendar.version,
      confirmed: confirmation.confirmed,
      confirmationSource: confirmation.source,
      workingDays: index.countBetween(first, last),
      days,
      ownEntries: (await this.store.entriesOf(this.dataSource.manager, scope.scopeKey, year)).map(entryView),
      ownStatement: own ? yearView(own) : null,
    };
  }

  /** The effective layout of a year as a file (what an import of it would reproduce). */
  async export(
    actor: Actor,
    scopeParam: string,
    yearParam: string | number,
    format: CalendarFileFormat = 'csv',
  ): Promise<CalendarFile> {
    const scope = await this.access.resolve(actor, scopeParam, 'read');
    const year = checkYear(yearParam);
    const composed = await this.calendars.composedFor(scope.scopeKey);
    const entries = composed.calendar.entriesOf(year).filter((e) => describesLayout(e));
    const label = scope.unitCode ?? 'national';
    const body =
      format === 'csv'
        ? calendarCsv(entries)
        : calendarIcs(entries, {
            scopeKey: scope.scopeKey,
            title: `Lịch làm việc ${year} — ${scope.unitName ?? 'Quốc gia (khu vực công)'}`,
            stamp: this.clock.now(),
          });
    return {
      filename: `calendar-${label.toLowerCase()}-${year}.${format}`,
      contentType: CONTENT_TYPES[format],
      body,
    };
  }

  // ── commands ─────────────────────────────────────────────────────────────────────────────────

  /** Sets the entry of a date (creates or replaces it). */
  async setEntry(
    actor: Actor,
    scopeParam: string,
    dateParam: string,
    input: { kind: CalendarEntryKind; name: string },
  ): Promise<CalendarEntryResultView> {
    const date = checkDate(dateParam);
    const nameProblem = entryNameProblem(input.name);
    if (nameProblem) throw CalendarErrors.nameInvalid(nameProblem);
    const name = input.name.trim();
    const outcome = await this.dataSource.transaction((manager) =>
      this.applySetEntry(manager, actor, scopeParam, date, { kind: input.kind, name }, true),
    );
    if (outcome.changeId) await this.changes.publish(outcome.changeId);
    return {
      scope: outcome.scope.scopeKey,
      entry: entryView(outcome.row),
      changed: outcome.changeId !== null,
      changeId: outcome.changeId,
      calendarVersion: (await this.calendars.composedFor(outcome.scope.scopeKey)).calendar.version,
    };
  }

  private async applySetEntry(
    manager: EntityManager,
    actor: Actor,
    scopeParam: string,
    date: LocalDate,
    input: { kind: CalendarEntryKind; name: string },
    audited: boolean,
  ) {
    const name = input.name;
    const scope = await this.access.resolve(actor, scopeParam, 'write', manager);
    const revision = await this.lockScope(manager, scope);
    const now = this.clock.now();
    const existing = (await this.store.entriesOf(manager, scope.scopeKey, Number(date.slice(0, 4)))).find(
      (e) => e.date === date,
    );
    if (existing && existing.kind === input.kind && existing.name === name) {
      return { scope, row: existing, changeId: null as string | null };
    }
    const row: ScopeEntryRow = {
      id: existing?.id ?? uuid7(),
      date,
      kind: input.kind,
      name,
      changedByUserId: actor.userId,
      changedAt: now,
    };
    if (existing) {
      await manager.query(
        'UPDATE calendar_entries SET kind = ?, name = ?, changed_by_user_id = ?, changed_at = ? WHERE id = ?',
        [row.kind, row.name, row.changedByUserId, now, row.id],
      );
    } else {
      await manager.query(
        `INSERT INTO calendar_entries (id, scope_key, \`date\`, kind, name, changed_by_user_id, changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [row.id, scope.scopeKey, date, row.kind, row.name, row.changedByUserId, now],
      );
    }
    const changeId = await this.recordChange(manager, scope, revision, 'entry.set', date);
    if (audited) {
      await this.audit.record(manager, actor, {
        action: existing ? 'update' : 'create',
        entityType: 'calendar_entry',
        entityId: row.id,
        unitId: scope.unitId,
        changes: diffChanges(auditEntry(scope.scopeKey, existing ?? null), auditEntry(scope.scopeKey, row)),
      });
    }
    return { scope, row, changeId };
  }

  /** Removes the entry a scope sets on a date (the inherited day applies again). */
  async removeEntry(actor: Actor, scopeParam: string, dateParam: string): Promise<void> {
    const date = checkDate(dateParam);
    const { changeId } = await this.dataSource.transaction((manager) =>
      this.applyRemoveEntry(manager, actor, scopeParam, date, true),
    );
    await this.changes.publish(changeId);
  }

  private async applyRemoveEntry(
    manager: EntityManager,
    actor: Actor,
    scopeParam: string,
    date: LocalDate,
    audited: boolean,
  ) {
    const scope = await this.access.resolve(actor, scopeParam, 'write', manager);
    const revision = await this.lockScope(manager, scope);
    const existing = (await this.store.entriesOf(manager, scope.scopeKey, Number(date.slice(0, 4)))).find(
      (e) => e.date === date,
    );
    if (!existing) throw CalendarErrors.entryNotFound(date);
    await manager.query('DELETE FROM calendar_entries WHERE id = ?', [existing.id]);
    const changeId = await this.recordChange(manager, scope, revision, 'entry.remove', date);
    if (audited) {
      await this.audit.record(manager, actor, {
        action: 'delete',
        entityType: 'calendar_entry',
        entityId: existing.id,
        unitId: scope.unitId,
        changes: diffChanges(auditEntry(scope.scopeKey, existing), null),
      });
    }
    return { scope, changeId };
  }

  /** States that a year is confirmed (or held provisional) in this scope. */
  async setYear(
    actor: Actor,
    scopeParam: string,
    yearParam: string | number,
    input: { confirmed: boolean },
  ): Promise<CalendarYearResultView> {
    const year = checkYear(yearParam);
    const outcome = await this.dataSource.transaction((manager) =>
      this.applySetYear(manager, actor, scopeParam, year, input, true),
    );
    if (outcome.changeId) await this.changes.publish(outcome.changeId);
    return {
      scope: outcome.scope.scopeKey,
      statement: yearView(outcome.row),
      changed: outcome.changeId !== null,
      changeId: outcome.changeId,
      calendarVersion: (await this.calendars.composedFor(outcome.scope.scopeKey)).calendar.version,
    };
  }

  private async applySetYear(
    manager: EntityManager,
    actor: Actor,
    scopeParam: string,
    year: number,
    input: { confirmed: boolean },
    audited: boolean,
  ) {
    const scope = await this.access.resolve(actor, scopeParam, 'write', manager);
    const revision = await this.lockScope(manager, scope);
    const existing = (await this.store.yearsOf(manager, scope.scopeKey)).find((y) => y.year === year);
    if (existing && existing.confirmed === input.confirmed)
      return { scope, row: existing, changeId: null as string | null };
    const row: ScopeYearRow = {
      year,
      confirmed: input.confirmed,
      decidedByUserId: actor.userId,
      decidedAt: this.clock.now(),
    };
    await manager.query(
      `INSERT INTO calendar_years (scope_key, year, confirmed, decided_by_user_id, decided_at) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE confirmed = VALUES(confirmed), decided_by_user_id = VALUES(decided_by_user_id),
         decided_at = VALUES(decided_at)`,
      [scope.scopeKey, year, row.confirmed, row.decidedByUserId, row.decidedAt],
    );
    const changeId = await this.recordChange(manager, scope, revision, 'year.set', `${year}-01-01`);
    if (audited) {
      await this.audit.record(manager, actor, {
        action: input.confirmed ? 'calendar.confirm_year' : 'calendar.hold_year_provisional',
        entityType: 'calendar_year',
        entityId: `${scope.scopeKey}.${year}`,
        unitId: scope.unitId,
        changes: diffChanges(
          existing ? { scope: scope.scopeKey, year, confirmed: existing.confirmed } : null,
          { scope: scope.scopeKey, year, confirmed: row.confirmed },
        ),
      });
    }
    return { scope, row, changeId };
  }

  /** Withdraws a scope's statement about a year (the scopes above, or the built-in data, decide again). */
  async removeYear(actor: Actor, scopeParam: string, yearParam: string | number): Promise<void> {
    const year = checkYear(yearParam);
    const changeId = await this.dataSource.transaction(async (manager) => {
      const scope = await this.access.resolve(actor, scopeParam, 'write', manager);
      const revision = await this.lockScope(manager, scope);
      const existing = (await this.store.yearsOf(manager, scope.scopeKey)).find((y) => y.year === year);
      if (!existing) throw CalendarErrors.yearNotSet(year);
      await manager.query('DELETE FROM calendar_years WHERE scope_key = ? AND year = ?', [
        scope.scopeKey,
        year,
      ]);
      const id = await this.recordChange(manager, scope, revision, 'year.remove', `${year}-01-01`);
      await this.audit.record(manager, actor, {
        action: 'calendar.withdraw_year',
        entityType: 'calendar_year',
        entityId: `${scope.scopeKey}.${year}`,
        unitId: scope.unitId,
        changes: diffChanges({ scope: scope.scopeKey, year, confirmed: existing.confirmed }, null),
      });
      return id;
    });
    await this.changes.publish(changeId);
  }

  /**
   * Makes the scope's layout of a year exactly the file's (CSV or iCalendar): every row is checked
   * first (all problems reported, nothing written when there is one); then, in one transaction, the
   * scope's own entries of the year become the overrides that turn the inherited layout into the
   * file's (domain/calendar-layers.ts `overridesForLayout`), and one audit entry records the counts.
   */
  async import(
    actor: Actor,
    scopeParam: string,
    yearParam: string | number,
    input: { format: CalendarFileFormat; content: string },
  ): Promise<CalendarImportResultView> {
    const year = checkYear(yearParam);
    // Scope first: an out-of-scope unit answers 404 before its file is looked at.
    await this.access.resolve(actor, scopeParam, 'write');
    const parsed = parseCalendarFile(input.format, input.content, year);
    if (parsed.problems.length > 0) throw CalendarErrors.importInvalid(parsed.problems);

    const outcome = await this.dataSource.transaction((manager) =>
      this.applyImport(manager, actor, scopeParam, year, input.format, parsed, true),
    );
    if (outcome.changeId) await this.changes.publish(outcome.changeId);
    return {
      scope: outcome.scope.scopeKey,
      year,
      format: input.format,
      rows: parsed.rows,
      days: parsed.entries.length,
      entries: outcome.counts,
      changed: outcome.changeId !== null,
      changeId: outcome.changeId,
      calendarVersion: (await this.calendars.composedFor(outcome.scope.scopeKey)).calendar.version,
    };
  }

  private async applyImport(
    manager: EntityManager,
    actor: Actor,
    scopeParam: string,
    year: number,
    format: CalendarFileFormat,
    parsed: ParsedCalendarFile,
    audited: boolean,
  ) {
    const scope = await this.access.resolve(actor, scopeParam, 'write', manager);
    const revision = await this.lockScope(manager, scope);
    const inherited = await this.inheritedLayout(manager, scope);
    const wanted = overridesForLayout(year, inherited, parsed.entries);
    const current = await this.store.entriesOf(manager, scope.scopeKey, year);
    const currentByDate = new Map(current.map((e) => [e.date, e]));
    const wantedDates = new Set(wanted.map((e) => e.date));
    const now = this.clock.now();
    const counts = { added: 0, updated: 0, removed: 0, unchanged: 0 };
    const touched: LocalDate[] = [];
    for (const w of wanted) {
      const c = currentByDate.get(w.date);
      if (c && c.kind === w.kind && c.name === w.name) {
        counts.unchanged++;
        continue;
      }
      touched.push(w.date);
      if (c) {
        counts.updated++;
        await manager.query(
          'UPDATE calendar_entries SET kind = ?, name = ?, changed_by_user_id = ?, changed_at = ? WHERE id = ?',
          [w.kind, w.name, actor.userId, now, c.id],
        );
      } else {
        counts.added++;
        await manager.query(
          `INSERT INTO calendar_entries (id, scope_key, \`date\`, kind, name, changed_by_user_id, changed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [uuid7(), scope.scopeKey, w.date, w.kind, w.name, actor.userId, now],
        );
      }
    }
    const removed = current.filter((c) => !wantedDates.has(c.date));
    if (removed.length > 0) {
      counts.removed = removed.length;
      touched.push(...removed.map((r) => r.date));
      await manager.query(
        `DELETE FROM calendar_entries WHERE id IN (${removed.map(() => '?').join(', ')})`,
        removed.map((r) => r.id),
      );
    }
    const changed = touched.length > 0;
    if (changed) touched.sort();
    const changeId = changed ? await this.recordChange(manager, scope, revision, 'import', touched[0]) : null;
    if (audited) {
      await this.audit.record(manager, actor, {
        action: 'calendar.import',
        entityType: 'calendar',
        entityId: `${scope.scopeKey}.${year}`,
        unitId: scope.unitId,
        changes: {
          import: {
            before: null,
            after: { year, format, rows: parsed.rows, days: parsed.entries.length, ...counts },
          },
          ownEntries: { before: current.length, after: wanted.length },
        },
      });
    }
    return { scope, counts, changeId };
  }

  /**
   * A dry run of a change (docs/console-calendar.md): the change is written, this process's
   * calendar-change subscribers (the case deadlines) act on it as the worker will, `measure` reads
   * what they did — all in one transaction that is then rolled back. Nothing is audited, published or
   * kept; the answer is what the same change would do now. Errors are the change's own (404, 400…).
   */
  async preview<T>(
    actor: Actor,
    scopeParam: string,
    change: CalendarChangeRequest,
    measure: (manager: EntityManager, changeId: string) => Promise<T>,
  ): Promise<{ scope: string; changed: boolean; firstAffectedDate: LocalDate | null; measured: T | null }> {
    const prepared = this.prepare(change);
    // Scope first: an out-of-scope unit answers 404 before anything else is looked at.
    const scope = await this.access.resolve(actor, scopeParam, 'write');
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        const manager = runner.manager;
        const { changeId } = await this.applyPrepared(manager, actor, scopeParam, prepared, false);
        if (changeId === null)
          return { scope: scope.scopeKey, changed: false, firstAffectedDate: null, measured: null };
        const [row]: { first_affected_date: string }[] = await manager.query(
          'SELECT first_affected_date FROM calendar_changes WHERE id = ?',
          [changeId],
        );
        await this.changes.rehearse(manager, changeId);
        return {
          scope: scope.scopeKey,
          changed: true,
          firstAffectedDate: row.first_affected_date,
          measured: await measure(manager, changeId),
        };
      } finally {
        await runner.rollbackTransaction();
      }
    } finally {
      await runner.release();
    }
  }

  /** Checks a change request's own fields (before any transaction), as the command would. */
  private prepare(change: CalendarChangeRequest): PreparedChange {
    switch (change.action) {
      case 'set_entry': {
        const date = checkDate(change.date);
        const problem = entryNameProblem(change.name);
        if (problem) throw CalendarErrors.nameInvalid(problem);
        return { action: 'set_entry', date, kind: change.kind, name: change.name.trim() };
      }
      case 'remove_entry':
        return { action: 'remove_entry', date: checkDate(change.date) };
      case 'set_year':
        return { action: 'set_year', year: checkYear(change.year), confirmed: change.confirmed };
      case 'import': {
        const year = checkYear(change.year);
        const parsed = parseCalendarFile(change.format, change.content, year);
        if (parsed.problems.length > 0) throw CalendarErrors.importInvalid(parsed.problems);
        return { action: 'import', year, format: change.format, parsed };
      }
    }
  }

  private async applyPrepared(
    manager: EntityManager,
    actor: Actor,
    scopeParam: string,
    change: PreparedChange,
    audited: boolean,
  ): Promise<{ changeId: string | null }> {
    switch (change.action) {
      case 'set_entry':
        return this.applySetEntry(manager, actor, scopeParam, change.date, change, audited);
      case 'remove_entry':
        return this.applyRemoveEntry(manager, actor, scopeParam, change.date, audited);
      case 'set_year':
        return this.applySetYear(manager, actor, scopeParam, change.year, change, audited);
      case 'import':
        return this.applyImport(
          manager,
          actor,
          scopeParam,
          change.year,
          change.format,
          change.parsed,
          audited,
        );
    }
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  private async summary(scope: ResolvedScope, today: LocalDate): Promise<CalendarSummaryView> {
    const manager = this.dataSource.manager;
    const composed: ComposedCalendar = await this.calendars.composedFor(scope.scopeKey);
    const calendar = composed.calendar;
    const [stats]: { revision: number | string | null; entries: number | string }[] = await manager.query(
      `SELECT (SELECT revision FROM calendar_scopes WHERE scope_key = ?) AS revision,
              (SELECT COUNT(*) FROM calendar_entries WHERE scope_key = ?) AS entries`,
      [scope.scopeKey, scope.scopeKey],
    );
    return {
      scope: scope.scopeKey,
      unitId: scope.unitId,
      unitCode: scope.unitCode,
      unitName: scope.unitName,
      calendarId: calendar.id,
      calendarVersion: calendar.version,
      firstDate: calendar.firstDate,
      lastDate: calendar.lastDate,
      revision: Number(stats?.revision ?? 0),
      ownEntries: Number(stats?.entries ?? 0),
      ownYears: (await this.store.yearsOf(manager, scope.scopeKey)).map(yearView),
      confirmedYears: [...calendar.confirmedYears],
      readiness: readinessView(calendarReadiness(today, calendar.confirmedYears)),
    };
  }

  /** Units in the actor's scope whose calendar has entries or year statements of its own. */
  private async unitScopesWithData(actor: Actor): Promise<ResolvedScope[]> {
    const scope = scopeSql('s.unit_id', actor);
    const rows: { id: string; code: string; name: string }[] = await this.dataSource.query(
      `SELECT u.id, u.code, u.name FROM calendar_scopes s JOIN units u ON u.id = s.unit_id
       WHERE ${scope.sql}
         AND (EXISTS (SELECT 1 FROM calendar_entries e WHERE e.scope_key = s.scope_key)
              OR EXISTS (SELECT 1 FROM calendar_years y WHERE y.scope_key = s.scope_key))
       ORDER BY u.name, u.id`,
      scope.params,
    );
    return rows.map((r) => ({ scopeKey: r.id, unitId: r.id, unitCode: r.code, unitName: r.name }));
  }

  /**
   * Takes the scope's row lock (creating the row at revision 0 the first time), which serialises the
   * changes of one scope. Returns the current revision.
   */
  private async lockScope(manager: EntityManager, scope: ResolvedScope): Promise<number> {
    await manager.query(
      `INSERT INTO calendar_scopes (scope_key, unit_id, revision, updated_at) VALUES (?, ?, 0, ?)
       ON DUPLICATE KEY UPDATE scope_key = scope_key`,
      [scope.scopeKey, scope.unitId, this.clock.now()],
    );
    const rows: { revision: number | string }[] = await manager.query(
      'SELECT revision FROM calendar_scopes WHERE scope_key = ? FOR UPDATE',
      [scope.scopeKey],
    );
    return Number(rows[0].revision);
  }

  /** Writes the outbox row and moves the scope to it (revision + 1), in the change's transaction. */
  private async recordChange(
    manager: EntityManager,
    scope: ResolvedScope,
    revision: number,
    reason: string,
    firstAffectedDate: LocalDate,
  ): Promise<string> {
    const changeId = await this.changes.record(manager, {
      scopeKey: scope.scopeKey,
      unitId: scope.unitId,
      revision: revision + 1,
      reason,
      firstAffectedDate,
    });
    await manager.query(
      'UPDATE calendar_scopes SET revision = ?, last_change_id = ?, updated_at = ? WHERE scope_key = ?',
      [revision + 1, changeId, this.clock.now(), scope.scopeKey],
    );
    return changeId;
  }

  /** The layout a scope inherits: everything above it in its chain, without its own layer. */
  private async inheritedLayout(
    manager: EntityManager,
    scope: ResolvedScope,
  ): Promise<Map<LocalDate, CalendarEntry>> {
    if (scope.scopeKey === NATIONAL_SCOPE) return new Map(composeLayout([]).entries);
    const chain = (await this.store.chainOf(manager, scope.scopeKey)) ?? [];
    const above = chain
      .filter((l) => l.scopeKey !== scope.scopeKey && l.lastChangeId !== null)
      .map((l) => l.scopeKey);
    return new Map(composeLayout(await this.store.layersOf(manager, above)).entries);
  }
}
