import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../deadlines/domain/deadline-policy.js';
import { UnitErrors } from '../units/units.errors.js';
import { CalendarStore, type ChainLink } from './calendar-store.js';
import { composeCalendar, NATIONAL_SCOPE, type ComposedCalendar } from './domain/calendar-layers.js';
import type { WorkingCalendar } from './domain/working-calendar.js';

/** Built calendars kept in memory; distinct keys are few (one per set of scopes with data in a chain). */
const CACHE_LIMIT = 64;

/**
 * The working calendar that applies to a unit: the national public-sector calendar with the national
 * overrides and those of the unit's ancestors, nearest scope winning (domain/calendar-layers.ts). Every
 * deadline, recurrence and "working day" question goes through here.
 *
 * Contract (kept stable for callers): `calendarFor(unitId)` resolves the unit's effective calendar.
 *
 * Caching: a built calendar is kept in process under the key `<scope>:<last change id>|…` of the
 * scopes in the unit's chain that have data. Each request costs one indexed query (the chain and the
 * ids); a change anywhere in the chain sets a new id in the change's transaction, so the next request
 * after the commit sees a new key — in every API and worker process at once, with no messages and no
 * stale window (ADR 0004).
 */
@Injectable()
export class UnitCalendarService {
  private readonly cache = new Map<string, ComposedCalendar>();
  private readonly building = new Map<string, Promise<ComposedCalendar>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CalendarStore,
  ) {}

  /**
   * The effective calendar of a unit. Inside a command, pass the command's `manager`: the lookup then
   * uses the command's connection and never asks the pool for a second one (docs/database.md).
   * @throws `UNIT_NOT_FOUND` when the unit does not exist
   */
  async calendarFor(unitId: string, manager?: EntityManager): Promise<WorkingCalendar> {
    return (await this.composedFor(unitId, manager)).calendar;
  }

  /** The national calendar: built-in data and the national overrides. */
  async nationalCalendar(manager?: EntityManager): Promise<WorkingCalendar> {
    return (await this.composedFor(NATIONAL_SCOPE, manager)).calendar;
  }

  /** The version to record with a deadline computed for the unit. */
  async calendarVersionFor(unitId: string, manager?: EntityManager): Promise<string> {
    return (await this.calendarFor(unitId, manager)).version;
  }

  /** The counting conventions of this deployment (deadline-policy.md; the defaults for now). */
  policy(): DeadlinePolicy {
    return DEFAULT_DEADLINE_POLICY;
  }

  /**
   * The effective calendar of a scope (`national` or a unit id) with where each entry and each year's
   * confirmation comes from. Reads through `manager` when given (the caller's transaction), else on
   * the pool outside any transaction. @throws `UNIT_NOT_FOUND`
   */
  async composedFor(scopeKey: string, manager?: EntityManager): Promise<ComposedCalendar> {
    const chain = await this.store.chainOf(manager ?? this.dataSource.manager, scopeKey);
    if (!chain) throw UnitErrors.notFound();
    const key = cacheKey(chain);
    const cached = this.cache.get(key);
    if (cached) {
      // Least recently used goes first: re-insert on every hit.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    // Inside a transaction the layers are read in that transaction's snapshot, where the chain just
    // came from; such a build is not shared with other callers (their transactions are not ours).
    if (manager?.queryRunner?.isTransactionActive) return this.buildIn(manager, scopeKey);
    let pending = this.building.get(key);
    if (!pending) {
      pending = this.build(scopeKey).finally(() => this.building.delete(key));
      this.building.set(key, pending);
    }
    return pending;
  }

  /** Number of built calendars held (for tests and metrics). */
  cachedCalendars(): number {
    return this.cache.size;
  }

  private build(scopeKey: string): Promise<ComposedCalendar> {
    // The chain and the layers are read from one snapshot, so the key matches the content exactly.
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.buildIn(manager, scopeKey));
  }

  private async buildIn(manager: EntityManager, scopeKey: string): Promise<ComposedCalendar> {
    const chain = await this.store.chainOf(manager, scopeKey);
    if (!chain) throw UnitErrors.notFound();
    const key = cacheKey(chain);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const layers = await this.store.layersOf(
      manager,
      chain.filter((l) => l.lastChangeId !== null).map((l) => l.scopeKey),
    );
    const composed = composeCalendar(layers);
    this.cache.set(key, composed);
    while (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    return composed;
  }
}

/**
 * Only scopes that were ever changed count: units without any share the key (and the calendar) of
 * their nearest ones. Change ids never repeat, so a key never names two different contents.
 */
function cacheKey(chain: readonly ChainLink[]): string {
  return (
    chain
      .filter((l) => l.lastChangeId !== null)
      .map((l) => `${l.scopeKey}:${l.lastChangeId}`)
      .join('|') || 'built-in'
  );
}
