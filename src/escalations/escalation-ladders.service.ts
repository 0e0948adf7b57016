import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { isDuplicateKey } from '../common/database/db-errors.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { AppConfig } from '../config/app-config.js';
import { DEADLINE_RULES } from '../deadlines/domain/deadline-rules.js';
import { scopeSql } from '../units/unit-scope.js';
import {
  cleanLadder,
  DEFAULT_LADDER,
  ladderProblems,
  parseLadders,
  type LadderLevel,
} from './domain/ladder.js';
import type {
  EscalationLadderDefaultsView,
  EscalationLadderView,
  PutEscalationLadderDto,
  SavedEscalationLadderView,
} from './dto/escalation-ladder.dto.js';
import { EscalationLadderEntity, EVERY_AGENCY } from './entities/escalation-ladder.entity.js';
import { EscalationLadderErrors } from './escalation-ladders.errors.js';
import { parsedLevels } from './ladder-store.js';

/** The kinds of subject deadlines belong to (their DeadlineSubjectAdapter's subjectType). */
const SUBJECT_KEYS = ['complaint_case', 'denunciation_case', 'letter', 'enforcement_obligation'];

/**
 * Escalation ladders kept as data (docs/escalations.md, ADR 0017): the current ladders and their
 * versions, read within the actor's units; a change is a new version, checked against the version the
 * actor read, audited in its transaction, and taking effect for the next level to fire.
 */
@Injectable()
export class EscalationLaddersService {
  private readonly keys: string[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.keys = [...DEADLINE_RULES.map((r) => r.id), ...SUBJECT_KEYS];
  }

  async overview(actor: Actor): Promise<EscalationLadderDefaultsView> {
    const scope = scopeSql('l.agency_scope', actor);
    const rows = (await this.dataSource.query(
      `SELECT l.* FROM escalation_ladders l
        JOIN (SELECT ladder_key, agency_scope, MAX(version) AS version FROM escalation_ladders
               GROUP BY ladder_key, agency_scope) c
          ON c.ladder_key = l.ladder_key AND c.agency_scope = l.agency_scope AND c.version = l.version
        WHERE l.levels IS NOT NULL AND (l.agency_scope = ? OR ${scope.sql})
        ORDER BY l.ladder_key, l.agency_scope`,
      [EVERY_AGENCY, ...scope.params],
    )) as RawLadder[];
    return {
      defaultLadder: DEFAULT_LADDER.map((l) => ({ ...l, recipients: [...l.recipients] })),
      environment: parseLadders(this.config.escalation.ladders) as Record<string, LadderLevel[]>,
      keys: this.keys,
      ladders: rows.map(viewOfRaw),
    };
  }

  /** @throws `ESCALATION_LADDER_UNKNOWN_KEY` (400), `ESCALATION_LADDER_UNIT_NOT_FOUND` (404) */
  async versions(
    actor: Actor,
    key: string,
    agencyUnitId: string | undefined,
  ): Promise<EscalationLadderView[]> {
    this.knownKey(key);
    if (agencyUnitId) await this.unitInScope(this.dataSource.manager, actor, agencyUnitId, false);
    const rows = await this.dataSource.manager.find(EscalationLadderEntity, {
      where: { ladderKey: key, agencyScope: agencyUnitId ?? EVERY_AGENCY },
      order: { version: 'DESC' },
    });
    return rows.map(viewOf);
  }

