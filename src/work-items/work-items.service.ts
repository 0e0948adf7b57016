import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actorWithPermission, type Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { searchFold } from '../common/domain/vietnamese-text.js';
import { CaseErrors } from '../cases/cases.errors.js';
import { scopeSql, unitInScope } from '../units/unit-scope.js';
import { CLOSED_STATES, likeWord, weekOf, WORK_ITEM_KINDS, type WorkItemKind } from './domain/work-list.js';
import type { ListWorkItemsQueryDto, WorkItemsPage, WorkItemView } from './dto/work-items.dto.js';

interface Sql {
  sql: string;
  params: unknown[];
}

interface Row {
  kind: WorkItemKind;
  id: string;
  ref: string;
  title: string;
  state: string;
  track: string | null;
  unit_id: string;
  unit_name: string;
  handler_user_id: string | null;
  next_due: string | null;
  since: string;
  parent_id: string | null;
  mine: number | string;
}

/** A column's value as the same collation in every branch, so the UNION never mixes collations. */
const text = (expr: string) => `CONVERT(${expr} USING utf8mb4) COLLATE utf8mb4_unicode_ci`;

/**
 * A denunciation's initial processing (TC-1, LTC arts. 24(1), 29) runs on its letter until the case is
 * accepted or refused: until then it is the case's nearest deadline too.
 */
const LETTER_PROCESSING_JOIN = `LEFT JOIN case_deadlines lp
  ON lp.subject_type = 'letter' AND lp.subject_id = c.letter_id AND lp.purpose = 'processing' AND lp.status = 'open'`;
const NEAREST_WITH_PROCESSING =
  'CASE WHEN lp.due_date IS NULL THEN nd.next_due WHEN nd.next_due IS NULL THEN lp.due_date ELSE LEAST(nd.next_due, lp.due_date) END';

/**
 * The officers' work lists (docs/console-cases.md): letters awaiting their processing decision, open
 * complaint and denunciation cases, unfinished enforcement obligations, in one list sorted by the nearest
 * statutory due date. Each kind is read within the units over which the actor holds its read permission
 * (a case's assignee also sees it outside them, as GET /complaint-cases does); counts per kind and per
 * due filter come from one grouped query over the same rows.
 */
@Injectable()
export class WorkItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListWorkItemsQueryDto): Promise<WorkItemsPage> {
    if (query.unitId) {
      await unitInScope(this.dataSource.manager, actor, query.unitId, () =>
        CaseErrors.invalid([{ field: 'unitId', message: 'is not a unit you may see' }]),
      );
    }
    const today = this.clock.today();
    const week = weekOf(today);
    const union = this.branches(actor);
    if (union.length === 0) {
      return emptyPage(query, today);
    }
    const from: Sql = {
      sql: `(${union.map((b) => b.sql).join('\nUNION ALL\n')}) w JOIN units u ON u.id = w.unit_id`,
      params: union.flatMap((b) => b.params),
    };
    // Every filter but kind and due: the counts are made over these rows.
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.scope === 'mine') where.push('w.mine = 1');
    if (query.unitId) {
      where.push('w.unit_id = ?');
      params.push(query.unitId);
    }
    if (query.state) {
      where.push('w.state = ?');
      params.push(query.state);
    }
    if (query.track) {
      where.push('w.track = ?');
      params.push(query.track);
    }
    for (const word of searchFold(query.q ?? '')
      .split(' ')
      .filter(Boolean)
      .slice(0, 8)) {
      where.push('w.search_text LIKE ?');
      params.push(likeWord(word));
    }
    const base = where.length ? where.join(' AND ') : '1 = 1';

    const grouped: Array<{ kind: WorkItemKind; n: string; overdue: string | null; week: string | null }> =
      await this.dataSource.query(
        `SELECT w.kind, COUNT(*) AS n, SUM(w.next_due < ?) AS overdue,
                SUM(w.next_due BETWEEN ? AND ?) AS week
         FROM ${from.sql} WHERE ${base} GROUP BY w.kind`,
        [today, week.from, week.to, ...from.params, ...params],
      );
    const byKind = Object.fromEntries(WORK_ITEM_KINDS.map((k) => [k, 0])) as Record<WorkItemKind, number>;
    let dueThisWeek = 0;
    let overdue = 0;
    let total = 0;
    for (const g of grouped) {
      byKind[g.kind] = Number(g.n);
      if (query.kind && g.kind !== query.kind) continue;
      dueThisWeek += Number(g.week ?? 0);
      overdue += Number(g.overdue ?? 0);
      total += Number(
        query.due === 'overdue' ? (g.overdue ?? 0) : query.due === 'this_week' ? (g.week ?? 0) : g.n,
      );
    }

    const pageWhere = [base];
    const pageParams = [...params];
    if (query.kind) {
      pageWhere.push('w.kind = ?');
      pageParams.push(query.kind);
    }
    if (query.due === 'overdue') {
      pageWhere.push('w.next_due < ?');
      pageParams.push(today);
    }
    if (query.due === 'this_week') {
      pageWhere.push('w.next_due BETWEEN ? AND ?');
      pageParams.push(week.from, week.to);
    }
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const rows: Row[] = total
      ? await this.dataSource.query(
          `SELECT w.kind, w.id, w.ref, w.title, w.state, w.track, w.unit_id, u.name AS unit_name,
                  w.handler_user_id, w.next_due, w.since, w.parent_id, w.mine
           FROM ${from.sql} WHERE ${pageWhere.join(' AND ')}
           ORDER BY w.next_due IS NULL, w.next_due ${direction}, w.since ${direction}, w.id ${direction}
           LIMIT ? OFFSET ?`,
          [...from.params, ...pageParams, query.pageSize, (query.page - 1) * query.pageSize],
        )
      : [];
    return {
      items: rows.map(toView),
      page: query.page,
      pageSize: query.pageSize,
      total,
      counts: { all: grouped.reduce((s, g) => s + Number(g.n), 0), byKind, dueThisWeek, overdue },
      today,
    };
  }

  /** One SELECT per kind the actor may read, each limited to its units; same columns in each. */
  private branches(actor: Actor): Sql[] {
    const out: Sql[] = [];
    const me = actor.userId ?? '';
    if (actor.permissions.has('letters:read')) {
      const scope = scopeSql('l.unit_id', actorWithPermission(actor, 'letters:read'));
      // "Mine": the letters whose processing decision is the actor's (a head's, over the letter's unit).
      const decides = actor.permissions.has('cases:manage') && actor.permissions.has('letters:write');
      const mine = decides ? scopeSql('l.unit_id', actorWithPermission(actor, 'cases:manage')) : null;
      out.push({
        sql: `SELECT 'letter' AS kind, l.id, ${text('l.receipt_code')} AS ref, ${text('l.subject')} AS title,
                ${text('l.status')} AS state, ${text('l.classification')} AS track, l.unit_id,
                CAST(NULL AS CHAR(36)) AS handler_user_id, l.processing_due AS next_due,
                l.received_on AS since, CAST(NULL AS CHAR(36)) AS parent_id,
                ${text('l.search_text')} AS search_text, ${mine ? `(${mine.sql})` : '0'} AS mine
              FROM letters l WHERE l.status = 'registered' AND ${scope.sql}`,
        params: [...(mine?.params ?? []), ...scope.params],
      });
    }
    if (actor.permissions.has('cases:read')) {
      const reader = actorWithPermission(actor, 'cases:read');
      for (const [kind, table, subject] of [
        ['complaint', 'complaint_cases', 'complaint_case'],
        ['denunciation', 'denunciation_cases', 'denunciation_case'],
      ] as const) {
        const scope = scopeSql('c.unit_id', reader);
        const closed = CLOSED_STATES[kind];
        out.push({
          sql: `SELECT '${kind}' AS kind, c.id, ${text('c.case_number')} AS ref, ${text('c.subject')} AS title,
                  ${text('c.state')} AS state, ${text('c.track')} AS track, c.unit_id, c.handler_user_id,
                  ${kind === 'denunciation' ? NEAREST_WITH_PROCESSING : 'nd.next_due'} AS next_due,
                  c.received_on AS since, CAST(NULL AS CHAR(36)) AS parent_id,
                  ${text('c.search_text')} AS search_text, (c.handler_user_id <=> ?) AS mine
                FROM ${table} c
                LEFT JOIN (SELECT subject_id, MIN(due_date) AS next_due FROM case_deadlines
                           WHERE subject_type = ? AND status = 'open' GROUP BY subject_id) nd
                  ON nd.subject_id = c.id
                ${kind === 'denunciation' ? LETTER_PROCESSING_JOIN : ''}
                WHERE c.state NOT IN (${closed.map(() => '?').join(', ')})
                  AND (${scope.sql} OR c.handler_user_id = ?)`,
          params: [me, subject, ...closed, ...scope.params, me],
        });
      }
    }
    if (actor.permissions.has('enforcement:read')) {
      const scope = scopeSql('o.owning_unit_id', actorWithPermission(actor, 'enforcement:read'));
      const recordScope = scopeSql('r.unit_id', actorWithPermission(actor, 'enforcement:read'));
      // "Mine": the obligations my unit carries out, when I may report on them.
      const owns = actor.permissions.has('enforcement:write') && actor.unitId !== null;
      out.push({
        sql: `SELECT 'obligation' AS kind, o.id,
                ${text("COALESCE(cc.case_number, dc.case_number, '')")} AS ref, ${text('o.description')} AS title,
                ${text('o.status')} AS state, ${text('o.kind')} AS track, o.owning_unit_id AS unit_id,
                CAST(NULL AS CHAR(36)) AS handler_user_id, o.due_date AS next_due, r.opened_on AS since,
                r.id AS parent_id, ${text("COALESCE(cc.search_text, dc.search_text, '')")} AS search_text,
                ${owns ? '(o.owning_unit_id = ?)' : '0'} AS mine
              FROM enforcement_obligations o
              JOIN enforcement_records r ON r.id = o.record_id
              LEFT JOIN complaint_cases cc ON r.subject_type = 'complaint_case' AND cc.id = r.subject_id
              LEFT JOIN denunciation_cases dc ON r.subject_type = 'denunciation_case' AND dc.id = r.subject_id
              WHERE o.status <> 'done' AND (${scope.sql} OR ${recordScope.sql})`,
        params: [...(owns ? [actor.unitId] : []), ...scope.params, ...recordScope.params],
      });
    }
    return out;
  }
}

function toView(r: Row): WorkItemView {
  return {
    kind: r.kind,
    id: r.id,
    ref: r.ref,
    title: r.title,
    state: r.state,
    track: r.track,
    unitId: r.unit_id,
    unitName: r.unit_name,
    handlerUserId: r.handler_user_id,
    nextDue: r.next_due,
    since: r.since,
    parentId: r.parent_id,
    mine: Number(r.mine) === 1,
  };
}

function emptyPage(query: ListWorkItemsQueryDto, today: string): WorkItemsPage {
  return {
    items: [],
    page: query.page,
    pageSize: query.pageSize,
    total: 0,
    counts: {
      all: 0,
      byKind: { letter: 0, complaint: 0, denunciation: 0, obligation: 0 },
      dueThisWeek: 0,
      overdue: 0,
    },
    today,
  };
}