  /**
   * A new version of the ladder of `key` (for every agency, or for `dto.agencyUnitId`).
   * @throws `ESCALATION_LADDER_UNKNOWN_KEY`, `ESCALATION_LADDER_INVALID` (400),
   * `ESCALATION_LADDER_UNIT_NOT_FOUND` (404), `ESCALATION_LADDER_VERSION_CONFLICT` (409)
   */
  async put(actor: Actor, key: string, dto: PutEscalationLadderDto): Promise<SavedEscalationLadderView> {
    this.knownKey(key);
    let levels: LadderLevel[] | null = null;
    if (dto.levels !== null && dto.levels !== undefined) {
      const problems = ladderProblems(dto.levels);
      if (problems.length > 0) {
        throw EscalationLadderErrors.invalid(problems.map(({ field, message }) => ({ field, message })));
      }
      levels = cleanLadder(dto.levels);
    }
    const agencyScope = dto.agencyUnitId ?? EVERY_AGENCY;
    try {
      return await transactionWithRetry(this.dataSource, async (manager) => {
        if (dto.agencyUnitId) await this.unitInScope(manager, actor, dto.agencyUnitId, true);
        const current = await manager.findOne(EscalationLadderEntity, {
          where: { ladderKey: key, agencyScope },
          order: { version: 'DESC' },
        });
        const currentVersion = current?.version ?? 0;
        if (dto.version !== currentVersion) throw EscalationLadderErrors.versionConflict(currentVersion);
        const row: EscalationLadderEntity = Object.assign(new EscalationLadderEntity(), {
          id: uuid7(),
          ladderKey: key,
          agencyScope,
          version: currentVersion + 1,
          levels,
          reason: dto.reason,
          // A person's change (the route needs a signed-in account); the system actor never edits ladders.
          changedByUserId: actor.userId ?? 'system',
        });
        await manager.insert(EscalationLadderEntity, row);
        const reexamined = await this.pullNextLevels(manager, key, dto.agencyUnitId ?? null);
        await this.audit.record(manager, actor, {
          action: current ? 'update' : 'create',
          entityType: 'escalation_ladder',
          entityId: row.id,
          unitId: dto.agencyUnitId ?? null,
          changes: {
            key: { before: null, after: key },
            agencyScope: { before: null, after: agencyScope },
            version: { before: current?.version ?? null, after: row.version },
            levels: {
              before: current ? (parsedLevels(current.levels) as never) : null,
              after: levels as never,
            },
            reason: { before: null, after: dto.reason },
            deadlinesReexamined: { before: null, after: reexamined },
          },
        });
        const saved = await manager.findOneByOrFail(EscalationLadderEntity, { id: row.id });
        return { ...viewOf(saved), deadlinesReexamined: reexamined };
      });
    } catch (error) {
      // Two writers of the same version: the unique key lets one through.
      if (isDuplicateKey(error, 'uq_escalation_ladders_key_scope_version')) {
        const latest = await this.dataSource.manager.findOne(EscalationLadderEntity, {
          where: { ladderKey: key, agencyScope },
          order: { version: 'DESC' },
        });
        throw EscalationLadderErrors.versionConflict(latest?.version ?? 0);
      }
      throw error;
    }
  }

  /**
   * Taking effect for the next level to fire (ADR 0017): the open deadlines this ladder may govern get
   * their next level's day pulled to today at the latest; the sweep runs their job, which computes the
   * ladder afresh and fires the level now due or re-dates the next one. Levels already sent stay sent.
   */
  private async pullNextLevels(
    manager: EntityManager,
    key: string,
    agencyUnitId: string | null,
  ): Promise<number> {
    const today = this.clock.today();
    const result = (await manager.query(
      `UPDATE case_deadlines SET next_escalation_on = ?
        WHERE status = 'open' AND next_escalation_level IS NOT NULL AND next_escalation_on > ?
          AND (rule_id = ? OR subject_type = ?)
          ${agencyUnitId ? 'AND unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = ?)' : ''}`,
      [today, today, key, key, ...(agencyUnitId ? [agencyUnitId] : [])],
    )) as { affectedRows?: number };
    return result.affectedRows ?? 0;
  }

  private knownKey(key: string): void {
    if (!this.keys.includes(key)) throw EscalationLadderErrors.unknownKey(key);
  }

  private async unitInScope(manager: EntityManager, actor: Actor, unitId: string, lock: boolean) {
    const scope = scopeSql('u.id', actor);
    const rows: unknown[] = await manager.query(
      `SELECT u.id FROM units u WHERE u.id = ? AND ${scope.sql}${lock ? ' FOR UPDATE' : ''}`,
      [unitId, ...scope.params],
    );
    if (rows.length === 0) throw EscalationLadderErrors.unitNotFound();
  }
}

interface RawLadder {
  ladder_key: string;
  agency_scope: string;
  version: number;
  levels: unknown;
  reason: string;
  changed_by_user_id: string;
  created_at: Date | string;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

function viewOfRaw(r: RawLadder): EscalationLadderView {
  return {
    key: r.ladder_key,
    agencyUnitId: r.agency_scope === EVERY_AGENCY ? null : r.agency_scope,
    version: Number(r.version),
    levels: parsedLevels(r.levels),
    reason: r.reason,
    changedByUserId: r.changed_by_user_id,
    createdAt: iso(r.created_at),
  };
}

function viewOf(e: EscalationLadderEntity): EscalationLadderView {
  return {
    key: e.ladderKey,
    agencyUnitId: e.agencyScope === EVERY_AGENCY ? null : e.agencyScope,
    version: e.version,
    levels: parsedLevels(e.levels),
    reason: e.reason,
    changedByUserId: e.changedByUserId,
    createdAt: iso(e.createdAt),
  };
}
